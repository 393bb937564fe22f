"""The state generator (generate_state) and the demo (seed_demo) make consistent data."""

from __future__ import annotations

import io
import json
import unicodedata
from collections import Counter
from unittest import mock

from django.core.management import CommandError, call_command
from django.db.models import Model, Sum
from django.test import TestCase

from kshamta.accounts.actions import do_password_sign_in
from kshamta.accounts.models import Posting, Profile, Role, RoleAssignment, User
from kshamta.core.models import AuditEvent
from kshamta.core.text import normalise_email, normalise_mobile
from kshamta.onboarding.models import ImportJob
from kshamta.orgs import state_data
from kshamta.orgs.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo
from kshamta.orgs.generate import GenerationError, GenerationResult, clear_state, generate_state
from kshamta.orgs.models import Designation, Organisation, SanctionedStrength, path_segment


def _snapshot() -> dict[str, int]:
    models: list[type[Model]] = [
        User,
        Profile,
        Posting,
        Organisation,
        Designation,
        SanctionedStrength,
        RoleAssignment,
        AuditEvent,
    ]
    return {m.__name__: m._default_manager.count() for m in models}


class GeneratedStateTests(TestCase):
    result: GenerationResult

    @classmethod
    def setUpTestData(cls) -> None:
        cls.result = generate_state(employees=300, departments=6, seed=7, activated=0.5)

    def profiles(self) -> list[Profile]:
        return list(Profile.objects.select_related("user", "org", "designation__org"))

    def test_creates_the_people_asked_for_with_one_posting_each(self) -> None:
        self.assertEqual(self.result.employees, 300)
        self.assertEqual(Profile.objects.count(), 300)
        self.assertEqual(User.objects.count(), 300)
        postings = {p.user_id: p for p in Posting.objects.all()}
        self.assertEqual(len(postings), 300)
        for profile in self.profiles():
            posting = postings[profile.pk]
            self.assertEqual((posting.org_id, posting.designation_id), (profile.org_id, profile.designation_id))
            self.assertEqual(posting.started_on, profile.date_of_joining)

    def test_every_designation_is_usable_where_its_holder_works(self) -> None:
        for profile in self.profiles():
            assert profile.designation is not None
            self.assertTrue(
                profile.org.path.startswith(profile.designation.org.path),
                f"{profile.designation.code} is not usable at {profile.org.code}",
            )
            self.assertEqual(profile.group, profile.designation.group)
        for row in SanctionedStrength.objects.select_related("org", "designation__org"):
            self.assertTrue(row.org.path.startswith(row.designation.org.path))

    def test_codes_emails_and_mobiles_are_unique_and_valid(self) -> None:
        profiles = self.profiles()
        codes = [p.employee_code for p in profiles]
        emails = [p.user.email for p in profiles if p.user.email]
        mobiles = [p.user.mobile for p in profiles]
        self.assertEqual(len(set(codes)), len(codes))
        self.assertEqual(len(set(emails)), len(emails))
        self.assertEqual(len(set(mobiles)), len(mobiles))
        self.assertGreater(len(emails), 200)
        for email in emails:
            self.assertEqual(normalise_email(email), email)
            self.assertTrue(email.endswith(("@mp.gov.in", "@nic.in")), email)
        for mobile in mobiles:
            self.assertEqual(normalise_mobile(mobile), mobile)

    def test_names_are_nfc_in_both_scripts_and_search_text_is_built(self) -> None:
        for profile in self.profiles():
            user = profile.user
            self.assertEqual(unicodedata.normalize("NFC", user.name_hi), user.name_hi)
            self.assertTrue(any("\u0900" <= ch <= "\u097f" for ch in user.name_hi), user.name_hi)
            self.assertTrue(user.name_en.replace(" ", "").replace("'", "").isascii())
            self.assertEqual(
                profile.search_text,
                Profile.build_search_text(
                    employee_code=profile.employee_code,
                    name_en=user.name_en,
                    name_hi=user.name_hi,
                    email=user.email,
                    mobile=user.mobile,
                ),
            )
            self.assertFalse(user.has_usable_password())
            self.assertIn(profile.gender, {"M", "F", "O"})
            self.assertIn(profile.category, Profile.Category.values)
            assert profile.date_of_birth and profile.date_of_joining
            self.assertGreaterEqual((profile.date_of_joining - profile.date_of_birth).days, 21 * 365)
        statuses = Counter(p.status for p in self.profiles())
        self.assertGreater(statuses["active"], 250)
        languages = Counter(p.user.preferred_language for p in self.profiles())
        self.assertGreater(languages["hi"], languages["en"])

    def test_paths_and_depths_follow_the_tree(self) -> None:
        orgs = {o.pk: o for o in Organisation.objects.all()}
        roots = [o for o in orgs.values() if o.parent_id is None]
        self.assertEqual([(r.code, r.name_hi) for r in roots], [("MP", "मध्य प्रदेश")])
        for org in orgs.values():
            parent = orgs.get(org.parent_id) if org.parent_id else None
            expected = (parent.path if parent else "") + path_segment(org.pk)
            self.assertEqual(org.path, expected)
            self.assertEqual(org.depth, parent.depth + 1 if parent else 0)
        departments = [o for o in orgs.values() if o.kind == Organisation.Kind.DEPARTMENT]
        self.assertEqual(len(departments), 6)
        self.assertIn("MP-REV-BPL", {o.code for o in orgs.values()})

    def test_a_department_subtree_query_returns_exactly_its_people(self) -> None:
        people = self.profiles()
        total = 0
        for department in Organisation.objects.filter(kind=Organisation.Kind.DEPARTMENT):
            by_query = set(Profile.objects.filter(department.subtree_q("org__")).values_list("pk", flat=True))
            by_ancestry = {p.pk for p in people if department.pk in p.org.ancestor_ids()}
            self.assertEqual(by_query, by_ancestry, department.code)
            self.assertTrue(by_query, f"{department.code} has nobody")
            total += len(by_query)
        self.assertEqual(total, 300)

    def test_sanctioned_strength_covers_the_people(self) -> None:
        held = Counter((p.org_id, p.designation_id or 0) for p in self.profiles())
        sanctioned = {(r.org_id, r.designation_id): r.sanctioned for r in SanctionedStrength.objects.all()}
        for key, count in held.items():
            self.assertGreaterEqual(sanctioned.get(key, 0), count)
        posts = SanctionedStrength.objects.aggregate(total=Sum("sanctioned"))["total"]
        self.assertEqual(posts, self.result.sanctioned_posts)
        self.assertTrue(0.75 <= 300 / posts <= 0.97, 300 / posts)

    def test_designation_names_are_unique_in_both_languages(self) -> None:
        designations = list(Designation.objects.all())
        self.assertEqual(len({d.name_en.lower() for d in designations}), len(designations))
        self.assertEqual(len({d.name_hi for d in designations}), len(designations))
        self.assertTrue(all(d.name_hi for d in designations))
        self.assertEqual(Designation.objects.get(code="PATWARI").org.code, "MP-REV")
        self.assertEqual(Designation.objects.get(code="ASSISTANT-GR2").org.code, "MP")

    def test_one_summary_audit_event_and_none_per_person(self) -> None:
        self.assertEqual(AuditEvent.objects.filter(action="state.generate").count(), 1)
        self.assertFalse(AuditEvent.objects.filter(action__startswith="person.").exists())

    def test_refuses_a_second_state_without_append(self) -> None:
        with self.assertRaises(GenerationError):
            generate_state(employees=10, departments=2)
        with self.assertRaisesMessage(CommandError, "--append"):
            call_command("generate_state", "--employees", "10", stdout=io.StringIO(), stderr=io.StringIO())

    def test_append_adds_people_with_fresh_identities(self) -> None:
        before = set(Organisation.objects.values_list("code", flat=True))
        result = generate_state(employees=40, departments=6, seed=8, append=True)
        self.assertEqual(result.employees, 40)
        self.assertEqual(Profile.objects.count(), 340)
        self.assertEqual(len(set(Profile.objects.values_list("employee_code", flat=True))), 340)
        self.assertEqual(User.objects.exclude(mobile=None).values("mobile").distinct().count(), 340)
        self.assertTrue(before <= set(Organisation.objects.values_list("code", flat=True)))

    def test_the_same_seed_gives_the_same_state(self) -> None:
        def fingerprint() -> list[tuple[str, ...]]:
            rows = Profile.objects.order_by("employee_code").values_list(
                "employee_code", "user__name_en", "user__name_hi", "user__email", "user__mobile", "org__code"
            )
            return [tuple(str(v) for v in row) for row in rows]

        first = fingerprint()
        clear_state()
        self.assertFalse(Organisation.objects.exists())
        generate_state(employees=300, departments=6, seed=7, activated=0.5)
        self.assertEqual(fingerprint(), first)


