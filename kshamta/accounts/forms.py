from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


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
