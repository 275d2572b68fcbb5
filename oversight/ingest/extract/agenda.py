"""Agenda items: number, title, start time, duration and presenters.

- rows of a table of minutes whose first cell numbers and names the item ("1. Welcome");
- rows of an agenda table: a number cell ("3.", "Item 3"), a time cell ("2.15pm",
  "14:15", "2.00-2.30pm", with or without "(20 minutes)"), the title, and the lead in
  the last column; a duration alone in the row after ("(5 minutes)") belongs to it;
- paragraphs holding "4. 2.35pm (20 minutes)" (title and lead on the lines after),
  "3.20pm Title (40 minutes)", or a number and time inside the text ("Title Cllr 6.
  3.10pm (10 minute) Name Context: ...", where the lead's title stayed before the
  number), or fields set apart by dashes ("Item 4 – 18:40 – Youth Justice Plan (15
  mins) – Head of Service"; a lead after a dash may be a role, leads apart are split at
  semicolons, "Name, Role" gives the name). A 24-hour time opens an item only with a
  colon ("20:45"), so "2.62" in notes is no time;
- numbered headings ("3. Minutes of the previous meeting") when no item has a time;
  minutes may number their items through the year, so a heading may start at "31.",
  or give them a reference with the year ("23/45 Minutes of the previous meeting");
- an item without a number takes the next one in sequence. Numbers must rise ("5b"
  rises from "5a") and times must not go back, so numbered lists in an item's notes
  are not taken for items;
- an item with no lead column takes its presenters from the names printed alone or in
  bold within it; a title printed after the previous item's notes in the same cell is
  found at the end of that cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .layout import Block, Para, Row, flatten, paras_of
from .meetings import ATTENDEE_LABEL, LABEL
from .people import TITLES, People, looks_like_person, split_names, strip_titles
from .text import Seg, ends_sentence, squash

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
_NUMBERED = re.compile(
    r"^(?:(?:agenda\s+)?item\s+)?(\d{1,2}[a-z]?)(?:[.):]|\s+[-–])?\s+(?P<title>\S.*)$", re.I
)
# A minute's reference heading its minute ("23/45 Minutes of the previous meeting",
# "CSP 45/23 Apologies", "ICB/25/04 Finance report"): its number with the year's.
_MINUTE_REF = re.compile(
    r"^(?:[A-Z]{2,6}(?:\s*|/))?(?P<a>\d{1,3})/(?P<b>\d{1,3})\.?\s+(?P<title>[A-Z].*)$"
)
_ONLY_DURATION = re.compile(r"^\(?\s*\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?)\s*\)?$", re.I)
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
_ACTION_HEADER = re.compile(r"^(?:actions?|action(?:s)? agreed|agreed actions?)$", re.I)
_OWNER_HEADER = re.compile(r"^(?:owner|lead|by whom|who|responsible|due|deadline|by when)$", re.I)
# "Item | Notes | Actions": the items of minutes, with what each agreed to do.
_ITEM_HEADER = re.compile(r"^(?:(?:agenda\s+)?items?|notes|discussion|minutes?|subject)$", re.I)
_BARE_ROLES = {"chair", "the chair", "all", "co-chairs", "vice chair"}
_LEAD_LABEL = re.compile(
    r"^(?:lead|leads|presenter|presenters|presented by|lead officer)\s*[:–-]?\s*(?P<who>.+)$", re.I
)


@dataclass
class AgendaItem:
    number: str | None
    title: str | None
    start: str | None
    duration: int | None
    presenters: list[str]
    seg: Seg
    index: int  # block index of the anchor
    needs_title: bool = False
    has_lead: bool = False
    # Found by a cue only meetings print (a time, "(Item 4)", a list under "Agenda"),
    # not by numbering alone, which reports share.
    strong: bool = False

    def record(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "start": self.start,
            "duration_minutes": self.duration,
            "presenters": self.presenters,
        }


def _num(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))


def _title_from_notes(text: str) -> str | None:
    """The title at the end of a cell that begins with the previous item's notes: the
    trailing run of words after the last stretch of four lowercase words."""
    tokens = text.split()
    best, run = None, 0
    for i in range(len(tokens) - 1, -1, -1):
        first = tokens[i][0]
        if first.islower():
            run += 1
            if run >= 4:
                break
        elif first.isupper() or first.isdigit():
            run = 0
            if first.isupper():
                best = i
    if best is None:
        return None
    title = " ".join(tokens[best:])
    return title if len(title.split()) <= 25 else None


def _cut_title(text: str) -> str:
    text = _TITLE_END.split(text, maxsplit=1)[0]
    return squash(text).strip(" -–:,")


def _lead_names(text: str, *, column: bool = False) -> list[str]:
    """The names in a lead: "Mike Hamer / Marcus Barnett" gives both. Text from a lead
    column is kept as printed when it names no person ("Director of Public Health",
    "Chair"); elsewhere only names count."""
    text = squash(text)
    if not text:
        return []
    if text.casefold().strip(".") in _BARE_ROLES:
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
        names = _lead_names(part)
        if not names:
            head = part.split(",")[0]
            named = "," in part and looks_like_person(head) and len(strip_titles(head).split()) > 1
            names = [head] if named else _lead_names(part, column=True)
        out.extend(n for n in names if n not in out)
    return out


# A minute's reference alone in its cell ("TB/24/103" | "Quality report" ...).
_REF_CELL = re.compile(r"^(?:[A-Z]{2,6}(?:\s*|/))?(?P<a>\d{1,3})/(?P<b>\d{1,3})$")


def _row_anchor(row: Row, year: int | None = None) -> dict | None:
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
                "title": _cut_title(title),
                "start": None,
                "duration": None,
                "lead": [],
                "marked": True,
            }
        return None
    num = _NUM_CELL.match(texts[filled[0]])
    if not num and (inline := _NUMBERED.match(texts[filled[0]])):
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
        if duration is None and _ONLY_DURATION.match(t):
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


def _para_anchor(p: Para, expected: int, timed_only: bool, year: int | None) -> dict | None:
    text = p.text
    if m := _NUM_TIME.match(text):
        pt = dates.parse_time(text[m.end() :])
        if pt:
            return _after_time(m.group(1), "", text[m.end() + pt[1] :], pt[0])
    if (pt := dates.parse_time(text)) and _LEADING_TIME.match(text):
        return _after_time(None, "", text[pt[1] :], pt[0])
    if m := _MID_NUM_TIME.search(text):
        if _num(m.group(1)) == expected and m.start() < 120:
            pt = dates.parse_time(text[m.end() :])
            if pt:
                return _after_time(m.group(1), text[: m.start()], text[m.end() + pt[1] :], pt[0])
    if timed_only or p.bullet:
        return None
    if p.heading and (m := _MINUTE_REF.match(text)) and len(text.split()) <= 16:
        return {
            "number": _minute_number(m["a"], m["b"], year),
            "title": _cut_title(m["title"]),
            "start": None,
            "duration": None,
            "lead": [],
        }
    m = _NUMBERED.match(text)
    # A numbered line is an item when short, or when a list item without a full stop
    # (an agenda's long titles wrap: "5. Draft Revenue Budget ... (Pages 85 - 276)").
    short = len(text.split()) <= 15 or (
        p.label and len(text.split()) <= 40 and not ends_sentence(text)
    )
    if m and short and not re.match(r"\d+\.\d", text):
        title = m["title"]
        lead: list[str] = []
        if lm := re.match(r"^(?P<t>.+?)\s*(?:[-–—]\s+|\()(?P<who>[^()]+?)\)?$", title):
            if names := _lead_names(lm["who"]):
                title, lead = lm["t"], names
        return {
            "number": m.group(1),
            "title": _cut_title(title),
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
            lead = _lead_names(f"{honorific} {who}".strip())
    elif _FIELD_DASH.match(lead_part):
        title = _cut_title(title_part)
        lead = _lead_field(_TITLE_END.split(_FIELD_DASH.sub("", lead_part), maxsplit=1)[0])
    else:
        title = _cut_title(title_part)
        who = _TITLE_END.split(squash(lead_part), maxsplit=1)[0].strip()
        if not who and (fields := _FIELD_SPLIT.split(title)) and len(fields) > 1:
            # "Title – Mike Hamer" without a duration: the last field when it names people.
            if names := _lead_names(fields[-1]):
                title, lead = " – ".join(fields[:-1]), names
        elif who and len(who.split()) <= 4:
            lead = _lead_names(who)
    return {
        "number": number,
        "title": squash(title),
        "start": start,
        "duration": duration,
        "lead": lead,
    }


# "(Item 4)" under or after a minute's heading, "Participation Team Update (Item 4)".
_ITEM_ONLY = re.compile(r"^\(\s*(?:agenda\s+)?item\s+(\d{1,3}[a-z]?)\s*\)\.?$", re.I)
_ITEM_AFTER = re.compile(
    r"^(?P<title>\S.{2,200}?)\s*\(\s*(?:agenda\s+)?item\s+(?P<n>\d{1,3}[a-z]?)\s*\)\.?$", re.I
)
# "Item 6 – Governance Working Party Updates", "Agenda item 3: Budget".
_ITEM_FIRST = re.compile(
    r"^(?:agenda\s+)?item\s+(?P<n>\d{1,3}[a-z]?)\s*(?:[-–—:.)]\s*|\s+)(?P<title>[A-Z].*)$", re.I
)
# Sections whose lists are not agenda items: what was done or said under an item.
_NOT_ITEMS = re.compile(
    r"^(?:actions?(?:\s+(?:log|points|arising|list|tracker|agreed))?|action points"
    r"|key (?:discussion )?points|discussion(?: points)?|decisions?(?: made)?"
    r"|resolutions?|resolved|outcomes?"
    r"|notes?|summary|apologies|attendance|attendees|present|updates?|next steps)\b",
    re.I,
)
_AGENDA_SECTION = re.compile(r"^(?:agenda|items?(?: for (?:discussion|decision))?|business)$", re.I)
_PAGES = re.compile(r"\s*\((?:pages?|pp?\.?)\s*[\d\s,–-]+\)\s*$", re.I)


def _is_sentence(title: str) -> bool:
    """A numbered paragraph of minutes ("1. The Chair reminded the Panel ...", "3.
    RESOLVED that ...") rather than an item's title: it ends a sentence, or runs long."""
    bare = _PAGES.sub("", title).strip()
    words = len(bare.split())
    if re.match(r"^(?:resolved|agreed|noted)\b", bare, re.I):
        return True
    return (bare.endswith((".", ":", ";", "?")) and words >= 6) or words > 40


def _section_of(p: Para) -> str | None:
    """The heading's text when a paragraph heads a section (a heading, or a short bold
    line), else None."""
    text = p.text.strip(" :")
    if (p.heading or (p.bold and len(p.bold[0]) >= len(text) - 1)) and len(text.split()) <= 8:
        return text
    return None


def _candidates(blocks: list[Block], timed_only: bool, year: int | None) -> list[tuple]:
    """(block index, anchor, scheme) of each place an item may start. Schemes: "marker"
    ("(Item 4)", "Item 6 – Title", minute references), "timed", "list" (a list under an
    "Agenda" heading), "row" (a numbered table row) and "numbered" (a numbered line)."""
    out: list[tuple] = []
    section = ""
    last_n = 0
    action_table = False
    for i, b in enumerate(blocks):
        if isinstance(b, Row) and b.first:
            # "Action No | Minute Ref | Action | Lead": a table of actions, not of items
            heads = [t.strip() for t in b.texts]
            action_table = (
                any(_ACTION_HEADER.match(t) for t in heads)
                and any(_OWNER_HEADER.match(t) for t in heads)
                and not any(_ITEM_HEADER.match(t) for t in heads)
            )
        elif not isinstance(b, Row):
            action_table = False
        if isinstance(b, Row):
            if action_table:
                continue
            found = _row_anchor(b, year)
            if found is not None:
                scheme = "marker" if found.get("marked") else "timed" if found["start"] else "row"
                if scheme == "row" and _is_sentence(found["title"] or ""):
                    continue
                out.append((i, found, scheme))
            continue
        text = b.text.strip()
        if m := _ITEM_ONLY.match(text):
            prev = blocks[i - 1] if i else None
            if isinstance(prev, Para) and not _is_sentence(prev.text) and len(prev.text) < 200:
                found = {
                    "number": m.group(1),
                    "title": _cut_title(prev.text),
                    "start": None,
                    "duration": None,
                    "lead": [],
                    "anchor": i - 1,
                }
                out.append((i - 1, found, "marker"))
            continue
        if (m := _ITEM_AFTER.match(text)) and not _is_sentence(m["title"]):
            found = {
                "number": m["n"],
                "title": _cut_title(m["title"]),
                "start": None,
                "duration": None,
                "lead": [],
            }
            out.append((i, found, "marker"))
            continue
        if (
            (m := _ITEM_FIRST.match(text))
            and len(text.split()) <= 25
            and not dates.parse_time(m["title"])
        ):
            found = {
                "number": m["n"],
                "title": _cut_title(m["title"]),
                "start": None,
                "duration": dates.duration_minutes(text),
                "lead": [],
            }
            out.append((i, found, "marker"))
            continue
        if (
            (heading := _section_of(b)) is not None
            and not _NUMBERED.match(text)
            and not _MINUTE_REF.match(text)
        ):
            section = heading
            continue
        last_n = _last_number(out[-1:])
        found = _para_anchor(b, last_n + 1, timed_only, year)
        # A time opens an item wherever it stands; a list under "Actions" is no item.
        if _NOT_ITEMS.match(section) and not b.heading and not (found and found["start"]):
            continue
        in_agenda = bool(_AGENDA_SECTION.match(section))
        if found is None:
            if in_agenda and b.bullet and len(text.split()) <= 20 and not timed_only:
                found = {
                    "number": None,
                    "title": _cut_title(text),
                    "start": None,
                    "duration": dates.duration_minutes(text),
                    "lead": [],
                }
                out.append((i, found, "list"))
            continue
        if found["start"]:
            out.append((i, found, "timed"))
        elif b.heading and _MINUTE_REF.match(text):
            out.append((i, found, "marker"))
        elif not _is_sentence(found["title"] or ""):
            out.append((i, found, "list" if in_agenda else "numbered"))
    return out


def _last_number(candidates: list[tuple]) -> int:
    numbers = [c[1]["number"] for c in candidates if c[1]["number"]]
    return _num(numbers[-1]) if numbers else 0


def find_agenda(
    blocks: list[Block], people: People, *, timed_only: bool, year: int | None = None
) -> list[AgendaItem]:
    """The agenda items, in order (see the module docstring for the rules). `year` is
    the meeting's, to tell a minute reference's number from its year. Where a document
    marks its items ("(Item 4)", "Item 6 – ..."), only the marked places are items, so
    the numbered paragraphs of the minutes under them are not."""
    candidates = _candidates(blocks, timed_only, year)
    if sum(1 for c in candidates if c[2] == "marker") >= 2 or all(
        c[2] == "marker" for c in candidates
    ):
        candidates = [c for c in candidates if c[2] == "marker"]
    elif any(c[2] == "list" for c in candidates):
        candidates = [c for c in candidates if c[2] in ("list", "timed", "row")]
    items: list[AgendaItem] = []
    last_num, last_suffix, last_time = 0, "", ""
    by_index = {c[0]: c for c in candidates}
    for i, b in enumerate(blocks):
        expected = last_num + 1
        found = by_index.get(i)
        scheme = found[2] if found else ""
        found = found[1] if found else None
        if found is None:
            if (
                items
                and isinstance(b, Row)
                and items[-1].duration is None
                and i - items[-1].index <= 2
            ):
                cells = [b.texts[k] for k in b.filled()[:2]]
                for c in cells:
                    if _ONLY_DURATION.match(c):
                        items[-1].duration = dates.duration_minutes(
                            c if c.startswith("(") else f"({c})"
                        )
            continue
        if timed_only and not found["start"] and not isinstance(b, Row):
            continue
        number = found["number"]
        if scheme == "list" and number is None:
            number = str(expected)
        if number is not None:
            n = _num(number)
            # Minutes number their items through the year ("31. Apologies"): a first
            # number past 3 is taken only from a heading or a marked item.
            first_heading = (isinstance(b, Para) and b.heading and not timed_only) or (
                scheme == "marker"
            )
            if last_num == 0 and n > 3 and not first_heading:
                continue
            # "5b" after "5a": a lettered part of the same item rises by its letter.
            suffix = number.lstrip("0123456789")
            lettered = n == last_num and suffix > last_suffix
            if (
                not (last_num < n <= last_num + 3)
                and not (last_num == 0 and first_heading)
                and not lettered
            ):
                continue
        elif (
            found["start"] is None
            or (last_time and found["start"] < last_time)
            or (not items and not isinstance(b, Row))
        ):
            continue
        else:
            number = str(expected)
        if found["start"]:
            if last_time and found["start"] < last_time:
                continue
            last_time = found["start"]
        last_num = _num(number)
        last_suffix = number.lstrip("0123456789")
        title = found["title"] or ""
        if title and LABEL.match(title) and len(title) > 60:
            title = _title_from_notes(title) or title
        title = _cut_title(_PAGES.sub("", title)) if title else ""
        items.append(
            AgendaItem(
                number,
                title or None,
                found["start"],
                found["duration"],
                list(found["lead"]),
                b.seg,
                i,
                needs_title=not title,
                has_lead=bool(found["lead"]),
                strong=scheme in ("marker", "timed", "list", "row"),
            )
        )
    _fill_from_spans(items, blocks, people)
    return items


def _fill_from_spans(items: list[AgendaItem], blocks: list[Block], people: People) -> None:
    """Titles printed under an item's number, and presenters of items with no lead."""
    for k, item in enumerate(items):
        end = items[k + 1].index if k + 1 < len(items) else len(blocks)
        span = blocks[item.index + 1 : end]
        paras = [b for b in span if isinstance(b, Para)]
        if item.needs_title:
            for p in paras[:2]:
                if (
                    not looks_like_person(p.text)
                    and len(p.text.split()) <= 20
                    and not LABEL.match(p.text)
                ):
                    item.title = _cut_title(p.text)
                    paras = [q for q in paras if q is not p]
                    break
        if item.has_lead:
            continue
        found: list[str] = []
        for p in [*paras_of(blocks[item.index]), *flatten(span)]:
            for bold in p.bold:
                if looks_like_person(bold) and bold not in found:
                    found.append(bold)
        listing = False
        for p in paras:
            # Names under "Attendees:" in an item are who came, not who presents.
            listing = bool(ATTENDEE_LABEL.match(p.text)) or (listing and looks_like_person(p.text))
            if p.bullet or p.bold or listing:
                continue
            text = p.text
            if m := _LEAD_LABEL.match(text):
                text = m["who"]
            if text.casefold().strip(".") in _BARE_ROLES:
                continue  # "Chair" alone is a signature line, not a presenter
            names = _lead_names(text)
            if names and (
                not people.names
                or any(people.resolve_one(n) for n in names)
                or any(n.split()[0].casefold().strip(".") in TITLES for n in names)
            ):
                found.extend(n for n in names if n not in found)
        item.presenters = found


_AGENDA_HEADING = re.compile(
    r"^(?:agenda|minutes|action notes|meeting notes|notes of (?:the )?meeting)\b(?!\s+item)",
    re.I,
)


_AGENDA_TITLE = re.compile(
    r"\s[-–—:|]\s*(?:agenda|minutes|action notes|meeting notes|notes of (?:the )?meeting)$", re.I
)


def looks_like_agenda_doc(blocks: list[Block]) -> bool:
    """An agenda or minutes: an "Agenda"/"Minutes" heading near the top (not an "Agenda
    item 6" stamp on a report), a title ending so ("X Partnership – Meeting notes"), or
    an attendee list."""
    for b in flatten(blocks[:60]):
        text = b.text.strip()
        if (_AGENDA_HEADING.match(text) or _AGENDA_TITLE.search(text)) and len(text.split()) <= 12:
            return True
        if (
            ATTENDEE_LABEL.match(text)
            and len(text) < 400
            and not text.lower().startswith("attendance")
        ):
            return True
    return False
