"""Loading a course catalogue from CSV/XLSX: one course per row, published as it is loaded.

A catalogue file is an authoritative load by a publisher or a state admin, so a new or
changed row is published at once (audited as the importing person) without the studio's
review. Each row is checked and written on its own (a savepoint per row), so a bad row is
reported with its reason and loses nothing else. Running a file again changes only what
differs: an identical row is "unchanged", a changed one becomes the course's next version
(with the modules and resources of the version it replaces).

The upload page runs the same import as a background job; its progress record is a small
JSON file in the storage API next to the uploaded file (see ``start_upload_import``).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone

from kshamta.accounts.access import role_orgs
from kshamta.accounts.models import Role, User
from kshamta.catalog import actions
from kshamta.catalog.models import Course, CourseVersion, Level, Provider
from kshamta.competencies.models import Competency, Framework
from kshamta.core.spreadsheets import (
    WORKBOOK_SUFFIXES,
    SpreadsheetError,
    Table,
    csv_table,
    unsupported,
    workbook_table,
)
from kshamta.core.text import clean_text
from kshamta.orgs.models import Organisation, localised

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = (
    "code",
    "title_en",
    "title_hi",
    "summary_en",
    "summary_hi",
    "provider_code",
    "duration_minutes",
    "language",
    "competencies",
    "tags",
)
OPTIONAL_COLUMNS = ("level",)
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

MIN_DURATION_MINUTES = actions.MIN_DURATION_MINUTES
MAX_DURATION_MINUTES = actions.MAX_DURATION_MINUTES  # 90 days
MAX_TITLE = 300
MAX_TAGS = 500
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9._-]*$")
MAX_COURSE_CODE = 60
MAX_PROVIDER_CODE = 40
SUPPORTED_SUFFIXES = (".csv", ".xlsx")

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

LANGUAGE_WORDS = {
    "hi": "hi",
    "hindi": "hi",
    "हिंदी": "hi",
    "हिन्दी": "hi",
    "en": "en",
    "english": "en",
    "अंग्रेज़ी": "en",
    "अंग्रेजी": "en",
}
BOTH_LANGUAGES = {"both", "hi,en", "दोनों"}
LEVEL_WORDS = {
    "beginner": Level.BEGINNER,
    "intermediate": Level.INTERMEDIATE,
    "advanced": Level.ADVANCED,
    "प्रारंभिक": Level.BEGINNER,
    "आरंभिक": Level.BEGINNER,
    "मध्यम": Level.INTERMEDIATE,
    "मध्यवर्ती": Level.INTERMEDIATE,
    "उन्नत": Level.ADVANCED,
}


class RowRejected(Exception):
    """A row that cannot be loaded, with the reason in English and Hindi."""

    def __init__(self, en: str, hi: str):
        super().__init__(en)
        self.en = en
        self.hi = hi


@dataclass
class RowError:
    row: int  # line in the file (the header is line 1)
    code: str
    reason_en: str
    reason_hi: str

    @property
    def reason(self) -> str:
        return localised(self.reason_en, self.reason_hi)


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The five counts, exactly the keys ``import_courses --json`` prints."""
        return {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }


@dataclass
class CourseRow:
    """One checked row, its values cleaned as the actions store them."""

    line: int
    code: str
    provider_code: str
    title_en: str
    title_hi: str
    summary_en: str
    summary_hi: str
    duration_minutes: int
    languages: str
    level: str  # "" when the file leaves it out: a new course gets the default, an old one keeps its own
    tags: list[str]
    competencies: dict[Competency, int]

    def version_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "title_en": self.title_en,
            "title_hi": self.title_hi,
            "summary_en": self.summary_en,
            "summary_hi": self.summary_hi,
            "duration_minutes": self.duration_minutes,
            "languages": self.languages,
            "tags": ", ".join(self.tags),
        }
        if self.level:
            fields["level"] = self.level
        return fields


# --- reading the file ------------------------------------------------------------------


