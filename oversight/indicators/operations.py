"""Every change to indicators goes through one of these functions, each one transaction.
Views parse input, check access (access.py), call one of these and render.

History (who, when, before, after) is kept by django-simple-history on indicators
(including their links to actions), benchmark series and values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from oversight.tracker.models import TrackedItem

from . import periods, rules
from .models import Benchmark, Indicator, Value, default_area

# The largest magnitude and finest precision Value.value holds (16 digits, 4 decimals).
MAX_MAGNITUDE = Decimal(10) ** 12
MAX_DECIMALS = 4


@dataclass(frozen=True)
class ValueRow:
    """One figure to record for an indicator.

    `area` None means the usual area: the council's own area for its own figures, none
    for a benchmark's. `benchmark` is the label of a comparison series ("England"), or ""
    for the council's own figure; a series not yet defined for the indicator is created.
    An empty `period_label` is made from `period_start` and the indicator's frequency.
    `value` is a Decimal with at most 4 decimal places: a feed rounds its figures first,
    e.g. `Decimal(ratio).quantize(Decimal("0.01"))`.
    """

    period_start: date
    value: Decimal
    period_label: str = ""
    area: str | None = None
    breakdown_dimension: str = ""
    breakdown_value: str = ""
    benchmark: str = ""
    note: str = ""

    def normalised(self, frequency: str) -> ValueRow:
        """The row as it is stored: text trimmed, defaults filled in."""
        benchmark = self.benchmark.strip()
        area = self.area.strip() if self.area is not None else ("" if benchmark else default_area())
        return ValueRow(
            period_start=self.period_start,
            value=self.value,
            period_label=self.period_label.strip()
            or periods.label_for(self.period_start, frequency),
            area=area,
            breakdown_dimension=self.breakdown_dimension.strip().lower(),
            breakdown_value=self.breakdown_value.strip(),
            benchmark=benchmark,
            note=self.note.strip(),
        )

    def key(self) -> tuple:
        """What identifies the figure: a second row with the same key replaces it."""
        return (
            self.benchmark.casefold(),
            self.period_start,
            self.area,
            self.breakdown_dimension,
            self.breakdown_value,
        )


def check_row(row: ValueRow) -> list[str]:
    """What is wrong with a normalised row, in words for the person who typed it."""
    problems = []
    value = row.value
    if not isinstance(value, Decimal) or not value.is_finite():
        problems.append("the value is not a number")
    elif abs(value) >= MAX_MAGNITUDE:
        problems.append("the value is too large")
    elif value.as_tuple().exponent < -MAX_DECIMALS and value != round(value, MAX_DECIMALS):
        problems.append(f"the value has more than {MAX_DECIMALS} decimal places")
    if row.breakdown_dimension not in Value.Dimension.values:
        choices = ", ".join(v for v in Value.Dimension.values if v)
        problems.append(f"the breakdown must be one of {choices}, or blank")
    elif row.breakdown_dimension and not row.breakdown_value:
        problems.append("give the breakdown value (for example Black Caribbean, or 10-17)")
    elif row.breakdown_value and not row.breakdown_dimension:
        problems.append("give the breakdown dimension of the breakdown value")
    for text, limit, what in (
        (row.period_label, 40, "period"),
        (row.area or "", 100, "area"),
        (row.breakdown_value, 100, "breakdown value"),
        (row.benchmark, 100, "benchmark"),
        (row.note, 500, "note"),
    ):
        if len(text) > limit:
            problems.append(f"the {what} is longer than {limit} characters")
    return problems


def find_existing(indicator: Indicator, row: ValueRow) -> Value | None:
    """The stored value with the same key as the normalised `row`, if any."""
    qs = Value.objects.filter(
        indicator=indicator,
        period_start=row.period_start,
        area=row.area,
        breakdown_dimension=row.breakdown_dimension,
        breakdown_value=row.breakdown_value,
    )
    if row.benchmark:
        qs = qs.filter(benchmark__label__iexact=row.benchmark)
    else:
        qs = qs.filter(benchmark__isnull=True)
    return qs.first()


def is_unchanged(existing: Value, row: ValueRow) -> bool:
    """True when storing `row` would change nothing a reader sees (the source of the
    figure is kept from its first recording)."""
    return (
        existing.value == row.value
        and existing.period_label == row.period_label
        and existing.note == row.note
    )


@dataclass
class RecordReport:
    """What `record_values` did: rows created, updated and left as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_benchmarks: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.created + self.updated

    def add(self, other: RecordReport) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.new_benchmarks += other.new_benchmarks

    def to_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "new_benchmarks": self.new_benchmarks,
        }


