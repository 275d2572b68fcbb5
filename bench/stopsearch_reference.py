"""Reference for the stop-and-search bench: the same work as oversight.stopsearch done
the plain way, with pandas and shapely and nothing of ours but the shipped data files.

Reads every stop-and-search CSV of a data.police.uk ZIP, assigns each search to a
borough (point in polygon, first covering polygon in file order), and computes the
contract summary (contracts/stopsearch.md) for every borough over a period. Written
independently of the package so the bench can check the two agree.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

DATA = Path(__file__).resolve().parents[1] / "oversight" / "stopsearch" / "data"
BOUNDARIES = DATA / "london-boroughs.geojson"
CENSUS = DATA / "census2021-ts021-ethnic-group-5.csv"
GROUPS = ["Asian", "Black", "Mixed", "White", "Other"]
FILE = re.compile(r"(\d{4}-\d{2})-([a-z0-9-]+)-stop-and-search\.csv$")
PERSON = ["Person search", "Person and Vehicle search"]
FIRST_PART = {
    "Asian/Asian British": "Asian",
    "Black/African/Caribbean/Black British": "Black",
    "Mixed/Multiple ethnic groups": "Mixed",
    "White": "White",
    "Other ethnic group": "Other",
}


def read_archive(zip_path: Path) -> pd.DataFrame:
    frames = []
    with zipfile.ZipFile(zip_path) as archive:
        for name in archive.namelist():
            found = FILE.search(name)
            if not found:
                continue
            with archive.open(name) as handle:
                frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
            frame["month"], frame["force"] = found[1], found[2]
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def assign_areas(df: pd.DataFrame) -> pd.Series:
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    x = pd.to_numeric(df["Longitude"].replace("", np.nan)).to_numpy()
    y = pd.to_numeric(df["Latitude"].replace("", np.nan)).to_numpy()
    area = np.full(len(df), None, dtype=object)
    for feature in features:
        polygon = shapely.geometry.shape(feature["geometry"])
        shapely.prepare(polygon)
        hit = shapely.intersects_xy(polygon, x, y) & pd.isna(area)
        area[hit] = feature["properties"]["BOROUGH"]
    return pd.Series(area, index=df.index)


def ethnic_group(self_defined: pd.Series) -> pd.Series:
    group = self_defined.str.split(" - ").str[0].map(FIRST_PART).fillna("Not stated")
    return group.mask(self_defined == "Other ethnic group - Not stated", "Not stated")


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def months_of(month_from: str, month_to: str) -> list[str]:
    return [p.strftime("%Y-%m") for p in pd.period_range(month_from, month_to, freq="M")]


def summaries(zip_path: Path, month_from: str, month_to: str) -> dict[str, dict]:
    df = read_archive(zip_path)
    df["area"] = assign_areas(df)
    df["group"] = ethnic_group(df["Self-defined ethnicity"])
    df["person"] = df["Type"].isin(PERSON)
    covering = df.dropna(subset=["area"]).groupby("area")["force"].agg(lambda f: f.mode()[0])
    census = pd.read_csv(CENSUS).set_index("lad_name")
    period = df[(df["month"] >= month_from) & (df["month"] <= month_to)]
    no_location = period[(period["Latitude"] == "") | (period["Longitude"] == "")]
    without_location = no_location["force"].value_counts()
    months = months_of(month_from, month_to)
    result = {}
    for area in census.index.intersection(df["area"].dropna().unique()):
        s = period[period["area"] == area]
        persons = s[s["person"]]
        counts = persons["group"].value_counts()
        children = persons[persons["Age range"].isin(["under 10", "10-17"])]["group"].value_counts()
        population = census.loc[area]
        white = int(counts.get("White", 0))
        by_ethnicity = {}
        for group in GROUPS:
            n = int(counts.get(group, 0))
            ratio = ci = None
            if group == "White":
                ratio = 1.0 if white else None
            elif white and n:
                ratio = (n / population[group]) / (white / population["White"])
                spread = 1.96 * math.sqrt(1 / n + 1 / white)
                ci = [round(ratio * math.exp(-spread), 2), round(ratio * math.exp(spread), 2)]
                ratio = round(ratio, 2)
            elif white:
                ratio = 0.0
            by_ethnicity[group] = {
                "searches": n,
                "population": int(population[group]),
                "rate_per_1000": round(n / population[group] * 1000, 2),
                "ratio_to_white": ratio,
                "ratio_ci95": ci,
            }
        outcome = s["Outcome"]
        has_outcome = outcome != ""
        nfa = outcome.isin(["A no further action disposal", "Nothing found - no further action"])
        linked = s["Outcome linked to object of search"].str.lower()
        thorough = s["Removal of more than just outer clothing"].str.lower()
        by_month = s["month"].value_counts()
        present = [int(by_month[m]) for m in months if by_month.get(m, 0)]
        half = statistics.median(present) / 2 if present else math.inf
        result[area] = {
            "area": area,
            "from": month_from,
            "to": month_to,
            "searches": len(s),
            "person_searches": len(persons),
            "without_location_in_force": int(without_location.get(covering[area], 0)),
            "by_ethnicity": by_ethnicity,
            "not_stated": int(counts.get("Not stated", 0)),
            "arrest_rate": share(int(outcome.isin(["Arrest", "Suspect arrested"]).sum()), len(s)),
            "positive_outcome_rate": share(int((has_outcome & ~nfa).sum()), int(has_outcome.sum())),
            "linked_outcome": {
                "recorded": int(linked.isin(["true", "false"]).sum()),
                "rate": share(
                    int((linked == "true").sum()), int(linked.isin(["true", "false"]).sum())
                ),
            },
            "more_thorough": {
                "recorded": int(thorough.isin(["true", "false"]).sum()),
                "searches": int((thorough == "true").sum()),
            },
            "children": {
                "searches": int(children.sum()),
                "by_ethnicity": {g: int(children.get(g, 0)) for g in GROUPS},
            },
            "months": [
                {
                    "month": m,
                    "searches": int(by_month.get(m, 0)),
                    "partial": bool(by_month.get(m, 0) < half),
                }
                for m in months
            ],
        }
    return result
