"""Splitting a large group into batches: the proposal a coordinator reviews before anything is written.

``propose`` is a greedy bin-packing (first-fit decreasing by district):

1. People are grouped by their district (the nearest district-level organisation above
   their office, or the office itself when there is none), largest group first.
2. A group goes whole into the batch that it fits best (the fullest batch that still has
   room for all of it and clashes with none of its members' other batches).
3. When no batch can take the whole group, as many as fit go to the batch that takes
   the most of them, and the rest form a smaller group that goes round again.
4. People for whom every batch with room clashes (their other batches' dates overlap)
   or for whom no batch has room are left out, with that reason.

Seats are never exceeded and nobody is put in a batch that overlaps another of theirs.
``round_robin`` is the naive split (person i to batch i mod n) the benchmark compares with.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from kshamta.accounts.models import Profile
from kshamta.orgs.models import Organisation, localised
from kshamta.programmes.models import Batch, Nomination, Programme

# Why someone could not be placed.
CLASH = "clash"
FULL = "full"
ALREADY = "already"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Slot:
    code: str
    venue: str
    starts_on: datetime.date
    ends_on: datetime.date
    seats: int

    def overlaps(self, starts_on: datetime.date, ends_on: datetime.date) -> bool:
        return self.starts_on <= ends_on and starts_on <= self.ends_on


@dataclass(frozen=True)
class Busy:
    """Another batch the person is in (or waiting for), by its dates."""

    starts_on: datetime.date
    ends_on: datetime.date
    label: str


@dataclass
class Person:
    user_id: int
    district_id: int
    busy: tuple[Busy, ...] = ()

    def clash_with(self, slot: Slot) -> Busy | None:
        return next((b for b in self.busy if slot.overlaps(b.starts_on, b.ends_on)), None)


@dataclass
class Unplaced:
    user_id: int | None
    reason: str
    detail: str = ""
    code: str = ""


@dataclass
class Proposal:
    slots: list[Slot]
    members: list[list[int]]
    unplaced: list[Unplaced] = field(default_factory=list)

    def placed_count(self) -> int:
        return sum(len(m) for m in self.members)


def propose(
    people: Sequence[Person], slots: Sequence[Slot], *, keep_districts: bool = True, avoid_clashes: bool = True
) -> Proposal:
    remaining = [slot.seats for slot in slots]
    members: list[list[int]] = [[] for _ in slots]
    unplaced: list[Unplaced] = []

    def free(person: Person, index: int) -> bool:
        return not avoid_clashes or person.clash_with(slots[index]) is None

    if keep_districts:
        by_district: dict[int, list[Person]] = defaultdict(list)
        for person in people:
            by_district[person.district_id].append(person)
        groups = sorted(by_district.values(), key=lambda g: (-len(g), g[0].district_id))
    else:
        groups = [list(people)]

    for group in groups:
        pending = list(group)
        while pending:
            best: int | None = None
            best_key: tuple[int, int] | None = None
            best_fits: list[Person] = []
            for index in range(len(slots)):
                if remaining[index] <= 0:
                    continue
                fits = [p for p in pending if free(p, index)]
                if not fits:
                    continue
                takes = min(len(fits), remaining[index])
                whole = takes == len(pending)
                # Whole groups: the tightest batch that holds them (best fit); otherwise the batch taking most.
                key = (1, -remaining[index]) if whole else (0, takes)
                if best_key is None or key > best_key:
                    best, best_key, best_fits = index, key, fits[:takes]
            if best is None:
                for person in pending:
                    unplaced.append(_why_unplaced(person, slots, remaining, avoid_clashes))
                break
            members[best].extend(p.user_id for p in best_fits)
            remaining[best] -= len(best_fits)
            taken = {p.user_id for p in best_fits}
            pending = [p for p in pending if p.user_id not in taken]
    return Proposal(slots=list(slots), members=members, unplaced=unplaced)


def _why_unplaced(person: Person, slots: Sequence[Slot], remaining: list[int], avoid_clashes: bool) -> Unplaced:
    """A clash when every batch (or every batch still with room) overlaps one of theirs; otherwise no room."""
    if avoid_clashes:
        open_slots = [slots[i] for i, left in enumerate(remaining) if left > 0]
        for candidates in (list(slots), open_slots):
            clashes = [person.clash_with(slot) for slot in candidates]
            if candidates and all(clashes):
                first = clashes[0]
                return Unplaced(person.user_id, CLASH, first.label if first else "")
    return Unplaced(person.user_id, FULL)


def round_robin(people: Sequence[Person], slots: Sequence[Slot]) -> Proposal:
    """The naive split, for comparison: person i goes to batch i mod n while it has seats."""
    members: list[list[int]] = [[] for _ in slots]
    unplaced: list[Unplaced] = []
    for i, person in enumerate(people):
        index = i % len(slots)
        if len(members[index]) < slots[index].seats:
            members[index].append(person.user_id)
        else:
            unplaced.append(Unplaced(person.user_id, FULL))
    return Proposal(slots=list(slots), members=members, unplaced=unplaced)


# --- Slots from the coordinator's constraints --------------------------------------------------------


def even_slots(
    *,
    count: int,
    seats: int,
    first_day: datetime.date,
    days: int,
    gap_days: int = 0,
    venue: str = "",
    prefix: str = "B",
    taken_codes: Iterable[str] = (),
) -> list[Slot]:
    """``count`` consecutive batches of ``days`` days each, ``gap_days`` apart, all at one venue."""
    codes = batch_codes(prefix, count, taken_codes)
    slots = []
    for i in range(count):
        start = first_day + datetime.timedelta(days=i * (days + gap_days))
        slots.append(Slot(codes[i], venue, start, start + datetime.timedelta(days=days - 1), seats))
    return slots


def batch_codes(prefix: str, count: int, taken_codes: Iterable[str] = ()) -> list[str]:
    """``count`` codes PREFIX01, PREFIX02, ... that the programme does not use yet."""
    taken = {c.upper() for c in taken_codes}
    width = max(2, len(str(count)))
    codes: list[str] = []
    n = 1
    while len(codes) < count:
        code = f"{prefix}{n:0{width}d}"
        if code.upper() not in taken:
            codes.append(code)
        n += 1
    return codes


# --- Reading the target group from the database ------------------------------------------------------


def district_of_orgs(org_ids: Iterable[int]) -> dict[int, int]:
    """For each organisation, the nearest district-level organisation at or above it (else itself)."""
    paths = dict(Organisation.objects.filter(pk__in=set(org_ids)).values_list("pk", "path"))
    ancestors: dict[int, list[int]] = {}
    every: set[int] = set()
    for pk, path in paths.items():
        ids = [int(path[i : i + 10]) for i in range(0, len(path), 10)]
        ancestors[pk] = ids
        every.update(ids)
    districts = set(
        Organisation.objects.filter(pk__in=every, kind=Organisation.Kind.DISTRICT).values_list("pk", flat=True)
    )
    return {pk: next((a for a in reversed(ids) if a in districts), pk) for pk, ids in ancestors.items()}


@dataclass
class Target:
    """Who to plan for: a filter (designations, groups, organisation subtrees) or a list of employee codes."""

    designation_ids: list[int] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    org_ids: list[int] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "designations": self.designation_ids,
            "groups": self.groups,
            "orgs": self.org_ids,
            "codes": self.codes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Target:
        return cls(
            designation_ids=[int(x) for x in data.get("designations", [])],
            groups=[str(x) for x in data.get("groups", [])],
            org_ids=[int(x) for x in data.get("orgs", [])],
            codes=[str(x) for x in data.get("codes", [])],
        )

    def profiles(self) -> Any:
        people = Profile.objects.filter(status=Profile.Status.ACTIVE)
        if self.codes:
            return people.filter(employee_code__in=self.codes)
        if self.designation_ids:
            people = people.filter(designation_id__in=self.designation_ids)
        if self.groups:
            people = people.filter(Q(group__in=self.groups) | Q(group="", designation__group__in=self.groups))
        if self.org_ids:
            q = Q(pk__in=[])
            for org in Organisation.objects.filter(pk__in=self.org_ids):
                q |= org.subtree_q()
            people = people.filter(org_id__in=Organisation.objects.filter(q).values("id"))
        return people


@dataclass
class Loaded:
    people: list[Person]
    unplaced: list[Unplaced]


def load_people(programme: Programme, target: Target) -> Loaded:
    """The target group as planning input: districts, other batches' dates, and who is already in the programme."""
    rows = list(target.profiles().order_by("employee_code").values_list("user_id", "org_id", "employee_code"))
    unplaced: list[Unplaced] = []
    if target.codes:
        found = {code for _u, _o, code in rows}
        unplaced += [Unplaced(None, UNKNOWN, code=code) for code in target.codes if code not in found]
    user_ids = [u for u, _o, _c in rows]
    districts = district_of_orgs({o for _u, o, _c in rows})
    busy: dict[int, list[Busy]] = defaultdict(list)
    already: dict[int, str] = {}
    active = Nomination.objects.filter(user_id__in=user_ids, status__in=Nomination.ACTIVE).values_list(
        "user_id", "batch__programme_id", "batch__code", "batch__programme__code", "batch__starts_on", "batch__ends_on"
    )
    for user_id, programme_id, batch_code, programme_code, starts_on, ends_on in active.iterator(chunk_size=2000):
        if programme_id == programme.pk:
            already[user_id] = batch_code
        busy[user_id].append(Busy(starts_on, ends_on, f"{programme_code}/{batch_code}"))
    people: list[Person] = []
    for user_id, org_id, code in rows:
        if user_id in already:
            unplaced.append(Unplaced(user_id, ALREADY, already[user_id], code=code))
            continue
        people.append(Person(user_id, districts[org_id], tuple(busy.get(user_id, ()))))
    return Loaded(people=people, unplaced=unplaced)


