"""The dashboard's sections about ethnicity: rates and ratios to White by group, the
Black/White ratio month by month, searches of children, and officer-defined against
self-defined ethnicity. See report.py; caveats come in by key ("not_stated",
"partial")."""

from __future__ import annotations

from oversight import charts

from . import dashboard
from .census import GROUPS
from .definitions import NOT_STATED, TOO_FEW_TO_COMPARE, too_few_to_compare
from .store import Store
from .tables import (
    NOT_AVAILABLE,
    Caveat,
    Cell,
    Column,
    Context,
    Section,
    Table,
    count,
    decimal,
    label,
    month_label,
    percent,
    period_label,
    share,
    too_few,
    too_few_note,
    words,
)


def _ratio_shown(searches: int, white: int, ratio: float | None) -> bool:
    return ratio is not None and not too_few_to_compare(searches, white)


def ethnicity_sections(store: Store, context: Context, caveats: dict) -> list[Section]:
    result = context.summary
    groups = result["by_ethnicity"]
    white = groups["White"]["searches"]
    rows = []
    for group in GROUPS:
        g = groups[group]
        low, high = g["ratio_ci95"] or (None, None)
        if _ratio_shown(g["searches"], white, g["ratio_to_white"]):
            ratio, note = [decimal(g["ratio_to_white"]), decimal(low), decimal(high)], ""
        elif g["ratio_to_white"] is None:
            ratio, note = [decimal(None)] * 3, ""
        else:
            ratio, note = [too_few(), decimal(None), decimal(None)], too_few_note(group)
        rows.append(
            [
                label(group),
                count(g["searches"]),
                Cell(NOT_AVAILABLE, "") if g["population"] is None else count(g["population"]),
                decimal(g["rate_per_1000"]),
                *ratio,
                words(note),
            ]
        )
    rows.append(
        [label(NOT_STATED), count(result["not_stated"])]
        + [Cell(NOT_AVAILABLE, "")] * 5
        + [words("")]
    )
    table = Table(
        "ethnicity",
        f"Person searches in {context.area} by ethnic group, per 1,000 residents and "
        f"compared with White people ({NOT_AVAILABLE} means it cannot be worked out)",
        [
            Column("Ethnic group", numeric=False),
            Column("Person searches"),
            Column("Residents (Census 2021)"),
            Column("Searches per 1,000 residents"),
            Column("Ratio to the White rate"),
            Column("95% confidence interval: lower"),
            Column("95% confidence interval: upper"),
            Column("Note", numeric=False),
        ],
        rows,
    )
    rate_bars = [
        charts.Bar(
            group,
            groups[group]["rate_per_1000"],
            NOT_AVAILABLE
            if groups[group]["rate_per_1000"] is None
            else f"{groups[group]['rate_per_1000']:.2f}",
        )
        for group in GROUPS
    ]
    ratio_bars = []
    for group in GROUPS:
        g = groups[group]
        ci = g["ratio_ci95"]
        if g["ratio_to_white"] is None:
            ratio_bars.append(charts.Bar(group, None, "not available"))
        elif not _ratio_shown(g["searches"], white, g["ratio_to_white"]):
            ratio_bars.append(charts.Bar(group, None, TOO_FEW_TO_COMPARE.lower()))
        else:
            text = f"{g['ratio_to_white']:.2f}" + (f" ({ci[0]:.2f} to {ci[1]:.2f})" if ci else "")
            ratio_bars.append(charts.Bar(group, g["ratio_to_white"], text, *(ci or (None, None))))
    top = max(GROUPS, key=lambda group: groups[group]["rate_per_1000"] or 0)
    rate_chart = charts.bar_chart(
        "chart-rate",
        f"Person searches per 1,000 residents in {context.area} by ethnic group",
        f"Bar chart of search rates per 1,000 residents, {period_label(*context.period)}. "
        f"The highest rate was for {top} people: {groups[top]['rate_per_1000'] or 0:.2f} per "
        "1,000. The table gives every figure.",
        rate_bars,
    )
    ratio_chart = charts.bar_chart(
        "chart-ratio",
        f"Search rate compared with White people's in {context.area}, with 95% confidence "
        "intervals",
        "Bar chart of each group's search rate divided by the White rate; the dashed line "
        "at 1 is the White rate, and whiskers show the 95% confidence interval, also "
        "written beside each bar. A ratio from fewer than 10 searches in either group is "
        "written out as too few searches to compare, not drawn. The table gives every figure.",
        ratio_bars,
        reference=(1.0, "1 = the White rate"),
    )
    main = Section(
        "ethnicity",
        "Searches by ethnic group",
        [table],
        [rate_chart, ratio_chart],
        intro=[
            "Rates are person searches of each group divided by the number of residents of "
            f"{context.area} in that group at the 2021 Census. A ratio of 2 means twice the "
            "White rate. The confidence interval shows how far chance alone could move the "
            "ratio: where it does not include 1, the difference from the White rate is "
            "unlikely to be chance."
        ],
        # The residents caveat sits beside the rates as well as at the top.
        caveats=caveats.get("residents", []) + caveats.get("not_stated", []),
        wide=True,
    )
    return [main, _ratio_by_month(store, context, caveats)]


