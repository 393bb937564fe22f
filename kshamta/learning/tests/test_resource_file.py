"""Uploaded course files are served to enrolled learners only, with byte ranges for seeking."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from kshamta.catalog.models import Resource
from kshamta.learning.tests.helpers import LearningTestCase

BODY = bytes(range(256)) * 40  # 10,240 bytes


class ResourceFileTests(LearningTestCase):
    def setUp(self) -> None:
        self.name = default_storage.save("resources/test/lecture.mp4", ContentFile(BODY))
        self.addCleanup(default_storage.delete, self.name)
        Resource.objects.filter(pk=self.video.pk).update(file=self.name, url="")
        self.enrol(self.learner_a)
        self.client = self.client_for(self.learner_a)
        self.url = reverse("learning:resource_file", args=["RTI-101", self.video.pk])

    def test_the_player_uses_the_checked_address(self) -> None:
        response = self.client.get(reverse("learning:resource", args=["RTI-101", self.video.pk]))
        self.assertContains(response, f'src="{self.url}"')

    def test_whole_file(self) -> None:
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), BODY)  # type: ignore[attr-defined]
        self.assertEqual(response["Content-Type"], "video/mp4")
        self.assertEqual(response["Accept-Ranges"], "bytes")
        self.assertIn("inline", response["Content-Disposition"])
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")

    def test_byte_ranges(self) -> None:
        response = self.client.get(self.url, HTTP_RANGE="bytes=100-199")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(b"".join(response.streaming_content), BODY[100:200])  # type: ignore[attr-defined]
        self.assertEqual(response["Content-Range"], f"bytes 100-199/{len(BODY)}")
        self.assertEqual(response["Content-Length"], "100")
        tail = self.client.get(self.url, HTTP_RANGE="bytes=-10")
        self.assertEqual(b"".join(tail.streaming_content), BODY[-10:])  # type: ignore[attr-defined]
        open_ended = self.client.get(self.url, HTTP_RANGE="bytes=10000-")
        self.assertEqual(b"".join(open_ended.streaming_content), BODY[10000:])  # type: ignore[attr-defined]
        beyond = self.client.get(self.url, HTTP_RANGE="bytes=999999-")
        self.assertEqual(beyond.status_code, 416)
        self.assertEqual(beyond["Content-Range"], f"bytes */{len(BODY)}")

    def test_a_file_of_another_type_is_only_ever_a_download(self) -> None:
        name = default_storage.save("resources/test/page.html", ContentFile(b"<script>alert(1)</script>"))
        self.addCleanup(default_storage.delete, name)
        Resource.objects.filter(pk=self.pdf.pk).update(file=name)
        response = self.client.get(reverse("learning:resource_file", args=["RTI-101", self.pdf.pk]))
        self.assertEqual(response["Content-Type"], "application/octet-stream")
        self.assertIn("attachment", response["Content-Disposition"])

    def test_no_file(self) -> None:
        url = reverse("learning:resource_file", args=["RTI-101", self.text.pk])
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_denies_the_outsider_and_anonymous(self) -> None:
        self.assertEqual(self.client_for(self.learner_b).get(self.url).status_code, 404)
        self.assertEqual(self.client_for(self.outsider).get(self.url).status_code, 404)
        response = self.client_for(None).get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("accounts:sign_in"), response["Location"])
