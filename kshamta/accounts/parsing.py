"""Reading the values people write for gender, category and group, in either language."""

from __future__ import annotations

from kshamta.accounts.models import Profile
from kshamta.core.text import clean_text

_GENDERS = {
    "m": "M",
    "male": "M",
    "man": "M",
    "पुरुष": "M",
    "पु": "M",
    "f": "F",
    "female": "F",
    "woman": "F",
    "महिला": "F",
    "स्त्री": "F",
    "म": "F",
    "o": "O",
    "other": "O",
    "others": "O",
    "अन्य": "O",
    "transgender": "O",
    "third gender": "O",
}
_CATEGORIES = {
    "gen": "GEN",
    "general": "GEN",
    "ur": "GEN",
    "unreserved": "GEN",
    "सामान्य": "GEN",
    "obc": "OBC",
    "अन्य पिछड़ा वर्ग": "OBC",
    "पिछड़ा वर्ग": "OBC",
    "sc": "SC",
    "अनुसूचित जाति": "SC",
    "st": "ST",
    "अनुसूचित जनजाति": "ST",
    "ews": "EWS",
    "आर्थिक रूप से कमजोर वर्ग": "EWS",
}


def parse_gender(value: object) -> str | None:
    """'M', 'F' or 'O'; '' for blank; None if unrecognised."""
    text = clean_text(value).lower()
    if not text:
        return ""
    return _GENDERS.get(text)


def parse_category(value: object) -> str | None:
    text = clean_text(value).lower()
    if not text:
        return ""
    return _CATEGORIES.get(text)


def parse_group(value: object) -> str | None:
    text = clean_text(value).upper().removeprefix("GROUP ").removeprefix("समूह ").strip()
    if not text:
        return ""
    text = {"क": "A", "ख": "B", "ग": "C", "घ": "D"}.get(text, text)
    return text if text in {"A", "B", "C", "D"} else None


def parse_status(value: object) -> str | None:
    text = clean_text(value).lower()
    if not text:
        return Profile.Status.ACTIVE
    return text if text in Profile.Status.values else None