def _ratio_by_month(store: Store, context: Context, caveats: dict) -> Section:
    series = dashboard.disproportionality_by_month(store, context.area, *context.period)
    rows, bars = [], []
    for row in series:
        low, high = row["ratio_ci95"] or (None, None)
        shown = row["ratio"] is not None and not row["too_few"]
        notes = [context.month_note(row["month"], row["partial"])]
        if row["ratio"] is not None and row["too_few"]:
            notes.append(too_few_note("Black"))
        rows.append(
            [
                Cell(month_label(row["month"]), row["month"], numeric=False, header=True),
                count(row["searches"]),
                count(row["white_searches"]),
                decimal(row["ratio"]) if shown or row["ratio"] is None else too_few(),
                decimal(low if shown else None),
                decimal(high if shown else None),
                words("; ".join(n for n in notes if n)),
            ]
        )
        text = "not available" if row["ratio"] is None else f"{row['ratio']:.2f}"
        if row["ratio_ci95"]:
            text += f" ({low:.2f} to {high:.2f})"
        if row["ratio"] is not None and row["too_few"]:
            bars.append(charts.Bar(month_label(row["month"]), None, TOO_FEW_TO_COMPARE.lower()))
        elif row["partial"]:
            # A partial month's ratio rests on a handful of searches and would dwarf the
            # others: written out, not drawn.
            bars.append(charts.Bar(month_label(row["month"]), None, f"partial month: {text}"))
        else:
            bars.append(charts.Bar(month_label(row["month"]), row["ratio"], text, low, high))
    table = Table(
        "ratio-by-month",
        f"Black people's search rate compared with White people's in {context.area}, by month",
        [
            Column("Month", numeric=False),
            Column("Person searches of Black people"),
            Column("Person searches of White people"),
            Column("Ratio to the White rate"),
            Column("95% confidence interval: lower"),
            Column("95% confidence interval: upper"),
            Column("Note", numeric=False),
        ],
        rows,
    )
    chart = charts.bar_chart(
        "chart-ratio-month",
        f"Black people's search rate compared with White people's in {context.area}, by month",
        "Bar chart, one bar per month, of the Black search rate divided by the White rate, "
        "with 95% confidence intervals as whiskers and written beside each bar; the dashed "
        "line at 1 is the White rate. Partial months, and months with fewer than 10 searches "
        "of Black or of White people (too few to compare), are written out, not drawn. The "
        "table gives every figure.",
        bars,
        reference=(1.0, "1 = the White rate"),
    )
    return Section(
        "ratio-by-month",
        "Black people compared with White people, month by month",
        [table],
        [chart],
        caveats=caveats.get("partial", []),
        wide=True,
    )


def children_section(context: Context, caveats: dict) -> Section:
    children = context.summary["children"]
    by_group = children["by_ethnicity"]
    unstated = children["searches"] - sum(by_group.values())
    values = [*((g, by_group[g]) for g in GROUPS), (NOT_STATED, unstated)]
    table = Table(
        "children",
        f"Person searches of children under 18 in {context.area}, by ethnic group",
        [
            Column("Ethnic group", numeric=False),
            Column("Searches of children"),
            Column("Share of searches of children", csv_label="Share of searches of children (%)"),
        ],
        [[label(g), count(n), percent(share(n, children["searches"]))] for g, n in values]
        + [
            [
                label("All children"),
                count(children["searches"]),
                percent(share(children["searches"], children["searches"])),
            ]
        ],
    )
    chart = charts.bar_chart(
        "chart-children",
        f"Person searches of children under 18 in {context.area}, by ethnic group",
        f"Bar chart of the number of searches of children in each ethnic group; "
        f"{children['searches']:,} in all. The table beside the chart gives every figure.",
        [charts.Bar(g, n, f"{n:,}") for g, n in values],
    )
    persons = context.summary["person_searches"]
    intro = [
        f"{children['searches']:,} person searches "
        f"({percent(share(children['searches'], persons)).text} of all person searches) "
        "were of children aged under 18."
    ]
    return Section(
        "children", "Children", [table], [chart], intro=intro, caveats=caveats.get("not_stated", [])
    )


def cross_section(store: Store, context: Context) -> Section:
    pairs = dashboard.ethnicity_cross_table(store, context.area, *context.period)
    officer_values = sorted(
        {p["officer_defined"] for p in pairs}, key=lambda v: (v == dashboard.NOT_RECORDED, v)
    )
    self_values = [*GROUPS, NOT_STATED]
    grid = {(p["officer_defined"], p["self_defined"]): p["searches"] for p in pairs}
    rows = []
    for officer in officer_values:
        counts = [grid.get((officer, s), 0) for s in self_values]
        rows.append([label(officer), *map(count, counts), count(sum(counts))])
    totals = [sum(grid.get((o, s), 0) for o in officer_values) for s in self_values]
    rows.append([label("Total"), *map(count, totals), count(sum(totals))])
    table = Table(
        "officer-and-self-defined-ethnicity",
        f"Person searches in {context.area}: the officer's view of the person's ethnicity "
        "(rows) against the person's own (columns)",
        [Column("Officer-defined", numeric=False)]
        + [Column(f"Self-defined: {s}") for s in self_values]
        + [Column("Total")],
        rows,
    )
    both = sum(n for (o, s), n in grid.items() if o in GROUPS and s in GROUPS)
    same = sum(n for (o, s), n in grid.items() if o in GROUPS and o == s)
    intro = []
    if both:
        intro.append(
            f"Where both were recorded in one of the five groups, the officer's view matched "
            f"the person's own in {same:,} of {both:,} person searches ({same / both:.1%})."
        )
    caveats = []
    if "Mixed" not in officer_values and grid and totals[GROUPS.index("Mixed")]:
        caveats.append(
            Caveat(
                "Officers record no \u201cMixed\u201d group, so people who describe "
                "themselves as Mixed never match the officer's view."
            )
        )
    return Section(
        "officer-and-self-defined-ethnicity",
        "Officer-defined against self-defined ethnicity",
        [table],
        intro=intro,
        caveats=caveats,
        wide=True,
    )
