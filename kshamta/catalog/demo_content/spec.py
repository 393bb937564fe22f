"""The shapes the demo catalogue is written in: courses, modules, resources and quizzes.

Content is plain data; ``kshamta.catalog.demo`` turns it into courses with the ordinary
actions. A lesson is written once per language as simple HTML (paragraphs, lists,
tables) and shown Hindi first, each part marked with its ``lang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEDIA_DIR = Path(__file__).resolve().parent / "media"

_BLOCK_TAG = re.compile(r"<(p|h3|h4|ul|ol|table|blockquote|dl)(?=[\s>])")


def _mark_language(html: str, lang: str) -> str:
    return _BLOCK_TAG.sub(lambda m: f'<{m.group(1)} lang="{lang}"', html.strip())


@dataclass(frozen=True)
class Lesson:
    """A reading (rich text); ``hi`` and ``en`` are HTML fragments."""

    title_en: str
    title_hi: str
    hi: str
    en: str

    kind = "text"

    def body_html(self) -> str:
        return f"{_mark_language(self.hi, 'hi')}\n<hr>\n{_mark_language(self.en, 'en')}"


@dataclass(frozen=True)
class PdfSection:
    heading_en: str
    heading_hi: str
    hi: tuple[str, ...]  # paragraphs; a paragraph starting with "• " is a bullet
    en: tuple[str, ...]
    table: tuple[tuple[str, ...], ...] = ()  # optional rows, the first is the header


@dataclass(frozen=True)
class Reading:
    """A PDF generated when the demo loads (see ``kshamta.catalog.demo.render_reading``)."""

    title_en: str
    title_hi: str
    filename: str
    sections: tuple[PdfSection, ...]

    kind = "pdf"


@dataclass(frozen=True)
class Media:
    """A video or audio file shipped in ``media/``."""

    kind: str  # "video" or "audio"
    title_en: str
    title_hi: str
    filename: str
    duration_seconds: int

    @property
    def path(self) -> Path:
        return MEDIA_DIR / self.filename


@dataclass(frozen=True)
class Link:
    title_en: str
    title_hi: str
    url: str
    required: bool = False

    kind = "link"


@dataclass(frozen=True)
class Question:
    kind: str
    text_en: str
    text_hi: str
    choices: dict[str, Any]
    answer: Any
    explanation_en: str = ""
    explanation_hi: str = ""
    points: int = 1


def _options(options: list[tuple[str, str]]) -> dict[str, Any]:
    return {"options": [{"id": "abcdefgh"[i], "en": en, "hi": hi} for i, (en, hi) in enumerate(options)]}


def single(
    en: str, hi: str, options: list[tuple[str, str]], correct: int, why_en: str = "", why_hi: str = ""
) -> Question:
    return Question("single", en, hi, _options(options), "abcdefgh"[correct], why_en, why_hi)


def multiple(
    en: str, hi: str, options: list[tuple[str, str]], correct: list[int], why_en: str = "", why_hi: str = ""
) -> Question:
    return Question("multiple", en, hi, _options(options), ["abcdefgh"[i] for i in correct], why_en, why_hi)


def true_false(en: str, hi: str, answer: bool, why_en: str = "", why_hi: str = "") -> Question:
    return Question("true_false", en, hi, {}, answer, why_en, why_hi)


def fill_blank(en: str, hi: str, accepted: list[str], why_en: str = "", why_hi: str = "") -> Question:
    return Question("fill_blank", en, hi, {}, accepted, why_en, why_hi)


def match(
    en: str,
    hi: str,
    pairs: list[tuple[tuple[str, str], tuple[str, str]]],
    why_en: str = "",
    why_hi: str = "",
) -> Question:
    """``pairs`` are (left, right) in matching order; the right column is listed in another order."""
    left = [{"id": f"l{i + 1}", "en": le, "hi": lh} for i, ((le, lh), _r) in enumerate(pairs)]
    right_ids = [f"r{i + 1}" for i in range(len(pairs))]
    # Rotate the right column by one so the pairs do not line up on the page.
    order = right_ids[1:] + right_ids[:1]
    right_by_id = {f"r{i + 1}": {"id": f"r{i + 1}", "en": re, "hi": rh} for i, (_l, (re, rh)) in enumerate(pairs)}
    right = [right_by_id[i] for i in order]
    answer = {f"l{i + 1}": f"r{i + 1}" for i in range(len(pairs))}
    return Question("match", en, hi, {"left": left, "right": right}, answer, why_en, why_hi)


@dataclass(frozen=True)
class QuizSection:
    title_en: str
    title_hi: str
    questions: tuple[Question, ...]
    draw_count: int | None = None


@dataclass(frozen=True)
class Quiz:
    title_en: str
    title_hi: str
    sections: tuple[QuizSection, ...]
    instructions_en: str = ""
    instructions_hi: str = ""
    pass_percent: int = 60
    time_limit_minutes: int | None = 20
    max_attempts: int | None = 3
    is_final: bool = True

    kind = "assessment"


ResourceSpec = Lesson | Reading | Media | Link | Quiz


@dataclass(frozen=True)
class ModuleSpec:
    title_en: str
    title_hi: str
    resources: tuple[ResourceSpec, ...]


@dataclass(frozen=True)
class CourseSpec:
    code: str
    provider: str  # a provider code of PROVIDERS
    title_en: str
    title_hi: str
    summary_en: str
    summary_hi: str
    duration_minutes: int
    competencies: dict[str, int]  # competency code → level
    modules: tuple[ModuleSpec, ...]
    tags: str = ""
    level: str = "beginner"
    languages: str = "hi,en"
    # "published", "in_review" or "draft": how far through the editorial workflow the demo takes it.
    status: str = "published"


@dataclass(frozen=True)
class ProviderSpec:
    code: str
    name_en: str
    name_hi: str
    kind: str
    org_code: str = ""  # the organisation whose content roles act for the provider
