"""Generate a realistic state: organisation tree, designations, sanctioned strength, people.

For demos, benchmarks and load tests. The tree (a few thousand organisations) and the
designations go through the ordinary actions, so they are audited like any other
write. People are bulk-inserted in chunks (lakhs of them in minutes), with one summary
audit event for the whole generation instead of one per person.

The same ``seed`` on an empty database gives the same state (names, codes, e-mail
addresses, mobiles, tree); dates are relative to the day of generation.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from kshamta.accounts.models import Posting, Profile, RoleAssignment, User
from kshamta.core import audit
from kshamta.core.text import indian_number
from kshamta.orgs import actions as org_actions
from kshamta.orgs import state_data as data
from kshamta.orgs.models import Designation, Organisation, SanctionedStrength

Progress = Callable[[str], None]

# People per field office when the state is too small to staff every district.
OFFICE_MEAN = 25
# A department keeps at least this many people at headquarters (up to a quarter of it),
# so a small demo state still has secretariat and directorate staff.
HQ_MINIMUM = 40
# Divisional offices are opened only when a department has this many field offices.
DIVISIONAL_FROM = 20
HEAD_FILLED = 0.9  # share of head-of-office posts that are filled
EMPLOYEE_CODE_START = 10_000_001
COMMUNITIES = ("hindu", "tribal", "muslim", "christian", "sikh")
COMMUNITY_WEIGHTS = (0.77, 0.13, 0.07, 0.015, 0.015)
CATEGORIES = ("GEN", "OBC", "SC", "ST", "EWS")
CATEGORY_WEIGHTS = (0.30, 0.45, 0.17, 0.03, 0.05)
STATUSES = ("active", "transferred", "suspended", "retired")
STATUS_WEIGHTS = (0.965, 0.015, 0.005, 0.015)


def _picker(values: Sequence[str], weights: Sequence[float]) -> Callable[[random.Random], str]:
    """A weighted choice without ``random.choices``' per-call set-up (it runs lakhs of times)."""
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    return lambda rng: values[bisect.bisect(cumulative, rng.random() * total)]


pick_community = _picker(COMMUNITIES, COMMUNITY_WEIGHTS)
pick_category = _picker(CATEGORIES, CATEGORY_WEIGHTS)
pick_status = _picker(STATUSES, STATUS_WEIGHTS)


class GenerationError(Exception):
    """The state cannot be generated as asked; the message says why."""


@dataclass
class GenerationResult:
    employees: int = 0
    departments: int = 0
    organisations: int = 0  # created by this run
    designations: int = 0  # created by this run
    sanctioned_rows: int = 0
    sanctioned_posts: int = 0  # added by this run
    activated: int = 0
    seed: int = 0
    database: str = ""
    seconds: float = 0.0
    seconds_tree: float = 0.0
    seconds_people: float = 0.0
    root_id: int = 0

    @property
    def coverage(self) -> float:
        return round(self.employees / self.sanctioned_posts, 4) if self.sanctioned_posts else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "coverage": self.coverage}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def state_root() -> Organisation | None:
    return Organisation.objects.filter(parent__isnull=True).order_by("pk").first()


# --- Planning: which offices, which posts, how many people -------------------------------


@dataclass
class Cell:
    """People and sanctioned posts of one designation at one organisation."""

    org_code: str
    designation_code: str
    people: int
    sanctioned: int
    female: float


@dataclass
class OrgPlan:
    code: str
    kind: str
    name_en: str
    name_hi: str
    parent_code: str


@dataclass
class Plan:
    orgs: list[OrgPlan] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)


