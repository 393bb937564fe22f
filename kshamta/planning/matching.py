"""Multilingual matching of duty statements to competencies and of needs to courses.

Competencies (``suggest_competencies``): each statement is embedded as a query; each
competency is embedded as two passages (its English name and description, its Hindi name
and description) and scores by the better one (max-pooling). Each competency's "hubness"
(how close it sits to everything) is subtracted, the cosine is mapped onto [0, 1] (the
embedder's ``similarity_range``) and blended with a keyword score
(kshamta.planning.keyword.KeywordIndex, weight ``KEYWORD_WEIGHT``) so that an exact term
such as "RTI" or "सूचना का अधिकार" counts even when the model hesitates.

Courses (``rank_courses``), for one need of a plan — in this order:

1. courses tagged with the competency, at or above the required level, then those tagged
   below it, then untagged ones;
2. multilingual text similarity between the course (titles, summaries, tags) and the
   context: the plan's statements and the competency's name;
3. language: the course is taught in the plan's language;
4. shorter courses;
5. rating (a Bayesian average, so one five-star rating does not beat forty fours).

(2) to (5) are blended, with small weights for (3) to (5), so a language, duration or rating
difference decides only between courses of nearly equal similarity. Every match carries
its reasons, translated.

``suggest_courses`` recommends courses for statements whose competency is not yet known
(the ``suggest_courses`` command): it combines the tags of the statement's best
competencies with text similarity.

Listed courses only (published, not retired). Competency and course vectors are computed
once per process (and cached on disk by the embedder); a catalogue index is rebuilt only
when the catalogue changes, which one cheap aggregate query detects.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from django.db.models import Count, F, Max, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kshamta.catalog.models import Course, CourseCompetency
from kshamta.catalog.search import human_duration, listed_courses
from kshamta.competencies.access import active_framework
from kshamta.competencies.models import Competency, Framework
from kshamta.planning.embedder import get_embedder
from kshamta.planning.keyword import KeywordIndex

# Share of the keyword score in a text similarity (the rest is the model's similarity).
KEYWORD_WEIGHT = 0.3
# suggest_courses: the statement's best competencies whose course tags count, how fast a
# competency's weight falls with its score relative to the best one, and the weight of tags.
SUGGEST_COMPETENCIES = 3
TAG_SHARPNESS = 4
TAG_WEIGHT = 0.15
# Weights inside a course's relevance: similarity first; language, duration and rating decide
# only between near-equals.
SIMILARITY_WEIGHT = 0.85
LANGUAGE_WEIGHT = 0.07
DURATION_WEIGHT = 0.05
RATING_WEIGHT = 0.03
# Bayesian average of ratings: as if every course also had this many ratings of this value.
RATING_PRIOR_COUNT = 5
RATING_PRIOR_MEAN = 3.5
# A "Similar to" reason is given from this calibrated similarity on.
SIMILAR_REASON_MIN = 0.35
SNIPPET_LENGTH = 60
MAX_CONTEXT_TEXTS = 50
TIERS = 2  # tagged at or above the level, tagged below it (untagged is 0)


@dataclass(frozen=True)
class CompetencyMatch:
    competency: Competency
    code: str
    score: float  # in [0, 1], higher is better
    semantic: float = 0.0  # the model's part, in [0, 1]
    keyword: float = 0.0  # the keyword part, in [0, 1]


@dataclass(frozen=True)
class CourseMatch:
    course: Course
    code: str
    score: float  # in [0, 1], higher is better; the order of the list is the ranking
    reasons: list[str] = field(default_factory=list)


def calibrate(cosines: np.ndarray, similarity_range: tuple[float, float]) -> np.ndarray:
    low, high = similarity_range
    return np.clip((cosines - low) / (high - low), 0.0, 1.0)


def _similarity_range(embedder: Any) -> tuple[float, float]:
    low, high = getattr(embedder, "similarity_range", (0.0, 1.0))
    return float(low), float(high)


def _fingerprint(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\x1f")
    return digest.hexdigest()


# --- competencies ------------------------------------------------------------------------------


def competency_passages(competency: Competency) -> list[str]:
    """The texts a competency is embedded as: its name and description in each language (its
    names alone when it has no description). It scores by the best of them. The level
    descriptors are left out: they follow one pattern per kind, so they make every competency
    of a kind look alike."""
    en, hi = competency.name_en.strip(), competency.name_hi.strip()
    passages = []
    if competency.description_en.strip():
        passages.append(f"{en or hi}: {competency.description_en.strip()}")
    if competency.description_hi.strip():
        passages.append(f"{hi or en}: {competency.description_hi.strip()}")
    if not passages:
        passages.append(" / ".join(name for name in (en, hi) if name) or competency.code)
    return passages


def competency_summary(competency: Competency) -> str:
    """Both names and both descriptions in one text."""
    names = " / ".join(n for n in (competency.name_en.strip(), competency.name_hi.strip()) if n)
    descriptions = " ".join(d for d in (competency.description_en.strip(), competency.description_hi.strip()) if d)
    return f"{names}: {descriptions}" if descriptions else names


@dataclass
class _CompetencyIndex:
    fingerprint: str
    competencies: list[Competency]
    vectors: np.ndarray  # (passages, dim)
    starts: np.ndarray  # first passage of each competency (passages are grouped by competency)
    hub: np.ndarray  # (competencies,) how close each competency is to everything, see _hubness
    keyword: KeywordIndex


_competency_indexes: dict[tuple[int, str], _CompetencyIndex] = {}
_course_indexes: dict[str, _CourseIndex] = {}
_indexes_lock = threading.Lock()


def _pooled(queries: np.ndarray, vectors: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Cosine of each query with each competency: the best of the competency's passages."""
    return np.maximum.reduceat(queries @ vectors.T, starts, axis=1)


