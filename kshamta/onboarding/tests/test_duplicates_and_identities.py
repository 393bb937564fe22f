"""The first row of an employee code wins; e-mails and mobiles belong to one person only."""

from __future__ import annotations

from kshamta.accounts.models import Profile, User
from kshamta.onboarding.tests.helpers import ImportTestCase, csv_text, person


class DuplicateTests(ImportTestCase):
    def test_duplicate_code_in_the_file_first_row_wins(self) -> None:
        rows = [person("R6001", name_en="First"), person("R6002"), person("R6001", name_en="Second")]
        job = self.run_import(csv_text(rows))
        self.assertEqual((job.rows, job.created, job.rejected), (3, 2, 1))
        self.assertEqual(Profile.objects.get(employee_code="R6001").user.name_en, "First")
        [(line, en, hi)] = self.errors(job)
        self.assertEqual(line, 4)
        self.assertEqual(en, "employee code R6001 already appears earlier in this file (the first row is used)")
        self.assertEqual(hi, "कर्मचारी कोड R6001 इस फ़ाइल में पहले आ चुका है (पहली पंक्ति ली गई है)")

    def test_duplicate_code_across_chunks(self) -> None:
        rows = [person(f"R61{i:02d}") for i in range(10)] + [person("R6100")]
        job = self.run_import(csv_text(rows), chunk_size=3)
        self.assertEqual((job.created, job.rejected), (10, 1))
        self.assertEqual(self.errors(job)[0][0], 12)

    def test_email_of_an_existing_other_person_is_rejected(self) -> None:
        job = self.run_import(csv_text([person("R6201", email="sita.devi@mp.gov.in")]))
        self.assertEqual(job.rejected, 1)
        [(_line, en, hi)] = self.errors(job)
        self.assertEqual(en, "e-mail sita.devi@mp.gov.in belongs to another person")
        self.assertEqual(hi, "ई-मेल sita.devi@mp.gov.in किसी अन्य व्यक्ति का है")
        self.assertEqual(User.objects.filter(email="sita.devi@mp.gov.in").count(), 1)

    def test_mobile_of_an_existing_other_person_is_rejected(self) -> None:
        job = self.run_import(csv_text([person("R6202", mobile="+91 90000 00003")]))
        [(_line, en, hi)] = self.errors(job)
        self.assertEqual(en, "mobile 9000000003 belongs to another person")
        self.assertEqual(hi, "मोबाइल 9000000003 किसी अन्य व्यक्ति का है")

    def test_email_and_mobile_of_an_earlier_row_with_another_code(self) -> None:
        rows = [
            person("R6301", email="same@mp.gov.in", mobile="9811111111"),
            person("R6302", email="same@mp.gov.in"),
            person("R6303", mobile="98111-11111"),
        ]
        job = self.run_import(csv_text(rows), chunk_size=1)
        self.assertEqual((job.created, job.rejected), (1, 2))
        errors = self.errors(job)
        self.assertEqual(errors[0][1], "e-mail same@mp.gov.in is already given to employee R6301 earlier in this file")
        self.assertEqual(errors[0][2], "ई-मेल same@mp.gov.in इस फ़ाइल में पहले कर्मचारी R6301 को दिया जा चुका है")
        self.assertEqual(errors[1][1], "mobile 9811111111 is already given to employee R6301 earlier in this file")
        self.assertIn("मोबाइल 9811111111", errors[1][2])

    def test_a_person_keeps_their_own_email(self) -> None:
        job = self.run_import(
            csv_text([person("MP0003", name_en="Sita Devi", email="SITA.DEVI@mp.gov.in", mobile="9000000003")])
        )
        self.assertEqual(job.rejected, 0)
