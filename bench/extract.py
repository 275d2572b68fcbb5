"""Extraction bench.

- `extract_pages_per_second`: pages of a ~100-page PDF that the whole extraction
  (reading with its table layout, then every rule) gets through per second.
- `extract_time_ratio_to_bare_text`: time of the whole extraction over the time of
  pypdfium2's bare text extraction (`get_text_range` on every page) of the same file.
  Target <= 5.

The PDF is built here with reportlab from the three sample documents (their paragraphs
as paragraphs, their table rows as two-column tables), repeated until it has at least
100 pages. Both timings run in this process, interleaved, best of a few runs, so that
load from elsewhere hurts both alike.
"""

from __future__ import annotations

import tempfile
import time
from html import escape
from pathlib import Path

import pypdfium2 as pdfium

from oversight.ingest.extract import extract_file
from oversight.ingest.extract.layout import Row, parse

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "documents"
TARGET_PAGES = 100
RUNS = 3


def _story(text: str) -> list:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()

    def para(p) -> Paragraph:
        return Paragraph(
            escape(p.text, quote=False), styles["Normal"], bulletText="•" if p.bullet else None
        )

    story, rows = [], []

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            data = [[[para(p) for p in cell] for cell in r] + [[]] * (width - len(r)) for r in rows]
            table = Table(data, colWidths=[450 / width] * width, splitInRow=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.extend([table, Spacer(1, 8)])
            rows.clear()

    for block in parse(text):
        if isinstance(block, Row):
            rows.append(block.cells)
        else:
            flush()
            story.extend([para(block), Spacer(1, 4)])
    flush()
    return story


def build_pdf(path: Path) -> int:
    """A PDF of the samples repeated to at least TARGET_PAGES pages; its page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    one = []
    for sample in sorted(SAMPLES.glob("*.txt")):
        one.extend([*_story(sample.read_text(encoding="utf-8")), PageBreak()])
    copies = 1
    while True:
        SimpleDocTemplate(str(path), pagesize=A4).build(
            [f for _ in range(copies) for f in _story_copy(one)]
        )
        pages = len(pdfium.PdfDocument(str(path)))
        if pages >= TARGET_PAGES:
            return pages
        copies = max(copies + 1, int(copies * TARGET_PAGES / pages) + 1)


def _story_copy(story: list) -> list:
    import copy

    return [copy.deepcopy(f) for f in story]


def bare_text(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "samples-100-pages.pdf"
        pages = build_pdf(path)
        ours, bare = [], []
        for _ in range(RUNS):
            start = time.perf_counter()
            bare_text(path)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            extract_file(path)
            ours.append(time.perf_counter() - start)
    return {
        "extract_pages": float(pages),
        "extract_seconds": min(ours),
        "bare_text_seconds": min(bare),
        "extract_pages_per_second": pages / min(ours),
        "extract_time_ratio_to_bare_text": min(ours) / min(bare),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value:.3f}")
