"""Rule-based extraction of one committee document into the extraction contract.

    from oversight.ingest.extract import extract_file, extract_text, UnreadableDocument

    result = extract_file("response.pdf")       # PDF (text layer), DOCX, HTML, Markdown, text
    result.to_dict()                            # the contract JSON (docs/contracts/extraction.md)
    result.provenance["recommendations"][0]     # {"page": 3, "start": 5120, "end": 6400, ...}
    result.passage("recommendations", 0)        # the text that record was read from

`extract_file` refuses what it cannot read safely with `UnreadableDocument(reason)`:
files over `max_bytes` (50 MB by default), empty files, binary junk, scanned PDFs
without a text layer, PDFs needing a password, truncated files and zip bombs.
"""

from __future__ import annotations

from pathlib import Path

from .engine import Extraction, extract_document
from .readers import DEFAULT_MAX_BYTES, Document, UnreadableDocument, from_text, read_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "Extraction",
    "UnreadableDocument",
    "extract_file",
    "extract_text",
]


def extract_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read one document file and extract its records."""
    return extract_document(read_file(path, max_bytes=max_bytes))


def extract_text(text: str, *, source_name: str = "") -> Extraction:
    """Extract the records of a document given as text (pages split by form feeds)."""
    return extract_document(from_text(text, source_name))
