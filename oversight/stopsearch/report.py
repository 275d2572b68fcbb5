"""The stop-and-search dashboard of one area over one period, as the page shows it:
sections of tables (tables.py), each with its chart (oversight/charts.py) and the caveats that
change its reading.

`build(store, area, month_from, month_to)` gathers every figure (summary.py,
dashboard.py) and returns a `Dashboard`. Caveats are plain-English notes attached
where they change the reading (see `_caveats`); their thresholds are the constants
below.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from django.utils.safestring import SafeString

from oversight import charts

from . import dashboard
from .definitions import (
    MIN_SEARCHES_TO_COMPARE,
    MONTH_LABELS,
    NOT_PUBLISHED,
    OTHER_FORCE_ONLY,
    POOR_DENOMINATOR_FEW,
    TOO_FEW_TO_COMPARE,
    months_between,
    poor_denominator,
    shift_month,
    too_few_to_compare,
)
from .report_ethnicity import children_section, cross_section, ethnicity_sections
from .store import Store
from .summary import summary
from .tables import (
    NOT_AVAILABLE,
    Caveat,
    Cell,
    Column,
    Context,
    Section,
    Table,
    count,
    label,
    month_label,
    months_phrase,
    percent,
    period_label,
    share,
    words,
)

# Show the "ethnicity not stated" caveat when at least this share of person searches
# has no stated ethnicity: below it, rates barely move.
NOT_STATED_NOTICE = 0.05
# Show the "no location" caveat when at least this share of the force's searches in the
# period had no location, and name the months where at least MOSTLY_UNLOCATED had none.
WITHOUT_LOCATION_NOTICE = 0.02
MOSTLY_UNLOCATED = 0.5


@dataclass(frozen=True)
class Headline:
    """A card at the top: the figure, what it is, and what must be read with it (a
    ratio's 95% range), shown inside the same card."""

    figure: str
    what: str
    detail: str = ""


@dataclass
class Dashboard:
    area: str
    month_from: str
    month_to: str
    summary: dict
    headlines: list[Headline]  # the cards at the top
    caveats: list[Caveat]  # those that change every figure, shown at the top too
    sections: list[Section]

    @property
    def period(self) -> str:
        return period_label(self.month_from, self.month_to)

    def tables(self) -> dict[str, Table]:
        return {t.slug: t for s in self.sections for t in s.tables}


# -- building ------------------------------------------------------------------------


def build(store: Store, area: str, month_from: str, month_to: str) -> Dashboard:
    """Every section of the dashboard for `area` (an area or force name, as
    summary.summary takes) over the period."""
    result = summary(store, area, month_from, month_to)
    area = result["area"]
    forces = dashboard.covering_forces(store, area)
    volume = dashboard.volume_by_month(store, area, month_from, month_to)
    context = Context(
        result,
        forces,
        dashboard.force_months(store, forces),
        {row["month"]: row["status"] for row in volume},
    )
    caveats = _caveats(context, volume)
    sections = [
        _key_figures(context),
        _volume(context, volume, caveats),
        *ethnicity_sections(store, context, caveats),
        _outcomes(store, context),
        children_section(context, caveats),
        _recording(store, context),
        _breakdown(store, context, "legislation", "Legislation used", "Legislation"),
        _breakdown(store, context, "object_of_search", "What officers searched for", "Object"),
        cross_section(store, context),
        _changes(store, context, caveats),
    ]
    top = [
        c for key in ("residents", "missing", "partial", "location") for c in caveats.get(key, [])
    ]
    return Dashboard(
        area, month_from, month_to, result, _headlines(result), top, [s for s in sections if s]
    )


def _headlines(result: dict) -> list[Headline]:
    """Searches, the Black/White ratio, the arrest rate and searches of children. The
    ratio always carries its 95% range in its card; from too few searches
    (definitions.too_few_to_compare) it is words, not a number."""
    lines = [
        Headline(f"{result['searches']:,}", "searches"),
        Headline(
            NOT_AVAILABLE if result["arrest_rate"] is None else f"{result['arrest_rate']:.1%}",
            "of searches ended in arrest",
        ),
        Headline(f"{result['children']['searches']:,}", "searches of children under 18"),
    ]
    black = result["by_ethnicity"]["Black"]
    white = result["by_ethnicity"]["White"]["searches"]
    ratio, ci = black["ratio_to_white"], black["ratio_ci95"]
    if ratio is None:
        return lines
    what = "the White rate: how often Black people were searched, per resident"
    if too_few_to_compare(black["searches"], white) or not ci:
        headline = Headline(
            TOO_FEW_TO_COMPARE,
            "Black people's search rate against the White rate",
            f"{black['searches']:,} person searches of Black people and {white:,} of White "
            f"people: a ratio needs at least {MIN_SEARCHES_TO_COMPARE} of each.",
        )
    else:
        headline = Headline(
            f"{ratio:.2f} times",
            what,
            f"95% range: {ci[0]:.2f} to {ci[1]:.2f} times. Chance alone could put the "
            "ratio anywhere in this range.",
        )
    lines.insert(1, headline)
    return lines


def _caveats(context: Context, volume: list[dict]) -> dict[str, list[Caveat]]:
    """The caveats that apply, by what they concern."""
    result = context.summary
    found: dict[str, list[Caveat]] = {}
    months = months_between(*context.period)
    missing = [m for m in months if m not in context.published]
    other_only = [m for m in missing if context.statuses.get(m) == OTHER_FORCE_ONLY]
    none = [m for m in missing if m not in other_only]
    unpublished = []
    if none:
        unpublished.append(
            Caveat(
                f"The {context.force_names} published no records for {months_phrase(none)}. "
                f"Those months are shown as \u201c{MONTH_LABELS[NOT_PUBLISHED].lower()}\u201d: "
                "they are not months without searches, and the figures for the period do not "
                "cover them.",
                warning=True,
            )
        )
    if other_only:
        searches = sum(row["searches"] for row in volume if row["month"] in other_only)
        unpublished.append(
            Caveat(
                f"The {context.force_names} published no records for "
                f"{months_phrase(other_only)}. The only records for {context.area} in those "
                f"months are {searches:,} searches made there by another police force, shown "
                f"as \u201c{MONTH_LABELS[OTHER_FORCE_ONLY].lower()}\u201d: they are not the "
                "area's searches for those months, and the figures for the period do not "
                f"cover what the {context.force_names} did then.",
                warning=True,
            )
        )
    if unpublished:
        found["missing"] = unpublished
    partial = [row["month"] for row in volume if row["partial"] and row["month"] not in missing]
    if partial:
        unlocated = [
            m
            for m in partial
            if (share(context.published[m]["without_location"], context.published[m]["rows"]) or 0)
            >= MOSTLY_UNLOCATED
        ]
        why = (
            f" In {months_phrase(unlocated)} most of the force's records had no location, "
            "so they could not be placed in any area."
            if unlocated
            else " The records for those months may be incomplete."
        )
        verb = "is a partial month" if len(partial) == 1 else "are partial months"
        found["partial"] = [
            Caveat(
                f"{months_phrase(partial)} {verb}: "
                "fewer than half as many searches as a typical month of this period were "
                f"recorded for {context.area}.{why} Totals and rates for the period are lower "
                "than they should be, and changes to or from a partial month mean little.",
                warning=True,
            )
        ]
    in_period = context.published_in_period
    rows = sum(p["rows"] for p in in_period.values())
    unplaced = result["without_location_in_force"]
    if rows and unplaced / rows >= WITHOUT_LOCATION_NOTICE:
        worst = [
            m
            for m, p in in_period.items()
            if (share(p["without_location"], p["rows"]) or 0) >= MOSTLY_UNLOCATED
        ]
        found["location"] = [
            Caveat(
                f"{unplaced:,} of the {rows:,} searches made by the {context.force_names} in "
                f"this period ({unplaced / rows:.1%}) had no location, so they could not be "
                f"placed in any area and are not counted here. Some of them will have been in "
                f"{context.area}, so its real numbers are likely to be higher."
                + (
                    f" Most of the records for {months_phrase(worst)} had no location."
                    if worst
                    else ""
                )
            )
        ]
    residents = {g: f["population"] for g, f in result["by_ethnicity"].items()}
    if all(n is not None for n in residents.values()):
        why = poor_denominator(result["person_searches"], residents, len(months))
        if why is not None:
            total = sum(residents.values())
            reason = (
                f"{context.area} has only {total:,} residents (Census 2021), "
                "far fewer than the people who work in or visit it, who are searched too."
                if why == POOR_DENOMINATOR_FEW
                else f"Far more people are searched in {context.area} than its {total:,} "
                "residents (Census 2021) would explain: many of them work in or visit it."
            )
            found["residents"] = [
                Caveat(
                    f"{reason} Rates per 1,000 residents therefore overstate how often "
                    "anyone living there is searched, can pass 1,000 per 1,000, and cannot be "
                    "compared with other areas' rates. Ratios between groups assume the "
                    "people searched are like the residents, which may not hold here.",
                    warning=True,
                )
            ]
    persons, not_stated = result["person_searches"], result["not_stated"]
    if persons and not_stated / persons >= NOT_STATED_NOTICE:
        found["not_stated"] = [
            Caveat(
                f"The person searched did not state their ethnicity in {not_stated:,} of the "
                f"{persons:,} person searches ({not_stated / persons:.1%}). Those searches are "
                "left out of the rates and ratios by ethnic group, so each group's real rate "
                "may be higher than shown."
            )
        ]
    return found


def _key_figures(context: Context) -> Section:
    result = context.summary
    rows = [
        [label("Searches"), count(result["searches"])],
        [label("Person searches"), count(result["person_searches"])],
        [label("Person searches with ethnicity not stated"), count(result["not_stated"])],
        [label("Searches of children under 18"), count(result["children"]["searches"])],
        [Cell("Arrest rate", "Arrest rate (%)", False, True), percent(result["arrest_rate"])],
        [
            Cell("Positive outcome rate", "Positive outcome rate (%)", False, True),
            percent(result["positive_outcome_rate"]),
        ],
        [
            label(f"Searches by the {context.force_names} with no location (not counted here)"),
            count(result["without_location_in_force"]),
        ],
    ]
    table = Table(
        "key-figures",
        f"Key figures for {context.area}, {period_label(*context.period)}",
        [Column("Figure", numeric=False), Column("Value")],
        rows,
    )
    return Section("key-figures", "Key figures", [table])


def _volume(context: Context, volume: list[dict], caveats: dict) -> Section:
    columns = [
        charts.Column(
            calendar.month_abbr[int(row["month"][5:])],
            row["month"][:4],
            # A month the force published nothing for has no bar, even if another
            # force's few searches put something in the table: it says which it is.
            None if row["month"] not in context.published else row["searches"],
            row["partial"],
            f"{row['searches']:,}",
            "other force only" if row["status"] == OTHER_FORCE_ONLY else "no records",
        )
        for row in volume
    ]
    busiest = max(volume, key=lambda row: row["searches"])
    partial = [row["month"] for row in volume if row["partial"]]
    desc = (
        f"Bar chart of the number of searches in {context.area} in each month from "
        f"{period_label(*context.period)}. The busiest month was "
        f"{month_label(busiest['month'])}, with {busiest['searches']:,} searches."
        + (f" Partial or missing months: {months_phrase(partial)}." if partial else "")
        + " The table beside the chart gives every figure."
    )
    table = Table(
        "searches-by-month",
        f"Searches in {context.area} by month",
        [
            Column("Month", numeric=False),
            Column("Searches"),
            Column("Person searches"),
            Column("Note", numeric=False),
        ],
        [
            [
                Cell(month_label(row["month"]), row["month"], numeric=False, header=True),
                count(row["searches"]),
                count(row["person_searches"]),
                words(context.month_note(row["month"], row["partial"])),
            ]
            for row in volume
        ],
    )
    return Section(
        "searches-by-month",
        "Searches by month",
        [table],
        [
            charts.column_chart(
                "chart-volume", f"Searches in {context.area} by month", desc, columns
            )
        ],
        caveats=caveats.get("missing", []) + caveats.get("partial", []),
    )


def _share_rows(rows: list[dict]) -> list[list[Cell]]:
    return [[label(r["value"]), count(r["searches"]), percent(r["share"])] for r in rows]


def _share_bars(chart_id: str, title: str, rows: list[dict], what: str) -> SafeString:
    bars = [
        charts.Bar(r["value"], (r["share"] or 0) * 100, f"{(r['share'] or 0) * 100:.1f}%")
        for r in rows
    ]
    top = rows[0] if rows else None
    desc = (
        f"Bar chart of the share of searches by {what}."
        + (f" The most common was {top['value']}, {top['share'] * 100:.1f}%." if top else "")
        + " The table beside the chart gives every figure."
    )
    return charts.bar_chart(chart_id, title, desc, bars)


def _outcomes(store: Store, context: Context) -> Section:
    rows = dashboard.breakdown(store, context.area, *context.period, "outcome")
    result = context.summary
    table = Table(
        "outcomes",
        f"Outcomes of searches in {context.area}",
        [
            Column("Outcome", numeric=False),
            Column("Searches"),
            Column("Share of searches", csv_label="Share of searches (%)"),
        ],
        _share_rows(rows),
    )
    intro = [
        f"Arrest rate: {percent(result['arrest_rate']).text} of searches ended in arrest.",
        f"Positive outcome rate: {percent(result['positive_outcome_rate']).text} of searches "
        "with a recorded outcome ended in something other than no further action.",
    ]
    chart = _share_bars(
        "chart-outcomes", f"Outcomes of searches in {context.area}", rows, "outcome"
    )
    return Section("outcomes", "Outcomes", [table], [chart], intro=intro)


def _recording(store: Store, context: Context) -> Section:
    counts = dashboard.recording(store, context.area, *context.period)
    searches = counts["searches"]
    measures = [
        ("outcome_linked", "Outcome linked to the object of the search"),
        ("removal_more_than_outer", "More thorough search (more than outer clothing removed)"),
    ]
    rows, caveats = [], []
    for column, name in measures:
        filled, yes = counts[column]["recorded"], counts[column]["true"]
        rows.append(
            [label(name), count(searches), count(filled), count(yes), percent(share(yes, filled))]
        )
        if filled < searches:
            caveats.append(
                Caveat(
                    f"{name}: recorded in only {filled:,} of {searches:,} records. "
                    + (
                        f"The figures describe those {filled:,} searches, not all searches."
                        if filled
                        else "Nothing can be said about it for this period."
                    )
                )
            )
    table = Table(
        "recording",
        f"Linked outcomes and more thorough searches in {context.area}, and how many records say",
        [
            Column("Measure", numeric=False),
            Column("Searches"),
            Column("Records that say"),
            Column("Records that say yes"),
            Column(
                "Yes, as a share of records that say",
                csv_label="Yes as a share of records that say (%)",
            ),
        ],
        rows,
    )
    intro = [
        "Whether the outcome was linked to what the officer was looking for, and whether "
        "more than outer clothing was removed, are often left blank, so each figure says "
        "how many records filled it in."
    ]
    return Section(
        "recording",
        "Linked outcomes and more thorough searches",
        [table],
        intro=intro,
        caveats=caveats,
    )


def _breakdown(store: Store, context: Context, by: str, heading: str, what: str) -> Section:
    rows = dashboard.breakdown(store, context.area, *context.period, by)
    slug = by.replace("_", "-")
    title = f"{heading} in searches in {context.area}"
    table = Table(
        slug,
        title,
        [
            Column(what, numeric=False),
            Column("Searches"),
            Column("Share of searches", csv_label="Share of searches (%)"),
        ],
        _share_rows(rows),
    )
    chart = _share_bars(f"chart-{slug}", title, rows, what.lower())
    return Section(slug, heading, [table], [chart])


def _changes(store: Store, context: Context, caveats: dict) -> Section:
    rows = dashboard.changes(store, context.area, *context.period)
    partial = {r["month"]: r["partial"] for r in rows}

    def earlier(month: str, searches: int, change: float | None) -> list[Cell]:
        # A month the force published nothing for has no figure to compare with, not
        # zero searches, nor another force's handful.
        if month not in context.published:
            return [Cell(NOT_AVAILABLE, ""), Cell(NOT_AVAILABLE, "")]
        return [count(searches), percent(change, signed=True)]

    table_rows = []
    for r in rows:
        month, before, year_before = (
            r["month"],
            shift_month(r["month"], -1),
            shift_month(r["month"], -12),
        )
        notes = [context.month_note(month, r["partial"])]
        if partial.get(before) and before in context.published:
            notes.append("Month before was partial")
        for other, name in ((before, "the month before"), (year_before, "a year before")):
            if other not in context.published:
                notes.append(f"No records published for {name}")
        table_rows.append(
            [
                Cell(month_label(month), month, numeric=False, header=True),
                count(r["searches"]),
                *earlier(before, r["previous_month"], r["month_on_month"]),
                *earlier(year_before, r["previous_year"], r["year_on_year"]),
                words("; ".join(n for n in notes if n)),
            ]
        )
    table = Table(
        "change",
        f"Searches in {context.area}: change on the month before and on the same month a "
        f"year before ({NOT_AVAILABLE} where the earlier month had no searches or no records "
        "published)",
        [
            Column("Month", numeric=False),
            Column("Searches"),
            Column("Month before"),
            Column("Change on the month before", csv_label="Change on the month before (%)"),
            Column("Same month a year before"),
            Column("Change on a year before", csv_label="Change on a year before (%)"),
            Column("Note", numeric=False),
        ],
        table_rows,
    )
    return Section(
        "change",
        "Month-on-month and year-on-year change",
        [table],
        caveats=caveats.get("missing", []) + caveats.get("partial", []),
        wide=True,
    )
