"""Figures for the stop-and-search dashboard, as plain lists of dicts.

Same arguments and rules as summary.py: `store` is a Store or a store path, `area` an
area or a force (definitions.resolve), the period `month_from`..`month_to` inclusive.
Month series cover every month of the period and carry `partial` (see
definitions.partial_months), which the page must show wherever it shows the month.
Shares are rounded to 4 decimals, rates and ratios to 2.
"""

from __future__ import annotations

from .census import GROUPS
from .definitions import (
    ETHNIC_GROUP,
    OUTCOME_LABELS,
    PERSON,
    Scope,
    area_forces,
    check_period,
    is_true,
    month_status,
    months_between,
    partial_months,
    ratio_with_ci,
    recorded,
    resolve,
    scope_forces,
    scope_population,
    share,
    shift_month,
    too_few_to_compare,
)
from .store import Store
from .summary import StoreLike, opened

NOT_RECORDED = "Not recorded"
# Columns a breakdown may be taken by (the store's names).
BREAKDOWNS = ("outcome", "legislation", "object_of_search", "age_range", "gender", "type")


def _monthly(st: Store, scope: Scope, month_from: str, month_to: str, select: str) -> dict:
    rows = st.con.execute(
        f"SELECT month, {select} FROM located_searches "
        f"WHERE {scope.where} AND month BETWEEN ? AND ? GROUP BY month",
        [*scope.params, month_from, month_to],
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def volume_by_month(store: StoreLike, area: str, month_from: str, month_to: str) -> list[dict]:
    """[{month, searches, person_searches, partial, status}] for every month of the
    period; `status` is what the month's records are (definitions.month_status: complete,
    partial, other_force_only, not_published), judged against the files of the force(s)
    covering the area (covering_forces)."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        counts = _monthly(st, scope, month_from, month_to, f"count(*), count(*) FILTER ({PERSON})")
        published = force_months(st, scope_forces(scope, area_forces(st)), month_from, month_to)
    months = months_between(month_from, month_to)
    partial = partial_months({m: c[0] for m, c in counts.items()}, months)
    result = []
    for m in months:
        searches, persons = counts.get(m, (0, 0))
        result.append(
            {
                "month": m,
                "searches": searches,
                "person_searches": persons,
                "partial": partial[m],
                "status": month_status(m in published, searches, partial[m]),
            }
        )
    return result


def breakdown(store: StoreLike, area: str, month_from: str, month_to: str, by: str) -> list[dict]:
    """[{value, searches, share}] of all searches by one column (see BREAKDOWNS), most
    frequent first; blank is "Not recorded". Outcomes of older files are counted under
    today's label (definitions.OUTCOME_LABELS)."""
    if by not in BREAKDOWNS:
        raise ValueError(f"cannot break down by {by!r}; choose from {', '.join(BREAKDOWNS)}")
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        rows = st.con.execute(
            f"SELECT {by}, count(*) FROM located_searches "
            f"WHERE {scope.where} AND month BETWEEN ? AND ? GROUP BY ALL",
            [*scope.params, month_from, month_to],
        ).fetchall()
    counts: dict[str, int] = {}
    for value, n in rows:
        label = NOT_RECORDED if value is None else value
        if by == "outcome":
            label = OUTCOME_LABELS.get(label, label)
        counts[label] = counts.get(label, 0) + n
    total = sum(counts.values())
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"value": v, "searches": n, "share": share(n, total)} for v, n in ordered]


