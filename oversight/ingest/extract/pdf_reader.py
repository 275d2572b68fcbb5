"""PDF text with its table layout, through pypdfium2.

`read_pdf(data)` gives one text per page, in the text convention of layout.py. pdfium
returns the page's text as runs (rectangles) with positions:
- runs on one baseline make a line; a run starting at a column that several lines
  share, or after a wide gap, starts a new cell;
- lines without a wider than usual gap between them make a block; a block with text
  in a table's columns is one table row, written as tab-separated `<p>` fragments (a
  row with nothing in its first column starts with a tab: the "continued row" of a
  table broken across pages). In a cell, a line ends its paragraph when the next
  line's first word would have fitted after it;
- bold runs (by font weight or name) are wrapped in `**`, so headings and names keep
  their emphasis;
- running headers and footers, page numbers, footnote marks and footnotes are dropped,
  and words hyphenated across lines are joined (pdf_furniture.py).

Refused with a reason: truncated files, PDFs that need a password, damaged PDFs, and
PDFs with no text layer at all (scanned images).
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import pdf_furniture as furniture
from .readers import UnreadableDocument

NO_TEXT_LAYER = "This PDF has no text layer; it is a scanned image and would need OCR"


@dataclass
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    bold: bool = False


@dataclass
class _Line:
    top: float
    bottom: float
    cells: list[_Run]


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
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    if not any(lines for lines, _, _ in pages):
        raise UnreadableDocument(NO_TEXT_LAYER)
    running = furniture.running_lines([(lines, size) for lines, size, _ in pages])
    return furniture.mend_hyphens(
        [_page_text(lines, size, running, marks) for lines, size, marks in pages]
    )


_BREAK = re.compile(r"\r\n|\n|\r")


def _page_lines(page) -> tuple[list[_Line], tuple[float, float], set[str]]:
    """The page's text runs with their boxes, made into lines.

    pdfium's page text has one character per text-page index and breaks between text
    objects; the boxes of each stretch between breaks come from count_rects/get_rect on
    that stretch alone, which is far cheaper than asking for the text inside each box.
    The calls go to pdfium directly, with reused buffers, because there are thousands."""
    size = page.get_size()
    textpage = page.get_textpage()
    try:
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
            for (left, top, right, bottom), text, first in zip(boxes, texts, starts, strict=True):
                # pdfium's U+FFFE is a hyphen that ends a line: mend_hyphens decides.
                text = " ".join(text.replace("\ufffe", furniture.SOFT_HYPHEN).split())
                if text:
                    runs.append(_Run(left, bottom, right, top, text, font.is_bold(raw, first)))
    finally:
        textpage.close()
        page.close()
    lines, marks = _lines(runs)
    return lines, size, marks


_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.I)


class _FontBuffer:
    """Whether a character is in a bold font (a bold run is a heading or a name in most
    committee papers): the font's weight, else its name ("Helvetica-Bold") tells. The
    answer is kept per font name, so each run costs one call into pdfium."""

    def __init__(self):
        self.name = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.known: dict[bytes, bool] = {}

    def is_bold(self, textpage_raw, index: int) -> bool:
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
        return bold


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


_MARKER = re.compile(r"^[•●▪◦■–*-]$")


def _lines(runs: list[_Run]) -> tuple[list[_Line], set[str]]:
    """Runs sharing a baseline band make one line. Runs close together join; a run
    that starts at a column of the page (a left edge several lines share) starts a new
    cell even after a narrow gap; a bullet joins the text after it. Footnote marks are
    taken out and returned apart."""
    lines: list[_Line] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        mid = (run.top + run.bottom) / 2
        for line in reversed(lines[-3:]):
            if line.bottom <= mid <= line.top:
                line.cells.append(run)
                line.top, line.bottom = max(line.top, run.top), min(line.bottom, run.bottom)
                break
        else:
            lines.append(_Line(run.top, run.bottom, [run]))
    lines, marks = _without_superscripts(lines)
    lefts = Counter(round(r.left) for r in runs)
    starts = {x for x, n in lefts.items() if n >= 3}
    for line in lines:
        line.cells.sort(key=lambda r: r.left)
        merged: list[_Run] = []
        for run in line.cells:
            prev = merged[-1] if merged else None
            size = max(run.top - run.bottom, 4.0)
            gap = run.left - prev.right if prev else 0
            at_column = any(abs(run.left - x) <= 1 for x in starts) and gap > 2
            if prev and (_MARKER.match(prev.text) or (gap < 1.6 * size and not at_column)):
                prev.bold = run.bold if _MARKER.match(prev.text) else prev.bold and run.bold
                prev.text = f"{prev.text} {run.text}"
                prev.right = max(prev.right, run.right)
            else:
                merged.append(_Run(run.left, run.bottom, run.right, run.top, run.text, run.bold))
        line.cells = merged
    return lines, marks


def _without_superscripts(lines: list[_Line]) -> tuple[list[_Line], set[str]]:
    """The lines without their footnote marks, and the marks. A mark raised above its
    line's band makes a line of its own, beside the line it belongs to."""
    marks: set[str] = set()
    out: list[_Line] = []
    for i, line in enumerate(lines):
        if all(len(c.text) > 3 or not furniture.could_be_mark(c.text) for c in line.cells):
            out.append(line)
            continue
        near = [c for n in lines[max(i - 1, 0) : i + 2] for c in n.cells]
        raised = [c for c in line.cells if any(furniture.is_superscript(c, w) for w in near)]
        if not raised:
            out.append(line)
            continue
        marks.update(c.text for c in raised)
        line.cells = [c for c in line.cells if all(c is not r for r in raised)]
        if line.cells:
            line.top = max(c.top for c in line.cells)
            line.bottom = min(c.bottom for c in line.cells)
            out.append(line)
    return out, marks


