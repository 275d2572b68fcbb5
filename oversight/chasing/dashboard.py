"""What the dashboard shows of update rounds: an owner's items in open rounds, and an
officer's rounds past their deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer

from .access import can_open_round
from .models import UpdateRound


@dataclass(frozen=True)
class InRound:
    item: TrackedItem
    round: UpdateRound
    answered: bool
    overdue: bool


def items_in_open_rounds(viewer: Viewer, mine: list[TrackedItem], today: date) -> list[InRound]:
    """Each of `mine` (items the viewer may see and owns) in each open round that asks
    about it, soonest deadline first."""
    by_pk = {i.pk: i for i in mine}
    rounds = (
        UpdateRound.objects.visible_to(viewer)
        .filter(status=UpdateRound.Status.OPEN, items__in=list(by_pk))
        .order_by("deadline", "pk")
    )
    rows = []
    for round_ in rounds:
        ids = round_.items.through.objects.filter(
            updateround_id=round_.pk, trackeditem_id__in=list(by_pk)
        ).values_list("trackeditem_id", flat=True)
        answered = round_.answered_item_ids(ids)
        for pk in sorted(ids):
            item = by_pk[pk]
            done = pk in answered
            late = round_.is_past_deadline(today) and not done and not item.is_complete
            rows.append(InRound(item, round_, done, late))
    return rows


def rounds_past_deadline(viewer: Viewer, today: date) -> list[UpdateRound]:
    """Open rounds whose deadline has passed, that this viewer runs."""
    rounds = UpdateRound.objects.visible_to(viewer).filter(
        status=UpdateRound.Status.OPEN, deadline__lt=today
    )
    return [r for r in rounds.select_related("body") if can_open_round(viewer, r.body)]
