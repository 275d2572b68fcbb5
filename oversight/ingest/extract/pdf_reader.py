"""PDF text with its layout, read from the page's geometry through pypdfium2.

`read_pdf(data)` gives one text per page, in the text convention of layout.py. pdfium
gives the page's text as runs (the boxes of its text objects) with their font size and
weight, and the page's drawn lines and rectangles (pdf_rulings.py):

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
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import pdf_furniture as furniture
from .pdf_rulings import Grid, grids, page_rulings
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
    size: float = 0.0  # the font's size in points
    space_before: bool = False  # pdfium put a space between this run and the one before
    labelled: bool = False  # a list label hung before the text ("1.", "a)") starts it


@dataclass
class _Line:
    top: float
    bottom: float
    cells: list[_Run]

    @property
    def size(self) -> float:
        return max((c.size for c in self.cells), default=0.0)


@dataclass
class _Table:
    """A ruled table's rows on one page: each row its cells' paragraphs (runs)."""

    grid: Grid
    rows: list[list[list[list[_Run]]]]
    header: bool = False
    # The header row's texts: its own, or those of the table it continues.
    header_texts: list[str] | None = None


@dataclass
class _Page:
    lines: list[_Line]
    size: tuple[float, float]
    marks: set[str]
    tables: list[_Table] = field(default_factory=list)


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
    _stitch_tables(pages)
    style = _Style.of(pages)
    return furniture.mend_hyphens([_page_text(p, running, style) for p in pages])


_BREAK = re.compile(r"\r\n|\n|\r")


def _read_page(page) -> _Page:
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
        table = _table(grid, inside)
        if table is None:
            continue
        tables.append(table)
        held = {id(r) for r in inside}
        runs = [r for r in runs if id(r) not in held]
    lines, marks = _lines(runs)
    return _Page(lines, size, marks, tables)


def _runs(textpage) -> list[_Run]:
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
            text = " ".join(raw_text.replace("\ufffe", furniture.SOFT_HYPHEN).split())
            if text:
                index = first + (len(raw_text) - len(raw_text.lstrip()))
                bold, points = font.style(raw, index)
                space = spaced or raw_text[:1].isspace()
                runs.append(_Run(left, bottom, right, top, text, bold, points, space))
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


# --- lines ------------------------------------------------------------------------------

_MARKER = re.compile(r"^[•●▪◦■–*➢►□o·-]$")
# A list item's label hung before its text: "1.", "12)", "a.", "(b)", "iv.", "(ii)", "•".
_LABEL = re.compile(
    r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxIVX]{1,5}[.)]"
    r"|[•●▪◦■–*➢►□·-])$"
)
_CLOSING = ".,;:)]!?%’”"  # a mark set close after a word, in justified text a little apart
NARROW = 0.3  # a word space is about a quarter of the font size, rarely set narrower
WORD = 1.6  # a gap wider than this many times the line's height parts two cells


def _band_lines(runs: list[_Run]) -> list[_Line]:
    """Runs sharing a baseline band make one line (top to bottom, runs left to right)."""
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
    for line in lines:
        line.cells.sort(key=lambda r: r.left)
    return lines


def _lines(runs: list[_Run]) -> tuple[list[_Line], set[str]]:
    """The page's lines, each with its runs joined into words and cells (see
    `_join`). Footnote marks are taken out and returned apart."""
    lines, marks = _without_superscripts(_band_lines(runs))
    aligned = _column_starts(lines)
    for line in lines:
        line.cells = _join(line.cells, columns=aligned)
    return lines, marks


def _column_starts(lines: list[_Line]) -> set[int]:
    """The runs that start a column of text set without rules: a run after a gap wider
    than a word space whose left edge a run on a line next to it shares, also after
    such a gap ("Ask for:" over "Telephone:" beside a meeting's date and venue)."""
    after_gap: list[list[_Run]] = []
    for line in lines:
        found = []
        for prev, run in pairwise(line.cells):
            em = max(run.size, prev.size, 4.0)
            if run.left - prev.right >= 0.5 * em:
                found.append(run)
        after_gap.append(found)
    out: set[int] = set()
    for i, found in enumerate(after_gap):
        near = [
            r for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(lines) for r in after_gap[k]
        ]
        out.update(id(run) for run in found if any(abs(run.left - r.left) <= 2 for r in near))
    return out


def _join(
    runs: list[_Run], *, one_cell: bool = False, columns: frozenset[int] | set[int] = frozenset()
) -> list[_Run]:
    """A line's runs joined into cells, by the gaps between them: touching runs are one
    word, a word space joins with a space, a wider gap, or a run in `columns` (ids of
    runs starting a column), starts a new cell (unless `one_cell`); a list label at the
    start of the line joins the text hung after it."""
    merged: list[_Run] = []
    for run in runs:
        prev = merged[-1] if merged else None
        if prev is None:
            merged.append(_Run(**vars(run)))
            continue
        gap = run.left - prev.right
        height = max(run.top - run.bottom, prev.top - prev.bottom, 4.0)
        em = max(run.size, prev.size, height * 0.8)
        label = len(merged) == 1 and _LABEL.match(prev.text) and gap < 8 * em
        apart = gap >= WORD * height or id(run) in columns
        if one_cell or not apart or label or _MARKER.match(prev.text):
            glue = _glue(prev, run, gap, em)
            prev.labelled = prev.labelled or bool(label)
            prev.bold = prev.bold and run.bold if not _MARKER.match(prev.text) else run.bold
            prev.text = f"{prev.text}{glue}{run.text}"
            prev.right = max(prev.right, run.right)
            prev.top, prev.bottom = max(prev.top, run.top), min(prev.bottom, run.bottom)
            prev.size = max(prev.size, run.size)
        else:
            merged.append(_Run(**vars(run)))
    for cell in merged:
        cell.text = _unspaced(cell.text)
    return merged


def _glue(prev: _Run, run: _Run, gap: float, em: float) -> str:
    """What goes between two runs of a line: pdfium puts a space between text objects
    where the gap is a space of the font's; without one, a gap under a narrow word
    space is inside a word ("influ" + "ence"). A stop or comma set a little apart in
    justified text belongs to the word before it."""
    if gap < NARROW * em and run.text[:1] in _CLOSING:
        return ""
    if run.space_before:
        return " "
    return "" if gap < NARROW * em else " "


_SPACED_OUT = re.compile(r"^(?:\S ){2,}\S$")


def _unspaced(text: str) -> str:
    """A heading spaced out letter by letter ("A G E N D A") as its word; words apart
    by a wider space ("M I N U T E S  O F") were parted by two spaces or more."""
    if not _SPACED_OUT.match(text) or not any(c.isalpha() for c in text):
        return text
    return text.replace(" ", "")


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


# --- ruled tables -----------------------------------------------------------------------


def _table(grid: Grid, runs: list[_Run]) -> _Table | None:
    """The rows of a ruled table: each run goes to the cell its middle is in; a cell's
    lines become paragraphs where a line ended early (the next word would have fitted)
    or a wider gap parts them. The first row is its header when it alone is bold or
    shaded."""
    cells: dict[tuple[int, int], list[_Run]] = {}
    for run in runs:
        key = (grid.row_of((run.top + run.bottom) / 2), grid.column_of((run.left + run.right) / 2))
        cells.setdefault(key, []).append(run)
    if not cells:
        return None
    # Columns without text are the rules of a frame, not a table's; a frame around one
    # column of text is a box, not a table.
    used = sorted({c for _, c in cells})
    if len(used) < 2:
        return None
    rights = [*grid.columns[1:], grid.right]
    rows = []
    for r in sorted({r for r, _ in cells}):
        row = []
        for c in used:
            lines = _band_lines(cells.get((r, c), []))
            joined = [_join(ln.cells, one_cell=True)[0] for ln in lines]
            row.append(_paragraphs(joined, rights[c]))
        rows.append(row)
    table = _Table(grid, rows)
    if len(rows) > 1:
        first, rest = rows[0], rows[1:]
        bold = all(run.bold for cell in first for p in cell for run in p) and any(first)
        rest_bold = all(run.bold for row in rest for cell in row for p in cell for run in p)
        top, below = grid.rows[0], grid.rows[1] if len(grid.rows) > 1 else grid.bottom
        shaded = grid.is_shaded(grid.left, below, grid.right, top)
        table.header = (bold and not rest_bold) or shaded
        table.header_texts = _texts(first) if table.header else None
        if table.header:
            # The header row printed again inside the table (where it was split to
            # fit a page) is no row of its own.
            table.rows = [first, *(row for row in rest if _texts(row) != table.header_texts)]
    return table


def _paragraphs(lines: list[_Run], right: float) -> list[list[_Run]]:
    """A cell's lines as paragraphs: a line ends its paragraph when the next line's
    first word would have fitted after it, where bold meets plain, or at a gap."""
    out: list[list[_Run]] = []
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else None
        # Lines of a paragraph are set at its leading (about 1.2 times the font size;
        # glyphs' boxes vary with their descenders), a paragraph's spacing adds more.
        spaced = prev is not None and prev.bottom - line.bottom > 1.55 * (
            prev.size or prev.top - prev.bottom
        )
        if prev and _wrapped(prev, line, right) and prev.bold == line.bold and not spaced:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _same_columns(a: Grid, b: Grid) -> bool:
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= 3 for x, y in zip(a.columns, b.columns, strict=True)
    )


