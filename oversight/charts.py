"""Accessible charts drawn on the server (no JavaScript), for every page that has one:
column and bar charts (the stop-and-search dashboard) returned as SVG markup, and line
charts (indicators) returned as a laid-out `Chart` that templates/indicators/_chart.html
draws.

Every bar or column chart is an `<svg role="img">` named by its `<title>` and described by its
`<desc>` (what it shows, the largest value and anything flagged), so a screen reader
announces one image with a summary; the figures themselves are in the table the page
puts beside every chart. Colour is never the only cue: partial months are hatched
*and* labelled "partial", months without data say "no data", every bar carries its
value, confidence intervals are whiskers with their numbers written out, and the
reference line says what it is.

The bar and column functions return markup (a `SafeString`: every text is escaped
here), sized in CSS pixels but free to shrink with its column (`max-width: 100%`).

A line chart is for sighted readers; the table beside it is the full record. Each
series has its own dash pattern and marker shape as well as its own colour, and the
legend shows both, so colour is never the only cue. Every point carries a <title> with
its period and value; the template gives the SVG role="img", a title and a description.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

BAR = "#1a65a6"  # the site's link blue: 6:1 against white, well over the 3:1 needed
INK = "#0b0c0c"  # GOV.UK text colour
GRID = "#b1b4b6"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'
_CHAR_WIDTH = 0.56  # average glyph width as a share of the font size, for wrapping


@dataclass(frozen=True)
class Column:
    """One bar of a column chart (months across)."""

    label: str  # short, e.g. "Mar"
    group: str  # shown under the first bar and wherever it changes, e.g. the year
    value: int | float | None  # None: no data (drawn as a labelled gap, not as zero)
    partial: bool = False
    text: str = ""  # the value as printed on the bar
    gap: str = "no data"  # what a gap (value None) says, e.g. "no records"


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal bar chart, optionally with a confidence interval."""

    label: str
    value: float | None  # None: not available (labelled, no bar)
    text: str  # the value as printed beside the bar
    low: float | None = None
    high: float | None = None


def _svg(
    chart_id: str, title: str, desc: str, width: int, height: int, body: list[str]
) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" focusable="false" '
        f'class="app-chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f"{FONT}>"
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>'
    )
    # Safe: every piece of text in head and body went through escape().
    return mark_safe(head + "".join(body) + "</svg>")


def _hatch(chart_id: str) -> str:
    return (
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="#fff"/><rect width="2.5" height="6" fill="{BAR}"/>'
        "</pattern></defs>"
    )


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 x 10^n at or above `value` (1 for nothing)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _tick_text(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def column_chart(
    chart_id: str, title: str, desc: str, columns: list[Column], *, width: int = 480
) -> SafeString:
    """Vertical bars, one per month. Partial months are hatched and labelled "partial";
    months with no data have no bar and say so (`Column.gap`, "no data" unless told).
    Values are printed on the bars while there is room (up to 13 bars); labels thin out
    past 18 bars."""
    left, right, top, bottom = 52, 8, 40, 44
    height = 300
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = nice_ceiling(max((c.value or 0 for c in columns), default=0))
    slot = plot_w / max(len(columns), 1)
    bar_w = max(slot * 0.7, 2)
    roomy = len(columns) <= 13
    every = 1 if len(columns) <= 18 else 3

    body = [_hatch(chart_id)]
    # Legend first: it explains the hatching before the bars are read.
    if any(c.partial and c.value for c in columns):
        body.append(
            f'<rect x="{left}" y="6" width="14" height="14" fill="url(#{chart_id}-hatch)" '
            f'stroke="{BAR}"/><text x="{left + 20}" y="18" font-size="12" fill="{INK}">'
            "Hatched, labelled &#8220;partial&#8221;: fewer records than usual</text>"
        )
    for step in range(5):
        tick = top_value * step / 4
        y = top + plot_h - plot_h * step / 4
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{_tick_text(tick)}</text>'
        )
    previous_group = None
    for index, column in enumerate(columns):
        centre = left + slot * index + slot / 2
        x = centre - bar_w / 2
        base = top + plot_h
        if column.value is None:
            body.append(_vertical_note(centre, base - 4, column.gap))
        else:
            bar_h = plot_h * column.value / top_value
            fill = f"url(#{chart_id}-hatch)" if column.partial else BAR
            body.append(
                f'<rect x="{x:.1f}" y="{base - bar_h:.1f}" width="{bar_w:.1f}" '
                f'height="{max(bar_h, 0.5):.1f}" fill="{fill}" stroke="{BAR}" stroke-width="1"/>'
            )
            above = base - bar_h - 4
            if roomy:
                body.append(
                    f'<text x="{centre:.1f}" y="{above:.1f}" font-size="12" '
                    f'text-anchor="middle" fill="{INK}">{escape(column.text)}</text>'
                )
                above -= 16
            if column.partial:
                body.append(_vertical_note(centre, above, "partial"))
        if index % every == 0:
            body.append(
                f'<text x="{centre:.1f}" y="{base + 16}" font-size="12" text-anchor="middle" '
                f'fill="{INK}">{escape(column.label)}</text>'
            )
        if column.group != previous_group:
            # The group (year) goes under its first bar, unless the next group starts
            # too close for both labels to fit.
            starts = [i for i, c in enumerate(columns) if i > index and c.group != column.group]
            if index > 0 or not starts or starts[0] * slot >= 40:
                body.append(
                    f'<text x="{centre:.1f}" y="{base + 32}" font-size="12" '
                    f'text-anchor="middle" font-weight="bold" fill="{INK}">'
                    f"{escape(column.group)}</text>"
                )
            previous_group = column.group
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    return _svg(chart_id, title, desc, width, height, body)


