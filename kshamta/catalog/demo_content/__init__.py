"""Content of the demo catalogue: providers and courses for Madhya Pradesh government employees.

Written as data (see ``spec``) and loaded by ``kshamta.catalog.demo``. Facts are those of
the Acts, rules and schemes as they stand, with section numbers where a reader would look
them up; where a limit is revised from time to time (GeM purchase thresholds) the lesson
says so, and every PDF reading points to the authoritative text.
"""

from __future__ import annotations

from kshamta.catalog.demo_content import courses_field, courses_law, courses_office, courses_pipeline
from kshamta.catalog.demo_content.providers import ATI_PROVIDER, PROVIDERS
from kshamta.catalog.demo_content.spec import CourseSpec

__all__ = ["ATI_PROVIDER", "COURSES", "PROVIDERS"]

COURSES: tuple[CourseSpec, ...] = (
    *courses_law.COURSES,
    *courses_office.COURSES,
    *courses_field.COURSES,
    *courses_pipeline.COURSES,
)