# --- Storing and explaining a proposal ----------------------------------------------------------------


def proposal_json(
    proposal: Proposal, districts: dict[int, int], extra_unplaced: Iterable[Unplaced] = ()
) -> dict[str, Any]:
    return {
        "batches": [
            {
                "code": slot.code,
                "venue": slot.venue,
                "starts_on": slot.starts_on.isoformat(),
                "ends_on": slot.ends_on.isoformat(),
                "seats": slot.seats,
                "members": members,
            }
            for slot, members in zip(proposal.slots, proposal.members, strict=True)
        ],
        "unplaced": [
            {"user": u.user_id, "reason": u.reason, "detail": u.detail, "code": u.code}
            for u in [*extra_unplaced, *proposal.unplaced]
        ],
        "districts": {str(k): v for k, v in districts.items()},
    }


def slots_of(data: dict[str, Any]) -> list[Slot]:
    return [
        Slot(
            b["code"],
            b.get("venue", ""),
            datetime.date.fromisoformat(b["starts_on"]),
            datetime.date.fromisoformat(b["ends_on"]),
            int(b["seats"]),
        )
        for b in data.get("batches", [])
    ]


def reason_text(reason: str, detail: str) -> str:
    if reason == CLASH:
        return _("Every batch with a free seat overlaps their batch %(batch)s.") % {"batch": detail}
    if reason == ALREADY:
        return _("Already in batch %(batch)s of this programme.") % {"batch": detail}
    if reason == UNKNOWN:
        return _("No one in active service has this employee code.")
    return _("No batch has a seat left.")


