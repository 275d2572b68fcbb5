"""The building blocks of the stop-and-search pages: tables whose cells are kept both
as shown and as written to CSV, caveats, sections, and the formatting they share.

A `Cell` holds its value twice over: as shown on the page (`text`: "5,586", "18.1%")
and as written to the table's CSV (`csv`: "5586", "18.1" under a heading ending "(%)"):
the same number at the same precision, so a download never disagrees with the page.
Rates per 1,000 and ratios are shown to 2 decimals (as summary() rounds them), shares
as percentages to 1 decimal; a figure that cannot be worked out is NOT_AVAILABLE on
the page and blank in the CSV. A ratio to the White rate from too few searches
(definitions.too_few_to_compare) is the words "Too few searches to compare" on the page
and blank in the CSV, with the reason in the row's "Note" column, so a spreadsheet never
reads a number that is not there.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from .definitions import (
    MIN_SEARCHES_TO_COMPARE,
    MONTH_LABELS,
    NOT_PUBLISHED,
    OTHER_FORCE_ONLY,
    PARTIAL,
    TOO_FEW_TO_COMPARE,
    shift_month,
)

NOT_AVAILABLE = "–"  # shown for a figure that cannot be worked out; blank in the CSV


@dataclass(frozen=True)
class Cell:
    text: str  # as shown on the page
    csv: str  # as written to the CSV
    numeric: bool = True  # right-aligned
    header: bool = False  # the row's header: <th scope="row">


@dataclass(frozen=True)
class Column:
    label: str  # on the page
    numeric: bool = True
    csv_label: str = ""  # in the CSV header, when it differs (units)

    @property
    def csv_heading(self) -> str:
        return self.csv_label or self.label


@dataclass
class Table:
    slug: str  # the CSV's name: /stop-and-search/<area>/<slug>.csv
    caption: str
    columns: list[Column]
    rows: list[list[Cell]]

    def csv_rows(self) -> list[list[str]]:
        return [[c.csv_heading for c in self.columns]] + [[c.csv for c in r] for r in self.rows]


@dataclass(frozen=True)
class Caveat:
    text: str
    warning: bool = False  # GOV.UK warning text (changes every figure) vs inset text


@dataclass
class Section:
    slug: str  # the heading's id, for the contents list
    heading: str
    tables: list[Table]
    charts: list[SafeString] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)  # sentences before the chart
    caveats: list[Caveat] = field(default_factory=list)
    wide: bool = False  # table under the chart rather than beside it


def month_label(month: str) -> str:
    return f"{calendar.month_name[int(month[5:])]} {month[:4]}"


def period_label(month_from: str, month_to: str) -> str:
    if month_from == month_to:
        return month_label(month_from)
    return f"{month_label(month_from)} to {month_label(month_to)}"


def months_phrase(months: list[str]) -> str:
    """ "March 2018", "March 2018 and May 2018", runs as "April 2019 to June 2020"."""
    runs: list[list[str]] = []
    for m in months:
        if runs and shift_month(runs[-1][-1], 1) == m:
            runs[-1].append(m)
        else:
            runs.append([m])
    parts = []
    for run in runs:
        if len(run) <= 2:
            parts.extend(month_label(m) for m in run)
        else:
            parts.append(f"{month_label(run[0])} to {month_label(run[-1])}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def force_name(force: str) -> str:
    """A data.police.uk force id as people say it: "metropolitan" is the Metropolitan
    Police Service."""
    known = {
        "metropolitan": "Metropolitan Police Service",
        "city-of-london": "City of London Police",
    }
    if force in known:
        return known[force]
    small = {"and", "of", "the"}
    words = [w if w in small else w.capitalize() for w in force.split("-")]
    return " ".join(words) + " Police"


def label(text: str) -> Cell:
    return Cell(text, text, numeric=False, header=True)


def words(text: str) -> Cell:
    return Cell(text, text, numeric=False)


def count(n: int) -> Cell:
    return Cell(f"{n:,}", str(n))


def decimal(x: float | None) -> Cell:
    return Cell(NOT_AVAILABLE, "") if x is None else Cell(f"{x:,.2f}", f"{x:.2f}")


def too_few() -> Cell:
    """A ratio (or its interval) from too few searches: words, blank in the CSV."""
    return Cell(TOO_FEW_TO_COMPARE, "", numeric=False)


def too_few_note(group: str) -> str:
    """Why a row's ratio is not shown, for its "Note" cell."""
    return (
        f"{TOO_FEW_TO_COMPARE}: fewer than {MIN_SEARCHES_TO_COMPARE} person searches of "
        f"{group} people or of White people"
    )


def percent(share: float | None, *, signed: bool = False) -> Cell:
    if share is None:
        return Cell(NOT_AVAILABLE, "")
    sign = "+" if signed else ""
    return Cell(f"{share * 100:{sign},.1f}%", f"{share * 100:{sign}.1f}")


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Context:
    """What every section of one dashboard shares: the summary, and what the
    covering force(s) published in the period."""

    summary: dict
    forces: list[str]
    published: dict[str, dict]  # what the covering forces published, by month (all months)
    # definitions.month_status of each month of the period (dashboard.volume_by_month)
    statuses: dict[str, str] = field(default_factory=dict)

    @property
    def area(self) -> str:
        return self.summary["area"]

    @property
    def period(self) -> tuple[str, str]:
        return self.summary["from"], self.summary["to"]

    @property
    def force_names(self) -> str:
        return " and ".join(force_name(f) for f in self.forces) or "the police"

    @property
    def published_in_period(self) -> dict[str, dict]:
        first, last = self.period
        return {m: p for m, p in self.published.items() if first <= m <= last}

    def month_note(self, month: str, partial: bool) -> str:
        """The month's label by what its records say (definitions.MONTH_LABELS), with
        whose records they are: "No records published by the Metropolitan Police
        Service", "Records from another force only: ...", "Partial month" or ""."""
        status = self.statuses.get(month)
        if status is None:  # outside the period: only what was published is known
            status = NOT_PUBLISHED if month not in self.published else (PARTIAL if partial else "")
        if status == NOT_PUBLISHED:
            return f"{MONTH_LABELS[NOT_PUBLISHED]} by the {self.force_names}"
        if status == OTHER_FORCE_ONLY:
            return f"{MONTH_LABELS[OTHER_FORCE_ONLY]}: the {self.force_names} published none"
        return MONTH_LABELS.get(status, "")
