"""The Home Office definitions, on small hand-made files."""

from __future__ import annotations

import math

import pytest

from oversight.stopsearch.definitions import (
    UnknownArea,
    complete_period,
    months_between,
    partial_months,
    ratio_with_ci,
)
from oversight.stopsearch.summary import summary
from tests.stopsearch.stopsearch_helpers import HACKNEY, search, write_csv

BLACK = "Black/African/Caribbean/Black British - Caribbean"
ASIAN = "Asian/Asian British - Bangladeshi"


def load(store, tmp_path, rows, month="2018-06", force="metropolitan"):
    path = write_csv(tmp_path / month / f"{month}-{force}-stop-and-search.csv", rows)
    store.import_paths([path])


def test_ratio_confidence_interval_uses_the_log_method():
    # 30 searches of 1,000 people against 10 of 2,000: rates 30 and 5 per 1,000.
    ratio, ci = ratio_with_ci(30, 1000, 10, 2000)
    spread = 1.96 * math.sqrt(1 / 30 + 1 / 10)
    assert ratio == 6.0
    assert ci == [round(6 * math.exp(-spread), 2), round(6 * math.exp(spread), 2)]
    assert ci == [2.93, 12.27]


def test_ratio_is_undefined_without_population_or_comparison_searches():
    assert ratio_with_ci(5, None, 10, 100) == (None, None)
    assert ratio_with_ci(5, 100, 0, 100) == (None, None)
    assert ratio_with_ci(0, 100, 10, 100) == (0.0, None)


def test_partial_month_is_below_half_the_median_month():
    months = months_between("2018-01", "2018-05")
    counts = {"2018-01": 100, "2018-02": 120, "2018-03": 49, "2018-04": 50}
    # The median of the months with searches is 75: below 37.5 is partial. 2018-05 has
    # no searches at all.
    assert partial_months(counts, months) == {
        "2018-01": False,
        "2018-02": False,
        "2018-03": False,
        "2018-04": False,
        "2018-05": True,
    }
    counts["2018-03"] = 30
    assert partial_months(counts, months)["2018-03"] is True


def test_summary_flags_partial_months_of_the_area(store, tmp_path):
    for month, n in (("2018-01", 10), ("2018-02", 10), ("2018-03", 4), ("2018-04", 12)):
        load(store, tmp_path, [search()] * n, month=month)
    months = summary(store, "Hackney", "2018-01", "2018-05")["months"]
    assert [(m["searches"], m["partial"]) for m in months] == [
        (10, False),
        (10, False),
        (4, True),
        (12, False),
        (0, True),
    ]


def test_vehicle_only_searches_count_as_searches_but_not_person_searches(store, tmp_path):
    rows = [
        search(self_defined_ethnicity=BLACK),
        search(type="Person and Vehicle search", self_defined_ethnicity=BLACK),
        search(type="Vehicle search", self_defined_ethnicity=BLACK, age_range="10-17"),
    ]
    load(store, tmp_path, rows)
    result = summary(store, "Hackney", "2018-06", "2018-06")
    assert (result["searches"], result["person_searches"]) == (3, 2)
    assert result["by_ethnicity"]["Black"]["searches"] == 2
    assert result["children"]["searches"] == 0


def test_ethnic_group_is_the_first_part_of_self_defined_ethnicity(store, tmp_path):
    rows = [
        search(self_defined_ethnicity=BLACK),
        search(self_defined_ethnicity=ASIAN),
        search(self_defined_ethnicity="Mixed/Multiple ethnic groups - White and Asian"),
        search(self_defined_ethnicity="Other ethnic group - Any other ethnic group"),
        search(self_defined_ethnicity="Other ethnic group - Not stated"),
        search(self_defined_ethnicity=""),
        search(self_defined_ethnicity="", officer_defined_ethnicity="Black"),
    ]
    load(store, tmp_path, rows)
    result = summary(store, "Hackney", "2018-06", "2018-06")
    assert {g: v["searches"] for g, v in result["by_ethnicity"].items()} == {
        "Asian": 1,
        "Black": 1,
        "Mixed": 1,
        "White": 0,
        "Other": 1,
    }
    # Blank and "Not stated" are Not stated, whatever the officer recorded.
    assert result["not_stated"] == 3


def test_rates_use_census_population_of_the_area(store, tmp_path):
    load(store, tmp_path, [search(self_defined_ethnicity=BLACK)] * 6 + [search()] * 2)
    black = summary(store, "Hackney", "2018-06", "2018-06")["by_ethnicity"]["Black"]
    assert black["population"] == 54645
    assert black["rate_per_1000"] == round(6 / 54645 * 1000, 2)
    assert black["ratio_to_white"] == round((6 / 54645) / (2 / 137709), 2)


