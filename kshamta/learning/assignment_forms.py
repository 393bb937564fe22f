"""Forms of the mandatory-course and compliance pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kshamta.accounts.access import designations_in_department, visible_orgs
from kshamta.catalog.models import Course
from kshamta.learning.compliance import State, assigned_courses
from kshamta.orgs.forms import OrgChoiceField
from kshamta.orgs.models import Designation, Organisation

# An <input type="date"> sends ISO dates; people typing without one write day-first.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
NO_DESIGNATION = "none"


class MandatoryCourseForm(forms.Form):
    org = OrgChoiceField(
        label=_("For everyone in"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Everyone in service in this organisation and every organisation below it."),
    )
    course = forms.CharField(
        label=_("Course code"),
        max_length=60,
        help_text=_("The code shown on the course's page in the catalogue, for example POSH-101."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    due_on = forms.DateField(
        label=_("Complete by"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, data: Any = None, *, user: Any) -> None:
        super().__init__(data)
        field: Any = self.fields["org"]
        field.queryset = visible_orgs(user).order_by("path")

    def clean_course(self) -> Course:
        code = self.cleaned_data["course"].strip()
        course = Course.objects.filter(code__iexact=code).first()
        if course is None:
            raise forms.ValidationError(_("There is no course with the code %(code)s.") % {"code": code})
        if not course.is_listed:
            raise forms.ValidationError(_("The course %(code)s is not open for enrolment.") % {"code": course.code})
        return course

    def clean_due_on(self) -> Any:
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The date to complete by cannot be in the past."))
        return due_on


class ComplianceFilterForm(forms.Form):
    designation = forms.ChoiceField(label=_("Designation"), required=False)
    state = forms.ChoiceField(label=_("Status"), required=False)
    course = forms.ChoiceField(label=_("Course"), required=False)

    def __init__(self, data: Any = None, *, org: Organisation) -> None:
        super().__init__(data)
        self.designations = {str(d.pk): d for d in designations_in_department(org).order_by("name_en", "pk")}
        self.courses = {str(c.pk): c for c in assigned_courses(org).only("pk", "code", "title_en", "title_hi")}
        designation_field: Any = self.fields["designation"]
        designation_field.choices = [
            ("", _("All")),
            (NO_DESIGNATION, _("No designation")),
            *((pk, f"{d.name} ({d.code})") for pk, d in self.designations.items()),
        ]
        state_field: Any = self.fields["state"]
        state_field.choices = [("", _("All")), *State.choices]
        course_field: Any = self.fields["course"]
        course_field.choices = [("", _("All")), *((pk, f"{c.code} · {c.title}") for pk, c in self.courses.items())]

    def filters(self) -> dict[str, Any]:
        """The valid filters, for ``compliance.people_rows``; an invalid one is left out."""
        data = self.cleaned_data if self.is_valid() else {}
        chosen = data.get("designation") or ""
        return {
            "designation": self.designations.get(chosen),
            "no_designation": chosen == NO_DESIGNATION,
            "state": data.get("state") or "",
            "course": self.courses.get(data.get("course") or ""),
        }


def designation_label(designation: Designation | None) -> str:
    return designation.name if designation else str(_("No designation"))
