from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kshamta.engagement.actions import MAX_REVIEW_LENGTH

STAR_CHOICES = [(n, str(n)) for n in range(1, 6)]
STARS_ERROR = _("Choose from 1 to 5 stars.")


class RatingForm(forms.Form):
    """Stars and an optional review. The length and completion rules are the action's, so the page
    and the API refuse the same things with the same words."""

    stars = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": STARS_ERROR, "invalid_choice": STARS_ERROR},
    )
    review = forms.CharField(
        label=_("Review (optional)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_REVIEW_LENGTH, "dir": "auto"}),
        help_text=_("What was useful, what could be better. Shown with your name."),
    )
