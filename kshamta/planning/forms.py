from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kshamta.orgs.models import Organisation
from kshamta.planning.access import authoring_orgs
from kshamta.planning.models import Plan, PlanCourse, PlanDocument, Quarter, financial_year_start


def next_financial_year() -> str:
    today = timezone.localdate()
    start = today.year if today.month >= 4 else today.year - 1
    start += 1  # plans are made for the coming year
    return f"{start}-{(start + 1) % 100:02d}"


class PlanForm(forms.Form):
    org: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Department"), queryset=Organisation.objects.none(), empty_label=None
    )
    year = forms.CharField(label=_("Financial year"), max_length=7, help_text=_("For example 2026-27."))
    language = forms.ChoiceField(
        label=_("Course language"),
        choices=Plan.Language.choices,
        help_text=_("Courses in this language rank higher in the recommendations."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        kwargs.setdefault("initial", {"year": next_financial_year(), "language": Plan.Language.HINDI})
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = authoring_orgs(user)  # type: ignore[attr-defined]
        self.fields["org"].label_from_instance = lambda org: f"{org.name} ({org.code})"  # type: ignore[attr-defined]

    def clean_year(self) -> str:
        year = self.cleaned_data["year"].strip()
        if financial_year_start(year) is None:
            raise forms.ValidationError(_("Write the financial year as 2026-27."))
        return year


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=PlanDocument.Kind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "Organogram: XLSX or CSV with the columns designation, group, sanctioned_posts, reports_to and wing "
            "(English or Hindi headers). Other documents: PDF, Word (.docx) or text (.txt), in Hindi, English or both."
        ),
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )


class CourseLineForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, s) for s in (PlanCourse.Status.ACCEPTED, PlanCourse.Status.REMOVED, PlanCourse.Status.SUGGESTED)],
        required=False,
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=PlanCourse.Mode.choices, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=PlanCourse.Priority.choices, required=False)
    quarter = forms.ChoiceField(label=_("Target quarter"), choices=Quarter.choices, required=False)


class LevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Required level"), choices=[(n, n) for n in range(1, 6)], coerce=int)


class AddCourseForm(forms.Form):
    course = forms.CharField(label=_("Course code"), max_length=60)
    mode = forms.ChoiceField(label=_("Mode"), choices=PlanCourse.Mode.choices, initial=PlanCourse.Mode.ONLINE)
    priority = forms.ChoiceField(
        label=_("Priority"), choices=PlanCourse.Priority.choices, initial=PlanCourse.Priority.MEDIUM
    )
    quarter = forms.ChoiceField(label=_("Target quarter"), choices=Quarter.choices, initial=Quarter.Q2)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Plan lines"),
        help_text=_("The JSON or XLSX exported from a plan, edited, or a CSV/XLSX with the plan-line columns."),
    )