def _apportion(total: int, weights: Sequence[float], rng: random.Random) -> tuple[list[int], list[float]]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder)."""
    s = sum(weights)
    if total <= 0 or s <= 0:
        return [0] * len(weights), [0.0] * len(weights)
    exact = [total * w / s for w in weights]
    counts = [int(x) for x in exact]
    short = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - counts[i], rng.random()), reverse=True)
    for i in order[:short]:
        counts[i] += 1
    return counts, exact


def _department_targets(departments: Sequence[data.Department], employees: int, flatten: float) -> list[int]:
    weights = [d.size**flatten for d in departments]
    counts, _ = _apportion(employees, weights, random.Random(0))
    return counts


def _posts_by_code(department: data.Department) -> dict[str, data.Post]:
    return {**{p.code: p for p in data.COMMON_POSTS}, **{p.code: p for p in department.posts}}


def _choose_districts(department: data.Department, wanted: int, rng: random.Random) -> list[data.District]:
    hqs = [d for d in data.DISTRICTS if d.division_hq]
    if department.divisions_only:
        pool = hqs
    else:
        rest = sorted((d for d in data.DISTRICTS if not d.division_hq), key=lambda d: -d.size * rng.uniform(0.7, 1.3))
        pool = hqs + rest
    cap = len(pool) if not department.max_offices else min(department.max_offices, len(pool))
    return pool[: max(1, min(wanted, cap))]


def plan_state(
    *, employees: int, departments: Sequence[data.Department], rng: random.Random, flatten: float = 1.0
) -> Plan:
    """Decide the tree and, per organisation and designation, people and sanctioned posts."""
    plan = Plan()
    root = data.STATE_CODE
    targets = _department_targets(departments, employees, flatten)
    for department, target in zip(departments, targets, strict=True):
        _plan_department(plan, root, department, target, rng)
    return plan


def _plan_department(plan: Plan, root: str, dep: data.Department, target: int, rng: random.Random) -> None:
    posts = _posts_by_code(dep)
    dep_code = f"{root}-{dep.code}"
    plan.orgs.append(OrgPlan(dep_code, "department", dep.en, dep.hi, root))
    # Headquarters: a fixed reference size, a larger share in a small state.
    hq_reference = 50 + 60 * len(dep.units)
    hq_share = max(hq_reference / dep.size, min(0.25, HQ_MINIMUM / max(target, 1)))
    hq_people = round(target * hq_share)
    field_people = target - hq_people
    districts = _choose_districts(dep, max(1, round(field_people / OFFICE_MEAN)), rng)
    with_divisions = len(districts) >= DIVISIONAL_FROM
    # Coverage varies by department (some have recruited, some have not) and by post.
    coverage = rng.uniform(0.80, 0.95)

    hq_slots: list[tuple[str, str, float]] = []  # (org code, designation, weight); weight 0 = head
    hq_slots += [(dep_code, c, w) for c, w in data.SECRETARIAT_STAFF]
    for unit in dep.units:
        unit_code = f"{dep_code}-{unit.suffix}"
        plan.orgs.append(OrgPlan(unit_code, unit.kind, unit.en, unit.hi, dep_code))
        hq_slots += [(unit_code, c, w) for c, w in data.DIRECTORATE_STAFF]
        hq_slots += [(unit_code, p.code, p.weight) for p in dep.posts if p.at in {"hq", unit.suffix} and p.weight]
        if unit.divisional and with_divisions:
            for district in (d for d in data.DISTRICTS if d.division_hq):
                office = f"{unit_code}-{district.code}"
                plan.orgs.append(
                    OrgPlan(
                        office,
                        "division",
                        f"{unit.en}, Divisional Office {district.en}",
                        f"{unit.hi}, संभागीय कार्यालय {district.hi}",
                        unit_code,
                    )
                )
                hq_slots += [(office, c, w) for c, w in data.DIVISIONAL_STAFF]

    field_weights = [(p.code, p.weight) for p in dep.posts if p.at == "field" and p.weight]
    field_weights += list(dep.uses) + list(data.FIELD_STAFF)
    field_slots: list[tuple[str, str, float]] = []
    for district in districts:
        office = f"{dep_code}-{district.code}"
        plan.orgs.append(
            OrgPlan(
                office,
                dep.office_kind,
                dep.office_en.format(district=district.en),
                dep.office_hi.format(district=district.hi),
                dep_code,
            )
        )
        field_slots.append((office, dep.head, 0.0))
        size = district.size * rng.uniform(0.85, 1.15)
        field_slots += [(office, c, w * size) for c, w in field_weights]

    for slots, people in ((hq_slots, hq_people), (field_slots, field_people)):
        _fill(plan, slots, people, posts, coverage, rng)


def _fill(
    plan: Plan,
    slots: list[tuple[str, str, float]],
    people: int,
    posts: dict[str, data.Post],
    coverage: float,
    rng: random.Random,
) -> None:
    budget = people
    for org_code, code, weight in slots:
        if weight == 0:  # a head of office: one post, usually filled
            filled = 1 if budget > 0 and rng.random() < HEAD_FILLED else 0
            budget -= filled
            plan.cells.append(Cell(org_code, code, filled, 1, posts[code].female))
    weighted = [s for s in slots if s[2] > 0]
    counts, exact = _apportion(budget, [w for _, _, w in weighted], rng)
    for (org_code, code, _), count, expected in zip(weighted, counts, exact, strict=True):
        cell_coverage = min(1.0, max(0.6, rng.gauss(coverage, 0.05)))
        sanctioned = max(count, round(expected / cell_coverage))
        if sanctioned:
            plan.cells.append(Cell(org_code, code, count, sanctioned, posts[code].female))


# --- People ---------------------------------------------------------------------------


def _ascii(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())


class PersonFactory:
    """Makes one person's fields at a time; unique codes, e-mails and mobiles across the run."""

    def __init__(
        self,
        rng: random.Random,
        *,
        count: int,
        taken_codes: set[str],
        taken_emails: set[str],
        taken_mobiles: set[str],
        activated: float,
        now: datetime.datetime,
    ):
        self.rng = rng
        self.taken_codes = taken_codes
        self.taken_emails = taken_emails
        self.email_counters: dict[str, int] = {}
        self.activated = activated
        self.now = now
        self.today = timezone.localdate(now)
        self.next_code = EMPLOYEE_CODE_START
        pool = rng.sample(range(6_000_000_000, 10_000_000_000), count + len(taken_mobiles))
        self.mobiles = iter([m for m in map(str, pool) if m not in taken_mobiles][:count])
        self.names = {
            ("hindu", "M"): data.MALE_FIRST,
            ("hindu", "F"): data.FEMALE_FIRST,
            ("tribal", "M"): data.MALE_FIRST,
            ("tribal", "F"): data.FEMALE_FIRST,
            ("muslim", "M"): data.MUSLIM_MALE_FIRST,
            ("muslim", "F"): data.MUSLIM_FEMALE_FIRST,
            ("christian", "M"): data.CHRISTIAN_MALE_FIRST,
            ("christian", "F"): data.CHRISTIAN_FEMALE_FIRST,
            ("sikh", "M"): data.SIKH_MALE_FIRST,
            ("sikh", "F"): data.SIKH_FEMALE_FIRST,
        }
        self.surnames = {
            "hindu": data.SURNAMES,
            "tribal": data.TRIBAL_SURNAMES,
            "muslim": data.MUSLIM_SURNAMES,
            "christian": data.CHRISTIAN_SURNAMES,
            "sikh": data.SIKH_SURNAMES,
        }

    def employee_code(self) -> str:
        while True:
            code = f"{data.STATE_CODE}{self.next_code:08d}"
            self.next_code += 1
            if code not in self.taken_codes:
                return code

    def name(self, gender: str) -> tuple[str, str, str, str, str]:
        """(name_en, name_hi, community, first_en, surname_en)."""
        rng = self.rng
        community = pick_community(rng)
        as_gender = gender if gender in {"M", "F"} else rng.choice("MF")
        first = rng.choice(self.names[(community, as_gender)])
        parts = [first]
        if community in {"hindu", "tribal"}:
            middle_pool = data.MALE_MIDDLE if as_gender == "M" else data.FEMALE_MIDDLE
            if rng.random() < (0.2 if as_gender == "M" else 0.08):
                parts.append(rng.choice(middle_pool))
        if community == "sikh":
            surname = ("Singh", "सिंह") if as_gender == "M" else ("Kaur", "कौर")
            if rng.random() < 0.4:
                surname = rng.choice(self.surnames["sikh"])
        else:
            surname = rng.choice(self.surnames[community])
        if surname[0] not in {p[0] for p in parts}:
            parts.append(surname)
        name_en = " ".join(p[0] for p in parts)
        name_hi = nfc(" ".join(p[1] for p in parts))
        return name_en, name_hi, community, first[0], surname[0]

    def email(self, first: str, surname: str, group: str) -> str | None:
        rng = self.rng
        if rng.random() < (0.5 if group == "D" else 0.07):
            return None
        domain = "nic.in" if rng.random() < (0.4 if group == "A" else 0.08) else "mp.gov.in"
        base = f"{_ascii(first)}.{_ascii(surname)}"
        while True:
            n = self.email_counters.get(base, 0) + 1
            self.email_counters[base] = n
            email = f"{base}{n if n > 1 else ''}@{domain}"
            if email not in self.taken_emails:
                self.taken_emails.add(email)
                return email

    def person(self, cell: Cell, designation: Designation, org_id: int) -> tuple[User, Profile, Posting]:
        rng = self.rng
        roll = rng.random()
        gender = "O" if roll < 0.002 else ("F" if roll < 0.002 + cell.female * 0.998 else "M")
        name_en, name_hi, community, first, surname = self.name(gender)
        status = pick_status(rng)
        age_days = rng.randint(22 * 365, 59 * 365) if status != "retired" else rng.randint(60 * 365, 62 * 365)
        dob = self.today - datetime.timedelta(days=age_days)
        earliest_join = max(dob.toordinal() + 21 * 365, self.today.toordinal() - 38 * 365)
        doj = datetime.date.fromordinal(rng.randint(earliest_join, self.today.toordinal() - 30))
        category = "ST" if community == "tribal" and rng.random() < 0.9 else pick_category(rng)
        email = self.email(first, surname, designation.group)
        mobile = next(self.mobiles)
        code = self.employee_code()
        joined = self.now - datetime.timedelta(seconds=rng.randint(0, 240 * 86400))
        first_sign_in: datetime.datetime | None = None
        if rng.random() < self.activated:
            first_sign_in = self.now - datetime.timedelta(seconds=rng.randint(0, 180 * 86400))
            joined = first_sign_in - datetime.timedelta(seconds=rng.randint(3600, 45 * 86400))
        user = User(
            email=email,
            mobile=mobile,
            name_en=name_en,
            name_hi=name_hi,
            preferred_language="hi" if rng.random() < 0.8 else "en",
            # What set_unusable_password stores ("!" + random), without hashing or its slow RNG loop.
            password=f"!{rng.getrandbits(160):040x}",
            date_joined=joined,
            first_sign_in_at=first_sign_in,
        )
        profile = Profile(
            employee_code=code,
            org_id=org_id,
            designation_id=designation.pk,
            group=designation.group,
            date_of_birth=dob,
            date_of_joining=doj,
            gender=gender,
            category=category,
            status=status,
            search_text=Profile.build_search_text(
                employee_code=code, name_en=name_en, name_hi=name_hi, email=email, mobile=mobile
            ),
        )
        posting = Posting(org_id=org_id, designation_id=designation.pk, started_on=doj, reason="joined")
        return user, profile, posting


