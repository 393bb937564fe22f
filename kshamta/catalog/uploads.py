"""Checking what authors put into a course: uploaded files, rich text and external addresses.

A file is accepted only when its name's extension and its first bytes agree on one of the
types allowed for its kind (a renamed PNG is not a PDF, a text file is not an MP4), and when
it is within the size limit for its kind (settings ``CONTENT_MAX_*_MB``). Files are never
read whole: the type is sniffed from the first few kilobytes and the storage API copies
the upload in chunks. A request announcing a body far beyond the limit is refused before
any of it is read (``announced_too_big``), and an upload that turns out too big while it
streams in is dropped by ``UploadSizeGuard`` before anything is kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest
from django.utils.translation import gettext as _

from kshamta.catalog.actions import CatalogError

MB = 1024 * 1024
SNIFF_BYTES = 4096


class UploadRefused(CatalogError):
    """An uploaded file was refused; the message says why, for the person uploading it."""


# --- kinds of upload and their limits ------------------------------------------------


class UploadKind:
    VIDEO = "video"
    AUDIO = "audio"
    PDF = "pdf"
    THUMBNAIL = "thumbnail"


def max_upload_bytes(kind: str) -> int:
    """The size limit for one kind of upload, from settings (read when asked, never at import)."""
    if kind == UploadKind.PDF:
        megabytes = getattr(settings, "CONTENT_MAX_PDF_MB", 50)
    elif kind == UploadKind.THUMBNAIL:
        megabytes = getattr(settings, "CONTENT_MAX_THUMBNAIL_MB", 2)
    else:
        megabytes = getattr(settings, "CONTENT_MAX_UPLOAD_MB", 200)
    return int(megabytes) * MB


def megabytes(size: int) -> str:
    return f"{size / MB:.0f}" if size % MB == 0 or size >= 10 * MB else f"{size / MB:.1f}"


def too_big_message(kind: str) -> str:
    return _("The file is too large: the limit for this kind of file is %(limit)s MB.") % {
        "limit": megabytes(max_upload_bytes(kind))
    }


# --- content sniffing -----------------------------------------------------------------


def _is_pdf(head: bytes) -> bool:
    # The header may follow a little junk (some generators write a BOM or whitespace first).
    return b"%PDF-" in head[:1024]


def _is_iso_media(head: bytes) -> bool:
    """MP4, M4A, M4V: an ISO base media file opens with an ``ftyp`` box."""
    return len(head) >= 12 and head[4:8] == b"ftyp"


def _is_webm(head: bytes) -> bool:
    return head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:SNIFF_BYTES]


def _is_mp3(head: bytes) -> bool:
    if head.startswith(b"ID3"):
        return True
    # An MPEG audio frame: 11 set sync bits, a valid version and layer, a bitrate that is not "bad".
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 0x03
    layer = (head[1] >> 1) & 0x03
    bitrate = head[2] >> 4
    return version != 0x01 and layer != 0x00 and bitrate != 0x0F


def _is_ogg(head: bytes) -> bool:
    return head.startswith(b"OggS")


def _is_png(head: bytes) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_jpeg(head: bytes) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _is_webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


Sniffer = Callable[[bytes], bool]

# For each kind: extension → the check its content must pass.
ALLOWED_TYPES: dict[str, dict[str, Sniffer]] = {
    UploadKind.VIDEO: {".mp4": _is_iso_media, ".m4v": _is_iso_media, ".webm": _is_webm},
    UploadKind.AUDIO: {
        ".mp3": _is_mp3,
        ".m4a": _is_iso_media,
        ".ogg": _is_ogg,
        ".oga": _is_ogg,
        ".opus": _is_ogg,
        ".webm": _is_webm,
    },
    UploadKind.PDF: {".pdf": _is_pdf},
    UploadKind.THUMBNAIL: {".png": _is_png, ".jpg": _is_jpeg, ".jpeg": _is_jpeg, ".webp": _is_webp},
}


def accept_attribute(kind: str) -> str:
    """The file input's ``accept`` list, so the browser offers only files of the right type."""
    return ",".join(ALLOWED_TYPES[kind])


