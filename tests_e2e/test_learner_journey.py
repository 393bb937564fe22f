"""A learner's whole course in a real browser: find it with a Hindi word, enrol, watch the video, read the PDF and
the reading, pass the final assessment, find the course completed, download the certificate, and have a stranger
verify it (valid, then revoked). Also: the question paper carries no correct answers."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile, File
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from kshamta.assessments import actions as assessment_actions
from kshamta.assessments.models import Assessment, Attempt, Question
from kshamta.catalog import actions as catalog_actions
from kshamta.catalog.models import Course, Resource
from kshamta.catalog.testing import make_competency, make_course, make_provider
from kshamta.certificates import actions as certificate_actions
from kshamta.certificates.models import Certificate
from kshamta.core import pdf
from kshamta.core.testing import build_cast
from kshamta.learning import actions as learning_actions
from kshamta.learning.models import Enrolment

# The live server runs in another thread: it only sees committed data.
pytestmark = pytest.mark.django_db(transaction=True)

DEMO_VIDEO = Path(__file__).resolve().parent.parent / "kshamta/catalog/demo_content/media/rti-in-four-steps.mp4"
CODE = "RTI-APPEAL"
TITLE_EN = "Right to Information: the first appeal"
TITLE_HI = "सूचना का अधिकार: पहली अपील"
DONE = "Done. This part of the course is complete."
SEARCH_WORD = "अपील"  # in the Hindi title only
VIDEO = "RTI in four steps"
PDF_DOC = "The RTI handbook"
READING = "Who is a Public Information Officer"
QUIZ = "Final assessment"
PDF_PAGES = 3
FEE_HI = "शुल्क"  # the fill-in answer; written nowhere else in the course
REVOKE_REASON = "Issued against the wrong employee record."
EXPLANATION_SINGLE = "Section 7(1) sets thirty days from the receipt of the request."
EXPLANATION_MATCH = "The PIO answers an application; the first appellate authority hears the first appeal."


def emailed_code(address: str) -> str:
    """The 6-digit code in the newest e-mail to ``address`` (jobs run inline, mail stays in memory)."""
    for message in reversed(mail.outbox):
        if address in message.to:
            match = re.search(r"\b(\d{6})\b", str(message.body))
            if match:
                return match.group(1)
    raise AssertionError(f"no code e-mailed to {address}; outbox has {[m.to for m in mail.outbox]}")


def sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto("/sign-in/")
    page.get_by_label("E-mail address or mobile number").fill(email)
    page.get_by_role("button", name="Send code").click()
    expect(page).to_have_url(f"{base_url}/sign-in/code/")
    page.get_by_label("6-digit code").fill(emailed_code(email))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base_url}/")


def handbook_pdf() -> bytes:
    """A real bilingual PDF of PDF_PAGES pages, made like the platform's own documents."""
    doc = pdf.new_document()
    for number in range(1, PDF_PAGES + 1):
        doc.add_page()
        doc.paragraph(f"सूचना का अधिकार — पुस्तिका, पृष्ठ {number}", 16, bold=True)
        doc.paragraph(f"The RTI handbook, page {number}: how to file an application and a first appeal.", 11)
    return bytes(doc.output())


