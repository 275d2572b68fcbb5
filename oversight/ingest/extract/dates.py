"""Dates, times, durations and numbers written the way UK committee papers write them.

- `find_dates(text, context)` finds calendar dates: "1st February 2020", "Monday 7
  October", "1/4/2020" and "31/3/21" (day first), "2020-04-01", and months alone
  ("March 2020" gives "2020-03"). A date without a year takes it from `context` (the
  document's date): the year in which the weekday fits, or else the nearest. Financial
  years ("2021/22") and years alone are not dates; `year_context` turns them into a
  context for a document that gives no full date.
- `month_ahead("April", context)` gives the next April from the context: a deadline.
- `find_times` / `parse_time` / `find_time_range` give 24-hour "HH:MM" from "2pm",
  "2.05pm", "5:20pm", "10.00 am", "14:15", "12 noon"; a bare "2.62" is a number, not a
  time.
- `duration_minutes` reads "(20 minutes)", "(10 minute)", "(1 hour)", "(1 hr 30 mins)".
- `number_from_words` reads "Seven" or "twenty-one" as 7 or 21.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?P<wd>mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![/\d])"

_PATTERNS = [
    # Monday 7 October 2019, 1st of February, 2020, 24 November; not "10 Sept-ember 2024"
    # (a month broken at a line's end), whose year would be lost
    re.compile(rf"\b{_WEEKDAY}{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?(?![\w/]|-[a-z])", re.I),
    # February 1, 2020 / Monday, October 7
    re.compile(rf"\b{_WEEKDAY}{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\w/:.]\d)\b", re.I),
    # 1/4/2020, 31/3/21, 01-04-2020, 1.4.2020 (dots and dashes only with a 4-digit year)
    re.compile(
        r"(?<![\d/.-])(?P<day>[0-3]?\d)(?P<sep>/)(?P<month>[01]?\d)/(?P<year>(?:19|20)?\d\d)(?![\d/])"
        r"|(?<![\d/.-])(?P<day2>[0-3]?\d)(?P<sep2>[.-])(?P<month2>[01]?\d)(?P=sep2)"
        r"(?P<year2>(?:19|20)\d\d)(?![\d.-]\d)"
    ),
    # 2020-04-01
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    # March 2020 (a month alone)
    re.compile(rf"\b{_MON},?\s+{_YEAR}(?!\s*[/-]\s*\d)", re.I),
]


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: str  # "YYYY-MM-DD" or "YYYY-MM"
    year_given: bool


def _int(m: re.Match, *names: str) -> int | None:
    for name in names:
        v = m.groupdict().get(name)
        if v:
            return int(v)
    return None


def _valid(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _infer_year(
    mo: int, d: int, weekday: int | None, context: date | None, ahead: bool = False
) -> date | None:
    """The year of a date printed without one: the weekday's year, else the nearest, or
    with `ahead` the first on or after `context` (a deadline points forward)."""
    if context is None:
        return None
    candidates = [c for y in range(context.year - 2, context.year + 3) if (c := _valid(y, mo, d))]
    if weekday is not None:
        fitting = [c for c in candidates if c.weekday() == weekday]
        candidates = fitting or candidates
    elif ahead:
        candidates = [c for c in candidates if c >= context] or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - context).days))


def find_dates(text: str, context: date | None = None, *, ahead: bool = False) -> list[DateHit]:
    """Every date in `text`, left to right, longest reading first. A date without a year
    is read against `context`; with `ahead` (deadlines) it is the next one from there."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mon = m.groupdict().get("mon")
            if mon and mon == "may" and not m.group(0)[0].isdigit():
                continue  # the verb "may", not the month
            if mon:
                month = MONTHS[mon[:3].casefold()]
            else:
                month = _int(m, "month", "month2")
            year = _int(m, "year", "year2")
            if year is not None and year < 100:
                year += 2000
            day = _int(m, "day", "day2")
            wd = m.groupdict().get("wd")
            weekday = WEEKDAYS[wd[:3].casefold()] if wd else None
            if month is None or not 1 <= month <= 12:
                continue
            if day is None:
                if year is None:
                    continue
                value = f"{year:04d}-{month:02d}"
            else:
                found = (
                    _valid(year, month, day)
                    if year
                    else _infer_year(month, day, weekday, context, ahead)
                )
                if found is None:
                    continue
                value = found.isoformat()
            hits.append(DateHit(m.start(), m.end(), value, year is not None))
            taken.append((m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


_BARE_MONTH = re.compile(rf"^{_MON}(?![\w/-]|\s*,?\s*\d)", re.I)


def month_ahead(text: str, context: date | None) -> str | None:
    """ "YYYY-MM" for a month named without a year at the start of text ("April"): the
    first such month from the context's month on, as a deadline is never in the past."""
    m = _BARE_MONTH.match(text)
    if not m or context is None or m["mon"].casefold() == "may" and text[:1] == "m":
        return None
    month = MONTHS[m["mon"][:3].casefold()]
    year = context.year + (month < context.month)
    return f"{year:04d}-{month:02d}"


_FINANCIAL_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)/(?:\d\d|(?:19|20)\d\d)\b")
_A_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d\d)\b")


