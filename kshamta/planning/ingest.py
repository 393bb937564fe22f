"""Reading the inputs of a plan: the organogram's rows, and the text of documents page by page.

* Organogram: CSV or XLSX through ``kshamta.core.spreadsheets``, with English or Hindi headers
  (``designation``/``पदनाम``, ``group``/``समूह``, ``sanctioned_posts``/``स्वीकृत पद``,
  ``reports_to``/``किसे रिपोर्ट करता है``, ``wing``/``शाखा``).
* PDF: the text of each page with pypdf. A scanned PDF has no text; that is an error, not
  an empty document.
* DOCX: paragraphs in order; a heading paragraph (Word's "Heading" or "Title" styles) starts
  a new section and is written as a Markdown-style ``## heading`` line so that extraction
  knows it is one. "Page" is the section number: Word files have no fixed pages. Tables are
  read row by row, cells joined with " — ".
* TXT: pages are split at form feeds; a file without them is cut into blocks of about 50
  lines, at a blank line where there is one.

Everything returned is NFC text. Errors are ``DocumentError`` with English and Hindi text.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings

from kshamta.core.spreadsheets import SpreadsheetError, iter_rows
from kshamta.core.text import clean_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_PAGES = 600
TXT_LINES_PER_PAGE = 50

ORGANOGRAM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt")


class DocumentError(ValueError):
    """A file that cannot be used, with the reason in English and Hindi."""

    def __init__(self, en: str, hi: str):
        super().__init__(en)
        self.en = en
        self.hi = hi


def max_document_bytes() -> int:
    return int(getattr(settings, "KSHAMTA_MAX_PLAN_DOCUMENT_BYTES", DEFAULT_MAX_BYTES))


def max_document_pages() -> int:
    return int(getattr(settings, "KSHAMTA_MAX_PLAN_DOCUMENT_PAGES", DEFAULT_MAX_PAGES))


def suffix_of(filename: str) -> str:
    return Path(filename.lower()).suffix


def check_upload(filename: str, size: int, *, organogram: bool) -> None:
    """Refuse a file of the wrong type or over the size limit, before reading it."""
    allowed = ORGANOGRAM_SUFFIXES if organogram else DOCUMENT_SUFFIXES
    if suffix_of(filename) not in allowed:
        listed = ", ".join(allowed)
        if organogram:
            raise DocumentError(
                f"The organogram must be a spreadsheet ({listed}); {filename} is not one.",
                f"संगठन संरचना (ऑर्गेनोग्राम) स्प्रेडशीट ({listed}) होनी चाहिए; {filename} स्प्रेडशीट नहीं है।",
            )
        raise DocumentError(
            f"Upload a PDF, Word (.docx) or text (.txt) file; {filename} is none of these.",
            f"PDF, वर्ड (.docx) या टेक्स्ट (.txt) फ़ाइल अपलोड करें; {filename} इनमें से कोई नहीं है।",
        )
    limit = max_document_bytes()
    if size > limit:
        megabytes = limit // (1024 * 1024)
        raise DocumentError(
            f"The file is larger than {megabytes} MB.",
            f"फ़ाइल {megabytes} एमबी से बड़ी है।",
        )
    if size == 0:
        raise DocumentError("The file is empty.", "फ़ाइल खाली है।")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- organogram --------------------------------------------------------------------

# Accepted headers (after spreadsheets.header_key: lower case, spaces as underscores) per column.
ORGANOGRAM_HEADERS: dict[str, tuple[str, ...]] = {
    "designation": ("designation", "post", "designation_code", "code", "पदनाम", "पद", "पद_का_नाम"),
    "group": ("group", "class", "समूह", "वर्ग", "श्रेणी"),
    "sanctioned_posts": (
        "sanctioned_posts",
        "sanctioned",
        "sanctioned_strength",
        "posts",
        "स्वीकृत_पद",
        "स्वीकृत_पदों_की_संख्या",
        "स्वीकृत_संख्या",
    ),
    "reports_to": (
        "reports_to",
        "reporting_to",
        "reporting_officer",
        "किसे_रिपोर्ट_करता_है",
        "रिपोर्टिंग_अधिकारी",
        "नियंत्रक_अधिकारी",
        "वरिष्ठ_अधिकारी",
    ),
    "wing": ("wing", "section", "branch", "division", "शाखा", "प्रकोष्ठ", "अनुभाग", "विंग"),
}


@dataclass
class OrganogramRow:
    line: int
    designation: str
    group: str = ""
    sanctioned_posts: int = 0
    reports_to: str = ""
    wing: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "designation": self.designation,
            "group": self.group,
            "sanctioned_posts": self.sanctioned_posts,
            "reports_to": self.reports_to,
            "wing": self.wing,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrganogramRow:
        return cls(
            line=int(data.get("line") or 0),
            designation=str(data.get("designation") or ""),
            group=str(data.get("group") or ""),
            sanctioned_posts=int(data.get("sanctioned_posts") or 0),
            reports_to=str(data.get("reports_to") or ""),
            wing=str(data.get("wing") or ""),
        )


def _column_for(key: str) -> str | None:
    for column, aliases in ORGANOGRAM_HEADERS.items():
        if key in aliases:
            return column
    return None


def _posts(value: object) -> int:
    text = clean_text(value).replace(",", "")
    if not text:
        return 0
    try:
        number = float(text)
    except ValueError:
        return -1
    return int(number) if number >= 0 and number == int(number) else -1


def _group(value: object) -> str:
    text = clean_text(value).upper().replace("GROUP", "").replace("समूह", "").strip(" -")
    hindi = {"क": "A", "ख": "B", "ग": "C", "घ": "D"}
    text = hindi.get(text, text)
    return text if text in {"A", "B", "C", "D"} else ""


def read_organogram(source: str | Path | IO[bytes], *, filename: str) -> tuple[list[OrganogramRow], list[dict]]:
    """The organogram's rows and the problems found in them (each {"line", "value", "en", "hi"}).

    The file must have a designation column; a row without a designation, or with a
    sanctioned-posts value that is not a whole number, is reported and left out.
    """
    if suffix_of(filename) not in ORGANOGRAM_SUFFIXES:
        check_upload(filename, 1, organogram=True)
    rows: list[OrganogramRow] = []
    problems: list[dict] = []
    try:
        line = 1
        for raw in iter_rows(source, filename=filename):
            line += 1
            values: dict[str, object] = {}
            for key, value in raw.items():
                column = _column_for(key)
                if column and column not in values:
                    values[column] = value
            if line == 2 and "designation" not in values:
                raise DocumentError(
                    "The organogram has no designation column (designation or पदनाम).",
                    "संगठन संरचना में पदनाम का कॉलम (designation या पदनाम) नहीं है।",
                )
            designation = clean_text(values.get("designation"))
            if not designation:
                problems.append(
                    {
                        "line": line,
                        "value": "",
                        "en": "The row has no designation.",
                        "hi": "इस पंक्ति में पदनाम नहीं है।",
                    }
                )
                continue
            posts = _posts(values.get("sanctioned_posts"))
            if posts < 0:
                problems.append(
                    {
                        "line": line,
                        "value": clean_text(values.get("sanctioned_posts")),
                        "en": "Sanctioned posts must be a whole number.",
                        "hi": "स्वीकृत पदों की संख्या पूर्ण संख्या होनी चाहिए।",
                    }
                )
                posts = 0
            rows.append(
                OrganogramRow(
                    line=line,
                    designation=designation,
                    group=_group(values.get("group")),
                    sanctioned_posts=posts,
                    reports_to=clean_text(values.get("reports_to")),
                    wing=clean_text(values.get("wing")),
                )
            )
    except SpreadsheetError as exc:
        raise DocumentError(exc.en, exc.hi) from exc
    if not rows:
        raise DocumentError("The organogram has no designations.", "संगठन संरचना में कोई पदनाम नहीं है।")
    return rows, problems


# --- documents ----------------------------------------------------------------------

Page = dict[str, Any]  # {"page": n, "text": ...}


def _read_bytes(source: str | Path | IO[bytes]) -> bytes:
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    if hasattr(source, "seek"):
        source.seek(0)
    data = source.read()
    return data if isinstance(data, bytes) else str(data).encode()


def read_document(source: str | Path | IO[bytes], *, filename: str) -> list[Page]:
    """The text of a PDF, DOCX or TXT file as [{"page": n, "text": ...}] (pages without text left out)."""
    suffix = suffix_of(filename)
    data = _read_bytes(source)
    check_upload(filename, len(data), organogram=False)
    if suffix == ".pdf":
        pages = _pdf_pages(data)
    elif suffix == ".docx":
        pages = _docx_pages(data)
    else:
        pages = _txt_pages(data)
    if len(pages) > max_document_pages():
        limit = max_document_pages()
        raise DocumentError(
            f"The document has more than {limit} pages; upload the relevant part.",
            f"दस्तावेज़ में {limit} से अधिक पृष्ठ हैं; उसका संबंधित भाग अपलोड करें।",
        )
    pages = [p for p in pages if p["text"].strip()]
    if not pages:
        raise DocumentError(
            "No text was found in the document. A scanned PDF has only pictures of pages: upload the text "
            "version (or run it through OCR first).",
            "दस्तावेज़ में कोई टेक्स्ट नहीं मिला। स्कैन किए गए PDF में केवल पृष्ठों के चित्र होते हैं: उसका टेक्स्ट संस्करण "
            "अपलोड करें (या पहले OCR करें)।",
        )
    return pages


def _pdf_pages(data: bytes) -> list[Page]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(
                "The PDF is protected with a password; upload an unprotected copy.",
                "PDF पासवर्ड से सुरक्षित है; असुरक्षित प्रति अपलोड करें।",
            )
        if len(reader.pages) > max_document_pages():
            return [{"page": n, "text": "x"} for n in range(len(reader.pages))]  # refused by the caller
        return [
            {"page": number, "text": _tidy_pdf_text(page.extract_text() or "")}
            for number, page in enumerate(reader.pages, start=1)
        ]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(
            f"The PDF could not be read ({exc.__class__.__name__}); it may be damaged.",
            f"PDF पढ़ा नहीं जा सका ({exc.__class__.__name__}); फ़ाइल क्षतिग्रस्त हो सकती है।",
        ) from exc


_GAP_BEFORE_MARK = re.compile(r"(?<=[\u0900-\u097f]) (?=[\u093e-\u094d\u0962\u0963\u0901-\u0903])")


def _tidy_pdf_text(text: str) -> str:
    """NFC, and without the space some readers put before a Devanagari vowel sign that is drawn to
    the left of its consonant (they take the glyph's position for a word gap)."""
    text = _nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _GAP_BEFORE_MARK.sub("", text)


def _docx_pages(data: bytes) -> list[Page]:
    import docx
    from docx.document import Document as DocumentObject
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document: DocumentObject = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DocumentError(
            "The Word file could not be read; save it again as .docx and upload that.",
            "वर्ड फ़ाइल पढ़ी नहीं जा सकी; उसे .docx के रूप में फिर से सहेजकर अपलोड करें।",
        ) from exc
    sections: list[list[str]] = [[]]
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            text = _nfc(paragraph.text.strip())
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            if style.lower().startswith(("heading", "title")):
                if any(line for line in sections[-1] if not line.startswith("#")):
                    sections.append([])
                sections[-1].append(f"## {text}")
            else:
                sections[-1].append(text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = _nfc(" ".join(cell.text.split()))
                    if value and value not in cells:
                        cells.append(value)
                if cells:
                    sections[-1].append(" — ".join(cells))
    return [{"page": number, "text": "\n".join(lines)} for number, lines in enumerate(sections, start=1) if lines]


def decode_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _txt_pages(data: bytes) -> list[Page]:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DocumentError("The file is not a text file.", "यह टेक्स्ट फ़ाइल नहीं है।")
    text = _nfc(decode_text(data).replace("\r\n", "\n").replace("\r", "\n"))
    blocks = text.split("\f") if "\f" in text else _blocks_of_lines(text.split("\n"), TXT_LINES_PER_PAGE)
    return [{"page": number, "text": block.strip("\n")} for number, block in enumerate(blocks, start=1)]


def _blocks_of_lines(lines: list[str], size: int) -> list[str]:
    """Blocks of about ``size`` lines, each ending at a blank line when there is one near the end."""
    blocks: list[str] = []
    start = 0
    while start < len(lines):
        end = min(len(lines), start + size)
        if end < len(lines):
            for cut in range(end, start + size // 2, -1):
                if not lines[cut - 1].strip():
                    end = cut
                    break
        blocks.append("\n".join(lines[start:end]))
        start = end
    return blocks
