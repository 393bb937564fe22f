"""Normalising what people type: names, e-mail addresses, Indian mobile numbers, dates."""

from __future__ import annotations

import datetime
import re
import unicodedata

# Zero-width characters that copy-paste from word processors leaves behind. ZWJ
# and ZWNJ change how Devanagari renders (half forms), so inside Devanagari
# they are kept; elsewhere they are invisible noise and are removed.
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_SPACES = re.compile(r"\s+")


_ZERO_WIDTH_RE = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")


def clean_text(value: object) -> str:
    """Trim, NFC-normalise, collapse whitespace and drop stray zero-width characters.

    Importers call this for every cell of lakhs of rows, so text without zero-width
    characters takes a fast path (str.split() splits on exactly what ``\\s`` matches).
    """
    if value is None:
        return ""
    text = str(value)
    if not _ZERO_WIDTH_RE.search(text):
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return " ".join(text.split())
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _ZERO_WIDTH:
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            keep = ch in {"\u200c", "\u200d"} and bool(_DEVANAGARI.match(prev)) and bool(_DEVANAGARI.match(nxt))
            if not keep:
                continue
        out.append(ch)
    return _SPACES.sub(" ", "".join(out)).strip()


EMAIL_PATTERN = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def normalise_email(value: object) -> str | None:
    """Lower-case e-mail address, or None if it is not one."""
    text = clean_text(value).lower()
    if not text or len(text) > 254 or not EMAIL_PATTERN.match(text):
        return None
    return text


_MOBILE_JUNK = re.compile(r"[\s\-().]")


def normalise_mobile(value: object) -> str | None:
    """The 10 digits of an Indian mobile number, or None.

    Accepts +91, 91 or 0 prefixes and spaces or hyphens. Numbers read from
    spreadsheets may arrive as floats (9876543210.0).
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _MOBILE_JUNK.sub("", clean_text(value))
    if text.startswith("+91"):
        text = text[3:]
    elif len(text) == 12 and text.startswith("91"):
        text = text[2:]
    elif len(text) == 11 and text.startswith("0"):
        text = text[1:]
    if len(text) == 10 and text.isdigit() and text[0] in "6789":
        return text
    return None


def identity_kind(value: str) -> str | None:
    """'email' or 'mobile' for a sign-in identity, or None."""
    if normalise_email(value):
        return "email"
    if normalise_mobile(value):
        return "mobile"
    return None


def normalise_identity(value: str) -> str | None:
    return normalise_email(value) or normalise_mobile(value)


_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def parse_indian_date(value: object) -> datetime.date | None:
    """Day-first or ISO dates, Excel serial numbers and date cells. None if impossible."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 100000:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(value))
        return None
    text = clean_text(value)
    if text.replace(".", "", 1).isdigit() and "." not in text[:3]:
        try:
            serial = float(text)
        except ValueError:
            serial = 0
        if 1 <= serial < 100000 and len(text) <= 7:
            return _EXCEL_EPOCH + datetime.timedelta(days=int(serial))
    text = text.split(" ")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def indian_number(value: int) -> str:
    """12,00,000 style grouping."""
    sign = "-" if value < 0 else ""
    digits = str(abs(int(value)))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return sign + ",".join([*groups, tail])
