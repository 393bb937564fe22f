"""Files as Excel and HRMS systems write them: encodings, BOMs, delimiters, XLSX dates, Hindi headers."""

from __future__ import annotations

import datetime
import io
import unicodedata

import openpyxl

from kshamta.accounts.models import Profile
from kshamta.onboarding.tests.helpers import HEADER, ImportTestCase, csv_text, person

HINDI_HEADER = [
    "कर्मचारी कोड",
    "नाम (अंग्रेज़ी)",
    "नाम (हिंदी)",
    "ईमेल",
    "मोबाइल",
    "पदनाम",
    "समूह",
    "संगठन कोड",
    "जन्म तिथि",
    "लिंग",
    "श्रेणी",
    "कार्यभार ग्रहण तिथि",
]


class FileFormatTests(ImportTestCase):
    def test_csv_with_bom_semicolons_and_odd_header_case(self) -> None:
        header = [h.upper().replace("_", " ") if i % 2 else h.title() for i, h in enumerate(HEADER)]
        rows = [{header[i]: v for i, v in enumerate(person("R7001").values())}]
        text = csv_text(rows, header=header, delimiter=";")
        job = self.run_import(b"\xef\xbb\xbf" + text.encode("utf-8"))
        self.assertEqual(job.created, 1, self.errors(job))
        self.assertEqual(Profile.objects.get(employee_code="R7001").user.name_hi, "व्यक्ति R7001")

    def test_utf16_csv(self) -> None:
        job = self.run_import(csv_text([person("R7002")]).encode("utf-16"))
        self.assertEqual(job.created, 1, self.errors(job))
        self.assertEqual(Profile.objects.get(employee_code="R7002").user.name_hi, "व्यक्ति R7002")

    def test_cp1252_csv(self) -> None:
        text = csv_text([person("R7003", name_en="José Ménon", name_hi="")])
        job = self.run_import(text.encode("cp1252"))
        self.assertEqual(job.created, 1, self.errors(job))
        self.assertEqual(Profile.objects.get(employee_code="R7003").user.name_en, "José Ménon")

    def test_xlsx_with_date_cells_serials_and_numeric_codes(self) -> None:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(HEADER)
        row = person("77004")
        row.update(
            employee_code=77004,
            mobile=9812345678,
            date_of_birth=datetime.date(1980, 1, 26),
            date_of_joining=40000,  # an Excel serial: 2009-07-06
        )
        sheet.append(list(row.values()))
        sheet.append(list(person("R7005", date_of_birth=datetime.datetime(1990, 5, 1, 0, 0)).values()))
        buffer = io.BytesIO()
        book.save(buffer)
        job = self.run_import(buffer.getvalue(), filename="hrms.xlsx")
        self.assertEqual(job.created, 2, self.errors(job))
        profile = Profile.objects.select_related("user").get(employee_code="77004")
        self.assertEqual(profile.date_of_birth, datetime.date(1980, 1, 26))
        self.assertEqual(profile.date_of_joining, datetime.date(2009, 7, 6))
        self.assertEqual(profile.user.mobile, "9812345678")
        self.assertEqual(Profile.objects.get(employee_code="R7005").date_of_birth, datetime.date(1990, 5, 1))
        again = self.run_import(buffer.getvalue(), filename="hrms.xlsx")
        self.assertEqual(again.unchanged, 2)

    def test_hindi_headers(self) -> None:
        rows = [dict(zip(HINDI_HEADER, person("R7006", designation="पटवारी", gender="पुरुष").values(), strict=True))]
        job = self.run_import(csv_text(rows, header=HINDI_HEADER))
        self.assertEqual(job.created, 1, self.errors(job))
        profile = Profile.objects.get(employee_code="R7006")
        self.assertEqual((profile.designation, profile.gender), (self.patwari, "M"))

    def test_decomposed_unicode_names_are_normalised(self) -> None:
        name_en = "Rene\u0301e  D\u2019Souza"  # e + combining acute, as macOS and some HRMS exports write it
        name_hi = "\u0928\u093c\u093f\u0930\u093e"  # न + nukta composes to ऩ under NFC
        self.assertNotEqual(name_hi, unicodedata.normalize("NFC", name_hi))
        job = self.run_import(csv_text([person("R7007", name_hi=f"  {name_hi}  ", name_en=f" {name_en} ")]))
        self.assertEqual(job.created, 1)
        user = Profile.objects.get(employee_code="R7007").user
        self.assertEqual(user.name_hi, "\u0929\u093f\u0930\u093e")
        self.assertEqual(user.name_en, "Ren\u00e9e D\u2019Souza")
        again = self.run_import(csv_text([person("R7007", name_hi=name_hi, name_en=name_en)]))
        self.assertEqual(again.unchanged, 1)

    def test_unsupported_file_type_is_refused(self) -> None:
        from kshamta.onboarding.actions import ImportRefused

        with self.assertRaises(ImportRefused) as caught:
            self.start(b"whatever", filename="people.pdf")
        self.assertIn(".csv", caught.exception.hi)
