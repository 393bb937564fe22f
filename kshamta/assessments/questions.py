"""The five kinds of question: what an author may write, what a learner may answer, and scoring.

Everything here is a pure function of a question's ``kind``, ``choices`` and ``answer``, so
the same rules serve the authoring forms, the importer, the attempt pages and the API.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from kshamta.assessments.models import Question
from kshamta.core.text import clean_text

Kind = Question.Kind

MAX_ID_LENGTH = 40
MAX_OPTION_LENGTH = 1000
MAX_TYPED_ANSWER = 500
MAX_POINTS = 100
_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")


class QuestionInvalid(ValueError):
    """An authored question breaks its kind's rules; the message says which, for the author."""


# --- authoring -----------------------------------------------------------------------


def _items(value: Any, label: str, *, minimum: int) -> list[dict[str, str]]:
    """A list of {"id", "en", "hi"} with unique ids and some text, cleaned. ``label`` names the
    list (“Options”, “Left column”) at the start of any message."""

    def refuse(problem: str) -> QuestionInvalid:
        return QuestionInvalid(f"{label}: {problem}")

    if not isinstance(value, list):
        raise refuse(_("a list is expected."))
    items: list[dict[str, str]] = []
    seen: set[str] = set()
    for raw in value:
        if not isinstance(raw, dict):
            raise refuse(_("each item needs an id and a text."))
        item_id = clean_text(raw.get("id"))
        if not item_id or len(item_id) > MAX_ID_LENGTH or not _ID_PATTERN.match(item_id):
            raise refuse(_("each id is made of letters, digits, - or _ (at most 40)."))
        if item_id in seen:
            raise refuse(_("the id “%(id)s” is used twice.") % {"id": item_id})
        seen.add(item_id)
        en, hi = clean_text(raw.get("en")), clean_text(raw.get("hi"))
        if not en and not hi:
            raise refuse(_("“%(id)s” has no text.") % {"id": item_id})
        if len(en) > MAX_OPTION_LENGTH or len(hi) > MAX_OPTION_LENGTH:
            raise refuse(_("“%(id)s” is too long.") % {"id": item_id})
        items.append({"id": item_id, "en": en, "hi": hi})
    if len(items) < minimum:
        raise refuse(_("at least %(count)d are needed.") % {"count": minimum})
    return items


def _no_choices(choices: Any) -> None:
    if choices not in (None, {}, []):
        raise QuestionInvalid(_("This type of question has no options."))


def validate_question(kind: str, choices: Any, answer: Any) -> tuple[dict[str, Any], Any]:
    """The cleaned (choices, answer) of a question of ``kind``, or QuestionInvalid.

    single: options (at least 2, unique ids), the answer is one option id;
    multiple: options, the answer a non-empty list of option ids;
    true_false: no options, the answer true or false;
    fill_blank: no options, the answer a list of accepted texts;
    match: left and right lists, the answer maps every left id to a right id.
    """
    if kind not in Kind.values:
        raise QuestionInvalid(_("Unknown type of question."))
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        if not isinstance(choices, dict):
            raise QuestionInvalid(_("The options are missing."))
        options = _items(choices.get("options"), _("Options"), minimum=2)
        ids = [o["id"] for o in options]
        if kind == Kind.SINGLE:
            if not isinstance(answer, str) or answer not in ids:
                raise QuestionInvalid(_("Choose which option is correct."))
            return {"options": options}, answer
        if not isinstance(answer, list) or not answer or not all(isinstance(a, str) for a in answer):
            raise QuestionInvalid(_("Choose at least one correct option."))
        if any(a not in ids for a in answer):
            raise QuestionInvalid(_("A correct answer must be one of the options."))
        if len(set(answer)) != len(answer):
            raise QuestionInvalid(_("An option is marked correct twice."))
        return {"options": options}, [i for i in ids if i in answer]
    if kind == Kind.TRUE_FALSE:
        _no_choices(choices)
        if not isinstance(answer, bool):
            raise QuestionInvalid(_("Say whether the statement is true or false."))
        return {}, answer
    if kind == Kind.FILL_BLANK:
        _no_choices(choices)
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            raise QuestionInvalid(_("Give the accepted answers as a list of texts."))
        accepted: list[str] = []
        seen: set[str] = set()
        for text in answer:
            cleaned = clean_text(text)
            key = normalise_typed(cleaned)
            if len(cleaned) > MAX_TYPED_ANSWER:
                raise QuestionInvalid(_("An accepted answer is too long."))
            if key and key not in seen:
                seen.add(key)
                accepted.append(cleaned)
        if not accepted:
            raise QuestionInvalid(_("Give at least one accepted answer."))
        return {}, accepted
    # match
    if not isinstance(choices, dict):
        raise QuestionInvalid(_("The pairs are missing."))
    left = _items(choices.get("left"), _("Left column"), minimum=2)
    right = _items(choices.get("right"), _("Right column"), minimum=2)
    left_ids, right_ids = [i["id"] for i in left], {i["id"] for i in right}
    if not isinstance(answer, dict) or set(answer) != set(left_ids):
        raise QuestionInvalid(_("Match every item on the left to an item on the right."))
    if any(not isinstance(v, str) or v not in right_ids for v in answer.values()):
        raise QuestionInvalid(_("Each item on the left must be matched to an item on the right."))
    return {"left": left, "right": right}, {lid: answer[lid] for lid in left_ids}