def ethnicity_cross_table(
    store: StoreLike, area: str, month_from: str, month_to: str
) -> list[dict]:
    """Person searches by officer-defined ethnicity (as recorded; blank is "Not
    recorded") against self-defined group (the five groups and "Not stated"):
    [{officer_defined, self_defined, searches}], only the pairs that occur."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        rows = st.con.execute(
            f"SELECT coalesce(officer_defined_ethnicity, '{NOT_RECORDED}'), {ETHNIC_GROUP}, "
            f"count(*) FROM located_searches WHERE {PERSON} AND {scope.where} "
            f"AND month BETWEEN ? AND ? GROUP BY ALL ORDER BY 1, 2",
            [*scope.params, month_from, month_to],
        ).fetchall()
    return [{"officer_defined": o, "self_defined": s, "searches": n} for o, s, n in rows]


def changes(store: StoreLike, area: str, month_from: str, month_to: str) -> list[dict]:
    """For every month of the period: searches, the previous month's and the same month
    a year before (looked up even before the period), and the change from each as a
    share (+0.25 is a quarter more); None where the earlier month has no searches.
    `partial` flags the month itself, as in volume_by_month."""
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        counts = {
            m: c[0]
            for m, c in _monthly(
                st, scope, shift_month(month_from, -12), month_to, "count(*)"
            ).items()
        }
    months = months_between(month_from, month_to)
    partial = partial_months(counts, months)
    result = []
    for m in months:
        now = counts.get(m, 0)
        previous, year_before = (
            counts.get(shift_month(m, -1), 0),
            counts.get(shift_month(m, -12), 0),
        )
        result.append(
            {
                "month": m,
                "searches": now,
                "previous_month": previous,
                "month_on_month": share(now - previous, previous),
                "previous_year": year_before,
                "year_on_year": share(now - year_before, year_before),
                "partial": partial[m],
            }
        )
    return result


def disproportionality_by_month(
    store: StoreLike, area: str, month_from: str, month_to: str, group: str = "Black"
) -> list[dict]:
    """Monthly ratio of `group`'s search rate to the White rate, with its 95% CI (log
    method), for indicators: [{month, searches, white_searches, ratio, ratio_ci95,
    too_few, partial}]. Person searches; populations from Census 2021, so the ratio is
    the ratio of the two monthly counts scaled by the populations. None where undefined.
    `too_few` (definitions.too_few_to_compare): the ratio must be shown as "too few
    searches to compare", not as a number."""
    if group not in GROUPS or group == "White":
        raise ValueError(f"group must be one of {', '.join(g for g in GROUPS if g != 'White')}")
    check_period(month_from, month_to)
    with opened(store) as st:
        scope = resolve(st, area)
        residents = scope_population(scope, area_forces(st)) or {}
        counts = _monthly(
            st,
            scope,
            month_from,
            month_to,
            f"count(*), count(*) FILTER ({PERSON} AND {ETHNIC_GROUP} = '{group}'), "
            f"count(*) FILTER ({PERSON} AND {ETHNIC_GROUP} = 'White')",
        )
    months = months_between(month_from, month_to)
    partial = partial_months({m: c[0] for m, c in counts.items()}, months)
    result = []
    for m in months:
        _, searches, white = counts.get(m, (0, 0, 0))
        ratio, ci = ratio_with_ci(searches, residents.get(group), white, residents.get("White"))
        result.append(
            {
                "month": m,
                "searches": searches,
                "white_searches": white,
                "ratio": ratio,
                "ratio_ci95": ci,
                "too_few": too_few_to_compare(searches, white),
                "partial": partial[m],
            }
        )
    return result


def recording(store: StoreLike, area: str, month_from: str, month_to: str) -> dict:
    """How often the two True/False columns were filled in, and said True:
    {searches, outcome_linked: {recorded, true}, removal_more_than_outer: {recorded,
    true}}. The same counts as summary()'s linked_outcome and more_thorough."""
    check_period(month_from, month_to)
    columns = ("outcome_linked", "removal_more_than_outer")
    counted = ", ".join(
        f"count(*) FILTER ({recorded(c)}), count(*) FILTER ({is_true(c)})" for c in columns
    )
    with opened(store) as st:
        scope = resolve(st, area)
        searches, *counts = st.con.execute(
            f"SELECT count(*), {counted} FROM located_searches "
            f"WHERE {scope.where} AND month BETWEEN ? AND ?",
            [*scope.params, month_from, month_to],
        ).fetchall()[0]
    result: dict = {"searches": searches}
    for index, column in enumerate(columns):
        result[column] = {"recorded": counts[2 * index], "true": counts[2 * index + 1]}
    return result


