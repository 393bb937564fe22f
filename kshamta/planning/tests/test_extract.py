"""Cutting documents into statements and attributing them: headings, wings, names, schemes and acts."""

from __future__ import annotations

from django.test import SimpleTestCase

from kshamta.planning.extract import Lexicon, extract_statements, find_label, split_sentences

LAND_RECORDS = "Land Records / भू-अभिलेख शाखा"
STORES = "Establishment and Stores / स्थापना एवं भंडार शाखा"


def lexicon() -> Lexicon:
    return Lexicon.build(
        [
            ("PATWARI", ["Patwari", "पटवारी"], LAND_RECORDS),
            ("REVENUE-INSPECTOR", ["Revenue Inspector", "राजस्व निरीक्षक"], LAND_RECORDS),
            ("TEHSILDAR", ["Tehsildar", "तहसीलदार"], ""),
            ("NAIB-TEHSILDAR", ["Naib Tehsildar", "नायब तहसीलदार"], ""),
            ("ASSISTANT-GR2", ["Assistant Grade-2", "सहायक ग्रेड-2"], STORES),
        ]
    )


def extract(text: str, kind: str = "work_allocation", wrapped: bool = True) -> list:
    return extract_statements([{"page": 3, "text": text}], document_kind=kind, lexicon=lexicon(), wrapped=wrapped)


class SentenceTests(SimpleTestCase):
    def test_cuts_at_the_danda_full_stops_and_semicolons_but_not_abbreviations_or_decimals(self) -> None:
        self.assertEqual(
            split_sentences("खसरा अद्यतन करना। Maintain the B-1 (Sec. 114) register; report losses of Rs. 1.5 lakh."),
            ["खसरा अद्यतन करना।", "Maintain the B-1 (Sec. 114) register;", "report losses of Rs. 1.5 lakh."],
        )

    def test_list_items_are_statements_without_their_bullets_and_numbers(self) -> None:
        statements = extract("## Duties of the Patwari\n1. Maintain the khasra register\n- पटवारी नक्शा अद्यतन करेगा\n")
        self.assertEqual([s.text for s in statements], ["Maintain the khasra register", "पटवारी नक्शा अद्यतन करेगा"])
        self.assertEqual({s.page for s in statements}, {3})

    def test_short_fragments_and_rows_of_figures_are_left_out(self) -> None:
        statements = extract("Total 1,200 3,400 5,600 7,800 9,100.\nYes.\nThe Tehsildar hears mutation cases.")
        self.assertEqual([s.text for s in statements], ["The Tehsildar hears mutation cases."])


class AttributionTests(SimpleTestCase):
    def test_a_heading_naming_a_designation_attributes_what_follows_until_the_next_heading(self) -> None:
        statements = extract(
            "कर्तव्य — तहसीलदार\n"
            "राजस्व न्यायालय में प्रकरणों की सुनवाई करना।\n"
            "Duties of the Patwari\n"
            "Maintain the land records of the village.\n"
            "सामान्य निर्देश:\n"
            "All files shall be moved on e-Office.\n"
        )
        self.assertEqual(
            [(s.designation, s.heading) for s in statements],
            [
                ("TEHSILDAR", "कर्तव्य — तहसीलदार"),
                ("PATWARI", "Duties of the Patwari"),
                (None, "सामान्य निर्देश"),
            ],
        )
        self.assertEqual(statements[1].wing, LAND_RECORDS)  # the designation's wing comes with it

    def test_the_longest_name_wins(self) -> None:
        statements = extract("कर्तव्य — नायब तहसीलदार\nअविवादित नामांतरण प्रकरणों का निराकरण करना।")
        self.assertEqual(statements[0].designation, "NAIB-TEHSILDAR")

    def test_a_wing_heading_attributes_to_the_wing(self) -> None:
        statements = extract(
            "Wing: Establishment and Stores / स्थापना एवं भंडार शाखा\nEvaluation of bids and issue of supply orders."
        )
        self.assertEqual((statements[0].designation, statements[0].wing), (None, STORES))

    def test_outside_a_designation_section_a_sentence_naming_one_is_about_it(self) -> None:
        statements = extract(
            "General\nपटवारियों द्वारा खसरे की प्रविष्टियाँ अद्यतन की जाएँगी।\nThe Revenue Inspector checks diaries monthly."
        )
        self.assertEqual([s.designation for s in statements], ["PATWARI", "REVENUE-INSPECTOR"])

    def test_docx_paragraphs_are_not_joined_but_pdf_lines_are(self) -> None:
        text = "## Duties of the Tehsildar\nHear the mutation cases of the tehsil\nand pass orders in time."
        self.assertEqual(len(extract(text, wrapped=False)), 2)
        self.assertEqual(
            [s.text for s in extract(text, wrapped=True)],
            ["Hear the mutation cases of the tehsil and pass orders in time."],
        )


class LabelTests(SimpleTestCase):
    def test_schemes_and_acts_in_english_and_hindi(self) -> None:
        self.assertEqual(find_label("SVAMITVA scheme surveys covered 23,000 villages."), ("scheme", "SVAMITVA scheme"))
        self.assertEqual(
            find_label("Under the Right to Information Act, 2005 every office has a PIO."),
            ("act", "Right to Information Act, 2005"),
        )
        self.assertEqual(find_label("स्वामित्व योजना के अंतर्गत संपत्ति कार्ड वितरित किए गए।"), ("scheme", "स्वामित्व योजना"))
        self.assertEqual(
            find_label("मध्यप्रदेश भू-राजस्व संहिता, 1959 की धारा 110 के अंतर्गत नामांतरण।"),
            ("act", "मध्यप्रदेश भू-राजस्व संहिता, 1959"),
        )
        self.assertEqual(find_label("The office opens at ten."), ("", ""))

    def test_report_statements_carry_the_scheme_of_their_chapter(self) -> None:
        statements = extract(
            "Chapter 2: SVAMITVA / स्वामित्व योजना\nProperty cards let families take bank loans.", kind="annual_report"
        )
        self.assertEqual((statements[0].kind, statements[0].label), ("scheme", "स्वामित्व योजना"))

    def test_acts_statements_are_acts_under_the_act_named_above_them(self) -> None:
        statements = extract(
            "Right to Information Act, 2005 / सूचना का अधिकार अधिनियम, 2005\n\n"
            "Section 6: any citizen may apply in writing for information.",
            kind="acts_rules",
        )
        self.assertEqual([(s.kind, s.label) for s in statements], [("act", "Right to Information Act, 2005")])
