from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.orgs.models import Designation, Organisation

# Non-breaking spaces survive in <option> text, so they show the tree's depth.
_INDENT = "\u00a0" * 3


class OrgChoiceField(forms.ModelChoiceField):
    """Organisations as an indented list (pass a queryset ordered by path)."""

    def label_from_instance(self, obj: Any) -> str:
        org: Organisation = obj
        return f"{_INDENT * org.depth}{org.name} ({org.code})"


class DesignationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        designation: Designation = obj
        return f"{designation.name} ({designation.code})"


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label=_("Action"),
        required=False,
        max_length=80,
        help_text=_("For example person.update, or person. for every change to people."),
        widget=forms.TextInput(attrs={"list": "audit-actions", "autocomplete": "off"}),
    )
