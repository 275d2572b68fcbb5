"""An indicator's figures as a table and as a line chart (drawn by the shared
oversight/charts.py). Both come from the same series, so the chart never shows a number
the table does not."""

from __future__ import annotations

from dataclasses import dataclass

from oversight import charts

from .models import Indicator, Value, default_area
from .rules import format_number


@dataclass(frozen=True)
class TableRow:
    period: str
    breakdown: str
    cells: list[str]


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[TableRow]


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


def line_chart(indicator: Indicator, main: list[Value]) -> charts.Chart | None:
    """The chart of the headline series and the benchmarks (values from split_values),
    or None when there is nothing to draw."""
    if not main:
        return None
    series: dict[str, list[Value]] = {c: [] for c in _columns(main)}
    for v in sorted(main, key=lambda v: v.period_start):
        series[v.series_label].append(v)
    return charts.line_chart(
        {
            label: [charts.Figure(v.period_start, v.period_label, v.value) for v in vals]
            for label, vals in series.items()
        },
        value_text=indicator.format_value,
        tick_text=format_number,
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
