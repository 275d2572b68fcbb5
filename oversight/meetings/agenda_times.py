"""When each agenda item starts: a pure rule, with no database.

Items run one after another from the meeting's start, each taking its duration. A
clerk may pin an item's start time (a speaker who can only come at 3pm): the pinned
item starts then, and the items after it are timed from it. An item with no duration
gets a start time but its end is unknown, so the items after it get no time until the
next pinned item; as the last item ("AOB and close") it simply ends the meeting.

The result also says when the agenda ends and warns, in words a clerk can act on,
when it runs past the meeting's scheduled end, when a pinned time falls before the
previous item has finished, and when a missing duration leaves later items untimed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time

MINUTES_IN_DAY = 24 * 60


@dataclass(frozen=True)
class Slot:
    """One agenda item as the rule sees it."""

    duration: int | None = None
    pinned: time | None = None
    label: str = ""  # how warnings name it, e.g. "item 3"


@dataclass(frozen=True)
class Timing:
    starts: list[time | None]
    ends: list[time | None]
    end: time | None  # when the agenda as planned finishes, if known
    overrun_minutes: int = 0  # past the meeting's scheduled end; 0 when not
    warnings: list[str] = field(default_factory=list)

    @property
    def overruns(self) -> bool:
        return self.overrun_minutes > 0


def to_minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def from_minutes(m: int) -> time | None:
    """A time of day, or None past midnight: a meeting does not run into tomorrow."""
    if m < 0 or m >= MINUTES_IN_DAY:
        return None
    return time(m // 60, m % 60)


def hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def compute(
    meeting_start: time | None, slots: Sequence[Slot], meeting_end: time | None = None
) -> Timing:
    """Start and end of each slot, the agenda's end and the warnings (see module)."""
    starts: list[time | None] = []
    ends: list[time | None] = []
    warnings: list[str] = []
    cursor = to_minutes(meeting_start) if meeting_start else None
    cursor_from = None  # the item whose end is the cursor, to name it in a warning
    untimed = None  # an item without a duration that leaves the next ones untimed
    for i, slot in enumerate(slots):
        label = slot.label or f"item {i + 1}"
        if slot.pinned is not None:
            start = to_minutes(slot.pinned)
            if cursor is not None and cursor_from and start < cursor:
                warnings.append(
                    f"{label.capitalize()} is pinned to start at {hhmm(slot.pinned)}, "
                    f"but {cursor_from} runs until {hhmm(from_minutes(cursor))}."
                )
            untimed = None
        else:
            start = cursor
            if start is None and untimed is not None:
                warnings.append(
                    f"{untimed.capitalize()} has no duration, so the items after it "
                    "have no start time."
                )
                untimed = None  # said once for each cause
        starts.append(from_minutes(start) if start is not None else None)
        end = start + slot.duration if start is not None and slot.duration is not None else None
        if end is not None and end >= MINUTES_IN_DAY:
            warnings.append(f"{label.capitalize()} runs past midnight.")
            end = None
        ends.append(from_minutes(end) if end is not None else None)
        if start is not None and slot.duration is None:
            untimed = label
        cursor, cursor_from = end, (label if end is not None else None)
    # The agenda ends when the last item ends; an untimed last item ends it as it starts.
    last_end = (ends[-1] or starts[-1]) if slots else None
    overrun = 0
    if last_end is not None and meeting_end is not None:
        overrun = max(0, to_minutes(last_end) - to_minutes(meeting_end))
    if overrun:
        warnings.insert(
            0,
            f"The agenda runs until {hhmm(last_end)}, {overrun} minutes past the scheduled "
            f"end at {hhmm(meeting_end)}.",
        )
    return Timing(starts, ends, last_end, overrun, warnings)


def insertion_index(titles: Sequence[str]) -> int:
    """Where a new item goes: at the end, but before a closing "AOB" item."""
    if titles and _is_closing(titles[-1]):
        return len(titles) - 1
    return len(titles)


def _is_closing(title: str) -> bool:
    t = title.strip().casefold()
    return t.startswith(("aob", "any other business", "close", "date of next"))
