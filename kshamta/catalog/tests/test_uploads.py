"""Uploads, rich text and external addresses: type by extension and content, size limits,
nothing stored when refused, HTML sanitised, only http(s) addresses."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.test import override_settings
from django.urls import reverse

from kshamta.catalog import actions
from kshamta.catalog.actions import CatalogError
from kshamta.catalog.models import Course, Resource
from kshamta.catalog.tests.studio_cast import MP3_START, MP4_START, StudioTestCase, pdf_bytes, png_bytes, upload
from kshamta.catalog.uploads import (
    UploadKind,
    UploadRefused,
    check_upload,
    check_web_address,
    max_upload_bytes,
    sanitise_html,
)

GB = 1024 * 1024 * 1024


def declared_size(name: str, content: bytes, size: int) -> InMemoryUploadedFile:
    """An upload whose size is what the request said it was (the bytes behind it are a few)."""
    return InMemoryUploadedFile(io.BytesIO(content), "file", name, "application/octet-stream", size, None)


class CheckUploadTests(StudioTestCase):
    def refused(self, name: str, content: bytes, kind: str) -> str:
        with self.assertRaises(UploadRefused) as caught:
            check_upload(upload(name, content), kind)
        return caught.exception.message

    def test_accepted_files(self) -> None:
        self.assertEqual(check_upload(upload("manual.pdf", pdf_bytes(7)), UploadKind.PDF).page_count, 7)
        self.assertEqual(check_upload(upload("talk.MP4", MP4_START), UploadKind.VIDEO).extension, ".mp4")
        webm = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 32
        check_upload(upload("talk.webm", webm), UploadKind.VIDEO)
        check_upload(upload("song.mp3", MP3_START), UploadKind.AUDIO)
        check_upload(upload("frame.mp3", b"\xff\xfb\x90\x64" + b"\x00" * 64), UploadKind.AUDIO)
        check_upload(upload("voice.ogg", b"OggS\x00\x02" + b"\x00" * 64), UploadKind.AUDIO)
        check_upload(upload("voice.m4a", MP4_START), UploadKind.AUDIO)
        check_upload(upload("cover.png", png_bytes()), UploadKind.THUMBNAIL)

    def test_a_pdf_that_is_really_a_png_is_refused(self) -> None:
        self.assertIn("content is not PDF", self.refused("manual.pdf", png_bytes(), UploadKind.PDF))

    def test_an_mp4_that_is_text_is_refused(self) -> None:
        message = self.refused("talk.mp4", b"This is not a video, just some text.\n" * 10, UploadKind.VIDEO)
        self.assertEqual(message, "The file's content is not MP4, although its name ends in .mp4.")

    def test_other_renamed_files_are_refused(self) -> None:
        self.refused("talk.webm", MP4_START, UploadKind.VIDEO)
        self.refused("song.mp3", b"<html><script>alert(1)</script></html>", UploadKind.AUDIO)
        self.refused("cover.jpg", png_bytes(), UploadKind.THUMBNAIL)
        self.refused("cover.png", b"\x89PNG\r\n\x1a\n" + b"broken", UploadKind.THUMBNAIL)  # right start, not an image

    def test_wrong_extensions_and_empty_files_are_refused(self) -> None:
        self.assertIn("Upload one of: .pdf", self.refused("manual.docx", pdf_bytes(), UploadKind.PDF))
        self.assertIn("cannot be used here", self.refused("setup.exe", b"MZ\x90\x00", UploadKind.VIDEO))
        self.assertIn("cannot be used here", self.refused("video", MP4_START, UploadKind.VIDEO))
        self.assertEqual(self.refused("empty.pdf", b"", UploadKind.PDF), "The file is empty.")

    def test_a_damaged_pdf_gets_a_clear_error(self) -> None:
        damaged = b"%PDF-1.7\n" + b"\x00garbage" * 200
        self.assertIn("could not be read", self.refused("manual.pdf", damaged, UploadKind.PDF))
        truncated = pdf_bytes(2)[:120]
        self.assertIn("could not be read", self.refused("manual.pdf", truncated, UploadKind.PDF))

    def test_a_one_gigabyte_upload_is_refused(self) -> None:
        for kind, name, content in (
            (UploadKind.VIDEO, "talk.mp4", MP4_START),
            (UploadKind.PDF, "manual.pdf", pdf_bytes()),
            (UploadKind.THUMBNAIL, "cover.png", png_bytes()),
        ):
            with self.subTest(kind), self.assertRaises(UploadRefused) as caught:
                check_upload(declared_size(name, content, GB), kind)
            self.assertIn("The file is too large", caught.exception.message)

    def test_limits_come_from_settings(self) -> None:
        self.assertEqual(max_upload_bytes(UploadKind.VIDEO), 200 * 1024 * 1024)
        self.assertEqual(max_upload_bytes(UploadKind.AUDIO), 200 * 1024 * 1024)
        self.assertEqual(max_upload_bytes(UploadKind.PDF), 50 * 1024 * 1024)
        self.assertEqual(max_upload_bytes(UploadKind.THUMBNAIL), 2 * 1024 * 1024)
        with override_settings(CONTENT_MAX_PDF_MB=1):
            content = pdf_bytes()
            check_upload(declared_size("a.pdf", content, 1024 * 1024), UploadKind.PDF)
            with self.assertRaisesMessage(UploadRefused, "limit for this kind of file is 1 MB"):
                check_upload(declared_size("a.pdf", content, 1024 * 1024 + 1), UploadKind.PDF)

    def test_refused_uploads_store_nothing_through_the_action(self) -> None:
        version = self.draft()
        module = version.modules.get()
        cases = (
            ("pdf", "manual.pdf", png_bytes()),
            ("video", "talk.mp4", b"plain text"),
            ("audio", "talk.mp3", MP4_START),
            ("pdf", "big.pdf", None),
        )
        for kind, name, content in cases:
            file = declared_size(name, pdf_bytes(), GB) if content is None else upload(name, content)
            with self.subTest(name), self.assertRaises(CatalogError):
                actions.do_add_resource(module, kind=kind, acting_user=self.creator_a, title_en="X", file=file)
        self.assertEqual(module.resources.count(), 2)
        self.assertEqual(self.stored_files(), [])

    def test_accepted_pdf_is_stored_with_its_page_count(self) -> None:
        version = self.draft()
        resource = actions.do_add_resource(
            version.modules.get(),
            kind="pdf",
            acting_user=self.creator_a,
            title_en="Act",
            file=upload("act.pdf", pdf_bytes(5)),
        )
        resource.refresh_from_db()
        self.assertEqual(resource.page_count, 5)
        self.assertTrue((resource.file.name or "").startswith("resources/"))
        self.assertEqual(len(self.stored_files()), 1)
        with resource.file.open("rb") as stored:
            self.assertTrue(stored.read(5) == b"%PDF-")

    def test_files_only_for_media_and_pdf(self) -> None:
        version = self.draft()
        with self.assertRaisesMessage(CatalogError, "Only a video, an audio recording or a PDF"):
            actions.do_add_resource(
                version.modules.get(), kind="link", acting_user=self.creator_a, file=upload("a.pdf", pdf_bytes())
            )


class RichTextTests(StudioTestCase):
    def test_scripts_and_event_handlers_are_removed(self) -> None:
        html = (
            '<h2>Rules</h2><p onclick="steal()">Read <b>this</b><script>alert("x")</script></p>'
            '<img src="x" onerror="alert(1)"><style>p{}</style>'
            '<a href="javascript:alert(1)">bad</a> <a href="https://rti.gov.in/" target="_blank">RTI</a>'
            '<ul><li>one</li></ul><table><tr><th scope="col">A</th></tr><tr><td>1</td></tr></table>'
            '<iframe src="https://evil.example/"></iframe>'
        )
        clean = sanitise_html(html)
        for gone in ("<script", "alert", "onclick", "onerror", "<img", "<style", "javascript:", "<iframe", "target="):
            self.assertNotIn(gone, clean)
        for kept in ("<h2>Rules</h2>", "<b>this</b>", "<ul><li>one</li></ul>", '<th scope="col">A</th>', "<td>1</td>"):
            self.assertIn(kept, clean)
        self.assertIn('<a href="https://rti.gov.in/" rel="noopener noreferrer">RTI</a>', clean)

    def test_the_action_stores_sanitised_html(self) -> None:
        version = self.draft()
        resource = actions.do_add_resource(
            version.modules.get(),
            kind="text",
            acting_user=self.creator_a,
            title_en="Notes",
            body_html='<p>Hello<script>document.cookie</script></p><img src=x onerror="alert(1)">',
        )
        resource.refresh_from_db()
        self.assertEqual(resource.body_html, "<p>Hello</p>")
        self.assertEqual(resource.duration_seconds, 60)  # estimated from the text when not given
        actions.do_update_resource(resource, acting_user=self.creator_a, body_html='<p onmouseover="x()">Bye</p>')
        resource.refresh_from_db()
        self.assertEqual(resource.body_html, "<p>Bye</p>")


class WebAddressTests(StudioTestCase):
    def test_only_http_and_https(self) -> None:
        self.assertEqual(check_web_address(" https://rti.gov.in/a?b=1 "), "https://rti.gov.in/a?b=1")
        self.assertEqual(check_web_address("http://example.org"), "http://example.org")
        for bad in (
            "javascript:alert(1)",
            "ftp://files.gov.in/a.mp4",
            "data:text/html,hi",
            "rti.gov.in",
            "https://",
            "",
        ):
            with self.subTest(bad), self.assertRaises(CatalogError):
                check_web_address(bad)

    def test_the_action_refuses_other_schemes(self) -> None:
        version = self.draft()
        module = version.modules.get()
        for kind in ("link", "video"):
            with self.subTest(kind), self.assertRaisesMessage(CatalogError, "https://"):
                actions.do_add_resource(
                    module,
                    kind=kind,
                    acting_user=self.creator_a,
                    title_en="X",
                    url="javascript:alert(1)",
                    duration_seconds=5,
                )
        self.assertEqual(module.resources.count(), 2)


class UploadPageTests(StudioTestCase):
    def url(self, kind: str = "pdf") -> str:
        version = self.draft()
        return reverse("studio:resource_new", args=[version.modules.get().pk, kind])

    def test_pdf_upload_through_the_page(self) -> None:
        url = self.url()
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url,
            {
                "title_en": "Act",
                "file": upload("act.pdf", pdf_bytes(2)),
                "completion_threshold": 90,
                "is_required": "on",
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:3000])
        resource = Resource.objects.get(title_en="Act")
        self.assertEqual((resource.page_count, resource.completion_threshold, resource.is_required), (2, 90, True))
        self.assertEqual(len(self.stored_files()), 1)

    def test_a_png_renamed_to_pdf_is_refused_on_the_page(self) -> None:
        url = self.url()
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url, {"title_en": "Act", "file": upload("act.pdf", png_bytes()), "completion_threshold": 95}
        )
        self.assertContains(response, "content is not PDF", status_code=400)
        self.assertFalse(Resource.objects.filter(title_en="Act").exists())
        self.assertEqual(self.stored_files(), [])

    def test_a_text_file_renamed_to_mp4_is_refused_on_the_page(self) -> None:
        url = self.url("video")
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url,
            {
                "title_en": "Talk",
                "file": upload("talk.mp4", b"hello " * 50),
                "duration": "10:00",
                "completion_threshold": 95,
            },
        )
        self.assertContains(response, "content is not MP4", status_code=400)
        self.assertEqual(self.stored_files(), [])

    def test_a_request_announcing_a_gigabyte_is_refused_before_it_is_read(self) -> None:
        url = self.url("video")
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url,
            {
                "title_en": "Huge",
                "file": upload("huge.mp4", MP4_START),
                "duration": "1:00:00",
                "completion_threshold": 95,
            },
            CONTENT_LENGTH=str(GB),
        )
        self.assertContains(
            response, "The file is too large: the limit for this kind of file is 200 MB.", status_code=413
        )
        self.assertFalse(Resource.objects.filter(title_en="Huge").exists())
        self.assertEqual(self.stored_files(), [])

    def test_a_huge_thumbnail_is_refused_before_the_course_is_made(self) -> None:
        self.client.force_login(self.creator_a)
        response = self.client.post(
            reverse("studio:course_new"),
            {
                "code": "BIG-1",
                "provider": self.provider_a.pk,
                "title_en": "Big",
                "thumbnail": upload("c.png", png_bytes()),
            },
            CONTENT_LENGTH=str(3 * 1024 * 1024),
        )
        self.assertContains(response, "the limit for this kind of file is 2 MB", status_code=413)
        self.assertFalse(Course.objects.filter(code="BIG-1").exists())
        self.assertEqual(self.stored_files(), [])

    @override_settings(CONTENT_MAX_PDF_MB=1)
    def test_a_file_over_the_limit_is_dropped_while_it_streams_in(self) -> None:
        url = self.url()
        big = pdf_bytes(1) + b"%" + b"x" * (1024 * 1024)  # just over 1 MB; the announced body is within the allowance
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url, {"title_en": "Big", "file": upload("big.pdf", big), "completion_threshold": 95}
        )
        self.assertContains(response, "limit for this kind of file is 1 MB", status_code=400)
        self.assertEqual(response.context["form"]["title_en"].value(), "Big")  # the rest of the form was read
        self.assertFalse(Resource.objects.filter(title_en="Big").exists())
        self.assertEqual(self.stored_files(), [])

    def test_html_with_scripts_is_sanitised_through_the_page(self) -> None:
        url = self.url("text")
        self.client.force_login(self.creator_a)
        response = self.client.post(
            url,
            {"title_en": "Reading", "body_html": '<p>Fine</p><script>alert(1)</script><img src=x onerror="alert(2)">'},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Resource.objects.get(title_en="Reading").body_html, "<p>Fine</p>")

    def test_javascript_address_is_refused_on_the_page(self) -> None:
        url = self.url("link")
        self.client.force_login(self.creator_a)
        response = self.client.post(url, {"title_en": "Bad", "url": "javascript:alert(1)"})
        self.assertContains(response, "starting with https://", status_code=400)

    def test_upload_still_needs_the_csrf_token(self) -> None:
        from django.test import Client

        url = self.url()
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.creator_a)
        response = client.post(
            url, {"title_en": "Act", "file": upload("act.pdf", pdf_bytes()), "completion_threshold": 95}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.stored_files(), [])

    def test_thumbnail_upload_on_the_details_page(self) -> None:
        version = self.draft()
        url = reverse("studio:version_edit", args=[version.pk])
        self.client.force_login(self.creator_a)
        data = {
            "title_en": "Land records",
            "languages": ["hi", "en"],
            "duration_value": 90,
            "duration_unit": "minutes",
            "level": "beginner",
            "competencies-TOTAL_FORMS": 0,
            "competencies-INITIAL_FORMS": 0,
        }
        response = self.client.post(url, data | {"thumbnail": upload("cover.pdf", pdf_bytes())})
        self.assertContains(response, "cannot be used here", status_code=400)
        response = self.client.post(url, data | {"thumbnail": upload("cover.png", png_bytes())})
        self.assertEqual(response.status_code, 302, response.content[:2000])
        version.refresh_from_db()
        self.assertTrue((version.thumbnail.name or "").startswith("thumbnails/"))
        self.assertEqual(self.client.get(reverse("studio:thumbnail", args=[version.pk]))["Content-Type"], "image/png")
