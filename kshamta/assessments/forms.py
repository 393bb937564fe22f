"""Authoring forms: assessment settings, sections, one question form per kind, and the bank upload."""

from __future__ import annotations

import json
import secrets
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.assessments.models import Assessment, Question

Kind = Question.Kind
MIN_ROWS = 6
MAX_BANK_BYTES = 2 * 1024 * 1024
LETTERS = "abcdefghijklmnopqrstuvwxyz"


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = [
            "title_en",
            "title_hi",
            "instructions_en",
            "instructions_hi",
            "pass_percent",
            "time_limit_minutes",
            "max_attempts",
            "shuffle_questions",
            "shuffle_options",
            "is_final",
        ]
        widgets = {
            "instructions_en": forms.Textarea(attrs={"rows": 3}),
            "instructions_hi": forms.Textarea(attrs={"rows": 3, "lang": "hi"}),
            "title_hi": forms.TextInput(attrs={"lang": "hi"}),
        }
        help_texts = {
            "time_limit_minutes": _("Leave empty for no time limit. The server enforces it."),
            "max_attempts": _("Leave empty for no limit. Nobody can retake an assessment they have passed."),
            "is_final": _("Passing it is required to complete the course."),
            "shuffle_options": _("The items on the right of a match question are always shuffled."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pass_percent"].widget.attrs.update({"min": 0, "max": 100})
        self.fields["time_limit_minutes"].widget.attrs.update({"min": 1})
        self.fields["max_attempts"].widget.attrs.update({"min": 1})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("title_en") and not cleaned.get("title_hi"):
            raise forms.ValidationError(_("Give the assessment a title in English or Hindi."))
        return cleaned


class SectionForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_hi = forms.CharField(
        label=_("Title (Hindi)"), max_length=300, required=False, widget=forms.TextInput(attrs={"lang": "hi"})
    )
    draw_count = forms.IntegerField(
        label=_("Questions drawn"),
        min_value=1,
        required=False,
        help_text=_("Each attempt draws this many of the section's questions at random. Empty: all of them."),
    )


class QuestionForm(forms.Form):
    """What every kind shares. Subclasses add their rows and say how they become choices and answer."""

    kind: str = ""
    text_en = forms.CharField(label=_("Question (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    text_hi = forms.CharField(
        label=_("Question (Hindi)"), required=False, widget=forms.Textarea(attrs={"rows": 3, "lang": "hi"})
    )
    points = forms.IntegerField(label=_("Points"), min_value=1, max_value=100, initial=1)
    explanation_en = forms.CharField(
        label=_("Explanation (English)"),
        required=False,
        help_text=_("Shown with the correct answer after the attempt is submitted."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    explanation_hi = forms.CharField(
        label=_("Explanation (Hindi)"), required=False, widget=forms.Textarea(attrs={"rows": 2, "lang": "hi"})
    )

    def __init__(self, *args: Any, rows: int = MIN_ROWS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("text_en", "").strip() and not cleaned.get("text_hi", "").strip():
            raise forms.ValidationError(_("Write the question in English or Hindi."))
        return cleaned

    def choices_and_answer(self) -> tuple[Any, Any]:
        return {}, None

    def _text(self, name: str) -> str:
        return str(self.cleaned_data.get(name) or "").strip()

    def fields_for_action(self) -> dict[str, Any]:
        choices, answer = self.choices_and_answer()
        data = self.cleaned_data
        return {
            "kind": self.kind,
            "text_en": data["text_en"],
            "text_hi": data["text_hi"],
            "points": data["points"],
            "explanation_en": data["explanation_en"],
            "explanation_hi": data["explanation_hi"],
            "choices": choices,
            "answer": answer,
        }

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        return {
            "text_en": question.text_en,
            "text_hi": question.text_hi,
            "points": question.points,
            "explanation_en": question.explanation_en,
            "explanation_hi": question.explanation_hi,
        }

    def rows_for_template(self) -> list[dict[str, Any]]:
        """Each row (option or pair): its number, text fields and the "correct" mark, if any."""
        return []

    # Fields of the kind shown after the rows, before the explanations.
    tail_names: tuple[str, ...] = ()

    def head_fields(self) -> list[forms.BoundField]:
        return [self["text_en"], self["text_hi"], self["points"]]

    def tail_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in (*self.tail_names, "explanation_en", "explanation_hi")]


def _text_field(label: Any, *, hindi: bool = False) -> forms.CharField:
    attrs = {"lang": "hi"} if hindi else {}
    return forms.CharField(label=label, required=False, max_length=1000, widget=forms.TextInput(attrs=attrs))


class _OptionsForm(QuestionForm):
    """Single and multiple choice: rows of options (English, Hindi); empty rows are ignored."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, self.rows + 1):
            self.fields[f"option_{i}_en"] = _text_field(_("Option %(n)d (English)") % {"n": i})
            self.fields[f"option_{i}_hi"] = _text_field(_("Option %(n)d (Hindi)") % {"n": i}, hindi=True)

    def _options(self) -> list[tuple[int, dict[str, str]]]:
        """(row number, option) of the filled rows; ids are letters in the order written."""
        filled: list[tuple[int, dict[str, str]]] = []
        for i in range(1, self.rows + 1):
            en, hi = self._text(f"option_{i}_en"), self._text(f"option_{i}_hi")
            if en or hi:
                n = len(filled)
                filled.append((i, {"id": LETTERS[n] if n < len(LETTERS) else f"o{n + 1}", "en": en, "hi": hi}))
        return filled

    @staticmethod
    def _initial_options(question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for i, option in enumerate(question.choices.get("options", []), start=1):
            initial[f"option_{i}_en"] = option.get("en", "")
            initial[f"option_{i}_hi"] = option.get("hi", "")
        return initial


class SingleChoiceForm(_OptionsForm):
    kind = Kind.SINGLE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["correct"] = forms.TypedChoiceField(
            label=_("Correct option"),
            coerce=int,
            choices=[(i, _("Option %(n)d") % {"n": i}) for i in range(1, self.rows + 1)],
            widget=forms.RadioSelect,
        )

    def choices_and_answer(self) -> tuple[Any, Any]:
        options = self._options()
        correct = self.cleaned_data.get("correct")
        answer = next((option["id"] for row, option in options if row == correct), None)
        return {"options": [o for _row, o in options]}, answer

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial = {**QuestionForm.initial_for(question), **cls._initial_options(question)}
        ids = [o["id"] for o in question.choices.get("options", [])]
        if question.answer in ids:
            initial["correct"] = ids.index(question.answer) + 1
        return initial

    def rows_for_template(self) -> list[dict[str, Any]]:
        radios = list(self["correct"])
        return [
            {"number": i, "fields": [self[f"option_{i}_en"], self[f"option_{i}_hi"]], "radio": radios[i - 1]}
            for i in range(1, self.rows + 1)
        ]


class MultipleChoiceForm(_OptionsForm):
    kind = Kind.MULTIPLE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, self.rows + 1):
            self.fields[f"option_{i}_correct"] = forms.BooleanField(
                label=_("Option %(n)d is correct") % {"n": i}, required=False
            )

    def choices_and_answer(self) -> tuple[Any, Any]:
        options = self._options()
        answer = [option["id"] for row, option in options if self.cleaned_data.get(f"option_{row}_correct")]
        return {"options": [o for _row, o in options]}, answer

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial = {**QuestionForm.initial_for(question), **cls._initial_options(question)}
        for i, option in enumerate(question.choices.get("options", []), start=1):
            initial[f"option_{i}_correct"] = option["id"] in (question.answer or [])
        return initial

    def rows_for_template(self) -> list[dict[str, Any]]:
        return [
            {
                "number": i,
                "fields": [self[f"option_{i}_en"], self[f"option_{i}_hi"]],
                "checkbox": self[f"option_{i}_correct"],
            }
            for i in range(1, self.rows + 1)
        ]


class TrueFalseForm(QuestionForm):
    kind = Kind.TRUE_FALSE
    tail_names = ("correct",)
    correct = forms.TypedChoiceField(
        label=_("The statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )

    def choices_and_answer(self) -> tuple[Any, Any]:
        return {}, self.cleaned_data.get("correct")

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        return {**QuestionForm.initial_for(question), "correct": "true" if question.answer else "false"}


class FillBlankForm(QuestionForm):
    kind = Kind.FILL_BLANK
    tail_names = ("accepted",)
    accepted = forms.CharField(
        label=_("Accepted answers, one per line"),
        help_text=_(
            "Compared without regard to capital letters, extra spaces, a full stop or danda at the end, and "
            "Hindi or English digits. Add each spelling you accept."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def choices_and_answer(self) -> tuple[Any, Any]:
        lines = [line.strip() for line in self.cleaned_data.get("accepted", "").splitlines()]
        return {}, [line for line in lines if line]

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        answers = question.answer if isinstance(question.answer, list) else []
        return {**QuestionForm.initial_for(question), "accepted": "\n".join(answers)}


class MatchForm(QuestionForm):
    """Rows of pairs: an item on the left and its match on the right. A row with only a right side
    adds a distractor. Right-hand ids are random, so they reveal nothing about the pairs."""

    kind = Kind.MATCH

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, self.rows + 1):
            self.fields[f"left_{i}_en"] = _text_field(_("Left %(n)d (English)") % {"n": i})
            self.fields[f"left_{i}_hi"] = _text_field(_("Left %(n)d (Hindi)") % {"n": i}, hindi=True)
            self.fields[f"right_{i}_en"] = _text_field(_("Match for left %(n)d (English)") % {"n": i})
            self.fields[f"right_{i}_hi"] = _text_field(_("Match for left %(n)d (Hindi)") % {"n": i}, hindi=True)

    def choices_and_answer(self) -> tuple[Any, Any]:
        left: list[dict[str, str]] = []
        right: list[dict[str, str]] = []
        answer: dict[str, str] = {}
        for i in range(1, self.rows + 1):
            left_en, left_hi = self._text(f"left_{i}_en"), self._text(f"left_{i}_hi")
            right_en, right_hi = self._text(f"right_{i}_en"), self._text(f"right_{i}_hi")
            right_id = ""
            if right_en or right_hi:
                right_id = "r" + secrets.token_hex(3)
                right.append({"id": right_id, "en": right_en, "hi": right_hi})
            if left_en or left_hi:
                left_id = f"l{len(left) + 1}"
                left.append({"id": left_id, "en": left_en, "hi": left_hi})
                # A left item without a match leaves the answer incomplete; the action refuses it.
                if right_id:
                    answer[left_id] = right_id
        return {"left": left, "right": right}, answer

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial = QuestionForm.initial_for(question)
        right_by_id = {r["id"]: r for r in question.choices.get("right", [])}
        used: set[str] = set()
        row = 0
        for left in question.choices.get("left", []):
            row += 1
            initial[f"left_{row}_en"], initial[f"left_{row}_hi"] = left.get("en", ""), left.get("hi", "")
            match = right_by_id.get((question.answer or {}).get(left["id"], ""))
            if match is not None and match["id"] not in used:
                used.add(match["id"])
                initial[f"right_{row}_en"], initial[f"right_{row}_hi"] = match.get("en", ""), match.get("hi", "")
        for extra in question.choices.get("right", []):
            if extra["id"] not in used:
                row += 1
                initial[f"right_{row}_en"], initial[f"right_{row}_hi"] = extra.get("en", ""), extra.get("hi", "")
        return initial

    def rows_for_template(self) -> list[dict[str, Any]]:
        return [
            {
                "number": i,
                "fields": [self[f"left_{i}_en"], self[f"left_{i}_hi"], self[f"right_{i}_en"], self[f"right_{i}_hi"]],
            }
            for i in range(1, self.rows + 1)
        ]


FORMS: dict[str, type[QuestionForm]] = {
    Kind.SINGLE: SingleChoiceForm,
    Kind.MULTIPLE: MultipleChoiceForm,
    Kind.TRUE_FALSE: TrueFalseForm,
    Kind.FILL_BLANK: FillBlankForm,
    Kind.MATCH: MatchForm,
}


def rows_needed(question: Question | None) -> int:
    """Rows to show: at least MIN_ROWS, and two spare beyond what the question already has."""
    if question is None:
        return MIN_ROWS
    count = max(
        len(question.choices.get("options", [])),
        len(question.choices.get("left", [])) + len(question.choices.get("right", [])),
    )
    return max(MIN_ROWS, count + 2)


class QuestionBankForm(forms.Form):
    """A JSON file of questions (see the app's README) added to one section."""

    file = forms.FileField(label=_("Question bank (JSON)"), help_text=_("At most 2 MB."))

    def clean_file(self) -> list[dict[str, Any]]:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BANK_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            data = json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise forms.ValidationError(_("The file is not JSON in UTF-8.")) from exc
        rows = data.get("questions") if isinstance(data, dict) else data
        if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
            raise forms.ValidationError(_("The file must hold a list of questions."))
        return rows
