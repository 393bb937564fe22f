"""Writes for karma points and ratings."""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kshamta.catalog.models import Course
from kshamta.core.text import clean_text, indian_number
from kshamta.engagement.karma import MONTHLY_CAP, POINTS, Rule, course_source, month_of
from kshamta.engagement.models import KarmaEntry, Rating
from kshamta.learning.models import Enrolment

# --- karma ---------------------------------------------------------------------------


@transaction.atomic
def do_award_karma(*, user: Any, rule: str, source_key: str, at: datetime.datetime | None = None) -> KarmaEntry | None:
    """Award ``rule``'s points for ``source_key`` once; None when already awarded or capped.

    Safe to call again for the same achievement (from a retried job, a second completion
    report, a re-created rating): the ledger's unique (user, rule, source_key) keeps one entry.
    ``at`` dates the award (and so picks the month its cap counts in); it defaults to now.
    """
    moment = at or timezone.now()
    month = month_of(moment)
    points = POINTS[rule]
    cap = MONTHLY_CAP.get(rule)
    if cap is not None:
        # Two awards racing under the cap would both read the month's total before either
        # inserts, and both fit. Locking the person's row makes their capped awards take turns;
        # awards to other people never wait. FOR NO KEY UPDATE, not FOR UPDATE: inserting a row
        # that references the user (progress, enrolments, this ledger) takes FOR KEY SHARE on it,
        # and must not queue behind the lock. (SQLite ignores the clause; its transactions
        # begin IMMEDIATE, so one writer at a time is already the rule there.)
        list(get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).values_list("pk"))
    if KarmaEntry.objects.filter(user=user, rule=rule, source_key=source_key).exists():
        return None
    if cap is not None:
        earned = KarmaEntry.objects.filter(user=user, rule=rule, month=month).aggregate(total=Sum("points"))["total"]
        points = min(points, cap - (earned or 0))
        if points <= 0:
            return None
    try:
        # A concurrent award of the same source (uncapped rules take no lock) loses on the
        # unique constraint; the savepoint keeps the caller's transaction usable.
        with transaction.atomic():
            return KarmaEntry.objects.create(
                user=user, rule=rule, points=points, source_key=source_key, month=month, created_at=moment
            )
    except IntegrityError:
        return None


# --- ratings -------------------------------------------------------------------------

MAX_REVIEW_LENGTH = 2000

# Control characters (PostgreSQL refuses NUL in text) except the line breaks a review keeps, and
# the bidirectional overrides that could make a review read differently from what it says.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BLANK_LINES = re.compile(r"\n{3,}")


class RatingRefused(Exception):
    """A rating the rules do not allow; ``message`` says why, in the active language."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def clean_review(text: str) -> str:
    """A review as plain text: each line cleaned like any typed text, paragraphs kept (one blank line at most)."""
    text = unicodedata.normalize("NFC", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    lines = [clean_text(line) for line in _CONTROL.sub("", text).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _check_stars(stars: Any) -> int:
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise RatingRefused("invalid_stars", _("Choose from 1 to 5 stars."))
    return stars


def _check_review(review: str) -> str:
    cleaned = clean_review(review)
    if len(cleaned) > MAX_REVIEW_LENGTH:
        raise RatingRefused(
            "review_too_long",
            ngettext(
                "A review can be at most %(limit)s character long; this one has %(length)s.",
                "A review can be at most %(limit)s characters long; this one has %(length)s.",
                MAX_REVIEW_LENGTH,
            )
            % {"limit": indian_number(MAX_REVIEW_LENGTH), "length": indian_number(len(cleaned))},
        )
    return cleaned


def _check_self(user_id: int, acting_user: Any) -> None:
    if getattr(acting_user, "pk", None) != user_id:
        raise RatingRefused("forbidden", _("You can only rate courses for yourself."))


@transaction.atomic
def do_rate_course(user: Any, course: Course, *, stars: int, review: str = "", acting_user: Any) -> tuple[Rating, bool]:
    """Rate a course the person has completed (or change their rating); (rating, created).

    Keeps the course's ``rating_count`` and ``rating_sum`` in step, and awards the
    COURSE_RATED karma once per course, however often the rating is changed or re-made.
    """
    _check_self(user.pk, acting_user)
    stars = _check_stars(stars)
    review = _check_review(review)
    # The enrolment row lock makes one person's ratings of one course take turns: a double
    # submit cannot count the rating twice in the course's totals.
    enrolment = Enrolment.objects.select_for_update().filter(user=user, course=course).first()
    if enrolment is None or enrolment.status != Enrolment.Status.COMPLETED:
        raise RatingRefused("not_completed", _("You can rate this course once you have completed it."))
    rating = Rating.objects.select_for_update().filter(user=user, course=course).first()
    created = rating is None
    if rating is None:
        rating = Rating.objects.create(user=user, course=course, stars=stars, review=review)
        Course.objects.filter(pk=course.pk).update(
            rating_count=F("rating_count") + 1, rating_sum=F("rating_sum") + stars
        )
        do_award_karma(user=user, rule=Rule.COURSE_RATED, source_key=course_source(course.pk))
    elif (rating.stars, rating.review) != (stars, review):
        difference = stars - rating.stars
        rating.stars, rating.review = stars, review
        rating.save(update_fields=["stars", "review", "updated_at"])
        if difference:
            Course.objects.filter(pk=course.pk).update(rating_sum=F("rating_sum") + difference)
    course.refresh_from_db(fields=["rating_count", "rating_sum"])
    return rating, created


@transaction.atomic
def do_delete_rating(rating: Rating, *, acting_user: Any) -> None:
    """Remove one's own rating and take it out of the course's totals. The karma it earned stays."""
    _check_self(rating.user_id, acting_user)
    locked = Rating.objects.select_for_update().filter(pk=rating.pk).first()
    if locked is None:  # already deleted by a request a moment ago
        return
    locked.delete()
    Course.objects.filter(pk=locked.course_id).update(
        rating_count=F("rating_count") - 1, rating_sum=F("rating_sum") - locked.stars
    )
