"""PDF documents in Hindi and English: certificates, the competency passport, plan documents.

Built on fpdf2 with HarfBuzz shaping and the bundled Noto Sans / Noto Sans Devanagari
fonts (kshamta/core/fonts, SIL Open Font License). Two things fpdf2 does not get right
for Hindi on its own are handled here:

* Text extraction. A PDF is also read by screen readers, search and copy-paste, which
  rely on the font's ToUnicode map. See ``_map_cluster_tails``.
  One limit remains: a reader that infers word gaps from glyph positions (pypdf does)
  may read a vowel sign drawn left of its consonant ("के", "कै") as followed by a gap,
  and add a space there; every character still comes back, in order.
* Mixed scripts. fpdf2's font fallback has been seen to garble Hindi that follows a
  Latin fallback glyph, so text is split into script runs here (``script_runs``) and
  each run is written in its own font; lines are wrapped here too.

Use ``new_document()`` and the layout helpers on ``KshamtaPDF``: ``text_line``,
``paragraph``, ``simple_table``, ``rule``. Sizes are in points, positions in millimetres.
"""

from __future__ import annotations

import copy
import functools
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.output import OutputProducer

FONT_DIR = Path(__file__).resolve().parent / "fonts"
LATIN = "NotoSans"
DEVANAGARI = "NotoSansDevanagari"
FONT_FILES = {
    (LATIN, ""): "NotoSans-Regular.ttf",
    (LATIN, "B"): "NotoSans-Bold.ttf",
    (DEVANAGARI, ""): "NotoSansDevanagari-Regular.ttf",
    (DEVANAGARI, "B"): "NotoSansDevanagari-Bold.ttf",
}
# _map_cluster_tails and add_bundled_font reach into fpdf2's fonts; they were written
# against this version, and kshamta/core/tests/test_pdf.py fails if they stop working.
FPDF2_VERSION = "2.8.9"

Align = Literal["L", "C", "R"]
Colour = tuple[int, int, int]
INK: Colour = (27, 27, 31)
MUTED: Colour = (90, 96, 106)
RULE: Colour = (190, 198, 210)

_VIRAMA_OR_JOINER = {"\u094d", "\u200c", "\u200d"}


# --- text extraction -----------------------------------------------------------


class _MapsToNothing(tuple[int, ...]):
    """An empty code-point tuple that reports a length of one.

    fpdf2's ToUnicode writer skips glyphs whose ``unicode`` is empty (``len() == 0``)
    and writes ``<code> <hex of each code point>`` for the rest. An instance of this
    class passes the length check and iterates as empty, so the glyph is written as
    ``<code> <>``: a mapping to no text at all.
    """

    __slots__ = ()

    def __len__(self) -> int:
        return 1


MAPS_TO_NOTHING = _MapsToNothing()


def _map_cluster_tails(pdf: FPDF) -> None:
    """Give every glyph that carries no text of its own an explicit empty text mapping.

    With text shaping on, HarfBuzz turns a Devanagari cluster such as "त्र" or "ि" +
    consonant into several glyphs. fpdf2 (2.8.9) attaches the whole cluster's text to
    the first glyph and leaves the others with an empty ``unicode`` tuple; its
    ToUnicode writer then leaves those glyphs out of the map, and a PDF reader falls
    back to the raw glyph code ("\\x05", "!", "%"), so copy-paste, search and screen
    readers get garbage in the middle of Hindi words. Mapped to nothing, the cluster
    reads back exactly as it was written.
    """
    for font in pdf.fonts.values():
        subset = getattr(font, "subset", None)
        if subset is None:
            continue
        for glyph, _code in subset.items():
            if glyph is not None and isinstance(glyph.unicode, tuple) and len(glyph.unicode) == 0:
                # Glyph is a plain (slotted) dataclass; object.__setattr__ keeps this
                # working should fpdf2 make it frozen.
                object.__setattr__(glyph, "unicode", MAPS_TO_NOTHING)


