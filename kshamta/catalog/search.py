"""Reading the public catalogue: search, filters, ranking, and the course a reader may open.

Everything here reads ``Course``'s denormalised catalogue fields (copied from the published
version at publish time), so a results page is one query for its rows and one for the count,
with no joins beyond the provider. Text matching is a substring match of every query token in
``search_text`` (NFC, case-folded, both scripts), which behaves the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from typing import Any

from django.db.models import Case, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kshamta.catalog.models import Course, CourseVersion, Language, Level, Resource
from kshamta.core.text import clean_text

PAGE_SIZE = 20
# A query longer than this many words is cut: each word is one more LIKE over every listed course.
MAX_TOKENS = 8


class DurationBand:
    """Disjoint duration ranges for the filter; a learning day is 8 hours (480 minutes)."""

    UP_TO_30_MINUTES = "30m"
    UP_TO_2_HOURS = "2h"
    UP_TO_1_DAY = "1d"
    LONGER = "long"

    choices = [
        (UP_TO_30_MINUTES, _("Up to 30 minutes")),
        (UP_TO_2_HOURS, _("30 minutes to 2 hours")),
        (UP_TO_1_DAY, _("2 hours to a day (8 hours)")),
        (LONGER, _("More than a day")),
    ]
    # value -> (minimum minutes or None, maximum minutes or None), both inclusive
    ranges: dict[str, tuple[int | None, int | None]] = {
        UP_TO_30_MINUTES: (None, 30),
        UP_TO_2_HOURS: (31, 120),
        UP_TO_1_DAY: (121, 480),
        LONGER: (481, None),
    }


LANGUAGE_VALUES = tuple(Language.values)
LEVEL_VALUES = tuple(Level.values)
KIND_VALUES = tuple(Resource.Kind.values)


@dataclass(frozen=True)
class CourseQuery:
    """What a reader asked for: free text and filters (each empty when not used)."""

    q: str = ""
    competency: str = ""  # competency code
    provider: str = ""  # provider code
    language: str = ""  # "hi" or "en"
    duration: str = ""  # a DurationBand value
    kind: str = ""  # a Resource.Kind value
    level: str = ""  # a Level value

    @classmethod
    def from_mapping(cls, data: Any) -> CourseQuery:
        """Build from GET parameters or a form's cleaned data; unknown choice values are dropped."""
        values = {f.name: clean_text(data.get(f.name) or "")[:200] for f in fields(cls)}
        if values["language"] not in LANGUAGE_VALUES:
            values["language"] = ""
        if values["duration"] not in DurationBand.ranges:
            values["duration"] = ""
        if values["kind"] not in KIND_VALUES:
            values["kind"] = ""
        if values["level"] not in LEVEL_VALUES:
            values["level"] = ""
        return cls(**values)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def _is_word_char(ch: str) -> bool:
    # Letters, digits and combining marks: Devanagari vowel signs and the virama are marks
    # (Mn/Mc), which str.isalnum() and regex \w do not count, so a plain \w+ would cut
    # "सूचना" into pieces. ZWJ/ZWNJ survive clean_text only inside Devanagari, where they
    # shape conjuncts, so they belong to the word too.
    return unicodedata.category(ch)[0] in "LMN" or ch in "\u200c\u200d"


def tokenise(text: str) -> list[str]:
    """The distinct search words of ``text``: NFC, case-folded, split at spaces and punctuation."""
    folded = unicodedata.normalize("NFC", clean_text(text)).casefold()
    tokens: list[str] = []
    word: list[str] = []
    for ch in folded + " ":
        if _is_word_char(ch):
            word.append(ch)
        elif word:
            token = "".join(word)
            if token not in tokens:
                tokens.append(token)
            word = []
    return tokens[:MAX_TOKENS]


def listed_courses() -> QuerySet[Course]:
    """Courses anyone signed in can find: published and not retired."""
    return Course.objects.filter(published_version__isnull=False, is_retired=False)


def _contains_kind(kind: str) -> Q:
    # resource_kinds is "kind,kind,...": match whole items, not substrings of other kinds.
    return (
        Q(resource_kinds=kind)
        | Q(resource_kinds__startswith=f"{kind},")
        | Q(resource_kinds__endswith=f",{kind}")
        | Q(resource_kinds__contains=f",{kind},")
    )