def _hubness(competencies: list[Competency], vectors: np.ndarray, starts: np.ndarray, embedder: Any) -> np.ndarray:
    """Some competencies (broad ones such as accountability) sit close to every statement. Each
    competency's mean similarity to the whole framework's texts, used as queries, measures that;
    it is subtracted (less its mean) from every score, as in cross-domain similarity local scaling."""
    probes = embedder.encode([competency_summary(c) for c in competencies], kind="query")
    hub = _pooled(probes, vectors, starts).mean(axis=0)
    return (hub - hub.mean()).astype(np.float32)


def _competency_index(framework: Framework, embedder: Any) -> _CompetencyIndex:
    competencies = list(Competency.objects.filter(framework=framework).order_by("kind", "code"))
    passages = [competency_passages(c) for c in competencies]
    fingerprint = _fingerprint(
        [embedder.name]
        + [f"{c.code}\x1e{c.name_en}\x1e{c.name_hi}\x1e{c.description_en}\x1e{c.description_hi}" for c in competencies]
    )
    key = (framework.pk, embedder.name)
    cached = _competency_indexes.get(key)
    if cached is not None and cached.fingerprint == fingerprint:
        # Fresh rows for the caller, the cached vectors for the work.
        return replace(cached, competencies=competencies)
    flat = [p for group in passages for p in group]
    starts = np.cumsum([0] + [len(group) for group in passages[:-1]]).astype(np.int64)
    if competencies:
        vectors = embedder.encode(flat, kind="passage")
        hub = _hubness(competencies, vectors, starts, embedder)
    else:
        vectors, hub = np.zeros((0, embedder.dim), np.float32), np.zeros(0, np.float32)
    keyword = KeywordIndex(
        [KeywordIndex.document([c.name_en, c.name_hi], [c.description_en, c.description_hi]) for c in competencies]
    )
    index = _CompetencyIndex(fingerprint, competencies, vectors, starts, hub, keyword)
    with _indexes_lock:
        _competency_indexes[key] = index
    return index