def add_final_assessment(version: Any, module: Any) -> Assessment:
    """One single-choice, one fill-in-the-blank (answered in Hindi) and one match question, as an assessment part."""
    assessment = assessment_actions.do_create_assessment(
        version, acting_user=None, title_en=QUIZ, title_hi="अंतिम मूल्यांकन", pass_percent=80, is_final=True
    )
    section = assessment_actions.do_add_section(assessment, title_en="The Act", title_hi="अधिनियम", acting_user=None)
    assessment_actions.do_add_question(
        section,
        kind=Question.Kind.SINGLE,
        text_en="Within how many days must a Public Information Officer reply to an RTI application?",
        text_hi="लोक सूचना अधिकारी को आरटीआई आवेदन का उत्तर कितने दिनों में देना होता है?",
        choices={
            "options": [
                {"id": "d10", "en": "10 days", "hi": "10 दिन"},
                {"id": "d30", "en": "30 days", "hi": "30 दिन"},
                {"id": "d90", "en": "90 days", "hi": "90 दिन"},
            ]
        },
        answer="d30",
        explanation_en=EXPLANATION_SINGLE,
        acting_user=None,
    )
    assessment_actions.do_add_question(
        section,
        kind=Question.Kind.FILL_BLANK,
        text_en="Write in Hindi the word for the fee paid with an RTI application.",
        text_hi="आरटीआई आवेदन के साथ दी जाने वाली राशि के लिए हिन्दी शब्द लिखिए।",
        choices={},
        answer=[FEE_HI],
        acting_user=None,
    )
    # Opaque ids on the right, so the ids themselves do not pair up.
    assessment_actions.do_add_question(
        section,
        kind=Question.Kind.MATCH,
        text_en="Match each step with the officer who deals with it.",
        text_hi="हर चरण को उससे सम्बन्धित अधिकारी से मिलाइए।",
        choices={
            "left": [
                {"id": "apply", "en": "RTI application", "hi": "आरटीआई आवेदन"},
                {"id": "appeal", "en": "First appeal", "hi": "प्रथम अपील"},
            ],
            "right": [
                {"id": "k7", "en": "First appellate authority", "hi": "प्रथम अपीलीय अधिकारी"},
                {"id": "m2", "en": "Public Information Officer", "hi": "लोक सूचना अधिकारी"},
            ],
        },
        answer={"apply": "m2", "appeal": "k7"},
        explanation_en=EXPLANATION_MATCH,
        acting_user=None,
    )
    catalog_actions.do_add_resource(
        module,
        kind=Resource.Kind.ASSESSMENT,
        title_en=QUIZ,
        title_hi="अंतिम मूल्यांकन",
        assessment=assessment,
        duration_seconds=300,
        acting_user=None,
    )
    return assessment


def make_world() -> Any:
    """The cast, the course (a real video and PDF stored through the upload action, a reading and the final
    assessment), and another published course that the Hindi search word must not find."""
    world = SimpleNamespace()
    build_cast(world)
    version = catalog_actions.do_create_course(
        code=CODE,
        provider=make_provider(),
        title_en=TITLE_EN,
        title_hi=TITLE_HI,
        summary_en="How to file an RTI application and what to do when the answer does not come.",
        summary_hi="आरटीआई आवेदन कैसे करें और उत्तर न मिलने पर क्या करें।",
        duration_minutes=30,
        acting_user=None,
    )
    catalog_actions.do_set_competencies(version, {make_competency(): 2}, acting_user=None)
    lessons = catalog_actions.do_add_module(version, title_en="The law", title_hi="कानून", acting_user=None)
    with DEMO_VIDEO.open("rb") as handle:
        world.video = catalog_actions.do_add_resource(
            lessons,
            kind=Resource.Kind.VIDEO,
            title_en=VIDEO,
            title_hi="आरटीआई चार चरणों में",
            file=File(handle, name=DEMO_VIDEO.name),
            duration_seconds=33,
            acting_user=None,
        )
    world.pdf = catalog_actions.do_add_resource(
        lessons,
        kind=Resource.Kind.PDF,
        title_en=PDF_DOC,
        title_hi="आरटीआई पुस्तिका",
        file=ContentFile(handbook_pdf(), name="rti-handbook.pdf"),
        acting_user=None,
    )
    world.reading = catalog_actions.do_add_resource(
        lessons,
        kind=Resource.Kind.TEXT,
        title_en=READING,
        title_hi="लोक सूचना अधिकारी कौन है",
        body_html="<p>Every public authority names a <strong>Public Information Officer</strong> who receives "
        "applications under the RTI Act and answers them.</p>",
        acting_user=None,
    )
    check = catalog_actions.do_add_module(version, title_en="Check yourself", title_hi="स्वयं जाँचें", acting_user=None)
    world.assessment = add_final_assessment(version, check)
    catalog_actions.do_publish(version, acting_user=None)
    world.course = Course.objects.get(code=CODE)
    make_course("LAND-101", title_en="Land records", title_hi="भू-अभिलेख")
    return world


