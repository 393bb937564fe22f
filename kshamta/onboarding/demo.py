"""Onboarding in the demo: two real HRMS files (one imported, one checked and waiting for
confirmation), pending self-registrations, a request to the state and a profile-change request,
so every onboarding page has something to show on a fresh `make run`."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

from openpyxl import Workbook

from kshamta.accounts import actions as account_actions
from kshamta.accounts.models import User
from kshamta.onboarding import actions
from kshamta.onboarding.columns import TEMPLATE_COLUMNS
from kshamta.onboarding.models import ImportJob
from kshamta.orgs.models import Designation, Organisation
from kshamta.orgs.state_data import FEMALE_FIRST, MALE_FIRST, SURNAMES

ENGLISH_HEADER = TEMPLATE_COLUMNS
HINDI_HEADER = [
    "कर्मचारी कोड", "नाम (अंग्रेज़ी)", "नाम (हिंदी)", "ईमेल", "मोबाइल", "पदनाम", "समूह", "संगठन कोड",
    "जन्म तिथि", "लिंग", "श्रेणी", "कार्यभार ग्रहण तिथि",
]  # fmt: skip


def _people(prefix: str, count: int, org_code: str, posts: list[tuple[str, str]], seed: int) -> list[list[Any]]:
    rng = random.Random(seed)
    rows: list[list[Any]] = []
    for n in range(1, count + 1):
        female = rng.random() < 0.45
        first_en, first_hi = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        last_en, last_hi = rng.choice(SURNAMES)
        designation, group = posts[n % len(posts)]
        code = f"{prefix}{n:04d}"
        rows.append([
            code, f"{first_en} {last_en}", f"{first_hi} {last_hi}", f"{first_en}.{last_en}.{code}@mp.gov.in".lower(),
            f"+91 7{rng.randrange(10**8, 10**9)}", designation, group, org_code,
            f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1966, 1998)}",
            "F" if female else "M", rng.choice(["GEN", "OBC", "SC", "ST", "EWS"]),
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2000, 2025)}",
        ])  # fmt: skip
    return rows


def _posts(wanted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The designations of ``wanted`` that the loaded state has (a small generated state may lack some)."""
    known = set(Designation.objects.filter(code__in=[code for code, _ in wanted]).values_list("code", flat=True))
    return [(code, group) for code, group in wanted if code in known]


def _revenue_file(office: str) -> bytes:
    """XLSX with English headers: 36 people for a Revenue collectorate, 3 of them with mistakes."""
    posts = _posts([("PATWARI", "C"), ("REVENUE-INSPECTOR", "C"), ("ASSISTANT-GR3", "C"), ("NAIB-TEHSILDAR", "B")])
    rows = _people("MPREVB", 36, office, posts, seed=11)
    rows[4][4] = "12345"  # a mobile number that is too short
    rows[9][0] = rows[8][0]  # the same employee code twice
    rows[20][5] = "Land Surveyor"  # a designation the state does not have
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "HRMS"
    sheet.append(ENGLISH_HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _health_file(office: str) -> bytes:
    """CSV with Hindi headers, as a Hindi HRMS export writes it: 24 staff for a district health office."""
    posts = _posts([("STAFF-NURSE", "C"), ("ANM", "C"), ("MPW", "C"), ("PHARMACIST", "C"), ("MEDICAL-OFFICER", "A")])
    rows = _people("MPHLTB", 24, office, posts or [("ASSISTANT-GR3", "C")], seed=12)
    rows[6][8] = "31-02-1990"  # a date that does not exist
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HINDI_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def load_onboarding_demo() -> dict[str, int]:
    """Run once after the demo accounts exist; does nothing if an import was ever made."""
    if ImportJob.objects.exists():
        return {}
    revenue_nodal = User.objects.get(email="nodal.revenue@mp.gov.in")
    health_nodal = User.objects.get(email="nodal.health@mp.gov.in")
    learner = User.objects.select_related("profile__org").get(email="learner@mp.gov.in")
    bhopal = learner.profile.org  # the learner's collectorate
    revenue = bhopal.parent
    assert revenue is not None
    health = Organisation.objects.filter(role_assignments__user=health_nodal).first()
    health_office = health and Organisation.objects.filter(health.subtree_q(), kind="district").first()

    done = actions.do_create_import_job(
        upload=io.BytesIO(_revenue_file(bhopal.code)), filename="hrms-revenue-bhopal-nov-2026.xlsx", org=revenue,
        acting_user=revenue_nodal, enqueue=False,
    )  # fmt: skip
    actions.run_validation(done.pk)
    actions.do_confirm_import_job(ImportJob.objects.get(pk=done.pk), revenue_nodal, enqueue=False)
    actions.run_apply(done.pk)
    imports = 1
    if health and health_office:
        waiting = actions.do_create_import_job(
            upload=io.BytesIO(_health_file(health_office.code)), filename="मानव-संपदा-स्वास्थ्य.csv", org=health,
            acting_user=health_nodal, enqueue=False,
        )  # fmt: skip
        actions.run_validation(waiting.pk)
        imports += 1

    # Self-registrations that wait for the Revenue nodal officer (not on an allow-listed domain,
    # or by mobile only), one of which also asks the state to allow its e-mail domain.
    patwari = Designation.objects.get(code="PATWARI")
    registrations = [
        ("mohan.lal.patwari@gmail.com", "MPREVB9001", "Mohan Lal Ahirwar", "मोहन लाल अहिरवार", "M", "SC", False),
        ("9826012345", "MPREVB9002", "Rekha Kushwaha", "रेखा कुशवाहा", "F", "OBC", False),
        ("s.tiwari@mpinfo.org", "MPREVB9003", "Shailendra Tiwari", "शैलेंद्र तिवारी", "M", "GEN", True),
    ]
    for identity, code, name_en, name_hi, gender, category, request_domain in registrations:
        account_actions.do_register(
            identity=identity, employee_code=code, name_en=name_en, name_hi=name_hi, org=bhopal,
            designation=patwari, group="C", gender=gender, category=category, preferred_language="hi",
            request_domain=request_domain,
        )  # fmt: skip

    # The demo learner asks to move to another collectorate of the department.
    elsewhere = Organisation.objects.filter(revenue.subtree_q(), kind="district").exclude(pk=bhopal.pk).first()
    if elsewhere:
        account_actions.do_request_profile_change(learner, org=elsewhere)
    return {"imports": imports, "registrations": len(registrations), "profile_changes": int(elsewhere is not None)}
