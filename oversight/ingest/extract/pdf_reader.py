"""PDF text with its layout, read from the page's geometry through pypdfium2.

`read_pdf(data)` gives one text per page, in the text convention of layout.py. pdfium
gives the page's text as runs (the boxes of its text objects) with their font size and
weight (read here), and the page's drawn lines and rectangles (pdf_rulings.py); the
runs are made lines and cells in pdf_lines.py, ruled tables in pdf_tables.py, and the
rest of the page blocks in pdf_page.py:

- runs on one baseline make a line. Two runs join without a space when they touch
  (a word split between text objects: "pro" + "blems"), with one when the gap is a
  word's space, and stay apart as cells when the gap is wider than a word space; a
  list label ("1.", "a)", "(iv)", "•") joins the text hung after it, so a numbered
  paragraph stays a paragraph ("1. Apologies"), never a two-column table;
- a ruled table (rulings that meet, two columns or more) is read cell by cell inside
  its rules: one table row per ruled row, tab-separated `<p>` fragments, its header
  row (bold, or shaded alone) followed by a `---` line; a table that goes on at the top
  of the next page with the same columns drops its repeated header row, and a row
  split by the page break starts with an empty cell (layout.parse joins it to the row
  it continues);
- text aligned in columns without rules (lines with cells apart, sharing their left
  edges) is read as table rows as well; other lines make paragraphs, separated where
  the gap between lines is wider than the usual line pitch;
- a line in a larger font than the body text is a heading, written `# ` / `## ` /
  `### ` by its size's rank in the document; bold text is wrapped in `**`; a heading
  spaced out letter by letter ("A G E N D A") is joined;
- running headers and footers, page numbers, footnote marks, footnotes (small print at
  the foot of the page) and the lines of a contents page (dot leaders, page numbers)
  are dropped, and words hyphenated across lines are joined (pdf_furniture.py).

Refused with a reason: truncated files, PDFs that need a password, damaged PDFs, and
PDFs with no text layer at all (scanned images).
"""

from __future__ import annotations

import ctypes
import re
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import pdf_furniture as furniture
from .pdf_lines import Run, page_lines, unspaced
from .pdf_page import Style, page_text
from .pdf_rulings import grids, page_rulings
from .pdf_tables import Page, ruled_table, stitch_tables
from .readers import UnreadableDocument

NO_TEXT_LAYER = "This PDF has no text layer; it is a scanned image and would need OCR"


def read_pdf(data: bytes) -> list[str]:
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableDocument(
            "This PDF is truncated (its end-of-file marker is missing); download it again"
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableDocument(
                "This PDF is encrypted and needs a password to open; ask for an unprotected copy"
            ) from exc
        raise UnreadableDocument(f"This PDF is damaged and cannot be read ({exc})") from exc
    try:
        pages = [_read_page(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    if not any(p.lines or p.tables for p in pages):
        raise UnreadableDocument(NO_TEXT_LAYER)
    running = furniture.running_lines([(p.lines, p.size) for p in pages])
    stitch_tables(pages)
    style = Style.of(pages)
    return furniture.mend_hyphens([page_text(p, running, style) for p in pages])


_BREAK = re.compile(r"\r\n|\n|\r")


def _read_page(page) -> Page:
    """The page's text runs with their boxes, made into lines and ruled tables.

    pdfium's page text has one character per text-page index and breaks between text
    objects; the boxes of each stretch between breaks come from count_rects/get_rect on
    that stretch alone, which is far cheaper than asking for the text inside each box.
    The calls go to pdfium directly, with reused buffers, because there are thousands."""
    size = page.get_size()
    textpage = page.get_textpage()
    try:
        runs = _runs(textpage)
        tables_grids = grids(page_rulings(page)) if runs else []
    finally:
        textpage.close()
        page.close()
    tables = []
    for grid in tables_grids:
        inside = [r for r in runs if grid.holds((r.left + r.right) / 2, (r.top + r.bottom) / 2)]
        if not inside:
            continue
        table = ruled_table(grid, inside)
        if table is None:
            continue
        tables.append(table)
        held = {id(r) for r in inside}
        runs = [r for r in runs if id(r) not in held]
    lines, marks = page_lines(runs)
    return Page(lines, size, marks, tables)


def _runs(textpage) -> list[Run]:
    raw = textpage.raw
    full = textpage.get_text_range()
    exact = len(full) == textpage.count_chars()
    box = [ctypes.c_double() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    font = _FontBuffer()
    runs = []
    start = 0
    for m in _BREAK.finditer(full + "\n"):
        a, b = start, m.start()
        start = m.end()
        if not full[a:b].strip():
            continue
        count = pdfium_c.FPDFText_CountRects(raw, a, b - a)
        boxes = []
        for k in range(count):
            pdfium_c.FPDFText_GetRect(raw, k, *refs)
            boxes.append(tuple(v.value for v in box))  # left, top, right, bottom
        starts = _box_starts(textpage, a, b, count) if exact else [a] * count
        if exact:
            texts = [full[x:y] for x, y in pairwise([*starts, b])]
        else:
            texts = [textpage.get_text_bounded(x0, y0, x1, y1) for x0, y1, x1, y0 in boxes]
        spaced = True
        for (left, top, right, bottom), raw_text, first in zip(boxes, texts, starts, strict=True):
            # pdfium's U+FFFE is a hyphen that ends a line: mend_hyphens decides.
            text = unspaced(raw_text.replace("\ufffe", furniture.SOFT_HYPHEN))
            if text:
                index = first + (len(raw_text) - len(raw_text.lstrip()))
                bold, points = font.style(raw, index)
                space = spaced or raw_text[:1].isspace()
                runs.append(Run(left, bottom, right, top, text, bold, points, space))
            spaced = raw_text[-1:].isspace()
    return runs


_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.I)


class _FontBuffer:
    """A character's font weight and size. Bold marks a heading or a name in most
    committee papers: the font's weight, else its name ("Helvetica-Bold") tells; the
    answer is kept per font name, so each run costs two calls into pdfium."""

    def __init__(self):
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.known: dict[bytes, bool] = {}

    def style(self, textpage_raw, index: int) -> tuple[bool, float]:
        pdfium_c.FPDFText_GetFontInfo(
            textpage_raw, index, self.name, len(self.name), self.flags_ref
        )
        name = self.name.value
        bold = self.known.get(name)
        if bold is None:
            bold = pdfium_c.FPDFText_GetFontWeight(textpage_raw, index) >= 600 or bool(
                _BOLD_NAME.search(name)
            )
            self.known[name] = bold
        return bold, round(pdfium_c.FPDFText_GetFontSize(textpage_raw, index), 1)


def _box_starts(textpage, a: int, b: int, count: int) -> list[int]:
    """The first character of each of the `count` boxes of the stretch [a, b): the boxes
    hold consecutive characters, so each box starts where the number of boxes of a
    growing prefix goes up (a binary search over count_rects)."""
    starts = [a]
    for box in range(1, count):
        lo, hi = starts[-1] + 1, b
        while lo < hi:
            mid = (lo + hi) // 2
            if textpage.count_rects(a, mid - a) > box:
                hi = mid
            else:
                lo = mid + 1
        starts.append(lo - 1)
    return starts
