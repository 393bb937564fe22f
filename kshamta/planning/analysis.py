"""The training-needs analysis: from a department's organogram and documents to a draft plan.

``build_draft`` only reads the database; it returns a ``Draft`` that ``save_draft`` writes
into a plan (the background job) or that ``draft_cbp`` prints (nothing saved). Steps:

1. **Designations.** Each organogram row is matched to a designation usable in the
   department, by code or by English or Hindi name. Rows that match nothing are problems,
   listed with their line; they are never dropped in silence. People: active profiles in the
   department's subtree holding the designation.
2. **Statements.** Each document is cut into statements attributed to a designation, a wing
   or the whole department (``extract``), and every distinct statement is mapped to
   competencies (``matching.suggest_competencies``, in batches).
3. **Competencies per designation.** A statement's match adds ``score * weight`` to the
   competency's evidence strength, the weight saying how directly the statement is about
   the designation: its own duty (1.0), its wing's (0.7), the department's work allocation
   in general (0.4), the annual report's or the acts' (0.3). A designation needs a
   competency when its own and its wing's evidence reaches ``MIN_STRENGTH``; department-wide
   evidence then adds to it. Officers (groups A and B) also get the department's strongest
   themes (a scheme or act named in several statements is the officers' business). The
   designation's FRAC profile adds its competencies whatever the documents say.
4. **Level.** From the profile when it names the competency; else from the group (A 4, B 3,
   C 2, D 1), one higher when many statements of the designation's own work need it.
5. **Gap.** People of the designation certified (valid certificates) at the level or above
   are holders; the gap is people - holders.
6. **Courses.** For a competency with a gap (or a designation nobody holds yet), the best
   courses (``matching.rank_courses``, with the statements as context), each with its
   reasons; the best-ranked one of at most 40 hours is proposed (accepted), the others
   suggested.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from kshamta.accounts.access import designations_in_department
from kshamta.accounts.models import Profile
from kshamta.catalog.models import Course
from kshamta.certificates.models import Certificate
from kshamta.competencies.access import active_framework
from kshamta.competencies.models import Competency, Framework
from kshamta.orgs.models import Designation, Organisation
from kshamta.planning.extract import Extracted, Lexicon, extract_statements
from kshamta.planning.ingest import OrganogramRow
from kshamta.planning.models import IN_PLAN, PlanCourse, PlanDocument
from kshamta.planning.totals import DesignationFigures, Totals, compute_totals

Progress = Callable[[str, int, int], None]

WEIGHT_DIRECT = 1.0
WEIGHT_WING = 0.7
WEIGHT_DEPARTMENT_DUTY = 0.4
WEIGHT_DEPARTMENT_REPORT = 0.3
# Matches kept per statement, and how far below the best match one may be and still count.
MATCHES_PER_STATEMENT = 3
MATCH_MARGIN = 0.05
MIN_MATCH_SCORE = 0.35
MIN_STRENGTH = 0.5
OFFICER_THEMES = 3
OFFICER_THEME_MIN_STATEMENTS = 3
MAX_COMPETENCIES = 10
EVIDENCE_KEPT = 12
CONTEXT_SENTENCES = 3
COURSES_PER_COMPETENCY = 5
# The best-ranked course of at most a working week is proposed; longer programmes (up to 90 days)
# stay suggestions for the author to choose.
PROPOSE_MAX_MINUTES = 40 * 60
MATCH_BATCH = 64
LEVEL_BY_GROUP = {"A": 4, "B": 3, "C": 2, "D": 1}
DEFAULT_LEVEL = 2
BUMP_AT_STATEMENTS = 4


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- what goes in ----------------------------------------------------------------------------


@dataclass
class SourceDocument:
    """A document's text as the analysis reads it (a saved PlanDocument or a file on disk)."""

    name: str
    kind: str
    pages: list[dict]
    wrapped: bool = True  # lines wrap inside paragraphs (PDF, TXT); not for DOCX
    key: int | None = None  # the PlanDocument's id, when there is one


def wrapped_lines(filename: str) -> bool:
    return not filename.lower().endswith(".docx")


# --- what comes out --------------------------------------------------------------------------


@dataclass
class DraftCourse:
    course: Course
    score: float
    reasons: list[str]
    status: str = PlanCourse.Status.SUGGESTED


