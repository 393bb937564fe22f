"""What the learning pages show: the outline of a pinned version, where to resume, My learning.

Reads only; every write goes through ``actions``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from kshamta.assessments.models import Assessment
from kshamta.catalog.models import Module, Resource
from kshamta.certificates.models import Certificate
from kshamta.learning.models import Enrolment, ResourceProgress


@dataclass
class ResourceLine:
    resource: Resource
    progress: ResourceProgress | None
    number: int  # 1-based place in the whole course

    @property
    def percent(self) -> int:
        return self.progress.percent if self.progress else 0

    @property
    def is_complete(self) -> bool:
        return self.progress is not None and self.progress.completed_at is not None

    @property
    def is_started(self) -> bool:
        return self.progress is not None and (self.progress.percent > 0 or self.progress.reported_at is not None)


@dataclass
class ModuleBlock:
    module: Module
    lines: list[ResourceLine] = field(default_factory=list)


@dataclass
class Outline:
    """A pinned version's modules and resources in order, each with the learner's progress."""

    modules: list[ModuleBlock]

    @property
    def lines(self) -> list[ResourceLine]:
        return [line for block in self.modules for line in block.lines]

    def line_of(self, resource_id: int) -> ResourceLine | None:
        return next((line for line in self.lines if line.resource.pk == resource_id), None)

    def neighbours(self, resource_id: int) -> tuple[ResourceLine | None, ResourceLine | None]:
        lines = self.lines
        for index, line in enumerate(lines):
            if line.resource.pk == resource_id:
                before = lines[index - 1] if index > 0 else None
                after = lines[index + 1] if index + 1 < len(lines) else None
                return before, after
        return None, None

    def resume_line(self, last_resource_id: int | None) -> ResourceLine | None:
        """Where "continue" goes: the resource last worked on while it is unfinished, else the
        next unfinished one after it (then from the start), else the last one worked on."""
        lines = self.lines
        if not lines:
            return None
        start = next((i for i, line in enumerate(lines) if line.resource.pk == last_resource_id), None)
        if start is None:
            return next((line for line in lines if not line.is_complete), lines[0])
        for line in lines[start:] + lines[:start]:
            if not line.is_complete:
                return line
        return lines[start]


def outline_for(enrolment: Enrolment) -> Outline:
    """Three queries: modules, their resources, the enrolment's progress rows."""
    modules = list(Module.objects.filter(version_id=enrolment.version_id).order_by("position", "id"))
    resources = Resource.objects.filter(module__version_id=enrolment.version_id).order_by("position", "id")
    progress = {p.resource_id: p for p in ResourceProgress.objects.filter(enrolment_id=enrolment.pk)}
    blocks = {m.pk: ModuleBlock(module=m) for m in modules}
    for resource in resources:
        resource.module = blocks[resource.module_id].module
        blocks[resource.module_id].lines.append(ResourceLine(resource, progress.get(resource.pk), 0))
    number = 0
    for block in blocks.values():
        for line in block.lines:
            number += 1
            line.number = number
    return Outline(modules=list(blocks.values()))


def has_final_assessment(enrolment: Enrolment) -> bool:
    return Assessment.objects.filter(version_id=enrolment.version_id, is_final=True).exists()


def certificate_of(enrolment: Enrolment) -> Certificate | None:
    if enrolment.status != Enrolment.Status.COMPLETED:
        return None
    return Certificate.objects.filter(enrolment_id=enrolment.pk).first()


@dataclass
class MyLearning:
    in_progress: list[Enrolment]
    assigned: list[Enrolment]
    completed: list[Enrolment]


def my_learning(user: Any) -> MyLearning:
    """The user's enrolments in three groups, in one query (course and certificate joined)."""
    today = timezone.localdate()
    enrolments = (
        Enrolment.objects.filter(user_id=user.pk, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED])
        .select_related("course", "course__provider", "certificate")
        .defer("course__search_text", "course__summary_en", "course__summary_hi")
        .order_by("-last_active_at", "-enrolled_at", "-id")
    )
    groups = MyLearning(in_progress=[], assigned=[], completed=[])
    for enrolment in enrolments:
        enrolment.is_overdue = bool(  # type: ignore[attr-defined]
            enrolment.status == Enrolment.Status.ACTIVE and enrolment.due_on and enrolment.due_on < today
        )
        enrolment.certificate_or_none = getattr(enrolment, "certificate", None)  # type: ignore[attr-defined]
        if enrolment.status == Enrolment.Status.COMPLETED:
            groups.completed.append(enrolment)
        elif enrolment.source == Enrolment.Source.ASSIGNED:
            groups.assigned.append(enrolment)
        else:
            groups.in_progress.append(enrolment)
    groups.assigned.sort(key=lambda e: (e.due_on is None, e.due_on or today, e.pk))
    groups.completed.sort(key=lambda e: e.completed_at or e.enrolled_at, reverse=True)
    return groups