# --- Writing -----------------------------------------------------------------------------


def _ensure_org(plan: OrgPlan, by_code: dict[str, Organisation], acting_user: Any) -> bool:
    if plan.code in by_code:
        return False
    by_code[plan.code] = org_actions.do_create_org(
        code=plan.code,
        kind=plan.kind,
        name_en=plan.name_en,
        name_hi=nfc(plan.name_hi),
        parent=by_code[plan.parent_code] if plan.parent_code else None,
        acting_user=acting_user,
    )
    return True


def _ensure_designations(
    posts: Iterable[data.Post], org: Organisation, by_code: dict[str, Designation], acting_user: Any
) -> int:
    created = 0
    for post in posts:
        if post.code in by_code:
            continue
        by_code[post.code], _ = org_actions.do_save_designation(
            org=org,
            code=post.code,
            name_en=post.en,
            name_hi=nfc(post.hi),
            group=post.group,
            acting_user=acting_user,
        )
        created += 1
    return created


def _write_sanctioned(
    cells: list[Cell], orgs: dict[str, Organisation], designations: dict[str, Designation]
) -> tuple[int, int]:
    """Add the cells' sanctioned posts to the organisations' rows. Returns (rows touched, posts added)."""
    wanted: dict[tuple[int, int], int] = {}
    for cell in cells:
        key = (orgs[cell.org_code].pk, designations[cell.designation_code].pk)
        wanted[key] = wanted.get(key, 0) + cell.sanctioned
    org_ids = sorted({k[0] for k in wanted})
    existing = {(row.org_id, row.designation_id): row for row in SanctionedStrength.objects.filter(org_id__in=org_ids)}
    new_rows, changed = [], []
    for (org_id, designation_id), sanctioned in wanted.items():
        row = existing.get((org_id, designation_id))
        if row is None:
            new_rows.append(SanctionedStrength(org_id=org_id, designation_id=designation_id, sanctioned=sanctioned))
        else:
            row.sanctioned += sanctioned
            changed.append(row)
    SanctionedStrength.objects.bulk_create(new_rows, batch_size=2000)
    SanctionedStrength.objects.bulk_update(changed, ["sanctioned"], batch_size=2000)
    return len(new_rows) + len(changed), sum(wanted.values())


