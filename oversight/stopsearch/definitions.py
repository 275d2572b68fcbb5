"""The Home Office's definitions, written once, as SQL over the store's `searches`
columns, plus the arithmetic (rates, ratios, confidence intervals, partial months) and
how a name given by a user becomes a set of searches (an area or a force)."""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass

from .census import GROUPS, normalise_name, population
from .store import Store

NOT_STATED = "Not stated"

# Person searches: vehicle-only searches have no person and no ethnicity.
PERSON = "type IN ('Person search', 'Person and Vehicle search')"
# The group is the first part of the self-defined ethnicity ("Black/African/Caribbean/
# Black British - African" is Black). "Other ethnic group - Not stated", blank and any
# label that fits none of the five groups are Not stated.
ETHNIC_GROUP = f"""CASE
    WHEN self_defined_ethnicity IS NULL
        OR lower(self_defined_ethnicity) = 'other ethnic group - not stated' THEN '{NOT_STATED}'
    {" ".join(f"WHEN lower(self_defined_ethnicity) LIKE '{g.lower()}%' THEN '{g}'" for g in GROUPS)}
    ELSE '{NOT_STATED}' END"""
CHILD = "age_range IN ('under 10', '10-17')"
# Older files use older outcome labels for the same outcomes.
ARREST = "outcome IN ('Arrest', 'Suspect arrested')"
NO_FURTHER_ACTION = (
    "outcome IN ('A no further action disposal', 'Nothing found - no further action')"
)
HAS_OUTCOME = "outcome IS NOT NULL"


def recorded(column: str) -> str:
    """The True/False column was filled in."""
    return f"lower({column}) IN ('true', 'false')"


def is_true(column: str) -> str:
    return f"lower({column}) = 'true'"


# Outcome labels of older files, under today's label, for breakdowns over long periods.
OUTCOME_LABELS = {
    "Suspect arrested": "Arrest",
    "Nothing found - no further action": "A no further action disposal",
    "Offender given drugs possession warning": "Khat or Cannabis warning",
    "Offender given penalty notice": "Penalty Notice for Disorder",
    "Offender cautioned": "Caution (simple or conditional)",
    "Local resolution": "Community resolution",
    "Suspect summonsed to court": "Summons / charged by post",
}

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_period(month_from: str, month_to: str) -> None:
    for month in (month_from, month_to):
        if not isinstance(month, str) or not MONTH.match(month):
            raise ValueError(f"months are written YYYY-MM, not {month!r}")
    if month_from > month_to:
        raise ValueError(f"the period starts ({month_from}) after it ends ({month_to})")