def year_context(texts: list[str]) -> date | None:
    """A date to read year-less dates against when a document names only its year or
    financial year ("Q2 2023/24" gives 1 October 2023, the middle of that year)."""
    for text in texts:
        if m := _FINANCIAL_YEAR.search(text):
            return date(int(m["y"]), 10, 1)
    for text in texts:
        if m := _A_YEAR.search(text):
            return date(int(m["y"]), 7, 1)
    return None


def first_date(
    text: str, context: date | None = None, *, whole_day: bool = False, ahead: bool = False
) -> str | None:
    for hit in find_dates(text, context, ahead=ahead):
        if not whole_day or len(hit.value) == 10:
            return hit.value
    return None


def as_date(value: str | None) -> date | None:
    if value and len(value) == 10:
        return date.fromisoformat(value)
    return None


# --- times ------------------------------------------------------------------------------

_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_TIME_12 = re.compile(
    rf"(?<![\d.:£$])(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<min>[0-5]\d))?\s*{_AMPM}", re.I
)
_TIME_24 = re.compile(r"(?<![\d.:£$])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])")
_NOON = re.compile(r"\b(?:12\s*)?(?:noon|midday)\b", re.I)
# A cell that is a time and nothing else may use a dot: "14.15".
_CELL_TIME = re.compile(
    rf"^\s*(?P<h>[01]?\d|2[0-3])(?:[.:](?P<min>[0-5]\d))?\s*(?:{_AMPM})?(?=\W|$)", re.I
)


def _hhmm(h: int, minute: int, ap: str | None) -> str | None:
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap.casefold() == "p" else 0)
    if not (0 <= h <= 23 and 0 <= minute <= 59):
        return None
    return f"{h:02d}:{minute:02d}"


