"""Forms of the competency pages: framework upload, competency edit, designation-profile editing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.competencies.importing import SUPPORTED_SUFFIXES
from kshamta.competencies.models import LEVELS, Competency, Framework, kind_order
from kshamta.orgs.models import Designation, localised

MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024
ACCEPT = ",".join(SUPPORTED_SUFFIXES)


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Framework file (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("One competency per row, with the columns described below."),
    )
    framework = forms.CharField(
        label=_("Framework code"),
        max_length=40,
        help_text=_("The code of an existing framework updates it; a new code creates a framework."),
    )
    name_en = forms.CharField(
        label=_("Framework name (English)"),
        max_length=200,
        required=False,
        help_text=_("For a new framework, or to rename one; leave blank to keep the name."),
    )
    name_hi = forms.CharField(label=_("Framework name (Hindi)"), max_length=200, required=False)
    activate = forms.BooleanField(
        label=_("Make this the active framework"),
        required=False,
        help_text=_("Mapping, plans and course imports use the active framework."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FRAMEWORK_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": MAX_FRAMEWORK_BYTES // (1024 * 1024)},
                code="too_big",
            )
        if not (upload.name or "").lower().endswith(SUPPORTED_SUFFIXES):
            raise forms.ValidationError(_("Unsupported file type: upload a .csv or .xlsx file."), code="file_type")
        return upload


class CompetencyForm(forms.Form):
    """A competency's kind, names, description and five level descriptors in both languages."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Competency.Kind.choices)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    name_hi = forms.CharField(label=_("Name (Hindi)"), max_length=200, required=False)
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    description_hi = forms.CharField(
        label=_("Description (Hindi)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for level in LEVELS:
            self.fields[f"level_{level}_en"] = forms.CharField(
                label=_("Level %(level)d (English)") % {"level": level},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"level_{level}_hi"] = forms.CharField(
                label=_("Level %(level)d (Hindi)") % {"level": level},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "lang": "hi"}),
            )
        self.fields["name_hi"].widget.attrs["lang"] = "hi"
        self.fields["description_hi"].widget.attrs["lang"] = "hi"

    @classmethod
    def initial_for(cls, competency: Competency) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": competency.kind,
            "name_en": competency.name_en,
            "name_hi": competency.name_hi,
            "description_en": competency.description_en,
            "description_hi": competency.description_hi,
        }
        for number, entry in enumerate(competency.levels or [], start=1):
            initial[f"level_{number}_en"] = (entry or {}).get("en", "")
            initial[f"level_{number}_hi"] = (entry or {}).get("hi", "")
        return initial

    def levels(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [{"en": data[f"level_{n}_en"], "hi": data[f"level_{n}_hi"]} for n in LEVELS]

    def level_pairs(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(n, self[f"level_{n}_en"], self[f"level_{n}_hi"]) for n in LEVELS]


class FrameworkChoiceForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, make this the active framework"))


# --- designation profiles ----------------------------------------------------------------


class RoleForm(forms.Form):
    title_en = forms.CharField(label=_("Role (English)"), max_length=200, required=False)
    title_hi = forms.CharField(
        label=_("Role (Hindi)"), max_length=200, required=False, widget=forms.TextInput(attrs={"lang": "hi"})
    )


class RoleEditForm(RoleForm):
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=999)


class ActivityForm(forms.Form):
    text_en = forms.CharField(
        label=_("Activity (English)"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    text_hi = forms.CharField(
        label=_("Activity (Hindi)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "lang": "hi"}),
    )


class ActivityEditForm(ActivityForm):
    position = forms.IntegerField(label=_("Position"), min_value=1, max_value=999)


LEVEL_CHOICES = [(n, str(n)) for n in LEVELS]


def competency_choices(framework: Framework | None) -> list[tuple[Any, Any]]:
    """The active framework's competencies, grouped by kind, for a select with optgroups."""
    if framework is None:
        return []
    rows = framework.competencies.order_by(kind_order(), "code").values_list("code", "kind", "name_en", "name_hi")
    labels = dict(Competency.Kind.choices)
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, kind, name_en, name_hi in rows:
        groups.setdefault(kind, []).append((code, f"{localised(name_en, name_hi)} ({code})"))
    return [("", _("Choose a competency"))] + [(labels.get(kind, kind), options) for kind, options in groups.items()]


class LinkForm(forms.Form):
    competency = forms.ChoiceField(label=_("Competency"))
    level = forms.TypedChoiceField(label=_("Required level"), choices=LEVEL_CHOICES, coerce=int, initial=2)

    def __init__(self, *args: Any, choices: list[tuple[Any, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        competency = self.fields["competency"]
        assert isinstance(competency, forms.ChoiceField)
        competency.choices = choices or []


class LevelForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Required level"), choices=LEVEL_CHOICES, coerce=int)


class DesignationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.code})"


class CopyProfileForm(forms.Form):
    source = DesignationChoiceField(
        label=_("Copy the profile of"),
        queryset=Designation.objects.none(),
        empty_label=_("Choose a designation"),
    )
    confirm = forms.BooleanField(
        label=_("Replace this designation's roles, activities and competencies with the copy"),
    )

    def __init__(self, *args: Any, sources: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sources
