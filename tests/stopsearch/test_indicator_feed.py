"""The stop-and-search figures feed the partnership's indicators."""

from __future__ import annotations

from decimal import Decimal

import pytest

from oversight.indicators.feeds import feed_stopsearch_disproportionality
from oversight.indicators.models import Indicator, Value
from oversight.stopsearch import dashboard
from oversight.stopsearch.store import Store

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("stopsearch-sample")]


def test_monthly_ratio_becomes_indicator_values_without_partial_or_too_small_months(
    sample_import,
):
    path, _ = sample_import
    report = feed_stopsearch_disproportionality(path, area="Hackney")
    indicator = Indicator.private_objects.get(slug="stop-and-search-disproportionality-hackney")
    with Store(path, read_only=True) as store:
        hackney = next(a for a in dashboard.areas(store) if a["area"] == "Hackney")
        first, last = hackney["first_month"], hackney["last_month"]
        months = dashboard.disproportionality_by_month(store, "Hackney", first, last)
    readable = {
        m["month"]: m
        for m in months
        if m["ratio"] is not None and not m["partial"] and not m["too_few"]
    }
    too_few = [m["month"] for m in months if m["ratio"] is not None and m["too_few"]]
    values = {
        v.period_start.strftime("%Y-%m"): v for v in Value.objects.filter(indicator=indicator)
    }
    assert report.created == len(readable) > 10
    assert set(values) == set(readable)
    # February 2018 had almost no locations: partial, so not recorded as a figure.
    assert "2018-02" not in values
    # Fewer than 10 searches in either group: too few to compare, so no figure either.
    assert too_few and not set(too_few) & set(values)
    month = next(iter(readable))
    assert values[month].value == Decimal(str(readable[month]["ratio"])).quantize(Decimal("0.01"))
    assert indicator.better == Indicator.Better.LOWER


def test_feeding_again_changes_nothing(sample_import):
    path, _ = sample_import
    feed_stopsearch_disproportionality(path, area="Hackney")
    again = feed_stopsearch_disproportionality(path, area="Hackney")
    assert again.created == 0 and again.updated == 0 and again.unchanged > 10


def test_no_store_feeds_nothing(tmp_path):
    assert feed_stopsearch_disproportionality(tmp_path / "none.duckdb") is None
    assert not Indicator.private_objects.exists()