def generate_state(
    *,
    employees: int,
    departments: int = 40,
    seed: int = 1,
    activated: float = 0.7,
    flatten: float = 1.0,
    append: bool = False,
    acting_user: Any = None,
    reserved_identities: Iterable[str] = (),
    chunk_size: int = 10_000,
    batch_size: int = 2_000,
    progress: Progress | None = None,
) -> GenerationResult:
    """Create (or, with ``append``, add to) the state and ``employees`` people in it.

    ``flatten`` < 1 evens out department sizes (a demo wants a few people in every
    department more than it wants School Education to be 40 % of the state).
    ``reserved_identities`` are e-mails or mobiles the generated people must not take.
    """
    say = progress or (lambda _message: None)
    started = time.monotonic()
    if employees < 0:
        raise GenerationError("The number of employees cannot be negative.")
    if not 1 <= departments <= len(data.DEPARTMENTS):
        raise GenerationError(f"Choose between 1 and {len(data.DEPARTMENTS)} departments.")
    root = state_root()
    if root is not None and not append:
        raise GenerationError(
            f"The database already has a state ({root.code}). Use --append to add people to it "
            "or --clear to remove the existing organisations and people first."
        )
    if root is not None and root.code != data.STATE_CODE:
        raise GenerationError(f"--append adds to the generated state {data.STATE_CODE}, not to {root.code}.")
    rng = random.Random(seed)
    chosen = data.DEPARTMENTS[:departments]
    result = GenerationResult(departments=len(chosen), seed=seed, database=connection.vendor)

    plan = plan_state(employees=employees, departments=chosen, rng=rng, flatten=flatten)
    say(f"planned {len(plan.orgs) + 1} organisations and {len(plan.cells)} post groups")

    with transaction.atomic():
        orgs = {o.code: o for o in Organisation.objects.all()}
        designations = {d.code: d for d in Designation.objects.select_related("org")}
        root_plan = OrgPlan(data.STATE_CODE, "state", data.STATE_NAME_EN, data.STATE_NAME_HI, "")
        result.organisations += _ensure_org(root_plan, orgs, acting_user)
        result.designations += _ensure_designations(data.COMMON_POSTS, orgs[data.STATE_CODE], designations, acting_user)
        for department in chosen:
            dep_plan = next(p for p in plan.orgs if p.code == f"{data.STATE_CODE}-{department.code}")
            result.organisations += _ensure_org(dep_plan, orgs, acting_user)
            result.designations += _ensure_designations(
                department.posts, orgs[dep_plan.code], designations, acting_user
            )
        for org_plan in plan.orgs:
            result.organisations += _ensure_org(org_plan, orgs, acting_user)
        say(f"organisations: {result.organisations} created; designations: {result.designations} created")
        result.sanctioned_rows, result.sanctioned_posts = _write_sanctioned(plan.cells, orgs, designations)
        say(f"sanctioned strength: {result.sanctioned_posts} posts in {result.sanctioned_rows} rows")
    result.seconds_tree = round(time.monotonic() - started, 2)

    people_started = time.monotonic()
    # Spread each post group's people through the run, so employee codes do not follow the tree.
    slots = [i for i, cell in enumerate(plan.cells) for _ in range(cell.people)]
    rng.shuffle(slots)
    taken_mobiles: set[str] = set()
    taken_emails: set[str] = set()
    taken_codes: set[str] = set()
    if User.objects.exists():
        taken_mobiles = {m for m in User.objects.values_list("mobile", flat=True) if m}
        taken_emails = {e for e in User.objects.values_list("email", flat=True) if e}
        taken_codes = set(Profile.objects.values_list("employee_code", flat=True))
    for identity in reserved_identities:
        (taken_emails if "@" in identity else taken_mobiles).add(identity)
    factory = PersonFactory(
        rng,
        count=len(slots),
        taken_codes=taken_codes,
        taken_emails=taken_emails,
        taken_mobiles=taken_mobiles,
        activated=activated,
        now=timezone.now(),
    )
    cell_targets = [
        (orgs[c.org_code].pk, designations[c.designation_code]) for c in plan.cells
    ]  # resolved once, not per person
    for start in range(0, len(slots), chunk_size):
        users, profiles, postings = [], [], []
        for i in slots[start : start + chunk_size]:
            org_id, designation = cell_targets[i]
            user, profile, posting = factory.person(plan.cells[i], designation, org_id)
            users.append(user)
            profiles.append(profile)
            postings.append(posting)
        with transaction.atomic():
            User.objects.bulk_create(users, batch_size=batch_size)
            for user, profile, posting in zip(users, profiles, postings, strict=True):
                profile.user_id = user.pk
                posting.user_id = user.pk
            Profile.objects.bulk_create(profiles, batch_size=batch_size)
            Posting.objects.bulk_create(postings, batch_size=batch_size)
        result.employees += len(users)
        result.activated += sum(1 for u in users if u.first_sign_in_at)
        elapsed = time.monotonic() - people_started
        say(
            f"people: {indian_number(result.employees)} of {indian_number(len(slots))} "
            f"({indian_number(round(result.employees / elapsed))} a second)"
        )
    result.seconds_people = round(time.monotonic() - people_started, 2)
    refresh_planner_statistics()
    result.seconds = round(time.monotonic() - started, 2)
    root = orgs[data.STATE_CODE]
    result.root_id = root.pk
    audit.record(
        actor=acting_user,
        action="state.generate",
        target=root,
        org_path=root.path,
        after={k: v for k, v in result.as_dict().items() if k not in {"root_id", "database"}},
    )
    return result


