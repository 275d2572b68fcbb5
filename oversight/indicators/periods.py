"""Periods of figures: a label as people write it ("2018/19", "2021-Q1", "2021-06") and
the date the period starts, which orders the series and identifies a value.

The rule for reading a label (used when no start date is given):

- "2021-06" is a month: it starts on 1 June 2021.
- "2021-Q1" is a calendar quarter: Q1 starts 1 January, Q2 1 April, Q3 1 July, Q4 1
  October. (A financial quarter such as April to June needs its start date given.)
- "2018/19" (also "2018-19", "2018/2019") is a year spanning two: for an indicator
  counted by academic year it starts 1 September 2018; otherwise it is a financial
  year and starts 1 April 2018.
- "2021" is a calendar year: it starts 1 January 2021.
- "2021-06-01" is that date.

Any other label ("Apr-Jun 2021") is kept as written, and the start date must be given.
"""

from __future__ import annotations

import re
from datetime import date

MONTHLY = "monthly"
QUARTERLY = "quarterly"
ANNUAL = "annual"
ACADEMIC_YEAR = "academic_year"

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})[- ]?Q([1-4])$", re.IGNORECASE)
_SPLIT_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


def start_from_label(label: str, frequency: str) -> date | None:
    """The start of the period `label` names (see the module's rule), or None when the
    label is not one of the recognised forms or names an impossible date."""
    label = (label or "").strip()
    try:
        if m := _MONTH.match(label):
            return date(int(m[1]), int(m[2]), 1)
        if m := _QUARTER.match(label):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if m := _SPLIT_YEAR.match(label):
            first, second = int(m[1]), int(m[2])
            # "2018/19" and "2018/2019" only: a range such as "2018/21" is not one year.
            if second not in {(first + 1) % 100, first + 1}:
                return None
            return date(first, 9 if frequency == ACADEMIC_YEAR else 4, 1)
        if m := _YEAR.match(label):
            return date(int(m[1]), 1, 1)
        return date.fromisoformat(label)
    except ValueError:
        return None


def label_for(start: date, frequency: str) -> str:
    """The usual label of the period starting on `start`, for when only a date is given."""
    if frequency == MONTHLY:
        return f"{start.year}-{start.month:02d}"
    if frequency == QUARTERLY and start.day == 1 and start.month in {1, 4, 7, 10}:
        return f"{start.year}-Q{(start.month + 2) // 3}"
    if frequency in {ANNUAL, ACADEMIC_YEAR} and start.day == 1:
        if start.month == 1 and frequency == ANNUAL:
            return str(start.year)
        return f"{start.year}/{(start.year + 1) % 100:02d}"
    return start.isoformat()
