"""Figures for an area (or a force) over a period of months, by the Home Office method.

Every function takes `store` (a Store, or the path of a store file, opened read-only for
the call), `area` (an area of the store's boundaries, or a force: see
definitions.resolve) and a period `month_from`..`month_to` ("YYYY-MM", both included).
A search's month is the month of the file it came from. Unknown names raise
UnknownArea, malformed periods ValueError.

`summary()` gives the published JSON (contracts/stopsearch.md). The other functions feed
the dashboard and return plain lists of dicts; month lists cover every month of the
period and carry the `partial` flag, which the page must show wherever it shows the
month.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .census import GROUPS
from .definitions import (
    ARREST,
    CHILD,
    ETHNIC_GROUP,
    HAS_OUTCOME,
    NO_FURTHER_ACTION,
    NOT_STATED,
    PERSON,
    Scope,
    area_forces,
    check_period,
    is_true,
    months_between,
    partial_months,
    rate_per_1000,
    ratio_with_ci,
    recorded,
    resolve,
    scope_forces,
    scope_population,
    share,
)
from .store import Store

StoreLike = Store | str | Path

# Everything the summary needs, counted per month, ethnic group and force in one pass.
_COUNTS = f"""
SELECT month, {ETHNIC_GROUP} AS ethnic_group,
    count(*) AS searches,
    count(*) FILTER ({PERSON}) AS person_searches,
    count(*) FILTER ({PERSON} AND {CHILD}) AS children,
    count(*) FILTER ({ARREST}) AS arrests,
    count(*) FILTER ({HAS_OUTCOME}) AS with_outcome,
    count(*) FILTER ({HAS_OUTCOME} AND NOT {NO_FURTHER_ACTION}) AS positive,
    count(*) FILTER ({recorded("outcome_linked")}) AS linked_recorded,
    count(*) FILTER ({is_true("outcome_linked")}) AS linked,
    count(*) FILTER ({recorded("removal_more_than_outer")}) AS thorough_recorded,
    count(*) FILTER ({is_true("removal_more_than_outer")}) AS thorough
