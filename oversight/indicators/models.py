"""Indicators, their benchmark series and their values.

An indicator belongs to the body that owns it (the board that watches the figure). Its
values are per period, area and breakdown; a value with a benchmark belongs to a
comparison series ("England", "Inner London") rather than to the council's own figures.
The headline series is the council's own figure for its own area with no breakdown.
Direction of travel, RAG against target and benchmark comparisons are derived from the
values every time they are shown (rules.py), never stored.

Visibility follows oversight/visibility/: an indicator is public when it is not
restricted and its body is public; values, benchmarks and charts are only ever reached
through an indicator the viewer may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypedDict

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from oversight.directory.models import Body
from oversight.tracker.models import TrackedItem
from oversight.visibility.records import NOTHING, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer

from . import periods, rules
from .rules import Direction, TargetRag


class ValueDict(TypedDict):
    """A value in the CSV's columns (csvfiles.COLUMNS); numbers as exact strings."""

    indicator: str
    period: str
    period_start: str
    area: str
    breakdown_dimension: str
    breakdown_value: str
    value: str
    benchmark: str
    note: str


class ComparisonDict(TypedDict):
    label: str
    value: str
    comparison: str


class AssessmentDict(TypedDict):
    latest: ValueDict | None
    previous: ValueDict | None
    direction: str
    rag: str
    benchmarks: list[ComparisonDict]


class IndicatorDict(TypedDict):
    slug: str
    name: str
    unit: str
    better: str
    frequency: str
    body: str
    target: str | None
    target_comparison: str | None
    source: str
    source_url: str
    assessment: AssessmentDict


_AREA_PREFIXES = ("London Borough of ", "Royal Borough of ", "Metropolitan Borough of ")
_AREA_SUFFIXES = (" Borough Council", " City Council", " County Council", " Council")


def default_area() -> str:
    """The council's area as its figures name it: "Hackney" for the London Borough of
    Hackney (settings.COUNCIL_NAME without "London Borough of" or "Council")."""
    name = settings.COUNCIL_NAME.strip()
    for prefix in _AREA_PREFIXES:
        name = name.removeprefix(prefix)
    for suffix in _AREA_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


class Indicator(Restrictable):
    """A figure a body watches: what it counts, which way is better, its target."""

    class Better(models.TextChoices):
        HIGHER = rules.HIGHER, "Higher is better"
        LOWER = rules.LOWER, "Lower is better"
        NEITHER = rules.NEITHER, "Neither (watched, not judged)"

    class Comparison(models.TextChoices):
        AT_LEAST = rules.AT_LEAST, "At least the target"
        AT_MOST = rules.AT_MOST, "At most the target"

    class Frequency(models.TextChoices):
        MONTHLY = periods.MONTHLY, "Monthly"
        QUARTERLY = periods.QUARTERLY, "Quarterly"
        ANNUAL = periods.ANNUAL, "Annual"
        ACADEMIC_YEAR = periods.ACADEMIC_YEAR, "Academic year"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, help_text="Its name in web addresses.")
    description = models.TextField(blank=True, help_text="What is counted, and how.")
    unit = models.CharField(
        max_length=40, help_text="For example cases, %, rate per 1,000 or ratio."
    )
    better = models.CharField(max_length=10, choices=Better.choices, default=Better.NEITHER)
    target_value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    target_comparison = models.CharField(max_length=10, choices=Comparison.choices, blank=True)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="indicators", verbose_name="owning body"
    )
    source = models.CharField(max_length=300, blank=True, help_text="Who publishes the figure.")
    source_url = models.URLField(blank=True)
    linked_items = models.ManyToManyField(
        TrackedItem,
        blank=True,
        related_name="indicators",
        help_text="Actions meant to move this figure.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = RestrictableHistory(m2m_fields=[linked_items])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicator", args=[self.slug])

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}body__is_public": True})

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        # Indicators are never drafts; for those who do not see drafts (community
        # members), the body's being public stands in for publication.
        return Q() if drafts else cls.own_public_q(prefix)

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}body_id__in": viewer.body_ids}) | Q(
            **{f"{prefix}body__organisation_id__in": viewer.organisation_ids}
        )

    # --- derived ------------------------------------------------------------------

    def format_value(self, value: Decimal | None) -> str:
        """A value with its unit where the unit is a symbol ("28%"); other units are
        shown beside the figure by the page."""
        text = rules.format_number(value)
        return f"{text}%" if text and self.unit.strip() == "%" else text

    def target_label(self) -> str:
        if self.target_value is None:
            return "No target"
        words = "at least" if self.target_comparison == rules.AT_LEAST else "at most"
        return f"{words} {self.format_value(self.target_value)}"

    def assess(self, values: list[Value] | None = None) -> Assessment:
        """Latest headline value, direction of travel, RAG against target and benchmark
        comparisons (rules.py). Pass the indicator's values when already fetched."""
        values = list(self.values.select_related("benchmark") if values is None else values)
        area = default_area()
        headline = sorted((v for v in values if v.is_headline(area)), key=lambda v: v.period_start)
        latest = headline[-1] if headline else None
        previous = headline[-2] if len(headline) > 1 else None
        comparisons = []
        if latest is not None:
            for v in values:
                if (
                    v.benchmark_id
                    and not v.breakdown_dimension
                    and v.period_start == latest.period_start
                ):
                    words = rules.compare_with_benchmark(latest.value, v.value, self.better)
                    comparisons.append(BenchmarkComparison(v.benchmark.label, v, words))
        comparisons.sort(key=lambda c: c.label)
        return Assessment(
            latest=latest,
            previous=previous,
            direction=rules.direction_of_travel(
                latest.value if latest else None,
                previous.value if previous else None,
                self.better,
            ),
            rag=rules.rag_against_target(
                latest.value if latest else None, self.target_value, self.target_comparison
            ),
            comparisons=comparisons,
        )

    def to_dict(self, assessment: Assessment | None = None) -> IndicatorDict:
        target = self.target_value
        return {
            "slug": self.slug,
            "name": self.name,
            "unit": self.unit,
            "better": self.better,
            "frequency": self.frequency,
            "body": self.body.name,
            "target": str(target.normalize()) if target is not None else None,
            "target_comparison": self.target_comparison or None,
            "source": self.source,
            "source_url": self.source_url,
            "assessment": (assessment or self.assess()).to_dict(),
        }


