"""Ruled tables of a PDF page read cell by cell, and stitched across pages.

`ruled_table(grid, runs)` puts each run in the cell of the grid (pdf_rulings.py) its
middle is in and finds the header row; `stitch_tables(pages)` joins a table going on
at the top of the next page to the one before; `table_text` writes the rows in the text
convention (tab-separated `<p>` fragments, a `---` line after a header row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from . import pdf_furniture as furniture
from .pdf_lines import Line, Run, band_lines, join_runs, marked, paragraphs
from .pdf_rulings import Grid


@dataclass
class Table:
    """A ruled table's rows on one page: each row its cells' paragraphs (runs)."""

    grid: Grid
    rows: list[list[list[list[Run]]]]
    header: bool = False
    # The header row's texts: its own, or those of the table it continues.
    header_texts: list[str] | None = None


@dataclass
class Page:
    lines: list[Line]
    size: tuple[float, float]
    marks: set[str]
    tables: list[Table] = field(default_factory=list)


def ruled_table(grid: Grid, runs: list[Run]) -> Table | None:
    """The rows of a ruled table: each run goes to the cell its middle is in; a cell's
    lines become paragraphs where a line ended early (the next word would have fitted)
    or a wider gap parts them. The first row is its header when it alone is bold or
    shaded."""
    cells: dict[tuple[int, int], list[Run]] = {}
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
            lines = band_lines(cells.get((r, c), []))
            joined = [join_runs(ln.cells, one_cell=True)[0] for ln in lines]
            row.append(paragraphs(joined, rights[c], cut_words=True))
        rows.append(row)
    table = Table(grid, rows)
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


def _same_columns(a: Grid, b: Grid) -> bool:
    return len(a.columns) == len(b.columns) and all(
        abs(x - y) <= 3 for x, y in zip(a.columns, b.columns, strict=True)
    )


def _texts(row: list[list[list[Run]]]) -> list[str]:
    return [" ".join(run.text for p in cell for run in p) for cell in row]


def stitch_tables(pages: list[Page]) -> None:
    """A ruled table going on at the top of the next page (the same columns, nothing
    above it but the page's furniture): its repeated header row is dropped, and a first
    row with nothing in its first column goes on from the row before the break."""
    for before, page in pairwise(pages):
        if not before.tables or not page.tables:
            continue
        # The page's lowest table and the next page's highest (a page's tables are not
        # kept in reading order: they are found by their rules).
        last = min(before.tables, key=lambda t: t.grid.bottom)
        first = max(page.tables, key=lambda t: t.grid.top)
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


def _at_edge(line: Line, page: Page) -> bool:
    return furniture.at_edge(line, page.size[1])


def table_text(table: Table) -> str:
    out = []
    for k, row in enumerate(table.rows):
        out.append("\t".join(" ".join(f"<p>{marked(p)}</p>" for p in cell) for cell in row) or "\t")
        if k == 0 and table.header:
            out.append("\t".join("---" for _ in row))
    return "\n".join(out)
