"""Writing figures and indicators: the idempotent upsert the stop-and-search feed uses,
refusals that write nothing, and what the model derives from stored values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from oversight.indicators import operations
from oversight.indicators.demo import add_demo_indicators
from oversight.indicators.models import Benchmark, Indicator, Value
from oversight.indicators.operations import ValueRow
from oversight.indicators.rules import Direction, TargetRag
from oversight.tracker.models import TrackedItem

from .personas import indicator, row


def test_record_values_is_an_idempotent_upsert(world):
    ratio = indicator(
        world.sog, "Stop and search disproportionality ratio", unit="ratio", better="lower"
    )
    feed = [
        row("2022-01", "3.4"),
        row("2022-02", "3.1"),
        row("2022-02", "2.9", breakdown_dimension="ethnicity", breakdown_value="Black"),
    ]
    first = operations.record_values(ratio, feed, source="stop-and-search monthly feed")
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    again = operations.record_values(ratio, feed, source="stop-and-search monthly feed")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    revised = operations.record_values(ratio, [row("2022-02", "3.2")], source="revised feed")
    assert (revised.created, revised.updated) == (0, 1)
    value = Value.objects.get(indicator=ratio, period_start=date(2022, 2, 1), breakdown_value="")
    assert value.value == Decimal("3.2")
    assert value.source == "revised feed"
    assert value.area == "Hackney"  # the council's area by default
    assert [h.value for h in value.history.order_by("history_date")] == [
        Decimal("3.1"),
        Decimal("3.2"),
    ]
    assert Value.objects.filter(indicator=ratio).count() == 3


def test_a_bad_row_refuses_the_whole_batch(world):
    before = Value.objects.count()
    with pytest.raises(ValidationError) as refused:
        operations.record_values(
            world.gun_crime,
            [
                row("2021-08", "9"),
                row("2021-09", "5", breakdown_dimension="religion", breakdown_value="Any"),
                row("2021-10", "4", breakdown_dimension="age"),
                row("2021-08", "10"),
            ],
            source="test",
        )
    messages = refused.value.messages
    assert any(m.startswith("Row 2: the breakdown must be one of") for m in messages)
    assert "Row 3: give the breakdown value (for example Black Caribbean, or 10-17)" in messages
    assert "Row 4: the same period, area and breakdown as row 1" in messages
    assert Value.objects.count() == before


def test_benchmark_values_create_their_series_once(world):
    operations.record_values(
        world.gun_crime,
        [row("2021-07", "5", benchmark="London"), row("2021-06", "6", benchmark="london")],
        source="test",
    )
    assert list(world.gun_crime.benchmarks.values_list("label", flat=True)) == ["London"]
    stored = Value.objects.get(indicator=world.gun_crime, period_start=date(2021, 7, 1), area="")
    assert stored.benchmark.label == "London"


def test_assessment_uses_the_headline_series_and_same_period_benchmarks(world):
    operations.record_values(
        world.gun_crime,
        [
            row("2021-07", "9", benchmark="London"),
            row("2021-06", "2", benchmark="London"),
            # Breakdowns and other areas are not the headline figure.
            row("2021-08", "1", breakdown_dimension="age", breakdown_value="under 25"),
            row("2021-08", "1", area="Islington"),
        ],
        source="test",
    )
    a = world.gun_crime.assess()
    assert (a.latest.value, a.previous.value) == (Decimal("7"), Decimal("16"))
    assert a.direction is Direction.IMPROVING
    assert a.movement == "down from"
    assert a.rag is TargetRag.NONE
    assert [(c.label, c.value.value, c.words) for c in a.comparisons] == [
        ("London", Decimal("9"), "better than")
    ]
    world.gun_crime.target_value = Decimal("7.5")
    operations.save_indicator(world.gun_crime, benchmark_labels=["London"])
    assert world.gun_crime.target_comparison == "at_most"  # from lower-is-better
    assert world.gun_crime.assess().rag is TargetRag.GREEN
    as_dict = world.gun_crime.to_dict()
    assert as_dict["target"] == "7.5"
    assert as_dict["assessment"]["rag"] == "green"
    assert as_dict["assessment"]["latest"]["value"] == "7"


def test_save_indicator_makes_a_slug_and_keeps_series_with_figures(world):
    made = indicator(world.commission, "Permanent exclusion rate", benchmarks=("England",))
    assert made.slug == "permanent-exclusion-rate"
    twin = indicator(world.sog, "Permanent exclusion rate")
    assert twin.slug == "permanent-exclusion-rate-2"
    reserved = indicator(world.sog, "New")
    assert reserved.slug == "new-2"
    operations.record_values(made, [row("2019-09", "0.1", benchmark="England")], source="t")
    with pytest.raises(ValidationError, match="England has figures"):
        operations.save_indicator(made, benchmark_labels=["Inner London"])
    operations.save_indicator(made, benchmark_labels=["England", "Inner London"])
    operations.save_indicator(made, benchmark_labels=["England"])
    assert list(made.benchmarks.values_list("label", flat=True)) == ["England"]


def test_a_target_where_neither_is_better_needs_its_comparison(world):
    marac = Indicator(
        name="MARAC cases",
        body=world.sog,
        unit="cases",
        better=Indicator.Better.NEITHER,
        frequency=Indicator.Frequency.QUARTERLY,
        target_value=Decimal("200"),
    )
    with pytest.raises(ValidationError):
        operations.save_indicator(marac, benchmark_labels=[])
    assert not Indicator.private_objects.filter(name="MARAC cases").exists()


def test_linking_an_action_is_kept_in_history(world):
    item = TrackedItem.objects.create(text="Weapons sweeps in hotspots", owner_org=world.police)
    assert operations.link_item(world.gun_crime, item) is True
    assert operations.link_item(world.gun_crime, item) is False
    assert list(item.indicators(manager="private_objects").all()) == [world.gun_crime]
    assert operations.unlink_item(world.gun_crime, item) is True
    assert not item.indicators(manager="private_objects").exists()
    assert world.gun_crime.history.count() >= 3


def test_demo_indicators_quote_the_documents_and_load_once(db):
    first = add_demo_indicators()
    assert first.indicators_created == 6
    again = add_demo_indicators()
    assert again.indicators_created == 0
    assert again.values.written == 0 and again.values.unchanged == first.values.created
    exclusions = Indicator.private_objects.get(slug="permanent-exclusion-rate")
    a = exclusions.assess()
    assert a.latest.value == Decimal("0.13")
    assert {c.label: c.words for c in a.comparisons} == {
        "England": "worse than",
        "Inner London": "worse than",
    }
    marac = Indicator.private_objects.get(slug="marac-cases-quarter").assess()
    assert (marac.previous.value, marac.latest.value) == (Decimal("154"), Decimal("197"))
    assert marac.direction is Direction.RISING
    reoffending = Indicator.private_objects.get(slug="under-18-reoffending-rate").assess()
    assert [(c.label, c.words) for c in reoffending.comparisons] == [("National", "better than")]
    black_caribbean = Value.objects.filter(
        indicator=exclusions, breakdown_value="Black Caribbean"
    ).order_by("period_start")
    assert [v.value for v in black_caribbean] == [Decimal("0.29"), Decimal("0.37")]
    assert Benchmark.objects.filter(indicator=exclusions).count() == 2


def test_value_row_defaults():
    own = ValueRow(period_start=date(2021, 7, 1), value=Decimal("7")).normalised("monthly")
    assert (own.area, own.period_label) == ("Hackney", "2021-07")
    bench = ValueRow(
        period_start=date(2018, 9, 1), value=Decimal("0.1"), benchmark=" England "
    ).normalised("academic_year")
    assert (bench.area, bench.benchmark, bench.period_label) == ("", "England", "2018/19")
