"""A nodal officer imports an HRMS file in a real browser: upload, check, read the reasons (also in Hindi),
confirm, and download the rejected rows."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from kshamta.accounts.models import Profile
from kshamta.core.testing import build_cast
from kshamta.onboarding.models import ImportJob
from kshamta.onboarding.tests.helpers import csv_text, person

# The live server runs in another thread: it only sees committed data.
pytestmark = pytest.mark.django_db(transaction=True)

# Precomposed nukta letters (ख़ U+0959, ज़ U+095B) are not NFC: NFC writes them as the letter plus
# the nukta sign. The English name has a decomposed é. What is stored must be the NFC form.
AZIZ_HI = "अ\u095bीज़ \u0959ान"
AZIZ_EN = "Aziz Jose\u0301"
ROWS = [
    person("R7001", name_en="Sunita Sharma", name_hi="सुनीता शर्मा"),
    person("R7002", name_en=AZIZ_EN, name_hi=AZIZ_HI),
    person("R7003", name_en="Mohan Lal", name_hi="मोहन लाल", mobile="12345"),
    person("R7004", name_en="Kavita Yadav", name_hi="कविता यादव", designation="TEHSILDAR", group="B"),
    person("R7001", name_en="Suresh Patel", name_hi="सुरेश पटेल", email="suresh@mp.gov.in", mobile="9811100005"),
    person("R7006", name_en="Arjun Meena", name_hi="अर्जुन मीणा", designation="Junior Engineer"),
]
CREATED = {"R7001": "सुनीता शर्मा", "R7002": unicodedata.normalize("NFC", AZIZ_HI), "R7004": "कविता यादव"}


def make_cast() -> Any:
    cast = SimpleNamespace()
    build_cast(cast)
    return cast


def emailed_code(address: str) -> str:
    """The 6-digit code in the newest e-mail to ``address`` (jobs run inline, mail stays in memory)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            match = re.search(r"\b(\d{6})\b", str(message.body))
            assert match, message.body
            return match.group(1)
    raise AssertionError(f"no e-mail to {address}; outbox has {[m.to for m in mail.outbox]}")


def sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("E-mail address or mobile number").fill(email)
    page.get_by_role("button", name="Send code").click()
    expect(page).to_have_url(f"{base_url}/sign-in/code/")
    page.get_by_label("6-digit code").fill(emailed_code(email))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/")


def count(page: Page, key: str) -> Any:
    return page.locator(f"#import-status tr.count-{key} td")


