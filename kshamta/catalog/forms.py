"""Forms of the catalogue pages: the search and filter form, and the catalogue upload."""

from __future__ import annotations

import io
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kshamta.catalog.models import Language, Level, Provider, Resource
from kshamta.catalog.search import CourseQuery, DurationBand
from kshamta.competencies.models import Competency
from kshamta.core.spreadsheets import SpreadsheetError
from kshamta.orgs.models import localised


def _provider_choices() -> list[tuple[str, str]]:
    rows = Provider.objects.order_by("name_en", "code").values_list("code", "name_en", "name_hi")
    return [("", str(_("All providers")))] + [(code, localised(en, hi) or code) for code, en, hi in rows]


def _competency_choices() -> list[tuple[str, str]]:
    rows = (
        Competency.objects.filter(framework__is_active=True)
        .order_by("name_en", "code")
        .values_list("code", "name_en", "name_hi")
    )
    return [("", str(_("All competencies")))] + [(code, localised(en, hi) or code) for code, en, hi in rows]


def _with_blank(label: Any, choices: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class CourseFilterForm(forms.Form):
    """The search box and filters of the browse page (GET).

    Provider and competency are plain text fields shown as menus: their menus are read from
    the database only for a form that is drawn (``with_menus``), not when htmx asks for the
    results alone, and an unknown code simply matches nothing.
    """

    q = forms.CharField(
        label=_("Search courses"),
        required=False,
        max_length=200,
        help_text=_("Words from the title or summary, in Hindi or English."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    competency = forms.CharField(label=_("Competency"), required=False, max_length=60, widget=forms.Select)
    provider = forms.CharField(label=_("Provider"), required=False, max_length=40, widget=forms.Select)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=_with_blank(_("Any language"), Language.choices)
    )
    duration = forms.ChoiceField(
        label=_("Duration"), required=False, choices=_with_blank(_("Any duration"), DurationBand.choices)
    )
    kind = forms.ChoiceField(
        label=_("Type of material"),
        required=False,
        choices=_with_blank(_("Any type of material"), Resource.Kind.choices),
    )
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_with_blank(_("Any level"), Level.choices))

    def __init__(self, data: Any = None, *, with_menus: bool = False) -> None:
        super().__init__(data)
        if with_menus:
            self.fields["competency"].widget.choices = _competency_choices()
            self.fields["provider"].widget.choices = _provider_choices()

    def course_query(self) -> CourseQuery:
        """The valid part of what was asked (an invalid value is reported on the form and ignored)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return CourseQuery.from_mapping({name: cleaned.get(name, "") for name in self.fields})


# --- the catalogue upload ----------------------------------------------------------

ACCEPT = ".csv,.xlsx"
ZIP_MAGIC = b"PK\x03\x04"
BINARY_STARTS = (b"MZ", b"%PDF", b"\x7fELF", b"\xd0\xcf\x11\xe0")


def max_catalogue_bytes() -> int:
    return int(getattr(settings, "KSHAMTA_MAX_CATALOGUE_BYTES", 20 * 1024 * 1024))


class CatalogueUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue file (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        help_text=_("One course per row, with the columns described below."),
    )
    create_providers = forms.BooleanField(
        label=_("Create providers the file names but Kshamta does not know"),
        required=False,
        help_text=_("Leave unticked to reject rows with an unknown provider code."),
    )

    def clean_file(self) -> Any:
        from kshamta.catalog.importing import check_header

        upload = self.cleaned_data["file"]
        limit = max_catalogue_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": limit // (1024 * 1024)}, code="too_big"
            )
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Unsupported file type: upload a .csv or .xlsx file."), code="file_type")
        upload.seek(0)
        start = upload.read(8192)
        upload.seek(0)
        if not start.strip():
            raise forms.ValidationError(_("The file is empty."), code="empty")
        looks_right = start.startswith(ZIP_MAGIC) if name.endswith(".xlsx") else not start.startswith(BINARY_STARTS)
        if not looks_right:
            raise forms.ValidationError(
                _("This file is not really a %(kind)s file. Save it from Excel as CSV or XLSX and try again.")
                % {"kind": name.rsplit(".", 1)[-1].upper()},
                code="file_content",
            )
        try:
            # A copy: the CSV reader's text layer closes the file it wraps when it is collected.
            check_header(io.BytesIO(upload.read()), filename=upload.name)
        except SpreadsheetError as exc:
            raise forms.ValidationError(str(exc), code="columns") from exc
        finally:
            upload.seek(0)
        return upload