def refresh_planner_statistics() -> None:
    """ANALYZE, on PostgreSQL, the tables a bulk load filled.

    Without statistics the planner guesses, and after lakhs of rows it guesses badly: on
    a 4 lakh state that PostgreSQL had never analyzed, people searches ran past
    gunicorn's 30 s timeout; after ANALYZE the same searches took tens of milliseconds.
    Autovacuum analyzes eventually, if it is on and gets to it; a bulk loader should not
    leave that to chance. SQLite is left alone: measured on the same state, its
    statistics steered a text-plus-status people search to a plan four times slower.
    """
    if connection.vendor != "postgresql":
        return
    tables = [m._meta.db_table for m in (User, Profile, Posting, Organisation, Designation, SanctionedStrength)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def clear_state(*, acting_user: Any = None, progress: Progress | None = None) -> dict[str, int]:
    """Delete every organisation, designation, sanctioned post and employee (users with a profile).

    Users without a profile (a superuser made with createsuperuser) are kept. The audit
    log is kept too: it is history.
    """
    say = progress or (lambda _message: None)
    counts: dict[str, int] = {}
    with transaction.atomic():
        root = state_root()
        counts["roles"] = RoleAssignment.objects.all().delete()[0]
        counts["postings"] = Posting.objects.all().delete()[0]
        user_ids = list(Profile.objects.values_list("pk", flat=True))
        counts["profiles"] = Profile.objects.all().delete()[0]
        say(f"deleted {counts['profiles']} profiles")
        counts["users"] = 0
        for start in range(0, len(user_ids), 5000):
            batch = user_ids[start : start + 5000]
            User.objects.filter(pk__in=batch).delete()
            counts["users"] += len(batch)
        say(f"deleted {counts['users']} users")
        counts["sanctioned"] = SanctionedStrength.objects.all().delete()[0]
        counts["designations"] = Designation.objects.all().delete()[0]
        counts["organisations"] = 0
        deepest = max(Organisation.objects.values_list("depth", flat=True), default=-1)
        for depth in range(deepest, -1, -1):
            counts["organisations"] += (
                Organisation.objects.filter(depth=depth).delete()[1].get(Organisation._meta.label, 0)
            )
        if root is not None:
            audit.record(actor=acting_user, action="state.clear", target=root, after=dict(counts))
    return counts
