"""Forms of the content studio: course details with competencies, modules, resources, review
decisions and providers. They check what a person typed; uploads, HTML and rules of the
workflow are checked by the actions."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.assessments.models import Assessment
from kshamta.catalog.actions import MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, CatalogError
from kshamta.catalog.models import CourseVersion, Language, Level, Provider, Resource
from kshamta.catalog.uploads import UploadKind, accept_attribute, check_web_address
from kshamta.competencies.models import LEVELS, Competency
from kshamta.orgs.forms import OrgChoiceField
from kshamta.orgs.models import Organisation

CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._/-]*$")


class ProviderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        provider: Provider = obj
        return f"{provider.name} ({provider.code})"


class CompetencyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        competency: Competency = obj
        return f"{competency.name} ({competency.code}, {competency.get_kind_display()})"


class AssessmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        assessment: Assessment = obj
        return assessment.title or str(_("Assessment %(id)s") % {"id": assessment.pk})


# --- durations ---------------------------------------------------------------------------------

DURATION_UNITS = {"minutes": 1, "hours": 60, "days": 24 * 60}


def split_minutes(minutes: int) -> tuple[int, str]:
    """A duration in the largest unit that shows it exactly: 1,440 minutes → (1, "days")."""
    for unit in ("days", "hours"):
        if minutes and minutes % DURATION_UNITS[unit] == 0:
            return minutes // DURATION_UNITS[unit], unit
    return minutes, "minutes"


def parse_clock(value: str) -> int | None:
    """Seconds from "12" (minutes), "12:30" (minutes and seconds) or "1:05:00"; None if unreadable."""
    text = (value or "").strip()
    if not text:
        return 0
    parts = text.split(":")
    if len(parts) > 3 or not all(p.strip().isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        return numbers[0] * 60
    if any(n >= 60 for n in numbers[1:]):
        return None
    seconds = 0
    for n in numbers:
        seconds = seconds * 60 + n
    return seconds


def format_clock(seconds: int) -> str:
    if not seconds:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ClockField(forms.CharField):
    """A duration typed as minutes, mm:ss or h:mm:ss; cleaned to seconds."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault(
            "help_text", _("Minutes, or minutes:seconds, or hours:minutes:seconds: for example 12, 12:30 or 1:05:00.")
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "size": 10})

    def prepare_value(self, value: Any) -> Any:
        return format_clock(value) if isinstance(value, int) else value

    def clean(self, value: Any) -> int:
        text = super().clean(value)
        seconds = parse_clock(text)
        if seconds is None:
            raise forms.ValidationError(
                _("Write the duration as minutes (12), minutes:seconds (12:30) or hours:minutes:seconds (1:05:00).")
            )
        if self.required and seconds <= 0:
            raise forms.ValidationError(_("Give the duration."))
        return seconds


# --- course details ---------------------------------------------------------------------------


