"""An attempt's question paper as the learner sees it, and its review once it is closed.

The paper is built from plain values only: question text, the options in the attempt's order and
the learner's own answers. ``Question.answer`` and the explanations are read only by ``review``,
which refuses an attempt still in progress, so pages and the API cannot leak them by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from django.db.models import Count
from django.http import QueryDict
from django.utils.translation import gettext as _

from kshamta.assessments import questions as rules
from kshamta.assessments.models import Assessment, Attempt, Question, Section
from kshamta.orgs.models import localised

Kind = Question.Kind


def _item(raw: dict[str, str], *, selected: bool = False) -> dict[str, Any]:
    return {
        "id": raw["id"],
        "en": raw.get("en", ""),
        "hi": raw.get("hi", ""),
        "label": localised(raw.get("en", ""), raw.get("hi", "")),
        "selected": selected,
    }


def _ordered(items: list[dict[str, str]], order: list[str] | None) -> list[dict[str, str]]:
    by_id = {i["id"]: i for i in items}
    if not order:
        return items
    return [by_id[i] for i in order if i in by_id]


def question_count(assessment: Assessment, sections: list[Section] | None = None) -> int:
    """How many questions an attempt shows: each section's draw, or all its questions."""
    rows: Iterable[tuple[int, int | None]]
    if sections is None:
        rows = assessment.sections.order_by().annotate(total=Count("questions")).values_list("total", "draw_count")
    else:
        rows = [(len(s.questions.all()), s.draw_count) for s in sections]
    return sum(total if draw is None else min(total, draw) for total, draw in rows)


def questions_of(attempt: Attempt) -> dict[int, Question]:
    return Question.objects.in_bulk([entry["q"] for entry in attempt.layout])


def paper(attempt: Attempt, questions: dict[int, Question] | None = None) -> list[dict[str, Any]]:
    """The attempt's questions in order, with the options as drawn and the learner's saved answers."""
    questions = questions if questions is not None else questions_of(attempt)
    out: list[dict[str, Any]] = []
    for number, entry in enumerate(attempt.layout, start=1):
        question = questions.get(entry["q"])
        if question is None:
            continue
        saved = attempt.answers.get(str(question.pk))
        item: dict[str, Any] = {
            "number": number,
            "id": question.pk,
            "section": entry.get("section"),
            "kind": question.kind,
            "kind_label": question.get_kind_display(),
            "text": question.text,
            "text_en": question.text_en,
            "text_hi": question.text_hi,
            "points": question.points,
            "field": f"q-{question.pk}",
            "saved": saved,
            "options": [],
            "left": [],
            "right": [],
        }
        if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
            chosen = saved if isinstance(saved, list) else [saved]
            item["options"] = [
                _item(o, selected=o["id"] in chosen)
                for o in _ordered(question.choices.get("options", []), entry.get("options"))
            ]
        elif question.kind == Kind.MATCH:
            pairs = saved if isinstance(saved, dict) else {}
            right = [_item(r) for r in _ordered(question.choices.get("right", []), entry.get("right"))]
            item["right"] = right
            item["left"] = [
                {**_item(left), "field": f"q-{question.pk}-{left['id']}", "chosen": pairs.get(left["id"], "")}
                for left in _ordered(question.choices.get("left", []), entry.get("left"))
            ]
        out.append(item)
    return out


def by_section(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive questions of one section grouped under its title."""
    titles = {s.pk: s.title for s in Section.objects.filter(pk__in={i["section"] for i in items})}
    groups: list[dict[str, Any]] = []
    for item in items:
        if not groups or groups[-1]["id"] != item["section"]:
            groups.append({"id": item["section"], "title": titles.get(item["section"], ""), "questions": []})
        groups[-1]["questions"].append(item)
    return groups


def answers_from_form(attempt: Attempt, questions: dict[int, Question], data: QueryDict) -> dict[str, Any]:
    """The answers posted by the attempt page: every question of the paper gets a value (None when
    left blank), so the form always says the last word over an autosave."""
    answers: dict[str, Any] = {}
    for entry in attempt.layout:
        question = questions.get(entry["q"])
        if question is None:
            continue
        field = f"q-{question.pk}"
        value: Any
        if question.kind == Kind.MULTIPLE:
            value = data.getlist(field) or None
        elif question.kind == Kind.MATCH:
            pairs = {left["id"]: data.get(f"{field}-{left['id']}", "") for left in question.choices.get("left", [])}
            value = {k: v for k, v in pairs.items() if v} or None
        else:
            value = data.get(field) or None
        answers[str(question.pk)] = value
    return answers


# --- after the attempt is closed -----------------------------------------------------------


def _display(question: Question, value: Any) -> list[str]:
    """An answer (the learner's or the correct one) as lines of text."""
    if value is None:
        return []
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        labels = {o["id"]: localised(o.get("en", ""), o.get("hi", "")) for o in question.choices.get("options", [])}
        ids = value if isinstance(value, list) else [value]
        return [str(labels.get(i, i)) for i in ids]
    if question.kind == Kind.TRUE_FALSE:
        return [_("True") if value else _("False")]
    if question.kind == Kind.FILL_BLANK:
        return list(value) if isinstance(value, list) else [str(value)]
    left = {i["id"]: localised(i.get("en", ""), i.get("hi", "")) for i in question.choices.get("left", [])}
    right = {i["id"]: localised(i.get("en", ""), i.get("hi", "")) for i in question.choices.get("right", [])}
    return [f"{left.get(lid, lid)} → {right.get(rid, rid)}" for lid, rid in value.items()]


def review(attempt: Attempt, questions: dict[int, Question] | None = None) -> list[dict[str, Any]]:
    """Each question with the learner's answer, the correct answer, the points earned and the explanation.

    Only for a closed attempt: while it is in progress the answers must not leave the server.
    """
    if attempt.status == Attempt.Status.IN_PROGRESS:
        raise ValueError("an attempt in progress has no review")
    questions = questions if questions is not None else questions_of(attempt)
    items = paper(attempt, questions)
    for item in items:
        question = questions[item["id"]]
        given = attempt.answers.get(str(question.pk))
        share = rules.share_correct(question.kind, question.answer, given)
        earned = question.points * share
        item.update(
            {
                "given": _display(question, given),
                "correct_answer": _display(question, question.answer),
                "correct_answer_raw": question.answer,
                "explanation": question.explanation,
                "explanation_en": question.explanation_en,
                "explanation_hi": question.explanation_hi,
                "earned": float(round(earned, 2)),
                "outcome": "correct" if share == 1 else ("partial" if share > Fraction(0) else "wrong"),
            }
        )
    return items