class Benchmark(models.Model):
    """A comparison series of an indicator, such as England, London or Inner London."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="benchmarks")
    label = models.CharField(max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "label"], name="benchmark_label_unique")
        ]

    def __str__(self) -> str:
        return self.label


class Value(models.Model):
    """One figure of an indicator for a period, an area and (optionally) a breakdown;
    with a benchmark, a figure of that comparison series instead of the council's own."""

    class Dimension(models.TextChoices):
        NONE = "", "None (all)"
        ETHNICITY = "ethnicity", "Ethnicity"
        AGE = "age", "Age"
        SEX = "sex", "Sex"
        SEND = "send", "SEND"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    benchmark = models.ForeignKey(
        Benchmark, null=True, blank=True, on_delete=models.PROTECT, related_name="values"
    )
    period_start = models.DateField()
    period_label = models.CharField(max_length=40)
    area = models.CharField(max_length=100, blank=True, default=default_area)
    breakdown_dimension = models.CharField(
        max_length=20, choices=Dimension.choices, blank=True, default=Dimension.NONE
    )
    breakdown_value = models.CharField(max_length=100, blank=True)
    value = models.DecimalField(max_digits=16, decimal_places=4)
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=300, blank=True, help_text="Where this figure came from.")
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["period_start", "benchmark__label", "area", "breakdown_dimension"]
        # Two constraints because a NULL benchmark never equals another NULL in SQL: the
        # council's own figures need their own constraint without the benchmark.
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "period_start",
                    "area",
                    "breakdown_dimension",
                    "breakdown_value",
                ],
                condition=Q(benchmark__isnull=True),
                name="value_own_unique",
            ),
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "benchmark",
                    "period_start",
                    "area",
                    "breakdown_dimension",
                    "breakdown_value",
                ],
                condition=Q(benchmark__isnull=False),
                name="value_benchmark_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.period_label} {self.series_label}"

    @property
    def series_label(self) -> str:
        """Whose figure this is: the benchmark's label, else the area."""
        return self.benchmark.label if self.benchmark_id else (self.area or default_area())

    @property
    def display(self) -> str:
        """The figure as the page shows it ("28%", "0.13")."""
        return self.indicator.format_value(self.value)

    @property
    def breakdown_label(self) -> str:
        if not self.breakdown_dimension:
            return ""
        return f"{self.get_breakdown_dimension_display()}: {self.breakdown_value}"

    def is_headline(self, area: str | None = None) -> bool:
        """The council's own figure for its own area, with no breakdown."""
        return (
            self.benchmark_id is None
            and not self.breakdown_dimension
            and self.area == (area or default_area())
        )

    def to_dict(self) -> ValueDict:
        return {
            "indicator": self.indicator.slug,
            "period": self.period_label,
            "period_start": self.period_start.isoformat(),
            "area": self.area,
            "breakdown_dimension": self.breakdown_dimension,
            "breakdown_value": self.breakdown_value,
            "value": f"{self.value.normalize():f}",
            "benchmark": self.benchmark.label if self.benchmark_id else "",
            "note": self.note,
        }


@dataclass(frozen=True)
class BenchmarkComparison:
    label: str
    value: Value
    words: str  # "better than", "worse than", ...


@dataclass(frozen=True)
class Assessment:
    """What the figures say now; see rules.py for how each part is derived."""

    latest: Value | None
    previous: Value | None
    direction: Direction
    rag: TargetRag
    comparisons: list[BenchmarkComparison] = field(default_factory=list)

    @property
    def movement(self) -> str:
        """How the latest figure moved from the previous one: "up from", "down from" or
        "the same as"; "" without two figures."""
        if self.latest is None or self.previous is None:
            return ""
        if self.latest.value == self.previous.value:
            return "the same as"
        return "up from" if self.latest.value > self.previous.value else "down from"

    def to_dict(self) -> AssessmentDict:
        return {
            "latest": self.latest.to_dict() if self.latest else None,
            "previous": self.previous.to_dict() if self.previous else None,
            "direction": self.direction.value,
            "rag": self.rag.value,
            "benchmarks": [
                {"label": c.label, "value": f"{c.value.value.normalize():f}", "comparison": c.words}
                for c in self.comparisons
            ],
        }