class CourseDetailsForm(forms.Form):
    """The catalogue fields of a version (and, when creating a course, its code and provider)."""

    code = forms.CharField(
        label=_("Course code"),
        max_length=60,
        help_text=_("Letters, digits and hyphens, unique across the platform: for example RTI-101."),
    )
    provider = ProviderChoiceField(label=_("Provider"), queryset=Provider.objects.none(), empty_label=None)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_hi = forms.CharField(label=_("Title (Hindi)"), max_length=300, required=False)
    summary_en = forms.CharField(label=_("Summary (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    summary_hi = forms.CharField(label=_("Summary (Hindi)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    languages = forms.MultipleChoiceField(
        label=_("Languages of the course"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"style": "width:auto"}),
    )
    duration_value = forms.IntegerField(
        label=_("Duration"), min_value=1, widget=forms.NumberInput(attrs={"style": "width:8rem"})
    )
    duration_unit = forms.ChoiceField(
        label=_("Duration unit"),
        widget=forms.Select(attrs={"style": "width:auto"}),
        choices=[("minutes", _("minutes")), ("hours", _("hours")), ("days", _("days"))],
        help_text=_("From 7 minutes to 90 days."),
    )
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    tags = forms.CharField(
        label=_("Tags"), max_length=500, required=False, help_text=_("Separated by commas: for example RTI, appeals.")
    )
    thumbnail = forms.FileField(
        label=_("Thumbnail picture"),
        required=False,
        help_text=_("PNG, JPEG or WebP."),
        widget=forms.ClearableFileInput(attrs={"accept": accept_attribute(UploadKind.THUMBNAIL)}),
    )
    remove_thumbnail = forms.BooleanField(label=_("Remove the thumbnail"), required=False)

    def __init__(self, *args: Any, providers: Any = None, version: CourseVersion | None = None, **kwargs: Any) -> None:
        if version is not None and "initial" not in kwargs:
            value, unit = split_minutes(version.duration_minutes)
            kwargs["initial"] = {
                "title_en": version.title_en,
                "title_hi": version.title_hi,
                "summary_en": version.summary_en,
                "summary_hi": version.summary_hi,
                "languages": [c for c in version.languages.split(",") if c],
                "duration_value": value,
                "duration_unit": unit,
                "level": version.level,
                "tags": version.tags,
            }
        kwargs.setdefault("initial", {"languages": ["hi", "en"], "duration_value": 60, "duration_unit": "minutes"})
        super().__init__(*args, **kwargs)
        if providers is None:
            # Editing a version: code and provider belong to the course and do not change here.
            del self.fields["code"]
            del self.fields["provider"]
        else:
            self.fields["provider"].queryset = providers  # type: ignore[attr-defined]
        if version is None or not version.thumbnail:
            del self.fields["remove_thumbnail"]

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split()).upper()
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("Use letters, digits, hyphens, dots and slashes only."))
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("title_en") or cleaned.get("title_hi")):
            self.add_error("title_en", _("Give a title in English or in Hindi."))
        value, unit = cleaned.get("duration_value"), cleaned.get("duration_unit")
        if value and unit:
            minutes = value * DURATION_UNITS[unit]
            if not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
                self.add_error("duration_value", _("A course lasts from 7 minutes to 90 days."))
            cleaned["duration_minutes"] = minutes
        return cleaned

    def version_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        order = [code for code, _label in Language.choices]
        return {
            "title_en": data["title_en"],
            "title_hi": data["title_hi"],
            "summary_en": data["summary_en"],
            "summary_hi": data["summary_hi"],
            "languages": ",".join(c for c in order if c in data["languages"]),
            "duration_minutes": data["duration_minutes"],
            "level": data["level"],
            "tags": ", ".join(t.strip() for t in data["tags"].split(",") if t.strip()),
        }

    def thumbnail_change(self) -> Any:
        """The new thumbnail upload, False to remove it, or None to keep it."""
        if self.cleaned_data.get("thumbnail"):
            return self.cleaned_data["thumbnail"]
        if self.cleaned_data.get("remove_thumbnail"):
            return False
        return None


