"""Shared helpers for the import tests: build HRMS files and run imports through the real actions."""

from __future__ import annotations

import io
import shutil
import tempfile
from typing import Any

from django.test import override_settings

from kshamta.core.testing import CastTestCase
from kshamta.onboarding.actions import do_confirm_import_job, do_create_import_job
from kshamta.onboarding.columns import TEMPLATE_COLUMNS
from kshamta.onboarding.models import ImportJob
from kshamta.orgs.models import Organisation

HEADER = list(TEMPLATE_COLUMNS)


def person(code: str, **values: Any) -> dict[str, Any]:
    """One row with sensible defaults: a Patwari at Collectorate Bhopal."""
    n = "".join(ch for ch in code if ch.isdigit()) or "1"
    row = {
        "employee_code": code,
        "name_en": f"Person {code}",
        "name_hi": f"व्यक्ति {code}",
        "email": f"p{code.lower()}@mp.gov.in",
        "mobile": f"98{int(n):08d}",
        "designation": "PATWARI",
        "group": "C",
        "org_code": "MP-REV-BPL",
        "date_of_birth": "15-08-1985",
        "gender": "F",
        "category": "GEN",
        "date_of_joining": "01/04/2010",
    }
    row.update(values)
    return row


def csv_text(rows: list[dict[str, Any]], header: list[str] | None = None, delimiter: str = ",") -> str:
    header = header or HEADER
    lines = [delimiter.join(header)]
    for row in rows:
        lines.append(delimiter.join(str(row.get(h, "")) for h in header))
    return "\n".join(lines) + "\n"


class ImportTestCase(CastTestCase):
    """CastTestCase with a private media folder and helpers to run imports."""

    media: str
    _media_override: override_settings

    @classmethod
    def setUpClass(cls) -> None:
        cls.media = tempfile.mkdtemp(prefix="kshamta-import-test-")
        cls._media_override = override_settings(MEDIA_ROOT=cls.media)
        cls._media_override.enable()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        cls._media_override.disable()
        shutil.rmtree(cls.media, ignore_errors=True)

    def start(
        self,
        content: bytes | str,
        filename: str = "people.csv",
        *,
        user: Any = "nodal",
        org: Organisation | None = None,
        **options: Any,
    ) -> ImportJob:
        """Upload and check (the check task runs when the upload commits)."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        with self.captureOnCommitCallbacks(execute=True):
            job = do_create_import_job(
                upload=io.BytesIO(data),
                filename=filename,
                org=org or self.dept_a,
                acting_user=self.nodal_a if user == "nodal" else user,
                **options,
            )
        job.refresh_from_db()
        return job

    def confirm(self, job: ImportJob) -> ImportJob:
        with self.captureOnCommitCallbacks(execute=True):
            do_confirm_import_job(job, job.created_by)
        job.refresh_from_db()
        return job

    def run_import(self, content: bytes | str, filename: str = "people.csv", **kwargs: Any) -> ImportJob:
        job = self.start(content, filename, **kwargs)
        self.assertEqual(job.status, ImportJob.Status.VALIDATED, job.message_en)
        job = self.confirm(job)
        self.assertEqual(job.status, ImportJob.Status.DONE, job.message_en)
        self.assertEqual(job.created + job.updated + job.unchanged + job.rejected, job.rows)
        return job

    def errors(self, job: ImportJob) -> list[tuple[int, str, str]]:
        return list(job.row_errors.order_by("line").values_list("line", "reason_en", "reason_hi"))
