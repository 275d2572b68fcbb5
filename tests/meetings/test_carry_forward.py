"""The carry-forward rule: which actions a meeting takes, and with which update."""

from __future__ import annotations

from datetime import date, datetime, time

from oversight.meetings.carry_forward import (
    ActionFacts,
    UpdateFacts,
    is_carried,
    latest_update_for,
    meeting_key,
)

SEPT = meeting_key(date(2021, 9, 27), time(14), 1)
DEC = meeting_key(date(2021, 12, 8), time(14), 2)
MARCH = meeting_key(date(2022, 3, 9), time(14), 3)


def test_an_open_action_is_carried_to_every_later_meeting_but_not_its_own():
    action = ActionFacts(1, agreed_at=SEPT)
    assert not is_carried(SEPT, action)
    assert is_carried(DEC, action)
    assert is_carried(MARCH, action)


def test_an_action_closed_at_a_meeting_is_shown_there_and_not_after():
    action = ActionFacts(1, agreed_at=SEPT, closed_at=DEC)
    assert is_carried(DEC, action)
    assert not is_carried(MARCH, action)


def test_an_action_completed_between_meetings_is_shown_done_at_the_next_and_then_drops_off():
    action = ActionFacts(1, agreed_at=SEPT, completed_on=date(2022, 1, 15))
    assert is_carried(DEC, action, previous=SEPT)
    assert is_carried(MARCH, action, previous=DEC)  # completed since December
    june = meeting_key(date(2022, 6, 8), time(14), 4)
    assert not is_carried(june, action, previous=MARCH)


def test_an_action_completed_on_the_day_of_a_meeting_is_shown_there_only():
    action = ActionFacts(1, agreed_at=SEPT, completed_on=DEC[0])
    assert is_carried(DEC, action, previous=SEPT)
    assert not is_carried(MARCH, action, previous=DEC)


def test_an_earlier_meeting_the_same_day_counts_as_earlier():
    morning = meeting_key(date(2021, 12, 8), time(10), 9)
    assert is_carried(DEC, ActionFacts(1, agreed_at=morning))
    assert not is_carried(morning, ActionFacts(1, agreed_at=DEC))


def test_the_update_recorded_at_the_meeting_is_its_latest_update():
    updates = [
        UpdateFacts(1, datetime(2021, 10, 1)),
        UpdateFacts(2, datetime(2021, 12, 8), recorded_at=DEC),
        UpdateFacts(3, datetime(2022, 3, 9), recorded_at=MARCH),
    ]
    assert latest_update_for(DEC, updates) == 2
    assert latest_update_for(MARCH, updates) == 3


def test_without_one_recorded_there_the_latest_is_the_newest_from_before():
    updates = [
        UpdateFacts(1, datetime(2021, 10, 1)),
        UpdateFacts(2, datetime(2021, 12, 8), recorded_at=DEC),
        UpdateFacts(4, datetime(2021, 11, 1)),
    ]
    # At March nothing was recorded: the December one is the newest from before.
    assert latest_update_for(MARCH, updates) == 2
    # Looking back at September, later meetings' updates are not shown.
    assert latest_update_for(SEPT, updates) == 4
    assert latest_update_for(SEPT, []) is None
