"""An indicator's figures as a table and as an SVG line chart drawn on the server (no
JavaScript). Both come from the same series, so the chart never shows a number the
table does not.

The chart is for sighted readers; the table is the full record. Each series has its
own dash pattern and marker shape as well as its own colour, and the legend shows both,
so colour is never the only cue. Every point carries a <title> with its period and
value; templates/indicators/_chart.html gives the SVG role="img", a title and a
description.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .models import Indicator, Value, default_area
from .rules import format_number

WIDTH = 640
PLOT_HEIGHT = 220
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM = 64, 56, 44
LEGEND_ROW = 26
CHAR_WIDTH = 8  # rough width of a character at the chart's font size, for layout only
MIN_LABEL_GAP = 96

# (colour, dash pattern, marker): the council's own figure first, solid with circles.
STYLES = [
    ("#1d70b8", "", "circle"),
    ("#0b0c0c", "8 5", "square"),
    ("#912b88", "2 4", "triangle"),
    ("#6f4a00", "12 4 2 4", "diamond"),
]


@dataclass(frozen=True)
class TableRow:
    period: str
    breakdown: str
    cells: list[str]


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[TableRow]


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str
    polygon: str  # the marker's outline; "" for a circle, drawn at x, y


@dataclass(frozen=True)
class Line:
    label: str
    colour: str
    dash: str
    marker: str
    points: list[Point]
    path: str
    legend_x: float
    legend_y: float
    legend_polygon: str


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    unit: str
    description: str


def _marker(shape: str, x: float, y: float) -> str:
    """The polygon of a marker centred on x, y (empty for a circle)."""
    corners = {
        "square": [(-5, -5), (5, -5), (5, 5), (-5, 5)],
        "triangle": [(0, -6), (6, 5), (-6, 5)],
        "diamond": [(0, -7), (7, 0), (0, 7), (-7, 0)],
    }.get(shape, [])
    return " ".join(f"{round(x + dx, 1)},{round(y + dy, 1)}" for dx, dy in corners)


def split_values(values: list[Value]) -> tuple[list[Value], list[Value]]:
    """(main, others): main is the headline series and the benchmarks' figures with no
    breakdown (the chart and first table); others are breakdowns and other areas."""
    area = default_area()
    main, others = [], []
    for v in values:
        own_headline = v.is_headline(area)
        benchmark_total = v.benchmark_id is not None and not v.breakdown_dimension
        (main if own_headline or benchmark_total else others).append(v)
    return main, others


def _columns(values: list[Value]) -> list[str]:
    """The council's own series first (its own area before others), then benchmarks."""
    area = default_area()
    own = sorted({v.area for v in values if not v.benchmark_id}, key=lambda a: (a != area, a))
    benchmarks = sorted({v.benchmark.label for v in values if v.benchmark_id})
    return [a or area for a in own] + benchmarks


def pivot(indicator: Indicator, values: list[Value]) -> Table:
    """One row per period (and breakdown), one column per series (area or benchmark)."""
    columns = _columns(values)
    cells: dict[tuple, dict[str, str]] = {}
    labels: dict[tuple, tuple[str, str]] = {}
    for v in values:
        key = (v.period_start, v.breakdown_dimension, v.breakdown_value.casefold())
        labels.setdefault(key, (v.period_label, v.breakdown_label))
        cells.setdefault(key, {})[v.series_label] = indicator.format_value(v.value)
    ordered = sorted(cells, key=lambda k: (k[1], k[2], k[0]))
    rows = [
        TableRow(labels[k][0], labels[k][1], [cells[k].get(c, "") for c in columns])
        for k in ordered
    ]
    return Table(columns, rows)


def _nice_step(span: Decimal) -> Decimal:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about four intervals."""
    raw = span / 4
    power = Decimal(10) ** raw.adjusted()
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _y_scale(numbers: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    low = min(min(numbers), Decimal(0))
    high = max(max(numbers), Decimal(0))
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    return low, high, step


def _legend_positions(labels: list[str]) -> tuple[list[tuple[float, float]], int]:
    """Where each legend entry starts (a 36px line sample, then its label), wrapping
    onto new rows; and the number of rows."""
    positions, x, row = [], float(MARGIN_LEFT), 0
    for label in labels:
        width = 48 + CHAR_WIDTH * len(label) + 24
        if x + width > WIDTH and x > MARGIN_LEFT:
            x, row = float(MARGIN_LEFT), row + 1
        positions.append((x, 18 + row * LEGEND_ROW))
        x += width
    return positions, row + 1


def line_chart(indicator: Indicator, main: list[Value]) -> Chart | None:
    """The chart of the headline series and the benchmarks (values from split_values),
    or None when there is nothing to draw."""
    if not main:
        return None
    series: dict[str, list[Value]] = {c: [] for c in _columns(main)}
    for v in sorted(main, key=lambda v: v.period_start):
        series[v.series_label].append(v)
    positions, legend_rows = _legend_positions(list(series))
    top = legend_rows * LEGEND_ROW + 16
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    bottom = top + PLOT_HEIGHT
    starts = sorted({v.period_start for v in main})
    first, span_days = starts[0], max((starts[-1] - starts[0]).days, 1)
    low, high, step = _y_scale([v.value for v in main])

    def x_of(day: date) -> float:
        if len(starts) == 1:
            return (left + right) / 2
        return round(left + (right - left) * (day - first).days / span_days, 1)

    def y_of(number: Decimal) -> float:
        return round(bottom - (bottom - top) * float((number - low) / (high - low)), 1)

    lines = []
    for n, (label, vals) in enumerate(series.items()):
        colour, dash, marker = STYLES[n % len(STYLES)]
        points = []
        for v in vals:
            x, y = x_of(v.period_start), y_of(v.value)
            title = f"{label}, {v.period_label}: {indicator.format_value(v.value)}"
            points.append(Point(x, y, title, _marker(marker, x, y)))
        path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
        lx, ly = positions[n]
        legend_polygon = _marker(marker, lx + 18, ly)
        lines.append(Line(label, colour, dash, marker, points, path, lx, ly, legend_polygon))

    period_labels = {}
    for v in main:
        period_labels.setdefault(v.period_start, v.period_label)
    x_ticks: list[Tick] = []
    # From the latest back, so the latest period is always labelled; labels that would
    # overlap the one after are skipped (the table has every period).
    for day in reversed(starts):
        x = x_of(day)
        if not x_ticks or x_ticks[0].x - x >= MIN_LABEL_GAP:
            x_ticks.insert(0, Tick(x, bottom + 22, period_labels[day]))
    y_ticks = []
    tick = low
    while tick <= high:
        y_ticks.append(Tick(left - 8, y_of(tick), format_number(tick)))
        tick += step
    return Chart(
        width=WIDTH,
        height=bottom + MARGIN_BOTTOM,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        lines=lines,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        unit=indicator.unit,
        description=_describe(indicator, series),
    )


def _describe(indicator: Indicator, series: dict[str, list[Value]]) -> str:
    """The chart in words: each series from its first to its last figure."""
    parts = []
    for label, vals in series.items():
        first, last = vals[0], vals[-1]
        if first is last:
            parts.append(f"{label}: {indicator.format_value(last.value)} in {last.period_label}.")
        else:
            parts.append(
                f"{label}: {indicator.format_value(first.value)} in {first.period_label}, "
                f"{indicator.format_value(last.value)} in {last.period_label} "
                f"({len(vals)} figures)."
            )
    unit = f" ({indicator.unit})" if indicator.unit else ""
    return f"Line chart of {indicator.name}{unit}. " + " ".join(parts)
