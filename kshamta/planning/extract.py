"""From document text to statements: sentences, whom each is about, and the schemes and acts named.

A document's text (``ingest``) is cut into units (a paragraph, a list item, a DOCX
paragraph), units into sentences at the Hindi danda (।), full stops, question marks and
semicolons, with list bullets and numbering taken off. Headings set the subject of what
follows until the next heading:

* a heading that names a designation of the organogram ("कर्तव्य — तहसीलदार", "Duties of
  the Patwari") attributes the following statements to it;
* a heading that names a wing ("Wing: Land Records / भू-अभिलेख शाखा") attributes them to
  the wing, that is to every designation of that wing;
* any other heading ("Introduction", "सामान्य") ends the attribution: what follows is about
  the department as a whole.

A sentence outside a designation's section that names a designation ("The Revenue Inspector
checks the Patwari's diaries") is attributed to the first one it names. Sentences of annual
reports and of acts and rules also carry the name of a scheme or act they mention
("SVAMITVA scheme", "स्वामित्व योजना", "Right to Information Act, 2005", "मध्यप्रदेश भू-राजस्व
संहिता, 1959").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kshamta.planning.models import PlanDocument, Statement

# Devanagari letters and signs, without the danda (।, ॥) and the digits.
DEVANAGARI_LETTER = r"\u0900-\u0963\u0971-\u097f"
QUOTES = "\u201c\u201d\u2018\u2019"
# Hyphen, en dash and em dash, as headings write them ("कर्तव्य — तहसीलदार").
DASHES = "-\u2013\u2014"
MAX_SENTENCE_CHARS = 600
MIN_SENTENCE_WORDS = 3
MAX_HEADING_WORDS = 12
MAX_LEADING_HEADING_WORDS = 24
MAX_TITLE_WORDS = 16


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- the names to look for ------------------------------------------------------------


def _english_pattern(name: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s]+", name.strip()) if w]
    body = r"[\s\-]+".join(words)
    # "Patwaris", "Tehsildars'": plural and possessive forms of the last word.
    return rf"(?<![A-Za-z]){body}(?:s|es)?(?:'s?)?(?![A-Za-z])"


def _hindi_variants(name: str) -> list[str]:
    """The name and its plural oblique forms: पटवारी → पटवारियों, पटवारियाँ; निरीक्षक → निरीक्षकों (a prefix)."""
    variants = [name]
    if name.endswith("ी"):
        variants += [name[:-1] + "ियों", name[:-1] + "ियाँ"]
    return variants


def _hindi_pattern(name: str) -> str:
    options = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in _hindi_variants(name))
    # Not inside another word: no Devanagari letter before; after it, only the endings of a plural.
    return rf"(?<![{DEVANAGARI_LETTER}])(?:{options})(?:ों|ो)?(?![{DEVANAGARI_LETTER}])"


@dataclass
class Subject:
    """A designation (key = its code) or a wing (key = the wing as the organogram writes it)."""

    key: str
    names: list[str]


def _is_devanagari(text: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in text)


class NameFinder:
    """Finds the names of several subjects in text, longest name first (so "Naib Tehsildar" wins
    over "Tehsildar" and "Deputy Collector" over "Collector")."""

    def __init__(self, subjects: Iterable[Subject]):
        alternatives: list[tuple[int, str, str]] = []
        for subject in subjects:
            for name in {_nfc(n.strip()) for n in subject.names if n and n.strip()}:
                if len(name) < 3:
                    continue
                pattern = _hindi_pattern(name) if _is_devanagari(name) else _english_pattern(name)
                alternatives.append((len(name), pattern, subject.key))
        alternatives.sort(key=lambda a: -a[0])
        self.keys = [key for _length, _pattern, key in alternatives]
        self.regex = (
            re.compile("|".join(f"({pattern})" for _l, pattern, _k in alternatives), re.IGNORECASE)
            if alternatives
            else None
        )

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self.regex is None:
            return
        for match in self.regex.finditer(text):
            index = match.lastindex
            if index is not None:
                yield match.start(), match.end(), self.keys[index - 1]

    def first(self, text: str) -> str | None:
        return next((key for _s, _e, key in self.spans(text)), None)

    def covered(self, text: str) -> tuple[str | None, int]:
        """The first subject named and how many characters all names cover."""
        first: str | None = None
        length = 0
        for start, end, key in self.spans(text):
            first = first or key
            length += end - start
        return first, length


WING_WORDS = re.compile(
    r"\b(?:wing|section|branch|cell|division)\b|शाखा|प्रकोष्ठ|अनुभाग|प्रभाग|विंग|^\s*(?:wing|शाखा)\s*[:\-\u2013\u2014]",
    re.IGNORECASE,
)


def wing_names(wing: str) -> list[str]:
    """The names a wing goes by: "Land Records / भू-अभिलेख शाखा" → the whole, each part, and each
    part without the word for wing ("Land Records", "भू-अभिलेख")."""
    names = [wing]
    for part in re.split(r"\s*[/|]\s*", wing):
        part = part.strip(f" {DASHES}:")
        if not part:
            continue
        names.append(part)
        core = " ".join(WING_WORDS.sub(" ", part).split()).strip(f" {DASHES}:")
        if core and core != part:
            names.append(core)
    return names


@dataclass
class Lexicon:
    """The designations and wings of a plan's organogram, to find in headings and sentences."""

    designations: NameFinder
    wings: NameFinder
    designation_wing: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, designations: Iterable[tuple[str, list[str], str]]) -> Lexicon:
        """From (code, names, wing) of each designation."""
        items = list(designations)
        wings = sorted({wing for _c, _n, wing in items if wing})
        return cls(
            designations=NameFinder(Subject(code, names) for code, names, _w in items),
            wings=NameFinder(Subject(wing, wing_names(wing)) for wing in wings),
            designation_wing={code: wing for code, _n, wing in items if wing},
        )


