"""Background steps of an employee import: check the file, then apply it chunk by chunk."""

from __future__ import annotations

import logging

from django_tasks import task

from kshamta.onboarding import actions

logger = logging.getLogger(__name__)

_CRASH_EN = "The import stopped because of an internal error. It can be resumed; if it stops again, contact support."
_CRASH_HI = "आंतरिक त्रुटि के कारण आयात रुक गया। इसे फिर से शुरू किया जा सकता है; दोबारा रुकने पर सहायता से संपर्क करें।"


@task()
def validate_import_job(job_id: int) -> str:
    try:
        job = actions.run_validation(job_id)
    except Exception:
        logger.exception("checking import %s failed", job_id)
        actions.mark_failed(job_id, _CRASH_EN, _CRASH_HI)
        raise
    return job.status


@task()
def apply_import_job(job_id: int) -> str:
    try:
        job = actions.run_apply(job_id)
    except Exception:
        logger.exception("applying import %s failed", job_id)
        actions.mark_failed(job_id, _CRASH_EN, _CRASH_HI)
        raise
    return job.status