def searches_by_area_and_month(store: StoreLike) -> dict[str, dict[str, int]]:
    """Located searches of every area per month: {area: {month: searches}}, months
    without searches left out. For the default periods (definitions.complete_period)."""
    result: dict[str, dict[str, int]] = {}
    for area, month, n in opened_query(
        store,
        "SELECT area, month, count(*) FROM located_searches WHERE area IS NOT NULL GROUP BY ALL",
        [],
    ):
        result.setdefault(area, {})[month] = n
    return result


def covering_forces(store: StoreLike, area: str) -> list[str]:
    """The force(s) whose records an area's figures come from: the force itself, or the
    force that made most of the area's located searches (definitions.scope_forces)."""
    with opened(store) as st:
        return scope_forces(resolve(st, area), area_forces(st))


def force_months(
    store: StoreLike, forces: list[str], month_from: str | None = None, month_to: str | None = None
) -> dict[str, dict]:
    """What the forces published, per month with a file: {month: {rows,
    without_location}} summed over `forces`, optionally only within a period. A month
    missing here has no file from any of them: no data, which is not zero searches."""
    if not forces:
        return {}
    marks = ", ".join("?" for _ in forces)
    rows = opened_query(
        store,
        f"SELECT month, sum(rows)::BIGINT, sum(without_location)::BIGINT FROM files "
        f"WHERE force IN ({marks}) AND month BETWEEN ? AND ? GROUP BY month ORDER BY month",
        [*forces, month_from or "0000-00", month_to or "9999-99"],
    )
    return {m: {"rows": n, "without_location": w} for m, n, w in rows}


def opened_query(store: StoreLike, sql: str, params: list) -> list[tuple]:
    with opened(store) as st:
        return st.con.execute(sql, params).fetchall()


def months_imported(store: StoreLike) -> list[str]:
    """Every month with at least one imported file, oldest first."""
    return [m for (m,) in opened_query(store, "SELECT DISTINCT month FROM files ORDER BY 1", [])]


def areas(store: StoreLike) -> list[dict]:
    """Areas with searches: [{area, searches, first_month, last_month}], by name."""
    with opened(store) as st:
        rows = st.con.execute(
            "SELECT area, count(*), min(month), max(month) FROM located_searches "
            "WHERE area IS NOT NULL GROUP BY area ORDER BY area"
        ).fetchall()
    return [
        {"area": a, "searches": n, "first_month": first, "last_month": last}
        for a, n, first, last in rows
    ]


def forces(store: StoreLike) -> list[dict]:
    """Forces imported: [{force, searches, first_month, last_month, files}], by name."""
    with opened(store) as st:
        rows = st.con.execute(
            "SELECT force, sum(rows), min(month), max(month), count(*) FROM files "
            "GROUP BY force ORDER BY force"
        ).fetchall()
    return [
        {"force": f, "searches": int(n), "first_month": first, "last_month": last, "files": k}
        for f, n, first, last, k in rows
    ]


def month_range(store: StoreLike) -> tuple[str, str] | None:
    """(first, last) month imported, or None for an empty store."""
    with opened(store) as st:
        first, last = st.con.execute("SELECT min(month), max(month) FROM files").fetchall()[0]
    return (first, last) if first else None


def bad_rows(store: StoreLike, force: str, month: str) -> list[dict]:
    """The rows of one imported file that could not be read: [{line, error, text}]."""
    with opened(store) as st:
        rows = st.con.execute(
            "SELECT b.line, b.error, b.text FROM bad_rows b JOIN files f USING (file_id) "
            "WHERE f.force = ? AND f.month = ? ORDER BY b.line",
            [force, month],
        ).fetchall()
    return [{"line": line, "error": error, "text": text} for line, error, text in rows]
