"""Template helpers for the coverage pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

BAR_WIDTH = 100


@register.filter
def percent(value: float | None) -> str:
    """One decimal and a % sign; an em dash when there is nothing to divide by."""
    if value is None:
        return "—"
    return f"{value:.1f} %"


@register.simple_tag
def coverage_bar(value: float | None) -> SafeString:
    """A small bar for a percentage (capped at 100). Decorative: the number beside it carries the
    data, so screen readers skip the picture."""
    filled = 0 if value is None else round(min(max(value, 0.0), 100.0) * BAR_WIDTH / 100)
    return format_html(
        '<svg class="bar" width="{w}" height="10" viewBox="0 0 {w} 10" aria-hidden="true" focusable="false">'
        '<rect class="bar-track" width="{w}" height="10" rx="2"></rect>'
        '<rect class="bar-fill" width="{f}" height="10" rx="2"></rect></svg>',
        w=BAR_WIDTH,
        f=filled,
    )
