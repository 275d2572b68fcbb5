"""Markdown front matter (YAML or TOML between fences): the meeting's title, body,
date, start and end, venue, chair and attendees, laid over what the header read."""

from __future__ import annotations

import re

from . import dates
from .attendees import parse_attendee, role_and_organisation
from .bodies import body_from_title, plain_case
from .meetings import Header, tidy_venue
from .people import looks_like_body, looks_like_person, strip_titles
from .text import Seg

_FRONT_MATTER = re.compile(
    r"\A\ufeff?(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)\r?\n(?P=fence)[ \t]*(?:\r?\n|\Z)", re.S
)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*?)\s*$")


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The top-level fields of Markdown front matter (YAML between `---` lines, TOML
    between `+++` lines) and where it ends; ({}, 0) when the text has none. Nested
    values and lists are left out: a meeting's fields are plain values."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    fields: dict[str, str] = {}
    for line in m["body"].splitlines():
        if line[:1].isspace() or not (f := _FRONT_FIELD.match(line)):
            continue
        value = f["value"].split(" #")[0].strip().strip("\"'")
        if value and not value.startswith(("[", "{", "|", ">")):
            fields.setdefault(f["key"].casefold().replace("-", "_"), value)
    return fields, m.end()


_FRONT_LIST = re.compile(r"^(?:attendees|attendance|present|members|participants)\s*:\s*$", re.I)
_FRONT_ITEM = re.compile(r"^\s*-\s+(?P<item>.+?)\s*$")


def front_attendees(text: str) -> tuple[list[tuple[dict, Seg]], str | None]:
    """([(attendee, seg)], chair) from a list in Markdown front matter ("attendees:" and
    "- Name (Org)" lines under it), read as a list of those present is."""
    m = _FRONT_MATTER.match(text)
    out: list[tuple[dict, Seg]] = []
    chair = None
    if not m:
        return out, chair
    listing, pos = False, m.start("body")
    for line in m["body"].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if _FRONT_LIST.match(line.strip()) and not line[:1].isspace():
            listing = True
            continue
        item = _FRONT_ITEM.match(line) if listing else None
        if item is None:
            listing = listing and line[:1].isspace()
            continue
        entry = parse_attendee(item["item"].strip("\"'"))
        if entry is None:
            continue
        name, desc, is_chair = entry
        role, org = role_and_organisation(desc)
        record = {"name": name, "organisation": org}
        if role:
            record["role"] = role
        out.append((record, Seg.of(text, start + item.start("item"), start + item.end("item"))))
        chair = chair or (name if is_chair else None)
    return out, chair


_FM_KEYS = {
    "title": ("title", "name", "meeting_title"),
    "date": ("date", "meeting_date", "start", "start_date", "when"),
    "start": ("start", "start_time", "time", "starts", "date"),
    "end": ("end", "end_time", "finish", "ends"),
    "venue": ("venue", "location", "place", "where", "room", "address"),
    "body": ("committee", "body", "board", "panel", "meeting_of", "group_name"),
}


def _front_value(fields: dict[str, str], part: str) -> str | None:
    return next((fields[k] for k in _FM_KEYS[part] if fields.get(k)), None)


def apply_front_matter(h: Header, fields: dict[str, str]) -> None:
    """A meeting's fields given in front matter outrank what the text suggests: they
    were written as data ("start: 2021-06-22T14:00", "location: MS Teams")."""
    if not fields:
        return
    if (title := _front_value(fields, "title")) and looks_like_title(title):
        h.title_text = title
    if raw := _front_value(fields, "date"):
        if found := dates.first_date(raw.replace("T", " "), whole_day=True):
            h.date, h.labelled_meeting = found, True
    for part in ("start", "end"):
        raw = _front_value(fields, part)
        times = dates.find_times(raw.replace("T", " ")) if raw else []
        if times:
            setattr(h, part, times[0][2])
    if h.end is None and (rng := dates.find_time_range(fields.get("time", ""))):
        h.start, h.end = rng  # "time: 18:30 - 20:00"
    if (chair := fields.get("chair")) and looks_like_person(chair):
        h.chair = strip_titles(chair)
    if venue := _front_value(fields, "venue"):
        h.venue = tidy_venue(venue)
    if (body := _front_value(fields, "body")) and looks_like_body(body):
        h.body = plain_case(body)
    if h.body is None and h.title_text:
        h.body = body_from_title(h.title_text)


def looks_like_title(text: str) -> bool:
    return 1 <= len(text.split()) <= 30 and not re.match(r"^\S+\.(?:md|html?)$", text)