def test_arrest_and_positive_outcome_rates_read_old_and_new_labels(store, tmp_path):
    rows = [
        search(outcome="Arrest"),
        search(outcome="Suspect arrested"),
        search(outcome="Community resolution"),
        search(outcome="A no further action disposal"),
        search(outcome="Nothing found - no further action"),
        search(outcome=""),
    ]
    load(store, tmp_path, rows)
    result = summary(store, "Hackney", "2018-06", "2018-06")
    assert result["arrest_rate"] == round(2 / 6, 4)
    assert result["positive_outcome_rate"] == round(3 / 5, 4)


def test_linked_outcome_and_more_thorough_say_how_many_records_filled_them_in(store, tmp_path):
    rows = [
        search(outcome_linked_to_object_of_search="True"),
        search(outcome_linked_to_object_of_search="False"),
        search(outcome_linked_to_object_of_search="False"),
        search(removal_of_more_than_just_outer_clothing="True"),
        search(),
    ]
    load(store, tmp_path, rows)
    result = summary(store, "Hackney", "2018-06", "2018-06")
    assert result["linked_outcome"] == {"recorded": 3, "rate": round(1 / 3, 4)}
    assert result["more_thorough"] == {"recorded": 1, "searches": 1}


def test_children_are_under_10_and_10_to_17_by_ethnic_group(store, tmp_path):
    rows = [
        search(age_range="under 10"),
        search(age_range="10-17", self_defined_ethnicity=BLACK),
        search(age_range="10-17", self_defined_ethnicity=BLACK),
        search(age_range="18-24", self_defined_ethnicity=BLACK),
        search(age_range=""),
    ]
    load(store, tmp_path, rows)
    children = summary(store, "Hackney", "2018-06", "2018-06")["children"]
    assert children == {
        "searches": 3,
        "by_ethnicity": {"Asian": 0, "Black": 2, "Mixed": 0, "White": 1, "Other": 0},
    }


def test_summary_has_exactly_the_contract_fields(store, tmp_path):
    load(store, tmp_path, [search()])
    result = summary(store, "hackney", "2018-06", "2018-06")
    assert list(result) == [
        "area",
        "from",
        "to",
        "searches",
        "person_searches",
        "without_location_in_force",
        "by_ethnicity",
        "not_stated",
        "arrest_rate",
        "positive_outcome_rate",
        "linked_outcome",
        "more_thorough",
        "children",
        "months",
    ]
    assert result["area"] == "Hackney"
    assert list(result["by_ethnicity"]["White"]) == [
        "searches",
        "population",
        "rate_per_1000",
        "ratio_to_white",
        "ratio_ci95",
    ]


def test_unknown_area_names_the_areas_and_forces_known(store, tmp_path):
    load(store, tmp_path, [search(where=HACKNEY)])
    with pytest.raises(UnknownArea, match="Hackney.*metropolitan"):
        summary(store, "Gotham", "2018-06", "2018-06")


def test_malformed_periods_are_refused(store):
    with pytest.raises(ValueError, match="YYYY-MM"):
        summary(store, "Hackney", "2018-6", "2018-07")
    with pytest.raises(ValueError, match="after it ends"):
        summary(store, "Hackney", "2018-08", "2018-07")


def test_force_prefix_picks_the_force_over_an_area(store, tmp_path):
    load(store, tmp_path, [search(), search(where=None)], force="city-of-london")
    assert summary(store, "City of London", "2018-06", "2018-06")["searches"] == 0
    assert summary(store, "force:City-of-London", "2018-06", "2018-06")["searches"] == 2


def steady(months: list[str], n: int = 100) -> dict[str, int]:
    return dict.fromkeys(months, n)


def test_default_period_is_the_latest_twelve_complete_months():
    published = months_between("2017-01", "2018-12")
    assert complete_period(steady(published), published) == ("2018-01", "2018-12")


def test_default_period_ends_before_a_partial_latest_month():
    published = months_between("2017-01", "2018-12")
    counts = steady(published) | {"2018-12": 20}
    assert complete_period(counts, published) == ("2017-12", "2018-11")


def test_default_period_never_starts_on_a_partial_or_missing_month():
    # A partial month inside every recent run of twelve: the twelve months ending with
    # the latest complete one, starting after the incomplete months at their start.
    published = [m for m in months_between("2017-06", "2018-12") if m != "2018-02"]
    counts = steady(published) | {"2018-01": 10}
    assert complete_period(counts, published) == ("2018-03", "2018-12")
    # Opening on a complete month, the missing month inside stays (the page flags it).
    counts = steady(published) | {"2017-12": 10}
    assert complete_period(counts, published) == ("2018-01", "2018-12")


def test_default_period_of_a_short_record_is_all_of_it():
    published = months_between("2018-09", "2018-12")
    assert complete_period(steady(published), published) == ("2018-09", "2018-12")
