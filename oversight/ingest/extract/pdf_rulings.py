"""Ruled tables of a PDF page, from its path objects (the lines and rectangles drawn).

`page_rulings(page)` gives the page's horizontal and vertical rulings: stroked lines,
the edges of rectangles (cell borders, and the edges of shaded cells, which bound a
cell as well as a line does) and thin filled rectangles (how Word draws a border).
`grids(rulings)` groups rulings that touch into ruled tables: a `Grid` has the table's
box, its column edges (every vertical ruling's x) and its row edges (the horizontal
rulings that cross most of its width), and the shaded boxes inside it (a header row is
often shaded). A box of one column is no table (a framed paragraph or a coloured
banner): it only separates its text from the text around it.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

# More path objects than this on one page is a chart or a drawing, not a table's rules.
MAX_PATHS = 3000
THIN = 2.5  # a filled rectangle thinner than this is a drawn line
NEAR = 2.0  # rulings this close meet


@dataclass
class Rulings:
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # y, x0, x1
    vertical: list[tuple[float, float, float]] = field(default_factory=list)  # x, y0, y1
    shaded: list[tuple[float, float, float, float]] = field(default_factory=list)  # l, b, r, t


@dataclass
class Grid:
    left: float
    bottom: float
    right: float
    top: float
    columns: list[float]  # x of the column edges, left to right (first = table's left)
    rows: list[float]  # y of the row edges, top to bottom (first = table's top)
    shaded: list[tuple[float, float, float, float]]

    def holds(self, x: float, y: float) -> bool:
        return self.left - 1 <= x <= self.right + 1 and self.bottom - 1 <= y <= self.top + 1

    def column_of(self, x: float) -> int:
        return max(0, sum(1 for edge in self.columns[1:] if x >= edge - 1))

    def row_of(self, y: float) -> int:
        return max(0, sum(1 for edge in self.rows[1:] if y <= edge + 1))

    def is_shaded(self, left: float, bottom: float, right: float, top: float) -> bool:
        return any(
            s[0] <= left + 1 and s[1] <= bottom + 1 and s[2] >= right - 1 and s[3] >= top - 1
            for s in self.shaded
        )


def page_rulings(page) -> Rulings:
    """The rulings drawn on a page (top-level path objects and those in forms)."""
    out = Rulings()
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    seen = 0

    def visit(objects):
        nonlocal seen
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                visit(pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(count))
                continue
            if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            seen += 1
            if seen > MAX_PATHS:
                return
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
                continue
            left, bottom, right, top = (v.value for v in box)
            _add(out, obj, left, bottom, right, top)

    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    visit(pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(count))
    if seen > MAX_PATHS:
        return Rulings()
    return out


def _add(out: Rulings, obj, left: float, bottom: float, right: float, top: float) -> None:
    width, height = right - left, top - bottom
    if width < 3 and height < 3:
        return
    if height <= THIN and width > 3:
        out.horizontal.append(((top + bottom) / 2, left, right))
        return
    if width <= THIN and height > 3:
        out.vertical.append(((left + right) / 2, bottom, top))
        return
    segments = pdfium_c.FPDFPath_CountSegments(obj)
    if segments > 6:
        # One path drawing many rules (some exporters draw a table's borders so):
        # its straight segments, in page space.
        _add_segments(out, obj, segments)
        return
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke))
    if stroke.value:
        out.horizontal += [(top, left, right), (bottom, left, right)]
        out.vertical += [(left, bottom, top), (right, bottom, top)]
    # A filled box without a border is shading (a header row's, or a paragraph's
    # background drawn line by line): it marks a row, but rules nothing.
    if mode.value and not _white(obj):
        out.shaded.append((left, bottom, right, top))


def _white(obj) -> bool:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in (r, g, b, a)))
    return min(r.value, g.value, b.value) >= 250 or a.value == 0


def _add_segments(out: Rulings, obj, count: int) -> None:
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, bool]] = []
    for k in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        move = pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO
        points.append((px, py, move))
    for (x0, y0, _), (x1, y1, move) in zip(points, points[1:], strict=False):
        if move:
            continue
        if abs(y0 - y1) <= 0.5 and abs(x1 - x0) > 3:
            out.horizontal.append((y0, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= 0.5 and abs(y1 - y0) > 3:
            out.vertical.append((x0, min(y0, y1), max(y0, y1)))


def grids(rulings: Rulings) -> list[Grid]:
    """The ruled tables: groups of rulings that touch, with two columns or more."""
    h = [("h", *r) for r in _merged(rulings.horizontal)]
    v = [("v", *r) for r in _merged(rulings.vertical)]
    if not h or not v:
        return []
    parent = list(range(len(h) + len(v)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, y, x0, x1) in enumerate(h):
        for j, (_, x, y0, y1) in enumerate(v):
            if x0 - NEAR <= x <= x1 + NEAR and y0 - NEAR <= y <= y1 + NEAR:
                parent[find(i)] = find(len(h) + j)
    groups: dict[int, list[tuple]] = {}
    for i, r in enumerate([*h, *v]):
        groups.setdefault(find(i), []).append(r)
    out = []
    for group in groups.values():
        grid = _grid(group, rulings.shaded)
        if grid is not None:
            out.append(grid)
    return out


def _merged(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear rulings that touch or overlap as one (a column's rule drawn cell by
    cell, or a header cell's edge meeting the body's rule)."""
    out: list[list[float]] = []
    for at, lo, hi in sorted(segments, key=lambda r: (round(r[0]), r[1])):
        last = out[-1] if out else None
        if last and abs(last[0] - at) <= NEAR / 2 and lo <= last[2] + NEAR:
            last[2] = max(last[2], hi)
        else:
            out.append([at, lo, hi])
    return [(a, b, c) for a, b, c in out]


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > NEAR * 1.5:
            out.append(value)
    return out


def _grid(group: list[tuple], shaded: list) -> Grid | None:
    hs = [r[1:] for r in group if r[0] == "h"]
    vs = [r[1:] for r in group if r[0] == "v"]
    if len(hs) < 2 or len(vs) < 2:
        return None
    left = min(min(x0 for _, x0, _ in hs), min(x for x, _, _ in vs))
    right = max(max(x1 for _, _, x1 in hs), max(x for x, _, _ in vs))
    bottom = min(min(y0 for _, y0, _ in vs), min(y for y, _, _ in hs))
    top = max(max(y1 for _, _, y1 in vs), max(y for y, _, _ in hs))
    if right - left < 30 or top - bottom < 8:
        return None
    width = right - left
    # Vertical rulings that run a good part of a row make columns; short ticks do not.
    columns = _edges([x for x, y0, y1 in vs if y1 - y0 > 6])
    columns = [x for x in columns if x < right - 4]
    if not columns or columns[0] > left + 4:
        columns.insert(0, left)
    if len(columns) < 2:
        return None
    inside = [
        s
        for s in shaded
        if s[0] >= left - 1 and s[2] <= right + 1 and s[1] >= bottom - 1 and s[3] <= top + 1
    ]
    # A shaded band across the table (a header row) bounds a row as a rule would.
    bands = [y for s in inside if s[2] - s[0] > width * 0.5 for y in (s[1], s[3])]
    rows = _edges([y for y, x0, x1 in hs if x1 - x0 > width * 0.5] + bands)
    rows = sorted((y for y in rows if y > bottom + 2), reverse=True)
    if not rows or rows[0] < top - 2:
        rows.insert(0, top)
    return Grid(left, bottom, right, top, columns, rows, inside)
