"""RAG is derived, never typed. The rule (also in docs/rag.md):

1. An item that has been verified is **verified**.
2. Else an item whose status is complete is **complete**.
3. Else an item with a deadline that has passed (today is after the due date; for a due
   month, after its last day) is **red** (overdue).
4. Else an item whose reported progress is below its expected progress is **amber**
   (behind). Expected progress is the share of the planned time that has elapsed:
   (today - start) / (deadline - start), as a percentage, capped to 0..100.
5. Else it is **green** (on track). An item with no due date cannot be overdue or behind:
   it is green, labelled "No date" so nobody mistakes it for a checked deadline.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    COMPLETE = "complete"
    VERIFIED = "verified"
    NONE = "none"  # green, but with no due date to be on track against

    @property
    def label(self) -> str:
        return {
            "red": "Overdue",
            "amber": "Behind schedule",
            "green": "On track",
            "complete": "Complete",
            "verified": "Verified",
            "none": "No date",
        }[self.value]


def deadline(due: date | None, precision: str) -> date | None:
    """The last day an item can be delivered on time: the due date, or its month's end."""
    if due is None:
        return None
    if precision == "month":
        return due.replace(day=calendar.monthrange(due.year, due.month)[1])
    return due


def expected_progress(start: date, end: date, today: date) -> int:
    """Percentage of the planned time from `start` to `end` that has elapsed by `today`."""
    if end <= start:
        return 100 if today >= end else 0
    elapsed = (today - start).days / (end - start).days
    return max(0, min(100, int(elapsed * 100)))


@dataclass(frozen=True)
class RagInputs:
    complete: bool
    verified: bool
    due: date | None
    due_precision: str
    start: date
    progress: int


def derive_rag(item: RagInputs, today: date) -> Rag:
    """Apply the rule above to one item on `today`."""
    if item.verified:
        return Rag.VERIFIED
    if item.complete:
        return Rag.COMPLETE
    end = deadline(item.due, item.due_precision)
    if end is None:
        return Rag.NONE
    if today > end:
        return Rag.RED
    if item.progress < expected_progress(item.start, end, today):
        return Rag.AMBER
    return Rag.GREEN