def _texts(row: list[list[list[_Run]]]) -> list[str]:
    return [" ".join(run.text for p in cell for run in p) for cell in row]


def _stitch_tables(pages: list[_Page]) -> None:
    """A ruled table going on at the top of the next page (the same columns, nothing
    above it but the page's furniture): its repeated header row is dropped, and a first
    row with nothing in its first column goes on from the row before the break."""
    for before, page in pairwise(pages):
        if not before.tables or not page.tables:
            continue
        last, first = before.tables[-1], page.tables[0]
        if not _same_columns(last.grid, first.grid):
            continue
        body_above = [
            ln for ln in page.lines if ln.bottom > first.grid.top and not _at_edge(ln, page)
        ]
        body_below = [
            ln for ln in before.lines if ln.top < last.grid.bottom and not _at_edge(ln, before)
        ]
        if body_above or body_below:
            continue
        header = last.header_texts
        if header is not None and first.rows and _texts(first.rows[0]) == header:
            first.rows.pop(0)
        elif first.header and header is not None:
            continue  # a new table, with a header of its own
        first.header = False
        first.header_texts = header
        if first.rows and not _texts(first.rows[0])[0] and any(_texts(first.rows[0])):
            first.rows[0][0] = []  # an empty first cell: the row goes on


def _at_edge(line: _Line, page: _Page) -> bool:
    return furniture.at_edge(line, page.size[1])


