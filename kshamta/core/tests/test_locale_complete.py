"""The Hindi catalogue is complete, keeps every placeholder, and the committed .mo matches the .po.

A fresh machine installs with pip only (no gettext), so it runs on the committed
``django.mo``; a .po edited without ``make messages`` would silently not show up.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from pathlib import Path

import polib
from django.conf import settings
from django.test import SimpleTestCase

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "hi" / "LC_MESSAGES"
PO_PATH = LOCALE_DIR / "django.po"
MO_PATH = LOCALE_DIR / "django.mo"

# %(name)s, %s, %d, %% and friends; {{ var }} left over from templates; {name} for brace-format strings.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]")
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def placeholders(text: str, flags: list[str]) -> Counter[str]:
    found = PERCENT_PLACEHOLDER.findall(text) + TEMPLATE_PLACEHOLDER.findall(text)
    if "python-brace-format" in flags:
        found += BRACE_PLACEHOLDER.findall(TEMPLATE_PLACEHOLDER.sub("", text))
    return Counter(found)


def describe(entry: polib.POEntry) -> str:
    where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2])
    context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
    return f"{entry.msgid!r}{context} ({where})"


class HindiCatalogueTests(SimpleTestCase):
    po: polib.POFile
    entries: list[polib.POEntry]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.po = polib.pofile(str(PO_PATH))
        cls.entries = [entry for entry in cls.po if not entry.obsolete]

    def test_catalogue_exists_and_is_for_hindi(self) -> None:
        self.assertTrue(PO_PATH.exists(), f"{PO_PATH} is missing: run `make messages`")
        self.assertGreater(len(self.entries), 0)
        self.assertEqual(self.po.metadata.get("Language"), "hi")
        self.assertIn("charset=UTF-8", self.po.metadata.get("Content-Type", ""))
        self.assertFalse(self.po.metadata_is_fuzzy, "the .po header is marked fuzzy: msgfmt would drop it")

    def test_every_entry_is_translated_and_none_is_fuzzy(self) -> None:
        untranslated = [describe(e) for e in self.entries if not e.translated() and "fuzzy" not in e.flags]
        fuzzy = [describe(e) for e in self.entries if "fuzzy" in e.flags]
        problems = [f"untranslated: {d}" for d in untranslated] + [f"fuzzy: {d}" for d in fuzzy]
        self.assertEqual(problems, [], "translate these in locale/hi/LC_MESSAGES/django.po, then `make messages`")

    def test_placeholders_are_kept_exactly(self) -> None:
        problems = []
        for entry in self.entries:
            if entry.msgid_plural:
                singular = placeholders(entry.msgid, entry.flags)
                plural = placeholders(entry.msgid_plural, entry.flags)
                for index, text in sorted(entry.msgstr_plural.items()):
                    # A form may follow either English form (Hindi's "one" form can drop the count).
                    if text and placeholders(text, entry.flags) not in (singular, plural):
                        problems.append(f"{describe(entry)} form {index}: {text!r}")
            elif entry.msgstr:
                expected, got = placeholders(entry.msgid, entry.flags), placeholders(entry.msgstr, entry.flags)
                if expected != got:
                    problems.append(f"{describe(entry)}: expected {dict(expected)}, got {dict(got)}")
        self.assertEqual(problems, [])

    def test_compiled_catalogue_matches_the_po(self) -> None:
        self.assertTrue(MO_PATH.exists(), f"{MO_PATH} is missing: run `make messages` and commit it")
        with MO_PATH.open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        stale = []
        for entry in self.entries:
            if not entry.translated() or "fuzzy" in entry.flags:
                continue  # reported by the completeness test
            if entry.msgid_plural:
                for n, index in ((1, 0), (2, 1)):
                    want = entry.msgstr_plural.get(index, "")
                    if entry.msgctxt:
                        got = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                    else:
                        got = compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                    if got != want:
                        stale.append(f"{describe(entry)} n={n}: .mo has {got!r}")
            else:
                got = compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid)
                if got != entry.msgstr:
                    stale.append(f"{describe(entry)}: .mo has {got!r}")
        self.assertEqual(stale, [], "the committed django.mo is out of date: run `make messages`")