# --- schemes and acts -------------------------------------------------------------------

_CAPITALISED = r"[A-Z][\w'&.\-]*"
_JOINER = r"(?:of|to|and|for|the|on|in|&)"
_NAME_CHAIN = rf"{_CAPITALISED}(?:\s+(?:{_JOINER}\s+)*{_CAPITALISED})*"
ACT_EN = re.compile(
    rf"\b({_NAME_CHAIN}\s+(?:Act|Code|Rules|Regulations|Ordinance|Manual|Circular)\b(?:,?\s*\d{{1,4}}(?:-\d{{1,4}})?)?)"
)
SCHEME_EN = re.compile(
    rf"\b({_NAME_CHAIN}\s+(?i:scheme|yojana|mission|abhiyan|programme|program|guarantee|portal))\b",
)
ACRONYM = re.compile(r"\b([A-Z][A-Z\-]{3,})\b")
ACRONYM_STOPWORDS = {"INDIA", "STATE", "TOTAL", "ANNUAL", "REPORT", "SCHEME", "PART", "CHAPTER", "TABLE"}
SCHEME_HI_WORDS = ("योजना", "मिशन", "अभियान", "कार्यक्रम", "गारंटी")
ACT_HI = re.compile(r"((?:[\u0900-\u097f\-]+\s+){0,8}?(?:अधिनियम|संहिता|नियमावली|नियम)(?:,?\s*\d{4}))")
ACT_HI_PLAIN = re.compile(r"((?:[\u0900-\u097f\-]+\s+){1,5}?(?:अधिनियम|संहिता|नियमावली))")
HINDI_STOPWORDS = {
    "के", "की", "का", "में", "से", "को", "ने", "पर", "हेतु", "तथा", "एवं", "और", "या", "द्वारा",
    "अंतर्गत", "अन्तर्गत", "लिए", "है", "हैं", "था", "थे", "गया", "गई", "किया", "इस", "यह", "वर्ष",
}  # fmt: skip


