from __future__ import annotations

import datetime
import unicodedata

from django.test import SimpleTestCase

from kshamta.core.text import (
    clean_text,
    indian_number,
    normalise_email,
    normalise_mobile,
    parse_indian_date,
)


class CleanTextTests(SimpleTestCase):
    def test_decomposed_devanagari_becomes_nfc(self) -> None:
        composed = "\u0929\u093e\u0930\u093e\u092f\u0923 Andr\u00e9"  # precomposed NNNA and é
        decomposed = unicodedata.normalize("NFD", composed)
        self.assertNotEqual(decomposed, composed)
        self.assertEqual(clean_text(decomposed), composed)

    def test_zero_width_space_and_bom_are_removed_and_spaces_collapsed(self) -> None:
        self.assertEqual(clean_text("\ufeff  Ramesh\u200b   Kumar \n"), "Ramesh Kumar")

    def test_zwj_inside_devanagari_is_kept_because_it_changes_rendering(self) -> None:
        self.assertEqual(clean_text("क्\u200dष"), "क्\u200dष")
        self.assertEqual(clean_text("Sita\u200d Devi"), "Sita Devi")

    def test_none_is_empty(self) -> None:
        self.assertEqual(clean_text(None), "")


class IdentityTests(SimpleTestCase):
    def test_email_is_lower_cased_and_validated(self) -> None:
        self.assertEqual(normalise_email("  Sita.Devi@MP.GOV.IN "), "sita.devi@mp.gov.in")
        for bad in ["", "sita", "sita@", "@mp.gov.in", "sita@mp", "a b@mp.gov.in"]:
            self.assertIsNone(normalise_email(bad), bad)

    def test_indian_mobiles_in_every_written_form(self) -> None:
        for raw in [
            "9876543210",
            "+91 98765 43210",
            "+91-98765-43210",
            "919876543210",
            "09876543210",
            "98765-43210",
            9876543210,
            9876543210.0,
        ]:
            self.assertEqual(normalise_mobile(raw), "9876543210", raw)

    def test_invalid_mobiles(self) -> None:
        for raw in ["5876543210", "987654321", "98765432101", "+1 9876543210", "abcdefghij", "", None, 12.5]:
            self.assertIsNone(normalise_mobile(raw), raw)


class DateTests(SimpleTestCase):
    def test_day_first_iso_and_excel_serial(self) -> None:
        expected = datetime.date(1985, 3, 7)
        for raw in [
            "07-03-1985",
            "07/03/1985",
            "1985-03-07",
            "7.3.1985",
            31113,
            "31113",
            datetime.datetime(1985, 3, 7, 0, 0),
        ]:
            self.assertEqual(parse_indian_date(raw), expected, raw)

    def test_impossible_dates(self) -> None:
        for raw in ["31-02-1990", "1990-13-01", "yesterday", "00/00/0000"]:
            self.assertIsNone(parse_indian_date(raw), raw)


class IndianNumberTests(SimpleTestCase):
    def test_lakh_and_crore_grouping(self) -> None:
        self.assertEqual(indian_number(1200000), "12,00,000")
        self.assertEqual(indian_number(13000000), "1,30,00,000")
        self.assertEqual(indian_number(999), "999")
        self.assertEqual(indian_number(-4000), "-4,000")