def _missing_columns_error(missing: list[str]) -> SpreadsheetError:
    listed = ", ".join(missing)
    expected = ", ".join(REQUIRED_COLUMNS)
    return SpreadsheetError(
        f"Required columns are missing: {listed}. The first row must name the columns {expected} "
        "(and optionally level).",
        f"ये आवश्यक कॉलम नहीं हैं: {listed}। पहली पंक्ति में कॉलमों के नाम होने चाहिए: {expected} (और चाहें तो level)।",
    )


def _no_rows_error() -> SpreadsheetError:
    return SpreadsheetError("The file has a header row but no courses.", "फ़ाइल में शीर्ष पंक्ति तो है, पर कोई पाठ्यक्रम नहीं है।")


@contextmanager
def open_table(source: str | Path | IO[bytes] | Any, *, filename: str = "") -> Iterator[Table]:
    """Open a CSV or XLSX catalogue (a path, or a binary file such as an upload) and check its
    columns; a file that is not a table, or lacks a required column, raises SpreadsheetError."""
    name = (filename or str(getattr(source, "name", source))).lower()
    if not name.endswith(SUPPORTED_SUFFIXES):
        raise unsupported()
    if isinstance(source, str | Path):
        with Path(source).open("rb") as handle:
            yield _checked_table(handle, name)
        return
    binary = getattr(source, "file", source)  # a Django File: its underlying binary file
    binary.seek(0)
    yield _checked_table(binary, name)


def _checked_table(handle: IO[bytes], name: str) -> Table:
    table = workbook_table(handle) if name.endswith(WORKBOOK_SUFFIXES) else csv_table(handle)
    missing = [column for column in REQUIRED_COLUMNS if column not in table.keys]
    if missing:
        raise _missing_columns_error(missing)
    return table


def check_header(source: Any, *, filename: str = "") -> None:
    """Raise SpreadsheetError if ``source`` is not a catalogue table; read nothing past the header."""
    with open_table(source, filename=filename):
        pass


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value)


# --- checking one row -------------------------------------------------------------------


def _check_code(text: str, *, column: str, max_length: int) -> str:
    code = text.upper()
    if not code:
        raise RowRejected(f"The {column} is missing.", f"{column} नहीं दिया गया है।")
    if len(code) > max_length or not CODE_PATTERN.match(code):
        raise RowRejected(
            f"The {column} {text!r} may use only letters, digits, '.', '_' and '-' (up to {max_length}).",
            f"{column} {text!r} में केवल अक्षर, अंक, '.', '_' और '-' हो सकते हैं (अधिकतम {max_length})।",
        )
    return code


def parse_duration(value: Any) -> int:
    text = _cell(value).replace(",", "")
    minutes = int(text) if text.isdecimal() else None
    if minutes is None or not MIN_DURATION_MINUTES <= minutes <= MAX_DURATION_MINUTES:
        raise RowRejected(
            f"duration_minutes must be a whole number of minutes from {MIN_DURATION_MINUTES} to "
            f"{MAX_DURATION_MINUTES} (90 days); it is {text or 'empty'!r}.",
            f"duration_minutes मिनटों की पूर्ण संख्या होनी चाहिए, {MIN_DURATION_MINUTES} से {MAX_DURATION_MINUTES} "
            f"(90 दिन) तक; यहाँ {text or 'खाली'!r} है।",
        )
    return minutes


def parse_languages(value: Any) -> str:
    """ "hi", "en", "hi,en", "hi;en", "both" (and the languages' names) -> "hi", "en" or "hi,en"."""
    text = _cell(value).casefold()
    if text in BOTH_LANGUAGES:
        return "hi,en"
    found: set[str] = set()
    for part in re.split(r"[,;/|]|\s+", text):
        if not part:
            continue
        code = LANGUAGE_WORDS.get(part)
        if code is None:
            found = set()
            break
        found.add(code)
    if not found:
        raise RowRejected(
            f'language must be hi, en or both ("hi,en"); it is {text or "empty"!r}.',
            f'language में hi, en या दोनों ("hi,en") होना चाहिए; यहाँ {text or "खाली"!r} है।',
        )
    return ",".join(code for code in ("hi", "en") if code in found)


