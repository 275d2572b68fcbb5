"""A body's forward plan."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from oversight.directory.models import Body

from ..models import (
    AgendaItem,
    ForwardPlanItem,
    Meeting,
)
from .agenda import add_agenda_item


@transaction.atomic
def add_forward_plan_item(
    body: Body,
    *,
    title: str,
    due_by: date | None,
    due_from: date | None = None,
    description: str = "",
    lead: str = "",
    purpose: str = "",
    duration_minutes: int | None = None,
    requested_by: Body | None = None,
    review=None,
    recurrence: str = "",
    meeting: Meeting | None = None,
    restricted: bool = False,
) -> ForwardPlanItem:
    """Plan a report for a future meeting of `body`. With `meeting` (a scheduled
    meeting of the body) it also goes straight onto that meeting's agenda."""
    if not title.strip():
        raise ValidationError("Say what is to come to the meeting.")
    if due_from and due_by and due_by < due_from:
        raise ValidationError("The window must end after it starts.")
    if meeting is not None and meeting.body_id != body.pk:
        raise ValidationError("Choose a meeting of this body.")
    entry = ForwardPlanItem.private_objects.create(
        body=body,
        title=title.strip(),
        description=description.strip(),
        lead=lead.strip(),
        purpose=purpose,
        duration_minutes=duration_minutes,
        requested_by=requested_by,
        review=review,
        due_from=due_from,
        due_by=due_by,
        recurrence=recurrence,
        meeting=meeting,
        restricted=restricted,
    )
    if meeting is not None and meeting.status == Meeting.Status.SCHEDULED:
        schedule_forward_plan_item(entry, meeting)
        entry.refresh_from_db()
    return entry


@transaction.atomic
def schedule_forward_plan_item(entry: ForwardPlanItem, meeting: Meeting) -> AgendaItem:
    """Put a forward plan entry on `meeting`'s agenda (before AOB)."""
    entry = ForwardPlanItem.private_objects.select_for_update().get(pk=entry.pk)
    if meeting.body_id != entry.body_id:
        raise ValidationError("Choose a meeting of this body.")
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError("Reports can only be added to a meeting still to come.")
    if entry.withdrawn:
        raise ValidationError("This entry was withdrawn.")
    if entry.agenda_item_id:
        raise ValidationError("This entry is already on an agenda.")
    item = add_agenda_item(
        meeting,
        title=entry.title,
        presenters=[entry.lead] if entry.lead else [],
        purpose=entry.purpose,
        duration_minutes=entry.duration_minutes,
        restricted=entry.restricted,
    )
    entry.meeting = meeting
    entry.agenda_item = item
    entry.save(update_fields=["meeting", "agenda_item"])
    return item


@transaction.atomic
def update_forward_plan_item(entry: ForwardPlanItem, **fields) -> ForwardPlanItem:
    allowed = {
        "title",
        "description",
        "lead",
        "purpose",
        "duration_minutes",
        "requested_by",
        "review",
        "due_from",
        "due_by",
        "recurrence",
        "meeting",
        "restricted",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Cannot change {', '.join(sorted(unknown))} here.")
    entry = ForwardPlanItem.private_objects.select_for_update().get(pk=entry.pk)
    for key, value in fields.items():
        setattr(entry, key, value)
    if not entry.title.strip():
        raise ValidationError("Say what is to come to the meeting.")
    if entry.due_from and entry.due_by and entry.due_by < entry.due_from:
        raise ValidationError("The window must end after it starts.")
    if entry.meeting is not None and entry.meeting.body_id != entry.body_id:
        raise ValidationError("Choose a meeting of this body.")
    entry.save()
    return entry


@transaction.atomic
def withdraw_forward_plan_item(entry: ForwardPlanItem) -> ForwardPlanItem:
    """No longer expected. It stays on the plan's record, marked withdrawn."""
    entry = ForwardPlanItem.private_objects.select_for_update().get(pk=entry.pk)
    entry.withdrawn = True
    entry.save(update_fields=["withdrawn"])
    return entry