@dataclass
class CheckedUpload:
    file: Any
    extension: str
    page_count: int = 0


def _read_head(upload: Any) -> bytes:
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    return bytes(head or b"")


def check_upload(upload: Any, kind: str) -> CheckedUpload:
    """Check an uploaded file for ``kind`` (``UploadKind``); raise ``UploadRefused`` if it is not acceptable.

    Reads the first few kilobytes, and for a PDF what pypdf needs to count its pages;
    never the whole file.
    """
    allowed = ALLOWED_TYPES[kind]
    size = getattr(upload, "size", None)
    if size is not None and size > max_upload_bytes(kind):
        raise UploadRefused(too_big_message(kind))
    name = os.path.basename(getattr(upload, "name", "") or "")
    extension = os.path.splitext(name)[1].lower()
    if extension not in allowed:
        raise UploadRefused(
            _("Files of this type cannot be used here. Upload one of: %(types)s.") % {"types": ", ".join(allowed)}
        )
    head = _read_head(upload)
    if not head:
        raise UploadRefused(_("The file is empty."))
    if not allowed[extension](head):
        raise UploadRefused(
            _("The file's content is not %(type)s, although its name ends in %(extension)s.")
            % {"type": extension.lstrip(".").upper(), "extension": extension}
        )
    checked = CheckedUpload(file=upload, extension=extension)
    if kind == UploadKind.PDF:
        checked.page_count = pdf_page_count(upload)
    elif kind == UploadKind.THUMBNAIL:
        _check_image(upload)
    return checked


def pdf_page_count(upload: Any) -> int:
    """The number of pages, read with pypdf (it seeks through the file; it does not load it whole)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    upload.seek(0)
    try:
        reader = PdfReader(upload)
        if reader.is_encrypted:
            raise UploadRefused(_("The PDF is protected by a password. Upload a copy without a password."))
        count = len(reader.pages)
    except UploadRefused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise UploadRefused(
            _("The PDF could not be read; it may be damaged. Save it again as PDF and upload it.")
        ) from exc
    finally:
        upload.seek(0)
    if count < 1:
        raise UploadRefused(_("The PDF has no pages."))
    return count


def _check_image(upload: Any) -> None:
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UploadRefused(_("The picture could not be read; it may be damaged.")) from exc
    finally:
        upload.seek(0)


# --- rich text and addresses ----------------------------------------------------------

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "span", "abbr",
    "blockquote", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a",
    "h2", "h3", "h4", "h5", "h6",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "dir", "title"},
    "a": {"href"},
    "ol": {"start", "type"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(html: str) -> str:
    """Keep basic formatting, lists, links, tables and headings; drop scripts, styles, event
    handlers and any address that is not http(s) or mailto. Links get rel="noopener noreferrer"."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "template", "iframe", "object", "noscript"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def check_web_address(url: str) -> str:
    """An external address for a link or a video: http or https only, with a host."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise CatalogError(_("Give a full web address starting with https:// or http://."))
    if any(ch.isspace() for ch in url):
        raise CatalogError(_("A web address cannot contain spaces."))
    return url


# --- refusing oversized uploads early -----------------------------------------------

# Room for the other form fields and the multipart boundaries in the announced length.
FORM_ALLOWANCE = 256 * 1024


def announced_too_big(request: HttpRequest, limit: int) -> bool:
    """Whether the request says its body is far beyond ``limit``: refuse it without reading a byte."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > limit + FORM_ALLOWANCE


class UploadSizeGuard(FileUploadHandler):
    """Stops an uploaded file once it passes ``limit`` bytes, so nothing of it is kept (the other
    form fields are still read). Insert first in ``request.upload_handlers`` before the body is read."""

    def __init__(self, request: HttpRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.exceeded = False

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise SkipFile()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