def parse_level(value: Any) -> str:
    text = _cell(value).casefold()
    if not text:
        return ""
    level = LEVEL_WORDS.get(text)
    if level is None:
        raise RowRejected(
            f"level must be beginner, intermediate or advanced; it is {text!r}.",
            f"level में beginner, intermediate या advanced होना चाहिए; यहाँ {text!r} है।",
        )
    return str(level)


def split_tags(value: Any) -> list[str]:
    tags: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[,;]", _cell(value)):
        tag = clean_text(part)
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    if len(", ".join(tags)) > MAX_TAGS:
        raise RowRejected(f"The tags are longer than {MAX_TAGS} characters.", f"टैग {MAX_TAGS} अक्षरों से अधिक लंबे हैं।")
    return tags


def parse_competencies(value: Any, known: dict[str, Competency] | None) -> dict[Competency, int]:
    """ "code:level;code:level" -> {competency: level}; codes of the active framework, levels 1 to 5."""
    text = _cell(value)
    levels: dict[Competency, int] = {}
    for part in (p.strip() for p in re.split(r"[;,]", text)):
        if not part:
            continue
        code, sep, level_text = part.partition(":")
        code, level_text = code.strip(), level_text.strip()
        if not sep or not code or not level_text:
            raise RowRejected(
                f"competencies must be written code:level;code:level — {part!r} is not.",
                f"competencies इस रूप में लिखें: code:level;code:level — {part!r} इस रूप में नहीं है।",
            )
        if not level_text.isdecimal() or not 1 <= int(level_text) <= 5:
            raise RowRejected(
                f"The level of competency {code} must be 1 to 5; it is {level_text!r}.",
                f"दक्षता {code} का स्तर 1 से 5 तक होना चाहिए; यहाँ {level_text!r} है।",
            )
        if known is None:
            raise RowRejected(
                "There is no active competency framework, so competencies cannot be linked.",
                "कोई सक्रिय दक्षता ढाँचा नहीं है, इसलिए दक्षताएँ नहीं जोड़ी जा सकतीं।",
            )
        competency = known.get(code.casefold())
        if competency is None:
            raise RowRejected(
                f"Unknown competency code {code} (it is not in the active competency framework).",
                f"अज्ञात दक्षता कोड {code} (यह सक्रिय दक्षता ढाँचे में नहीं है)।",
            )
        if competency in levels:
            raise RowRejected(f"Competency {code} is listed twice.", f"दक्षता {code} दो बार दी गई है।")
        levels[competency] = int(level_text)
    return levels


def parse_row(line: int, cells: dict[str, Any], known: dict[str, Competency] | None) -> CourseRow:
    code = _check_code(_cell(cells.get("code")), column="code", max_length=MAX_COURSE_CODE)
    provider_code = _check_code(_cell(cells.get("provider_code")), column="provider_code", max_length=MAX_PROVIDER_CODE)
    title_en, title_hi = _cell(cells.get("title_en")), _cell(cells.get("title_hi"))
    if not title_en and not title_hi:
        raise RowRejected(
            "Give a title in English or in Hindi (title_en or title_hi).",
            "अंग्रेज़ी या हिंदी में शीर्षक दें (title_en या title_hi)।",
        )
    if max(len(title_en), len(title_hi)) > MAX_TITLE:
        raise RowRejected(
            f"A title is longer than {MAX_TITLE} characters.", f"एक शीर्षक {MAX_TITLE} अक्षरों से अधिक लंबा है।"
        )
    return CourseRow(
        line=line,
        code=code,
        provider_code=provider_code,
        title_en=title_en,
        title_hi=title_hi,
        summary_en=_cell(cells.get("summary_en")),
        summary_hi=_cell(cells.get("summary_hi")),
        duration_minutes=parse_duration(cells.get("duration_minutes")),
        languages=parse_languages(cells.get("language")),
        level=parse_level(cells.get("level")),
        tags=split_tags(cells.get("tags")),
        competencies=parse_competencies(cells.get("competencies"), known),
    )


# --- who may load what ----------------------------------------------------------------


def publisher_orgs(user: User | None) -> list[Organisation]:
    return role_orgs(user, (Role.PUBLISHER, Role.STATE_ADMIN)) if user is not None else []


def may_import(user: Any) -> bool:
    """Publishers and state admins load catalogues (for the providers they publish for)."""
    return bool(getattr(user, "is_authenticated", False) and publisher_orgs(user))