def months_between(month_from: str, month_to: str) -> list[str]:
    """Every month from `month_from` to `month_to`, both included."""
    year, month = int(month_from[:4]), int(month_from[5:])
    months = []
    while (current := f"{year:04d}-{month:02d}") <= month_to:
        months.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def shift_month(month: str, by: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def partial_months(counts: dict[str, int], months: list[str]) -> dict[str, bool]:
    """A month is partial when its count is below half the median of the months of the
    period that have any searches; a month with none is partial (no data)."""
    present = [counts[m] for m in months if counts.get(m)]
    if not present:
        return {m: True for m in months}
    half_median = statistics.median(present) / 2
    return {m: counts.get(m, 0) < half_median for m in months}


# What a month's records say, for an area (month_status), and how the page labels it.
COMPLETE = "complete"
PARTIAL = "partial"
OTHER_FORCE_ONLY = "other_force_only"
NOT_PUBLISHED = "not_published"
MONTH_LABELS = {
    COMPLETE: "",
    PARTIAL: "Partial month",
    OTHER_FORCE_ONLY: "Records from another force only",
    NOT_PUBLISHED: "No records published",
}


def month_status(published: bool, searches: int, partial: bool) -> str:
    """What an area's month is, by what the data says: NOT_PUBLISHED when the covering
    force published no file for it and no other force's searches fell in the area;
    OTHER_FORCE_ONLY when the covering force published nothing but another force's
    searches (a handful, typically) did; PARTIAL when published but partial
    (partial_months); else COMPLETE. A month without a file is never "zero searches"."""
    if not published:
        return OTHER_FORCE_ONLY if searches else NOT_PUBLISHED
    return PARTIAL if partial else COMPLETE


# How far back the default period looks for complete months, and what partial is judged
# against there: two years, so that one odd month moves the median little.
LOOKBACK_MONTHS = 24


def complete_period(
    counts: dict[str, int], published: list[str], length: int = 12
) -> tuple[str, str]:
    """The default period of an area: its latest `length` complete months.

    A month is complete when the covering force published it (`published`, sorted) and
    it is not partial (partial_months over the last LOOKBACK_MONTHS published months,
    `counts` being the area's searches per month). The period is the latest run of
    `length` complete months in a row ending within the last `length` months; where
    there is none, the `length` months ending with the latest complete month, starting
    later if its first months are not complete, so it never opens or closes on a
    partial or missing month (months inside it stay flagged on the page)."""
    last = published[-1]
    lookback = months_between(shift_month(last, 1 - LOOKBACK_MONTHS), last)
    partial = partial_months(counts, lookback)
    done = set(published)

    def complete(month: str) -> bool:
        return month in done and not partial.get(month, True)

    for end in reversed(lookback[-length:]):
        window = months_between(shift_month(end, 1 - length), end)
        if all(complete(m) for m in window):
            return window[0], end
    ends = [m for m in reversed(lookback) if complete(m)]
    if not ends:
        # Nothing complete in two years: the latest months published, as they are.
        return max(shift_month(last, 1 - length), published[0]), last
    window = months_between(shift_month(ends[0], 1 - length), ends[0])
    start = next(m for m in window if complete(m))
    return start, ends[0]


def rate_per_1000(searches: int, residents: int | None) -> float | None:
    return round(searches / residents * 1000, 2) if residents else None


def ratio_with_ci(
    a: int, population_a: int | None, b: int, population_b: int | None
) -> tuple[float | None, list[float] | None]:
    """Rate ratio (a / population_a) / (b / population_b) and its 95% confidence interval
    by the log method: ratio x exp(+-1.96 x sqrt(1/a + 1/b)). None where undefined (no
    population, no searches in the comparison group; no interval when a is 0)."""
    if not population_a or not population_b or b == 0:
        return None, None
    ratio = (a / population_a) / (b / population_b)
    if a == 0:
        return 0.0, None
    spread = 1.96 * math.sqrt(1 / a + 1 / b)
    return round(ratio, 2), [
        round(ratio * math.exp(-spread), 2),
        round(ratio * math.exp(spread), 2),
    ]


# A ratio resting on fewer searches than this in either group is not shown as a number:
# with 3 searches of one group the 95% range runs from about a quarter of the ratio to
# nearly four times it, so the number itself says almost nothing. See docs/indicators.md.
MIN_SEARCHES_TO_COMPARE = 10
TOO_FEW_TO_COMPARE = "Too few searches to compare"


def too_few_to_compare(searches: int, white_searches: int) -> bool:
    """A group's ratio to the White rate rests on fewer than MIN_SEARCHES_TO_COMPARE
    person searches of the group or of White people, and is shown as words, not a number."""
    return min(searches, white_searches) < MIN_SEARCHES_TO_COMPARE


# An area's residents are a poor denominator for rates when there are few of them, or
# when far more people are searched there than its residents would explain (people who
# work in or visit it): fewer than FEW_RESIDENTS residents, or at least
# BUSY_SEARCHES_PER_1000 person searches a year per 1,000 residents (the City of London
# has about 96; the busiest London boroughs about 43). See docs/indicators.md.
FEW_RESIDENTS = 20_000
BUSY_SEARCHES_PER_1000 = 75
POOR_DENOMINATOR_FEW = "few residents"
POOR_DENOMINATOR_BUSY = "many searches per resident"


def poor_denominator(
    person_searches: int, residents: dict[str, int] | None, months: int
) -> str | None:
    """Why the area's resident population is a poor denominator for its rates
    (POOR_DENOMINATOR_FEW or POOR_DENOMINATOR_BUSY), or None. `residents` by group
    (Census 2021), `months` the length of the period; a year's rate is worked out
    from the period's."""
    if not residents or months <= 0:
        return None
    total = sum(residents.values())
    if total < FEW_RESIDENTS:
        return POOR_DENOMINATOR_FEW
    if person_searches * 12 / months / total * 1000 >= BUSY_SEARCHES_PER_1000:
        return POOR_DENOMINATOR_BUSY
    return None


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


class UnknownArea(LookupError):
    """The name is neither an area of the store's boundaries nor a force in the store."""


@dataclass(frozen=True)
class Scope:
    """What a summary covers: an area of the boundaries, or every search of a force.

    `where` is an SQL condition on `located_searches`, with `params`."""

    name: str
    kind: str  # "area" or "force"
    where: str
    params: tuple


def resolve(store: Store, name: str) -> Scope:
    """An area name (any case), else a force as named in the files (e.g. "metropolitan",
    "city-of-london"). Areas win: "City of London" is the area, "city-of-london" the
    force; "force:NAME" always means the force."""
    forced = name.strip().lower().startswith("force:")
    wanted = name.strip()[len("force:") :] if forced else name
    if not forced:
        for area in store.area_names():
            if normalise_name(area) == normalise_name(wanted):
                return Scope(area, "area", "area = ?", (area,))
    for force in forces_in(store):
        if force == wanted.strip().lower():
            return Scope(force, "force", "force = ?", (force,))
    raise UnknownArea(
        f"no area or force called {name!r}. Areas: {', '.join(store.area_names())}. "
        f"Forces: {', '.join(forces_in(store)) or 'none imported'}."
    )


def forces_in(store: Store) -> list[str]:
    rows = store.con.execute("SELECT DISTINCT force FROM files ORDER BY 1").fetchall()
    return [force for (force,) in rows]


def area_forces(store: Store) -> dict[str, str]:
    """The force covering each area: the one that made most of its located searches
    (worked out at import)."""
    return dict(store.con.execute("SELECT area, force FROM area_forces").fetchall())


def scope_population(scope: Scope, covering: dict[str, str]) -> dict[str, int] | None:
    """Census residents by group: the area's; for a force, the sum over the areas it
    covers (`covering` is area_forces()); None if any of those is not a local
    authority, or the force covers none."""
    if scope.kind == "area":
        return population(scope.name)
    areas = [area for area, force in covering.items() if force == scope.name]
    populations = [population(area) for area in areas]
    if not populations or any(p is None for p in populations):
        return None
    return {group: sum(p[group] for p in populations) for group in GROUPS}


def scope_forces(scope: Scope, covering: dict[str, str]) -> list[str]:
    """The force(s) covering a scope: the force itself, or the area's covering force."""
    if scope.kind == "force":
        return [scope.name]
    force = covering.get(scope.name)
    return [force] if force else []