@dataclass
class DraftCompetency:
    competency: Competency
    level: int
    proposed_level: int
    score: float
    evidence: list[int]  # indices into Draft.statements, strongest first
    evidence_count: int
    from_profile: bool = False
    holders: int = 0
    courses: list[DraftCourse] = field(default_factory=list)


@dataclass
class DraftDesignation:
    designation: Designation
    name_as_written: str
    group: str
    sanctioned_posts: int
    reports_to: str
    wing: str
    position: int
    people: int = 0
    competencies: list[DraftCompetency] = field(default_factory=list)


@dataclass
class DraftStatement:
    extracted: Extracted
    document: SourceDocument
    matches: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Draft:
    org: Organisation
    framework: Framework | None
    designations: list[DraftDesignation]
    statements: list[DraftStatement]
    problems: list[dict]
    people_in_org: int = 0

    def totals(self) -> Totals:
        figures = [
            DesignationFigures(
                people=d.people,
                courses={
                    c.course.pk: c.course.duration_minutes
                    for pc in d.competencies
                    for c in pc.courses
                    if c.status in IN_PLAN
                },
                competencies=len(d.competencies),
            )
            for d in self.designations
        ]
        return compute_totals(figures, self.people_in_org)

    def as_json(self) -> dict[str, Any]:
        """The draft as ``manage.py draft_cbp --json`` prints it."""
        return {
            "org": self.org.code,
            "framework": self.framework.code if self.framework else None,
            "designations": [
                {
                    "code": d.designation.code,
                    "name_en": d.designation.name_en,
                    "name_hi": d.designation.name_hi,
                    "group": d.group,
                    "wing": d.wing,
                    "sanctioned_posts": d.sanctioned_posts,
                    "people": d.people,
                    "competencies": [
                        {
                            "code": pc.competency.code,
                            "level": pc.level,
                            "score": round(pc.score, 3),
                            "from_profile": pc.from_profile,
                            "holders": pc.holders,
                            "gap": max(0, d.people - pc.holders),
                            "evidence_count": pc.evidence_count,
                            "evidence": [self.evidence_json(i) for i in pc.evidence],
                            "courses": [
                                {
                                    "code": c.course.code,
                                    "score": round(c.score, 3),
                                    "status": c.status,
                                    "reasons": [str(r) for r in c.reasons],
                                }
                                for c in pc.courses
                            ],
                        }
                        for pc in d.competencies
                    ],
                }
                for d in self.designations
            ],
            "problems": [
                {"line": p.get("line"), "value": p.get("value", ""), "message": p["en"]} for p in self.problems
            ],
            "totals": self.totals().as_json(),
        }

    def evidence_json(self, index: int) -> dict[str, Any]:
        statement = self.statements[index]
        return {
            "document": statement.document.name,
            "kind": statement.extracted.kind,
            "page": statement.extracted.page,
            "sentence": statement.extracted.text,
        }


# --- 1. designations -------------------------------------------------------------------------


def _problem(line: int, value: str, en: str, hi: str) -> dict:
    return {"line": line, "value": value, "en": en, "hi": hi}


def resolve_designations(
    org: Organisation, rows: Iterable[OrganogramRow]
) -> tuple[list[tuple[OrganogramRow, Designation]], list[dict]]:
    """Each row with its designation, found by code or English or Hindi name among those usable
    in ``org``; and the problems: designations nobody knows, and designations listed twice (their
    sanctioned posts are added to the first row's)."""
    by_key: dict[str, Designation] = {}
    candidates = list(designations_in_department(org).select_related("org"))
    for designation in candidates:
        if designation.name_hi:
            by_key.setdefault(_nfc(designation.name_hi), designation)
        by_key.setdefault(designation.name_en.lower(), designation)
    for designation in candidates:
        by_key[designation.code.upper()] = designation
    matched: list[tuple[OrganogramRow, Designation]] = []
    seen: dict[int, OrganogramRow] = {}
    problems: list[dict] = []
    for row in rows:
        text = _nfc(row.designation.strip())
        found = by_key.get(text.upper()) or by_key.get(text.lower()) or by_key.get(text)
        if found is None:
            problems.append(
                _problem(
                    row.line,
                    row.designation,
                    f"Unknown designation “{row.designation}”: no designation of this department has that code or "
                    "name. Add it under Designations, or correct the organogram, and upload it again.",
                    f"अज्ञात पदनाम “{row.designation}”: इस विभाग के किसी पदनाम का यह कोड या नाम नहीं है। इसे पदनामों में "
                    "जोड़ें, या संगठन संरचना सुधारकर फिर से अपलोड करें।",
                )
            )
            continue
        designation = found
        first = seen.get(designation.pk)
        if first is not None:
            first.sanctioned_posts += row.sanctioned_posts
            problems.append(
                _problem(
                    row.line,
                    row.designation,
                    f"{designation.name_en} is listed again (first on line {first.line}); its sanctioned posts were "
                    "added together.",
                    f"{designation.name_hi or designation.name_en} दोबारा सूचीबद्ध है (पहले पंक्ति {first.line} पर); इसके "
                    "स्वीकृत पद जोड़ दिए गए।",
                )
            )
            continue
        seen[designation.pk] = row
        matched.append((row, designation))
    return matched, problems