def may_create_providers(user: User | None) -> bool:
    """Providers are the state admins' to make; the command line (no user) may too."""
    return user is None or bool(role_orgs(user, (Role.STATE_ADMIN,)))


def publishes_for(user: User | None, provider: Provider) -> bool:
    """The rule of the studio (kshamta.catalog.access): a publisher acts for providers of their
    subtree; a provider with no organisation belongs to the whole platform, so only roles held at a
    top organisation act for it. The command line without --as (no user) acts for every provider."""
    if user is None:
        return True
    orgs = publisher_orgs(user)
    if provider.org is None:
        return any(org.depth == 0 for org in orgs)
    return any(org.contains(provider.org) for org in orgs)


# --- applying rows ------------------------------------------------------------------------


def _same_as_published(course: Course, row: CourseRow) -> bool:
    version = course.published_version
    assert version is not None
    current: dict[str, Any] = {
        "title_en": version.title_en,
        "title_hi": version.title_hi,
        "summary_en": version.summary_en,
        "summary_hi": version.summary_hi,
        "duration_minutes": version.duration_minutes,
        "languages": ",".join(code for code in ("hi", "en") if code in version.languages.split(",")),
        "tags": version.tag_list(),
        "competencies": {link.competency_id: link.level for link in version.competencies.all()},
    }
    wanted: dict[str, Any] = {
        "title_en": row.title_en,
        "title_hi": row.title_hi,
        "summary_en": row.summary_en,
        "summary_hi": row.summary_hi,
        "duration_minutes": row.duration_minutes,
        "languages": row.languages,
        "tags": row.tags,
        "competencies": {competency.pk: level for competency, level in row.competencies.items()},
    }
    if row.level:
        current["level"], wanted["level"] = version.level, row.level
    return current == wanted


