"""Issuing: once per completion, signed, with what the certificate must say; PDF and e-mail after commit."""

from __future__ import annotations

import decimal
import threading
import unittest
from unittest import mock

from django.core import mail
from django.db import connection
from django.test import TransactionTestCase, override_settings

from kshamta.accounts import actions as account_actions
from kshamta.catalog.testing import make_course
from kshamta.certificates import actions, signing
from kshamta.certificates.models import Certificate
from kshamta.certificates.tests.cast import COURSE_TITLE_HI, CertificateTestCase, completed_enrolment
from kshamta.learning.models import Enrolment
from kshamta.notifications.models import Message


class IssueTests(CertificateTestCase):
    def test_the_certificate_says_who_did_what_and_is_signed(self) -> None:
        certificate = self.certificate_a
        self.assertEqual(len(certificate.access_code), 10)
        self.assertTrue(set(certificate.access_code) <= set(actions.ACCESS_CODE_ALPHABET))
        assert self.enrolment_a.completed_at is not None
        self.assertEqual(certificate.issued_at, self.enrolment_a.completed_at.replace(microsecond=0))
        self.assertEqual(certificate.hours, decimal.Decimal("1.00"))  # 60 minutes
        self.assertEqual((certificate.learner_name_en, certificate.learner_name_hi), ("Sita Devi", "सीता देवी"))
        self.assertEqual(certificate.title_hi, COURSE_TITLE_HI)
        self.assertEqual(certificate.provider_name_hi, "राजस्व प्रशिक्षण प्रकोष्ठ")
        payload = certificate.payload
        self.assertEqual(payload["learner"], {"name_en": "Sita Devi", "name_hi": "सीता देवी", "employee_code": "MP0003"})
        self.assertEqual(payload["course"]["code"], "RTI-101")
        self.assertEqual(payload["course"]["title_hi"], COURSE_TITLE_HI)
        self.assertEqual(payload["course"]["provider"]["code"], "MP-REV-TC")
        self.assertEqual(payload["competencies"], [{"code": "RTI", "level": 2}])
        self.assertEqual(payload["hours"], "1.00")
        self.assertEqual(payload["id"], str(certificate.pk))
        self.assertEqual(payload["access_code"], certificate.access_code)
        self.assertEqual(payload["issued_at"], signing.iso_utc(certificate.issued_at))
        self.assertTrue(payload["issued_at"].endswith("Z"))
        self.assertEqual(payload["key_id"], certificate.key_id)
        self.assertEqual(payload["issuer"], "Kshamta, Madhya Pradesh")
        self.assertTrue(signing.verify_payload(payload, certificate.signature, certificate.key_id))
        self.assertEqual(certificate.competencies[0]["name_hi"], "सूचना का अधिकार")

    def test_issuing_twice_returns_the_same_certificate(self) -> None:
        again = actions.do_issue_certificate(self.enrolment_a)
        self.assertEqual(again.pk, self.certificate_a.pk)
        self.assertEqual(Certificate.objects.filter(enrolment=self.enrolment_a).count(), 1)

    def test_a_second_insert_that_loses_the_race_returns_the_first(self) -> None:
        # Two completions that both saw "no certificate yet": the unique enrolment stops the
        # second insert, and the action answers with the certificate that won.
        course = make_course("RACE-1", provider=self.provider_a)
        enrolment = completed_enrolment(self.learner_a, course)
        first = actions.do_issue_certificate(enrolment)
        real_filter = Certificate.objects.filter
        calls = {"n": 0}

        def filter_missing_once(*args: object, **kwargs: object) -> object:
            calls["n"] += 1
            queryset = real_filter(*args, **kwargs)
            return queryset.none() if calls["n"] == 1 else queryset

        with mock.patch.object(Certificate.objects, "filter", side_effect=filter_missing_once):
            second = actions.do_issue_certificate(enrolment)
        self.assertEqual(second.pk, first.pk)
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)

    def test_only_completed_enrolments_get_one(self) -> None:
        course = make_course("OPEN-1", provider=self.provider_a)
        enrolment = completed_enrolment(self.learner_a, course)
        Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.ACTIVE)
        enrolment.refresh_from_db()
        with self.assertRaises(actions.CertificateError):
            actions.do_issue_certificate(enrolment)
        self.assertFalse(Certificate.objects.filter(enrolment=enrolment).exists())

    def test_pdf_is_rendered_and_the_learner_told_after_commit(self) -> None:
        course = make_course("PDF-1", provider=self.provider_a, title_en="Office procedure", title_hi="कार्यालय प्रक्रिया")
        enrolment = completed_enrolment(self.learner_a, course)
        account_actions.do_set_language(self.learner_a, "hi")
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            certificate = actions.do_issue_certificate(enrolment)
            self.assertEqual(certificate.pdf.name, "")  # nothing rendered inside the request
        self.assertGreaterEqual(len(callbacks), 2)  # the render job and the e-mail
        certificate.refresh_from_db()
        name = certificate.pdf.name or ""
        self.assertTrue(name.endswith(f"{certificate.pk}.pdf"))
        self.assertTrue(certificate.pdf.storage.open(name).read().startswith(b"%PDF-"))
        message = Message.objects.get(kind="certificate", to="sita.devi@mp.gov.in", subject__contains="कार्यालय")
        self.assertIn("कार्यालय प्रक्रिया", message.subject)  # in her language: the Hindi title
        self.assertIn(f"https://kshamta.mp.gov.in/verify/{certificate.pk}/", message.body)
        self.assertIn(certificate.display_code, message.body)
        self.assertEqual(len(mail.outbox), 1)

    def test_hours_follow_the_version_taken(self) -> None:
        self.assertEqual(actions.hours_of(7), decimal.Decimal("0.12"))
        self.assertEqual(actions.hours_of(90 * 24 * 60), decimal.Decimal("2160.00"))

    def test_access_codes_are_read_forgivingly(self) -> None:
        code = self.certificate_a.access_code
        self.assertEqual(actions.normalise_access_code(f" {code[:5].lower()} - {code[5:]} "), code)
        self.assertEqual(actions.normalise_access_code("ABCDE-FGHJO"), "")  # O is never in a code
        self.assertEqual(actions.normalise_access_code("ABC"), "")


