from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.accounts import access
from kshamta.accounts.models import Language, Profile
from kshamta.core.text import clean_text
from kshamta.orgs.forms import DesignationChoiceField, OrgChoiceField
from kshamta.orgs.models import Designation, Organisation


class IdentityForm(forms.Form):
    identity = forms.CharField(
        label=_("E-mail address or mobile number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "inputmode": "email", "autofocus": True}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("6-digit code"),
        min_length=6,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class PasswordSignInForm(forms.Form):
    identity = forms.CharField(
        label=_("E-mail address or mobile number"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=[("en", "English"), ("hi", "हिन्दी")])
    next = forms.CharField(required=False)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100)


# --- Organisation-admin pages: people ---------------------------------------------

# An <input type="date"> sends ISO dates; people typing without one write day-first.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]


def _blank_choice(label: Any, choices: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class PeopleFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Name in Hindi or English, employee code, e-mail or mobile number."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )
    designation = DesignationChoiceField(
        label=_("Designation"), queryset=Designation.objects.none(), required=False, empty_label=_("All designations")
    )
    org = OrgChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All organisations"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank_choice(_("Any status"), Profile.Status.choices)
    )

    def __init__(self, data: Any, *, user: Any) -> None:
        super().__init__(data)
        self.fields["designation"].queryset = access.visible_designations(user).order_by("name_en")  # type: ignore[attr-defined]
        self.fields["org"].queryset = access.visible_orgs(user).order_by("path")  # type: ignore[attr-defined]

    def clean_q(self) -> str:
        return clean_text(self.cleaned_data.get("q"))

    def search_filters(self) -> dict[str, Any]:
        """Keyword arguments for access.search_people from the fields that are valid."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        designation, org = data.get("designation"), data.get("org")
        return {
            "q": data.get("q") or "",
            "designation_id": designation.pk if designation else None,
            "org_id": org.pk if org else None,
            "status": data.get("status") or "",
        }


class PersonFieldsForm(forms.Form):
    """The fields of a person that both the new-person and the edit pages ask for."""

    employee_code = forms.CharField(label=_("Employee code"), max_length=40)
    name_en = forms.CharField(
        label=_("Name (English)"), max_length=200, required=False, widget=forms.TextInput(attrs={"lang": "en"})
    )
    name_hi = forms.CharField(
        label=_("Name (Hindi)"), max_length=200, required=False, widget=forms.TextInput(attrs={"lang": "hi"})
    )
    # Plain text, not EmailField: the action normalises and explains a bad address.
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "email", "autocomplete": "off", "spellcheck": "false"}),
    )
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        required=False,
        help_text=_("10 digits; +91, 0, spaces and hyphens are fine."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    designation = DesignationChoiceField(
        label=_("Designation"), queryset=Designation.objects.none(), required=False, empty_label=_("None")
    )
    group = forms.ChoiceField(
        label=_("Group"), required=False, choices=_blank_choice(_("Not set"), Designation.Group.choices)
    )
    date_of_birth = _date_field(_("Date of birth"))
    date_of_joining = _date_field(_("Date of joining"))
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=_blank_choice(_("Not set"), Profile.Gender.choices)
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=_blank_choice(_("Not set"), Profile.Category.choices)
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)


class PersonCreateForm(PersonFieldsForm):
    org = OrgChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )

    field_order = ["employee_code", "name_en", "name_hi", "email", "mobile", "org", "designation"]

    def __init__(self, data: Any = None, *, user: Any) -> None:
        super().__init__(data, initial={"preferred_language": Language.ENGLISH})
        self.fields["org"].queryset = access.visible_orgs(user).order_by("path")  # type: ignore[attr-defined]
        self.fields["designation"].queryset = access.visible_designations(user).order_by("name_en")  # type: ignore[attr-defined]


class PersonEditForm(PersonFieldsForm):
    status = forms.ChoiceField(label=_("Status"), choices=Profile.Status.choices)

    def __init__(self, data: Any = None, *, user: Any, profile: Profile) -> None:
        person = profile.user
        initial = {
            "employee_code": profile.employee_code,
            "name_en": person.name_en,
            "name_hi": person.name_hi,
            "email": person.email or "",
            "mobile": person.mobile or "",
            "designation": profile.designation_id,
            "group": profile.group,
            "date_of_birth": profile.date_of_birth,
            "date_of_joining": profile.date_of_joining,
            "gender": profile.gender,
            "category": profile.category,
            "status": profile.status,
            "preferred_language": person.preferred_language,
        }
        super().__init__(data, initial=initial)
        # Only designations usable where the person works: defined at their organisation or above it.
        self.fields["designation"].queryset = access.designations_usable_at(user, profile.org).order_by("name_en")  # type: ignore[attr-defined]


class TransferForm(forms.Form):
    to_org = OrgChoiceField(
        label=_("New organisation"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )
    designation = DesignationChoiceField(
        label=_("New designation"),
        queryset=Designation.objects.none(),
        required=False,
        empty_label=_("Keep the current designation"),
        help_text=_("Needed when the current designation is not used at the new organisation."),
    )

    def __init__(self, data: Any = None, *, user: Any, profile: Profile) -> None:
        super().__init__(data)
        self.fields["to_org"].queryset = (  # type: ignore[attr-defined]
            access.visible_orgs(user).exclude(pk=profile.org_id).order_by("path")
        )
        self.fields["designation"].queryset = access.visible_designations(user).order_by("name_en")  # type: ignore[attr-defined]


class GrantRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))
    org = OrgChoiceField(
        label=_("Over the organisation"), queryset=Organisation.objects.none(), empty_label=_("Choose an organisation")
    )

    def __init__(self, data: Any = None, *, user: Any, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.user = user
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a role")),
            *((role.value, role.label) for role in access.grantable_roles(user)),
        ]
        self.fields["org"].queryset = access.visible_orgs(user).order_by("path")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, org = data.get("role"), data.get("org")
        if role and org and not access.can_grant(self.user, role, org):
            self.add_error("role", _("You cannot grant this role over that organisation."))
        return data