class CatalogueImporter:
    """Check and apply the rows of one catalogue file."""

    def __init__(self, *, acting_user: User | None, create_providers: bool = False):
        self.user = acting_user
        self.create_providers = create_providers
        self.providers: dict[str, Provider] = {}
        self.seen_codes: dict[str, int] = {}
        framework = Framework.objects.filter(is_active=True).first()
        self.known: dict[str, Competency] | None = (
            {c.code.casefold(): c for c in framework.competencies.all()} if framework is not None else None
        )

    def run(self, table: Table, progress: Callable[[ImportSummary], None] | None = None) -> ImportSummary:
        summary = ImportSummary()
        width = len(table.keys)
        for line, raw in table.rows:
            raw = [*raw, *[""] * (width - len(raw))]
            cells = {key: raw[i] for i, key in enumerate(table.keys) if key}
            summary.rows += 1
            code_cell = _cell(cells.get("code"))
            try:
                outcome = self.apply(line, cells)
            except RowRejected as exc:
                summary.rejected += 1
                summary.errors.append(RowError(row=line, code=code_cell, reason_en=exc.en, reason_hi=exc.hi))
            else:
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            if progress is not None and summary.rows % 100 == 0:
                progress(summary)
        if summary.rows == 0:
            raise _no_rows_error()
        return summary

    def apply(self, line: int, cells: dict[str, Any]) -> str:
        row = parse_row(line, cells, self.known)
        if row.code in self.seen_codes:
            first = self.seen_codes[row.code]
            raise RowRejected(
                f"Course {row.code} appears already on row {first} of this file.",
                f"पाठ्यक्रम {row.code} इस फ़ाइल की पंक्ति {first} में पहले ही आ चुका है।",
            )
        self.seen_codes[row.code] = line
        known_providers = set(self.providers)
        try:
            with transaction.atomic():
                return self._write(row)
        except (RowRejected, actions.CatalogError, DatabaseError) as exc:
            # A provider created for this row was rolled back with it.
            for code in set(self.providers) - known_providers:
                del self.providers[code]
            if isinstance(exc, RowRejected):
                raise
            if isinstance(exc, actions.CatalogError):
                # The catalogue's own rules refused the change (its message is in the active language).
                raise RowRejected(
                    f"Course {row.code} was not changed: {exc.message}",
                    f"पाठ्यक्रम {row.code} नहीं बदला गया: {exc.message}",
                ) from exc
            logger.exception("catalogue row %s (%s) could not be saved", line, row.code)
            raise RowRejected(
                f"Course {row.code} could not be saved; try this row again.",
                f"पाठ्यक्रम {row.code} सहेजा नहीं जा सका; इस पंक्ति को फिर से आज़माएँ।",
            ) from exc

    def provider(self, code: str) -> Provider:
        if code in self.providers:
            return self.providers[code]
        provider = Provider.objects.select_related("org").filter(code=code).first()
        if provider is None:
            if not self.create_providers:
                raise RowRejected(
                    f"Unknown provider code {code}. Tick 'create providers' (or use --create-providers) to create it.",
                    f"अज्ञात प्रदाता कोड {code}। इसे बनाने के लिए 'प्रदाता बनाएँ' चुनें (या --create-providers दें)।",
                )
            if not may_create_providers(self.user):
                raise RowRejected(
                    f"Unknown provider code {code}. Only a state admin can create providers.",
                    f"अज्ञात प्रदाता कोड {code}। प्रदाता केवल राज्य प्रशासक बना सकते हैं।",
                )
            orgs = publisher_orgs(self.user)
            provider, _created = actions.do_save_provider(
                code=code, name_en=code, org=orgs[0] if orgs else None, acting_user=self.user
            )
        if not publishes_for(self.user, provider):
            raise RowRejected(
                f"You do not publish courses for provider {code}.",
                f"आप प्रदाता {code} के पाठ्यक्रम प्रकाशित नहीं करते।",
            )
        self.providers[code] = provider
        return provider

    def _write(self, row: CourseRow) -> str:
        provider = self.provider(row.provider_code)
        course = (
            Course.objects.select_related("provider", "published_version")
            .prefetch_related("published_version__competencies")
            .filter(code=row.code)
            .first()
        )
        if course is None:
            version = actions.do_create_course(
                code=row.code, provider=provider, acting_user=self.user, **row.version_fields()
            )
            actions.do_set_competencies(version, row.competencies, acting_user=self.user)
            actions.do_publish(version, acting_user=self.user)
            return CREATED
        if course.provider_id != provider.pk:
            raise RowRejected(
                f"Course {row.code} belongs to provider {course.provider.code}, not {provider.code}; "
                "an import does not move a course between providers.",
                f"पाठ्यक्रम {row.code} प्रदाता {course.provider.code} का है, {provider.code} का नहीं; "
                "आयात किसी पाठ्यक्रम का प्रदाता नहीं बदलता।",
            )
        if course.is_retired:
            raise RowRejected(
                f"Course {row.code} is retired; an import does not change it.",
                f"पाठ्यक्रम {row.code} सेवानिवृत्त (बंद) है; आयात इसे नहीं बदलता।",
            )
        if course.published_version is None:
            raise RowRejected(
                f"Course {row.code} is still a draft in the studio; publish it there or use another code.",
                f"पाठ्यक्रम {row.code} अभी स्टूडियो में मसौदा है; उसे वहीं प्रकाशित करें या दूसरा कोड दें।",
            )
        if _same_as_published(course, row):
            return UNCHANGED
        if CourseVersion.objects.filter(course=course, status__in=actions.OPEN_STATUSES).exists():
            raise RowRejected(
                f"A new version of course {row.code} is being edited in the studio; publish or discard it first.",
                f"पाठ्यक्रम {row.code} का नया संस्करण स्टूडियो में संपादित हो रहा है; पहले उसे प्रकाशित करें या हटाएँ।",
            )
        version = actions.do_new_version(course, acting_user=self.user)
        actions.do_update_version(version, acting_user=self.user, **row.version_fields())
        actions.do_set_competencies(version, row.competencies, acting_user=self.user)
        actions.do_publish(version, acting_user=self.user)
        return UPDATED


