"""A PDF page's free text (outside ruled tables) laid out as blocks.

`page_text(page, running, style)` drops the page's furniture, footnotes and contents
lines, then parts the free text into blocks by the gaps between lines: headings (by the
document's font sizes, `Style`), paragraphs, and rows of tables set without rules;
running text set in two columns is read down each column.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from . import pdf_furniture as furniture
from .pdf_lines import Line, Run, marked, paragraphs, wrapped
from .pdf_tables import Page, table_text


@dataclass
class Style:
    """The document's body text size, and the larger sizes that make headings, by
    rank (the largest is level 1)."""

    body: float
    levels: dict[float, int]

    @classmethod
    def of(cls, pages: list[Page]) -> Style:
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

    def level(self, line: Line) -> int:
        sizes = {c.size for c in line.cells}
        levels = [self.levels.get(s, 0) for s in sizes]
        return min(levels) if levels and all(levels) else 0


_LEADERS = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}$|(?:…\s?){2,}\s*\d{1,3}$|_{4,}\s*\d{1,3}$")


_CONTENTS = re.compile(r"^(?:table\s+of\s+)?contents$", re.I)


_PAGE_REF = re.compile(r"^\d{1,3}$")


def _contents_lines(lines: list[Line]) -> set[int]:
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


def _small_print(lines: list[Line], style: Style, height: float) -> set[int]:
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


def page_text(page: Page, running: set[str], style: Style) -> str:
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
        pieces.append((table.grid.top, table_text(table)))
    # Free lines between two tables (or a table and the page) are laid out apart.
    bands: list[list[Line]] = []
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


def _free_text(lines: list[Line], width: float, style: Style) -> str:
    if halves := _text_columns(lines):
        # Running text set in two columns is read down the left, then the right.
        return "\n\n".join(_free_text(half, width, style) for half in halves if half)
    page_columns = _columns(lines)
    # The usual pitch is the body print's: a cover's few lines under a title in large
    # print are parted by the body's gaps, not the title's.
    body = [ln for ln in lines if not style.level(ln)] or lines
    heights = sorted(ln.top - ln.bottom for ln in body)
    pitch = heights[len(heights) // 2] * 1.55
    blocks: list[list[Line]] = [[lines[0]]]
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
            parts = _row_lines(block, columns, rights)
            rows = [b for b, r in zip(blocks, regions, strict=True) if r is region]
            texts = [_row(part, columns, rights) for part in parts]
            if block is rows[0] and _bold_header([*parts, *rows[1:]]):
                texts[0] += "\n" + "\t".join("---" for _ in columns)
            out.append("\n".join(texts))
        else:
            out.append(_plain(block, style))
    return "\n\n".join(out)


def _text_columns(lines: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """The page's lines parted into a left and a right column when its running text
    is set in two columns: most lines have two cells, the right ones starting at one
    edge, the cells hold running text, not a table's short entries, and the columns'
    paragraphs start on lines of their own (a table's cells start side by side)."""
    two = [ln for ln in lines if len(ln.cells) == 2]
    if len(two) < 5 or len(two) < 0.6 * len(lines):
        return None
    split = min(ln.cells[1].left for ln in two)
    if any(ln.cells[1].left - split > 6 or ln.cells[0].right > split - 6 for ln in two):
        return None
    if sum(len(c.text) for ln in two for c in ln.cells) / (2 * len(two)) < 30:
        return None
    rights = [max(ln.cells[side].right for ln in two) for side in (0, 1)]
    starts: list[set[int]] = [set(), set()]
    for side in (0, 1):
        for i, (prev, line) in enumerate(pairwise(two), start=1):
            a, b = prev.cells[side], line.cells[side]
            if not wrapped(a, b, rights[side]) or a.bottom - b.bottom > 1.55 * (a.size or 8):
                starts[side].add(i)
    if not starts[0] or not starts[1] or len(starts[0] & starts[1]) * 2 >= len(starts[1]):
        return None
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:
        for side, cells in (
            (left, [c for c in ln.cells if c.left < split - 3]),
            (right, [c for c in ln.cells if c.left >= split - 3]),
        ):
            if cells:
                side.append(Line(max(c.top for c in cells), min(c.bottom for c in cells), cells))
    return left, right


def _row_lines(block: list[Line], columns: list[float], rights: list[float]) -> list[list[Line]]:
    """A block of table lines parted into its rows: rows set without space between
    them make one block. A line with text in the first column starts a row, unless that
    text goes on from the line before (its first word would not have fitted there)."""
    parts: list[list[Line]] = []
    first_cell: Run | None = None
    before: dict[int, Run] = {}
    for ln in block:
        here = {_column(c, columns): c for c in ln.cells}
        cell = here.get(0)
        # A full first column may look wrapped: a capital there, and another column
        # whose text plainly does not go on from the line before, start a row too.
        fresh = any(
            not wrapped(before[k], c, rights[k]) for k, c in here.items() if k and k in before
        )
        starts = cell is not None and (
            first_cell is None
            or not wrapped(first_cell, cell, rights[0])
            or (cell.text[:1].isupper() or cell.text[:1].isdigit())
            and fresh
        )
        if starts or not parts:
            parts.append([ln])
        else:
            parts[-1].append(ln)
        if cell is not None:
            first_cell = cell
        before = here
    return parts


def _bold_header(rows: list[list[Line]]) -> bool:
    """The first row of a table set without rules is its header when it alone is
    bold, across more than one column."""
    first = [c for ln in rows[0] for c in ln.cells]
    rest = [c for block in rows[1:] for ln in block for c in ln.cells]
    return (
        len(rows) > 1
        and len(first) > 1
        and all(c.bold for c in first)
        and not all(c.bold for c in rest)
    )


def _columns(lines: list[Line]) -> list[float]:
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


def _regions(blocks: list[list[Line]], margin: float | None) -> list[list[Line]]:
    """For each block, the lines of the table region it belongs to: the run of blocks
    between two blocks of running text (single-cell lines at the body's margin). Blocks
    of running text share one empty list."""

    def running(block: list[Line]) -> bool:
        return all(
            len(ln.cells) == 1 and abs(ln.cells[0].left - (margin or -99)) <= 3 for ln in block
        )

    none: list[Line] = []
    out: list[list[Line]] = [none] * len(blocks)
    start = 0
    for end in [*(i for i, b in enumerate(blocks) if running(b)), len(blocks)]:
        region = [ln for b in blocks[start:end] for ln in b]
        for k in range(start, end):
            out[k] = region
        start = end + 1
    return out


def _plain(block: list[Line], style: Style) -> str:
    """Lines of running text; the lines of a heading wrapped over several lines become
    one, so that the layout keeps it whole. A heading by its size is marked `#`."""
    level = style.level(block[0])
    if level:
        text = " ".join(escape(c.text, quote=False) for ln in block for c in ln.cells)
        return f"{'#' * level} {text}"
    lines: list[list[Run]] = []
    for ln in block:
        bold = all(c.bold for c in ln.cells)
        if lines and bold and all(c.bold for c in lines[-1]):
            lines[-1] = [*lines[-1], *ln.cells]
        else:
            lines.append(list(ln.cells))
    return "\n".join(marked(runs) for runs in lines)


def _first_column_only(block: list[Line], columns: list[float]) -> bool:
    """Lines wrapped within the first column of a table (its text continued from the
    page before) rather than across the page."""
    return (
        len(columns) > 1
        and len(block) >= 2
        and all(len(ln.cells) == 1 and ln.cells[0].right < columns[1] - 4 for ln in block)
    )


def _column(cell: Run, columns: list[float]) -> int:
    return max((i for i, x in enumerate(columns) if cell.left >= x - 8), default=0)


def _column_rights(lines: list[Line], columns: list[float], width: float) -> list[float]:
    """Where each column's text can reach: the next column's start, or for the last
    the page's right margin (as wide as the left one, or the furthest text)."""
    rights = [columns[i + 1] - 11 for i in range(len(columns) - 1)]
    lefts = [c.left for ln in lines for c in ln.cells]
    furthest = max((c.right for ln in lines for c in ln.cells), default=0.0)
    return [*rights, max(furthest, width - min(lefts, default=0.0))]


def _row(block: list[Line], columns: list[float], rights: list[float]) -> str:
    """A table row of text aligned in columns: each column's lines joined into
    paragraphs, as tab-separated `<p>` fragments (escaped: the layout reads cells as
    HTML fragments)."""
    by_column: list[list[Run]] = [[] for _ in columns]
    for ln in block:
        for cell in ln.cells:
            by_column[_column(cell, columns)].append(cell)
    return "\t".join(
        " ".join(f"<p>{marked(p)}</p>" for p in paragraphs(runs, rights[i]))
        for i, runs in enumerate(by_column)
    )
