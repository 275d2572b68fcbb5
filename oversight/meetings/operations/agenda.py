"""The agenda: items in order with computed times, and papers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from oversight.tracker.models import TrackedItem

from .. import agenda_times
from ..models import (
    AgendaItem,
    Decision,
    ForwardPlanItem,
    Meeting,
    Paper,
)
from ._common import lock_meeting, refuse_if_locked


def agenda_timing(meeting: Meeting, items: Sequence[AgendaItem] | None = None):
    """The computed times and warnings for the meeting's agenda as it stands."""
    items = list(
        items
        if items is not None
        else AgendaItem.private_objects.filter(meeting=meeting).order_by("position", "pk")
    )
    slots = [
        agenda_times.Slot(
            duration=i.duration_minutes,
            pinned=i.start if i.start_pinned else None,
            label=f"item {i.number or n + 1}",
        )
        for n, i in enumerate(items)
    ]
    return agenda_times.compute(meeting.start, slots, meeting.end)


def retime_agenda(meeting: Meeting, *, renumber: bool = False):
    """Write each item's computed start time (and, with `renumber`, its position and
    number 1, 2, 3... in agenda order). Returns the timing, with its warnings."""
    items = list(AgendaItem.private_objects.filter(meeting=meeting).order_by("position", "pk"))
    if renumber:
        for n, item in enumerate(items, start=1):
            item.position, item.number = n, str(n)
    timing = agenda_timing(meeting, items)
    for item, start in zip(items, timing.starts, strict=True):
        changed = ["start"] if item.start != start else []
        item.start = start
        if renumber:
            changed += ["position", "number"]
        if changed:
            item.save(update_fields=changed)
    return timing


def _check_item(title: str, duration: int | None, pinned: bool, start: time | None) -> None:
    if not title.strip():
        raise ValidationError("Give the item a title.")
    if duration is not None and duration <= 0:
        raise ValidationError("The duration must be at least a minute.")
    if pinned and start is None:
        raise ValidationError("Give the time to pin the item to.")


@transaction.atomic
def add_agenda_item(
    meeting: Meeting,
    *,
    title: str,
    presenters: Sequence[str] = (),
    purpose: str = "",
    duration_minutes: int | None = None,
    pinned_start: time | None = None,
    standing: bool = False,
    kind: str = AgendaItem.Kind.ITEM,
    restricted: bool = False,
    index: int | None = None,
) -> AgendaItem:
    """Add an item at `index` (0-based; by default at the end, before "AOB"), then
    renumber and retime the agenda."""
    meeting = lock_meeting(meeting)
    refuse_if_locked(meeting)
    _check_item(title, duration_minutes, pinned_start is not None, pinned_start)
    items = list(AgendaItem.private_objects.filter(meeting=meeting).order_by("position", "pk"))
    if index is None:
        index = agenda_times.insertion_index([i.title for i in items])
    index = max(0, min(index, len(items)))
    item = AgendaItem.private_objects.create(
        meeting=meeting,
        title=title.strip(),
        presenters=[p.strip() for p in presenters if p.strip()],
        purpose=purpose,
        duration_minutes=duration_minutes,
        start=pinned_start,
        start_pinned=pinned_start is not None,
        standing=standing,
        kind=kind,
        restricted=restricted,
    )
    items.insert(index, item)
    for n, each in enumerate(items, start=1):
        if each.position != n:
            each.position = n
            each.save(update_fields=["position"])
    retime_agenda(meeting, renumber=True)
    item.refresh_from_db()
    return item


@transaction.atomic
def update_agenda_item(item: AgendaItem, **fields) -> AgendaItem:
    """Change an item's title, leads, purpose, duration, pinned time, standing or
    restriction; the agenda is retimed. `pinned_start=None` unpins it."""
    meeting = lock_meeting(item.meeting)
    refuse_if_locked(meeting)
    item = AgendaItem.private_objects.get(pk=item.pk)
    allowed = {
        "title",
        "presenters",
        "purpose",
        "duration_minutes",
        "pinned_start",
        "standing",
        "kind",
        "restricted",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Cannot change {', '.join(sorted(unknown))} here.")
    if "pinned_start" in fields:
        pinned = fields.pop("pinned_start")
        item.start_pinned = pinned is not None
        item.start = pinned if pinned is not None else item.start
    if "presenters" in fields:
        fields["presenters"] = [p.strip() for p in fields["presenters"] if p.strip()]
    for key, value in fields.items():
        setattr(item, key, value)
    item.title = item.title.strip()
    _check_item(item.title, item.duration_minutes, item.start_pinned, item.start)
    item.save()
    if item.restricted:
        # The tracker's public pages know nothing of agenda items: an action agreed
        # under an item that is now exempt must be restricted itself. (Lifting the
        # exemption leaves the actions restricted: a person decides, item by item.)
        for action in TrackedItem.private_objects.filter(agenda_item=item, restricted=False):
            action.restricted = True
            action._change_reason = "Its agenda item is exempt"
            action.save(update_fields=["restricted"])
    retime_agenda(meeting)
    item.refresh_from_db()
    return item


@transaction.atomic
def move_agenda_item(item: AgendaItem, direction: str | int) -> AgendaItem:
    """Move an item "up" or "down" one place, or to a 0-based index; renumber and
    retime. Pinned items keep their time; the others follow from the new order."""
    meeting = lock_meeting(item.meeting)
    refuse_if_locked(meeting)
    items = list(AgendaItem.private_objects.filter(meeting=meeting).order_by("position", "pk"))
    here = next(n for n, i in enumerate(items) if i.pk == item.pk)
    if direction == "up":
        to = here - 1
    elif direction == "down":
        to = here + 1
    elif isinstance(direction, int):
        to = direction
    else:
        raise ValidationError("Move the item up or down.")
    to = max(0, min(to, len(items) - 1))
    moving = items.pop(here)
    items.insert(to, moving)
    for n, each in enumerate(items, start=1):
        if each.position != n:
            each.position = n
            each.save(update_fields=["position"])
    retime_agenda(meeting, renumber=True)
    moving.refresh_from_db()
    return moving


@transaction.atomic
def remove_agenda_item(item: AgendaItem) -> None:
    """Take an item off the agenda, unless actions or decisions were recorded under it."""
    meeting = lock_meeting(item.meeting)
    refuse_if_locked(meeting)
    if (
        TrackedItem.private_objects.filter(agenda_item=item).exists()
        or Decision.private_objects.filter(agenda_item=item).exists()
    ):
        raise ValidationError("Actions or decisions are recorded under this item.")
    ForwardPlanItem.private_objects.filter(agenda_item=item).update(agenda_item=None)
    item.delete()
    retime_agenda(meeting, renumber=True)


@transaction.atomic
def add_paper(
    meeting: Meeting,
    *,
    file: UploadedFile,
    title: str = "",
    agenda_item: AgendaItem | None = None,
    restricted: bool = False,
    user=None,
) -> Paper:
    if file.size > settings.MAX_UPLOAD_BYTES:
        limit = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(f"{file.name} is larger than {limit} MB. Upload a smaller file.")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError("That item is on another meeting's agenda.")
    return Paper.private_objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        title=(title or file.name).strip(),
        file=file,
        restricted=restricted or bool(agenda_item and agenda_item.restricted),
        uploaded_by=user,
    )


@transaction.atomic
def remove_paper(paper: Paper) -> None:
    """Take a paper off the meeting (a wrong upload), while its minutes are in draft.
    The file is deleted with it."""
    refuse_if_locked(lock_meeting(paper.meeting))
    paper.file.delete(save=False)
    paper.delete()
