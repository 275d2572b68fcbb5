"""The timing rule: start times from the meeting's start and the durations, pinned
times, and the warnings a clerk needs."""

from __future__ import annotations

from datetime import time

from oversight.meetings.agenda_times import Slot, compute, insertion_index


def starts(timing):
    return [t.strftime("%H:%M") if t else None for t in timing.starts]


def test_items_run_one_after_another_from_the_meeting_start():
    # The sample SOG agenda: 5, 10, 20, 20, 15, 10 and 40 minutes from 2pm, then AOB.
    slots = [Slot(d) for d in (5, 10, 20, 20, 15, 10, 40)] + [Slot(None)]
    timing = compute(time(14), slots, time(16))
    assert starts(timing) == [
        "14:00",
        "14:05",
        "14:15",
        "14:35",
        "14:55",
        "15:10",
        "15:20",
        "16:00",
    ]
    assert timing.end == time(16)
    assert not timing.overruns
    assert timing.warnings == []


def test_a_pinned_item_starts_at_its_time_and_the_rest_follow_it():
    slots = [Slot(30), Slot(20, pinned=time(15)), Slot(10)]
    timing = compute(time(14), slots, time(16))
    assert starts(timing) == ["14:00", "15:00", "15:20"]
    assert timing.end == time(15, 30)


def test_warns_when_the_agenda_runs_past_the_scheduled_end():
    timing = compute(time(14), [Slot(60), Slot(45), Slot(30)], time(16))
    assert timing.overruns
    assert timing.overrun_minutes == 15
    assert timing.warnings[0] == (
        "The agenda runs until 16:15, 15 minutes past the scheduled end at 16:00."
    )


def test_warns_when_a_pinned_time_comes_before_the_previous_item_ends():
    timing = compute(time(14), [Slot(40, label="item 1"), Slot(10, pinned=time(14, 30))])
    assert "Item 2 is pinned to start at 14:30, but item 1 runs until 14:40." in timing.warnings


def test_an_item_without_a_duration_leaves_later_items_untimed_until_a_pinned_one():
    slots = [Slot(10), Slot(None, label="item 2"), Slot(10), Slot(10), Slot(5, pinned=time(15))]
    timing = compute(time(14), slots, time(16))
    assert starts(timing) == ["14:00", "14:10", None, None, "15:00"]
    assert timing.warnings == ["Item 2 has no duration, so the items after it have no start time."]


def test_no_meeting_start_means_no_times_except_pinned_ones():
    timing = compute(None, [Slot(10), Slot(10, pinned=time(10)), Slot(10)])
    assert starts(timing) == [None, "10:00", "10:10"]


def test_an_empty_agenda_has_no_end_and_no_warnings():
    timing = compute(time(14), [], time(16))
    assert timing.end is None and timing.warnings == [] and not timing.overruns


def test_an_agenda_past_midnight_is_refused_a_time_and_warned():
    timing = compute(time(23, 30), [Slot(20), Slot(20)])
    assert starts(timing) == ["23:30", "23:50"]
    assert "Item 2 runs past midnight." in timing.warnings


def test_new_items_go_before_a_closing_aob_item():
    assert insertion_index(["Welcome", "Updates", "AOB and Close"]) == 2
    assert insertion_index(["Welcome", "Any other business"]) == 1
    assert insertion_index(["Welcome", "Updates"]) == 2
    assert insertion_index([]) == 0