@unittest.skipUnless(connection.vendor == "postgresql", "concurrent writers need PostgreSQL")
class ConcurrentIssueTests(TransactionTestCase):
    """Two completions of the same enrolment at the same moment, on two connections."""

    def test_two_threads_issue_one_certificate(self) -> None:
        import tempfile
        from pathlib import Path

        from kshamta.core.testing import build_cast

        folder = Path(tempfile.mkdtemp(prefix="kshamta-cert-race-"))
        with override_settings(
            CERTIFICATE_SIGNING_KEY_FILE=folder / "signing.pem", CERTIFICATE_PUBLIC_KEYS_DIR=folder / "public"
        ):
            build_cast(self)
            course = make_course("RACE-PG")
            enrolment = completed_enrolment(self.learner_a, course)  # type: ignore[attr-defined]
            barrier = threading.Barrier(2)
            results: list[str] = []
            errors: list[BaseException] = []

            def complete() -> None:
                try:
                    fresh = Enrolment.objects.select_related("user", "course__provider", "version").get(pk=enrolment.pk)
                    barrier.wait(timeout=10)
                    results.append(str(actions.do_issue_certificate(fresh).pk))
                except BaseException as exc:
                    errors.append(exc)
                finally:
                    connection.close()

            threads = [threading.Thread(target=complete) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 2)
        self.assertEqual(len(set(results)), 1)
        self.assertEqual(Certificate.objects.filter(enrolment=enrolment).count(), 1)
