"""Every reason a row is rejected, in English and Hindi, and the rest of the file still lands."""

from __future__ import annotations

from kshamta.accounts.models import Profile
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class RowRejectionTests(ImportTestCase):
    def reasons_for(self, **values: str) -> tuple[str, str]:
        job = self.run_import(csv_text([person("R2001"), person("R2002", **values)]))
        self.assertEqual((job.rows, job.created + job.unchanged, job.rejected), (2, 1, 1))
        [(line, en, hi)] = self.errors(job)
        self.assertEqual(line, 3)
        self.assertFalse(Profile.objects.filter(employee_code="R2002").exists())
        return en, hi

    def test_bad_email(self) -> None:
        en, hi = self.reasons_for(email="not-an-email")
        self.assertEqual(en, "not-an-email is not a valid e-mail address")
        self.assertEqual(hi, "not-an-email मान्य ई-मेल पता नहीं है")

    def test_bad_mobile(self) -> None:
        en, hi = self.reasons_for(mobile="12345")
        self.assertIn("12345 is not a valid Indian mobile number", en)
        self.assertIn("मान्य भारतीय मोबाइल नंबर नहीं है", hi)

    def test_mobile_prefixes_and_spaces_are_accepted(self) -> None:
        job = self.run_import(
            csv_text([person("R2003", mobile="+91 98765-43210"), person("R2004", mobile="09876543211")])
        )
        self.assertEqual(job.created, 2)
        self.assertEqual(Profile.objects.get(employee_code="R2003").user.mobile, "9876543210")
        self.assertEqual(Profile.objects.get(employee_code="R2004").user.mobile, "9876543211")

    def test_unknown_designation(self) -> None:
        en, hi = self.reasons_for(designation="Chief Wizard")
        self.assertEqual(en, "unknown designation Chief Wizard")
        self.assertEqual(hi, "अज्ञात पदनाम Chief Wizard")

    def test_unknown_org_code(self) -> None:
        en, hi = self.reasons_for(org_code="MP-NOWHERE")
        self.assertEqual(en, "unknown organisation code MP-NOWHERE")
        self.assertEqual(hi, "अज्ञात संगठन कोड MP-NOWHERE")

    def test_org_outside_the_importers_subtree(self) -> None:
        en, hi = self.reasons_for(org_code="MP-HLT-IND", designation="STAFF-NURSE")
        self.assertEqual(en, "organisation MP-HLT-IND is outside your organisation MP-REV")
        self.assertEqual(hi, "संगठन MP-HLT-IND आपके संगठन MP-REV के बाहर है")

    def test_designation_not_used_at_the_org(self) -> None:
        en, hi = self.reasons_for(designation="Staff Nurse")
        self.assertEqual(en, "designation Staff Nurse is not used in organisation MP-REV-BPL")
        self.assertEqual(hi, "पदनाम Staff Nurse संगठन MP-REV-BPL में प्रयुक्त नहीं होता")

    def test_impossible_dates(self) -> None:
        en, hi = self.reasons_for(date_of_birth="31-02-1990")
        self.assertEqual(en, "date_of_birth 31-02-1990 is not a possible date")
        self.assertEqual(hi, "जन्म तिथि 31-02-1990 संभव तिथि नहीं है")
        en, hi = self.reasons_for(employee_code="R2005", date_of_joining="2010-13-01")
        self.assertEqual(en, "date_of_joining 2010-13-01 is not a possible date")
        self.assertEqual(hi, "कार्यभार ग्रहण तिथि 2010-13-01 संभव तिथि नहीं है")

    def test_required_fields(self) -> None:
        cases = {
            "employee_code": ("employee code is missing", "कर्मचारी कोड नहीं दिया गया है"),
            "designation": ("designation is missing", "पदनाम नहीं दिया गया है"),
            "org_code": ("organisation code is missing", "संगठन कोड नहीं दिया गया है"),
        }
        for column, expected in cases.items():
            with self.subTest(column=column):
                self.assertEqual(self.reasons_for(**{column: ""}), expected)
        expected_name = ("a name in English or Hindi is required", "अंग्रेज़ी या हिंदी में नाम आवश्यक है")
        self.assertEqual(self.reasons_for(name_en="", name_hi=""), expected_name)

    def test_a_name_in_one_script_is_enough(self) -> None:
        job = self.run_import(csv_text([person("R2006", name_en=""), person("R2007", name_hi="")]))
        self.assertEqual(job.created, 2)

    def test_gender_category_group_in_either_language(self) -> None:
        job = self.run_import(csv_text([person("R2008", gender="महिला", category="अनुसूचित जाति", group="ग")]))
        self.assertEqual(job.created, 1)
        profile = Profile.objects.get(employee_code="R2008")
        self.assertEqual((profile.gender, profile.category, profile.group), ("F", "SC", "C"))

    def test_bad_gender_category_group(self) -> None:
        self.assertEqual(
            self.reasons_for(gender="X"), ("unknown gender X (use M, F or O)", "अज्ञात लिंग X (M, F या O लिखें)")
        )
        en, hi = self.reasons_for(employee_code="R2009", category="VIP")
        self.assertIn("unknown category VIP", en)
        self.assertIn("अज्ञात श्रेणी VIP", hi)
        en, hi = self.reasons_for(employee_code="R2010", group="Z")
        self.assertIn("unknown group Z", en)
        self.assertIn("अज्ञात समूह Z", hi)

    def test_no_email_and_no_mobile_for_a_new_person(self) -> None:
        en, hi = self.reasons_for(email="", mobile="")
        self.assertEqual(en, "an e-mail address or a mobile number is required to sign in")
        self.assertEqual(hi, "साइन इन के लिए ई-मेल पता या मोबाइल नंबर आवश्यक है")

    def test_several_problems_are_listed_together(self) -> None:
        en, hi = self.reasons_for(email="bad", gender="X")
        self.assertEqual(en.count(";"), 1)
        self.assertEqual(hi.count(";"), 1)

    def test_missing_required_column_fails_the_job_in_both_languages(self) -> None:
        job = self.start("employee_code,name_en\nR1,Someone\n")
        self.assertEqual(job.status, "failed")
        self.assertIn("Missing columns: designation, org_code", job.message_en)
        self.assertIn("ये स्तंभ (कॉलम) नहीं मिले", job.message_hi)
