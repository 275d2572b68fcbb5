"""One table row or paragraph read as the start of an agenda item: its number, title,
start time, duration and lead (the presenters), or None when it opens no item.

- rows of a table of minutes whose first cell numbers and names the item ("1. Welcome"),
  or holds a minute's reference ("TB/24/103") beside its title;
- rows of an agenda table: a number cell ("3.", "Item 3"), a time cell ("2.15pm",
  "14:15", "2.00-2.30pm", with or without "(20 minutes)"), the title, and the lead in
  the last column; a paper or purpose column ("Paper A", "For assurance") is no lead;
- paragraphs holding "4. 2.35pm (20 minutes)" (title and lead on the lines after),
  "3.20pm Title (40 minutes)", or a number and time inside the text ("Title Cllr 6.
  3.10pm (10 minute) Name Context: ...", where the lead's title stayed before the
  number), or fields set apart by dashes ("Item 4 – 18:40 – Youth Justice Plan (15
  mins) – Head of Service"; a lead after a dash may be a role, leads apart are split at
  semicolons, "Name, Role" gives the name). A 24-hour time opens an item only with a
  colon ("20:45"), so "2.62" in notes is no time;
- numbered lines ("3. Minutes of the previous meeting") and minute references with the
  year ("23/45 Minutes of the previous meeting"; the part that is not the year numbers
  the item), unless only timed items are wanted.
"""

from __future__ import annotations

import re

from . import dates
from .layout import Para, Row
from .meetings import LABEL
from .people import TITLES, looks_like_person, split_names, strip_titles
from .text import ends_sentence, squash

_NUM_CELL = re.compile(r"^(?:(?:agenda\s+)?item\s*)?(\d{1,2}[a-z]?)[.)]?$", re.I)
# "3. 2.15pm", "Item 4 – 18:40 – Title": a number, then the time, maybe after a dash.
_NUM_TIME = re.compile(
    r"^(?:(?:agenda\s+)?item\s*)?(\d{1,2}[a-z]?)[.)]?(?:\s*[-–—|]\s*|\s+)(?=\d)", re.I
)
# A time opening an item's line: "3.20pm Title", "20:45 – Title" (24-hour with a colon).
_LEADING_TIME = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)", re.I
)
# A dash between the fields of an item's line ("Title (15 mins) – Head of Service").
_FIELD_DASH = re.compile(r"^\s*[-–—|]\s+")
_FIELD_SPLIT = re.compile(r"\s+[-–—|]\s+")
_MID_NUM_TIME = re.compile(r"\s(\d{1,2})[.)]\s+(?=\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m)", re.I)
NUMBERED = re.compile(
    r"^(?:(?:agenda\s+)?item\s+)?(\d{1,2}[a-z]?)(?:[.):]|\s+[-–])?\s+(?P<title>\S.*)$", re.I
)
# A minute's reference heading its minute ("23/45 Minutes of the previous meeting",
# "CSP 45/23 Apologies", "ICB/25/04 Finance report"): its number with the year's.
MINUTE_REF = re.compile(
    r"^(?:[A-Z]{2,6}(?:\s*|/))?(?P<a>\d{1,3})/(?P<b>\d{1,3})\.?\s+(?P<title>[A-Z].*)$"
)
ONLY_DURATION = re.compile(r"^\(?\s*\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?)\s*\)?$", re.I)
_TITLE_END = re.compile(
    r"\s+(?:Date of (?:the )?next\b|(?:Context|Role of (?:the )?group|Purpose|Papers?|Key points"
    r"|Attendees|Present|Lead|Presenters?|Update|Actions?|Decision|Outcome|Background)\s*:)",
    re.I,
)
# A paper column's entry ("Paper A", "Verbal", "Enc. 2", a letter alone as "B" or "C2"):
# what is tabled, not who leads.
_PAPER = re.compile(
    r"^(?:papers?|reports?|enc(?:losure)?s?\.?|appendix|annex|doc(?:ument)?)\s*[\w.]{0,4}$"
    r"|^[A-Z]\d{0,2}$"
    r"|^(?:verbal(?:\s+(?:update|report))?|presentation|slides|to follow|attached|tabled"
    r"|to note|n/?a|none|[-–—])$",
    re.I,
)
# A purpose column's entry ("For assurance", "To note", "Decision"): why the item comes,
# not who leads it.
_PURPOSE = re.compile(
    r"^(?:(?:for|to)\s+)?(?:note|noting|information|decision|approval|approve|assurance"
    r"|discussion|discuss|endorsement|endorse|agreement|agree|ratification|ratify|consideration"
    r"|consider|comment|receive)(?:\s*(?:and|/|&)\s*(?:\w+))?$",
    re.I,
)
# An unnumbered pause in a timed agenda ("Comfort break", "Lunch"), not an item.
_PAUSE = re.compile(
    r"^(?:(?:comfort|short|lunch|tea|coffee)\s+)?break$|^(?:lunch|refreshments|close"
    r"|meeting (?:close|closes|ends))$",
    re.I,
)