# --- pages ------------------------------------------------------------------------------


@dataclass
class _Style:
    """The document's body text size, and the larger sizes that make headings, by
    rank (the largest is level 1)."""

    body: float
    levels: dict[float, int]

    @classmethod
    def of(cls, pages: list[_Page]) -> _Style:
        # The body's size is that of most running text: lines of one cell (a table's
        # small print does not count).
        sizes: Counter[float] = Counter()
        for p in pages:
            for ln in p.lines:
                if len(ln.cells) == 1:
                    sizes[ln.cells[0].size] += len(ln.cells[0].text)
        body = sizes.most_common(1)[0][0] if sizes else 0.0
        big = sorted((s for s in sizes if s >= body * 1.15), reverse=True)
        return cls(body, {s: min(i + 1, 3) for i, s in enumerate(big)})

    def level(self, line: _Line) -> int:
        sizes = {c.size for c in line.cells}
        levels = [self.levels.get(s, 0) for s in sizes]
        return min(levels) if levels and all(levels) else 0


_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|(?:…\s?){2,}\s*\d{1,3}$|_{4,}\s*\d{1,3}$")
_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)
_PAGE_REF = re.compile(r"^\d{1,3}$")


def _contents_lines(lines: list[_Line]) -> set[int]:
    """Indexes of a contents page's lines: those ending in dot leaders and a page
    number, and on a page headed "Contents", the heading and each line whose last cell
    is a page number standing apart."""
    out = {i for i, ln in enumerate(lines) if _LEADERS.search(furniture.line_text(ln))}
    heading = [i for i, ln in enumerate(lines) if _CONTENTS.match(furniture.line_text(ln))]
    if heading:
        numbered = [
            i
            for i, ln in enumerate(lines)
            if i > heading[0] and len(ln.cells) > 1 and _PAGE_REF.match(ln.cells[-1].text)
        ]
        if len(numbered) >= 3 or (out and len(out) >= 3):
            out |= set(numbered) | {heading[0]}
    return out if len(out) >= 2 else set()


