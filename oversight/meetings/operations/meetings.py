"""Setting meetings up: create, the next one, details, held, cancelled."""

from __future__ import annotations

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from oversight.directory.models import Body, Person

from ..forward_plan import next_title, next_year
from ..models import (
    LOCKED_MESSAGE,
    AgendaItem,
    ForwardPlanItem,
    Meeting,
)
from ._common import lock_meeting
from .agenda import retime_agenda


def _check_times(start: time | None, end: time | None) -> None:
    if start and end and end <= start:
        raise ValidationError("The meeting must end after it starts.")


@transaction.atomic
def create_meeting(
    body: Body,
    *,
    date: date,
    start: time | None = None,
    end: time | None = None,
    title: str = "",
    venue: str = "",
    online_link: str = "",
    chair: Person | None = None,
    published: bool = False,
    restricted: bool = False,
    copy_standing_from: Meeting | None = None,
) -> Meeting:
    """A new scheduled meeting of `body`. Its agenda starts with the standing items of
    `copy_standing_from`, by default the body's latest meeting before `date`."""
    _check_times(start, end)
    if copy_standing_from is None:
        copy_standing_from = (
            Meeting.private_objects.filter(body=body, date__lte=date)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("-date", "-start", "-pk")
            .first()
        )
    meeting = Meeting.private_objects.create(
        body=body,
        date=date,
        start=start,
        end=end,
        title=title.strip(),
        venue=venue.strip(),
        online_link=online_link.strip(),
        chair=chair,
        published=published,
        restricted=restricted,
    )
    if copy_standing_from is not None:
        for item in AgendaItem.private_objects.filter(
            meeting=copy_standing_from, standing=True
        ).order_by("position", "pk"):
            AgendaItem.private_objects.create(
                meeting=meeting,
                position=item.position,
                title=item.title,
                duration_minutes=item.duration_minutes,
                purpose=item.purpose,
                presenters=list(item.presenters or []),
                start=item.start if item.start_pinned else None,
                start_pinned=item.start_pinned,
                standing=True,
                kind=AgendaItem.Kind.ACTIONS if item.is_actions_item else item.kind,
                restricted=item.restricted,
            )
    retime_agenda(meeting, renumber=True)
    return meeting


@transaction.atomic
def create_next_meeting(
    previous: Meeting,
    *,
    date: date,
    start: time | None = None,
    end: time | None = None,
    title: str = "",
    venue: str | None = None,
    online_link: str | None = None,
    chair: Person | None = None,
    published: bool | None = None,
) -> Meeting:
    """The body's next meeting after `previous`: same times, place, chair and
    publication unless given, with `previous`'s standing items on its agenda. Open
    actions come to it by themselves (carry_forward.py)."""
    if date <= previous.date:
        raise ValidationError("The next meeting must be after this one.")
    return create_meeting(
        previous.body,
        date=date,
        start=start if start is not None else previous.start,
        end=end if end is not None else previous.end,
        title=title,
        venue=previous.venue if venue is None else venue,
        online_link=previous.online_link if online_link is None else online_link,
        chair=chair or previous.chair,
        published=previous.published if published is None else published,
        restricted=previous.restricted,
        copy_standing_from=previous,
    )


@transaction.atomic
def update_meeting(meeting: Meeting, **fields) -> Meeting:
    """Change the meeting's details (date, times, place, chair, publication). A new
    start time moves every unpinned agenda item with it."""
    meeting = lock_meeting(meeting)
    allowed = {
        "title",
        "date",
        "start",
        "end",
        "venue",
        "online_link",
        "chair",
        "published",
        "restricted",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Cannot change {', '.join(sorted(unknown))} here.")
    _check_times(fields.get("start", meeting.start), fields.get("end", meeting.end))
    if meeting.minutes_locked and "date" in fields and fields["date"] != meeting.date:
        raise ValidationError(LOCKED_MESSAGE)
    for key, value in fields.items():
        setattr(meeting, key, value)
    meeting.save()
    retime_agenda(meeting)
    return meeting


@transaction.atomic
def mark_meeting_held(meeting: Meeting) -> Meeting:
    """The meeting took place. Annual reports taken at it get next year's entry on the
    forward plan."""
    meeting = lock_meeting(meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    if meeting.date > timezone.localdate():
        raise ValidationError("A meeting cannot be marked as held before its date.")
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status"])
    for entry in ForwardPlanItem.private_objects.filter(
        agenda_item__meeting=meeting,
        recurrence=ForwardPlanItem.Recurrence.ANNUAL,
        withdrawn=False,
    ):
        if ForwardPlanItem.private_objects.filter(previous=entry).exists():
            continue
        due_from, due_by = next_year(entry.due_from, entry.due_by)
        if due_by is None:
            due_from, due_by = next_year(meeting.date, meeting.date)
        ForwardPlanItem.private_objects.create(
            body=entry.body,
            title=next_title(entry.title),
            description=entry.description,
            lead=entry.lead,
            purpose=entry.purpose,
            duration_minutes=entry.duration_minutes,
            requested_by=entry.requested_by,
            review=entry.review,
            due_from=due_from,
            due_by=due_by,
            recurrence=entry.recurrence,
            previous=entry,
            restricted=entry.restricted,
        )
    return meeting


@transaction.atomic
def cancel_meeting(meeting: Meeting) -> Meeting:
    meeting = lock_meeting(meeting)
    if meeting.status == Meeting.Status.HELD:
        raise ValidationError("This meeting has been held, so it cannot be cancelled.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status"])
    return meeting