@transaction.atomic
def record_values(indicator: Indicator, rows: Sequence[ValueRow], *, source: str) -> RecordReport:
    """Store `rows` as values of `indicator`: an idempotent upsert by (benchmark, period
    start, area, breakdown). Recording the same rows again changes nothing.

    Refuses the whole batch (ValidationError listing "Row N: problem", nothing written)
    if any row is invalid or two rows have the same key. Feeds such as the monthly
    stop-and-search figures call this with their series and a `source` naming the feed.
    """
    rows = [r.normalised(indicator.frequency) for r in rows]
    problems = [f"Row {n}: {p}" for n, row in enumerate(rows, 1) for p in check_row(row)]
    seen: dict[tuple, int] = {}
    for n, row in enumerate(rows, 1):
        if (first := seen.setdefault(row.key(), n)) != n:
            problems.append(f"Row {n}: the same period, area and breakdown as row {first}")
    if problems:
        raise ValidationError(problems)
    # One writer per indicator at a time, so two imports of one file cannot both create.
    Indicator.private_objects.select_for_update().get(pk=indicator.pk)
    report = RecordReport()
    series = {b.label.casefold(): b for b in indicator.benchmarks.all()}
    for row in rows:
        benchmark = None
        if row.benchmark:
            benchmark = series.get(row.benchmark.casefold())
            if benchmark is None:
                benchmark = Benchmark.objects.create(indicator=indicator, label=row.benchmark)
                series[row.benchmark.casefold()] = benchmark
                report.new_benchmarks.append(row.benchmark)
        existing = find_existing(indicator, row)
        if existing is None:
            value = Value(
                indicator=indicator,
                benchmark=benchmark,
                period_start=row.period_start,
                period_label=row.period_label,
                area=row.area,
                breakdown_dimension=row.breakdown_dimension,
                breakdown_value=row.breakdown_value,
                value=row.value,
                note=row.note,
                source=source,
            )
            value._change_reason = source
            value.save()
            report.created += 1
        elif is_unchanged(existing, row):
            report.unchanged += 1
        else:
            existing.value = row.value
            existing.period_label = row.period_label
            existing.note = row.note
            existing.source = source
            existing.recorded_at = timezone.now()
            existing._change_reason = source
            existing.save()
            report.updated += 1
    return report


@transaction.atomic
def record_batches(
    batches: Iterable[tuple[Indicator, list[ValueRow]]], *, source: str
) -> RecordReport:
    """`record_values` for several indicators at once (a CSV file): all or nothing."""
    total = RecordReport()
    for indicator, rows in batches:
        total.add(record_values(indicator, rows, source=source))
    return total


# Words of the indicator pages' own addresses (/indicators/new/, /indicators/import/).
RESERVED_SLUGS = {"new", "import"}


def _unique_slug(name: str, own_pk: int | None) -> str:
    base = slugify(name)[:90] or "indicator"
    slug, n = base, 1
    while (
        slug in RESERVED_SLUGS
        or Indicator.private_objects.filter(slug=slug).exclude(pk=own_pk).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_indicator(indicator: Indicator, *, benchmark_labels: Sequence[str]) -> Indicator:
    """Create or save `indicator` and make its comparison series those in
    `benchmark_labels` (case-insensitive). A series that has figures cannot be removed.

    A blank slug is made from the name. A target with no comparison takes it from the
    direction that is better (higher: at least; lower: at most); a target of an
    indicator where neither is better needs the comparison given.
    """
    if not indicator.slug:
        indicator.slug = _unique_slug(indicator.name, indicator.pk)
    elif indicator.slug in RESERVED_SLUGS:
        raise ValidationError({"slug": f"“{indicator.slug}” is kept for the site's own pages."})
    if indicator.target_value is None:
        indicator.target_comparison = ""
    elif not indicator.target_comparison:
        derived = {rules.HIGHER: rules.AT_LEAST, rules.LOWER: rules.AT_MOST}
        if indicator.better not in derived:
            raise ValidationError(
                {"target_comparison": "Say whether the target is a minimum or a maximum."}
            )
        indicator.target_comparison = derived[indicator.better]
    indicator.full_clean()
    indicator.save()
    wanted = {}
    for label in benchmark_labels:
        if label.strip():
            wanted.setdefault(label.strip().casefold(), label.strip())
    for benchmark in indicator.benchmarks.all():
        if benchmark.label.casefold() in wanted:
            wanted.pop(benchmark.label.casefold())
        elif benchmark.values.exists():
            raise ValidationError(
                {"benchmarks": f"{benchmark.label} has figures, so it cannot be removed."}
            )
        else:
            benchmark.delete()
    for label in wanted.values():
        Benchmark.objects.create(indicator=indicator, label=label)
    return indicator


@transaction.atomic
def link_item(indicator: Indicator, item: TrackedItem) -> bool:
    """Record that `item` is meant to move `indicator`. False if it already was."""
    if indicator.linked_items(manager="private_objects").filter(pk=item.pk).exists():
        return False
    indicator.linked_items(manager="private_objects").add(item)
    return True


@transaction.atomic
def unlink_item(indicator: Indicator, item: TrackedItem) -> bool:
    """Remove the link (kept in the indicator's history). False if there was none."""
    if not indicator.linked_items(manager="private_objects").filter(pk=item.pk).exists():
        return False
    indicator.linked_items(manager="private_objects").remove(item)
    return True