def _drop_layout_tables(pdf: FPDF) -> None:
    """Remove the OpenType layout tables before fpdf2 subsets the fonts for embedding.

    Shaping is over by then (HarfBuzz reads the font file itself), and fpdf2 asks the
    subsetter to drop these tables anyway; but fontTools (4.6x) first decompiles them
    whole to check their formats, which was two thirds of the time to write a
    certificate. Deleting them from the unparsed font skips that; the PDF is the same.
    """
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)
        if ttfont is None:
            continue
        for tag in ("GSUB", "GPOS", "GDEF"):
            if tag in ttfont:
                del ttfont[tag]


class ClusterAwareOutputProducer(OutputProducer):
    """fpdf2's output producer, after mapping shaped cluster tails (see ``_map_cluster_tails``)."""

    def bufferize(self) -> bytearray:
        _map_cluster_tails(self.fpdf)
        _drop_layout_tables(self.fpdf)
        return super().bufferize()


# --- scripts and fonts -----------------------------------------------------------


def is_devanagari(char: str) -> bool:
    code = ord(char)
    return 0x0900 <= code <= 0x097F or 0xA8E0 <= code <= 0xA8FF or 0x1CD0 <= code <= 0x1CFF or char in "\u200c\u200d"


def _is_neutral(char: str) -> bool:
    """Spaces, digits and punctuation: they belong to whichever script surrounds them."""
    category = unicodedata.category(char)
    return category[0] in "ZPN" or category in {"Sm", "Sc"} or char in "\t\n"