def find_times(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "HH:MM") for each clock time written with am/pm or a colon."""
    out: list[tuple[int, int, str]] = []
    for pattern in (_TIME_12, _TIME_24, _NOON):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in out):
                continue
            if pattern is _NOON:
                value = "12:00"
            else:
                value = _hhmm(int(m["h"]), int(m["min"] or 0), m.groupdict().get("ap"))
            if value:
                out.append((m.start(), m.end(), value))
    return sorted(out)


def _day_hour(h: int, ap: str | None, raw_hour: str) -> int:
    """An hour printed without am/pm from 1 to 7 ("2.30") is in the afternoon: committee
    meetings do not sit at 2.30 in the morning. "07:30" (leading zero) stays morning."""
    if ap is None and 1 <= h <= 7 and not raw_hour.startswith("0"):
        return h + 12
    return h


def parse_time(cell: str) -> tuple[str, int] | None:
    """A time, or the start of a time range, at the start of a table cell ("2.05pm",
    "14.15", "2.00-2.30pm", "2pm (20 minutes)"): ("HH:MM", end offset), or None. A bare
    hour ("2") is not taken for a time."""
    if (m := _RANGE.match(cell.lstrip())) and (pair := _range_values(m)):
        return pair[0], len(cell) - len(cell.lstrip()) + m.end()
    m = _CELL_TIME.match(cell)
    if not m or (m["min"] is None and m["ap"] is None):
        return None
    value = _hhmm(_day_hour(int(m["h"]), m["ap"], m["h"]), int(m["min"] or 0), m["ap"])
    return (value, m.end()) if value else None


_RANGE = re.compile(
    r"(?<![\d.:£$])(?P<h1>[012]?\d)(?:[.:](?P<m1>[0-5]\d))?\s*(?:(?P<ap1>[ap])\.?\s?m\b\.?)?\s*"
    r"(?:-|–|—|to|until|till)\s*"
    r"(?P<h2>[012]?\d)(?:[.:](?P<m2>[0-5]\d))?\s*(?:(?P<ap2>[ap])\.?\s?m\b\.?)?",
    re.I,
)


def _range_values(m: re.Match) -> tuple[str, str] | None:
    ap1, ap2 = m["ap1"], m["ap2"]
    if not (ap1 or ap2 or (m["m1"] and m["m2"])):
        return None
    h1 = _day_hour(int(m["h1"]), ap1 or ap2, m["h1"])
    h2 = _day_hour(int(m["h2"]), ap2 or ap1, m["h2"])
    m1, m2 = int(m["m1"] or 0), int(m["m2"] or 0)
    if ap2 and not ap1:
        start, end = _hhmm(h1, m1, ap2), _hhmm(h2, m2, ap2)
        if start and end and start > end:
            start = _hhmm(h1, m1, "a")
    else:
        start, end = _hhmm(h1, m1, ap1), _hhmm(h2, m2, ap2 or ap1)
    return (start, end) if start and end and start < end else None


def find_time_range(text: str) -> tuple[str, str] | None:
    """The first "2pm - 4pm", "2 - 4pm", "14:00–16:00", "10am – 12 noon" in text:
    (start, end)."""
    if "noon" in text or "midday" in text:
        text = _NOON.sub("12pm", text)
    for m in _RANGE.finditer(text):
        if pair := _range_values(m):
            return pair
    return None


# --- durations and numbers --------------------------------------------------------------

_DURATION = re.compile(
    r"\(\s*(?:(?P<h>\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\b\s*(?:and\s*)?)?"
    r"(?:(?P<m>\d+)\s*(?:minutes?|mins?)\b)?\s*\)",
    re.I,
)


def find_duration(text: str) -> tuple[int, int, int] | None:
    """(start, end, minutes) of the first "(20 minutes)" / "(1 hour)" in text."""
    for m in _DURATION.finditer(text):
        if m["h"] is None and m["m"] is None:
            continue
        minutes = round(float(m["h"] or 0) * 60) + int(m["m"] or 0)
        return m.start(), m.end(), minutes
    return None


def duration_minutes(text: str) -> int | None:
    found = find_duration(text)
    return found[2] if found else None


_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


def number_from_words(s: str) -> int | None:
    parts = re.split(r"[\s-]+", s.strip().casefold())
    if len(parts) == 1:
        return _UNITS.get(parts[0], _TENS.get(parts[0]))
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS and _UNITS[parts[1]] < 10:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def number_token(s: str) -> str | None:
    """The contract's number string for "7", "7a", "(7)", "Seven"; else None."""
    s = s.strip().strip("().:").strip()
    if re.fullmatch(r"\d{1,3}[a-z]?", s, re.I):
        return s.lstrip("0").lower() or "0"
    n = number_from_words(s)
    return str(n) if n is not None else None