def _competency_scores(
    texts: Sequence[str], index: _CompetencyIndex, embedder: Any
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(score, semantic, keyword) arrays of shape (texts, competencies)."""
    cosines = _pooled(embedder.encode(list(texts), kind="query"), index.vectors, index.starts)
    semantic = calibrate(cosines - index.hub, _similarity_range(embedder))
    keyword = np.stack([index.keyword.scores(text) for text in texts])
    return (1 - KEYWORD_WEIGHT) * semantic + KEYWORD_WEIGHT * keyword, semantic, keyword


def _resolve_framework(framework: Framework | None) -> Framework | None:
    return framework if framework is not None else active_framework()


def suggest_competencies(
    texts: Sequence[str], *, framework: Framework | None = None, top: int = 5, embedder: Any = None
) -> list[list[CompetencyMatch]]:
    """For each text, the ``top`` competencies of ``framework`` (default: the active one), best
    first. A blank text, or no framework, gets an empty list."""
    texts = [str(text) for text in texts]
    results: list[list[CompetencyMatch]] = [[] for _ in texts]
    framework = _resolve_framework(framework)
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    if framework is None or not wanted or top <= 0:
        return results
    embedder = embedder or get_embedder()
    index = _competency_index(framework, embedder)
    if not index.competencies:
        return results
    scores, semantic, keyword = _competency_scores([texts[i].strip() for i in wanted], index, embedder)
    for row, i in enumerate(wanted):
        order = np.argsort(-scores[row], kind="stable")[:top]
        results[i] = [
            CompetencyMatch(
                competency=index.competencies[j],
                code=index.competencies[j].code,
                score=float(scores[row, j]),
                semantic=float(semantic[row, j]),
                keyword=float(keyword[row, j]),
            )
            for j in order
        ]
    return results


# --- courses -----------------------------------------------------------------------------------


def course_passage(course: Any) -> str:
    """The text a course is embedded as: titles, summaries and tags, both languages."""
    titles = " / ".join(t for t in (course.title_en.strip(), course.title_hi.strip()) if t)
    parts = [titles, course.summary_en.strip(), course.summary_hi.strip()]
    tags = getattr(course, "tags", "")
    if tags:
        parts.append(tags)
    return " ".join(p for p in parts if p)


@dataclass
class _CourseRow:
    pk: int
    code: str
    title_en: str
    title_hi: str
    summary_en: str
    summary_hi: str
    languages: str
    duration_minutes: int
    rating_count: int
    rating_sum: int
    tags: str = ""


@dataclass
class _CourseIndex:
    fingerprint: tuple[Any, ...]
    rows: list[_CourseRow]
    vectors: np.ndarray  # (courses, dim)
    tags: dict[int, dict[int, int]]  # competency id -> {row number: level}
    language_hi: np.ndarray  # bool per row
    language_en: np.ndarray
    duration: np.ndarray  # duration score per row, in (0, 1]
    rating: np.ndarray  # rating score per row, in [0, 1]
    by_pk: dict[int, int]
    keyword: KeywordIndex


def _catalogue_fingerprint() -> tuple[Any, ...]:
    """Changes whenever a listed course is added, removed, republished, edited or rated."""
    summary = listed_courses().aggregate(
        count=Count("id"),
        ids=Sum("id"),
        changed=Max("updated_at"),
        published=Max("published_at"),
        ratings=Sum("rating_count"),
        stars=Sum("rating_sum"),
    )
    return tuple(summary[key] for key in ("count", "ids", "changed", "published", "ratings", "stars"))


def duration_score(minutes: int) -> float:
    """Shorter is better: 1.0 for a few minutes, 0.5 for an hour, about 0.24 for a day of 8 hours."""
    return 1.0 / (1.0 + math.log2(1.0 + max(0, minutes) / 60.0))


def rating_score(count: int, total: int) -> float:
    """The Bayesian average rating on a scale of 0 to 1 (3.5 stars when unrated)."""
    return (total + RATING_PRIOR_MEAN * RATING_PRIOR_COUNT) / (count + RATING_PRIOR_COUNT) / 5.0


def _course_index(embedder: Any) -> _CourseIndex:
    fingerprint = (embedder.name, *_catalogue_fingerprint())
    cached = _course_indexes.get(embedder.name)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    listed = listed_courses().order_by("pk")
    rows = [
        _CourseRow(**values)
        for values in listed.values(
            "pk",
            "code",
            "title_en",
            "title_hi",
            "summary_en",
            "summary_hi",
            "languages",
            "duration_minutes",
            "rating_count",
            "rating_sum",
            tags=F("published_version__tags"),
        )
    ]
    by_pk = {row.pk: n for n, row in enumerate(rows)}
    tags: dict[int, dict[int, int]] = {}
    links = CourseCompetency.objects.filter(version__in=listed.values("published_version")).values_list(
        "version__course_id", "competency_id", "level"
    )
    for course_id, competency_id, level in links:
        if course_id in by_pk:
            tags.setdefault(competency_id, {})[by_pk[course_id]] = level
    vectors = (
        embedder.encode([course_passage(row) for row in rows], kind="passage")
        if rows
        else np.zeros((0, embedder.dim), np.float32)
    )
    languages = [set(row.languages.split(",")) for row in rows]
    index = _CourseIndex(
        fingerprint=fingerprint,
        rows=rows,
        vectors=vectors,
        tags=tags,
        language_hi=np.array(["hi" in langs for langs in languages], dtype=bool),
        language_en=np.array(["en" in langs for langs in languages], dtype=bool),
        duration=np.array([duration_score(row.duration_minutes) for row in rows], dtype=np.float32),
        rating=np.array([rating_score(row.rating_count, row.rating_sum) for row in rows], dtype=np.float32),
        by_pk=by_pk,
        keyword=KeywordIndex(
            [
                KeywordIndex.document([row.title_en, row.title_hi], [row.summary_en, row.summary_hi, row.tags])
                for row in rows
            ]
        ),
    )
    with _indexes_lock:
        _course_indexes[embedder.name] = index
    return index


def _text_similarity(texts: Sequence[str], index: _CourseIndex, embedder: Any) -> np.ndarray:
    """(texts, courses): the model's calibrated similarity blended with keyword overlap, in [0, 1]."""
    semantic = calibrate(embedder.encode(list(texts), kind="query") @ index.vectors.T, _similarity_range(embedder))
    keyword = np.stack([index.keyword.scores(text) for text in texts])
    return (1 - KEYWORD_WEIGHT) * semantic + KEYWORD_WEIGHT * keyword


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_LENGTH else text[: SNIPPET_LENGTH - 1].rstrip() + "…"


def _language_reason(language: str) -> str:
    return _("In Hindi") if language == "hi" else _("In English")


def _rating_reason(row: _CourseRow) -> str | None:
    if not row.rating_count:
        return None
    average = row.rating_sum / row.rating_count
    return ngettext(
        "Rated %(average).1f by %(count)d person", "Rated %(average).1f by %(count)d people", row.rating_count
    ) % {"average": average, "count": row.rating_count}


def _tag_reason(competency: Competency, level: int) -> str:
    return _("Tagged with %(competency)s at level %(level)d") % {"competency": competency.name, "level": level}


def _excluded_rows(index: _CourseIndex, exclude: Iterable[Any]) -> set[int]:
    """Rows of ``exclude``: courses, primary keys or codes."""
    codes: dict[str, int] = {}
    rows: set[int] = set()
    for item in exclude:
        if isinstance(item, Course):
            item = item.pk
        if isinstance(item, int):
            if item in index.by_pk:
                rows.add(index.by_pk[item])
        elif isinstance(item, str):
            if not codes:
                codes = {row.code: n for n, row in enumerate(index.rows)}
            if item.strip().upper() in codes:
                rows.add(codes[item.strip().upper()])
    return rows


def _courses_by_pk(pks: Iterable[int]) -> dict[int, Course]:
    return Course.objects.select_related("provider").in_bulk(list(pks))


def rank_courses(
    *,
    competency: Competency | None = None,
    level: int | None = None,
    texts: Sequence[str] = (),
    language: str | None = None,
    top: int = 5,
    exclude: Iterable[Any] = (),
    embedder: Any = None,
) -> list[CourseMatch]:
    """Listed courses for a need, best first (see the module docstring for the order).

    ``competency`` and ``level``: what is needed; ``texts``: the context (duty statements,
    themes) the course should resemble; ``language``: the plan's language ("hi" or "en");
    ``exclude``: courses, primary keys or codes already chosen.
    """
    if top <= 0:
        return []
    embedder = embedder or get_embedder()
    index = _course_index(embedder)
    if not index.rows:
        return []
    context = list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))[:MAX_CONTEXT_TEXTS]
    name = ""
    if competency is not None:
        name = " / ".join(n for n in (competency.name_en.strip(), competency.name_hi.strip()) if n)
    queries = context + ([name] if name else [])
    count = len(index.rows)
    similarity = np.zeros(count, dtype=np.float32)
    best_query = np.zeros(count, dtype=int)
    if queries:
        per_query = _text_similarity(queries, index, embedder)
        best_query = np.argmax(per_query, axis=0)
        if context and name:
            similarity = 0.5 * per_query[:-1].max(axis=0) + 0.5 * per_query[-1]
        else:
            similarity = per_query.max(axis=0)
    tier = np.zeros(count, dtype=np.float32)
    tagged: dict[int, int] = {}
    if competency is not None:
        tagged = index.tags.get(competency.pk, {})
        for row, tagged_level in tagged.items():
            tier[row] = 2 if level is None or tagged_level >= level else 1
    language_match = np.zeros(count, dtype=np.float32)
    if language in ("hi", "en"):
        language_match = (index.language_hi if language == "hi" else index.language_en).astype(np.float32)
    relevance = (
        SIMILARITY_WEIGHT * similarity
        + LANGUAGE_WEIGHT * language_match
        + DURATION_WEIGHT * index.duration
        + RATING_WEIGHT * index.rating
    )
    key = tier + relevance
    score = key / (TIERS + 1) if competency is not None else relevance
    excluded = _excluded_rows(index, exclude)
    order = [int(row) for row in np.argsort(-key, kind="stable") if int(row) not in excluded][:top]
    courses = _courses_by_pk(index.rows[row].pk for row in order)
    matches = []
    for row in order:
        course = courses.get(index.rows[row].pk)
        if course is None:  # removed since the index was built
            continue
        reasons = []
        if row in tagged:
            reasons.append(_tag_reason(competency, tagged[row]))  # type: ignore[arg-type]
        if queries and similarity[row] >= SIMILAR_REASON_MIN:
            reasons.append(_("Similar to: “%(text)s”") % {"text": _snippet(queries[int(best_query[row])])})
        if language_match[row]:
            reasons.append(_language_reason(language or ""))
        reasons.append(human_duration(index.rows[row].duration_minutes))
        rating = _rating_reason(index.rows[row])
        if rating:
            reasons.append(rating)
        matches.append(CourseMatch(course=course, code=course.code, score=round(float(score[row]), 6), reasons=reasons))
    return matches