def _small_print(lines: list[_Line], style: _Style, height: float) -> set[int]:
    """Indexes of the footnotes at the foot of a page by their print: the lines below
    the last body-size line, smaller than the body text, the first starting with a
    note's number or mark ("1 See ...", "* Figures ...")."""
    if not style.body:
        return set()
    out: set[int] = set()
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.size >= style.body * 0.9 or ln.top > height * 0.45 or len(ln.cells) > 1:
            break
        out.add(i)
    if not out:
        return set()
    first = lines[min(out)]
    lead = furniture.line_text(first).split(maxsplit=1)[0]
    return out if re.match(r"^(?:\d{1,3}|[*†‡]+)\.?$|^\d{1,3}\D", lead) else set()


def _page_text(page: _Page, running: set[str], style: _Style) -> str:
    """The page as blocks separated by blank lines: ruled tables' rows, then in the
    free text a block is a run of lines without a wider than usual gap; a block with
    text in the columns of a table is one table row."""
    width, height = page.size
    lines = page.lines
    drop = furniture.footnote_lines(lines, page.marks, height)
    drop |= _contents_lines(lines)
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    kept = [ln for ln in kept if not furniture.is_furniture(ln, height, running)]
    notes = _small_print(kept, style, height)
    kept = [ln for i, ln in enumerate(kept) if i not in notes]
    pieces: list[tuple[float, str]] = []
    for table in page.tables:
        pieces.append((table.grid.top, _table_text(table)))
    # Free lines between two tables (or a table and the page) are laid out apart.
    bands: list[list[_Line]] = []
    edges = sorted((t.grid.top for t in page.tables), reverse=True)
    for ln in kept:
        band = sum(1 for e in edges if ln.top < e)
        while len(bands) <= band:
            bands.append([])
        bands[band].append(ln)
    for band in bands:
        if band:
            pieces.append((band[0].top, _free_text(band, width, style)))
    pieces.sort(key=lambda p: -p[0])
    return "\n\n".join(text for _, text in pieces if text)


def _table_text(table: _Table) -> str:
    out = []
    for k, row in enumerate(table.rows):
        out.append(
            "\t".join(" ".join(f"<p>{_marked(p)}</p>" for p in cell) for cell in row) or "\t"
        )
        if k == 0 and table.header:
            out.append("\t".join("---" for _ in row))
    return "\n".join(out)


