"""Reading each kind of input: PDF (Hindi text back as written), DOCX headings, TXT pages, organograms
with Hindi headers, unknown designations, and the files that are refused."""

from __future__ import annotations

import io

import docx
from django.test import override_settings

from kshamta.core.pdf import new_document
from kshamta.planning import actions
from kshamta.planning.analysis import DraftDesignation, lexicon_for, resolve_designations
from kshamta.planning.extract import extract_statements
from kshamta.planning.ingest import DocumentError, read_document, read_organogram
from kshamta.planning.models import PlanDocument
from kshamta.planning.tests.helpers import PlanTestCase

HINDI_DUTY = "निविदाओं का मूल्यांकन एवं क्रय आदेश जारी करना।"
HINDI_HEADING = "कर्तव्य — सहायक ग्रेड-2"


def pdf_with(lines: list[str]) -> bytes:
    pdf = new_document()
    pdf.add_page()
    for line in lines:
        pdf.paragraph(line, 11)
    return bytes(pdf.output())


def docx_with(sections: list[tuple[str, list[str]]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("यह आदेश तत्काल प्रभाव से लागू होगा।")
    for heading, paragraphs in sections:
        document.add_heading(heading, level=2)
        for text in paragraphs:
            document.add_paragraph(text, style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class DocumentReadingTests(PlanTestCase):
    def test_pdf_hindi_text_comes_back_as_written(self) -> None:
        pages = read_document(
            io.BytesIO(pdf_with([HINDI_HEADING, HINDI_DUTY, "Evaluation of bids and issue of supply orders."])),
            filename="karya-avantan.pdf",
        )
        self.assertEqual(len(pages), 1)
        text = " ".join(pages[0]["text"].split())
        self.assertIn(HINDI_DUTY, text)
        self.assertIn(HINDI_HEADING, text)
        self.assertIn("Evaluation of bids", text)

    def test_docx_headings_attribute_the_duties_under_them(self) -> None:
        data = docx_with(
            [
                ("कर्तव्य — पटवारी", ["खसरा एवं बी-1 का संधारण करना।", "Recording crop details every season."]),
                ("Duties of the Tehsildar", ["Hearing mutation cases in the revenue court."]),
                ("Wing: Land Records / भू-अभिलेख शाखा", ["Supervising the digitisation of maps."]),
            ]
        )
        pages = read_document(io.BytesIO(data), filename="work.docx")
        self.assertEqual([p["page"] for p in pages], [1, 2, 3, 4])  # preamble, then one section per heading
        self.assertTrue(pages[1]["text"].startswith("## कर्तव्य — पटवारी"))
        organogram, _problems = read_organogram(
            io.BytesIO("designation,group,wing\nPATWARI,C,Land Records / भू-अभिलेख शाखा\nTEHSILDAR,B,\n".encode()),
            filename="org.csv",
        )
        matched, _unknown = resolve_designations(self.dept_a, organogram)
        rows = [
            DraftDesignation(designation=d, name_as_written=r.designation, group=r.group, sanctioned_posts=0,
                             reports_to="", wing=r.wing, position=i)
            for i, (r, d) in enumerate(matched)
        ]  # fmt: skip
        statements = extract_statements(
            pages, document_kind=PlanDocument.Kind.WORK_ALLOCATION, lexicon=lexicon_for(rows), wrapped=False
        )
        attributed = [(s.page, s.designation, s.wing) for s in statements]
        self.assertEqual(
            attributed,
            [
                (1, None, ""),
                (2, "PATWARI", "Land Records / भू-अभिलेख शाखा"),
                (2, "PATWARI", "Land Records / भू-अभिलेख शाखा"),
                (3, "TEHSILDAR", ""),
                (4, None, "Land Records / भू-अभिलेख शाखा"),
            ],
        )

    def test_txt_pages_split_at_form_feeds_or_every_fifty_lines(self) -> None:
        pages = read_document(io.BytesIO("पहला पृष्ठ।\fSecond page.".encode()), filename="acts.txt")
        self.assertEqual(pages, [{"page": 1, "text": "पहला पृष्ठ।"}, {"page": 2, "text": "Second page."}])
        long = "\n".join(f"Line {n} of the rules." for n in range(1, 121)).encode("utf-16")
        pages = read_document(io.BytesIO(long), filename="rules.txt")
        self.assertEqual(len(pages), 3)
        self.assertTrue(pages[1]["text"].startswith("Line 51 "))

    def test_wrong_types_empty_scanned_and_oversized_files_are_refused_with_the_reason(self) -> None:
        with self.assertRaisesMessage(DocumentError, "Upload a PDF, Word (.docx) or text (.txt) file"):
            read_document(io.BytesIO(b"x"), filename="report.jpg")
        with self.assertRaisesMessage(DocumentError, "The file is empty"):
            read_document(io.BytesIO(b""), filename="report.pdf")
        blank = new_document()
        blank.add_page()
        with self.assertRaisesMessage(DocumentError, "No text was found"):
            read_document(io.BytesIO(bytes(blank.output())), filename="scan.pdf")
        with self.assertRaisesMessage(DocumentError, "may be damaged"):
            read_document(io.BytesIO(b"%PDF-1.4 not really"), filename="broken.pdf")
        with (
            override_settings(KSHAMTA_MAX_PLAN_DOCUMENT_BYTES=10),
            self.assertRaisesMessage(DocumentError, "larger than"),
        ):
            read_document(io.BytesIO(b"more than ten bytes of text"), filename="a.txt")


class OrganogramTests(PlanTestCase):
    def test_hindi_headers_hindi_group_letters_and_indian_numbers(self) -> None:
        text = 'पदनाम,समूह,स्वीकृत पद,किसे रिपोर्ट करता है,शाखा\nपटवारी,ग,"19,000",राजस्व निरीक्षक,भू-अभिलेख\nतहसीलदार,ख,430,,\n'
        rows, problems = read_organogram(io.BytesIO(text.encode("utf-8-sig")), filename="organogram.csv")
        self.assertEqual(problems, [])
        self.assertEqual(
            [(r.line, r.designation, r.group, r.sanctioned_posts, r.reports_to, r.wing) for r in rows],
            [(2, "पटवारी", "C", 19000, "राजस्व निरीक्षक", "भू-अभिलेख"), (3, "तहसीलदार", "B", 430, "", "")],
        )

    def test_without_a_designation_column_the_file_is_refused(self) -> None:
        with self.assertRaisesMessage(DocumentError, "no designation column"):
            read_organogram(io.BytesIO(b"name,posts\nPatwari,3\n"), filename="o.csv")

    def test_unknown_designations_are_listed_as_problems_on_upload_not_dropped(self) -> None:
        plan = self.new_plan()
        text = "designation,sanctioned_posts\nPATWARI,10\nकोटवार,4\nTehsildar,2\nPatwari,5\nStaff Nurse,1\n"
        document = self.upload(plan, PlanDocument.Kind.ORGANOGRAM, "organogram.csv", text.encode())
        self.assertEqual(document.status, PlanDocument.Status.READ)
        self.assertEqual(len(document.rows), 5)
        problems = {(p["line"], p["value"]) for p in document.problems}
        self.assertIn((3, "कोटवार"), problems)
        self.assertIn((5, "Patwari"), problems)  # listed twice: posts added to the first row
        # A designation of another department is not one of this department's.
        self.assertIn((6, "Staff Nurse"), problems)
        unknown = next(p for p in document.problems if p["value"] == "कोटवार")
        self.assertIn("Unknown designation", unknown["en"])
        self.assertIn("अज्ञात पदनाम", unknown["hi"])
        matched, _problems = resolve_designations(self.dept_a, [])
        self.assertEqual(matched, [])

    def test_a_document_that_cannot_be_read_is_kept_as_failed_with_the_reason(self) -> None:
        plan = self.new_plan()
        document = self.upload(plan, PlanDocument.Kind.ANNUAL_REPORT, "report.pdf", b"%PDF-1.4 broken")
        self.assertEqual(document.status, PlanDocument.Status.FAILED)
        self.assertIn("may be damaged", document.error)
        self.assertTrue(document.error_hi)
        with self.assertRaisesMessage(actions.PlanError, "must be a spreadsheet"):
            self.upload(plan, PlanDocument.Kind.ORGANOGRAM, "organogram.pdf", b"%PDF")

    def test_a_new_organogram_replaces_the_old_one(self) -> None:
        plan = self.new_plan()
        self.upload(plan, PlanDocument.Kind.ORGANOGRAM, "a.csv", b"designation\nPATWARI\n")
        self.upload(plan, PlanDocument.Kind.ORGANOGRAM, "b.csv", b"designation\nTEHSILDAR\n")
        organograms = plan.documents.filter(kind=PlanDocument.Kind.ORGANOGRAM)
        self.assertEqual([d.original_name for d in organograms], ["b.csv"])
