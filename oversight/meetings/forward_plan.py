"""The forward plan's rules, with no database: an entry's status, whether it is
overdue, and the windows that commissions ask for ("in 9-12 months", "annually").

An entry is taken once its agenda item has been taken at a meeting that was held. It
is on an agenda when it has an agenda item at a meeting still to come, planned when a
meeting has been chosen for it, and otherwise not yet scheduled. It is overdue when it
has not been taken (nor withdrawn) and its window has closed: today is after its
"due by" date, or it sits on the agenda of a meeting later than that date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta


class PlanStatus(StrEnum):
    NOT_SCHEDULED = "not_scheduled"
    PLANNED = "planned"
    ON_AGENDA = "on_agenda"
    TAKEN = "taken"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return {
            "not_scheduled": "Not yet scheduled",
            "planned": "Planned for a meeting",
            "on_agenda": "On an agenda",
            "taken": "Taken",
            "withdrawn": "Withdrawn",
        }[self.value]


@dataclass(frozen=True)
class PlanFacts:
    due_by: date | None = None
    withdrawn: bool = False
    planned_for: date | None = None  # date of the meeting chosen for it, if any
    planned_cancelled: bool = False  # that meeting was cancelled
    on_agenda_of: date | None = None  # date of the meeting whose agenda has it, if any
    agenda_meeting_held: bool = False


def status_of(facts: PlanFacts) -> PlanStatus:
    if facts.withdrawn:
        return PlanStatus.WITHDRAWN
    if facts.on_agenda_of is not None:
        return PlanStatus.TAKEN if facts.agenda_meeting_held else PlanStatus.ON_AGENDA
    if facts.planned_for is not None and not facts.planned_cancelled:
        return PlanStatus.PLANNED
    return PlanStatus.NOT_SCHEDULED


def is_overdue(facts: PlanFacts, today: date) -> bool:
    status = status_of(facts)
    if status in {PlanStatus.TAKEN, PlanStatus.WITHDRAWN} or facts.due_by is None:
        return False
    if today > facts.due_by:
        return True
    when = facts.on_agenda_of if status == PlanStatus.ON_AGENDA else None
    if status == PlanStatus.PLANNED:
        when = facts.planned_for
    return when is not None and when > facts.due_by


def window(asked_on: date, months_from: int, months_to: int) -> tuple[date, date]:
    """The window for an update asked for "in `months_from`-`months_to` months" (a
    month on from 31 January is the end of February)."""
    if months_to < months_from:
        raise ValueError("The window must end after it starts.")
    return (
        asked_on + relativedelta(months=months_from),
        asked_on + relativedelta(months=months_to),
    )


# The windows a clerk picks from when adding an entry, as (key, label, from, to).
WINDOWS = [
    ("3", "In 3 months", 2, 3),
    ("6", "In 6 months", 5, 6),
    ("9-12", "In 9 to 12 months", 9, 12),
    ("12", "In a year (annual)", 11, 12),
]


def next_title(title: str) -> str:
    """Next year's title for an annual report: "CHSAB Annual Report 2020/21" becomes
    "CHSAB Annual Report 2021/22"; a title without such a year stays as it is."""

    def bump(m: re.Match) -> str:
        first, sep, second = int(m.group(1)), m.group(2), m.group(3)
        width = len(second)
        if int(second) != (first + 1) % 10**width:
            return m.group(0)  # not a year span such as 2020/21, e.g. a date
        return f"{first + 1}{sep}{(int(second) + 1) % 10**width:0{width}d}"

    return re.sub(r"\b(\d{4})([/-])(\d{2}|\d{4})\b", bump, title)


def next_year(facts_due_from: date | None, facts_due_by: date | None):
    """The window of next year's entry for an annual report."""
    return (
        facts_due_from + relativedelta(years=1) if facts_due_from else None,
        facts_due_by + relativedelta(years=1) if facts_due_by else None,
    )


# --- the rules applied to the database ------------------------------------------------


@dataclass
class PlanRow:
    entry: object  # ForwardPlanItem
    status: PlanStatus
    overdue: bool

    @property
    def due_label(self) -> str:
        e = self.entry
        if e.due_from and e.due_by:
            return f"{_month_day(e.due_from)} to {_month_day(e.due_by)}"
        if e.due_by:
            return f"By {_month_day(e.due_by)}"
        return "No date set"


def _month_day(d: date) -> str:
    return f"{d.day} {d:%B %Y}"


def facts_for(entry) -> PlanFacts:
    agenda_meeting = entry.agenda_item.meeting if entry.agenda_item_id else None
    return PlanFacts(
        due_by=entry.due_by,
        withdrawn=entry.withdrawn,
        planned_for=entry.meeting.date if entry.meeting_id else None,
        planned_cancelled=bool(entry.meeting_id and entry.meeting.status == "cancelled"),
        on_agenda_of=agenda_meeting.date if agenda_meeting else None,
        agenda_meeting_held=bool(agenda_meeting and agenda_meeting.status == "held"),
    )


def plan_rows(body, viewer, today: date | None = None) -> list[PlanRow]:
    """The body's forward plan as `viewer` may see it, with status and overdue flag:
    what is still to come first (by due date), then what was taken or withdrawn."""
    from django.utils import timezone

    from .models import ForwardPlanItem

    today = today or timezone.localdate()
    entries = (
        ForwardPlanItem.objects.visible_to(viewer)
        .filter(body=body)
        .select_related("meeting", "agenda_item__meeting", "requested_by", "review")
    )
    rows = []
    for e in entries:
        facts = facts_for(e)
        rows.append(PlanRow(e, status_of(facts), is_overdue(facts, today)))
    done = {PlanStatus.TAKEN, PlanStatus.WITHDRAWN}
    rows.sort(key=lambda r: (r.status in done, r.entry.due_by or date.max, r.entry.pk))
    return rows