def import_catalogue(
    source: Any,
    *,
    filename: str = "",
    acting_user: User | None,
    create_providers: bool = False,
    progress: Callable[[ImportSummary], None] | None = None,
) -> ImportSummary:
    """Load a catalogue file (a path or a binary file). A malformed file raises SpreadsheetError
    before anything is written."""
    importer = CatalogueImporter(acting_user=acting_user, create_providers=create_providers)
    with open_table(source, filename=filename) as table:
        return importer.run(table, progress)


# --- the upload page's background job ------------------------------------------------------

UPLOAD_DIR = "catalog-imports"
ERRORS_KEPT = 1000


class ImportState:
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


def _status_name(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}/status.json"


def _write_status(token: str, status: dict[str, Any]) -> None:
    name = _status_name(token)
    status["updated_at"] = timezone.now().isoformat()
    # Storage.save never overwrites (it picks a new name), so replace the record explicitly.
    default_storage.delete(name)
    default_storage.save(name, ContentFile(json.dumps(status, ensure_ascii=False).encode()))


def read_status(token: str) -> dict[str, Any] | None:
    """The progress record of an upload, or None if there is no such upload."""
    if not re.fullmatch(r"[0-9a-f]{32}", token):
        return None
    for _attempt in range(2):  # a reader may land between the delete and the save of an update
        try:
            with default_storage.open(_status_name(token), "rb") as handle:
                return dict(json.loads(handle.read().decode()))
        except (FileNotFoundError, ValueError):
            continue
    return None


def start_upload_import(upload: Any, *, acting_user: User, create_providers: bool) -> str:
    """Store an uploaded catalogue and its progress record; the caller queues the job. Returns its token."""
    token = uuid.uuid4().hex
    suffix = ".xlsx" if (upload.name or "").lower().endswith(".xlsx") else ".csv"
    upload.seek(0)
    stored = default_storage.save(f"{UPLOAD_DIR}/{token}/upload{suffix}", upload)
    _write_status(
        token,
        {
            "state": ImportState.QUEUED,
            "owner": acting_user.pk,
            "filename": Path(upload.name or "").name[:200],
            "stored": stored,
            "create_providers": bool(create_providers),
            "created_at": timezone.now().isoformat(),
            "counts": ImportSummary().counts(),
            "errors": [],
        },
    )
    return token


def run_stored_import(token: str) -> dict[str, Any]:
    """Run an uploaded catalogue import (the background job); returns its final record."""
    status = read_status(token)
    if status is None or status["state"] not in (ImportState.QUEUED, ImportState.RUNNING):
        return status or {}
    user = User.objects.filter(pk=status["owner"], is_active=True).first()
    status["state"] = ImportState.RUNNING
    _write_status(token, status)

    def progress(summary: ImportSummary) -> None:
        status["counts"] = summary.counts()
        _write_status(token, status)

    try:
        if user is None or not may_import(user):
            raise SpreadsheetError("You may no longer import courses.", "अब आपको पाठ्यक्रम आयात करने की अनुमति नहीं है।")
        with default_storage.open(status["stored"], "rb") as handle:
            summary = import_catalogue(
                getattr(handle, "file", handle),
                filename=status["stored"],
                acting_user=user,
                create_providers=status["create_providers"] and may_create_providers(user),
                progress=progress,
            )
    except SpreadsheetError as exc:
        status.update(state=ImportState.FAILED, message_en=exc.en, message_hi=exc.hi)
    except Exception:
        logger.exception("catalogue import %s failed", token)
        status.update(
            state=ImportState.FAILED,
            message_en="The import stopped because of an internal error. Rows already loaded stay loaded; "
            "upload the file again to finish (loaded rows will show as unchanged).",
            message_hi="आंतरिक त्रुटि के कारण आयात रुक गया। जो पंक्तियाँ लोड हो चुकी हैं वे बनी रहेंगी; पूरा करने के लिए "
            "फ़ाइल फिर से अपलोड करें (लोड हो चुकी पंक्तियाँ 'अपरिवर्तित' दिखेंगी)।",
        )
    else:
        status.update(
            state=ImportState.DONE,
            counts=summary.counts(),
            errors=[asdict(error) for error in summary.errors[:ERRORS_KEPT]],
        )
    finally:
        default_storage.delete(status["stored"])
    status["finished_at"] = timezone.now().isoformat()
    _write_status(token, status)
    return status