class CompetencyRowForm(forms.Form):
    competency = CompetencyChoiceField(
        label=_("Competency"), queryset=Competency.objects.none(), required=False, empty_label=_("— none —")
    )
    level = forms.TypedChoiceField(
        label=_("Level"), choices=[(n, str(n)) for n in LEVELS], coerce=int, initial=1, required=False
    )

    def __init__(self, *args: Any, competencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["competency"].queryset = competencies  # type: ignore[attr-defined]


class BaseCompetencyFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        seen: set[int] = set()
        for form in self.forms:
            competency = form.cleaned_data.get("competency")
            if competency is None:
                continue
            if competency.pk in seen:
                raise forms.ValidationError(
                    _("%(competency)s is chosen twice; keep one row for it.") % {"competency": competency.code}
                )
            seen.add(competency.pk)

    def levels(self) -> dict[Competency, int]:
        return {
            form.cleaned_data["competency"]: form.cleaned_data.get("level") or 1
            for form in self.forms
            if form.cleaned_data.get("competency") is not None
        }


CompetencyFormSet = forms.formset_factory(
    CompetencyRowForm, formset=BaseCompetencyFormSet, extra=2, max_num=50, validate_max=True
)


def competency_formset(
    data: Any = None, *, version: CourseVersion | None = None, competencies: Any
) -> BaseCompetencyFormSet:
    initial = (
        [{"competency": link.competency_id, "level": link.level} for link in version.competencies.all()]
        if version is not None
        else []
    )
    formset = CompetencyFormSet(
        data, initial=initial, prefix="competencies", form_kwargs={"competencies": competencies}
    )
    return formset  # type: ignore[return-value]


# --- modules and resources -------------------------------------------------------------------


class ModuleForm(forms.Form):
    title_en = forms.CharField(label=_("Module title (English)"), max_length=300, required=False)
    title_hi = forms.CharField(label=_("Module title (Hindi)"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("title_en") or cleaned.get("title_hi")):
            self.add_error("title_en", _("Give a title in English or in Hindi."))
        return cleaned


# The fields each kind of resource has, besides its titles and "required for completion".
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    Resource.Kind.VIDEO: ("file", "url", "duration", "completion_threshold"),
    Resource.Kind.AUDIO: ("file", "url", "duration", "completion_threshold"),
    Resource.Kind.PDF: ("file", "completion_threshold"),
    Resource.Kind.TEXT: ("body_html", "duration"),
    Resource.Kind.LINK: ("url",),
    Resource.Kind.ASSESSMENT: ("assessment",),
}
UPLOAD_KINDS: dict[str, str] = {
    Resource.Kind.VIDEO: UploadKind.VIDEO,
    Resource.Kind.AUDIO: UploadKind.AUDIO,
    Resource.Kind.PDF: UploadKind.PDF,
}


class ResourceForm(forms.Form):
    """One form for every kind of resource; fields a kind does not have are removed."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    title_hi = forms.CharField(label=_("Title (Hindi)"), max_length=300, required=False)
    file = forms.FileField(label=_("File"), required=False)
    url = forms.CharField(label=_("Web address"), max_length=1000, required=False)
    duration = ClockField(label=_("Duration"), required=False)
    body_html = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "HTML is allowed: paragraphs, headings, lists, links, tables and emphasis. "
            "Scripts, styles and anything else are removed."
        ),
    )
    assessment = AssessmentChoiceField(label=_("Assessment"), queryset=Assessment.objects.none(), required=False)
    completion_threshold = forms.IntegerField(
        label=_("Complete at (%)"),
        min_value=1,
        max_value=100,
        initial=95,
        help_text=_("The share of the video, recording or document a learner must get through."),
    )
    is_required = forms.BooleanField(label=_("Required for completion"), required=False, initial=True)

    def __init__(
        self,
        *args: Any,
        kind: str,
        version: CourseVersion,
        resource: Resource | None = None,
        **kwargs: Any,
    ) -> None:
        if resource is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "title_en": resource.title_en,
                "title_hi": resource.title_hi,
                "url": resource.url,
                "duration": resource.duration_seconds,
                "body_html": resource.body_html,
                "assessment": resource.assessment_id,
                "completion_threshold": resource.completion_threshold,
                "is_required": resource.is_required,
            }
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.resource = resource
        kept = set(KIND_FIELDS[kind]) | {"title_en", "title_hi", "is_required"}
        for name in list(self.fields):
            if name not in kept:
                del self.fields[name]
        if "file" in self.fields:
            upload_kind = UPLOAD_KINDS[kind]
            self.fields["file"].widget.attrs["accept"] = accept_attribute(upload_kind)
            self.fields["file"].help_text = _("Accepted: %(types)s.") % {"types": accept_attribute(upload_kind)}
            if kind == Resource.Kind.PDF:
                self.fields["file"].label = _("PDF file")
        if "url" in self.fields:
            self.fields["url"].widget = forms.URLInput(attrs={"placeholder": "https://"})
            if kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO):
                self.fields["url"].help_text = _("Or, instead of a file, the address where it is published.")
        if "duration" in self.fields:
            self.fields["duration"].required = kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO)
            self.fields["duration"].error_messages["required"] = _("Give the duration.")
            if kind == Resource.Kind.TEXT:
                self.fields["duration"].label = _("Reading time")
                self.fields["duration"].help_text = _("Leave empty to estimate it from the length of the text.")
        if "assessment" in self.fields:
            self.fields["assessment"].queryset = Assessment.objects.filter(version=version)  # type: ignore[attr-defined]
            self.fields["assessment"].required = True

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                url = check_web_address(url)
            except CatalogError as exc:
                raise forms.ValidationError(exc.message) from exc
        return url

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("title_en") or cleaned.get("title_hi")):
            self.add_error("title_en", _("Give a title in English or in Hindi."))
        has_file = bool(cleaned.get("file")) or bool(self.resource and self.resource.file)
        if self.kind in (Resource.Kind.VIDEO, Resource.Kind.AUDIO):
            if cleaned.get("file") and cleaned.get("url"):
                self.add_error("url", _("Give either a file or a web address, not both."))
            elif not (has_file or cleaned.get("url")):
                self.add_error("file", _("Upload a file or give the web address where it is published."))
        elif self.kind == Resource.Kind.PDF and not has_file:
            self.add_error("file", _("Upload the PDF file."))
        elif self.kind == Resource.Kind.LINK and not cleaned.get("url"):
            self.add_error("url", _("Give the web address."))
        elif self.kind == Resource.Kind.TEXT and not (cleaned.get("body_html") or "").strip():
            self.add_error("body_html", _("Write the text."))
        return cleaned

    def resource_fields(self) -> dict[str, Any]:
        """The fields for ``do_add_resource``/``do_update_resource``."""
        data = self.cleaned_data
        fields: dict[str, Any] = {
            "title_en": data["title_en"],
            "title_hi": data["title_hi"],
            "is_required": data["is_required"],
        }
        if data.get("file"):
            fields["file"] = data["file"]
        if "url" in self.fields and (data.get("url") or self.kind == Resource.Kind.LINK):
            fields["url"] = data["url"]
        if "duration" in self.fields:
            fields["duration_seconds"] = data["duration"]
        if "body_html" in self.fields:
            fields["body_html"] = data["body_html"]
        if "assessment" in self.fields:
            fields["assessment"] = data["assessment"]
        if "completion_threshold" in self.fields:
            fields["completion_threshold"] = data["completion_threshold"]
        return fields


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


# --- review ----------------------------------------------------------------------------------


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class DecisionForm(forms.Form):
    """Approve, reject or publish, with a comment (the action insists on one for a rejection)."""

    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False
    )


# --- providers -------------------------------------------------------------------------------


class ProviderForm(forms.Form):
    code = forms.CharField(
        label=_("Provider code"), max_length=40, help_text=_("Short and unique: for example MP-ATI.")
    )
    name_en = forms.CharField(label=_("Name (English)"), max_length=200)
    name_hi = forms.CharField(label=_("Name (Hindi)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=Provider.Kind.choices)
    org = OrgChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Content creators, reviewers and publishers of this organisation act for the provider."),
    )

    def __init__(self, *args: Any, orgs: Any, provider: Provider | None = None, **kwargs: Any) -> None:
        if provider is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "code": provider.code,
                "name_en": provider.name_en,
                "name_hi": provider.name_hi,
                "kind": provider.kind,
                "org": provider.org_id,
            }
        super().__init__(*args, **kwargs)
        self.provider = provider
        self.fields["org"].queryset = orgs  # type: ignore[attr-defined]
        if provider is not None:
            # Catalogue files name providers by code, so it does not change once made.
            self.fields["code"].disabled = True

    def clean_code(self) -> str:
        if self.provider is not None:
            return self.provider.code
        code = "".join(self.cleaned_data["code"].split()).upper()
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_("Use letters, digits, hyphens, dots and slashes only."))
        if Provider.objects.filter(code=code).exists():
            raise forms.ValidationError(_("A provider with this code already exists."))
        return code