def validate_points(points: Any) -> int:
    if not isinstance(points, int) or isinstance(points, bool) or not 1 <= points <= MAX_POINTS:
        raise QuestionInvalid(_("Points must be a whole number from 1 to %(max)d.") % {"max": MAX_POINTS})
    return points


# --- what a learner typed ---------------------------------------------------------------

# Characters that change how text looks but not which word it is: zero-width space, the
# Devanagari joiners (ZWNJ, ZWJ pick half forms: क्‍ष and क्ष are the same word), word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# Full stops (Latin, danda, double danda) and other punctuation learners add around an answer.
_EDGE_PUNCTUATION = ".,;:!?'\"।॥ "


def normalise_typed(text: str) -> str:
    """The form of a typed answer that is compared: NFC, case-folded, single spaces, Devanagari digits
    as ASCII digits, no joiners, no full stop or danda around it."""
    text = unicodedata.normalize("NFC", str(text).translate(_INVISIBLE))
    text = unicodedata.normalize("NFC", text.casefold()).translate(_DEVANAGARI_DIGITS)
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION)


def clean_learner_answer(kind: str, choices: dict[str, Any], value: Any) -> Any:
    """A learner's answer to one question in its stored form, or None when it is not an answer.

    Anything that does not fit the question (an unknown option id, a number for a match) counts
    as not answered rather than as an error: scoring only ever sees answers of the right shape.
    """
    if value is None:
        return None
    if kind == Kind.SINGLE:
        return value if isinstance(value, str) and value in {o["id"] for o in choices.get("options", [])} else None
    if kind == Kind.MULTIPLE:
        given = [value] if isinstance(value, str) else value
        if not isinstance(given, list):
            return None
        chosen = [o["id"] for o in choices.get("options", []) if o["id"] in given]
        return chosen or None
    if kind == Kind.TRUE_FALSE:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return None
    if kind == Kind.FILL_BLANK:
        if not isinstance(value, str):
            return None
        typed = clean_text(value)[:MAX_TYPED_ANSWER]
        return typed or None
    if kind == Kind.MATCH:
        if not isinstance(value, dict):
            return None
        left_ids = [i["id"] for i in choices.get("left", [])]
        right_ids = {i["id"] for i in choices.get("right", [])}
        pairs = {lid: value[lid] for lid in left_ids if isinstance(value.get(lid), str) and value[lid] in right_ids}
        return pairs or None
    return None


# --- scoring ----------------------------------------------------------------------------


def share_correct(kind: str, answer: Any, given: Any) -> Fraction:
    """How much of the question the (cleaned) answer gets right, from 0 to 1.

    single, true_false and fill_blank are right or wrong; multiple is all or nothing (every
    correct option and no other); match gives a share per correct pair.
    """
    if given is None:
        return Fraction(0)
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return Fraction(int(given == answer))
    if kind == Kind.MULTIPLE:
        return Fraction(int(set(given) == set(answer)))
    if kind == Kind.FILL_BLANK:
        accepted = {normalise_typed(a) for a in answer}
        return Fraction(int(normalise_typed(given) in accepted))
    if kind == Kind.MATCH:
        if not answer:
            return Fraction(0)
        right = sum(1 for left, target in answer.items() if given.get(left) == target)
        return Fraction(right, len(answer))
    return Fraction(0)