def _vertical_note(x: float, y: float, text: str) -> str:
    return (
        f'<text transform="translate({x + 4:.1f} {y:.1f}) rotate(-90)" font-size="12" '
        f'font-style="italic" fill="{INK}">{escape(text)}</text>'
    )


def wrap(text: str, width: int, font_size: float) -> list[str]:
    """`text` broken into lines that fit `width` pixels (words are never split)."""
    limit = max(int(width / (font_size * _CHAR_WIDTH)), 8)
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    bars: list[Bar],
    *,
    width: int = 480,
    reference: tuple[float, str] | None = None,
) -> SafeString:
    """Horizontal bars, each under its label, its value written beside it. Bars with
    `low`/`high` get a confidence-interval whisker. `reference` (value, label) draws a
    dashed line across the chart, e.g. (1, "White rate") for ratios to White."""
    font, label_size = 14, 14
    value_room = 175 if any(b.low is not None for b in bars) else 70
    left, right = 4, value_room
    plot_w = width - left - right
    highest = max([b.value or 0 for b in bars] + ([reference[0]] if reference else []), default=0)
    # A very wide interval (few searches) would squash every other bar: the scale
    # stretches to at most twice the highest value, and whiskers beyond it end in an
    # arrow; their numbers are written out anyway.
    widest = max((b.high for b in bars if b.high is not None), default=0)
    scale_max = nice_ceiling(max(highest, min(widest, 2 * highest)))

    def x_of(value: float) -> float:
        return left + plot_w * min(value, scale_max) / scale_max

    body: list[str] = []
    y = 8 + (20 if reference else 0)
    first_bar_y = y
    for bar in bars:
        for line in wrap(bar.label, width - left, label_size):
            y += label_size + 2
            body.append(
                f'<text x="{left}" y="{y}" font-size="{label_size}" fill="{INK}">'
                f"{escape(line)}</text>"
            )
        y += 4
        bar_h = 16
        if bar.value is None:
            body.append(
                f'<text x="{left}" y="{y + 13}" font-size="{font - 1}" font-style="italic" '
                f'fill="{INK}">{escape(bar.text)}</text>'
            )
        else:
            end = x_of(bar.value)
            body.append(
                f'<rect x="{left}" y="{y}" width="{max(end - left, 0.5):.1f}" height="{bar_h}" '
                f'fill="{BAR}"/>'
            )
            text_x = end
            if bar.low is not None and bar.high is not None:
                lo, hi, mid = x_of(bar.low), x_of(bar.high), y + bar_h / 2
                end_mark = (
                    f"M{hi - 6:.1f} {mid - 5:.1f}L{hi:.1f} {mid:.1f}L{hi - 6:.1f} {mid + 5:.1f}"
                    if bar.high > scale_max
                    else f"M{hi:.1f} {mid - 7:.1f}V{mid + 7:.1f}"
                )
                body.append(
                    f'<path d="M{lo:.1f} {mid:.1f}H{hi:.1f}M{lo:.1f} {mid - 7:.1f}V{mid + 7:.1f}'
                    f'{end_mark}" stroke="{INK}" stroke-width="2" fill="none"/>'
                )
                text_x = max(text_x, hi)
            body.append(
                f'<text x="{text_x + 6:.1f}" y="{y + 13}" font-size="{font - 1}" '
                f'fill="{INK}">{escape(bar.text)}</text>'
            )
        y += bar_h + 10
    if reference:
        value, label = reference
        x = x_of(value)
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{first_bar_y - 4}" y2="{y - 6}" '
            f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="4 3"/>'
            f'<text x="{x:.1f}" y="{first_bar_y - 8}" font-size="12" fill="{INK}" '
            f'text-anchor="{"start" if x < width / 2 else "end"}">{escape(label)}</text>'
        )
    return _svg(chart_id, title, desc, width, y + 4, body)