FROM located_searches
WHERE {{where}} AND month BETWEEN ? AND ?
GROUP BY ALL
"""
_FIELDS = (
    "searches",
    "person_searches",
    "children",
    "arrests",
    "with_outcome",
    "positive",
    "linked_recorded",
    "linked",
    "thorough_recorded",
    "thorough",
)


@contextmanager
def opened(store: StoreLike) -> Iterator[Store]:
    """The Store itself, or the store file opened read-only for the duration."""
    if isinstance(store, Store):
        yield store
        return
    with Store(store, read_only=True) as opened_store:
        yield opened_store


def summary(store: StoreLike, area: str, month_from: str, month_to: str) -> dict:
    """The contract's summary for `area` over the period:

    searches (every record), person_searches, without_location_in_force (searches with
    no location, in the period, by the force(s) covering the area: the force itself for
    a force, else the force that made most of the area's located searches),
    by_ethnicity (person searches per group; Census 2021 population; rate per 1,000;
    ratio to the White rate with its 95% CI by the log method; null where undefined:
    White's own CI, no population, no White searches), not_stated, arrest_rate (of
    searches), positive_outcome_rate (of searches with an outcome), linked_outcome and
    more_thorough (with how many records filled the column in), children (person
    searches aged under 18, by group), months (with the partial flag). Rates are rounded
    to 2 decimals, shares to 4."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        context = _Context(st, month_from, month_to)
        return context.summary(scope, _counts(st, scope, month_from, month_to))


def _counts(st: Store, scope: Scope, month_from: str, month_to: str) -> list[dict]:
    cursor = st.con.execute(
        _COUNTS.format(where=scope.where), [*scope.params, month_from, month_to]
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class _Context:
    """What every summary of one period shares, looked up once."""

    def __init__(self, st: Store, month_from: str, month_to: str) -> None:
        self.month_from, self.month_to = month_from, month_to
        self.covering = area_forces(st)
        # Counted per file at import.
        self.without_location = dict(
            st.con.execute(
                "SELECT force, sum(without_location)::BIGINT FROM files "
                "WHERE month BETWEEN ? AND ? GROUP BY force",
                [month_from, month_to],
            ).fetchall()
        )

    def summary(self, scope: Scope, rows: list[dict]) -> dict:
        """The contract's summary of `scope` from its rows of _COUNTS."""
        month_from, month_to = self.month_from, self.month_to
        total = dict.fromkeys(_FIELDS, 0)
        persons_by_group = dict.fromkeys((*GROUPS, NOT_STATED), 0)
        children_by_group = dict.fromkeys((*GROUPS, NOT_STATED), 0)
        by_month: dict[str, int] = {}
        for row in rows:
            for name in _FIELDS:
                total[name] += row[name]
            persons_by_group[row["ethnic_group"]] += row["person_searches"]
            children_by_group[row["ethnic_group"]] += row["children"]
            by_month[row["month"]] = by_month.get(row["month"], 0) + row["searches"]

        residents = scope_population(scope, self.covering) or {}
        white = persons_by_group["White"]
        by_ethnicity = {}
        for group in GROUPS:
            searches = persons_by_group[group]
            ratio, ci = ratio_with_ci(searches, residents.get(group), white, residents.get("White"))
            if group == "White" and ratio is not None:
                ratio, ci = 1.0, None
            by_ethnicity[group] = {
                "searches": searches,
                "population": residents.get(group),
                "rate_per_1000": rate_per_1000(searches, residents.get(group)),
                "ratio_to_white": ratio,
                "ratio_ci95": ci,
            }

        months = months_between(month_from, month_to)
        partial = partial_months(by_month, months)
        return {
            "area": scope.name,
            "from": month_from,
            "to": month_to,
            "searches": total["searches"],
            "person_searches": total["person_searches"],
            "without_location_in_force": sum(
                self.without_location.get(force, 0) for force in scope_forces(scope, self.covering)
            ),
            "by_ethnicity": by_ethnicity,
            "not_stated": persons_by_group[NOT_STATED],
            "arrest_rate": share(total["arrests"], total["searches"]),
            "positive_outcome_rate": share(total["positive"], total["with_outcome"]),
            "linked_outcome": {
                "recorded": total["linked_recorded"],
                "rate": share(total["linked"], total["linked_recorded"]),
            },
            "more_thorough": {
                "recorded": total["thorough_recorded"],
                "searches": total["thorough"],
            },
            "children": {
                "searches": total["children"],
                "by_ethnicity": {group: children_by_group[group] for group in GROUPS},
            },
            "months": [
                {"month": m, "searches": by_month.get(m, 0), "partial": partial[m]} for m in months
            ],
        }


def summaries(
    store: StoreLike, areas: list[str] | None, month_from: str, month_to: str
) -> dict[str, dict]:
    """summary() for many areas at once (default: every area of the boundaries), keyed
    by area name, counting them all in a single pass over the store."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scopes = [resolve(st, area) for area in (areas or st.area_names())]
        by_area = [s for s in scopes if s.kind == "area"]
        context = _Context(st, month_from, month_to)
        results = {}
        if by_area:
            marks = ", ".join("?" for _ in by_area)
            cursor = st.con.execute(
                _COUNTS.replace("SELECT month,", "SELECT area, month,", 1).format(
                    where=f"area IN ({marks})"
                ),
                [*(s.name for s in by_area), month_from, month_to],
            )
            names = [column[0] for column in cursor.description]
            grouped: dict[str, list[dict]] = {s.name: [] for s in by_area}
            for row in cursor.fetchall():
                record = dict(zip(names, row, strict=True))
                grouped[record["area"]].append(record)
            for scope in by_area:
                results[scope.name] = context.summary(scope, grouped[scope.name])
        for scope in scopes:
            if scope.kind == "force":
                counts = _counts(st, scope, month_from, month_to)
                results[scope.name] = context.summary(scope, counts)
        return results
