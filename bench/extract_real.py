"""Extraction bench on the real committee papers.

- `extract_real_pages_per_second`: pages of the real PDFs in
  `../shared/samples/real/documents/` that the whole extraction (the reading layer on
  the pages' geometry, then every recogniser) gets through per second.
- `extract_real_time_ratio_to_bare_text`: time of the whole extraction over the time
  of pypdfium2's bare text extraction (`get_text_range` on every page) of the same
  files. Target <= 10.
- `extract_real_read_time_ratio_to_bare_text`: the same for the reading layer alone
  (`read_file`), without the recognisers.

Each timing is the best of a few runs, the three interleaved in this process so that
load from elsewhere hurts them alike. The documents stay in `../shared/` (they are not
the project's to copy); without them the bench reports nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.extract import bare_text
from oversight.ingest.extract import extract_file
from oversight.ingest.extract.readers import read_file

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "samples" / "real" / "documents"
RUNS = 5


def real_pdfs() -> list[Path]:
    return sorted(REAL.glob("*.pdf"))


def run() -> dict[str, float]:
    import pypdfium2 as pdfium

    paths = real_pdfs()
    if not paths:
        return {}
    pages = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        pages += len(pdf)
        pdf.close()
    bare, read, whole = [], [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        for path in paths:
            bare_text(path)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in paths:
            read_file(path)
        read.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in paths:
            extract_file(path)
        whole.append(time.perf_counter() - start)
    return {
        "extract_real_documents": float(len(paths)),
        "extract_real_pages": float(pages),
        "extract_real_seconds": min(whole),
        "extract_real_bare_text_seconds": min(bare),
        "extract_real_pages_per_second": pages / min(whole),
        "extract_real_time_ratio_to_bare_text": min(whole) / min(bare),
        "extract_real_read_time_ratio_to_bare_text": min(read) / min(bare),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value:.3f}")