def filter_courses(courses: QuerySet[Course], query: CourseQuery) -> QuerySet[Course]:
    """Apply the text match (every token) and the filters, without ordering."""
    for token in tokenise(query.q):
        courses = courses.filter(search_text__contains=token)
    if query.competency:
        courses = courses.filter(competency_codes__contains=f",{query.competency},")
    if query.provider:
        courses = courses.filter(provider__code=query.provider.upper())
    if query.language:
        courses = courses.filter(languages__contains=query.language)
    if query.duration:
        low, high = DurationBand.ranges[query.duration]
        if low is not None:
            courses = courses.filter(duration_minutes__gte=low)
        if high is not None:
            courses = courses.filter(duration_minutes__lte=high)
    if query.kind:
        courses = courses.filter(_contains_kind(query.kind))
    if query.level:
        courses = courses.filter(level=query.level)
    return courses


def rating_expression() -> Case:
    return Case(
        When(rating_count__gt=0, then=Cast(F("rating_sum"), FloatField()) / Cast(F("rating_count"), FloatField())),
        default=Value(0.0),
        output_field=FloatField(),
    )


def search_courses(query: CourseQuery) -> QuerySet[Course]:
    """Listed courses matching ``query``, best first.

    Ranking: courses with more query words in a title (either script) come before those that
    match only in the summary or elsewhere; then the average rating; then the most recently
    published; then the code, so pages never overlap.
    """
    # search_text is only matched, never shown: leaving it out keeps the rows the database sorts small.
    courses = filter_courses(listed_courses(), query).select_related("provider").defer("search_text")
    tokens = tokenise(query.q)
    title_hits: Any = Value(0, output_field=IntegerField())
    for token in tokens:
        title_hits = title_hits + Case(
            When(Q(title_en__icontains=token) | Q(title_hi__icontains=token), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    courses = courses.annotate(title_hits=title_hits, rating=rating_expression())
    return courses.order_by(F("title_hits").desc(), F("rating").desc(), F("published_at").desc(nulls_last=True), "code")


# --- what one course shows --------------------------------------------------------


@dataclass
class CatalogueCourse:
    """A course as the catalogue shows it to one reader, with the version whose outline they see."""

    course: Course
    version: CourseVersion
    # Retired, shown only because the reader is enrolled in it.
    retired_for_enrolled: bool = False


def access_catalogue_course_by_code(user: Any, code: str) -> CatalogueCourse:
    """A listed course by code; a retired one only for people enrolled in it; else 404.

    A course that was never published (a draft in the studio) is not in the catalogue.
    """
    from kshamta.learning.models import Enrolment

    course = (
        Course.objects.select_related("provider", "published_version").filter(code=clean_text(code).upper()).first()
    )
    if course is None:
        raise Http404("No such course")
    if course.is_listed and course.published_version is not None:
        return CatalogueCourse(course=course, version=course.published_version)
    if course.is_retired and getattr(user, "is_authenticated", False):
        enrolment = (
            Enrolment.objects.select_related("version")
            .filter(user_id=user.pk, course=course)
            .exclude(status=Enrolment.Status.WITHDRAWN)
            .first()
        )
        if enrolment is not None:
            return CatalogueCourse(
                course=course, version=course.published_version or enrolment.version, retired_for_enrolled=True
            )
    raise Http404("No such course")


# --- display helpers shared by the pages and the API -------------------------------


def human_duration(minutes: int) -> str:
    """7 minutes, 1 hour 30 minutes, 3 days: the largest sensible units, translated."""
    minutes = int(minutes or 0)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        text = ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
        if rest:
            text += " " + ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest}
        return text
    days, rest = divmod(minutes, 24 * 60)
    text = ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    hours = rest // 60
    if hours:
        text += " " + ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    return text


def language_codes(languages: str) -> list[str]:
    """ "hi,en" -> ["hi", "en"], keeping only known codes."""
    return [code for code in (part.strip() for part in languages.split(",")) if code in LANGUAGE_VALUES]


def language_names(languages: str) -> list[str]:
    labels = dict(Language.choices)
    return [str(labels[code]) for code in language_codes(languages)]


def competency_code_list(competency_codes: str) -> list[str]:
    """ ",RTI,FIN," -> ["RTI", "FIN"]."""
    return [code for code in competency_codes.split(",") if code]


def kind_list(resource_kinds: str) -> list[str]:
    return [kind for kind in resource_kinds.split(",") if kind in KIND_VALUES]
