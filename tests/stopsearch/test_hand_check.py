"""Hand check against the real published sample: Hackney's 2018 figures counted here
independently, straight from the ZIP with the csv module and shapely, must equal what
the store and summary produce."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections import Counter

import numpy as np
import pytest
import shapely

from oversight.stopsearch.boundaries import DEFAULT_BOUNDARIES
from oversight.stopsearch.summary import summaries, summary

pytestmark = pytest.mark.xdist_group("stopsearch-sample")

FROM, TO = "2018-01", "2018-12"
# Census 2021 TS021, Hackney (E09000012), detailed groups summed by hand from the ONS
# table: they total 259,147 usual residents.
HACKNEY_POPULATION = {
    "Asian": 26885,
    "Black": 54645,
    "Mixed": 17487,
    "White": 137709,
    "Other": 22421,
}
FIRST_PART = {
    "Asian/Asian British": "Asian",
    "Black/African/Caribbean/Black British": "Black",
    "Mixed/Multiple ethnic groups": "Mixed",
    "White": "White",
    "Other ethnic group": "Other",
}


def _group(self_defined: str) -> str:
    if self_defined in ("", "Other ethnic group - Not stated"):
        return "Not stated"
    return FIRST_PART[self_defined.split(" - ")[0]]


@pytest.fixture(scope="module")
def by_hand(sample_zip):
    """Everything counted from the raw files, for Hackney and the Met, in 2018."""
    with open(DEFAULT_BOUNDARIES, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    hackney = next(
        shapely.geometry.shape(f["geometry"])
        for f in features
        if f["properties"]["BOROUGH"] == "Hackney"
    )
    rows, months = [], []
    met_without_location = 0
    with zipfile.ZipFile(sample_zip) as archive:
        for name in archive.namelist():
            found = re.search(r"(\d{4}-\d{2})-([a-z-]+)-stop-and-search\.csv$", name)
            if not found or not FROM <= found[1] <= TO:
                continue
            with archive.open(name) as raw:
                reader = csv.reader(io.TextIOWrapper(raw, "utf-8", newline=""))
                header = next(reader)
                for values in reader:
                    row = dict(zip(header, values, strict=True))
                    if not row["Latitude"] or not row["Longitude"]:
                        met_without_location += found[2] == "metropolitan"
                        continue
                    rows.append(row)
                    months.append(found[1])
    x = np.array([float(r["Longitude"]) for r in rows])
    y = np.array([float(r["Latitude"]) for r in rows])
    inside = shapely.intersects_xy(hackney, x, y)
    hackney_rows = [(m, r) for m, r, hit in zip(months, rows, inside, strict=True) if hit]
    persons = [
        r for _, r in hackney_rows if r["Type"] in ("Person search", "Person and Vehicle search")
    ]
    outcomes = [r["Outcome"] for _, r in hackney_rows if r["Outcome"]]
    nfa = ("A no further action disposal", "Nothing found - no further action")
    return {
        "searches": len(hackney_rows),
        "person_searches": len(persons),
        "groups": Counter(_group(r["Self-defined ethnicity"]) for r in persons),
        "children": Counter(
            _group(r["Self-defined ethnicity"])
            for r in persons
            if r["Age range"] in ("under 10", "10-17")
        ),
        "months": Counter(m for m, _ in hackney_rows),
        "arrests": sum(r["Outcome"] in ("Arrest", "Suspect arrested") for _, r in hackney_rows),
        "with_outcome": len(outcomes),
        "positive": sum(o not in nfa for o in outcomes),
        "met_without_location": met_without_location,
    }


@pytest.fixture(scope="module")
def hackney(sample_store):
    return summary(sample_store, "Hackney", FROM, TO)


def test_hackney_counts_by_ethnic_group_match_the_raw_files(hackney, by_hand):
    assert hackney["searches"] == by_hand["searches"]
    assert hackney["person_searches"] == by_hand["person_searches"]
    for group in HACKNEY_POPULATION:
        assert hackney["by_ethnicity"][group]["searches"] == by_hand["groups"][group], group
    assert hackney["not_stated"] == by_hand["groups"]["Not stated"]


def test_hackney_counts_by_month_match_the_raw_files(hackney, by_hand):
    assert {m["month"]: m["searches"] for m in hackney["months"]} == {
        f"2018-{n:02d}": by_hand["months"][f"2018-{n:02d}"] for n in range(1, 13)
    }


def test_hackney_rates_ratios_and_intervals_follow_the_published_method(hackney, by_hand):
    white = by_hand["groups"]["White"]
    white_rate = white / HACKNEY_POPULATION["White"]
    for group, residents in HACKNEY_POPULATION.items():
        figures = hackney["by_ethnicity"][group]
        n = by_hand["groups"][group]
        assert figures["population"] == residents
        assert figures["rate_per_1000"] == round(n / residents * 1000, 2)
        if group == "White":
            assert figures["ratio_to_white"] == 1.0
            continue
        ratio = (n / residents) / white_rate
        spread = 1.96 * math.sqrt(1 / n + 1 / white)
        assert figures["ratio_to_white"] == round(ratio, 2)
        assert figures["ratio_ci95"] == [
            round(ratio * math.exp(-spread), 2),
            round(ratio * math.exp(spread), 2),
        ]


def test_hackney_outcomes_and_children_match_the_raw_files(hackney, by_hand):
    assert hackney["arrest_rate"] == round(by_hand["arrests"] / by_hand["searches"], 4)
    assert hackney["positive_outcome_rate"] == round(
        by_hand["positive"] / by_hand["with_outcome"], 4
    )
    assert hackney["children"]["searches"] == sum(by_hand["children"].values())
    for group in HACKNEY_POPULATION:
        assert hackney["children"]["by_ethnicity"][group] == by_hand["children"][group]


def test_hackney_counts_the_mets_searches_without_location(hackney, by_hand):
    assert hackney["without_location_in_force"] == by_hand["met_without_location"]


def test_met_months_with_almost_no_locations_are_flagged_partial_for_hackney(hackney):
    partial = [m["month"] for m in hackney["months"] if m["partial"]]
    assert partial == ["2018-02", "2018-03"]


def test_sample_imports_every_record_without_bad_rows(sample_import):
    _, report = sample_import
    assert len(report.files) == 51
    assert report.rows == 201_882
    assert report.bad_rows == 0
    assert report.without_location == 38_143


def test_force_total_counts_every_search_of_the_force(sample_store):
    met = summary(sample_store, "metropolitan", FROM, TO)
    files = sample_store.con.execute(
        "SELECT sum(rows) FROM files WHERE force = 'metropolitan' AND month BETWEEN ? AND ?",
        [FROM, TO],
    ).fetchall()[0][0]
    assert met["searches"] == files
    # The Met covers the 32 boroughs; the City of London police the City.
    assert met["by_ethnicity"]["Black"]["population"] == 1_188_137
    assert (
        summary(sample_store, "city-of-london", FROM, TO)["by_ethnicity"]["White"]["population"]
        == 5955
    )


def test_summaries_for_every_borough_equal_single_summaries(sample_store):
    every = summaries(sample_store, None, FROM, TO)
    assert len(every) == 33
    for area in ("Hackney", "City of London", "Westminster"):
        assert every[area] == summary(sample_store, area, FROM, TO)
