from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.certificates.actions import MAX_REASON_LENGTH


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Access code"),
        max_length=20,
        help_text=_("The ten-letter code printed on the certificate, for example ABCDE-FGHJK."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=MAX_REASON_LENGTH,
        help_text=_("Shown on the public verification page and printed on the certificate."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IssuedSearchForm(forms.Form):
    q = forms.CharField(label=_("Access code, employee code or name"), required=False, max_length=100)
