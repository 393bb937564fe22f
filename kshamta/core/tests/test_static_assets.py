"""Vendored static files are real and referenced correctly; every page carries the accessibility basics.

(The browser tests in tests_e2e/ check the same things in Chromium; these run everywhere.)
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, TestCase

STATIC = Path(settings.BASE_DIR) / "static"
CSS = STATIC / "css" / "kshamta.css"


class VendoredFilesTests(SimpleTestCase):
    def test_htmx_is_the_real_library_with_its_licence(self) -> None:
        source = (STATIC / "vendor" / "htmx.min.js").read_text(encoding="utf-8")
        self.assertGreater(len(source), 30_000, "static/vendor/htmx.min.js looks like a placeholder")
        self.assertIn("0BSD", source.splitlines()[0])
        self.assertIn("htmx", source)
        self.assertTrue((STATIC / "vendor" / "README.md").exists())

    def test_every_font_face_points_at_a_bundled_woff2_and_swaps(self) -> None:
        css = CSS.read_text(encoding="utf-8")
        faces = re.findall(r"@font-face\s*{(.*?)}", css, flags=re.DOTALL)
        families = set()
        for face in faces:
            self.assertIn("font-display:swap", face.replace(" ", ""))
            for url in re.findall(r'url\("?([^")]+)"?\)', face):
                self.assertTrue((CSS.parent / url).resolve().is_file(), url)
                self.assertTrue(url.endswith(".woff2"), url)
            families.add(re.search(r'font-family:\s*"([^"]+)"', face).group(1))  # type: ignore[union-attr]
        self.assertEqual(families, {"Noto Sans", "Noto Sans Devanagari"})
        self.assertEqual(len(faces), 4, "weights 400 and 700 of each family")
        self.assertIn("SIL OPEN FONT LICENSE", (STATIC / "fonts" / "OFL.txt").read_text(encoding="utf-8"))
        for font in (STATIC / "fonts").glob("*.woff2"):
            self.assertEqual(font.read_bytes()[:4], b"wOF2", font.name)


class PageBasicsTests(TestCase):
    def test_sign_in_page_has_language_skip_link_and_main_landmark(self) -> None:
        html = self.client.get("/sign-in/").content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertRegex(html, r'<a class="skip-link" href="#main">')
        self.assertIn('<main id="main"', html)
        self.assertIn('<label for="id_identity">', html)
        self.assertRegex(html, r'<button type="submit" name="language" value="hi" lang="hi">')

    def test_hindi_pages_say_so(self) -> None:
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hi"
        html = self.client.get("/sign-in/").content.decode()
        self.assertIn('<html lang="hi">', html)
        self.assertIn("साइन इन करें", html)
        self.assertIn("मुख्य सामग्री पर जाएँ", html)

    def test_field_errors_are_announced_and_linked_to_the_field(self) -> None:
        html = self.client.post("/sign-in/", {"identity": "not an address"}).content.decode()
        self.assertIn('aria-invalid="true"', html)
        self.assertIn('aria-describedby="id_identity_error"', html)
        self.assertRegex(html, r'<div id="id_identity_error" role="alert">')
