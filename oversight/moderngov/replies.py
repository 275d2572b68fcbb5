"""What the service's replies say, read into plain records.

Every value is text in the reply, and the service is loose with it: text escaped twice
(`Members&#39; Question Time` after parsing), whitespace for empty fields, `True`/`False`
for booleans, counts with leading spaces, dates as dd/mm/yyyy, 12-hour times with no time
zone ("6.00 pm", London time), one child or many looking the same. Readers here trim,
unescape once more, treat "" as nothing and always read repeated elements as lists.
HTML bodies (minutes, decisions) are Word markup: only their text is kept. (An item's
agenda text is not read: the paper says it, and the agenda page shows numbers and titles.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, time
from xml.etree.ElementTree import Element

from bs4 import BeautifulSoup

from .service import local_name


def clean(value: str | None) -> str:
    """Text as a person reads it: trimmed, unescaped once more, spaces collapsed."""
    text = html.unescape((value or "").strip())
    return " ".join(text.split())


def plain_text(markup: str | None) -> str:
    """The text of an HTML body, paragraphs kept as blank-line-separated lines."""
    markup = (markup or "").strip()
    if not markup:
        return ""
    if "&lt;" in markup:
        markup = html.unescape(markup)  # markup escaped twice
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = []
    for block in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "tr"]):
        if not block.find(["p", "li", "tr"]):
            words = clean(block.get_text(" "))
            if words:
                blocks.append(words)
            block.replace_with("")
    rest = clean(soup.get_text(" "))
    if rest:
        blocks.append(rest)
    return "\n\n".join(blocks)


def _children(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    return [c for c in element if local_name(c.tag) == name]


def _child(element: Element | None, name: str) -> Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: Element | None, name: str) -> str:
    child = _child(element, name)
    return clean(child.text) if child is not None else ""


def _raw(element: Element | None, name: str) -> str:
    child = _child(element, name)
    return (child.text or "").strip() if child is not None else ""


def _flag(element: Element | None, name: str) -> bool:
    return _text(element, name).lower() == "true"


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if re.fullmatch(r"-?\d+", value) else None


def parse_date(value: str) -> date | None:
    """dd/mm/yyyy (maybe with a time after it) as a date; None when empty or not a date."""
    m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", value or "")
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?(?::\d{2})?\s*([ap])?\.?\s*m?\.?\b", re.I)


def parse_time(value: str) -> time | None:
    """'6.00 pm', '10 am', '18:30', '06/11/2025 19:05:00' as a time; None otherwise."""
    value = clean(value)
    value = re.sub(r"^\d{1,2}/\d{1,2}/\d{4}\s*", "", value)
    if not value:
        return None
    m = _TIME.search(value)
    if not m or (m[2] is None and m[3] is None):
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def service_date(day: date) -> str:
    """A date as the service needs it: dd/mm/yyyy (an ISO date is silently ignored)."""
    return day.strftime("%d/%m/%Y")


# --- committees -------------------------------------------------------------------------


@dataclass(frozen=True)
class Committee:
    id: int
    title: str
    deleted: bool = False
    expired: bool = False
    category: str = ""


def read_committees(root: Element) -> list[Committee]:
    out = []
    for c in _children(root, "committee"):
        cid = _int(_text(c, "committeeid"))
        title = _text(c, "committeetitle")
        if cid is None or not title:
            continue
        out.append(
            Committee(
                id=cid,
                title=title,
                deleted=_flag(c, "committeedeleted"),
                expired=_flag(c, "committeeexpired"),
                category=_text(c, "committeecategory"),
            )
        )
    return out


# --- meetings of a committee --------------------------------------------------------------


@dataclass(frozen=True)
class MeetingListed:
    id: int
    date: date
    status: str
    time: str


def read_meetings(root: Element, committee_id: int) -> list[MeetingListed]:
    """The meetings of `committee_id` in a GetMeetings (or GetAllMeetingsByDate) reply.
    A committee with no meetings may come back with its counts only."""
    rows: list[Element] = []
    for committee in _children(root, "committee"):
        if _int(_text(committee, "committeeid")) not in (None, committee_id):
            continue
        for group in _children(committee, "committeemeetings"):
            rows += _children(group, "meeting")
    for group in _children(root, "meetings"):
        rows += [
            m
            for m in _children(group, "meeting")
            if _int(_text(m, "committeeid")) in (None, committee_id)
        ]
    out = []
    for m in rows:
        mid = _int(_text(m, "meetingid"))
        on = parse_date(_text(m, "meetingdate"))
        if mid is None or on is None:
            continue
        out.append(MeetingListed(mid, on, _text(m, "meetingstatus"), _text(m, "meetingtime")))
    return out


# --- one meeting --------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedDocument:
    id: int
    title: str
    url: str
    is_link: bool
    restricted: bool
    published_on: date | None


@dataclass(frozen=True)
class AgendaEntry:
    id: int
    number: str
    title: str
    minutes: str
    decision: str
    is_decision: bool
    restricted: bool
    documents: tuple[LinkedDocument, ...] = ()


@dataclass(frozen=True)
class Attendee:
    member_id: str
    name: str
    role: str
    attendance: str
    party: str
    representing: str


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    date: date | None
    status: str
    start: time | None
    end: time | None
    venue: str
    agenda_published: bool
    decisions_published: bool
    minutes_published: bool
    items: tuple[AgendaEntry, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    documents: tuple[LinkedDocument, ...] = field(default=())


def _documents(element: Element | None) -> tuple[LinkedDocument, ...]:
    out = []
    for group in _children(element, "linkeddocuments"):
        for d in _children(group, "linkeddoc"):
            aid = _int(_text(d, "attachmentid"))
            if aid is None:
                continue
            out.append(
                LinkedDocument(
                    id=aid,
                    title=_text(d, "title") or f"Document {aid}",
                    url=_text(d, "url"),
                    is_link=_flag(d, "isurl"),
                    restricted=_flag(d, "isrestricted"),
                    published_on=parse_date(_text(d, "publicationdate")),
                )
            )
    return tuple(out)


def _number(item: Element) -> str:
    shown = _text(item, "fulldisplaynumberformat").rstrip(".").strip()
    if shown:
        return shown[:10]
    number, sub = _text(item, "agendaitemnumber"), _text(item, "agendaitemsubnumber")
    if number in ("", "0"):
        return ""
    return (f"{number}.{sub}" if sub and sub != "0" else number)[:10]


def read_meeting(root: Element) -> MeetingDetail:
    """A GetMeeting reply. It carries no committee id: the caller keeps that."""
    mid = _int(_text(root, "meetingid"))
    if mid is None:
        raise ValueError("the reply names no meeting")
    items = []
    for group in _children(root, "agendaitems"):
        for a in _children(group, "agendaitem"):
            aid = _int(_text(a, "agendaitemid"))
            title = _text(a, "agendaitemtitle")
            if aid is None or not title:
                continue
            items.append(
                AgendaEntry(
                    id=aid,
                    number=_number(a),
                    title=title[:500],
                    minutes=plain_text(_raw(a, "minutesnonemptyhtmlbody")),
                    decision=plain_text(_raw(a, "decisionnonemptyhtmlbody")),
                    is_decision=_flag(a, "isdecision"),
                    restricted=_flag(a, "isrestricted"),
                    documents=_documents(a),
                )
            )
    attendees = []
    for group in _children(root, "attendees"):
        for p in _children(group, "attendee"):
            attrs = {k.lower(): clean(v) for k, v in p.attrib.items()}
            # Some sites send them as child elements instead of attributes.
            for child in p:
                attrs.setdefault(local_name(child.tag), clean(child.text))
            if not attrs.get("name"):
                continue
            attendees.append(
                Attendee(
                    member_id=attrs.get("memberid", ""),
                    name=attrs["name"],
                    role=attrs.get("roledescription", ""),
                    attendance=attrs.get("attendance", ""),
                    party=attrs.get("politicalparty", ""),
                    representing=attrs.get("representing", ""),
                )
            )
    room = _child(root, "meetingroom")
    venue = _text(root, "meetinglocation")
    if not venue and room is not None:
        venue = ", ".join(v for v in (_text(room, "roomtitle"), _text(room, "addresssummary")) if v)
    return MeetingDetail(
        id=mid,
        date=parse_date(_text(root, "meetingdate")),
        status=_text(root, "meetingstatus"),
        start=parse_time(_text(root, "meetingactualstarttime"))
        or parse_time(_text(root, "meetingtime")),
        end=parse_time(_text(root, "meetingactualfinishtime"))
        or parse_time(_text(root, "meetingplannedfinishtime")),
        venue=venue[:300],
        agenda_published=_flag(root, "agendapublished"),
        decisions_published=_flag(root, "decisionpublished"),
        minutes_published=_flag(root, "minutepublished"),
        items=tuple(items),
        attendees=tuple(attendees),
        documents=_documents(root),
    )
