"""What a synced meeting's history says: every version of the meeting and of its agenda
items, newest first, each with its source (the reason saved with it: "Synced from
ModernGov (host)", a conflict resolved, or a person's edit) and the fields it changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from oversight.meetings.models import AgendaItem, Meeting

_SHOWN = {
    "date": "Date",
    "start": "Start",
    "end": "End",
    "venue": "Where",
    "status": "Status",
    "chair": "Chair",
    "number": "Number",
    "position": "Place on the agenda",
    "title": "Title",
    "restricted": "Exempt",
    "notes": "Minutes",
    "minutes_approved_on": "Minutes published",
}
_KINDS = {"+": "Added", "~": "Changed", "-": "Removed"}


@dataclass
class Version:
    when: datetime
    record: str
    what: str
    source: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


def _versions(rows, label_of) -> list[Version]:
    out = []
    previous: dict[int, object] = {}
    for row in rows:
        before = previous.get(row.id)
        changes = []
        if before is not None and row.history_type == "~":
            for c in row.diff_against(before).changes:
                if c.field in _SHOWN:
                    changes.append((_SHOWN[c.field], _text(c.old), _text(c.new)))
        previous[row.id] = row
        who = row.history_user
        source = row.history_change_reason or (
            f"Changed in Oversight by {who.get_username()}" if who else "Changed in Oversight"
        )
        out.append(
            Version(
                row.history_date, label_of(row), _KINDS.get(row.history_type, ""), source, changes
            )
        )
    return out


def _text(value) -> str:
    if value in (None, ""):
        return "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    return str(value)[:300]


def meeting_changes(meeting: Meeting) -> list[Version]:
    """Every version of `meeting` and its agenda items (including those since removed)."""
    rows = (
        Meeting.history.filter(id=meeting.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    items = (
        AgendaItem.history.filter(meeting_id=meeting.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    versions = _versions(rows, lambda r: "The meeting")
    versions += _versions(items, lambda r: f"Item {r.number}: {r.title}"[:200])
    return sorted(versions, key=lambda v: v.when, reverse=True)
