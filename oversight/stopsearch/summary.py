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
from dataclasses import dataclass, field
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

# What a summary counts, and how (over located_searches).
_COUNTED = {
    "searches": "TRUE",
    "person_searches": PERSON,
    "children": f"{PERSON} AND {CHILD}",
    "arrests": ARREST,
    "with_outcome": HAS_OUTCOME,
    "positive": f"{HAS_OUTCOME} AND NOT {NO_FURTHER_ACTION}",
    "linked_recorded": recorded("outcome_linked"),
    "linked": is_true("outcome_linked"),
    "thorough_recorded": recorded("removal_more_than_outer"),
    "thorough": is_true("removal_more_than_outer"),
}
# Everything the summaries of many scopes (areas, or forces: `key` is the column) need,
# in one pass over the searches: counted per scope, month and ethnic group, then added
# up per scope, per scope and month, and per scope and group. A NULL month or group in
# the result marks the rows that add it up (neither is ever NULL in the counts).
_COUNTS = f"""
WITH counts AS (
    SELECT {{key}} AS scope, month, {ETHNIC_GROUP} AS ethnic_group,
        {", ".join(f"count(*) FILTER ({test}) AS {name}" for name, test in _COUNTED.items())}
    FROM located_searches
    WHERE {{key}} IN ({{names}}) AND month BETWEEN ? AND ?
    GROUP BY ALL
)
SELECT scope, month, ethnic_group, {", ".join(f"sum({name})::BIGINT" for name in _COUNTED)}
FROM counts
GROUP BY GROUPING SETS ((scope), (scope, month), (scope, ethnic_group))
"""


@dataclass
class _Counts:
    """A scope's counts over the period: the totals of _COUNTED, searches per month,
    and person searches and children per ethnic group (months and groups without
    searches are left out)."""

    totals: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTED, 0))
    by_month: dict[str, int] = field(default_factory=dict)
    persons_by_group: dict[str, int] = field(default_factory=dict)
    children_by_group: dict[str, int] = field(default_factory=dict)


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
        return context.summary(scope, _counts(st, [scope], month_from, month_to)[scope.name])


def _counts(st: Store, scopes: list[Scope], month_from: str, month_to: str) -> dict[str, _Counts]:
    """The _Counts of each scope, by name; all scopes are of one kind."""
    (key,) = {scope.kind for scope in scopes}
    sql = _COUNTS.format(key=key, names=", ".join("?" for _ in scopes))
    names = [scope.name for scope in scopes]
    counts = {name: _Counts() for name in names}
    for name, month, group, *values in st.con.execute(
        sql, [*names, month_from, month_to]
    ).fetchall():
        found = counts[name]
        searches, persons, children = values[:3]
        if month is not None:
            found.by_month[month] = searches
        elif group is not None:
            found.persons_by_group[group] = persons
            found.children_by_group[group] = children
        else:
            found.totals = dict(zip(_COUNTED, values, strict=True))
    return counts


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

    def summary(self, scope: Scope, counts: _Counts) -> dict:
        """The contract's summary of `scope` from its counts."""
        month_from, month_to = self.month_from, self.month_to
        total, by_month = counts.totals, counts.by_month
        persons_by_group, children_by_group = counts.persons_by_group, counts.children_by_group

        residents = scope_population(scope, self.covering) or {}
        white = persons_by_group.get("White", 0)
        by_ethnicity = {}
        for group in GROUPS:
            searches = persons_by_group.get(group, 0)
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
            "not_stated": persons_by_group.get(NOT_STATED, 0),
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
                "by_ethnicity": {group: children_by_group.get(group, 0) for group in GROUPS},
            },
            "months": [
                {"month": m, "searches": by_month.get(m, 0), "partial": partial[m]} for m in months
            ],
        }


def summaries(
    store: StoreLike, areas: list[str] | None, month_from: str, month_to: str
) -> dict[str, dict]:
    """summary() for many areas at once (default: every area of the boundaries), keyed
    by area name, counting them all in a single pass over the store (one more for
    forces, if any are named)."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scopes = [resolve(st, area) for area in (areas or st.area_names())]
        context = _Context(st, month_from, month_to)
        results = {}
        for kind in ("area", "force"):
            of_kind = [scope for scope in scopes if scope.kind == kind]
            if of_kind:
                counts = _counts(st, of_kind, month_from, month_to)
                for scope in of_kind:
                    results[scope.name] = context.summary(scope, counts[scope.name])
        return {scope.name: results[scope.name] for scope in scopes}
