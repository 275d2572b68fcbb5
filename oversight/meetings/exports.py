"""The agenda pack and the minutes, as one structure that the HTML page, the DOCX
and the PDF are all drawn from, so the three cannot disagree.

Each builder takes the viewer: a document holds only what that viewer may see (no
exempt items for the public; minutes for the public only once approved; the caller
checks `can_see_minutes` first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify

from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer

from .access import shown_agenda
from .carry_forward import CarriedAction, carried_actions
from .forward_plan import PlanStatus
from .models import AgendaItem, Attendance, Correction, Decision, Meeting, Paper


@dataclass(frozen=True)
class Link:
    text: str
    href: str

    def __str__(self) -> str:
        return self.text


Cell = str | Link


@dataclass
class Heading:
    text: str
    level: int = 2
    anchor: str = ""
    kind: str = "heading"


@dataclass
class Para:
    text: str
    style: str = ""  # "", "note" (a status or correction), "small"
    kind: str = "para"


@dataclass
class Bullets:
    items: list[Cell]
    kind: str = "bullets"


@dataclass
class Details:
    """Label and value pairs (a summary list in HTML)."""

    pairs: list[tuple[str, Cell]]
    kind: str = "details"


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Cell]]
    kind: str = "table"


@dataclass
class Document:
    title: str
    subtitle: str
    filename: str
    status_note: str = ""
    blocks: list = field(default_factory=list)


def _day(d) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def _short_day(d) -> str:
    return f"{d.day} {d:%B %Y}"


def _hhmm(t) -> str:
    return t.strftime("%H:%M") if t else ""


def meeting_details(meeting: Meeting) -> Details:
    when = _day(meeting.date)
    if meeting.start:
        when += f", {_hhmm(meeting.start)}"
        if meeting.end:
            when += f" to {_hhmm(meeting.end)}"
    pairs: list[tuple[str, Cell]] = [("Date and time", when)]
    if meeting.venue:
        pairs.append(("Venue", meeting.venue))
    if meeting.online_link:
        pairs.append(("Online", Link(meeting.online_link, meeting.online_link)))
    pairs.append(("Chair", meeting.chair.name if meeting.chair else "Not given"))
    if meeting.status == Meeting.Status.CANCELLED:
        pairs.append(("Status", "Cancelled"))
    return Details(pairs)


def item_time(item: AgendaItem) -> str:
    parts = []
    if item.start:
        parts.append(_hhmm(item.start))
    if item.duration_minutes:
        parts.append(f"({item.duration_minutes} minutes)")
    return " ".join(parts)


def _purpose(item: AgendaItem) -> str:
    return item.get_purpose_display() if item.purpose else ""


def _text_blocks(text: str) -> list:
    """Notes as typed: lines starting with "-", "*" or "•" become bullets."""
    blocks: list = []
    bullets: list[str] = []
    para: list[str] = []

    def flush_para():
        if para:
            blocks.append(Para(" ".join(para)))
            para.clear()

    def flush_bullets():
        if bullets:
            blocks.append(Bullets(list(bullets)))
            bullets.clear()

    for line in text.splitlines():
        line = line.strip()
        if not line:
            flush_para()
            flush_bullets()
        elif re.match(r"^[-*•]\s+", line):
            flush_para()
            bullets.append(re.sub(r"^[-*•]\s+", "", line))
        else:
            flush_bullets()
            para.append(line)
    flush_para()
    flush_bullets()
    return blocks


def status_text(item: TrackedItem, rag) -> str:
    """An action's state in words: "Overdue; not started", "In progress (no due date)",
    "Complete"."""
    status = item.get_status_display()
    if rag.value in ("complete", "verified"):
        return rag.label
    if rag.value == "none":
        return f"{status} (no due date)"
    return f"{rag.label}; {status.lower()}"


def _carried_table(rows: list[CarriedAction], *, minutes: bool) -> Table:
    headers = ["Action", "Owner", "Agreed at", "Latest update", "Status"]
    if minutes:
        headers = ["Action", "Owner", "Agreed at", "Update at this meeting", "Outcome"]
    body = []
    for row in rows:
        item = row.item
        agreed = _short_day(row.agreed_at.date)
        if minutes:
            update = row.review.update.narrative if row.review and row.review.update else ""
            outcome = row.review.get_outcome_display() if row.review else "No update recorded"
        else:
            update = row.latest_update.narrative if row.latest_update else "No update yet"
            outcome = status_text(item, row.rag)
        body.append(
            [Link(item.text, item.get_absolute_url()), item.owner_label, agreed, update, outcome]
        )
    return Table("Actions from earlier meetings", headers, body)


def _actions_agreed(meeting: Meeting, viewer: Viewer, items: list[AgendaItem]):
    """Actions agreed at the meeting that the viewer may see, without those under an
    agenda item the viewer may not see."""
    shown = {i.pk for i in items}
    actions = (
        TrackedItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("owner_person", "owner_org")
        .order_by("agenda_item__position", "pk")
    )
    return [a for a in actions if a.agenda_item_id is None or a.agenda_item_id in shown]


def _action_rows(actions) -> list[list[Cell]]:
    today = timezone.localdate()
    return [
        [
            Link(a.text, a.get_absolute_url()),
            a.owner_label,
            a.due_label(),
            status_text(a, a.rag(today)),
        ]
        for a in actions
    ]


def agenda_pack(meeting: Meeting, viewer: Viewer, forward_plan=()) -> Document:
    """The agenda as sent out: details, the timed agenda, each item with its leads,
    purpose and papers, the open actions under "Notes, actions and updates", and the
    body's forward plan (`forward_plan`: rows from forward_plan.plan_rows)."""
    items = shown_agenda(meeting, viewer)
    papers = list(Paper.objects.visible_to(viewer).filter(meeting=meeting).order_by("pk"))
    carried = carried_actions(meeting, viewer)
    doc = Document(
        title=f"Agenda: {meeting}",
        subtitle=meeting.body.name,
        filename=f"{slugify(meeting.body.short_name or meeting.body.name)}-{meeting.date}-agenda",
        status_note="This meeting has been cancelled."
        if meeting.status == Meeting.Status.CANCELLED
        else "",
    )
    doc.blocks.append(meeting_details(meeting))
    doc.blocks.append(Heading("Agenda"))
    doc.blocks.append(
        Table(
            "Agenda items with start times",
            ["No.", "Time", "Item", "Lead", "Purpose"],
            [[i.number, item_time(i), i.title, i.leads, _purpose(i)] for i in items]
            or [["", "", "No agenda items yet.", "", ""]],
        )
    )
    has_actions_item = any(i.is_actions_item for i in items)
    for i in items:
        doc.blocks.append(Heading(str(i), level=2, anchor=f"item-{i.pk}"))
        pairs: list[tuple[str, Cell]] = []
        if item_time(i):
            pairs.append(("Time", item_time(i)))
        if i.leads:
            pairs.append(("Lead", i.leads))
        if i.purpose:
            pairs.append(("Purpose", i.get_purpose_display()))
        if pairs:
            doc.blocks.append(Details(pairs))
        mine = [p for p in papers if p.agenda_item_id == i.pk]
        if mine:
            doc.blocks.append(Para("Papers:"))
            doc.blocks.append(Bullets([Link(p.title, p.get_absolute_url()) for p in mine]))
        if i.is_actions_item:
            doc.blocks.append(
                _carried_table(carried, minutes=False)
                if carried
                else Para("There are no open actions from earlier meetings.")
            )
    if carried and not has_actions_item:
        doc.blocks.append(Heading("Actions from earlier meetings"))
        doc.blocks.append(_carried_table(carried, minutes=False))
    general = [p for p in papers if p.agenda_item_id is None]
    if general:
        doc.blocks.append(Heading("Other papers"))
        doc.blocks.append(Bullets([Link(p.title, p.get_absolute_url()) for p in general]))
    upcoming = [r for r in forward_plan if r.status not in (PlanStatus.TAKEN, PlanStatus.WITHDRAWN)]
    if upcoming:
        doc.blocks.append(Heading("Forward plan"))
        doc.blocks.append(
            Table(
                "Reports planned for future meetings",
                ["Item", "Lead", "Due", "Planned for", "Status"],
                [
                    [
                        r.entry.title,
                        r.entry.lead,
                        r.due_label,
                        _short_day(r.entry.meeting.date) if r.entry.meeting else "",
                        ("Overdue; " if r.overdue else "") + r.status.label,
                    ]
                    for r in upcoming
                ],
            )
        )
    return doc


