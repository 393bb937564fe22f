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


MENU_DEPTH = 1


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
        org_field = self.fields["org"]
        org_field.queryset = access.visible_orgs(user).order_by("path")  # type: ignore[attr-defined]
        # Any organisation in scope is accepted, but the menu lists only the scope's roots and their
        # children (the departments, for a state admin): a state has thousands of offices
        # and a full menu would weigh hundreds of KB on a district office's connection. Offices
        # are reached from an organisation's page, whose "People" link sets this filter.
        roots = access.administered_orgs(user)
        max_depth = min((o.depth for o in roots), default=0) + MENU_DEPTH
        selected = str(self.data.get("org") or "")
        menu = access.visible_orgs(user).filter(depth__lte=max_depth).order_by("path")
        if selected.isdigit():
            menu = menu | access.visible_orgs(user).filter(pk=int(selected))
        choices: list[tuple[Any, Any]] = [("", org_field.empty_label)]  # type: ignore[attr-defined]
        choices += [(org.pk, org_field.label_from_instance(org)) for org in menu.order_by("path")]  # type: ignore[attr-defined]
        org_field.widget.choices = choices

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


# --- Registration and requests -------------------------------------------------------


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        org: Organisation = obj
        return org.name


class DepartmentOfficeMixin(forms.Form):
    """Two steps to choose where one works: the department, then an office in it.

    The office and designation lists hold only the chosen department's, so the page stays light
    however large the state is. Without JavaScript, "Show offices" re-displays the form."""

    department = DepartmentChoiceField(
        label=_("Department"), queryset=Organisation.objects.none(), empty_label=_("Choose your department")
    )
    org = OrgChoiceField(
        label=_("Office"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose your office"),
        help_text=_("Choose the department first; its offices are then listed here."),
    )
    designation = DesignationChoiceField(
        label=_("Designation"), queryset=Designation.objects.none(), required=False, empty_label=_("Choose")
    )

    def setup_department(self, data: Any, initial: dict[str, Any]) -> None:
        self.fields["department"].queryset = access.registration_departments()  # type: ignore[attr-defined]
        raw = (data or {}).get("department") or initial.get("department")
        department = None
        if raw and str(raw).isdigit():
            department = access.registration_departments().filter(pk=int(raw)).first()
        self.chosen_department = department
        if department is not None:
            self.fields["org"].queryset = access.registration_offices(department)  # type: ignore[attr-defined]
            self.fields["designation"].queryset = access.designations_in_department(department).order_by("name_en")  # type: ignore[attr-defined]


class RegistrationForm(DepartmentOfficeMixin):
    employee_code = forms.CharField(label=_("Employee code"), max_length=40)
    name_en = forms.CharField(
        label=_("Name (English)"), max_length=200, required=False, widget=forms.TextInput(attrs={"lang": "en"})
    )
    name_hi = forms.CharField(
        label=_("Name (Hindi)"), max_length=200, required=False, widget=forms.TextInput(attrs={"lang": "hi"})
    )
    new_designation_en = forms.CharField(
        label=_("Designation not listed? Its name (English)"), max_length=200, required=False
    )
    new_designation_hi = forms.CharField(
        label=_("Its name (Hindi)"),
        max_length=200,
        required=False,
        help_text=_("The state admin is asked to add it; your designation is set when it is added."),
        widget=forms.TextInput(attrs={"lang": "hi"}),
    )
    group = forms.ChoiceField(
        label=_("Group"), required=False, choices=_blank_choice(_("Not set"), Designation.Group.choices)
    )
    date_of_birth = _date_field(_("Date of birth"))
    gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=_blank_choice(_("Not set"), Profile.Gender.choices)
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=_blank_choice(_("Not set"), Profile.Category.choices)
    )
    request_domain = forms.BooleanField(
        label=_("Ask the state to accept my e-mail domain for everyone"),
        required=False,
        help_text=_("Only for government e-mail domains that are not yet accepted."),
    )

    def __init__(self, data: Any = None, *, initial: dict[str, Any] | None = None, ask_domain: bool) -> None:
        super().__init__(data, initial=initial or {})
        self.setup_department(data, initial or {})
        if not ask_domain:
            del self.fields["request_domain"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        org, department = data.get("org"), data.get("department")
        if org is not None and department is not None and not department.contains(org):
            self.add_error("org", _("Choose an office of the department you chose."))
        if not (clean_text(data.get("name_en")) or clean_text(data.get("name_hi"))):
            self.add_error("name_en", _("A name in English or Hindi is required."))
        return data

    def registration_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("department", None)
        data.setdefault("request_domain", False)
        return data


class ProfileChangeForm(DepartmentOfficeMixin):
    group = forms.ChoiceField(
        label=_("Group"), required=False, choices=_blank_choice(_("No change"), Designation.Group.choices)
    )

    def __init__(self, data: Any = None, *, initial: dict[str, Any] | None = None) -> None:
        super().__init__(data, initial=initial or {})
        self.setup_department(data, initial or {})
        self.fields["org"].required = False
        self.fields["org"].label = _("New office (a transfer)")
        self.fields["org"].empty_label = _("No change")  # type: ignore[attr-defined]
        self.fields["designation"].label = _("New designation")
        self.fields["designation"].empty_label = _("No change")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        org, department = data.get("org"), data.get("department")
        if org is not None and department is not None and not department.contains(org):
            self.add_error("org", _("Choose an office of the department you chose."))
        return data


class DecisionForm(forms.Form):
    """Approve or reject one request (action=approve:<id>) or the ticked ones (action=approve)."""

    action = forms.RegexField(regex=r"^(approve|reject)(:\d+)?$")
    ids = forms.TypedMultipleChoiceField(coerce=int, required=False)
    reason = forms.CharField(
        label=_("Reason (needed to reject)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        # Any id is accepted here; the view keeps only those the user may decide.
        raw = data.getlist("ids") if data is not None and hasattr(data, "getlist") else []
        self.fields["ids"].choices = [(v, v) for v in raw]  # type: ignore[attr-defined]

    @property
    def approve(self) -> bool:
        return str(self.cleaned_data["action"]).startswith("approve")

    def chosen_ids(self) -> list[int]:
        action = str(self.cleaned_data["action"])
        if ":" in action:
            return [int(action.split(":", 1)[1])]
        return list(dict.fromkeys(self.cleaned_data.get("ids") or []))


class EmailDomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Domain to accept"),
        max_length=253,
        help_text=_("For example mp.gov.in. Its subdomains are accepted too."),
    )
