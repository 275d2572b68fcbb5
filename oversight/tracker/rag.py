"""RAG is derived, never typed. The rule (also in docs/rag.md):

1. An item that has been verified is **verified**.
2. Else an item whose status is complete is **complete**.
3. Else an item with a deadline that has passed (today is after the due date; for a due
   month, after its last day) is **red** (overdue).
4. Else an item whose reported progress is below its expected progress is **amber**
   (behind). Expected progress is the share of the planned time that has elapsed:
   (today - start) / (deadline - start), as a percentage, capped to 0..100.
5. Else it is **green** (on track). An item with no due date cannot be overdue or behind:
   it is green, labelled "No date" so nobody mistakes it for a checked deadline.

The rule is written twice, once for one item in hand (`derive_rag`) and once as SQL
(`rag_expression`), so that lists filter, count and page by RAG in the database rather
than working it out for every row in Python; `tests/tracker/test_rag.py` holds the two
to the same answers, edge by edge, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db import models
from django.db.models import Case, ExpressionWrapper, F, Func, Value, When
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    COMPLETE = "complete"
    VERIFIED = "verified"
    NONE = "none"  # green, but with no due date to be on track against

    @property
    def label(self) -> str:
        return {
            "red": "Overdue",
            "amber": "Behind schedule",
            "green": "On track",
            "complete": "Complete",
            "verified": "Verified",
            "none": "No date",
        }[self.value]


def deadline(due: date | None, precision: str) -> date | None:
    """The last day an item can be delivered on time: the due date, or its month's end."""
    if due is None:
        return None
    if precision == "month":
        return due.replace(day=calendar.monthrange(due.year, due.month)[1])
    return due


def expected_progress(start: date, end: date, today: date) -> int:
    """Percentage of the planned time from `start` to `end` that has elapsed by `today`."""
    if end <= start:
        return 100 if today >= end else 0
    # In whole numbers: 29 days of 100 is 29%, where 29 / 100 * 100 in floating point
    # is 28.999... and would truncate to 28.
    elapsed = (today - start).days * 100 // (end - start).days
    return max(0, min(100, elapsed))


@dataclass(frozen=True)
class RagInputs:
    complete: bool
    verified: bool
    due: date | None
    due_precision: str
    start: date
    progress: int


def derive_rag(item: RagInputs, today: date) -> Rag:
    """Apply the rule above to one item on `today`."""
    if item.verified:
        return Rag.VERIFIED
    if item.complete:
        return Rag.COMPLETE
    end = deadline(item.due, item.due_precision)
    if end is None:
        return Rag.NONE
    if today > end:
        return Rag.RED
    if item.progress < expected_progress(item.start, end, today):
        return Rag.AMBER
    return Rag.GREEN


class _MonthEnd(Func):
    """The last day of a date's month."""

    output_field = models.DateField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="date(%(expressions)s, 'start of month', '+1 month', '-1 day')",
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(date_trunc('month', %(expressions)s) + interval '1 month - 1 day')::date",
        )


class _DaysBetween(Func):
    """Whole days from the second date to the first."""

    output_field = models.IntegerField()
    arity = 2

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")


def with_rag(queryset, today: date | None = None):
    """Tracked items annotated with `rag_value` (a `Rag` value), worked out in SQL."""
    from django.utils import timezone

    return queryset.annotate(rag_value=rag_expression(today or timezone.localdate()))


def rag_expression(today: date, prefix: str = "") -> Case:
    """`derive_rag` as SQL over a tracked item's columns (under `prefix`), giving the
    `Rag` value: annotate a query set with it to filter, count and order by RAG."""

    def col(name: str) -> F:
        return F(f"{prefix}{name}")

    def whole(expression) -> ExpressionWrapper:
        return ExpressionWrapper(expression, output_field=models.IntegerField())

    on = Value(today, output_field=models.DateField())
    end = Case(
        When(**{f"{prefix}due_precision": "month"}, then=_MonthEnd(col("due_date"))),
        default=col("due_date"),
        output_field=models.DateField(),
    )
    span = _DaysBetween(end, col("start_date"))
    elapsed = _DaysBetween(on, col("start_date"))
    # progress < 100 * elapsed // span (capped to 0..100), in whole numbers: the share
    # of time passed reaches progress + 1 exactly when 100 * elapsed >= (progress + 1)
    # * span. A plan with no time in it expects everything once it is due.
    behind = Case(
        When(
            GreaterThan(span, 0),
            then=GreaterThanOrEqual(
                whole(elapsed * Value(100)), whole((col("progress") + Value(1)) * span)
            ),
        ),
        default=GreaterThanOrEqual(on, end),
        output_field=models.BooleanField(),
    )
    return Case(
        When(**{f"{prefix}verified_at__isnull": False}, then=Value(Rag.VERIFIED.value)),
        When(**{f"{prefix}status": "complete"}, then=Value(Rag.COMPLETE.value)),
        When(**{f"{prefix}due_date__isnull": True}, then=Value(Rag.NONE.value)),
        When(GreaterThan(on, end), then=Value(Rag.RED.value)),
        When(**{f"{prefix}progress__gte": 100}, then=Value(Rag.GREEN.value)),
        When(Exact(behind, True), then=Value(Rag.AMBER.value)),
        default=Value(Rag.GREEN.value),
        output_field=models.CharField(),
    )
