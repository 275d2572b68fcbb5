"""Helpers for the stop-and-search tests: hand-made CSV records and files, and where
the real published sample is."""

from __future__ import annotations

import csv
import gzip
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_NAME = "met-city-2017-12-to-2020-11.zip"

HEADER = [
    "Type",
    "Date",
    "Part of a policing operation",
    "Policing operation",
    "Latitude",
    "Longitude",
    "Gender",
    "Age range",
    "Self-defined ethnicity",
    "Officer-defined ethnicity",
    "Legislation",
    "Object of search",
    "Outcome",
    "Outcome linked to object of search",
    "Removal of more than just outer clothing",
]
# Points well inside one borough each, and one outside London (Cambridge).
HACKNEY = ("51.545000", "-0.055300")
WESTMINSTER = ("51.497500", "-0.135700")
CAMBRIDGE = ("52.205300", "0.121800")


def sample_path() -> Path | None:
    """The real sample archive: $OVERSIGHT_STOPSEARCH_SAMPLE, else samples/police-uk/."""
    candidates = [
        os.environ.get("OVERSIGHT_STOPSEARCH_SAMPLE"),
        REPO / "samples" / "police-uk" / SAMPLE_NAME,
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def search(where: tuple[str, str] | None = HACKNEY, **fields: str) -> dict[str, str]:
    """One CSV record: a White adult's person search in Hackney, NFA, unless overridden
    (keyword names are the column names with spaces and hyphens as underscores)."""
    lat, lon = where if where else ("", "")
    row = {
        "Type": "Person search",
        "Date": "2018-06-15T12:00:00+00:00",
        "Part of a policing operation": "False",
        "Policing operation": "",
        "Latitude": lat,
        "Longitude": lon,
        "Gender": "Male",
        "Age range": "18-24",
        "Self-defined ethnicity": "White - English/Welsh/Scottish/Northern Irish/British",
        "Officer-defined ethnicity": "White",
        "Legislation": "Misuse of Drugs Act 1971 (section 23)",
        "Object of search": "Controlled drugs",
        "Outcome": "A no further action disposal",
        "Outcome linked to object of search": "",
        "Removal of more than just outer clothing": "",
    }
    by_key = {name.replace(" ", "_").replace("-", "_").lower(): name for name in row}
    for key, value in fields.items():
        row[by_key[key.lower()]] = value
    return row


def write_csv(
    path: Path, rows: list[dict[str, str]], header: list[str] = HEADER, gz: bool = False
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if gz else open
    with opener(path, "wt", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(name, "") for name in header])
    return path
