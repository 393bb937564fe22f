"""Background step of the CBP planner: the needs analysis of a plan."""

from __future__ import annotations

import logging

from django_tasks import task

from kshamta.planning import actions

logger = logging.getLogger(__name__)

_CRASH_EN = "The analysis stopped because of an internal error. Start it again; if it stops again, contact support."
_CRASH_HI = "आंतरिक त्रुटि के कारण विश्लेषण रुक गया। इसे फिर से शुरू करें; दोबारा रुकने पर सहायता से संपर्क करें।"


@task()
def analyse_plan(analysis_id: int) -> str:
    try:
        analysis = actions.run_analysis(analysis_id)
    except Exception:
        logger.exception("analysis %s failed", analysis_id)
        actions.mark_analysis_failed(analysis_id, _CRASH_EN, _CRASH_HI)
        raise
    return analysis.status


@task()
def render_plan_pdf(plan_id: int) -> str:
    """Store the PDF of a published plan ahead of its first download."""
    from kshamta.planning.exporting import plan_pdf_bytes
    from kshamta.planning.models import Plan

    plan = Plan.objects.select_related("org", "approved_by", "framework").filter(pk=plan_id).first()
    if plan is None:
        return "missing"
    plan_pdf_bytes(plan)
    return "stored"
