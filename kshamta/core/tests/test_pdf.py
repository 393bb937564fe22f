"""Our PDFs give back the Hindi we put in: shaped Devanagari extracts as the same text.

This guards the workaround in kshamta/core/pdf.py (``_map_cluster_tails``), written
against fpdf2 2.8.9: without it, pypdf reads "प्रमाणित" as "प्रमाणि\\x05त".
"""

from __future__ import annotations

import datetime
import io
from typing import cast

import fpdf
from django.test import SimpleTestCase
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from kshamta.core.pdf import (
    DEVANAGARI,
    FONT_DIR,
    FONT_FILES,
    FPDF2_VERSION,
    INK,
    LATIN,
    Cell,
    KshamtaPDF,
    new_document,
    script_runs,
)

SAMPLES = [
    "प्रमाणित किया जाता है कि सीता देवी ने पाठ्यक्रम पूर्ण किया",
    "सूचना का अधिकार अधिनियम, 2005",
    "RTI अधिनियम 2005 के अंतर्गत 30 दिन",
    "श्री",
    "क्षमता",
    "द्वितीय",
    "प्रशिक्षण",
    "Certificate of completion / पूर्णता प्रमाण-पत्र",
    "Right to Information Act, 2005",
]


def extract(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def words(text: str) -> str:
    # A reader infers the gaps between words from glyph positions; a vowel sign drawn
    # left of its consonant (the e-matra in "के") can read as one extra space, so
    # spacing is compared word by word. Every character must come back as written.
    return " ".join(text.split())


class ExtractionTests(SimpleTestCase):
    def test_hindi_english_and_mixed_lines_round_trip(self) -> None:
        pdf = new_document()
        pdf.add_page()
        for text in SAMPLES:
            pdf.text_line(text, 14)
        lines = extract(bytes(pdf.output()))[0].splitlines()
        self.assertEqual([words(line) for line in lines], [words(s) for s in SAMPLES])
        # The words that used to come back with raw glyph codes inside them.
        for word in ("प्रमाणित", "किया", "द्वितीय", "प्रशिक्षण", "अधिकार", "अधिनियम", "अंतर्गत", "दिन"):
            self.assertIn(word, " ".join(lines))
        self.assertNotRegex(" ".join(lines), r"[\x00-\x08\x0b-\x1f!%(]")

    def test_bold_wrapped_paragraph_and_table_round_trip(self) -> None:
        pdf = new_document()
        pdf.add_page()
        sentence = "प्रमाणित किया जाता है कि Sita Devi (सीता देवी) ने RTI अधिनियम के अंतर्गत प्रशिक्षण पूर्ण किया। "
        pdf.paragraph(sentence * 4, 11, bold=True, width=90)
        pdf.simple_table(
            [["RTI", "सूचना का अधिकार", Cell("2", align="R")], ["POSH", "Prevention of sexual harassment", "3"]],
            [0.2, 0.6, 0.2],
            header=["Code / कोड", "Competency / दक्षता", "Level / स्तर"],
        )
        text = extract(bytes(pdf.output()))[0]
        self.assertGreater(text.count("\n"), 6)  # the paragraph wrapped onto several lines
        self.assertFalse(any(words(sentence.strip()) in words(line) for line in text.splitlines()))
        joined = words(text.replace("\n", " "))
        self.assertEqual(joined.count(words(sentence.strip())), 4)
        for piece in ("Code / कोड", "Competency / दक्षता", "Level / स्तर", "सूचना का अधिकार", "Prevention of sexual"):
            self.assertIn(piece, joined)

    def test_cluster_tails_are_mapped_to_nothing(self) -> None:
        pdf = new_document()
        pdf.add_page()
        pdf.text_line("प्रमाणित द्वितीय", 12)
        reader = PdfReader(io.BytesIO(bytes(pdf.output())))
        resources = cast(DictionaryObject, reader.pages[0]["/Resources"])
        fonts = cast(DictionaryObject, resources["/Font"].get_object())
        cmaps = [
            cast(DictionaryObject, fonts[name].get_object())["/ToUnicode"].get_object().get_data().decode()  # type: ignore[union-attr]
            for name in fonts
        ]
        self.assertTrue(any(" <>\n" in cmap for cmap in cmaps), "no glyph was mapped to empty text")

    def test_written_against_this_fpdf2(self) -> None:
        # The workaround reaches into fpdf2's font subset; look at it again on an upgrade.
        self.assertEqual(fpdf.FPDF_VERSION, FPDF2_VERSION)

    def test_table_repeats_its_header_on_a_new_page(self) -> None:
        pdf = new_document()
        pdf.add_page()
        pdf.simple_table([[f"पंक्ति {n}", f"row {n}"] for n in range(80)], [0.5, 0.5], header=["हिन्दी", "English"])
        pages = extract(bytes(pdf.output()))
        self.assertGreater(len(pages), 1)
        for page in pages:
            self.assertTrue(page.startswith("हिन्दी English"), page[:40])
        self.assertIn("पंक्ति 79 row 79", words(pages[-1]))


class ParsedFontTests(SimpleTestCase):
    def sample(self, pdf: KshamtaPDF) -> bytes:
        pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
        pdf.add_page()
        pdf.text_line("प्रमाणित द्वितीय RTI अधिनियम", 14, bold=True)
        pdf.text_line("Sita Devi सीता देवी", 11)
        return bytes(pdf.output())

    def test_documents_from_parsed_fonts_equal_documents_from_font_files(self) -> None:
        other = new_document()  # another document first: nothing of it may leak into the next
        other.add_page()
        other.text_line("क्षमता प्रशिक्षण Kshamta", 12, bold=True)
        other.output()
        plain = KshamtaPDF(orientation="P", unit="mm", format="A4")
        for (family, style), filename in FONT_FILES.items():
            plain.add_font(family, style, fname=str(FONT_DIR / filename))
        plain.set_text_shaping(True)
        plain.set_margins(15, 15, 15)
        plain.set_auto_page_break(True, margin=15)
        plain.c_margin = 0
        plain.set_font(LATIN, "", 11)
        plain.set_text_color(*INK)
        plain.set_creator("Kshamta")
        self.assertEqual(self.sample(new_document()), self.sample(plain))


class ScriptRunTests(SimpleTestCase):
    def test_runs_keep_spaces_digits_and_punctuation_with_their_script(self) -> None:
        self.assertEqual(
            script_runs("RTI अधिनियम, 2005 के अंतर्गत 30 दिन"),
            [("RTI ", LATIN), ("अधिनियम, 2005 के अंतर्गत 30 दिन", DEVANAGARI)],
        )
        self.assertEqual(script_runs("(सीता देवी)।"), [("(सीता देवी)।", DEVANAGARI)])
        self.assertEqual(script_runs("2005: RTI"), [("2005: RTI", LATIN)])
        self.assertEqual(script_runs("a@b.in पर"), [("a@b.in ", LATIN), ("पर", DEVANAGARI)])
        self.assertEqual(script_runs(""), [])

    def test_a_long_word_is_cut_between_clusters(self) -> None:
        pdf = new_document()
        pdf.add_page()
        word = "प्रशिक्षण" * 12
        lines = pdf.wrap(word, 12, 40)
        self.assertGreater(len(lines), 1)
        self.assertEqual("".join(lines), word)
        for line in lines[1:]:
            self.assertNotIn(line[0], "\u093f\u094d\u0902")  # no line starts with a sign or a virama