@functools.cache
def font_coverage(family: str) -> frozenset[int]:
    """The code points the bundled regular font of ``family`` has glyphs for."""
    font = ttLib.TTFont(FONT_DIR / FONT_FILES[(family, "")], lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (run, font family) pieces: Devanagari runs and the rest.

    Spaces, digits and punctuation stay in the run around them when its font has them,
    so "अधिनियम, 2005 के" is one run and shapes as one; anything that neither font has
    goes to the Latin font (which leaves it out, as a missing glyph).
    """
    runs: list[tuple[str, str]] = []
    pending = ""  # neutral characters before the first script character
    current = ""
    family = ""
    for char in text:
        if not is_devanagari(char) and _is_neutral(char):
            if not family:
                pending += char
            elif family == LATIN or char.isspace() or ord(char) in font_coverage(family):
                current += char
            else:
                runs.append((current, family))
                current, family = char, LATIN
            continue
        wanted = DEVANAGARI if is_devanagari(char) else LATIN
        if not family:
            if pending and not all(ord(c) in font_coverage(wanted) for c in pending):
                runs.append((pending, LATIN))
                pending = ""
            current, family, pending = pending + char, wanted, ""
        elif wanted == family:
            current += char
        else:
            runs.append((current, family))
            current, family = char, wanted
    if family:
        runs.append((current, family))
    elif pending:
        runs.append((pending, LATIN))
    return [(run, fam) for run, fam in runs if run]


def _break_points(word: str) -> Iterator[int]:
    """Places inside a word where it may be cut when it is wider than a whole line:
    before a character that starts a new cluster (not a sign, not after a virama)."""
    for i in range(1, len(word)):
        char, previous = word[i], word[i - 1]
        if unicodedata.category(char) in {"Mn", "Mc", "Me"} or previous in _VIRAMA_OR_JOINER or char in "\u200c\u200d":
            continue
        yield i


@dataclass
class Cell:
    """One table cell: its text and, optionally, how it is set."""

    text: str
    bold: bool = False
    align: Align = "L"
    colour: Colour | None = None


# --- the document -----------------------------------------------------------------


class KshamtaPDF(FPDF):
    """An fpdf2 document with the bundled fonts, shaping, and script-aware text helpers."""

    def output(self, *args: Any, **kwargs: Any) -> Any:
        # Every PDF of ours goes out with the cluster-tail mappings (see _map_cluster_tails).
        kwargs.setdefault("output_producer_class", ClusterAwareOutputProducer)
        return super().output(*args, **kwargs)

    def _use(self, family: str, size: float, bold: bool) -> None:
        self.set_font(family, "B" if bold else "", size)

    def _run_width(self, run: str, family: str, size: float, bold: bool) -> float:
        """Shaped width (mm) of one single-script run; remembered, as wrapping asks often."""
        cache: dict[tuple[str, str, float, bool], float] = self.__dict__.setdefault("_run_widths", {})
        key = (run, family, size, bold)
        width = cache.get(key)
        if width is None:
            self._use(family, size, bold)
            # The font's own measure, as get_string_width uses, without its bidi pass (text here is LTR).
            assert self.current_font is not None
            _chars, points = self.current_font.get_text_width(run, self.font_size_pt, self.text_shaping)
            width = cache[key] = points / self.k
        return width

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        """Width in mm of ``text`` set at ``size`` points, each script in its font, shaped."""
        return sum(self._run_width(run, family, size, bold) for run, family in script_runs(text))

    def _draw_runs(self, text: str, x: float, y: float, size: float, bold: bool, height: float) -> None:
        for run, family in script_runs(text):
            width = self._run_width(run, family, size, bold)
            self._use(family, size, bold)
            self.set_xy(x, y)
            self.cell(w=width, h=height, text=run)
            x += width

    def text_line(
        self,
        text: str,
        size: float,
        bold: bool = False,
        align: Align = "L",
        *,
        colour: Colour | None = None,
        x: float | None = None,
        width: float | None = None,
        fit: bool = False,
        line_height: float = 1.4,
    ) -> float:
        """Write one line at the current y between ``x`` and ``x + width`` (default: the
        margins) and move below it. With ``fit``, a line too long is set smaller until it
        fits. Returns the height used (mm)."""
        left = self.l_margin if x is None else x
        span = (self.w - self.r_margin - left) if width is None else width
        if fit:
            while size > 6 and self.text_width(text, size, bold) > span:
                size -= 0.5
        height = size * line_height / self.k
        self._page_break_for(height)
        self.set_text_color(*(colour or INK))
        used = self.text_width(text, size, bold)
        start = left + {"L": 0.0, "C": (span - used) / 2, "R": span - used}[align]
        top = self.y
        self._draw_runs(text, start, top, size, bold, height)
        self.set_xy(left, top + height)
        self.set_text_color(*INK)
        return height

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """The lines ``text`` takes within ``width`` mm: broken at spaces (and at hard
        line breaks), a word wider than the line cut between clusters."""
        lines: list[str] = []
        space = self.text_width(" ", size, bold)
        for hard_line in text.split("\n"):
            line, used = "", 0.0
            for word in hard_line.split():
                word_width = self.text_width(word, size, bold)
                if line and used + space + word_width <= width:
                    line, used = f"{line} {word}", used + space + word_width
                    continue
                if line:
                    lines.append(line)
                while word_width > width:
                    cut = 0
                    for point in _break_points(word):
                        if self.text_width(word[:point], size, bold) > width:
                            break
                        cut = point
                    if cut == 0:
                        break  # one cluster wider than the line: let it overflow
                    lines.append(word[:cut])
                    word = word[cut:]
                    word_width = self.text_width(word, size, bold)
                line, used = word, word_width
            lines.append(line)
        return lines

    def paragraph(
        self,
        text: str,
        size: float,
        bold: bool = False,
        align: Align = "L",
        *,
        colour: Colour | None = None,
        x: float | None = None,
        width: float | None = None,
        line_height: float = 1.4,
        space_after: float = 1.5,
    ) -> float:
        """Write wrapped text and move below it. Returns the height used (mm)."""
        left = self.l_margin if x is None else x
        span = (self.w - self.r_margin - left) if width is None else width
        used = 0.0
        for line in self.wrap(text, size, span, bold):
            used += self.text_line(line, size, bold, align, colour=colour, x=left, width=span, line_height=line_height)
        self.y += space_after
        return used + space_after

    def rule(self, colour: Colour = RULE, width: float = 0.3, gap: float = 2.0) -> None:
        """A horizontal line across the text area, with ``gap`` mm above and below."""
        self.y += gap
        self.set_draw_color(*colour)
        self.set_line_width(width)
        self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)
        self.y += gap

    def _page_break_for(self, height: float) -> None:
        if self.y + height > self.page_break_trigger and self.auto_page_break:
            self.add_page()

    def simple_table(
        self,
        rows: Sequence[Sequence[str | Cell]],
        widths: Sequence[float],
        *,
        header: Sequence[str | Cell] | None = None,
        size: float = 9.5,
        padding: float = 1.6,
        line_height: float = 1.35,
    ) -> None:
        """Rows of wrapped cells; ``widths`` are fractions of the text width (or mm if
        they add up to more than 1). The header repeats on every page the table spans."""
        total = self.w - self.l_margin - self.r_margin
        columns = [w * total for w in widths] if sum(widths) <= 1.001 else list(widths)
        line = size * line_height / self.k

        def as_cell(value: str | Cell) -> Cell:
            return value if isinstance(value, Cell) else Cell(str(value))

        def layout(row: Sequence[str | Cell], bold: bool) -> tuple[list[tuple[Cell, list[str]]], float]:
            cells = [as_cell(v) for v in row]
            wrapped = [
                (cell, self.wrap(cell.text, size, col - 2 * padding, bold or cell.bold))
                for cell, col in zip(cells, columns, strict=True)
            ]
            height = max(len(lines) for _c, lines in wrapped) * line + 2 * padding
            return wrapped, height

        def draw(wrapped: list[tuple[Cell, list[str]]], height: float, bold: bool, fill: bool) -> None:
            top, left = self.y, self.l_margin
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            if fill:
                self.set_fill_color(238, 241, 245)
                self.rect(left, top, sum(columns), height, style="F")
            for (cell, lines), col in zip(wrapped, columns, strict=True):
                self.set_y(top + padding)
                for text in lines:
                    self.text_line(
                        text,
                        size,
                        bold or cell.bold,
                        cell.align,
                        colour=cell.colour,
                        x=left + padding,
                        width=col - 2 * padding,
                        line_height=line_height,
                    )
                left += col
            self.line(self.l_margin, top + height, self.l_margin + sum(columns), top + height)
            self.set_xy(self.l_margin, top + height)

        head = layout(header, True) if header else None

        def draw_header() -> None:
            if head:
                draw(*head, bold=True, fill=True)

        if head and self.y + head[1] + line + 2 * padding > self.page_break_trigger:
            self.add_page()
        draw_header()
        for row in rows:
            wrapped, height = layout(row, False)
            if self.y + height > self.page_break_trigger:
                self.add_page()
                draw_header()
            draw(wrapped, height, bold=False, fill=False)


# --- fonts, parsed once per process -----------------------------------------------
# Parsing the four TTF files was 40 % of the time to write a certificate. Each document
# gets a copy of a parsed font with its own font file handle, subset map and descriptor
# (the parts fpdf2 changes while writing); the measurements it only reads are copied.
_prototypes: dict[tuple[str, str], TTFFont] = {}
_prototypes_lock = threading.Lock()


def _prototype(family: str, style: str) -> TTFFont:
    font = _prototypes.get((family, style))
    if font is None:
        host = FPDF()
        host.add_font(family, style, fname=str(FONT_DIR / FONT_FILES[(family, style)]))
        parsed = host.fonts[f"{family.lower()}{style}"]
        assert isinstance(parsed, TTFFont)
        with _prototypes_lock:
            font = _prototypes.setdefault((family, style), parsed)
    return font


def add_bundled_font(pdf: FPDF, family: str, style: str) -> None:
    """What ``pdf.add_font(family, style, fname=...)`` does for a bundled font, from the parsed copy."""
    prototype = _prototype(family, style)
    font = copy.copy(prototype)
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(prototype.ttffile, recalcTimestamp=False, lazy=True)
    font._hbfont = None
    font.desc = copy.copy(prototype.desc)
    font.cmap = dict(prototype.cmap)
    font.cw = dict(prototype.cw)
    font.glyph_ids = dict(prototype.glyph_ids)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font


def new_document(orientation: Literal["P", "L"] = "P", *, margin: float = 15.0) -> KshamtaPDF:
    """An A4 document with the bundled fonts registered, shaping on and ``margin`` mm margins."""
    pdf = KshamtaPDF(orientation=orientation, unit="mm", format="A4")
    for family, style in FONT_FILES:
        add_bundled_font(pdf, family, style)
    pdf.set_text_shaping(True)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=margin)
    pdf.c_margin = 0
    pdf.set_font(LATIN, "", 11)
    pdf.set_text_color(*INK)
    pdf.set_creator("Kshamta")
    return pdf