def attendance_rows(meeting: Meeting) -> list[list[Cell]]:
    rows = []
    for a in meeting.attendance.select_related("person__organisation", "substitute_for"):
        status = a.get_status_display()
        if a.substitute_for:
            status += f", substituting for {a.substitute_for.name}"
        org = a.person.organisation.name if a.person.organisation else ""
        rows.append([a.person.name, org, status])
    order = {s: n for n, s in enumerate(Attendance.Status.labels)}
    rows.sort(key=lambda r: (order.get(r[2].split(",")[0], 9), r[0]))
    return rows


def minutes_status(meeting: Meeting) -> str:
    if meeting.minutes_locked:
        at = meeting.minutes_approved_at
        if at is None:
            # Approved elsewhere (minutes published on the council's committee site):
            # the date is when they reached Oversight, not a meeting that approved them.
            return f"Approved minutes, published on {_short_day(meeting.minutes_approved_on)}."
        return f"Approved at the meeting of {_short_day(at.date)}."
    return "Draft minutes: not yet approved. They may change before they are approved."


def minutes_document(meeting: Meeting, viewer: Viewer) -> Document:
    """The minutes: who came, the notes, decisions and actions of each item, what was
    reported on the actions carried forward, and any corrections made after approval."""
    items = shown_agenda(meeting, viewer)
    shown = {i.pk for i in items}
    decisions = list(Decision.objects.visible_to(viewer).filter(meeting=meeting).order_by("pk"))
    actions = _actions_agreed(meeting, viewer, items)
    corrections = [
        c
        for c in Correction.objects.filter(meeting=meeting).select_related("agreed_at")
        if c.agenda_item_id is None or c.agenda_item_id in shown
    ]
    carried = carried_actions(meeting, viewer)
    doc = Document(
        title=f"Minutes: {meeting}",
        subtitle=meeting.body.name,
        filename=f"{slugify(meeting.body.short_name or meeting.body.name)}-{meeting.date}-minutes",
        status_note=minutes_status(meeting),
    )
    doc.blocks.append(meeting_details(meeting))
    doc.blocks.append(Heading("Attendance"))
    rows = attendance_rows(meeting)
    doc.blocks.append(
        Table("Who attended", ["Name", "Organisation", "Attendance"], rows)
        if rows
        else Para("Attendance was not recorded.")
    )
    for i in items:
        doc.blocks.append(Heading(str(i), level=2, anchor=f"item-{i.pk}"))
        if i.leads:
            doc.blocks.append(Para(f"Lead: {i.leads}", style="small"))
        doc.blocks.extend(_text_blocks(i.notes))
        if i.is_actions_item and carried:
            doc.blocks.append(_carried_table(carried, minutes=True))
        mine = [d.text for d in decisions if d.agenda_item_id == i.pk]
        if mine:
            doc.blocks.append(Heading("Decisions", level=3))
            doc.blocks.append(Bullets(mine))
        agreed = [a for a in actions if a.agenda_item_id == i.pk]
        if agreed:
            doc.blocks.append(
                Table(
                    f"Actions agreed under item {i.number}".strip(),
                    ["Action", "Owner", "Due", "Status"],
                    _action_rows(agreed),
                )
            )
        for c in corrections:
            if c.agenda_item_id == i.pk:
                doc.blocks.append(Para(_correction_text(c), style="note"))
        if not (i.notes or mine or agreed or (i.is_actions_item and carried)):
            doc.blocks.append(Para("No notes recorded.", style="small"))
    if carried and not any(i.is_actions_item for i in items):
        doc.blocks.append(Heading("Actions from earlier meetings"))
        doc.blocks.append(_carried_table(carried, minutes=True))
    loose = [a for a in actions if a.agenda_item_id is None]
    if loose:
        doc.blocks.append(Heading("Other actions agreed"))
        doc.blocks.append(
            Table("Other actions", ["Action", "Owner", "Due", "Status"], _action_rows(loose))
        )
    general = [c for c in corrections if c.agenda_item_id is None]
    if general:
        doc.blocks.append(Heading("Corrections"))
        doc.blocks.extend(Para(_correction_text(c), style="note") for c in general)
    doc.blocks.append(Heading("Action log"))
    doc.blocks.append(
        Table(
            "Actions agreed at this meeting",
            ["Action", "Owner", "Due", "Status"],
            _action_rows(actions),
        )
        if actions
        else Para("No actions were agreed at this meeting.")
    )
    return doc


def _correction_text(c: Correction) -> str:
    when = _short_day(timezone.localtime(c.recorded_at).date())
    text = f"Correction recorded on {when}"
    if c.agreed_at:
        text += f", agreed at the meeting of {_short_day(c.agreed_at.date)}"
    text += f": {c.text}"
    if c.reason:
        text += f" (Reason: {c.reason})"
    return text