@pytest.fixture
def isolated_files(settings: Any, tmp_path: Path, live_server: Any) -> Path:
    """Uploads, certificate PDFs and the signing key in this test's own folder; links that leave the site (the
    verification address on the certificate and in the e-mail) point at the live server."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.CERTIFICATE_SIGNING_KEY_FILE = tmp_path / "keys" / "signing.pem"
    settings.CERTIFICATE_PUBLIC_KEYS_DIR = tmp_path / "keys" / "public"
    settings.SITE_URL = live_server.url
    return tmp_path


def outline_row(page: Page, title: str) -> Any:
    return page.locator("main tbody tr").filter(has=page.get_by_role("link", name=title, exact=True))


def wait_for_part_complete(page: Page, title: str, timeout_s: float = 20.0) -> None:
    """Reload the course outline until the server says the part is complete.

    Progress arrives asynchronously (by fetch, or by beacon once the page that sent it has gone), so the outline is
    polled. A reload that does not give the outline counts as "not yet": the live server's threads share one
    in-memory SQLite connection, so a request that overlaps a beacon can fail with "database table is locked"."""
    deadline = time.monotonic() + timeout_s
    status = outline_row(page, title).locator("td").nth(2)
    seen = "no outline"
    while True:
        response = page.goto(f"/learn/{CODE}/")
        if response is not None and response.ok and status.count() == 1:
            seen = status.inner_text()
            if "Complete" in seen:
                return
        if time.monotonic() > deadline:
            raise AssertionError(f"“{title}” still shows “{seen}” on the outline after {timeout_s} s")
        page.wait_for_timeout(250)


def player_says(page: Page, text: str) -> None:
    """The player's status line, which its script sets from the server's answer to a progress post. The timeout
    leaves room for the script's own retry (5 s later) of a post that failed."""
    expect(page.locator("[data-status]")).to_have_text(text, timeout=20_000)


def open_part(page: Page, title: str) -> None:
    """Open a part of the course from the player's or the outline's links, and let the page's own requests (its
    first progress post, the media file) finish before going on."""
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.wait_for_load_state("networkidle")


def play_video_to_the_end(page: Page) -> None:
    """Play the player's own video, muted and at 16x, to its end; the player's script measures what was played and
    sends it."""
    video = "document.querySelector('video[data-media]')"
    mp4 = 'video/mp4; codecs="avc1.42E01E, mp4a.40.2"'
    assert page.evaluate(f"{video}.canPlayType('{mp4}')"), "this Chromium cannot play H.264/AAC video"
    page.wait_for_function(f"() => {{ const v = {video}; return v.readyState >= 1 && v.duration > 0; }}")
    page.evaluate(f"() => {{ const v = {video}; v.muted = true; v.playbackRate = 16; return v.play(); }}")
    page.wait_for_function(f"() => {video}.ended", timeout=30_000)