def test_upload_check_read_reasons_in_hindi_confirm_and_download_the_rejected_rows(
    page: Page, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # the upload and the error file stay out of the shared folder
    assert not unicodedata.is_normalized("NFC", AZIZ_HI)
    assert not unicodedata.is_normalized("NFC", AZIZ_EN)
    cast = make_cast()
    sign_in(page, live_server.url, cast.nodal_a.email)

    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Import employees").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Employee imports")
    page.get_by_role("link", name="Upload an HRMS file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload an HRMS file")
    expect(page.get_by_label("Import into organisation")).to_have_value(str(cast.dept_a.pk))
    page.get_by_label("HRMS file (CSV or XLSX)").set_input_files(
        {"name": "hrms-bhopal.csv", "mimeType": "text/csv", "buffer": csv_text(ROWS).encode("utf-8")}
    )
    page.get_by_role("button", name="Upload and check").click()

    # The check runs inline during the upload, so the result may be there at once; if not, htmx polls for it.
    expect(page.get_by_role("heading", level=1)).to_have_text("Employee import: hrms-bhopal.csv")
    status = page.locator("#import-status")
    expect(status.get_by_role("status")).to_have_text(
        "The check is finished. Look at the counts and the rejected rows, then confirm to import.", timeout=10_000
    )
    expect(status.locator(".status")).to_have_text("Checked")
    expect(page.locator("[hx-trigger]")).to_have_count(0)  # nothing runs, so nothing polls
    expect(count(page, "rows")).to_have_text("6")
    expect(count(page, "created")).to_have_text("3")
    expect(count(page, "rejected")).to_have_text("3")
    expect(status.locator("tr.count-created th")).to_have_text("Will be created")
    assert not Profile.objects.filter(employee_code__startswith="R700").exists(), "nothing is written before confirming"

    reasons = status.locator("table.row-errors tbody tr")
    expect(reasons).to_have_count(3)
    expect(reasons.nth(0)).to_contain_text("12345 is not a valid Indian mobile number (10 digits starting with 6-9)")
    expect(reasons.nth(1)).to_contain_text("employee code R7001 already appears earlier in this file")
    expect(reasons.nth(2)).to_contain_text("unknown designation Junior Engineer")
    expect(reasons.locator("td.num")).to_have_text(["4", "6", "7"])  # file lines: the header is line 1

    page.get_by_role("button", name="हिन्दी").click()
    expect(page.locator("html")).to_have_attribute("lang", "hi")
    expect(page.get_by_role("heading", level=1)).to_contain_text("hrms-bhopal.csv")
    expect(reasons.nth(0)).to_contain_text("12345 मान्य भारतीय मोबाइल नंबर नहीं है")
    expect(reasons.nth(1)).to_contain_text("कर्मचारी कोड R7001 इस फ़ाइल में पहले आ चुका है")
    expect(reasons.nth(2)).to_contain_text("अज्ञात पदनाम Junior Engineer")

    page.get_by_role("button", name="पुष्टि करें और लागू करें").click()
    expect(status.get_by_role("status")).to_have_text("आयात पूरा हुआ।", timeout=10_000)
    expect(count(page, "created")).to_have_text("3")
    expect(count(page, "rejected")).to_have_text("3")
    expect(page.locator("#import-progress-bar")).to_have_attribute("value", "100")
    expect(page.get_by_role("button", name="पुष्टि करें और लागू करें")).to_have_count(0)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(status.get_by_role("status")).to_have_text("The import is finished.")
    expect(status.locator("tr.count-created th")).to_have_text("Created")
    expect(count(page, "created")).to_have_text("3")

    job = ImportJob.objects.get()
    assert (job.status, job.rows, job.created, job.rejected) == (ImportJob.Status.DONE, 6, 3, 3)
    people = {p.employee_code: p for p in Profile.objects.select_related("user").filter(employee_code__startswith="R7")}
    assert set(people) == set(CREATED), sorted(people)
    for code, name_hi in CREATED.items():
        assert people[code].user.name_hi == name_hi
        assert unicodedata.is_normalized("NFC", people[code].user.name_hi)
        assert people[code].org_id == cast.district_a.pk
    assert people["R7002"].user.name_en == "Aziz José" == unicodedata.normalize("NFC", AZIZ_EN)
    # The first R7001 row is the one kept; the duplicate's person was not made.
    assert people["R7001"].user.name_en == "Sunita Sharma"
    assert not Profile.objects.filter(user__name_en__in=["Suresh Patel", "Mohan Lal", "Arjun Meena"]).exists()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download error file").click()
    download = download_info.value
    assert download.suggested_filename == "hrms-bhopal-rejected-rows.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, so Excel shows the Hindi"
    rejected = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {"reason_en", "reason_hi", "employee_code", "name_hi"} <= set(rejected[0]), list(rejected[0])
    assert [(r["employee_code"], r["name_hi"]) for r in rejected] == [
        ("R7003", "मोहन लाल"),
        ("R7001", "सुरेश पटेल"),
        ("R7006", "अर्जुन मीणा"),
    ]
    assert "12345 is not a valid Indian mobile number" in rejected[0]["reason_en"]
    assert "12345 मान्य भारतीय मोबाइल नंबर नहीं है" in rejected[0]["reason_hi"]
    assert "already appears earlier in this file" in rejected[1]["reason_en"]
    assert "इस फ़ाइल में पहले आ चुका है" in rejected[1]["reason_hi"]
    assert rejected[2]["reason_en"] == "unknown designation Junior Engineer"
    assert rejected[2]["reason_hi"] == "अज्ञात पदनाम Junior Engineer"