def suggest_courses(
    texts: Sequence[str], *, framework: Framework | None = None, top: int = 5, embedder: Any = None
) -> list[list[CourseMatch]]:
    """For each text (a duty statement), the ``top`` listed courses, best first: courses tagged
    with the statement's best competencies and courses whose text resembles the statement."""
    texts = [str(text) for text in texts]
    results: list[list[CourseMatch]] = [[] for _ in texts]
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    if not wanted or top <= 0:
        return results
    embedder = embedder or get_embedder()
    index = _course_index(embedder)
    if not index.rows:
        return results
    statements = [texts[i].strip() for i in wanted]
    competencies = suggest_competencies(statements, framework=framework, top=SUGGEST_COMPETENCIES, embedder=embedder)
    similarity = _text_similarity(statements, index, embedder)
    picks: list[tuple[int, int, list[int], np.ndarray, dict[int, tuple[Competency, int]]]] = []
    for row, i in enumerate(wanted):
        tag = np.zeros(len(index.rows), dtype=np.float32)
        tag_source: dict[int, tuple[Competency, int]] = {}
        matches = competencies[row]
        best = matches[0].score if matches else 0.0
        for match in matches:
            # The best competency counts fully; a runner-up by how close it came.
            weight = (match.score / best) ** TAG_SHARPNESS if best > 0 else 0.0
            for course_row, level in index.tags.get(match.competency.pk, {}).items():
                if weight > tag[course_row]:
                    tag[course_row] = weight
                    tag_source[course_row] = (match.competency, level)
        relevance = (1 - TAG_WEIGHT) * similarity[row] + TAG_WEIGHT * tag
        score = (1 - DURATION_WEIGHT - RATING_WEIGHT) * relevance + DURATION_WEIGHT * index.duration
        score = score + RATING_WEIGHT * index.rating
        order = [int(n) for n in np.argsort(-score, kind="stable")[:top]]
        picks.append((i, row, order, score, tag_source))
    courses = _courses_by_pk({index.rows[n].pk for _i, _r, order, _s, _t in picks for n in order})
    for i, row, order, score, tag_source in picks:
        for n in order:
            course = courses.get(index.rows[n].pk)
            if course is None:
                continue
            reasons = []
            if n in tag_source:
                reasons.append(_tag_reason(*tag_source[n]))
            if similarity[row, n] >= SIMILAR_REASON_MIN:
                reasons.append(_("Similar to: “%(text)s”") % {"text": _snippet(texts[i])})
            reasons.append(human_duration(index.rows[n].duration_minutes))
            rating = _rating_reason(index.rows[n])
            if rating:
                reasons.append(rating)
            results[i].append(
                CourseMatch(course=course, code=course.code, score=round(float(score[n]), 6), reasons=reasons)
            )
    return results


def warm_indexes(*, framework: Framework | None = None, embedder: Any = None) -> dict[str, int]:
    """Embed the framework's competencies and the listed catalogue now (a background job after a
    catalogue import, or before a benchmark), so the first plan does not wait for it. Returns
    how many competencies and courses the indexes hold."""
    embedder = embedder or get_embedder()
    framework = _resolve_framework(framework)
    competencies = len(_competency_index(framework, embedder).competencies) if framework is not None else 0
    return {"competencies": competencies, "courses": len(_course_index(embedder).rows)}


def clear_indexes() -> None:
    """Forget the process's competency and course indexes (tests; the fingerprints make this
    unnecessary in normal use)."""
    with _indexes_lock:
        _competency_indexes.clear()
        _course_indexes.clear()