def _columns(lines: list[_Line]) -> list[float]:
    """Left edges of the columns of a page's table lines, if it has a table."""
    starts = [c.left for line in lines if len(line.cells) > 1 for c in line.cells]
    if len(starts) < 4:
        return []
    columns: list[float] = []
    for x in sorted(starts):
        if not columns or x - columns[-1] > 8:
            columns.append(x)
    return columns


def _page_text(
    lines: list[_Line], size: tuple[float, float], running: set[str], marks: set[str]
) -> str:
    """The page as blocks separated by blank lines: a block is a run of lines without a
    wider than usual gap; a block with text in the columns of a table is one table row."""
    width, height = size
    notes = furniture.footnote_lines(lines, marks, height)
    lines = [
        ln
        for i, ln in enumerate(lines)
        if i not in notes and not furniture.is_furniture(ln, height, running)
    ]
    if not lines:
        return ""
    page_columns = _columns(lines)
    heights = sorted(ln.top - ln.bottom for ln in lines)
    pitch = heights[len(heights) // 2] * 1.55
    blocks: list[list[_Line]] = [[lines[0]]]
    for prev, line in pairwise(lines):
        # A gap wider than the page's usual line pitch, and than that of the two lines'
        # own print (body text below a page of small table print), separates blocks.
        gap = max(pitch, 1.55 * max(prev.top - prev.bottom, line.top - line.bottom))
        if prev.top - line.top > gap or prev.bottom < line.top:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    # The body text's left margin: a block there is running text, not a table cell.
    margins = Counter(round(ln.cells[0].left) for ln in lines if len(ln.cells) == 1)
    margin = margins.most_common(1)[0][0] if margins else None
    out = []
    # Each table on the page has its own columns: a two-column cover sheet above a
    # five-column response table must not split the response table's cells.
    layouts: dict[int, tuple[list[float], list[float]]] = {}
    for block, region in zip(blocks, _regions(blocks, margin), strict=True):
        if id(region) not in layouts:
            cols = _columns(region) or page_columns
            layouts[id(region)] = cols, _column_rights(lines, cols, width)
        columns, rights = layouts[id(region)]
        if columns and (
            any(
                len(ln.cells) > 1
                or (
                    _column(ln.cells[0], columns) > 0
                    and abs(ln.cells[0].left - (margin or -99)) > 3
                )
                for ln in block
            )
            or _first_column_only(block, columns)
        ):
            out.append(_row(block, columns, rights))
        else:
            out.append(_plain(block))
    return "\n\n".join(out)


def _regions(blocks: list[list[_Line]], margin: float | None) -> list[list[_Line]]:
    """For each block, the lines of the table region it belongs to: the run of blocks
    between two blocks of running text (single-cell lines at the body's margin). Blocks
    of running text share one empty list."""

    def running(block: list[_Line]) -> bool:
        return all(
            len(ln.cells) == 1 and abs(ln.cells[0].left - (margin or -99)) <= 3 for ln in block
        )

    none: list[_Line] = []
    out: list[list[_Line]] = [none] * len(blocks)
    start = 0
    for end in [*(i for i, b in enumerate(blocks) if running(b)), len(blocks)]:
        region = [ln for b in blocks[start:end] for ln in b]
        for k in range(start, end):
            out[k] = region
        start = end + 1
    return out


def _plain(block: list[_Line]) -> str:
    """Lines of running text; the lines of a bold heading wrapped over several lines
    become one, so that the layout keeps it whole."""
    lines: list[list[_Run]] = []
    for ln in block:
        bold = all(c.bold for c in ln.cells)
        if lines and bold and all(c.bold for c in lines[-1]):
            lines[-1] = [*lines[-1], *ln.cells]
        else:
            lines.append(list(ln.cells))
    return "\n".join(_marked(runs) for runs in lines)


def _first_column_only(block: list[_Line], columns: list[float]) -> bool:
    """Lines wrapped within the first column of a table (its text continued from the
    page before) rather than across the page."""
    return (
        len(columns) > 1
        and len(block) >= 2
        and all(len(ln.cells) == 1 and ln.cells[0].right < columns[1] - 4 for ln in block)
    )


def _column(cell: _Run, columns: list[float]) -> int:
    return max((i for i, x in enumerate(columns) if cell.left >= x - 8), default=0)


def _column_rights(lines: list[_Line], columns: list[float], width: float) -> list[float]:
    """Where each column's text can reach: the next column's start, or for the last
    the page's right margin (as wide as the left one, or the furthest text)."""
    rights = [columns[i + 1] - 11 for i in range(len(columns) - 1)]
    lefts = [c.left for ln in lines for c in ln.cells]
    furthest = max((c.right for ln in lines for c in ln.cells), default=0.0)
    return [*rights, max(furthest, width - min(lefts, default=0.0))]


def _row(block: list[_Line], columns: list[float], rights: list[float]) -> str:
    """A table row: each column's lines joined into paragraphs, as tab-separated `<p>`
    fragments (escaped: the layout reads cells as HTML fragments). A line ends its
    paragraph when the next line's first word would have fitted after it, or where bold
    text (a heading) meets plain text."""
    by_column: list[list[_Run]] = [[] for _ in columns]
    for ln in block:
        for cell in ln.cells:
            by_column[_column(cell, columns)].append(cell)
    out = []
    for i, runs in enumerate(by_column):
        paragraphs: list[list[_Run]] = []
        for k, run in enumerate(runs):
            prev = runs[k - 1] if k else None
            if prev and _wrapped(prev, run, rights[i]) and prev.bold == run.bold:
                paragraphs[-1].append(run)
            else:
                paragraphs.append([run])
        out.append(" ".join(f"<p>{_marked(p)}</p>" for p in paragraphs))
    return "\t".join(out)


def _marked(runs: list[_Run]) -> str:
    """The runs' text, escaped, in ** when all of it is bold. A number broken where a
    narrow column ran out ("31/05/202" over "4") is joined again."""
    parts = [runs[0].text] if runs else []
    for prev, run in pairwise(runs):
        broken = (
            run.text[:1].isdigit() and _BROKEN_NUMBER.search(prev.text) and " " not in prev.text
        )
        parts.append(run.text if broken else " " + run.text)
    text = escape("".join(parts), quote=False)
    return f"**{text}**" if all(r.bold for r in runs) and text else text


# The start of a date or reference cut at a line's end: "31/05/202", "YJ24/0".
_BROKEN_NUMBER = re.compile(r"\d[/.-]\d*$")


def _wrapped(prev: _Run, run: _Run, right: float) -> bool:
    """Did `prev` end only because `run`'s first word did not fit on its line?"""
    if prev.text.endswith(furniture.SOFT_HYPHEN):
        return True
    if _MARKER.match(run.text[:1]) and run.text[1:2] == " ":
        return False
    first = run.text.split()[0] if run.text.split() else ""
    if first.endswith(":"):
        return False  # "MPS: ..." opens a responder's paragraph
    # The line's mean character width, spaces included, is less than a word's: capitals
    # and "m" are wider ("December" is 1.2 times as wide as eight average characters).
    char = (prev.right - prev.left) / max(len(prev.text), 1)
    return (len(first) + 1) * char * 1.2 > right - prev.right