def active_people(org: Organisation) -> Any:
    return Profile.objects.filter(
        org__in=Organisation.objects.filter(org.subtree_q()).values("pk"), status=Profile.Status.ACTIVE
    )


def people_by_designation(org: Organisation, designation_ids: Iterable[int]) -> dict[int, int]:
    rows = (
        active_people(org)
        .filter(designation_id__in=list(designation_ids))
        .values("designation_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["designation_id"]: row["n"] for row in rows}


def certified_levels(org: Organisation, designation_ids: Iterable[int]) -> dict[int, dict[str, list[int]]]:
    """{designation id: {competency code: [each holder's best certified level]}} from the valid
    certificates of the active people of ``org``'s subtree who hold those designations."""
    people = active_people(org).filter(designation_id__in=list(designation_ids))
    designation_of = dict(people.values_list("pk", "designation_id"))
    best: dict[int, dict[str, int]] = defaultdict(dict)
    certificates = Certificate.objects.filter(revoked_at__isnull=True, user_id__in=people.values("pk")).values_list(
        "user_id", "competencies"
    )
    for user_id, competencies in certificates.iterator(chunk_size=2000):
        mine = best[user_id]
        for entry in competencies or []:
            code = str(entry.get("code") or "")
            try:
                level = int(entry.get("level") or 0)
            except (TypeError, ValueError):
                continue
            if code and level > mine.get(code, 0):
                mine[code] = level
    levels: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for user_id, codes in best.items():
        designation_id = designation_of.get(user_id)
        if designation_id is None:
            continue
        for code, level in codes.items():
            levels[designation_id][code].append(level)
    return levels


def holders_at(levels: dict[str, list[int]], code: str, level: int) -> int:
    return sum(1 for held in levels.get(code, ()) if held >= level)


def required_profiles(designations: list[Designation]) -> dict[int, dict[Competency, int]]:
    """The FRAC profiles of the designations (empty when profiles are not available)."""
    try:
        from kshamta.competencies import profiles
    except ImportError:  # pragma: no cover - profiles ship with the competencies app
        return {}
    by_designation = getattr(profiles, "required_competencies_by_designation", None)
    if by_designation is not None:
        return dict(by_designation(designations))
    return {d.pk: dict(profiles.required_competencies(d)) for d in designations}


# --- 2. statements ----------------------------------------------------------------------------


def lexicon_for(designations: list[DraftDesignation]) -> Lexicon:
    entries = []
    for row in designations:
        names = [row.designation.name_en, row.designation.name_hi]
        if row.name_as_written.upper() != row.designation.code:
            names.append(row.name_as_written)
        entries.append((row.designation.code, [n for n in names if n], row.wing))
    return Lexicon.build(entries)


def extract_all(documents: list[SourceDocument], lexicon: Lexicon) -> list[DraftStatement]:
    statements: list[DraftStatement] = []
    for document in documents:
        if document.kind == PlanDocument.Kind.ORGANOGRAM:
            continue
        for extracted in extract_statements(
            document.pages, document_kind=document.kind, lexicon=lexicon, wrapped=document.wrapped
        ):
            statements.append(DraftStatement(extracted=extracted, document=document))
    return statements


def match_statements(
    statements: list[DraftStatement], framework: Framework | None, progress: Progress | None = None
) -> dict[str, Competency]:
    """Set each statement's competency matches; returns the competencies seen, by code."""
    from kshamta.planning.matching import suggest_competencies

    distinct: dict[str, list[DraftStatement]] = {}
    for statement in statements:
        distinct.setdefault(statement.extracted.text, []).append(statement)
    texts = list(distinct)
    seen: dict[str, Competency] = {}
    for start in range(0, len(texts), MATCH_BATCH):
        batch = texts[start : start + MATCH_BATCH]
        for text, matches in zip(batch, suggest_competencies(batch, framework=framework, top=5), strict=True):
            kept = _kept_matches(matches)
            for match in matches:
                seen.setdefault(match.code, match.competency)
            for statement in distinct[text]:
                statement.matches = kept
        if progress:
            progress("matching", min(len(texts), start + MATCH_BATCH), len(texts))
    return seen


def _kept_matches(matches: list[Any]) -> list[tuple[str, float]]:
    if not matches:
        return []
    best = float(matches[0].score)
    return [
        (m.code, float(m.score))
        for m in matches[:MATCHES_PER_STATEMENT]
        if float(m.score) >= MIN_MATCH_SCORE and float(m.score) >= best - MATCH_MARGIN
    ]


# --- 3. to 5. competencies, levels, gaps -------------------------------------------------------------


@dataclass
class _Evidence:
    strength: float = 0.0
    own: float = 0.0  # from the designation's own and its wing's statements
    own_statements: int = 0
    statements: dict[int, float] = field(default_factory=dict)  # index → weighted score

    def add(self, index: int, weighted: float, *, own: bool) -> None:
        if weighted <= self.statements.get(index, 0.0):
            return
        previous = self.statements.get(index, 0.0)
        self.statements[index] = weighted
        self.strength += weighted - previous
        if own:
            self.own += weighted - previous
            if previous == 0.0:
                self.own_statements += 1


def _department_weight(statement: DraftStatement) -> float:
    return (
        WEIGHT_DEPARTMENT_DUTY
        if statement.document.kind == PlanDocument.Kind.WORK_ALLOCATION
        else WEIGHT_DEPARTMENT_REPORT
    )


def gather_evidence(
    designations: list[DraftDesignation], statements: list[DraftStatement]
) -> tuple[dict[str, dict[str, _Evidence]], dict[str, _Evidence]]:
    """Evidence per designation code and competency code (own and wing statements), and the
    department-wide evidence per competency code (shared by every designation)."""
    own: dict[str, dict[str, _Evidence]] = defaultdict(lambda: defaultdict(_Evidence))
    by_wing: dict[str, list[str]] = defaultdict(list)
    for row in designations:
        if row.wing:
            by_wing[row.wing].append(row.designation.code)
    department: dict[str, _Evidence] = defaultdict(_Evidence)
    for index, statement in enumerate(statements):
        extracted = statement.extracted
        for code, score in statement.matches:
            if extracted.designation:
                own[extracted.designation][code].add(index, score * WEIGHT_DIRECT, own=True)
            elif extracted.wing and by_wing.get(extracted.wing):
                for designation_code in by_wing[extracted.wing]:
                    own[designation_code][code].add(index, score * WEIGHT_WING, own=True)
            else:
                department[code].add(index, score * _department_weight(statement), own=False)
    return own, department


def proposed_level(group: str, own_statements: int) -> int:
    level = LEVEL_BY_GROUP.get(group, DEFAULT_LEVEL)
    if own_statements >= BUMP_AT_STATEMENTS:
        level += 1
    return max(1, min(5, level))


def choose_competencies(
    row: DraftDesignation,
    own: dict[str, _Evidence],
    department: dict[str, _Evidence],
    profile: dict[Competency, int],
    competencies: dict[str, Competency],
) -> list[DraftCompetency]:
    chosen: dict[str, _Evidence] = {}
    for code, evidence in own.items():
        if evidence.own >= MIN_STRENGTH:
            chosen[code] = evidence
    if row.group in ("A", "B"):
        themes = sorted(
            (
                (code, evidence)
                for code, evidence in department.items()
                if len(evidence.statements) >= OFFICER_THEME_MIN_STATEMENTS
            ),
            key=lambda item: -item[1].strength,
        )
        for code, _evidence in themes[:OFFICER_THEMES]:
            chosen.setdefault(code, _Evidence())
    profile_by_code = {c.code: (c, level) for c, level in profile.items()}
    merged: list[tuple[str, _Evidence]] = []
    for code in set(chosen) | set(profile_by_code):
        evidence = _Evidence()
        for source, is_own in ((own.get(code), True), (department.get(code), False)):
            if source is None:
                continue
            for index, weighted in source.statements.items():
                evidence.add(index, weighted, own=is_own)
        merged.append((code, evidence))
    merged.sort(key=lambda item: (item[0] not in profile_by_code, -item[1].strength, item[0]))
    result: list[DraftCompetency] = []
    for code, evidence in merged[: max(MAX_COMPETENCIES, len(profile_by_code))]:
        competency, profile_level = profile_by_code.get(code, (competencies.get(code), 0))
        if competency is None:
            continue
        proposed = proposed_level(row.group, evidence.own_statements)
        ranked = sorted(evidence.statements.items(), key=lambda item: -item[1])
        result.append(
            DraftCompetency(
                competency=competency,
                level=profile_level or proposed,
                proposed_level=profile_level or proposed,
                score=evidence.strength,
                evidence=[index for index, _w in ranked[:EVIDENCE_KEPT]],
                evidence_count=len(ranked),
                from_profile=bool(profile_level),
            )
        )
    return result


# --- 6. courses --------------------------------------------------------------------------------


def recommend(draft: Draft, language: str, progress: Progress | None = None, top: int = COURSES_PER_COMPETENCY) -> None:
    """Ranked courses for every competency with a gap; the best-ranked one of at most 40 hours is
    proposed for the plan."""
    from kshamta.planning.matching import rank_courses

    wanted = [
        (row, pc) for row in draft.designations for pc in row.competencies if row.people == 0 or pc.holders < row.people
    ]
    cache: dict[tuple[int, int, tuple[str, ...]], list[Any]] = {}
    for done, (_row, pc) in enumerate(wanted, start=1):
        texts = tuple(draft.statements[i].extracted.text for i in pc.evidence[:CONTEXT_SENTENCES])
        key = (pc.competency.pk, pc.level, texts)
        if key not in cache:
            cache[key] = list(
                rank_courses(competency=pc.competency, level=pc.level, texts=texts, language=language, top=top)
            )
        matches = cache[key]
        proposed = next(
            (m for m in matches if m.course.duration_minutes <= PROPOSE_MAX_MINUTES), matches[0] if matches else None
        )
        pc.courses = [
            DraftCourse(
                course=match.course,
                score=float(match.score),
                reasons=[str(r) for r in match.reasons],
                status=PlanCourse.Status.ACCEPTED if match is proposed else PlanCourse.Status.SUGGESTED,
            )
            for match in matches
        ]
        if progress and (done % 20 == 0 or done == len(wanted)):
            progress("recommending", done, len(wanted))


# --- the whole analysis -----------------------------------------------------------------------------


def build_draft(
    *,
    org: Organisation,
    organogram: list[OrganogramRow],
    documents: list[SourceDocument],
    framework: Framework | None = None,
    language: str = "hi",
    progress: Progress | None = None,
    organogram_problems: list[dict] | None = None,
) -> Draft:
    """The draft plan for ``org`` from its organogram rows and documents (reads only)."""
    framework = framework or active_framework()
    matched, problems = resolve_designations(org, organogram)
    designations = [
        DraftDesignation(
            designation=designation,
            name_as_written=row.designation,
            group=row.group or designation.group,
            sanctioned_posts=row.sanctioned_posts,
            reports_to=row.reports_to,
            wing=row.wing,
            position=position,
        )
        for position, (row, designation) in enumerate(matched, start=1)
    ]
    ids = [d.designation.pk for d in designations]
    people = people_by_designation(org, ids)
    for row in designations:
        row.people = people.get(row.designation.pk, 0)
    draft = Draft(
        org=org,
        framework=framework,
        designations=designations,
        statements=[],
        problems=[*(organogram_problems or []), *problems],
        people_in_org=active_people(org).count(),
    )
    if progress:
        progress("reading", 0, len(documents))
    draft.statements = extract_all(documents, lexicon_for(designations))
    competencies = match_statements(draft.statements, framework, progress)
    own, department = gather_evidence(designations, draft.statements)
    profiles = required_profiles([d.designation for d in designations])
    if progress:
        progress("gaps", 0, len(designations))
    levels = certified_levels(org, ids)
    for row in designations:
        row.competencies = choose_competencies(
            row, own.get(row.designation.code, {}), department, profiles.get(row.designation.pk, {}), competencies
        )
        held = levels.get(row.designation.pk, {})
        for pc in row.competencies:
            pc.holders = holders_at(held, pc.competency.code, pc.level)
    recommend(draft, language, progress)
    return draft
