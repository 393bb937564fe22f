"""Forms of the programme pages. Lists of organisations, designations, courses and people are typed as codes:
a state has thousands of each, too many for a select box on a slow connection."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.accounts.models import Profile, User
from kshamta.assessments.models import Assessment
from kshamta.catalog.models import Course
from kshamta.core.spreadsheets import SpreadsheetError, iter_rows
from kshamta.orgs.models import Designation, Organisation
from kshamta.programmes import access, planning
from kshamta.programmes.actions import parse_codes
from kshamta.programmes.models import Batch, Programme

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M"]
GROUP_CHOICES = Designation.Group.choices
CODES_HELP = _("Codes separated by commas, spaces or lines.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _lookup_codes(text: str, model: Any, field: str, what: Any) -> list[Any]:
    codes = parse_codes(text)
    found = {getattr(o, field).upper(): o for o in model.objects.filter(**{f"{field}__in": codes})}
    found.update(
        {getattr(o, field).upper(): o for o in model.objects.filter(**{f"{field}__in": [c.upper() for c in codes]})}
    )
    missing = [c for c in codes if c.upper() not in found]
    if missing:
        raise forms.ValidationError(_("Unknown %(what)s: %(codes)s") % {"what": what, "codes": ", ".join(missing)})
    return [found[c.upper()] for c in codes]


class ProgrammeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    title_hi = forms.CharField(label=_("Title (Hindi)"), max_length=300, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    description_hi = forms.CharField(
        label=_("Description (Hindi)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    org = forms.CharField(label=_("Owning organisation (code)"), max_length=40)
    courses = forms.CharField(
        label=_("Online courses everyone completes (course codes)"), required=False, help_text=CODES_HELP
    )
    coordinators = forms.CharField(
        label=_("Coordinators (employee codes)"),
        required=False,
        help_text=_("Leave empty to be the only coordinator yourself."),
    )
    attendance_threshold = forms.IntegerField(label=_("Attendance needed (%)"), min_value=0, max_value=100, initial=75)
    final_assessment = forms.ModelChoiceField(
        label=_("Final assessment"), queryset=Assessment.objects.none(), required=False
    )
    approval_mode = forms.ChoiceField(label=_("Approval"), choices=Programme.ApprovalMode.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Programme.Status.choices, initial=Programme.Status.OPEN)

    def __init__(self, *args: Any, user: Any, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["final_assessment"].queryset = Assessment.objects.filter(  # type: ignore[attr-defined]
            is_final=True, version__status="published"
        ).select_related("version__course")
        self.fields["final_assessment"].label_from_instance = lambda a: f"{a.version.course.code}: {a.title}"  # type: ignore[attr-defined]
        if editing:
            self.fields["code"].disabled = True
        orgs = access.coordinator_orgs(user)
        if orgs and not self.initial.get("org"):
            self.initial["org"] = orgs[0].code

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().upper()

    def clean_org(self) -> Organisation:
        code = str(self.cleaned_data["org"]).strip()
        org = Organisation.objects.filter(code__iexact=code).first()
        if org is None or not access.can_own_programme_at(self.user, org):
            raise forms.ValidationError(_("Give the code of an organisation you coordinate programmes for."))
        return org

    def clean_courses(self) -> list[Course]:
        courses = _lookup_codes(self.cleaned_data["courses"], Course, "code", _("course codes"))
        unlisted = [c.code for c in courses if not c.is_listed]
        if unlisted:
            raise forms.ValidationError(_("Not published: %(codes)s") % {"codes": ", ".join(unlisted)})
        return courses

    def clean_coordinators(self) -> list[User]:
        profiles = _lookup_codes(self.cleaned_data["coordinators"], Profile, "employee_code", _("employee codes"))
        return [p.user for p in profiles]


class BatchForm(forms.Form):
    code = forms.CharField(label=_("Batch code"), max_length=40)
    seat_limit = forms.IntegerField(label=_("Seats"), min_value=1)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput(), input_formats=DATE_FORMATS)
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput(), input_formats=DATE_FORMATS)
    enrolment_ends_on = forms.DateField(label=_("Nominations close on"), widget=DateInput(), input_formats=DATE_FORMATS)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    eligible_designations = forms.CharField(
        label=_("Eligible designations (codes)"), required=False, help_text=_("Empty: every designation.")
    )
    eligible_groups = forms.MultipleChoiceField(
        label=_("Eligible service groups"),
        choices=GROUP_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every group."),
    )
    eligible_orgs = forms.CharField(
        label=_("Eligible organisations (codes; their whole subtrees)"),
        required=False,
        help_text=_("Empty: every organisation."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Batch.Status.choices, initial=Batch.Status.OPEN)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True

    def clean_eligible_designations(self) -> list[Designation]:
        return _lookup_codes(self.cleaned_data["eligible_designations"], Designation, "code", _("designation codes"))

    def clean_eligible_orgs(self) -> list[Organisation]:
        return _lookup_codes(self.cleaned_data["eligible_orgs"], Organisation, "code", _("organisation codes"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on, closes = data.get("starts_on"), data.get("ends_on"), data.get("enrolment_ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("A batch cannot end before it starts."))
        if ends_on and closes and closes > ends_on:
            self.add_error("enrolment_ends_on", _("Nominations must close before the batch ends."))
        return data


class SessionForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    title_hi = forms.CharField(label=_("Title (Hindi)"), max_length=300, required=False)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput(), input_formats=DATETIME_FORMATS)
    venue_name = forms.CharField(label=_("Venue"), max_length=300, required=False)
    venue_address = forms.CharField(label=_("Venue address"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    vc_link = forms.URLField(label=_("Video-conference link"), max_length=500, required=False, assume_scheme="https")
    trainer_name = forms.CharField(label=_("Trainer"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("A session must end after it starts."))
        if not data.get("venue_name") and not data.get("vc_link"):
            self.add_error("venue_name", _("Give a venue or a video-conference link."))
        return data


class NominateForm(forms.Form):
    people = forms.MultipleChoiceField(label=_("People"), required=False, widget=forms.CheckboxSelectMultiple)
    codes = forms.CharField(
        label=_("Employee codes"), widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text=CODES_HELP
    )
    file = forms.FileField(label=_("Or a file of employee codes (CSV or XLSX, column employee_code)"), required=False)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = choices  # type: ignore[attr-defined]

    def clean_file(self) -> list[str]:
        upload = self.cleaned_data.get("file")
        if not upload:
            return []
        try:
            rows = list(iter_rows(upload, filename=upload.name))
        except SpreadsheetError as exc:
            raise forms.ValidationError(str(exc)) from exc
        codes: list[str] = []
        for row in rows:
            value = row.get("employee_code") or row.get("कर्मचारी_कोड") or next(iter(row.values()), "")
            if value not in (None, ""):
                codes.append(str(value).strip())
        if not codes:
            raise forms.ValidationError(_("The file has no employee codes (a column named employee_code)."))
        return codes

    def all_codes(self) -> list[str]:
        return parse_codes("\n".join([self.cleaned_data.get("codes", ""), *self.cleaned_data.get("file", [])]))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("people") and not self.all_codes():
            raise forms.ValidationError(_("Tick people in the list, or give employee codes."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("Give the reason for the rejection.")},
    )

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data["reason"]).strip()
        if not reason:
            raise forms.ValidationError(_("Give the reason for the rejection."))
        return reason


class PlanForm(forms.Form):
    MODE_EVEN = "even"
    MODE_LIST = "list"

    designations = forms.CharField(label=_("Designations (codes)"), required=False, help_text=CODES_HELP)
    groups = forms.MultipleChoiceField(
        label=_("Service groups"), choices=GROUP_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    orgs = forms.CharField(label=_("Organisations (codes; with their subtrees)"), required=False, help_text=CODES_HELP)
    people = forms.CharField(
        label=_("Or a list of people (employee codes)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("When given, the filters above are not used."),
    )
    seats = forms.IntegerField(label=_("Seats per batch"), min_value=1, initial=120)
    mode = forms.ChoiceField(
        label=_("Batches"),
        choices=[(MODE_EVEN, _("A number of consecutive batches")), (MODE_LIST, _("A list of venues and dates"))],
        widget=forms.RadioSelect,
        initial=MODE_EVEN,
    )
    count = forms.IntegerField(label=_("Number of batches"), min_value=1, max_value=200, required=False, initial=10)
    first_day = forms.DateField(
        label=_("First batch starts on"), widget=DateInput(), input_formats=DATE_FORMATS, required=False
    )
    days = forms.IntegerField(label=_("Days per batch"), min_value=1, max_value=365, required=False, initial=5)
    gap_days = forms.IntegerField(
        label=_("Days between batches"), min_value=0, max_value=365, required=False, initial=2
    )
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    slots = forms.CharField(
        label=_("Venues and dates, one batch a line"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "venue; first day; last day; seats (optional) — e.g. RCVP Noronha Academy, Bhopal; 03-08-2026; 07-08-2026"
        ),
    )
    code_prefix = forms.CharField(label=_("Batch codes start with"), max_length=20, initial="B")
    keep_districts = forms.BooleanField(label=_("Keep people of one district together"), required=False, initial=True)
    avoid_clashes = forms.BooleanField(label=_("Never overlap a person's other batches"), required=False, initial=True)

    def __init__(self, *args: Any, taken_codes: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.taken_codes = taken_codes

    def clean_designations(self) -> list[Designation]:
        return _lookup_codes(self.cleaned_data["designations"], Designation, "code", _("designation codes"))

    def clean_orgs(self) -> list[Organisation]:
        return _lookup_codes(self.cleaned_data["orgs"], Organisation, "code", _("organisation codes"))

    def clean_code_prefix(self) -> str:
        return str(self.cleaned_data["code_prefix"]).strip().upper() or "B"

    def _parse_slots(self, text: str, seats: int, prefix: str) -> list[planning.Slot]:
        lines = [line for line in text.splitlines() if line.strip()]
        codes = planning.batch_codes(prefix, len(lines), self.taken_codes)
        slots: list[planning.Slot] = []
        for number, line in enumerate(lines, start=1):
            parts = [p.strip() for p in line.split(";")]
            if len(parts) not in (3, 4):
                raise forms.ValidationError(
                    _("Line %(n)s: write venue; first day; last day; seats (optional).") % {"n": number}
                )
            first, last = _parse_date(parts[1]), _parse_date(parts[2])
            if first is None or last is None:
                raise forms.ValidationError(_("Line %(n)s: dates are written dd-mm-yyyy.") % {"n": number})
            if last < first:
                raise forms.ValidationError(_("Line %(n)s: the batch ends before it starts.") % {"n": number})
            line_seats = seats
            if len(parts) == 4 and parts[3]:
                if not parts[3].isdigit() or int(parts[3]) < 1:
                    raise forms.ValidationError(_("Line %(n)s: seats must be a whole number.") % {"n": number})
                line_seats = int(parts[3])
            slots.append(planning.Slot(codes[number - 1], parts[0], first, last, line_seats))
        return slots

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        codes = parse_codes(data.get("people", ""))
        if not codes and not (data.get("designations") or data.get("groups") or data.get("orgs")):
            raise forms.ValidationError(_("Choose the target group: a filter or a list of people."))
        data["target"] = planning.Target(
            designation_ids=[d.pk for d in data.get("designations", [])],
            groups=list(data.get("groups", [])),
            org_ids=[o.pk for o in data.get("orgs", [])],
            codes=codes,
        )
        seats = data["seats"]
        if data["mode"] == self.MODE_LIST:
            if not data.get("slots", "").strip():
                self.add_error("slots", _("Give at least one line."))
                return data
            try:
                data["slot_list"] = self._parse_slots(data["slots"], seats, data["code_prefix"])
            except forms.ValidationError as exc:
                self.add_error("slots", exc)
        else:
            missing = [name for name in ("count", "first_day", "days") if data.get(name) in (None, "")]
            for name in missing:
                self.add_error(name, _("This field is required."))
            if missing:
                return data
            data["slot_list"] = planning.even_slots(
                count=data["count"],
                seats=seats,
                first_day=data["first_day"],
                days=data["days"],
                gap_days=data.get("gap_days") or 0,
                venue=data.get("venue", ""),
                prefix=data["code_prefix"],
                taken_codes=self.taken_codes,
            )
        return data


def _parse_date(text: str) -> datetime.date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


class MoveForm(forms.Form):
    code = forms.CharField(label=_("Employee code"), max_length=40)
    to = forms.TypedChoiceField(label=_("To batch"), coerce=int, choices=())

    def __init__(self, *args: Any, batches: list[tuple[int, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = batches  # type: ignore[attr-defined]


class SwapForm(forms.Form):
    code_a = forms.CharField(label=_("Employee code"), max_length=40)
    code_b = forms.CharField(label=_("Swap with (employee code)"), max_length=40)
