"""The progress request and answer, shared by POST /api/v1/progress and the player's /learn/progress."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Schema

from kshamta.learning.actions import MAX_UPDATES


class ProgressUpdateIn(Schema):
    resource: int = Field(description="Id of a resource in a course you are enrolled in.")
    percent: int = Field(ge=0, le=100, description="Share consumed so far, 0-100. Never moves progress back.")
    position: int | None = Field(None, ge=0, description="Media position in seconds, where to resume.")
    page: int | None = Field(None, ge=0, description="PDF page, where to resume.")
    at: datetime.datetime = Field(description="When the client observed this (ISO-8601). Orders the resume point.")


class ProgressIn(Schema):
    updates: list[ProgressUpdateIn] = Field(min_length=1, max_length=MAX_UPDATES)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [u.model_dump() for u in self.updates]


class ProgressResultOut(Schema):
    resource: int
    percent: int = Field(description="The resource's progress after this batch.")
    completed: bool
    error: str | None = Field(
        None,
        description="Set when this update was refused (the rest of the batch still applied): "
        "resource_not_in_your_courses, completed_by_assessment.",
    )


class EnrolmentProgressOut(Schema):
    course: str = Field(description="Course code.")
    progress_percent: int = Field(description="Share of the required resources complete.")
    completed: bool


class ProgressOut(Schema):
    results: list[ProgressResultOut]
    enrolments: list[EnrolmentProgressOut] = Field(description="Each course touched by the batch.")


def progress_report(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The answer to a progress batch, from do_record_progress's results."""
    enrolments: dict[str, dict[str, Any]] = {}
    out = []
    for result in results:
        summary = result.get("enrolment")
        if summary is not None:
            enrolments[summary["course"]] = summary
        out.append(
            {
                "resource": result["resource"],
                "percent": result["percent"],
                "completed": result["completed"],
                "error": result.get("error"),
            }
        )
    return {"results": out, "enrolments": list(enrolments.values())}
