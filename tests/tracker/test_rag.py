"""The RAG rule at its edges (docs/rag.md)."""

from datetime import date

import pytest

from oversight.tracker.rag import Rag, RagInputs, derive_rag
from tests.factories import TrackedItemFactory


def rag(today, *, due, precision="day", start=date(2026, 1, 1), progress=0, **flags):
    inputs = RagInputs(
        complete=flags.get("complete", False),
        verified=flags.get("verified", False),
        due=due,
        due_precision=precision,
        start=start,
        progress=progress,
    )
    return derive_rag(inputs, today)


def test_due_today_is_not_overdue():
    assert rag(date(2026, 6, 30), due=date(2026, 6, 30), progress=100) == Rag.GREEN
    assert rag(date(2026, 6, 30), due=date(2026, 6, 30), progress=0) != Rag.RED


def test_day_after_due_is_red():
    assert rag(date(2026, 7, 1), due=date(2026, 6, 30), progress=99) == Rag.RED


def test_month_precision_last_day_of_month_is_not_overdue():
    assert rag(date(2026, 2, 28), due=date(2026, 2, 1), precision="month", progress=100) == (
        Rag.GREEN
    )


def test_month_precision_first_of_next_month_is_red():
    assert rag(date(2026, 3, 1), due=date(2026, 2, 1), precision="month", progress=100) == Rag.RED


def test_day_precision_same_date_is_red_after_the_first():
    # The same stored date with day precision is overdue from the 2nd.
    assert rag(date(2026, 2, 2), due=date(2026, 2, 1), precision="day", progress=100) == Rag.RED


@pytest.mark.parametrize(("progress", "expected"), [(50, Rag.GREEN), (49, Rag.AMBER)])
def test_progress_against_expected_progress(progress, expected):
    # Halfway through a ten-day plan, 50 per cent is expected.
    today, start, due = date(2026, 1, 6), date(2026, 1, 1), date(2026, 1, 11)
    assert rag(today, start=start, due=due, progress=progress) == expected


def test_complete_beats_red():
    assert rag(date(2026, 12, 1), due=date(2020, 4, 1), complete=True) == Rag.COMPLETE


def test_verified_beats_complete():
    assert rag(date(2026, 12, 1), due=date(2020, 4, 1), complete=True, verified=True) == (
        Rag.VERIFIED
    )


def test_no_due_date_is_never_overdue_or_behind_and_says_so():
    result = rag(date(2030, 1, 1), due=None, progress=0)
    assert result == Rag.NONE
    assert result.label == "No date"


def test_item_rag_uses_its_due_precision():
    item = TrackedItemFactory.build(
        start_date=date(2026, 1, 1), due_date=date(2026, 2, 1), due_precision="month", progress=100
    )
    assert item.rag(date(2026, 2, 28)) == Rag.GREEN
    assert item.rag(date(2026, 3, 1)) == Rag.RED
    assert item.due_label() == "February 2026"
    assert item.due_iso() == "2026-02"


def test_elapsed_share_is_worked_out_in_whole_numbers():
    # 29 days of 100: 29% expected, so 28% is behind (29 / 100 * 100 is 28.999... in
    # floating point, which used to truncate to 28 and call it on track).
    start = date(2026, 1, 1)
    assert rag(date(2026, 1, 30), due=date(2026, 4, 11), start=start, progress=28) == Rag.AMBER
    assert rag(date(2026, 1, 30), due=date(2026, 4, 11), start=start, progress=29) == Rag.GREEN


def test_the_database_derives_the_same_rag_as_the_rule_at_every_edge(commission):
    """Lists filter, count and page by RAG in SQL: it must agree with `derive_rag` for
    every combination of dates, precision, progress and status around the edges."""
    from itertools import product

    from oversight.tracker.models import TrackedItem
    from oversight.tracker.rag import rag_expression
    from tests.factories import RecommendationFactory, ReviewFactory

    today = date(2026, 6, 15)
    rec = RecommendationFactory(review=ReviewFactory(body=commission))
    dues = [None, date(2026, 6, 14), date(2026, 6, 15), date(2026, 6, 16), date(2026, 12, 31)]
    months = [date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)]
    starts = [date(2025, 12, 31), date(2026, 6, 15), date(2026, 6, 20), date(2027, 1, 1)]
    progresses = [0, 28, 29, 50, 99, 100]
    made = []
    cases = [(d, "day") for d in dues] + [(m, "month") for m in months]
    for (due, precision), start, progress in product(cases, starts, progresses):
        made.append(
            TrackedItem(
                recommendation=rec,
                text="x",
                due_date=due,
                due_precision=precision,
                start_date=start,
                progress=progress,
            )
        )
    made.append(
        TrackedItem(
            recommendation=rec,
            text="done",
            status="complete",
            progress=100,
            start_date=starts[0],
            due_date=dues[1],
        )
    )
    TrackedItem.private_objects.bulk_create(made)
    rows = TrackedItem.private_objects.filter(recommendation=rec).annotate(
        rag_value=rag_expression(today)
    )
    disagreements = [
        (i.due_date, i.due_precision, i.start_date, i.progress, i.rag_value, i.rag(today).value)
        for i in rows
        if i.rag_value != i.rag(today).value
    ]
    assert len(rows) == len(made)
    assert disagreements == []
    assert {i.rag_value for i in rows} == {"red", "amber", "green", "none", "complete"}
