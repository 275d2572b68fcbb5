"""Indicator values as CSV: reading a file into a checked plan (what would be written,
row by row) and writing an indicator's values in the same columns, so a downloaded file
can be edited and imported again.

Columns (a header row is required; names are case-insensitive, order is free):
indicator (slug or name), period, period_start (YYYY-MM-DD), area, breakdown_dimension,
breakdown_value, value, benchmark, note. `indicator` and `value` are required, and each
row needs a period, a period_start or both (see periods.py for the labels understood).

A file is all or nothing: `read_csv` reports every bad row with its line number (the
header is line 1), and `operations.record_batches` writes a plan only if it has none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from .models import Indicator, Value
from .operations import ValueRow, check_row, find_existing, is_unchanged
from .periods import start_from_label

COLUMNS = [
    "indicator",
    "period",
    "period_start",
    "area",
    "breakdown_dimension",
    "breakdown_value",
    "value",
    "benchmark",
    "note",
]
REQUIRED = ["indicator", "value"]

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class PlannedRow:
    """A good row and what writing it would do: new, changed (from `was`) or unchanged."""

    line: int
    indicator: Indicator
    row: ValueRow
    action: str
    was: Decimal | None = None

    @property
    def value_text(self) -> str:
        return self.indicator.format_value(self.row.value)

    @property
    def was_text(self) -> str:
        return self.indicator.format_value(self.was)

    @property
    def breakdown_text(self) -> str:
        if not self.row.breakdown_dimension:
            return "All"
        label = Value.Dimension(self.row.breakdown_dimension).label
        return f"{label}: {self.row.breakdown_value}"


@dataclass
class ImportPlan:
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def counts(self) -> dict[str, int]:
        counts = {NEW: 0, CHANGED: 0, UNCHANGED: 0}
        for planned in self.rows:
            counts[planned.action] += 1
        return counts

    def new_benchmarks(self) -> list[tuple[Indicator, str]]:
        """Comparison series the file names that its indicators do not have yet."""
        found: dict[tuple[int, str], tuple[Indicator, str]] = {}
        for p in self.rows:
            label = p.row.benchmark
            if label and (p.indicator.pk, label.casefold()) not in found:
                if not p.indicator.benchmarks.filter(label__iexact=label).exists():
                    found[(p.indicator.pk, label.casefold())] = (p.indicator, label)
        return list(found.values())

    def batches(self) -> list[tuple[Indicator, list[ValueRow]]]:
        by_pk: dict[int, tuple[Indicator, list[ValueRow]]] = {}
        for p in self.rows:
            by_pk.setdefault(p.indicator.pk, (p.indicator, []))[1].append(p.row)
        return list(by_pk.values())


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")  # Excel writes a byte-order mark.
    except UnicodeDecodeError:
        return None


def _number(text: str) -> Decimal | None:
    try:
        number = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _dimension(text: str) -> str:
    """The stored dimension for a value or label ("SEND", "Ethnicity"); unknown text is
    returned as typed, for check_row to refuse by name."""
    wanted = text.strip().casefold()
    for value, label in Value.Dimension.choices:
        if wanted in {value, label.casefold()}:
            return value
    return text.strip()


def _finder(indicators: Iterable[Indicator]):
    by_name: dict[str, Indicator] = {}
    for indicator in indicators:
        by_name[indicator.slug.casefold()] = indicator
        by_name.setdefault(indicator.name.strip().casefold(), indicator)
    return lambda text: by_name.get(text.strip().casefold())


def _read_row(cells: dict[str, str], find) -> tuple[Indicator | None, ValueRow | None, list[str]]:
    problems = []
    name = cells.get("indicator", "")
    indicator = find(name) if name else None
    if not name:
        problems.append("the indicator is missing")
    elif indicator is None:
        # The same words whether it does not exist or is not the importer's to change:
        # a restricted indicator's existence is not revealed.
        problems.append(f"no indicator you can enter figures for is called “{name}”")
    raw_value = cells.get("value", "")
    number = _number(raw_value)
    if not raw_value:
        problems.append("the value is missing")
    elif number is None:
        problems.append(f"the value “{raw_value}” is not a number (write it alone, e.g. 28)")
    label, raw_start = cells.get("period", ""), cells.get("period_start", "")
    start: date | None = None
    if raw_start:
        try:
            start = date.fromisoformat(raw_start)
        except ValueError:
            problems.append(f"the period_start “{raw_start}” is not a date like 2021-04-01")
    elif not label:
        problems.append("give the period, its period_start, or both")
    elif indicator is not None:
        start = start_from_label(label, indicator.frequency)
        if start is None:
            problems.append(f"cannot tell when the period “{label}” starts: give its period_start")
    if problems or indicator is None or number is None or start is None:
        return indicator, None, problems
    row = ValueRow(
        period_start=start,
        value=number,
        period_label=label,
        area=cells["area"] if cells.get("area") else None,
        breakdown_dimension=_dimension(cells.get("breakdown_dimension", "")),
        breakdown_value=cells.get("breakdown_value", ""),
        benchmark=cells.get("benchmark", ""),
        note=cells.get("note", ""),
    ).normalised(indicator.frequency)
    return indicator, row, check_row(row)


def read_csv(data: bytes, indicators: Iterable[Indicator]) -> ImportPlan:
    """Check every row of the CSV `data` against `indicators` (those the importer may
    enter figures for) and plan what writing it would do. Writes nothing."""
    plan = ImportPlan()
    text = _decode(data)
    if text is None:
        plan.errors.append(RowError(0, "The file is not UTF-8 text: save it as CSV UTF-8."))
        return plan
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().casefold() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h and h not in COLUMNS]
    if missing or unknown:
        if missing:
            plan.errors.append(RowError(1, f"the header has no {', '.join(missing)} column"))
        if unknown:
            plan.errors.append(
                RowError(1, f"unknown columns {', '.join(unknown)}; use {', '.join(COLUMNS)}")
            )
        return plan
    find = _finder(indicators)
    first_line: dict[tuple, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            plan.errors.append(RowError(line, "the row has more cells than the header"))
            continue
        record = {h: c.strip() for h, c in zip(header, cells, strict=False) if h}
        indicator, row, problems = _read_row(record, find)
        if row is not None:
            key = (indicator.pk, *row.key())
            if (first := first_line.setdefault(key, line)) != line:
                problems.append(
                    f"the same indicator, period, area, breakdown and benchmark as line {first}"
                )
        if problems:
            plan.errors.extend(RowError(line, p) for p in problems)
            continue
        existing = find_existing(indicator, row)
        if existing is None:
            plan.rows.append(PlannedRow(line, indicator, row, NEW))
        elif is_unchanged(existing, row):
            plan.rows.append(PlannedRow(line, indicator, row, UNCHANGED, existing.value))
        else:
            plan.rows.append(PlannedRow(line, indicator, row, CHANGED, existing.value))
    if not plan.rows and not plan.errors:
        plan.errors.append(RowError(0, "The file has no rows of figures under its header."))
    return plan


def write_rows(values: Iterable[Value]) -> Iterator[list[str]]:
    """The header and one row per value (Value.to_dict), in the import's columns."""
    yield COLUMNS
    for v in values:
        cells = v.to_dict()
        # Written with oversight.downloads.csv_writer, which makes every text cell safe.
        yield [cells[c] for c in COLUMNS]
