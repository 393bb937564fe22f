"""The demo: a generated state of about 2,000 people plus one memorable account per role.

``load_demo`` is idempotent: when every demo account already holds its role it writes
nothing. Accounts are made with the ordinary actions (so they are audited), and a few
everyday changes by the nodal officers give the audit pages something to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import Profile, Role, RoleAssignment, User
from kshamta.core.models import AuditEvent
from kshamta.orgs import actions as org_actions
from kshamta.orgs import state_data as data
from kshamta.orgs.generate import generate_state, nfc, state_root
from kshamta.orgs.models import Designation, Organisation, SanctionedStrength

DEMO_PASSWORD = "kshamta-demo-2026"  # noqa: S105 - a published demo password, printed on purpose
DEMO_EMPLOYEES = 2000
DEMO_DEPARTMENTS = 12
DEMO_SEED = 2026
ATI_CODE = f"{data.STATE_CODE}-GAD-ATI"


@dataclass(frozen=True)
class DemoAccount:
    role: str
    name_en: str
    name_hi: str
    email: str
    mobile: str
    employee_code: str
    works_at: str  # organisation code of the person's own office
    designation: str  # designation code
    scope: str  # organisation code the role is held over
    gender: str = "M"

    @property
    def has_password(self) -> bool:
        return self.role != Role.LEARNER


S = data.STATE_CODE
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount(
        Role.STATE_ADMIN, "Anjali Verma", "अंजलि वर्मा", "admin@mp.gov.in", "9000000001", "MPDEMO01",
        f"{S}-GAD", "DEPUTY-SECRETARY", S, "F",
    ),
    DemoAccount(
        Role.NODAL_OFFICER, "Ramesh Kumar Sharma", "रमेश कुमार शर्मा", "nodal.revenue@mp.gov.in", "9000000002",
        "MPDEMO02", f"{S}-REV", "UNDER-SECRETARY", f"{S}-REV",
    ),
    DemoAccount(
        Role.NODAL_OFFICER, "Priya Singh", "प्रिया सिंह", "nodal.health@mp.gov.in", "9000000003", "MPDEMO03",
        f"{S}-HLT", "UNDER-SECRETARY", f"{S}-HLT", "F",
    ),
    DemoAccount(
        Role.CBP_AUTHOR, "Sanjay Mishra", "संजय मिश्रा", "cbp.author@mp.gov.in", "9000000004", "MPDEMO04",
        f"{S}-REV", "DEPUTY-SECRETARY", f"{S}-REV",
    ),
    DemoAccount(
        Role.CBP_APPROVER, "Kavita Joshi", "कविता जोशी", "cbp.approver@mp.gov.in", "9000000005", "MPDEMO05",
        f"{S}-REV", "ADDITIONAL-SECRETARY", f"{S}-REV", "F",
    ),
    DemoAccount(
        Role.CONTENT_CREATOR, "Neha Gupta", "नेहा गुप्ता", "content.creator@mp.gov.in", "9000000006", "MPDEMO06",
        ATI_CODE, "FACULTY-MEMBER", ATI_CODE, "F",
    ),
    DemoAccount(
        Role.REVIEWER, "Arvind Tiwari", "अरविंद तिवारी", "content.reviewer@mp.gov.in", "9000000007", "MPDEMO07",
        ATI_CODE, "FACULTY-MEMBER", ATI_CODE,
    ),
    DemoAccount(
        Role.PUBLISHER, "Meena Chouhan", "मीना चौहान", "content.publisher@mp.gov.in", "9000000008", "MPDEMO08",
        ATI_CODE, "JOINT-DIRECTOR", ATI_CODE, "F",
    ),
    DemoAccount(
        Role.PROGRAMME_COORDINATOR, "Vikas Patel", "विकास पटेल", "programme.coordinator@mp.gov.in", "9000000009",
        "MPDEMO09", ATI_CODE, "TRAINING-COORDINATOR", ATI_CODE,
    ),
    DemoAccount(
        Role.LEARNER, "Sunita Yadav", "सुनीता यादव", "learner@mp.gov.in", "9000000010", "MPDEMO10",
        f"{S}-REV-BPL", "PATWARI", f"{S}-REV-BPL", "F",
    ),
)  # fmt: skip


@dataclass
class DemoResult:
    already_loaded: bool = False
    generated: dict[str, Any] = field(default_factory=dict)
    accounts_created: int = 0
    history_events: int = 0


def demo_loaded() -> bool:
    """Every demo account exists and holds its role over its organisation."""
    held = set(
        RoleAssignment.objects.filter(user__email__in=[a.email for a in DEMO_ACCOUNTS]).values_list(
            "user__email", "role", "org__code"
        )
    )
    return all((a.email, str(a.role), a.scope) in held for a in DEMO_ACCOUNTS)


def reserved_identities() -> list[str]:
    return [a.email for a in DEMO_ACCOUNTS] + [a.mobile for a in DEMO_ACCOUNTS]


# --- Making sure the demo's organisations and designations exist --------------------------
# A state loaded some other way (generate_state with few departments, an import) may lack
# them; they are then created from the reference data, under the root if need be.


def _org_blueprint(code: str) -> tuple[str, str, str, str] | None:
    """(kind, name_en, name_hi, parent code) of a generated organisation code."""
    if code == S:
        return "state", data.STATE_NAME_EN, data.STATE_NAME_HI, ""
    for dep in data.DEPARTMENTS:
        dep_code = f"{S}-{dep.code}"
        if code == dep_code:
            return "department", dep.en, dep.hi, S
        for unit in dep.units:
            if code == f"{dep_code}-{unit.suffix}":
                return unit.kind, unit.en, unit.hi, dep_code
        for district in data.DISTRICTS:
            if code == f"{dep_code}-{district.code}":
                return (
                    dep.office_kind,
                    dep.office_en.format(district=district.en),
                    dep.office_hi.format(district=district.hi),
                    dep_code,
                )
    return None


def ensure_org(code: str, *, acting_user: Any) -> Organisation:
    org = Organisation.objects.filter(code=code).first()
    if org is not None:
        return org
    blueprint = _org_blueprint(code)
    if blueprint is None:
        raise ValueError(f"unknown demo organisation {code}")
    kind, name_en, name_hi, parent_code = blueprint
    parent = ensure_org(parent_code, acting_user=acting_user) if parent_code else None
    return org_actions.do_create_org(
        code=code, kind=kind, name_en=name_en, name_hi=nfc(name_hi), parent=parent, acting_user=acting_user
    )


def ensure_designation(code: str, *, acting_user: Any) -> Designation:
    designation = Designation.objects.filter(code=code).select_related("org").first()
    if designation is not None:
        return designation
    post = next((p for p in data.COMMON_POSTS if p.code == code), None)
    org_code = S
    if post is None:
        dep = next(d for d in data.DEPARTMENTS if any(p.code == code for p in d.posts))
        post = next(p for p in dep.posts if p.code == code)
        org_code = f"{S}-{dep.code}"
    designation, _ = org_actions.do_save_designation(
        org=ensure_org(org_code, acting_user=acting_user),
        code=post.code,
        name_en=post.en,
        name_hi=nfc(post.hi),
        group=post.group,
        acting_user=acting_user,
    )
    return designation


# --- Loading ---------------------------------------------------------------------------------


def _ensure_account(account: DemoAccount, *, acting_user: Any, password_hash: str) -> tuple[User, bool]:
    user = User.objects.filter(email=account.email).first()
    created = False
    if user is None:
        designation = ensure_designation(account.designation, acting_user=acting_user)
        profile = account_actions.do_create_person(
            employee_code=account.employee_code,
            name_en=account.name_en,
            name_hi=nfc(account.name_hi),
            org=ensure_org(account.works_at, acting_user=acting_user),
            designation=designation,
            email=account.email,
            mobile=account.mobile,
            gender=account.gender,
            preferred_language="hi" if account.role == Role.LEARNER else "en",
            acting_user=acting_user,
        )
        user = profile.user
        created = True
    if account.has_password and not user.has_usable_password():
        user.password = password_hash
        user.save(update_fields=["password"])
    account_actions.do_grant_role(
        user=user, role=account.role, org=ensure_org(account.scope, acting_user=acting_user), acting_user=acting_user
    )
    return user, created


def _everyday_history(accounts: dict[str, User]) -> int:
    """A few changes nodal officers and the state admin make every week, through the real actions."""
    before = AuditEvent.objects.count()
    admin = accounts["admin@mp.gov.in"]
    revenue_nodal = accounts["nodal.revenue@mp.gov.in"]
    health_nodal = accounts["nodal.health@mp.gov.in"]
    demo_ids = [u.pk for u in accounts.values()]
    revenue = Organisation.objects.get(code=f"{S}-REV")
    health = Organisation.objects.get(code=f"{S}-HLT")

    # Transfers between the Revenue department's district offices.
    # (Into a directorate when a small demo has a single district office.)
    offices = list(Organisation.objects.filter(revenue.subtree_q(), depth__gt=revenue.depth).order_by("path"))
    movers = list(
        Profile.objects.filter(revenue.subtree_q("org__"), org__kind="district", status="active")
        .exclude(pk__in=demo_ids)
        .select_related("org", "designation")
        .order_by("employee_code")[:5]
    )
    for i, profile in enumerate(movers):
        others = [o for o in offices if o.pk != profile.org_id and o.kind == profile.org.kind] or [
            o for o in offices if o.pk != profile.org_id
        ]
        if others:
            account_actions.do_transfer_person(profile, to_org=others[i % len(others)], acting_user=revenue_nodal)

    # Corrections in Health: a changed mobile number, a date of birth per the service book, a suspension.
    health_people = list(
        Profile.objects.filter(health.subtree_q("org__"), status="active")
        .exclude(pk__in=demo_ids)
        .select_related("user", "org", "designation")
        .order_by("employee_code")[:3]
    )
    if len(health_people) >= 1:
        profile = health_people[0]
        new_mobile = _free_mobile(profile.user.mobile or "9000000100")
        account_actions.do_update_person(profile, acting_user=health_nodal, mobile=new_mobile)
    if len(health_people) >= 2:
        profile = health_people[1]
        if profile.date_of_birth:
            corrected = profile.date_of_birth.replace(day=1 if profile.date_of_birth.day != 1 else 2)
            account_actions.do_update_person(profile, acting_user=health_nodal, date_of_birth=corrected)
    if len(health_people) >= 3:
        account_actions.do_update_person(health_people[2], acting_user=health_nodal, status=Profile.Status.SUSPENDED)

    # The state admin revises sanctioned strength after a cabinet decision.
    for row in SanctionedStrength.objects.filter(org=revenue).select_related("org", "designation").order_by("pk")[:3]:
        org_actions.do_set_sanctioned_strength(
            org=row.org, designation=row.designation, sanctioned=row.sanctioned + 2, acting_user=admin
        )
    return AuditEvent.objects.count() - before


def _free_mobile(start: str) -> str:
    number = int(start)
    while True:
        number = number + 1 if number < 9_999_999_999 else 6_000_000_000
        candidate = str(number)
        if not User.objects.filter(mobile=candidate).exists():
            return candidate


def load_demo(*, progress: Callable[[str], None] | None = None) -> DemoResult:
    result = DemoResult()
    if demo_loaded():
        result.already_loaded = True
        return result
    generated_now = False
    if state_root() is None:
        generation = generate_state(
            employees=DEMO_EMPLOYEES,
            departments=DEMO_DEPARTMENTS,
            seed=DEMO_SEED,
            activated=0.6,
            flatten=0.5,
            reserved_identities=reserved_identities(),
            progress=progress,
        )
        result.generated = generation.as_dict()
        generated_now = True
    with transaction.atomic():
        accounts: dict[str, User] = {}
        acting_user: Any = None  # the first account, the state admin, is made by the system
        # One hash for the one published password: hashing it nine times would add seconds to `make run`.
        password_hash = make_password(DEMO_PASSWORD)
        for account in DEMO_ACCOUNTS:
            user, created = _ensure_account(account, acting_user=acting_user, password_hash=password_hash)
            accounts[account.email] = user
            result.accounts_created += created
            if account.role == Role.STATE_ADMIN:
                acting_user = user
        if generated_now:
            result.history_events = _everyday_history(accounts)
    return result


def account_rows() -> list[dict[str, str]]:
    """One row per demo account for the table seed_demo prints."""
    users = {u.email: u for u in User.objects.filter(email__in=[a.email for a in DEMO_ACCOUNTS])}
    rows = []
    for account in DEMO_ACCOUNTS:
        user = users.get(account.email)
        if user is None:
            continue
        rows.append(
            {
                "role": str(Role(account.role).label),
                "name": f"{user.name_en} ({user.name_hi})",
                "scope": account.scope,
                "identity": f"{user.email} / {user.mobile}" if user.mobile else str(user.email),
                "password": DEMO_PASSWORD if account.has_password else "— (sign-in code only)",
            }
        )
    return rows