def _free_text(lines: list[_Line], width: float, style: _Style) -> str:
    page_columns = _columns(lines)
    heights = sorted(ln.top - ln.bottom for ln in lines)
    pitch = heights[len(heights) // 2] * 1.55
    blocks: list[list[_Line]] = [[lines[0]]]
    for prev, line in pairwise(lines):
        # A gap wider than the page's usual line pitch, and than that of the two lines'
        # own print (body text below a page of small table print), separates blocks; so
        # does a change between heading and body print.
        gap = max(pitch, 1.55 * max(prev.top - prev.bottom, line.top - line.bottom))
        if (
            prev.top - line.top > gap
            or prev.bottom < line.top
            or style.level(prev) != style.level(line)
            or line.cells[0].labelled
        ):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    # The body text's left margin: a block there is running text, not a table cell.
    margins = Counter(round(ln.cells[0].left) for ln in lines if len(ln.cells) == 1)
    margin = margins.most_common(1)[0][0] if margins else None
    out = []
    layouts: dict[int, tuple[list[float], list[float]]] = {}
    regions = _regions(blocks, margin)
    for block, region in zip(blocks, regions, strict=True):
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
            rows = [b for b, r in zip(blocks, regions, strict=True) if r is region]
            row = _row(block, columns, rights)
            if block is rows[0] and len(rows) > 1 and _bold_header(rows):
                row += "\n" + "\t".join("---" for _ in columns)
            out.append(row)
        else:
            out.append(_plain(block, style))
    return "\n\n".join(out)


def _bold_header(rows: list[list[_Line]]) -> bool:
    """The first row of a table set without rules is its header when it alone is
    bold, across more than one column."""
    first = [c for ln in rows[0] for c in ln.cells]
    rest = [c for block in rows[1:] for ln in block for c in ln.cells]
    return len(first) > 1 and all(c.bold for c in first) and not all(c.bold for c in rest)


def _columns(lines: list[_Line]) -> list[float]:
    """Left edges of the columns of the table lines (lines of two cells or more) among
    `lines`, if there are at least two such lines."""
    table_lines = [line for line in lines if len(line.cells) > 1]
    if len(table_lines) < 2:
        return []
    starts = [c.left for line in table_lines for c in line.cells]
    columns: list[float] = []
    for x in sorted(starts):
        if not columns or x - columns[-1] > 8:
            columns.append(x)
    return columns


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


def _plain(block: list[_Line], style: _Style) -> str:
    """Lines of running text; the lines of a heading wrapped over several lines become
    one, so that the layout keeps it whole. A heading by its size is marked `#`."""
    level = style.level(block[0])
    if level:
        text = " ".join(escape(c.text, quote=False) for ln in block for c in ln.cells)
        return f"{'#' * level} {text}"
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
    """A table row of text aligned in columns: each column's lines joined into
    paragraphs, as tab-separated `<p>` fragments (escaped: the layout reads cells as
    HTML fragments)."""
    by_column: list[list[_Run]] = [[] for _ in columns]
    for ln in block:
        for cell in ln.cells:
            by_column[_column(cell, columns)].append(cell)
    return "\t".join(
        " ".join(f"<p>{_marked(p)}</p>" for p in _paragraphs(runs, rights[i]))
        for i, runs in enumerate(by_column)
    )


def _marked(runs: list[_Run]) -> str:
    """The runs' text, escaped (the layout reads HTML entities), in ** when all of it is
    bold. A number broken where a narrow column ran out ("31/05/202" over "4") is
    joined again, and so is an address broken at its dot ("kent" over ".gov.uk")."""
    parts = [runs[0].text] if runs else []
    for prev, run in pairwise(runs):
        broken = (
            run.text[:1].isdigit() and _BROKEN_NUMBER.search(prev.text) and " " not in prev.text
        ) or (run.text[:1] in "./@" and _ADDRESS.search(prev.text))
        parts.append(run.text if broken else " " + run.text)
    text = escape("".join(parts), quote=False)
    return f"**{text}**" if all(r.bold for r in runs) and text else text


# The start of a date or reference cut at a line's end: "31/05/202", "YJ24/0".
_BROKEN_NUMBER = re.compile(r"\d[/.-]\d*$")
# An e-mail or web address cut at a line's end: "name@council", "www.council".
_ADDRESS = re.compile(r"(?:^|\s)\S*[@.]\S*\w$|(?:^|\s)www\w*$")


def _wrapped(prev: _Run, run: _Run, right: float) -> bool:
    """Did `prev` end only because `run`'s first word did not fit on its line?"""
    if prev.text.endswith(furniture.SOFT_HYPHEN):
        return True
    if _MARKER.match(run.text[:1]) and run.text[1:2] == " ":
        return False
    first = run.text.split()[0] if run.text.split() else ""
    if _LABEL.match(first) and not first.isdigit():
        return False  # a list item's label starts its own paragraph
    if first.endswith(":"):
        return False  # "MPS: ..." opens a responder's paragraph
    # The line's mean character width, spaces included, is less than a word's: capitals
    # and "m" are wider ("December" is 1.2 times as wide as eight average characters).
    char = (prev.right - prev.left) / max(len(prev.text), 1)
    return (len(first) + 1) * char * 1.2 > right - prev.right
