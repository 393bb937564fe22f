from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kshamta.accounts import access
from kshamta.onboarding.pages import megabytes
from kshamta.orgs.forms import OrgChoiceField
from kshamta.orgs.models import Organisation

# What the import reads; the first bytes of each kind are checked so a renamed program or PDF
# is refused at once instead of failing in the background.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
OLD_EXCEL_SUFFIXES = (".xls",)
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
ACCEPT = ",".join(WORKBOOK_SUFFIXES + OLD_EXCEL_SUFFIXES + TEXT_SUFFIXES)
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
BINARY_STARTS = (b"MZ", b"%PDF", b"\x7fELF", ZIP_MAGIC, OLE_MAGIC)


def max_import_bytes() -> int:
    return int(getattr(settings, "KSHAMTA_MAX_IMPORT_BYTES", 200 * 1024 * 1024))


def too_big_message(limit: int) -> str:
    return str(
        _(
            "The file is larger than %(limit)s MB. Split it into smaller files, or save it as XLSX "
            "(usually much smaller than CSV), and upload each part."
        )
        % {"limit": megabytes(limit)}
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("HRMS file (CSV or XLSX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    org = OrgChoiceField(
        label=_("Import into organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("Every row's organisation code must be this organisation or one below it."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only (change nothing)"),
        required=False,
        help_text=_("Every row is checked and the counts are shown, but no one is added or changed."),
    )
    create_designations = forms.BooleanField(
        label=_("Create designations the file names but Kshamta does not know"),
        required=False,
        help_text=_("They are created at the organisation chosen above. Leave unticked to reject such rows."),
    )

    def __init__(self, data: Any = None, files: Any = None, *, user: Any, upload_too_big: bool = False) -> None:
        super().__init__(data, files)
        self.upload_too_big = upload_too_big
        self.fields["org"].queryset = access.visible_orgs(user).order_by("path")  # type: ignore[attr-defined]
        orgs = access.administered_orgs(user)
        if orgs:
            self.fields["org"].initial = orgs[0].pk
        self.fields["file"].help_text = _(
            "Up to %(limit)s MB. Download a template below to see the columns; headers may be in Hindi or English."
        ) % {"limit": megabytes(max_import_bytes())}

    def full_clean(self) -> None:
        super().full_clean()
        if self.upload_too_big:
            # The upload was stopped while it streamed in, so the field reads as missing: say why.
            self.errors.pop("file", None)
            self.add_error("file", too_big_message(max_import_bytes()))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = max_import_bytes()
        if upload.size > limit:
            raise forms.ValidationError(too_big_message(limit), code="too_big")
        name = (upload.name or "").lower()
        if not name.endswith(WORKBOOK_SUFFIXES + OLD_EXCEL_SUFFIXES + TEXT_SUFFIXES):
            raise forms.ValidationError(_("Unsupported file type: upload a .csv or .xlsx file."), code="file_type")
        upload.seek(0)
        start = upload.read(8192)
        upload.seek(0)
        if not start.strip():
            raise forms.ValidationError(_("The file is empty."), code="empty")
        if name.endswith(WORKBOOK_SUFFIXES):
            looks_right = start.startswith(ZIP_MAGIC)
        elif name.endswith(OLD_EXCEL_SUFFIXES):
            looks_right = start.startswith(OLE_MAGIC)
        else:
            looks_right = start.startswith(UTF16_BOMS) or not (start.startswith(BINARY_STARTS) or b"\x00" in start)
        if not looks_right:
            raise forms.ValidationError(
                _("This file is not really a %(kind)s file. Save it from Excel as CSV or XLSX and try again.")
                % {"kind": name.rsplit(".", 1)[-1].upper()},
                code="file_content",
            )
        return upload
