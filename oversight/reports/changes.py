"""What changed since the previous report: the state of each item when a report is
issued is kept in its snapshot, and the next report compares the items as they are
now with it.

- a status movement: an item's status as its owner reported it moved (not started, in
  progress, complete), or a recommendation's derived status moved (responded, in
  progress, delivered, verified, closed);
- a new update: any update recorded on a reported item after the previous report was
  issued;
- newly verified: verified now, not verified then;
- newly overdue: overdue now (RAG red), not overdue then (or not yet in the report);
- new items: items the previous report did not have.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from oversight.tracker.models import RECOMMENDATION_STATUS_LABELS, TrackedItem
from oversight.tracker.rag import Rag

if TYPE_CHECKING:
    from .content import UpdateLine
    from .models import UpdateReport

STATUS_LABELS = dict(TrackedItem.Status.choices)


@dataclass(frozen=True)
class ItemState:
    """One item as a report saw it."""

    status: str
    progress: int
    rag: str
    verified: bool
    latest_update: int | None

    @classmethod
    def of(cls, item: TrackedItem, rag: Rag, latest_update: int | None) -> ItemState:
        return cls(
            status=item.status,
            progress=item.progress,
            rag=rag.value,
            verified=item.verified_at is not None,
            latest_update=latest_update,
        )

    @classmethod
    def from_dict(cls, data: dict) -> ItemState:
        return cls(
            status=data["status"],
            progress=int(data["progress"]),
            rag=data["rag"],
            verified=bool(data["verified"]),
            latest_update=data.get("latest_update"),
        )

    @property
    def overdue(self) -> bool:
        return self.rag == Rag.RED

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Movement:
    item_id: int
    item: str
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange:
    """An item named in one list of what changed."""

    item_id: int
    item: str


@dataclass(frozen=True)
class NewUpdate:
    item_id: int
    item: str
    update: UpdateLine


@dataclass(frozen=True)
class Changes:
    previous_issued_at: datetime | None  # None: this is the first report
    status_movements: tuple[Movement, ...] = ()
    recommendation_movements: tuple[Movement, ...] = ()
    new_updates: tuple[NewUpdate, ...] = ()
    newly_verified: tuple[ItemChange, ...] = ()
    newly_overdue: tuple[ItemChange, ...] = ()
    new_items: tuple[ItemChange, ...] = ()

    @property
    def first(self) -> bool:
        return self.previous_issued_at is None

    @property
    def previous_date(self) -> date | None:
        if self.previous_issued_at is None:
            return None
        return timezone.localdate(self.previous_issued_at)

    @property
    def nothing(self) -> bool:
        return not (
            self.status_movements
            or self.recommendation_movements
            or self.new_updates
            or self.newly_verified
            or self.newly_overdue
            or self.new_items
        )


def changes_since(
    previous: UpdateReport | None,
    states: dict[int, ItemState],
    headings: dict[int, str],
    new_updates: list[tuple[int, UpdateLine]],
    recommendations: dict[int, tuple[str, str]] | None = None,
) -> Changes:
    """Compare `states` (item id to state now) with `previous`'s snapshot. `headings`
    names each item; `new_updates` are the (item id, update) recorded since;
    `recommendations` gives each recommendation's (heading, status now)."""
    if previous is None:
        return Changes(previous_issued_at=None)
    before = {
        int(k): ItemState.from_dict(v) for k, v in (previous.snapshot.get("items") or {}).items()
    }
    movements, verified, overdue, new = [], [], [], []
    for pk, now in states.items():
        then = before.get(pk)
        name = headings[pk]
        if then is None:
            new.append(ItemChange(pk, name))
        elif then.status != now.status:
            movements.append(
                Movement(pk, name, STATUS_LABELS[then.status], STATUS_LABELS[now.status])
            )
        if now.verified and not (then and then.verified):
            verified.append(ItemChange(pk, name))
        if now.overdue and not (then and then.overdue):
            overdue.append(ItemChange(pk, name))
    rec_before = previous.snapshot.get("recommendations") or {}
    rec_movements = tuple(
        Movement(pk, name, RECOMMENDATION_STATUS_LABELS[then], RECOMMENDATION_STATUS_LABELS[now])
        for pk, (name, now) in (recommendations or {}).items()
        if (then := rec_before.get(str(pk))) is not None and then != now
    )
    return Changes(
        previous_issued_at=previous.issued_at,
        status_movements=tuple(movements),
        recommendation_movements=rec_movements,
        new_updates=tuple(NewUpdate(pk, headings[pk], line) for pk, line in new_updates),
        newly_verified=tuple(verified),
        newly_overdue=tuple(overdue),
        new_items=tuple(new),
    )
