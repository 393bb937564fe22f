import io
import json
import re

from django.core.management import call_command

from kshamta.competencies import default_framework as default
from kshamta.competencies.actions import (
    CompetencyError,
    do_load_default_framework,
    do_save_competency,
    do_save_framework,
)
from kshamta.competencies.models import Competency, Framework
from kshamta.core.models import AuditEvent
from kshamta.core.testing import CastTestCase

DEVANAGARI = re.compile(r"[\u0900-\u097f]")


class DefaultFrameworkTest(CastTestCase):
    def test_loads_an_active_bilingual_framework_with_five_levels_each(self):
        result = do_load_default_framework(acting_user=self.state_admin)

        framework = Framework.objects.get(code="KCM-DEFAULT")
        self.assertTrue(framework.is_active)
        self.assertEqual(framework.name_en, "Kshamta Competency Model")
        self.assertRegex(framework.name_hi, DEVANAGARI)
        competencies = list(framework.competencies.all())
        self.assertEqual(result["created"], len(competencies))
        self.assertTrue(35 <= len(competencies) <= 45)
        self.assertEqual({c.kind for c in competencies}, set(Competency.Kind.values))
        for competency in competencies:
            with self.subTest(competency.code):
                self.assertRegex(competency.code, r"^(BEH|FUN|DOM)-[A-Z]+$")
                self.assertRegex(competency.name_hi, DEVANAGARI)
                self.assertRegex(competency.description_hi, DEVANAGARI)
                self.assertTrue(competency.description_en)
                self.assertEqual(len(competency.levels), 5)
                for level in competency.levels:
                    self.assertTrue(level["en"])
                    self.assertRegex(level["hi"], DEVANAGARI)
                    self.assertNotIn("{", level["en"] + level["hi"])  # every pattern was filled in
        self.assertEqual(len({c.name_en for c in competencies}), len(competencies))

    def test_government_hindi_names(self):
        do_load_default_framework(acting_user=None)
        names = dict(Competency.objects.values_list("code", "name_hi"))
        self.assertEqual(names["FUN-PROCUREMENT"], "लोक क्रय")
        self.assertEqual(names["FUN-RTI"], "सूचना का अधिकार")
        self.assertEqual(names["DOM-LANDREC"], "भू-अभिलेख")
        self.assertIn("नोटिंग एवं ड्राफ्टिंग", names["FUN-NOTING"])
        rti = Competency.objects.get(code="FUN-RTI")
        self.assertEqual(rti.levels[4]["hi"].split(" ")[:3], ["सूचना", "के", "अधिकार"])  # the oblique form

    def test_loading_again_writes_nothing(self):
        do_load_default_framework(acting_user=self.state_admin)
        events = AuditEvent.objects.count()
        updated = Competency.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()

        again = do_load_default_framework(acting_user=self.state_admin)

        self.assertEqual((again["framework_outcome"], again["created"], again["updated"]), ("unchanged", 0, 0))
        self.assertEqual(again["unchanged"], len(default.COMPETENCIES))
        self.assertEqual(AuditEvent.objects.count(), events)
        self.assertEqual(
            Competency.objects.order_by("-updated_at").values_list("updated_at", flat=True).first(), updated
        )
        self.assertEqual(Framework.objects.count(), 1)

    def test_an_edited_competency_is_put_back_and_audited(self):
        do_load_default_framework(acting_user=None)
        Competency.objects.filter(code="BEH-INTEGRITY").update(name_hi="बदला हुआ")

        result = do_load_default_framework(acting_user=self.state_admin)

        self.assertEqual(result["updated"], 1)
        self.assertEqual(Competency.objects.get(code="BEH-INTEGRITY").name_hi, "सत्यनिष्ठा एवं नैतिकता")
        event = AuditEvent.objects.get(action="competency.update")
        self.assertEqual(event.before["name_hi"], "बदला हुआ")
        self.assertEqual(event.actor, self.state_admin)

    def test_a_state_framework_that_is_active_stays_active(self):
        own, _ = do_save_framework(code="MP-CBP", name_en="MP framework", activate=True, acting_user=None)

        result = do_load_default_framework(acting_user=None)

        self.assertFalse(result["active"])
        own.refresh_from_db()
        self.assertTrue(own.is_active)
        self.assertFalse(Framework.objects.get(code="KCM-DEFAULT").is_active)

    def test_management_command(self):
        out = io.StringIO()
        call_command("load_competencies", stdout=out)
        self.assertIn("KCM-DEFAULT (created, active)", out.getvalue())
        out = io.StringIO()
        call_command("load_competencies", "--json", stdout=out)
        result = json.loads(out.getvalue())
        self.assertEqual(result["created"], 0)
        self.assertEqual(result["unchanged"], len(default.COMPETENCIES))


class SaveActionsTest(CastTestCase):
    def setUp(self):
        self.framework, _ = do_save_framework(code="test", name_en="Test", activate=True, acting_user=None)

    def levels(self, count=5):
        return [{"en": f"Level {n}", "hi": f"स्तर {n}"} for n in range(1, count + 1)]

    def test_create_update_unchanged(self):
        competency, outcome = do_save_competency(
            framework=self.framework, code=" fun-x ", kind="Functional", name_en="X work", levels=self.levels(),
            acting_user=self.state_admin,
        )  # fmt: skip
        self.assertEqual((competency.code, competency.kind, outcome), ("FUN-X", "functional", "created"))
        _, outcome = do_save_competency(
            framework=self.framework, code="FUN-X", kind="functional", name_en="X work", levels=self.levels(),
            acting_user=self.state_admin,
        )  # fmt: skip
        self.assertEqual(outcome, "unchanged")
        _, outcome = do_save_competency(
            framework=self.framework, code="FUN-X", kind="functional", name_en="X work", name_hi="एक्स कार्य",
            acting_user=self.state_admin,
        )  # fmt: skip
        self.assertEqual(outcome, "updated")
        competency.refresh_from_db()
        self.assertEqual(len(competency.levels), 5)  # levels=None keeps them
        self.assertEqual(
            list(
                AuditEvent.objects.filter(target_type="competencies.competency")
                .order_by("pk")
                .values_list("action", flat=True)
            ),
            ["competency.create", "competency.update"],
        )

    def test_bad_input_is_refused(self):
        cases = {
            "kind": {"kind": "technical", "levels": self.levels()},
            "four levels": {"kind": "domain", "levels": self.levels(4)},
            "empty level": {"kind": "domain", "levels": [*self.levels(4), {"en": " ", "hi": ""}]},
            "no name": {"kind": "domain", "name_en": "", "levels": self.levels()},
        }
        for label, fields in cases.items():
            with self.subTest(label), self.assertRaises(CompetencyError):
                do_save_competency(
                    framework=self.framework, code="DOM-Y", **{"name_en": "Y", **fields}, acting_user=None
                )
        self.assertFalse(Competency.objects.exists())

    def test_activating_a_framework_switches_the_other_off(self):
        other, outcome = do_save_framework(code="OTHER", name_en="Other", activate=True, acting_user=self.state_admin)
        self.assertEqual(outcome, "created")
        self.framework.refresh_from_db()
        self.assertFalse(self.framework.is_active)
        self.assertTrue(other.is_active)
        self.assertTrue(AuditEvent.objects.filter(action="framework.deactivate", target_id=str(self.framework.pk)))
        with self.assertRaises(CompetencyError):
            do_save_framework(code="", name_en="Nameless", acting_user=None)