@dataclass
class BatchExplained:
    index: int
    code: str
    venue: str
    starts_on: datetime.date
    ends_on: datetime.date
    seats: int
    count: int
    districts: list[tuple[str, int]]  # (district name, people), most first
    people: list[Profile]


@dataclass
class Explanation:
    batches: list[BatchExplained]
    unplaced: list[tuple[str, str, str]]  # (employee code, name, why)
    total: int
    placed: int
    split_districts: list[tuple[str, int]]  # districts spread over more than one batch: (name, batches)


def explain(data: dict[str, Any], *, with_people: bool = True) -> Explanation:
    """What a stored proposal does, in words and counts: per batch, the districts it holds; who is left out."""
    batches = data.get("batches", [])
    districts = {int(k): v for k, v in data.get("districts", {}).items()}
    all_ids = [uid for b in batches for uid in b["members"]]
    unplaced_ids = [u["user"] for u in data.get("unplaced", []) if u.get("user")]
    profiles: dict[int, Profile] = {}
    wanted = [*all_ids, *unplaced_ids] if with_people else unplaced_ids
    for chunk_start in range(0, len(wanted), 2000):
        chunk = wanted[chunk_start : chunk_start + 2000]
        for profile in Profile.objects.filter(pk__in=chunk).select_related("user", "org", "designation"):
            profiles[profile.pk] = profile
    district_names = {
        pk: localised(en, hi)
        for pk, en, hi in Organisation.objects.filter(pk__in=set(districts.values())).values_list(
            "pk", "name_en", "name_hi"
        )
    }
    explained: list[BatchExplained] = []
    spread: dict[int, set[int]] = defaultdict(set)
    for index, batch in enumerate(batches):
        counts: dict[int, int] = defaultdict(int)
        for uid in batch["members"]:
            district = districts.get(uid, 0)
            counts[district] += 1
            spread[district].add(index)
        explained.append(
            BatchExplained(
                index=index,
                code=batch["code"],
                venue=batch.get("venue", ""),
                starts_on=datetime.date.fromisoformat(batch["starts_on"]),
                ends_on=datetime.date.fromisoformat(batch["ends_on"]),
                seats=int(batch["seats"]),
                count=len(batch["members"]),
                districts=sorted(
                    ((district_names.get(d, "—"), n) for d, n in counts.items()), key=lambda x: (-x[1], x[0])
                ),
                people=[profiles[uid] for uid in batch["members"] if uid in profiles] if with_people else [],
            )
        )
    unplaced = []
    for u in data.get("unplaced", []):
        left_out = profiles.get(u["user"]) if u.get("user") else None
        code = left_out.employee_code if left_out else u.get("code", "")
        name = left_out.user.name if left_out else ""
        unplaced.append((code, name, reason_text(u["reason"], u.get("detail", ""))))
    split = sorted(
        ((district_names.get(d, "—"), len(idx)) for d, idx in spread.items() if len(idx) > 1), key=lambda x: -x[1]
    )
    return Explanation(
        batches=explained,
        unplaced=unplaced,
        total=len(all_ids) + len(data.get("unplaced", [])),
        placed=len(all_ids),
        split_districts=split,
    )


def busy_of(user_id: int, programme: Programme) -> list[Busy]:
    """A person's other active batches (outside this programme), for checking a move by hand."""
    rows = (
        Nomination.objects.filter(user_id=user_id, status__in=Nomination.ACTIVE)
        .exclude(batch__programme=programme)
        .values_list("batch__starts_on", "batch__ends_on", "batch__programme__code", "batch__code")
    )
    return [Busy(s, e, f"{p}/{c}") for s, e, p, c in rows]


def existing_codes(programme: Programme) -> list[str]:
    return list(Batch.objects.filter(programme=programme).values_list("code", flat=True))


def batches_needed(people: int, seats: int) -> int:
    return max(1, math.ceil(people / max(1, seats)))
