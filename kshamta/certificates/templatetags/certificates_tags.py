"""Template helpers for certificate pages."""

from __future__ import annotations

import decimal

from django import template

from kshamta.certificates.render import plain_hours

register = template.Library()


@register.filter
def hours(value: decimal.Decimal | float | int | None) -> str:
    """Hours as people write them: 1.50 → 1.5, 2.00 → 2."""
    if value is None:
        return ""
    return plain_hours(value)