class GenerateStateCommandTests(TestCase):
    def test_prints_a_json_summary_and_progress(self) -> None:
        out, err = io.StringIO(), io.StringIO()
        call_command("generate_state", "--employees", "60", "--departments", "3", "--seed", "5", stdout=out, stderr=err)
        summary = json.loads(out.getvalue())
        self.assertEqual(summary["employees"], 60)
        self.assertEqual(summary["departments"], 3)
        self.assertIn("seconds", summary)
        self.assertIn("people:", err.getvalue())
        self.assertEqual(Profile.objects.count(), 60)

    def test_clear_replaces_the_state(self) -> None:
        generate_state(employees=30, departments=2, seed=1)
        out = io.StringIO()
        call_command(
            "generate_state", "--employees", "20", "--departments", "2", "--clear", stdout=out, stderr=io.StringIO()
        )
        self.assertEqual(Profile.objects.count(), 20)
        self.assertEqual(Organisation.objects.filter(parent=None).count(), 1)

    def test_rejects_more_departments_than_there_are(self) -> None:
        too_many = str(len(state_data.DEPARTMENTS) + 1)
        with self.assertRaises(CommandError):
            call_command("generate_state", "--employees", "5", "--departments", too_many, stderr=io.StringIO())


@mock.patch("kshamta.orgs.demo.DEMO_EMPLOYEES", 300)
class SeedDemoTests(TestCase):
    def test_loads_once_then_changes_nothing(self) -> None:
        first = io.StringIO()
        call_command("seed_demo", "--quiet", stdout=first)
        loaded = _snapshot()
        # The demo's applied HRMS import adds its people too.
        imported = sum(ImportJob.objects.filter(status=ImportJob.Status.DONE).values_list("created", flat=True))
        self.assertGreater(imported, 0)
        self.assertEqual(Profile.objects.count(), 300 + len(DEMO_ACCOUNTS) + imported)
        second = io.StringIO()
        call_command("seed_demo", "--quiet", stdout=second)
        self.assertEqual(_snapshot(), loaded)
        self.assertIn("already loaded", second.getvalue())
        for output in (first.getvalue(), second.getvalue()):
            self.assertIn("admin@mp.gov.in", output)
            self.assertIn(DEMO_PASSWORD, output)
            self.assertIn("Sign-in codes appear in this console", output)

    def test_demo_accounts_hold_their_roles(self) -> None:
        result = load_demo()
        self.assertEqual(result.accounts_created, len(DEMO_ACCOUNTS))
        self.assertGreater(result.history_events, 5)
        for account in DEMO_ACCOUNTS:
            user = User.objects.get(email=account.email)
            self.assertEqual(user.mobile, account.mobile)
            self.assertTrue(
                RoleAssignment.objects.filter(user=user, role=account.role, org__code=account.scope).exists(),
                f"{account.email} lacks {account.role}",
            )
            self.assertEqual(user.has_usable_password(), account.role != Role.LEARNER)
        self.assertEqual(do_password_sign_in("admin@mp.gov.in", DEMO_PASSWORD).email, "admin@mp.gov.in")
        learner = Profile.objects.select_related("org", "designation").get(user__email="learner@mp.gov.in")
        self.assertEqual((learner.designation.code, learner.org.code), ("PATWARI", "MP-REV-BPL"))  # type: ignore[union-attr]
        self.assertEqual(learner.org.kind, Organisation.Kind.DISTRICT)
        self.assertTrue(AuditEvent.objects.filter(action="person.transfer").exists())
        self.assertGreater(User.objects.filter(first_sign_in_at__isnull=False).count(), 100)

    def test_adds_the_accounts_to_a_state_loaded_another_way(self) -> None:
        generate_state(employees=40, departments=1, seed=3)  # Revenue only: no Health, no ATI
        result = load_demo()
        self.assertFalse(result.generated)
        self.assertEqual(result.accounts_created, len(DEMO_ACCOUNTS))
        ati = Organisation.objects.get(code="MP-GAD-ATI")
        self.assertEqual(ati.parent.code, "MP-GAD")  # type: ignore[union-attr]
        self.assertTrue(RoleAssignment.objects.filter(role=Role.NODAL_OFFICER, org__code="MP-HLT").exists())
        self.assertTrue(load_demo().already_loaded)