def _hindi_scheme(sentence: str) -> str:
    words = sentence.replace("।", " ").split()
    for i, word in enumerate(words):
        bare = word.strip(",;:()\"'")
        if bare in SCHEME_HI_WORDS and i > 0:
            name = [bare]
            for previous in reversed(words[max(0, i - 4) : i]):
                clean = previous.strip(",;:()\"'")
                if not clean or clean in HINDI_STOPWORDS or not _is_devanagari(clean):
                    break
                name.insert(0, clean)
            if len(name) > 1:
                return " ".join(name)
    return ""


def _trim_hindi_act(text: str) -> str:
    words = text.split()
    # Drop leading function words the lazy match swept in ("के अंतर्गत भू-राजस्व संहिता" → "भू-राजस्व संहिता").
    while words and words[0].strip(",") in HINDI_STOPWORDS:
        words.pop(0)
    return " ".join(words)


LEADING_WORDS_EN = {
    "under",
    "the",
    "as",
    "in",
    "for",
    "by",
    "with",
    "per",
    "of",
    "and",
    "this",
    "these",
    "all",
    "a",
    "an",
}


def _trim_english_label(text: str) -> str:
    """Without the capitalised words a sentence starts with ("Under the Right to Information Act" →
    "Right to Information Act"); empty when only the keyword is left."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in LEADING_WORDS_EN:
        words.pop(0)
    return " ".join(words) if len(words) > 1 else ""


def find_label(sentence: str) -> tuple[str, str]:
    """(kind, name) of the first act or scheme named in ``sentence``; ("", "") when there is none."""
    match = ACT_EN.search(sentence)
    if match and _trim_english_label(match.group(1)):
        return Statement.Kind.ACT, _trim_english_label(match.group(1))
    for regex in (ACT_HI, ACT_HI_PLAIN):
        match = regex.search(sentence)
        if match:
            name = _trim_hindi_act(match.group(1))
            if len(name.split()) >= 2:
                return Statement.Kind.ACT, name
    match = SCHEME_EN.search(sentence)
    if match and _trim_english_label(match.group(1)):
        return Statement.Kind.SCHEME, _trim_english_label(match.group(1))
    hindi = _hindi_scheme(sentence)
    if hindi:
        return Statement.Kind.SCHEME, hindi
    for match in ACRONYM.finditer(sentence):
        if match.group(1) not in ACRONYM_STOPWORDS:
            return Statement.Kind.SCHEME, match.group(1)
    return "", ""


# --- units and sentences ------------------------------------------------------------------

BULLET = re.compile(
    r"^\s*(?:[•●▪◦‣∙·*\-\u2013\u2014>]+|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5}|[क-ह])[.)]|\d{1,3}(?:\.\d{1,3})+\.?)\s+"
)
TERMINAL = ("।", "॥", ".", "?", "!", ";", ":")
HEADING_WORDS_EN = re.compile(
    r"^(?:duties|functions|responsibilities|role|roles|work\s+allocation|powers|chapter|part|annexure|"
    r"wing|section|branch|cell|division)\b",
    re.IGNORECASE,
)
HEADING_WORDS_HI = re.compile(r"कर्तव्य|दायित्व|कार्य\s*आवंटन|कार्य\s*विभाजन|शाखा|प्रकोष्ठ|अनुभाग|अध्याय|भाग\s*[-\u2013\u2014\d]")
ABBREVIATIONS = {
    "no", "nos", "sec", "secs", "rs", "dr", "shri", "smt", "mr", "mrs", "ms", "eg", "e.g", "ie", "i.e", "etc", "vs",
    "viz", "govt", "dept", "ltd", "st", "art", "cl", "u/s", "approx", "para", "ch", "vol", "p", "pp", "sr", "s.no",
    "m.p", "ref", "fig", "min",
}  # fmt: skip


def _strip_bullet(line: str) -> tuple[str, bool]:
    match = BULLET.match(line)
    if match and len(line) > match.end():
        return line[match.end() :], True
    return line, False


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if word not in {"/", "|", "&", *DASHES})


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def split_sentences(text: str) -> list[str]:
    """Sentences of one unit: cut after । ॥ ? ! ; and after a full stop that ends a word (not an
    abbreviation such as "Sec." or "e.g.", nor a decimal point)."""
    sentences: list[str] = []
    start = 0
    length = len(text)
    i = 0
    while i < length:
        char = text[i]
        cut = False
        if char in "।॥?!;":
            cut = True
        elif char == ".":
            following = text[i + 1] if i + 1 < length else " "
            if following.isspace() or following in "\"')":
                word = text[start:i].split()[-1].lower() if text[start:i].split() else ""
                word = word.strip("(\"'")
                is_abbreviation = word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
                cut = not is_abbreviation
        if cut:
            piece = text[start : i + 1].strip()
            if piece:
                sentences.append(piece)
            start = i + 1
        i += 1
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _clean_sentence(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    sentence, _ = _strip_bullet(sentence)
    sentence = sentence.strip(f" \"'{QUOTES}{DASHES}").rstrip(";:, ")
    if len(sentence) > MAX_SENTENCE_CHARS:
        sentence = sentence[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence


def _is_statement(sentence: str) -> bool:
    """A sentence worth mapping: a few words, mostly letters (not a row of figures or a page number)."""
    if _word_count(sentence) < MIN_SENTENCE_WORDS:
        return False
    letters = sum(1 for ch in sentence if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc"))
    return letters >= 0.5 * len(sentence.replace(" ", ""))


@dataclass
class Unit:
    text: str
    heading: bool = False


def units_of(text: str, *, wrapped: bool) -> Iterator[Unit]:
    """Headings and paragraphs of a page. With ``wrapped`` (PDF, TXT), a line that does not start a
    list item continues the paragraph before it when that did not end a sentence, and a short
    paragraph that ends without a full stop right before a blank line or the end of the page (a
    title, an act's name over its sections) is a heading."""
    paragraph: list[str] = []
    starts_item = False

    def flush(at_break: bool) -> Iterator[Unit]:
        nonlocal starts_item
        if paragraph:
            joined = " ".join(paragraph)
            title_like = (
                wrapped
                and at_break
                and not starts_item
                and not _ends_sentence(joined)
                and not joined.rstrip().endswith(",")
                and _word_count(joined) <= MAX_TITLE_WORDS
            )
            yield Unit(joined, heading=title_like)
            paragraph.clear()
        starts_item = False

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            yield from flush(True)
            continue
        if line.startswith("#"):
            yield from flush(False)
            yield Unit(line.lstrip("#").strip(), heading=True)
            continue
        if looks_like_heading(line):
            yield from flush(False)
            yield Unit(line.rstrip(":").strip(), heading=True)
            continue
        _rest, is_item = _strip_bullet(line)
        if is_item or not wrapped or (paragraph and _ends_sentence(paragraph[-1])):
            yield from flush(False)
            starts_item = is_item
        paragraph.append(line)
    yield from flush(True)


def looks_like_heading(line: str) -> bool:
    """A short line without the end of a sentence that reads like a heading: "Duties of the Patwari",
    "कर्तव्य — तहसीलदार", "Wing: Land Records", "अध्याय 3", or a short line ending in a colon. A line
    that starts with such a word may be longer ("कर्तव्य — डाटा एंट्री ऑपरेटर (महिला एवं बाल विकास) /
    Duties of the Data Entry Operator (Women and Child Development)")."""
    words = _word_count(line)
    if words > MAX_LEADING_HEADING_WORDS or not line:
        return False
    # "Section 110 of the Code ..." wrapped at the end of a PDF line is a sentence, not a heading.
    if re.match(r"^(?:section|sec\.|part|rule|धारा|नियम)\s+\d", line, re.IGNORECASE) and words > 4:
        return False
    stripped = line.rstrip()
    if stripped.endswith(":") and words <= 8 and not BULLET.match(line):
        return True
    if stripped.endswith(("।", "॥", ".", "?", "!", ";", ",")):
        return False
    if BULLET.match(line) and not re.match(r"^\s*\d{1,2}[.)]\s+[A-Z\u0900-\u097f]", line):
        return False
    bare = line.lstrip("0123456789.) ")
    if HEADING_WORDS_EN.match(bare) or HEADING_WORDS_HI.match(bare):
        return True
    if words > MAX_HEADING_WORDS:
        return False
    if HEADING_WORDS_HI.search(line):
        return True
    # The name of an act on a line of its own ("Right to Information Act, 2005 / सूचना का अधिकार अधिनियम, 2005").
    kind, name = find_label(line)
    return kind == Statement.Kind.ACT and len(name) >= 0.4 * len(line)


# --- statements ------------------------------------------------------------------------------


@dataclass
class Extracted:
    """One statement, before it is saved or matched."""

    page: int
    position: int
    text: str
    kind: str
    heading: str = ""
    designation: str | None = None  # designation code
    wing: str = ""
    label: str = ""


def statement_kind(document_kind: str, label_kind: str) -> str:
    if document_kind == PlanDocument.Kind.WORK_ALLOCATION:
        return Statement.Kind.DUTY
    if document_kind == PlanDocument.Kind.ACTS_RULES:
        return Statement.Kind.ACT
    return label_kind or Statement.Kind.THEME


def _short_heading_names_subject(line: str, lexicon: Lexicon) -> bool:
    """A short line (no sentence end) that is mostly the name of a designation or a wing."""
    if _word_count(line) > 8 or _ends_sentence(line) or line.rstrip().endswith(","):
        return False
    _key, covered = lexicon.designations.covered(line)
    if not covered:
        _key, covered = lexicon.wings.covered(line)
    return covered >= 0.4 * len(line.strip())


def extract_statements(
    pages: list[dict], *, document_kind: str, lexicon: Lexicon, wrapped: bool = True
) -> list[Extracted]:
    """The statements of one document, attributed by headings and names (see the module docstring)."""
    statements: list[Extracted] = []
    heading = ""
    heading_label: tuple[str, str] = ("", "")
    designation: str | None = None
    wing = ""
    position = 0
    for page in pages:
        number = int(page.get("page") or 1)
        for unit in units_of(str(page.get("text") or ""), wrapped=wrapped):
            text = unit.text
            is_heading = unit.heading or _short_heading_names_subject(text, lexicon)
            if is_heading:
                heading = text[:300]
                heading_label = find_label(text)
                designation = lexicon.designations.first(text)
                wing = "" if designation else (lexicon.wings.first(text) or "")
                if designation:
                    wing = lexicon.designation_wing.get(designation, "")
                continue
            for sentence in split_sentences(text):
                sentence = _clean_sentence(sentence)
                if not _is_statement(sentence):
                    continue
                label_kind, label = find_label(sentence)
                if not label:
                    label_kind, label = heading_label
                named = designation or lexicon.designations.first(sentence)
                named_wing = wing if (designation or wing) else ""
                if not named and not named_wing:
                    named_wing = lexicon.wings.first(sentence) or ""
                if named and not named_wing:
                    named_wing = lexicon.designation_wing.get(named, "")
                position += 1
                statements.append(
                    Extracted(
                        page=number,
                        position=position,
                        text=sentence,
                        kind=statement_kind(document_kind, label_kind),
                        heading=heading,
                        designation=named,
                        wing=named_wing,
                        label=label[:200],
                    )
                )
    return statements
