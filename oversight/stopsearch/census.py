"""Census 2021 usual residents by the Home Office's five ethnic groups, per local
authority (England and Wales), from the file shipped in `data/` (see its README)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

GROUPS = ("Asian", "Black", "Mixed", "White", "Other")
CENSUS_FILE = Path(__file__).resolve().parent / "data" / "census2021-ts021-ethnic-group-5.csv"


def normalise_name(name: str) -> str:
    """Key for matching area names: case, spacing and '&' vs 'and' do not matter."""
    return " ".join(name.replace("&", " and ").casefold().split())


@cache
def _table() -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    with CENSUS_FILE.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups = {group: int(row[group]) for group in GROUPS}
            table[normalise_name(row["lad_name"])] = groups
            table[row["lad_code"].casefold()] = groups
    return table


def population(area: str) -> dict[str, int] | None:
    """Residents by group for a local authority named (or coded, e.g. E09000012) `area`;
    None when the area is not a local authority (e.g. a custom boundary file's wards)."""
    groups = _table().get(normalise_name(area))
    return dict(groups) if groups is not None else None
