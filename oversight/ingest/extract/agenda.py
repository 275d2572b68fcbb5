"""Agenda items: number, title, start time, duration and presenters.

Each table row or paragraph that may open an item is read by `agenda_lines`; here the
places are chosen and put in order:
- a duration alone in the row after an item's ("(5 minutes)") belongs to it;
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
from .agenda_lines import (
    BARE_ROLES,
    MINUTE_REF,
    NUMBERED,
    ONLY_DURATION,
    cut_title,
    lead_names,
    leading_number,
    para_anchor,
    row_anchor,
)
from .layout import Block, Para, Row, flatten, paras_of
from .meetings import ATTENDEE_LABEL, LABEL
from .people import TITLES, People, looks_like_person
from .text import Seg

_ACTION_HEADER = re.compile(r"^(?:actions?|action(?:s)? agreed|agreed actions?)$", re.I)
_OWNER_HEADER = re.compile(r"^(?:owner|lead|by whom|who|responsible|due|deadline|by when)$", re.I)
# "Item | Notes | Actions": the items of minutes, with what each agreed to do.
_ITEM_HEADER = re.compile(r"^(?:(?:agenda\s+)?items?|notes|discussion|minutes?|subject)$", re.I)
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
            found = row_anchor(b, year)
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
                    "title": cut_title(prev.text),
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
                "title": cut_title(m["title"]),
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
                "title": cut_title(m["title"]),
                "start": None,
                "duration": dates.duration_minutes(text),
                "lead": [],
            }
            out.append((i, found, "marker"))
            continue
        if (
            (heading := _section_of(b)) is not None
            and not NUMBERED.match(text)
            and not MINUTE_REF.match(text)
        ):
            section = heading
            continue
        last_n = _last_number(out[-1:])
        found = para_anchor(b, last_n + 1, timed_only, year)
        # A time opens an item wherever it stands; a list under "Actions" is no item.
        if _NOT_ITEMS.match(section) and not b.heading and not (found and found["start"]):
            continue
        in_agenda = bool(_AGENDA_SECTION.match(section))
        if found is None:
            if in_agenda and b.bullet and len(text.split()) <= 20 and not timed_only:
                found = {
                    "number": None,
                    "title": cut_title(text),
                    "start": None,
                    "duration": dates.duration_minutes(text),
                    "lead": [],
                }
                out.append((i, found, "list"))
            continue
        if found["start"]:
            out.append((i, found, "timed"))
        elif b.heading and MINUTE_REF.match(text):
            out.append((i, found, "marker"))
        elif not _is_sentence(found["title"] or ""):
            out.append((i, found, "list" if in_agenda else "numbered"))
    return out


def _last_number(candidates: list[tuple]) -> int:
    numbers = [c[1]["number"] for c in candidates if c[1]["number"]]
    return leading_number(numbers[-1]) if numbers else 0


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
                    if ONLY_DURATION.match(c):
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
            n = leading_number(number)
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
        last_num = leading_number(number)
        last_suffix = number.lstrip("0123456789")
        title = found["title"] or ""
        if title and LABEL.match(title) and len(title) > 60:
            title = _title_from_notes(title) or title
        title = cut_title(_PAGES.sub("", title)) if title else ""
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
                    item.title = cut_title(p.text)
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
            if text.casefold().strip(".") in BARE_ROLES:
                continue  # "Chair" alone is a signature line, not a presenter
            names = lead_names(text)
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
