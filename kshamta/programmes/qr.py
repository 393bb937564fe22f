"""Rotating check-in codes for a session's QR screen.

The code for a session in one time window is an HMAC of the session id and the window
number (``WINDOW_SECONDS`` long), keyed by the site's secret: nobody can make one without
the server, and each is accepted only in its own window and the next one, and only while
the session runs (with ``MARGIN`` either side). A photo of the screen forwarded to someone
who is not in the room is therefore useless a minute later.
"""

from __future__ import annotations

import datetime
import enum

import segno
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from kshamta.programmes.models import Session

WINDOW_SECONDS = 30
MARGIN = datetime.timedelta(minutes=15)
TOKEN_LENGTH = 20
_SALT = "kshamta.programmes.qr.checkin"


class TokenCheck(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"
    OUTSIDE_SESSION = "outside_session"


def window_of(moment: datetime.datetime) -> int:
    return int(moment.timestamp()) // WINDOW_SECONDS


def token_for(session_id: int, window: int) -> str:
    return salted_hmac(_SALT, f"{session_id}:{window}", algorithm="sha256").hexdigest()[:TOKEN_LENGTH]


def current_token(session: Session, now: datetime.datetime | None = None) -> str:
    return token_for(session.pk, window_of(now or timezone.now()))


def seconds_left_in_window(now: datetime.datetime | None = None) -> int:
    moment = now or timezone.now()
    return WINDOW_SECONDS - int(moment.timestamp()) % WINDOW_SECONDS


def in_session_window(session: Session, now: datetime.datetime) -> bool:
    return session.starts_at - MARGIN <= now <= session.ends_at + MARGIN


def check_token(session: Session, token: str, now: datetime.datetime | None = None) -> TokenCheck:
    """Whether ``token`` checks someone in to ``session`` at ``now``.

    A token that was genuine in an earlier window of the session is reported as expired, anything
    else as invalid, so the person scanning learns whether to scan again or to ask the coordinator.
    """
    now = now or timezone.now()
    if len(token) != TOKEN_LENGTH:
        return TokenCheck.INVALID
    window = window_of(now)
    genuine_now = any(constant_time_compare(token, token_for(session.pk, w)) for w in (window, window - 1))
    if genuine_now:
        return TokenCheck.VALID if in_session_window(session, now) else TokenCheck.OUTSIDE_SESSION
    first = window_of(session.starts_at - MARGIN)
    last = min(window, window_of(session.ends_at + MARGIN))
    # At most a day of windows is searched: enough for any session, bounded for a forged token.
    for earlier in range(last, max(first, last - 86400 // WINDOW_SECONDS) - 1, -1):
        if constant_time_compare(token, token_for(session.pk, earlier)):
            return TokenCheck.EXPIRED if in_session_window(session, now) else TokenCheck.OUTSIDE_SESSION
    return TokenCheck.INVALID


def qr_svg(data: str, *, title: str) -> str:
    """The QR code of ``data`` as inline SVG markup (no external file, scales with the page)."""
    return str(segno.make(data, error="m").svg_inline(scale=8, border=4, title=title, dark="#000", light="#fff"))