BARE_ROLES = {"chair", "the chair", "all", "co-chairs", "vice chair"}


def leading_number(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def cut_title(text: str) -> str:
    text = _TITLE_END.split(text, maxsplit=1)[0]
    return squash(text).strip(" -–:,")


def lead_names(text: str, *, column: bool = False) -> list[str]:
    """The names in a lead: "Mike Hamer / Marcus Barnett" gives both. Text from a lead
    column is kept as printed when it names no person ("Director of Public Health",
    "Chair"); elsewhere only names count."""
    text = squash(text)
    if not text:
        return []
    if text.casefold().strip(".") in BARE_ROLES:
        return [text]
    names = [n for n in split_names(text) if n]
    if names and all(looks_like_person(n) or n.casefold() == "chair" for n in names):
        # "Cllr Joanne Pike, Chair": the name, its role beside it no second presenter
        return [n for n in names if n.casefold() != "chair"] or names
    return [text] if column and len(text.split()) <= 8 and not LABEL.match(text) else []


def _lead_field(text: str) -> list[str]:
    """The presenters in a lead column or a lead field after a dash: leads apart are
    split at semicolons; "Paul Senior, Director of Education" gives the name; a role
    without a name ("Head of Youth Justice Service") is kept as printed."""
    out: list[str] = []
    for part in re.split(r"\s*;\s*", squash(text)):
        names = lead_names(part)
        if not names:
            head = part.split(",")[0]
            named = "," in part and looks_like_person(head) and len(strip_titles(head).split()) > 1
            names = [head] if named else lead_names(part, column=True)
        out.extend(n for n in names if n not in out)
    return out


# A minute's reference alone in its cell ("TB/24/103" | "Quality report" ...).
_REF_CELL = re.compile(r"^(?:[A-Z]{2,6}(?:\s*|/))?(?P<a>\d{1,3})/(?P<b>\d{1,3})$")


def row_anchor(row: Row, year: int | None = None) -> dict | None:
    filled = row.filled()
    if not filled:
        return None
    texts = row.texts
    if (ref := _REF_CELL.match(texts[filled[0]].strip())) and len(filled) >= 2:
        # minutes set as a table: the reference, then the minute under its title
        title = row.cells[filled[1]][0].text if row.cells[filled[1]] else ""
        if title and len(title.split()) <= 12 and not ends_sentence(title):
            return {
                "number": _minute_number(ref["a"], ref["b"], year),
                "title": cut_title(title),
                "start": None,
                "duration": None,
                "lead": [],
                "marked": True,
            }
        return None
    num = _NUM_CELL.match(texts[filled[0]])
    if not num and (inline := NUMBERED.match(texts[filled[0]])):
        # "1. Welcome and apologies" | notes | actions: a table of minutes, its first
        # cell the item; the other cells are what was said and done, not a lead.
        if len(inline["title"].split()) <= 12 and not dates.parse_time(inline["title"]):
            return {
                "number": inline.group(1),
                "title": inline["title"],
                "start": None,
                "duration": dates.duration_minutes(inline["title"]),
                "lead": [],
            }
    rest_idx = filled[1:] if num else filled
    start = duration = None
    rest: list[str] = []
    for i in rest_idx:
        t = texts[i]
        if not num and start is not None and not rest and (late := _NUM_CELL.match(t)):
            # "10:05 | 2 | Declarations of interest": the time column before the number's
            num = late
            continue
        if start is None and not rest and (pt := dates.parse_time(t)):
            start = pt[0]
            t = t[pt[1] :].strip()
            if (found := dates.find_duration(t)) and duration is None:
                duration = found[2]
                t = (t[: found[0]] + t[found[1] :]).strip()
            if not t:
                continue
        if duration is None and ONLY_DURATION.match(t):
            duration = dates.duration_minutes(t if t.startswith("(") else f"({t})")
            continue
        if rest and start is None and (pt := dates.parse_time(t)) and not t[pt[1] :].strip(" -–—"):
            # "Item | Subject | Lead | Time": the time column after the title
            start = pt[0]
            continue
        if rest and _PURPOSE.match(t):
            continue
        rest.append(t)
    if not num and start is None:
        return None
    if not rest and start is None:
        return None
    while len(rest) >= 2 and _PAPER.match(rest[-1]):
        rest.pop()
    title = rest[0] if rest else ""
    if duration is None and (found := dates.find_duration(title)):
        # "Youth diversion (20 mins)" in the title's cell
        duration = found[2]
        title = squash(title[: found[0]] + title[found[1] :])
    if not num and _PAUSE.match(title.strip(" .")):
        return None
    lead = _lead_field(rest[-1]) if len(rest) >= 2 else []
    return {
        "number": num.group(1) if num else None,
        "title": title,
        "start": start,
        "duration": duration,
        "lead": lead,
    }


def _minute_number(first: str, second: str, year: int | None) -> str:
    """The item's number in a minute reference "23/45" or "45/23": the part that is not
    the year (the calendar or municipal year of the meeting), else the second. A number
    padded to three digits ("TB 24/057") is item 57."""
    years = {f"{y % 100:02d}" for y in (year, year - 1)} if year else set()
    if first.zfill(2) in years and second.zfill(2) not in years:
        return str(int(second))
    if second.zfill(2) in years and first.zfill(2) not in years:
        return str(int(first))
    return str(int(second))


def para_anchor(p: Para, expected: int, timed_only: bool, year: int | None) -> dict | None:
    text = p.text
    if m := _NUM_TIME.match(text):
        pt = dates.parse_time(text[m.end() :])
        if pt:
            return _after_time(m.group(1), "", text[m.end() + pt[1] :], pt[0])
    if (pt := dates.parse_time(text)) and _LEADING_TIME.match(text):
        return _after_time(None, "", text[pt[1] :], pt[0])
    if m := _MID_NUM_TIME.search(text):
        if leading_number(m.group(1)) == expected and m.start() < 120:
            pt = dates.parse_time(text[m.end() :])
            if pt:
                return _after_time(m.group(1), text[: m.start()], text[m.end() + pt[1] :], pt[0])
    if timed_only or p.bullet:
        return None
    if p.heading and (m := MINUTE_REF.match(text)) and len(text.split()) <= 16:
        return {
            "number": _minute_number(m["a"], m["b"], year),
            "title": cut_title(m["title"]),
            "start": None,
            "duration": None,
            "lead": [],
        }
    m = NUMBERED.match(text)
    # A numbered line is an item when short, or when a list item without a full stop
    # (an agenda's long titles wrap: "5. Draft Revenue Budget ... (Pages 85 - 276)").
    short = len(text.split()) <= 15 or (
        p.label and len(text.split()) <= 40 and not ends_sentence(text)
    )
    if m and short and not re.match(r"\d+\.\d", text):
        title = m["title"]
        lead: list[str] = []
        if lm := re.match(r"^(?P<t>.+?)\s*(?:[-–—]\s+|\()(?P<who>[^()]+?)\)?$", title):
            if names := lead_names(lm["who"]):
                title, lead = lm["t"], names
        return {
            "number": m.group(1),
            "title": cut_title(title),
            "start": None,
            "duration": dates.duration_minutes(text),
            "lead": lead,
        }
    return None


def _after_time(number: str | None, before: str, after: str, start: str) -> dict:
    """Split the text around an item's time into title, duration and lead. A lead set off
    by a dash after the duration is a field of its own, so a role counts as the lead."""
    after = _FIELD_DASH.sub("", after)
    duration = None
    found = dates.find_duration(after)
    title_part, lead_part = after, ""
    if found and found[0] < 200:
        duration = found[2]
        title_part, lead_part = after[: found[0]], after[found[1] :]
    before = squash(before)
    lead: list[str] = []
    if before:
        # "Title Cllr 6. 3.10pm (10 minute) Fajana-Thomas Context: ...": the lead's title
        # word stayed before the number, the name came after the time.
        words = before.split()
        honorific = ""
        if words and words[-1].casefold().strip(".") in TITLES:
            honorific = words.pop()
        title = " ".join(words)
        who = _TITLE_END.split(squash(lead_part or title_part), maxsplit=1)[0].strip()
        if who and len(who.split()) <= 4:
            lead = lead_names(f"{honorific} {who}".strip())
    elif _FIELD_DASH.match(lead_part):
        title = cut_title(title_part)
        lead = _lead_field(_TITLE_END.split(_FIELD_DASH.sub("", lead_part), maxsplit=1)[0])
    else:
        title = cut_title(title_part)
        who = _TITLE_END.split(squash(lead_part), maxsplit=1)[0].strip()
        if not who and (fields := _FIELD_SPLIT.split(title)) and len(fields) > 1:
            # "Title – Mike Hamer" without a duration: the last field when it names people.
            if names := lead_names(fields[-1]):
                title, lead = " – ".join(fields[:-1]), names
        elif who and len(who.split()) <= 4:
            lead = lead_names(who)
    return {
        "number": number,
        "title": squash(title),
        "start": start,
        "duration": duration,
        "lead": lead,
    }
