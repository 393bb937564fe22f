"""Creating a course and editing a draft's details, competencies, modules and resources through the pages."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kshamta.catalog import actions
from kshamta.catalog.models import Course, CourseVersion, Resource
from kshamta.catalog.studio_forms import format_clock, parse_clock
from kshamta.catalog.testing import make_competency
from kshamta.catalog.tests.studio_cast import MP4_START, StudioTestCase, png_bytes, upload
from kshamta.core.models import AuditEvent


class CourseCreateTests(StudioTestCase):
    url = reverse("studio:course_new")

    def data(self, **changes: Any) -> dict[str, Any]:
        values: dict[str, Any] = {
            "code": "rev-701",
            "provider": self.provider_a.pk,
            "title_en": "Mutation of land",
            "title_hi": "नामांतरण",
            "summary_en": "How a mutation is done.",
            "summary_hi": "नामांतरण कैसे होता है।",
            "languages": ["hi", "en"],
            "duration_value": 2,
            "duration_unit": "hours",
            "level": "intermediate",
            "tags": "land, mutation ,, revenue",
            "competencies-TOTAL_FORMS": 2,
            "competencies-INITIAL_FORMS": 0,
            "competencies-MIN_NUM_FORMS": 0,
            "competencies-MAX_NUM_FORMS": 50,
            "competencies-0-competency": self.competency.pk,
            "competencies-0-level": 3,
            "competencies-1-competency": "",
            "competencies-1-level": 1,
        }
        values.update(changes)
        return values

    def test_create_a_course_with_competencies_and_thumbnail(self) -> None:
        self.client.force_login(self.creator_a)
        page = self.client.get(self.url)
        self.assertContains(page, "Revenue training cell (MP-REV-TC)")
        self.assertNotContains(page, "MP-HLT-TC")
        self.assertContains(page, "RTI handling (RTI, Functional)")
        response = self.client.post(self.url, self.data(thumbnail=upload("cover.png", png_bytes())))
        version = CourseVersion.objects.get(course__code="REV-701")
        self.assertRedirects(response, reverse("studio:version", args=[version.pk]))
        self.assertEqual(
            (version.title_hi, version.languages, version.duration_minutes, version.level, version.tags),
            ("नामांतरण", "hi,en", 120, "intermediate", "land, mutation, revenue"),
        )
        self.assertEqual(list(version.competencies.values_list("competency__code", "level")), [("RTI", 3)])
        self.assertEqual((version.created_by, version.status), (self.creator_a, CourseVersion.Status.DRAFT))
        self.assertTrue((version.thumbnail.name or "").startswith("thumbnails/"))
        self.assertTrue(AuditEvent.objects.filter(action="course.create", actor=self.creator_a).exists())

    def test_duration_must_be_from_7_minutes_to_90_days(self) -> None:
        self.client.force_login(self.creator_a)
        for value, unit in ((6, "minutes"), (91, "days"), (2161, "hours")):
            with self.subTest(f"{value} {unit}"):
                response = self.client.post(self.url, self.data(duration_value=value, duration_unit=unit))
                self.assertContains(response, "A course lasts from 7 minutes to 90 days.", status_code=400)
        for value, unit in ((7, "minutes"), (90, "days")):
            response = self.client.post(
                self.url, self.data(code=f"D-{value}", duration_value=value, duration_unit=unit)
            )
            self.assertEqual(response.status_code, 302)
        self.assertEqual(CourseVersion.objects.get(course__code="D-90").duration_minutes, 129600)

    def test_bad_input_is_refused(self) -> None:
        self.client.force_login(self.creator_a)
        actions.do_create_course(code="REV-701", provider=self.provider_a, acting_user=None, title_en="Taken")
        cases = {
            "already exists": self.data(),
            "Give a title in English or in Hindi.": self.data(code="NEW-1", title_en="", title_hi=""),
            "Use letters, digits": self.data(code="NEW 1 <b>"),
            "is chosen twice": self.data(code="NEW-2", **{"competencies-1-competency": self.competency.pk}),
            "Select a valid choice": self.data(code="NEW-3", provider=self.provider_b.pk),
        }
        for message, data in cases.items():
            with self.subTest(message):
                self.assertContains(self.client.post(self.url, data), message, status_code=400)
        self.assertEqual(Course.objects.count(), 1)

    def test_the_competency_picker_offers_only_the_active_framework(self) -> None:
        from kshamta.competencies.models import Competency, Framework

        old = Framework.objects.create(code="OLD", name_en="Old framework", is_active=False)
        stale = Competency.objects.create(framework=old, code="STALE", kind="domain", name_en="Stale")
        self.client.force_login(self.creator_a)
        self.assertNotContains(self.client.get(self.url), "STALE")
        response = self.client.post(self.url, self.data(**{"competencies-0-competency": stale.pk}))
        self.assertContains(response, "Select a valid choice", status_code=400)

    def test_reviewers_cannot_create_courses(self) -> None:
        self.assertNotFoundFor(self.reviewer_a, self.url)


class DraftEditingTests(StudioTestCase):
    def test_edit_details_and_competencies(self) -> None:
        version = self.draft()
        other = make_competency("LAND")
        url = reverse("studio:version_edit", args=[version.pk])
        self.client.force_login(self.creator_a)
        page = self.client.get(url)
        self.assertEqual(page.context["form"]["duration_value"].value(), 90)
        response = self.client.post(
            url,
            {
                "title_en": "Land records",
                "title_hi": "भू-अभिलेख",
                "languages": ["hi"],
                "duration_value": 3,
                "duration_unit": "days",
                "level": "advanced",
                "competencies-TOTAL_FORMS": 2,
                "competencies-INITIAL_FORMS": 1,
                "competencies-0-competency": "",
                "competencies-0-level": 2,
                "competencies-1-competency": other.pk,
                "competencies-1-level": 4,
            },
        )
        self.assertRedirects(response, reverse("studio:version", args=[version.pk]))
        version.refresh_from_db()
        self.assertEqual((version.languages, version.duration_minutes, version.level), ("hi", 3 * 24 * 60, "advanced"))
        self.assertEqual(list(version.competencies.values_list("competency__code", "level")), [("LAND", 4)])

    def test_modules_through_the_pages(self) -> None:
        version = self.draft()
        self.client.force_login(self.creator_a)
        response = self.client.post(reverse("studio:module_new", args=[version.pk]), {"title_hi": "अभ्यास"})
        self.assertEqual(response.status_code, 302)
        added = version.modules.get(title_hi="अभ्यास")
        response = self.client.post(reverse("studio:module_new", args=[version.pk]), {"title_en": ""})
        self.assertContains(response, "Give a title", status_code=400)
        self.client.post(reverse("studio:module_move", args=[added.pk]), {"direction": "up"})
        self.assertEqual(version.modules.order_by("position").values_list("pk", flat=True).first(), added.pk)
        self.client.post(reverse("studio:module_edit", args=[added.pk]), {"title_en": "Practice", "title_hi": "अभ्यास"})
        added.refresh_from_db()
        self.assertEqual(added.title_en, "Practice")
        self.client.post(reverse("studio:module_delete", args=[added.pk]))
        self.assertEqual(version.modules.count(), 1)

    def test_each_kind_of_resource_through_the_pages(self) -> None:
        version = self.draft()
        module = version.modules.get()
        self.client.force_login(self.creator_a)

        def add(kind: str, data: dict[str, Any]) -> Any:
            return self.client.post(reverse("studio:resource_new", args=[module.pk, kind]), data)

        self.assertEqual(
            add(
                "video",
                {
                    "title_en": "Lecture",
                    "url": "https://video.gov.in/x.mp4",
                    "duration": "12:30",
                    "completion_threshold": 90,
                },
            ).status_code,
            302,
        )
        self.assertEqual(
            add(
                "audio",
                {
                    "title_en": "Podcast",
                    "file": upload("p.m4a", MP4_START),
                    "duration": "5",
                    "completion_threshold": 95,
                },
            ).status_code,
            302,
        )
        self.assertEqual(add("link", {"title_en": "Portal", "url": "https://mpbhulekh.gov.in/"}).status_code, 302)
        response = add("video", {"title_en": "No source", "duration": "1:00", "completion_threshold": 95})
        self.assertContains(response, "Upload a file or give the web address", status_code=400)
        response = add(
            "video", {"title_en": "No time", "url": "https://video.gov.in/y.mp4", "completion_threshold": 95}
        )
        self.assertContains(response, "Give the duration.", status_code=400)
        response = add(
            "video",
            {"title_en": "Bad time", "url": "https://v.gov.in/", "duration": "1:99", "completion_threshold": 95},
        )
        self.assertContains(response, "Write the duration as minutes", status_code=400)
        self.assertEqual(self.client.get(reverse("studio:resource_new", args=[module.pk, "movie"])).status_code, 404)

        lecture = Resource.objects.get(title_en="Lecture")
        self.assertEqual((lecture.duration_seconds, lecture.completion_threshold), (750, 90))
        podcast = Resource.objects.get(title_en="Podcast")
        self.assertEqual(podcast.duration_seconds, 300)
        self.assertTrue((podcast.file.name or "").endswith(".m4a"))

        # Replacing an uploaded file by an address keeps the old file in storage (earlier versions may share it).
        response = self.client.post(
            reverse("studio:resource_edit", args=[podcast.pk]),
            {
                "title_en": "Podcast",
                "url": "https://radio.gov.in/p.mp3",
                "duration": "5:00",
                "completion_threshold": 95,
            },
        )
        self.assertEqual(response.status_code, 302)
        podcast.refresh_from_db()
        self.assertEqual((podcast.file.name, podcast.url), ("", "https://radio.gov.in/p.mp3"))
        self.assertEqual(len(self.stored_files()), 1)

    def test_assessment_resource_chooses_an_assessment_of_this_version(self) -> None:
        from kshamta.assessments.actions import do_create_assessment

        version = self.draft()
        other = self.draft("REV-702")
        mine = do_create_assessment(version, acting_user=self.creator_a, title_en="Check yourself")
        theirs = do_create_assessment(other, acting_user=self.creator_a, title_en="Other quiz")
        module = version.modules.get()
        url = reverse("studio:resource_new", args=[module.pk, "assessment"])
        self.client.force_login(self.creator_a)
        page = self.client.get(url)
        self.assertContains(page, "Check yourself")
        self.assertNotContains(page, "Other quiz")
        response = self.client.post(url, {"title_en": "Quiz", "assessment": theirs.pk})
        self.assertContains(response, "Select a valid choice", status_code=400)
        response = self.client.post(url, {"title_en": "Quiz", "assessment": mine.pk, "is_required": "on"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Resource.objects.get(title_en="Quiz").assessment, mine)
        with self.assertRaisesMessage(actions.CatalogError, "Choose an assessment of this version"):
            actions.do_add_resource(module, kind="assessment", acting_user=self.creator_a, assessment=theirs)

    def test_published_versions_cannot_be_edited_through_the_pages(self) -> None:
        version = self.published()
        module = version.modules.get()
        resource = module.resources.first()
        assert resource is not None
        self.client.force_login(self.creator_a)
        for url in (
            reverse("studio:version_edit", args=[version.pk]),
            reverse("studio:module_new", args=[version.pk]),
            reverse("studio:resource_new", args=[module.pk, "link"]),
            reverse("studio:resource_edit", args=[resource.pk]),
        ):
            with self.subTest(url):
                response = self.client.post(url, {"title_en": "Changed", "url": "https://x.in/"}, follow=True)
                self.assertContains(response, "Only a draft can be changed")
        response = self.client.post(reverse("studio:resource_delete", args=[resource.pk]), follow=True)
        self.assertContains(response, "can no longer be changed")
        version.refresh_from_db()
        self.assertEqual(version.title_en, "Land records")
        self.assertEqual(module.resources.count(), 2)

    def test_clock_parsing(self) -> None:
        self.assertEqual(
            [parse_clock(v) for v in ("12", "12:30", "1:05:00", "", "1:60", "a", "1:2:3:4")],
            [720, 750, 3900, 0, None, None, None],
        )
        self.assertEqual([format_clock(s) for s in (0, 59, 750, 3900)], ["", "0:59", "12:30", "1:05:00"])