# --- line charts ------------------------------------------------------------

LINE_WIDTH = 640
PLOT_HEIGHT = 220
LINE_MARGIN_LEFT, LINE_MARGIN_RIGHT, LINE_MARGIN_BOTTOM = 64, 56, 44
LEGEND_ROW = 26
LINE_CHAR_WIDTH = 8  # rough width of a character at the chart's font size, for layout only
MIN_LABEL_GAP = 96

# (colour, dash pattern, marker): the council's own figure first, solid with circles.
LINE_STYLES = [
    ("#1d70b8", "", "circle"),
    ("#0b0c0c", "8 5", "square"),
    ("#912b88", "2 4", "triangle"),
    ("#6f4a00", "12 4 2 4", "diamond"),
]


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
    positions, x, row = [], float(LINE_MARGIN_LEFT), 0
    for label in labels:
        width = 48 + LINE_CHAR_WIDTH * len(label) + 24
        if x + width > LINE_WIDTH and x > LINE_MARGIN_LEFT:
            x, row = float(LINE_MARGIN_LEFT), row + 1
        positions.append((x, 18 + row * LEGEND_ROW))
        x += width
    return positions, row + 1


@dataclass(frozen=True)
class Figure:
    """One value of a line chart's series: the day its period starts, how the period
    is labelled, the value."""

    day: date
    period: str
    value: Decimal


def line_chart(
    series: dict[str, list[Figure]],
    *,
    value_text: Callable[[Decimal], str],
    tick_text: Callable[[Decimal], str],
    unit: str,
    description: str,
) -> Chart | None:
    """The chart of `series` (label: figures in date order; the first is drawn solid
    with circles), or None when there is nothing to draw. `value_text` writes a value
    for a point's title, `tick_text` for the axis."""
    main = [f for figures in series.values() for f in figures]
    if not main:
        return None
    positions, legend_rows = _legend_positions(list(series))
    top = legend_rows * LEGEND_ROW + 16
    left, right = LINE_MARGIN_LEFT, LINE_WIDTH - LINE_MARGIN_RIGHT
    bottom = top + PLOT_HEIGHT
    starts = sorted({f.day for f in main})
    first, span_days = starts[0], max((starts[-1] - starts[0]).days, 1)
    low, high, step = _y_scale([f.value for f in main])

    def x_of(day: date) -> float:
        if len(starts) == 1:
            return (left + right) / 2
        return round(left + (right - left) * (day - first).days / span_days, 1)

    def y_of(number: Decimal) -> float:
        return round(bottom - (bottom - top) * float((number - low) / (high - low)), 1)

    lines = []
    for n, (label, vals) in enumerate(series.items()):
        colour, dash, marker = LINE_STYLES[n % len(LINE_STYLES)]
        points = []
        for f in vals:
            x, y = x_of(f.day), y_of(f.value)
            title = f"{label}, {f.period}: {value_text(f.value)}"
            points.append(Point(x, y, title, _marker(marker, x, y)))
        path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(points))
        lx, ly = positions[n]
        legend_polygon = _marker(marker, lx + 18, ly)
        lines.append(Line(label, colour, dash, marker, points, path, lx, ly, legend_polygon))

    period_labels = {}
    for f in main:
        period_labels.setdefault(f.day, f.period)
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
        y_ticks.append(Tick(left - 8, y_of(tick), tick_text(tick)))
        tick += step
    return Chart(
        width=LINE_WIDTH,
        height=bottom + LINE_MARGIN_BOTTOM,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        lines=lines,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        unit=unit,
        description=description,
    )
