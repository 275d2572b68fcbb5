"""Reading one file into a `Document`: its extracted text and where each page starts.

`read_file(path)` sniffs the type from the content (magic bytes), not only from the
name, and hands the bytes to the reader for PDF (pypdfium2), DOCX (python-docx), HTML
(BeautifulSoup), or Markdown and plain text (as they are). Every reader writes the same
text convention (see layout.py): paragraphs separated by blank lines, table rows as
tab-separated cells holding `<p>` fragments, bold as `**...**`, pages separated by form
feeds. Ligatures ("ﬁ") are spelt out and non-breaking spaces made plain.

Anything that cannot be read safely raises `UnreadableDocument(reason)`, with a reason a
person can act on: files over the size limit (50 MB unless told otherwise), empty
files, binary junk, PDFs without a text layer or needing a password, truncated PDFs,
DOCX files that are not valid ZIP archives or would expand like a zip bomb.
"""

from __future__ import annotations

import codecs
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class UnreadableDocument(Exception):
    """The file cannot be read; `reason` says why, for the person importing it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Document:
    """A document's extracted text; pages are separated in `text` by form feeds."""

    text: str
    page_starts: list[int] = field(default_factory=lambda: [0])
    source_name: str = ""
    format: str = "text"

    def page_of(self, offset: int) -> int:
        """1-based page number of a character offset into `text`."""
        return max(1, bisect_right(self.page_starts, offset))

    @property
    def pages(self) -> list[str]:
        bounds = [*self.page_starts, len(self.text) + 1]
        return [self.text[a : b - 1] if b - 1 >= a else "" for a, b in pairwise(bounds)]


# Typesetting characters that the rules would not match: ligatures ("ﬁnancial") and
# non-breaking spaces become the letters and the space they stand for.
_TYPESET = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
}


def plain_characters(text: str) -> str:
    """The text with ligatures spelt out and non-breaking spaces made plain. Each
    character is looked for first: most documents hold none."""
    for char, plain in _TYPESET.items():
        if char in text:
            text = text.replace(char, plain)
    return text


def from_text(text: str, source_name: str = "", fmt: str = "text") -> Document:
    """A Document of text, its pages split at form feeds."""
    text = plain_characters(text.replace("\r\n", "\n").replace("\r", "\n"))
    starts = [0] + [m.end() for m in re.finditer("\f", text)]
    return Document(text, starts, source_name, fmt)


def join_pages(pages: list[str], source_name: str, fmt: str) -> Document:
    pages = [plain_characters(page) for page in pages]
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 1
    return Document("\f".join(pages), starts or [0], source_name, fmt)


# --- sniffing ---------------------------------------------------------------------------

_IMAGES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)", re.I | re.S
)


def sniff(data: bytes, name: str = "") -> str:
    """The type from the bytes: "pdf", "docx", "html", "markdown" or "text"; refuses the
    rest."""
    ext = Path(name).suffix.casefold()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnreadableDocument(
            "This is an old-style Word (.doc) or Office file; save it as DOCX or PDF first"
        )
    if data.startswith(b"{\\rtf"):
        raise UnreadableDocument("This is an RTF file; save it as DOCX or PDF first")
    for magic, what in _IMAGES.items():
        if data.startswith(magic):
            raise UnreadableDocument(
                f"This file is {what}, not a document with text; it would need OCR"
            )
    if ext == ".pdf":
        raise UnreadableDocument("The file is named .pdf but is not a PDF (it has no %PDF header)")
    if ext in {".docx", ".docm"}:
        raise UnreadableDocument(
            "The file is named .docx but is not a valid DOCX (not a ZIP archive)"
        )
    if ext in {".html", ".htm", ".xhtml"} or _HTML_START.match(head):
        return "html"
    if ext in {".md", ".markdown"}:
        return "markdown"
    return "text"


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252.
    NUL bytes, undecodable bytes or many control characters mean binary junk."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableDocument("The file claims to be UTF-16 text but is not") from exc
    else:
        if b"\x00" in data:
            raise UnreadableDocument("This file holds binary data (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(
                    "This file is not text in a known encoding (UTF-8 or Windows-1252)"
                ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f" or ch == "\x7f")
    if controls > max(2, len(text) // 200):
        raise UnreadableDocument("This file holds binary data (control characters), not text")
    return text


# --- reading ----------------------------------------------------------------------------


def read_bytes(data: bytes, name: str = "", *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A Document from a file's bytes; `name` is only a hint and the source's label."""
    if len(data) > max_bytes:
        raise UnreadableDocument(_too_big(len(data), max_bytes))
    if not data.strip():
        raise UnreadableDocument("The file is empty")
    kind = sniff(data, name)
    if kind == "pdf":
        from .pdf_reader import read_pdf

        doc = join_pages(read_pdf(data), name, "pdf")
    elif kind == "docx":
        from .docx_reader import read_docx

        doc = join_pages(read_docx(data), name, "docx")
    elif kind == "html":
        from .html_reader import read_html

        doc = from_text(read_html(data), name, "html")
    else:
        doc = from_text(decode_text(data), name, kind)
    if not doc.text.strip():
        raise UnreadableDocument("The document has no text to read")
    return doc


def read_file(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A Document from a file, refusing it before reading when it is over max_bytes."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UnreadableDocument(f"The file cannot be opened: {exc.strerror}") from exc
    if not path.is_file():
        raise UnreadableDocument("This is not a regular file")
    if size > max_bytes:
        raise UnreadableDocument(_too_big(size, max_bytes))
    if size == 0:
        raise UnreadableDocument("The file is empty (0 bytes)")
    return read_bytes(path.read_bytes(), path.name, max_bytes=max_bytes)


def _too_big(size: int, limit: int) -> str:
    def mb(n: int) -> str:
        return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"

    return f"The file is {mb(size)}, over the limit of {mb(limit)}"
