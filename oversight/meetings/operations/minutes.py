"""Attendance, the minutes (notes, decisions, actions), carried actions, approval
and corrections."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from oversight.directory.models import Organisation, Person
from oversight.tracker import operations as tracker_operations
from oversight.tracker.models import TrackedItem

from ..carry_forward import carried_actions
from ..models import (
    ActionReview,
    AgendaItem,
    Attendance,
    Correction,
    Decision,
    Meeting,
)
from ._common import everyone, lock_meeting, refuse_if_locked

# --- attendance -----------------------------------------------------------------------


@transaction.atomic
def record_attendance(
    meeting: Meeting, *, person: Person, status: str, substitute_for: Person | None = None
) -> Attendance:
    """Record (or change) whether `person` was present, sent apologies or was absent;
    a substitute is present in someone else's place."""
    meeting = lock_meeting(meeting)
    refuse_if_locked(meeting)
    if status not in Attendance.Status.values:
        raise ValidationError(f"Unknown attendance {status!r}.")
    if substitute_for is not None:
        if substitute_for.pk == person.pk:
            raise ValidationError("Someone cannot substitute for themselves.")
        if status != Attendance.Status.PRESENT:
            raise ValidationError("A substitute is someone who was present.")
    attendance, _ = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={"status": status, "substitute_for": substitute_for},
    )
    return attendance


@transaction.atomic
def remove_attendance(attendance: Attendance) -> None:
    refuse_if_locked(lock_meeting(attendance.meeting))
    attendance.delete()


# --- minutes --------------------------------------------------------------------------


@transaction.atomic
def record_minutes(item: AgendaItem, *, notes: str) -> AgendaItem:
    """Write the notes of the discussion of `item` (draft minutes only)."""
    refuse_if_locked(lock_meeting(item.meeting))
    item = AgendaItem.private_objects.get(pk=item.pk)
    item.notes = notes.strip()
    item.save(update_fields=["notes"])
    return item


@transaction.atomic
def add_decision(item: AgendaItem, *, text: str) -> Decision:
    refuse_if_locked(lock_meeting(item.meeting))
    if not text.strip():
        raise ValidationError("Say what was decided.")
    return Decision.private_objects.create(
        meeting_id=item.meeting_id, agenda_item=item, text=text.strip(), restricted=item.restricted
    )


@transaction.atomic
def add_action(
    meeting: Meeting,
    *,
    text: str,
    agenda_item: AgendaItem | None = None,
    owner_person: Person | None = None,
    owner_org: Organisation | None = None,
    due_date: date | None = None,
    due_precision: str = TrackedItem.Precision.DAY,
    restricted: bool = False,
) -> TrackedItem:
    """An action agreed at `meeting`: a tracked item owned by a person and/or an
    organisation, overseen by the meeting's body. An action under an exempt item is
    restricted too, so the tracker's public pages cannot show it."""
    meeting = lock_meeting(meeting)
    refuse_if_locked(meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError("This meeting was cancelled.")
    if not text.strip():
        raise ValidationError("Say what is to be done.")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That item is on another meeting's agenda.")
    if owner_person is None and owner_org is None:
        raise ValidationError("Give the action an owner: a person, an organisation or both.")
    if owner_org is None and owner_person is not None:
        owner_org = owner_person.organisation
    return TrackedItem.private_objects.create(
        text=text.strip(),
        origin=TrackedItem.Origin.ACTION,
        meeting=meeting,
        agenda_item=agenda_item,
        owner_person=owner_person,
        owner_org=owner_org,
        start_date=meeting.date,
        due_date=due_date,
        due_precision=due_precision,
        restricted=restricted or bool(agenda_item and agenda_item.restricted),
    )


def _check_carried(meeting: Meeting, item: TrackedItem) -> None:
    if not any(row.item.pk == item.pk for row in carried_actions(meeting, everyone())):
        raise ValidationError("This action is not open from an earlier meeting of this body.")


@transaction.atomic
def record_action_update(
    meeting: Meeting,
    item: TrackedItem,
    *,
    narrative: str,
    progress: int | None = None,
    author: Person | None = None,
    user=None,
) -> ActionReview:
    """Record what `meeting` heard about an action carried forward to it. The action
    stays open (in progress), with the tracker's update appended to its history."""
    meeting = lock_meeting(meeting)
    refuse_if_locked(meeting)
    _check_carried(meeting, item)
    status = TrackedItem.Status.IN_PROGRESS
    update = tracker_operations.record_update(
        item,
        author=author,
        user=user,
        narrative=narrative,
        status=status,
        progress=item.progress if progress is None else progress,
    )
    return ActionReview.objects.create(
        meeting=meeting,
        item=item,
        update=update,
        outcome=ActionReview.Outcome.UPDATED,
        recorded_by=user,
    )


@transaction.atomic
def close_action(
    meeting: Meeting,
    item: TrackedItem,
    *,
    narrative: str,
    author: Person | None = None,
    user=None,
) -> ActionReview:
    """`meeting` agrees that an action carried forward to it is done: the item is
    complete, and it is not carried to later meetings."""
    meeting = lock_meeting(meeting)
    refuse_if_locked(meeting)
    _check_carried(meeting, item)
    update = tracker_operations.record_update(
        item,
        author=author,
        user=user,
        narrative=narrative,
        status=TrackedItem.Status.COMPLETE,
        progress=100,
    )
    return ActionReview.objects.create(
        meeting=meeting,
        item=item,
        update=update,
        outcome=ActionReview.Outcome.CLOSED,
        recorded_by=user,
    )


@transaction.atomic
def approve_minutes(meeting: Meeting, *, at: Meeting, user=None) -> Meeting:
    """The minutes of `meeting` are approved at `at`, a later meeting of the same body.
    From now on they are locked: only `correct_minutes` may add to them."""
    meeting = lock_meeting(meeting)
    if meeting.minutes_locked:
        raise ValidationError("These minutes have already been approved.")
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError("Only the minutes of a meeting that was held can be approved.")
    if at.body_id != meeting.body_id:
        raise ValidationError("Minutes are approved at a meeting of the same body.")
    if at.status == Meeting.Status.CANCELLED:
        raise ValidationError("That meeting was cancelled.")
    if not meeting.sort_key < at.sort_key:
        raise ValidationError("Minutes are approved at a later meeting.")
    meeting.minutes_approved_on = at.date
    meeting.minutes_approved_at = at
    meeting._change_reason = f"Minutes approved at the meeting of {at.date:%d %B %Y}"
    meeting.save(update_fields=["minutes_approved_on", "minutes_approved_at"])
    return meeting


@transaction.atomic
def correct_minutes(
    meeting: Meeting,
    *,
    text: str,
    reason: str = "",
    agenda_item: AgendaItem | None = None,
    agreed_at: Meeting | None = None,
    user=None,
) -> Correction:
    """Append a correction to approved minutes (draft minutes are simply edited)."""
    meeting = lock_meeting(meeting)
    if not meeting.minutes_locked:
        raise ValidationError("These minutes are still in draft: edit them instead.")
    if not text.strip():
        raise ValidationError("Say what the minutes should say.")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That item is on another meeting's agenda.")
    if agreed_at is not None and agreed_at.body_id != meeting.body_id:
        raise ValidationError("Corrections are agreed at a meeting of the same body.")
    return Correction.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        text=text.strip(),
        reason=reason.strip(),
        agreed_at=agreed_at,
        recorded_by=user,
    )