def test_find_enrol_learn_pass_download_and_verify_the_certificate(
    page: Page, browser: Browser, live_server: Any, isolated_files: Path
) -> None:
    world = make_world()
    learner = world.learner_a
    sign_in(page, live_server.url, learner.email)

    # The catalogue, searched with a Hindi word: this course, not the other one.
    page.goto("/courses/")
    results = page.locator("#course-results")
    expect(results).to_contain_text("Land records")
    search = page.get_by_role("searchbox", name="Search courses")
    search.fill(SEARCH_WORD)
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=%E0%A4%85%E0%A4%AA%E0%A5%80%E0%A4%B2"))
    expect(results).not_to_contain_text("Land records")
    expect(results.locator("article.course-card")).to_have_count(1)
    expect(results).to_contain_text(TITLE_HI)
    results.get_by_role("link", name=TITLE_EN).click()

    # The course page: enrol.
    expect(page).to_have_url(f"{live_server.url}/courses/{CODE}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_EN)
    page.get_by_role("button", name="Enrol").click()
    expect(page).to_have_url(f"{live_server.url}/learn/{CODE}/")
    expect(page.locator(".messages")).to_contain_text("You are enrolled")
    assert Enrolment.objects.filter(user=learner, course=world.course, status=Enrolment.Status.ACTIVE).exists()
    for title in (VIDEO, PDF_DOC, READING):
        expect(outline_row(page, title)).to_contain_text("Not started")
    expect(outline_row(page, QUIZ)).to_contain_text("Not passed yet")

    # The video, played to its end; the player reports it and the outline shows the part complete.
    page.get_by_role("link", name=f"Start with {VIDEO}").click()
    expect(page).to_have_url(f"{live_server.url}/learn/{CODE}/r/{world.video.pk}/")
    page.wait_for_load_state("networkidle")
    play_video_to_the_end(page)
    player_says(page, DONE)
    wait_for_part_complete(page, VIDEO)
    expect(page.locator("main")).to_contain_text("25 % of the required parts complete")

    # The PDF: the file served is the handbook; one page read, then the whole of it.
    open_part(page, PDF_DOC)
    document = page.get_by_role("link", name="Open the document in a new tab")
    href = document.get_attribute("href")
    assert href == f"/learn/{CODE}/r/{world.pdf.pk}/file", href
    served = page.request.get(href)
    assert served.ok and served.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(served.body())).pages) == PDF_PAGES
    # Below the document the page is worked with the keyboard: headless Chromium's PDF viewer in the <object> above
    # may take a mouse click meant for a control below it once the page has scrolled (its surface lags behind).
    pages_read = page.get_by_label(re.compile(r"I have read from page 1 up to page"))
    pages_read.fill("1")
    pages_read.press("Enter")  # submits with the form's first button, "Save pages read"
    player_says(page, "Progress saved.")
    page.get_by_role("link", name="Course outline").press("Enter")
    expect(outline_row(page, PDF_DOC)).to_contain_text("33 % done")
    open_part(page, PDF_DOC)
    expect(page.get_by_label(re.compile(r"I have read from page 1 up to page"))).to_have_value("1")
    page.get_by_role("button", name="I have read the whole document").press("Enter")
    player_says(page, DONE)
    wait_for_part_complete(page, PDF_DOC)

    # The reading.
    open_part(page, READING)
    expect(page.locator("article.reading")).to_contain_text("Public Information Officer")
    mark = page.get_by_role("button", name="Mark as read")
    mark.click()
    player_says(page, DONE)
    expect(mark).to_be_hidden()
    wait_for_part_complete(page, READING)
    expect(page.locator("main")).to_contain_text("75 % of the required parts complete")
    expect(page.locator("main")).to_contain_text("pass the final assessment")

    # The final assessment: start, answer (typing the Hindi word, matching the pairs), submit, pass.
    open_part(page, QUIZ)
    page.get_by_role("link", name="Go to the assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(QUIZ)
    page.get_by_role("button", name="Start the assessment").click()
    expect(page).to_have_url(re.compile(r"/assessments/attempts/\d+/$"))
    expect(page.locator("fieldset.quiz-question")).to_have_count(3)
    page.get_by_label("30 days", exact=True).check()
    blank = page.get_by_label("Your answer")
    blank.press_sequentially(FEE_HI)
    expect(blank).to_have_value(FEE_HI)
    page.get_by_label("RTI application", exact=True).select_option(label="Public Information Officer")
    page.get_by_label("First appeal", exact=True).select_option(label="First appellate authority")
    page.get_by_role("button", name="Submit answers").click()

    expect(page).to_have_url(re.compile(r"/assessments/attempts/\d+/result/$"))
    expect(page.locator("#verdict-heading")).to_have_text("Passed")
    expect(page.locator(".quiz-verdict")).to_contain_text("3 of 3 points")
    expect(page.locator(".quiz-outcome")).to_have_text(["Correct", "Correct", "Correct"])
    attempt = Attempt.objects.get(user=learner, assessment=world.assessment)
    assert attempt.passed and attempt.percent == 100 and FEE_HI in attempt.answers.values(), attempt.answers

    # The course is complete: on its outline, and among the completed courses of My learning.
    page.get_by_role("link", name="Back to the course").click()
    expect(page.locator("main")).to_contain_text("You have completed this course.")
    expect(page.locator("main")).to_contain_text("100 % of the required parts complete")
    expect(outline_row(page, QUIZ)).to_contain_text("Complete")
    page.goto("/learn/")
    completed = page.locator("section", has=page.get_by_role("heading", name=re.compile(r"^Completed")))
    expect(completed.get_by_role("link", name=TITLE_EN, exact=True)).to_be_visible()
    expect(page.locator("#in-progress-heading")).to_have_count(0)

    # The certificate PDF carries the learner's and the course's Hindi names.
    certificate = Certificate.objects.get(enrolment__user=learner, course=world.course)
    with page.expect_download() as download_info:
        completed.get_by_role("link", name=f"Download the certificate for {TITLE_EN}").click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.access_code}.pdf"
    reader = PdfReader(download.path())
    lines = "\n".join(p.extract_text() for p in reader.pages).splitlines()
    assert "सीता देवी" in lines, lines
    assert TITLE_HI in lines, lines
    assert "Sita Devi" in lines, lines

    # Its public address: on the learner's certificates page, in the e-mail, and from the record itself.
    verify_url = certificate_actions.verify_url(certificate.pk)
    assert verify_url == f"{live_server.url}/verify/{certificate.pk}/"
    page.goto("/certificates/")
    expect(page.locator("main tbody tr")).to_contain_text("Valid")
    public_link = page.get_by_role("link", name=re.compile(r"^Public page"))
    expect(public_link).to_have_attribute("href", f"/verify/{certificate.pk}/")
    assert any(verify_url in str(m.body) for m in mail.outbox if learner.email in m.to), "no certificate e-mail"

    # Anyone, signed out, in another browser: valid, with the learner's name; then revoked.
    stranger_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    try:
        stranger_context.set_default_timeout(15_000)
        stranger = stranger_context.new_page()
        stranger.goto(verify_url)
        expect(stranger.get_by_role("button", name="Sign out")).to_have_count(0)  # nobody is signed in here
        status = stranger.locator("main .message[role=status]")
        expect(status).to_contain_text("Valid.")
        facts = stranger.locator("main dl.facts")
        expect(facts).to_contain_text("Sita Devi")
        expect(facts).to_contain_text("सीता देवी")
        expect(facts).to_contain_text(TITLE_HI)
        expect(stranger.locator("main")).not_to_contain_text("The digital signature does not match")

        certificate_actions.do_revoke_certificate(certificate, reason=REVOKE_REASON, acting_user=world.state_admin)
        stranger.reload()
        expect(status).to_contain_text("Revoked.")
        expect(status).to_contain_text(REVOKE_REASON)
        expect(status).not_to_contain_text("Valid.")
    finally:
        stranger_context.close()


