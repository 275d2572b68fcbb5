"""The boundaries and Census figures shipped in oversight/stopsearch/data."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

from oversight.stopsearch.boundaries import DEFAULT_BOUNDARIES, Boundaries
from oversight.stopsearch.census import CENSUS_FILE, GROUPS, population
from tests.stopsearch.stopsearch_helpers import REPO

FULL_TABLE = REPO / "samples" / "census2021" / "ethnic-group-by-local-authority.csv"
# TS021 detailed category codes of each of the five groups.
CODES = {
    "Asian": range(1, 6),
    "Black": range(6, 9),
    "Mixed": range(9, 13),
    "White": range(13, 18),
    "Other": range(18, 20),
}


def test_shipped_boundaries_are_the_33_london_authorities():
    boundaries = Boundaries.load()
    assert len(boundaries.areas) == 33
    assert "City of London" in boundaries.areas
    assert all(population(area) is not None for area in boundaries.areas)
    assert json.loads(DEFAULT_BOUNDARIES.read_text())["features"][0]["properties"]["BOROUGH"]


def test_hackney_population_totals_the_published_figure():
    hackney = population("Hackney")
    assert hackney["Black"] == 54645
    assert sum(hackney.values()) == 259147
    assert population("E09000012") == hackney


def test_five_group_sums_match_the_full_census_table():
    expected: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(GROUPS, 0))
    with FULL_TABLE.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = int(float(row["eth20_code"]))
            for group, codes in CODES.items():
                if code in codes:
                    expected[row["lad_code"]][group] += int(float(row["observation"]))
    with CENSUS_FILE.open(newline="", encoding="utf-8") as handle:
        shipped = {
            row["lad_code"]: {g: int(row[g]) for g in GROUPS} for row in csv.DictReader(handle)
        }
    assert shipped == dict(expected)
