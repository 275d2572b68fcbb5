"""Which actions a meeting takes under "Notes, actions and updates", and with which
update: the action log carrying itself forward.

The rule (pure, at the top of this module): a meeting of a body takes every action
agreed at an earlier meeting of that body which was still open when this meeting came:
- an action closed at a meeting is taken at that meeting (shown as closed there) and at
  none after it;
- an action completed outside a meeting (an owner's update, a verification) is taken at
  the meetings before its completion and at the first meeting on or after it, where it
  shows as complete, and not after that;
- every other action is open, so it is taken.
Its "latest update" at a meeting is the update recorded at that meeting if there is
one, else the newest update that was not recorded at this or a later meeting.

`carried_actions(meeting, viewer)` applies the rule to the database for one meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

MeetingKey = tuple[date, time, int]


def meeting_key(on: date, start: time | None, pk: int | None) -> MeetingKey:
    """Meetings in the order they happen: date, start time, then creation order."""
    return (on, start or time.min, pk or 0)


@dataclass(frozen=True)
class ActionFacts:
    item_id: int
    agreed_at: MeetingKey
    closed_at: MeetingKey | None = None  # the meeting that closed it, if one did
    completed_on: date | None = None  # when it was completed outside a meeting, if it is


def is_carried(
    meeting: MeetingKey, action: ActionFacts, previous: MeetingKey | None = None
) -> bool:
    """Whether the meeting `meeting` takes `action` (see the module's rule).
    `previous` is the body's meeting before `meeting`, if there was one."""
    if not action.agreed_at < meeting:
        return False
    if action.closed_at is not None:
        return meeting <= action.closed_at
    if action.completed_on is not None:
        # Completed since the previous meeting: this one still sees it, as complete.
        return previous is None or previous[0] < action.completed_on
    return True


@dataclass(frozen=True)
class UpdateFacts:
    update_id: int
    created_at: datetime
    recorded_at: MeetingKey | None = None  # the meeting that recorded it, if one did


def latest_update_for(meeting: MeetingKey, updates: Iterable[UpdateFacts]) -> int | None:
    """The update to show beside an action at `meeting` (see the module's rule)."""
    updates = list(updates)
    here = [u for u in updates if u.recorded_at == meeting]
    if here:
        return max(here, key=lambda u: (u.created_at, u.update_id)).update_id
    earlier = [u for u in updates if u.recorded_at is None or u.recorded_at < meeting]
    if not earlier:
        return None
    return max(earlier, key=lambda u: (u.created_at, u.update_id)).update_id


# --- the rule applied to the database ------------------------------------------------


@dataclass
class CarriedAction:
    """One row of "Notes, actions and updates" at a meeting."""

    item: object  # TrackedItem
    agreed_at: object  # Meeting
    latest_update: object | None  # Update
    review: object | None  # ActionReview at this meeting, if any
    rag: object  # Rag

    @property
    def updated_here(self) -> bool:
        return self.review is not None

    @property
    def closed_here(self) -> bool:
        return self.review is not None and self.review.outcome == "closed"


def _completed_on(item, updates) -> date | None:
    """The day a complete item was completed: its first update in the final run of
    "complete" updates, or the verification, or (with no record of it) its creation."""
    if not item.is_complete:
        return None
    days = []
    run = None
    for u in sorted(updates, key=lambda u: (u.created_at, u.pk)):
        if u.status == "complete":
            run = run or u.created_at
        else:
            run = None
    if run is not None:
        days.append(timezone.localdate(run))
    if item.verified_at:
        days.append(timezone.localdate(item.verified_at))
    if not days:
        days.append(timezone.localdate(item.created_at))
    return min(days)


def carried_actions(meeting, viewer) -> list[CarriedAction]:
    """The actions `meeting` takes, as `viewer` may see them, oldest first."""
    from oversight.tracker.models import TrackedItem

    from .models import ActionReview, Meeting

    here = meeting.sort_key
    # An action under an exempt item is restricted like the item (Restrictable).
    candidates = list(
        TrackedItem.objects.visible_to(viewer)
        .filter(
            origin=TrackedItem.Origin.ACTION,
            meeting__body_id=meeting.body_id,
            meeting__date__lte=meeting.date,
        )
        .exclude(meeting=meeting)
        .select_related("meeting", "owner_person", "owner_org", "agenda_item")
        .prefetch_related("updates")
    )
    reviews: dict[int, list] = {}
    for r in ActionReview.objects.filter(item__in=candidates).select_related("meeting", "update"):
        reviews.setdefault(r.item_id, []).append(r)
    earlier = [
        m.sort_key
        for m in Meeting.objects.visible_to(viewer)
        .filter(body_id=meeting.body_id, date__lte=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .exclude(pk=meeting.pk)
    ]
    previous = max((k for k in earlier if k < here), default=None)
    today = timezone.localdate()
    rows = []
    for item in candidates:
        item_reviews = reviews.get(item.pk, [])
        closing = [r.meeting.sort_key for r in item_reviews if r.outcome == "closed"]
        updates = list(item.updates.all())
        facts = ActionFacts(
            item.pk,
            item.meeting.sort_key,
            closed_at=min(closing) if closing else None,
            completed_on=None if closing else _completed_on(item, updates),
        )
        if not is_carried(here, facts, previous):
            continue
        recorded = {r.update_id: r.meeting.sort_key for r in item_reviews if r.update_id}
        latest_id = latest_update_for(
            here, [UpdateFacts(u.pk, u.created_at, recorded.get(u.pk)) for u in updates]
        )
        review_here = [r for r in item_reviews if r.meeting_id == meeting.pk]
        rows.append(
            CarriedAction(
                item=item,
                agreed_at=item.meeting,
                latest_update=next((u for u in updates if u.pk == latest_id), None),
                review=review_here[-1] if review_here else None,
                rag=item.rag(today),
            )
        )
    rows.sort(key=lambda r: (r.agreed_at.sort_key, r.item.pk))
    return rows