def test_the_question_paper_carries_no_correct_answers(page: Page, live_server: Any, isolated_files: Path) -> None:
    world = make_world()
    learner = world.learner_a
    learning_actions.do_enrol(learner, world.course, acting_user=learner)
    sign_in(page, live_server.url, learner.email)

    page.goto(f"/assessments/{world.assessment.pk}/")
    page.get_by_role("button", name="Start the assessment").click()
    expect(page).to_have_url(re.compile(r"/assessments/attempts/\d+/$"))
    expect(page.locator("fieldset.quiz-question")).to_have_count(3)
    page.wait_for_load_state("networkidle")
    # The page as the browser holds it, and as the server sent it.
    for html in (page.content(), page.request.get(page.url).text()):
        # The questions are there; what would give them away is not.
        for shown in ("30 days", "Public Information Officer", "First appellate authority", "RTI application"):
            assert shown in html, shown
        for hidden in (FEE_HI, EXPLANATION_SINGLE, EXPLANATION_MATCH, "Correct answer", '"answer"', "data-correct"):
            assert hidden not in html, f"the question paper contains {hidden!r}"
    # The right choice looks like the wrong ones: the same attributes, nothing ticked.
    radios = page.locator("input[type=radio]")
    shapes = radios.evaluate_all("els => els.map(e => [e.name, e.getAttributeNames().sort().join(' '), e.checked])")
    assert len(shapes) == 3 and len({tuple(s) for s in shapes}) == 1, shapes
    # Every item on the left is offered the same choices in the same order, none chosen.
    selects = page.locator(".quiz-match select")
    offered = selects.evaluate_all("els => els.map(s => [...s.options].map(o => o.value + (o.selected ? '*' : '')))")
    assert len(offered) == 2 and offered[0][1:] == offered[1][1:], offered
    assert all(not value.endswith("*") for choices in offered for value in choices[1:]), offered

    # Saving an answer on the way tells nothing about whether it is right.
    with page.expect_response(re.compile(r"/assessments/attempts/\d+/save/$")) as saved:
        page.get_by_label("Your answer").press_sequentially(FEE_HI)
    response = saved.value
    assert response.ok
    assert set(response.json()) == {"saved", "seconds_left"}, response.json()
