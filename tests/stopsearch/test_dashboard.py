"""The dashboard's figures: monthly series, breakdowns, changes and listings."""

from __future__ import annotations

import pytest

from oversight.stopsearch import dashboard
from tests.stopsearch.stopsearch_helpers import WESTMINSTER, search, write_csv

BLACK = "Black/African/Caribbean/Black British - African"


@pytest.fixture
def loaded(store, tmp_path):
    """Hackney: 4 searches in June 2017, 5 in May 2018, 8 in June 2018 (one of them a
    vehicle search, two of Black people, one arrest under an old label); Westminster
    has 1 in June 2018."""
    files = {
        "2017-06": [search()] * 4,
        "2018-05": [search()] * 4 + [search(outcome="Arrest")],
        "2018-06": [
            search(),
            search(),
            search(),
            search(type="Vehicle search", self_defined_ethnicity=""),
            search(self_defined_ethnicity=BLACK, officer_defined_ethnicity="Black"),
            search(self_defined_ethnicity=BLACK, officer_defined_ethnicity="Asian"),
            search(outcome="Suspect arrested", legislation=""),
            search(object_of_search="Offensive weapons"),
            search(where=WESTMINSTER),
        ],
    }
    for month, rows in files.items():
        write_csv(tmp_path / "in" / f"{month}-metropolitan-stop-and-search.csv", rows)
    store.import_paths([tmp_path / "in"])
    return store


def test_volume_by_month_covers_every_month_with_partial_flags(loaded):
    months = dashboard.volume_by_month(loaded, "Hackney", "2018-04", "2018-06")
    assert months == [
        {
            "month": "2018-04",
            "searches": 0,
            "person_searches": 0,
            "partial": True,
            "status": "not_published",
        },
        {
            "month": "2018-05",
            "searches": 5,
            "person_searches": 5,
            "partial": False,
            "status": "complete",
        },
        {
            "month": "2018-06",
            "searches": 8,
            "person_searches": 7,
            "partial": False,
            "status": "complete",
        },
    ]


def test_outcome_breakdown_counts_old_labels_under_todays(loaded):
    outcomes = dashboard.breakdown(loaded, "Hackney", "2018-05", "2018-06", "outcome")
    assert outcomes[0] == {
        "value": "A no further action disposal",
        "searches": 11,
        "share": 0.8462,
    }
    assert outcomes[1] == {"value": "Arrest", "searches": 2, "share": 0.1538}


def test_legislation_and_object_breakdowns_show_blank_as_not_recorded(loaded):
    legislation = dashboard.breakdown(loaded, "Hackney", "2018-06", "2018-06", "legislation")
    assert {"value": "Not recorded", "searches": 1, "share": 0.125} in legislation
    objects = dashboard.breakdown(loaded, "Hackney", "2018-06", "2018-06", "object_of_search")
    assert {"value": "Offensive weapons", "searches": 1, "share": 0.125} in objects
    with pytest.raises(ValueError, match="cannot break down"):
        dashboard.breakdown(loaded, "Hackney", "2018-06", "2018-06", "latitude")


def test_cross_table_sets_officer_against_self_defined_ethnicity(loaded):
    table = dashboard.ethnicity_cross_table(loaded, "Hackney", "2018-06", "2018-06")
    assert table == [
        {"officer_defined": "Asian", "self_defined": "Black", "searches": 1},
        {"officer_defined": "Black", "self_defined": "Black", "searches": 1},
        {"officer_defined": "White", "self_defined": "White", "searches": 5},
    ]


def test_changes_compare_with_the_previous_month_and_year(loaded):
    (june,) = dashboard.changes(loaded, "Hackney", "2018-06", "2018-06")
    assert june == {
        "month": "2018-06",
        "searches": 8,
        "previous_month": 5,
        "month_on_month": 0.6,
        "previous_year": 4,
        "year_on_year": 1.0,
        "partial": False,
    }


def test_monthly_disproportionality_series_feeds_indicators(loaded):
    series = dashboard.disproportionality_by_month(loaded, "Hackney", "2018-05", "2018-06")
    may, june = series
    assert (may["searches"], may["white_searches"], may["ratio"], may["ratio_ci95"]) == (
        0,
        5,
        0.0,
        None,
    )
    assert (june["searches"], june["white_searches"]) == (2, 5)
    assert june["ratio"] == round((2 / 54645) / (5 / 137709), 2)
    assert len(june["ratio_ci95"]) == 2


def test_listings_of_areas_forces_months_and_files(loaded):
    assert dashboard.areas(loaded) == [
        {"area": "Hackney", "searches": 17, "first_month": "2017-06", "last_month": "2018-06"},
        {"area": "Westminster", "searches": 1, "first_month": "2018-06", "last_month": "2018-06"},
    ]
    assert dashboard.forces(loaded) == [
        {
            "force": "metropolitan",
            "searches": 18,
            "first_month": "2017-06",
            "last_month": "2018-06",
            "files": 3,
        }
    ]
    assert dashboard.month_range(loaded) == ("2017-06", "2018-06")
    files = dashboard.opened_query(loaded, "SELECT month FROM files ORDER BY month DESC", [])
    assert [month for (month,) in files] == ["2018-06", "2018-05", "2017-06"]
