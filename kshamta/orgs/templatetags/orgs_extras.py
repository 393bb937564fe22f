"""Template helpers for the organisation-admin pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from kshamta.core.text import indian_number

register = template.Library()


@register.filter
def indian(value: object) -> str:
    """12,00,000-style grouping for counts people read."""
    try:
        return indian_number(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return ""


@register.simple_tag
def bilingual(name_en: str, name_hi: str) -> SafeString:
    """The name in the page's language, then the other one in smaller text, each marked with its language."""
    hindi_page = (get_language() or "en").startswith("hi")
    first, first_lang, second, second_lang = (
        (name_hi, "hi", name_en, "en") if hindi_page and name_hi else (name_en or name_hi, "en", name_hi, "hi")
    )
    if not name_en:
        first_lang, second = "hi", ""
    if second and second != first:
        return format_html(
            '<span lang="{}">{}</span> <small lang="{}">{}</small>', first_lang, first, second_lang, second
        )
    return format_html('<span lang="{}">{}</span>', first_lang, first)


@register.simple_tag
def elided_pages(page: Page[Any]) -> list[int | str]:
    """Page numbers around the current one, with an ellipsis for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
