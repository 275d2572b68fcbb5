"""The meeting operations: building agendas, attendance, actions, carry-forward,
approval and locking, corrections."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from oversight.meetings import operations
from oversight.meetings.carry_forward import carried_actions
from oversight.meetings.models import (
    ActionReview,
    AgendaItem,
    Attendance,
    Correction,
    Decision,
    Meeting,
)
from oversight.tracker import operations as tracker_ops
from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import PUBLIC, Viewer

from . import factories as f

pytestmark = pytest.mark.django_db
EVERYONE = Viewer(is_superuser=True)


def times(meeting):
    return [
        (i.number, i.title, i.start.strftime("%H:%M") if i.start else None)
        for i in meeting.agenda_items(manager="private_objects").order_by("position")
    ]


@pytest.fixture
def b():
    return f.board()


@pytest.fixture
def sept(b):
    m = f.meeting(b.body, date(2021, 9, 27), status=Meeting.Status.HELD)
    f.item(m, "Welcome", 5, standing=True)
    f.item(m, "Notes, actions and updates", 10, standing=True, kind="actions")
    f.item(m, "Prevent annual update", 20)
    f.item(m, "AOB and close", None, standing=True)
    operations.retime_agenda(m, renumber=True)
    return m


# --- the agenda -------------------------------------------------------------------------


def test_added_items_get_times_from_the_durations_and_go_before_aob(sept):
    operations.add_agenda_item(sept, title="Partner updates", duration_minutes=40)
    assert times(sept) == [
        ("1", "Welcome", "14:00"),
        ("2", "Notes, actions and updates", "14:05"),
        ("3", "Prevent annual update", "14:15"),
        ("4", "Partner updates", "14:35"),
        ("5", "AOB and close", "15:15"),
    ]


def test_moving_an_item_renumbers_and_recomputes_the_times(sept):
    prevent = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    operations.move_agenda_item(prevent, "up")
    assert times(sept)[:3] == [
        ("1", "Welcome", "14:00"),
        ("2", "Prevent annual update", "14:05"),
        ("3", "Notes, actions and updates", "14:25"),
    ]
    operations.move_agenda_item(prevent, 0)
    assert times(sept)[0] == ("1", "Prevent annual update", "14:00")


def test_a_pinned_item_keeps_its_time_when_others_move(sept):
    prevent = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    operations.update_agenda_item(prevent, pinned_start=time(15))
    welcome = sept.agenda_items(manager="private_objects").get(title="Welcome")
    operations.move_agenda_item(welcome, "down")
    assert dict((t, s) for _, t, s in times(sept)) == {
        "Notes, actions and updates": "14:00",
        "Welcome": "14:10",
        "Prevent annual update": "15:00",
        "AOB and close": "15:20",
    }
    operations.update_agenda_item(prevent, pinned_start=None)
    assert sept.agenda_items(manager="private_objects").get(pk=prevent.pk).start == time(14, 15)


def test_changing_the_meeting_start_moves_the_agenda_with_it(sept):
    operations.update_meeting(sept, start=time(10), end=time(12))
    assert [s for *_, s in times(sept)] == ["10:00", "10:05", "10:15", "10:35"]


def test_the_overrun_warning_follows_the_durations(sept):
    assert not operations.agenda_timing(sept).overruns
    operations.add_agenda_item(sept, title="Long discussion", duration_minutes=90)
    timing = operations.agenda_timing(sept)
    assert timing.overrun_minutes == 5
    assert "5 minutes past the scheduled end at 16:00" in timing.warnings[0]


def test_an_item_needs_a_title_and_a_positive_duration(sept):
    with pytest.raises(ValidationError):
        operations.add_agenda_item(sept, title="  ")
    with pytest.raises(ValidationError):
        operations.add_agenda_item(sept, title="Zero", duration_minutes=0)


def test_an_item_with_actions_recorded_under_it_cannot_be_removed(sept, b):
    prevent = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    operations.add_action(sept, agenda_item=prevent, text="Support the bid", owner_org=b.council)
    with pytest.raises(ValidationError):
        operations.remove_agenda_item(prevent)
    welcome = sept.agenda_items(manager="private_objects").get(title="Welcome")
    operations.remove_agenda_item(welcome)
    assert times(sept)[0] == ("1", "Notes, actions and updates", "14:00")


def test_the_next_meeting_has_the_standing_items_times_and_place(sept):
    sept.venue = "Hackney Town Hall"
    sept.save()
    dec = operations.create_next_meeting(sept, date=date(2021, 12, 8))
    assert (dec.start, dec.end, dec.venue, dec.published) == (
        time(14),
        time(16),
        "Hackney Town Hall",
        True,
    )
    assert times(dec) == [
        ("1", "Welcome", "14:00"),
        ("2", "Notes, actions and updates", "14:05"),
        ("3", "AOB and close", "14:15"),
    ]
    assert all(i.standing for i in dec.agenda_items(manager="private_objects").all())
    assert (
        dec.agenda_items(manager="private_objects").get(number="2").kind == AgendaItem.Kind.ACTIONS
    )


def test_the_next_meeting_must_come_after(sept):
    with pytest.raises(ValidationError):
        operations.create_next_meeting(sept, date=sept.date)


def test_a_new_meeting_starts_from_the_bodys_latest_standing_items(sept, b):
    m = operations.create_meeting(b.body, date=date(2022, 3, 9), start=time(10))
    assert [t for _, t, _ in times(m)] == ["Welcome", "Notes, actions and updates", "AOB and close"]


def test_a_meeting_is_held_only_on_or_after_its_date_and_a_held_one_cannot_be_cancelled(b):
    future = f.meeting(b.body, date(2099, 1, 1))
    with pytest.raises(ValidationError):
        operations.mark_meeting_held(future)
    past = f.meeting(b.body, date(2021, 1, 1))
    operations.mark_meeting_held(past)
    with pytest.raises(ValidationError):
        operations.cancel_meeting(past)
    assert operations.cancel_meeting(future).status == Meeting.Status.CANCELLED


# --- attendance and actions ------------------------------------------------------------


def test_attendance_records_substitutes_who_were_present(sept, b):
    deputy = f.person("Dana Deputy", b.police)
    operations.record_attendance(sept, person=deputy, status="present", substitute_for=b.member)
    operations.record_attendance(sept, person=b.member, status="apologies")
    operations.record_attendance(sept, person=b.member, status="absent")  # a change, not a copy
    assert sept.attendance.count() == 2
    assert sept.attendance.get(person=b.member).status == Attendance.Status.ABSENT
    with pytest.raises(ValidationError):
        operations.record_attendance(
            sept, person=deputy, status="apologies", substitute_for=b.member
        )
    with pytest.raises(ValidationError):
        operations.record_attendance(sept, person=deputy, status="present", substitute_for=deputy)


def test_an_action_is_a_tracked_item_from_this_meeting_and_item(sept, b):
    prevent = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    a = operations.add_action(
        sept,
        agenda_item=prevent,
        text="Support the Prevent submission",
        owner_person=b.member,
        due_date=date(2021, 10, 31),
    )
    assert (a.origin, a.meeting, a.agenda_item, a.owner_person) == (
        TrackedItem.Origin.ACTION,
        sept,
        prevent,
        b.member,
    )
    assert a.owner_org == b.police  # the owner's organisation, unless another is given
    assert a.start_date == sept.date and a.due_date == date(2021, 10, 31)
    assert a.overseeing_body == b.body
    with pytest.raises(ValidationError):
        operations.add_action(sept, text="Nobody's job")


def test_an_action_under_an_exempt_item_is_restricted(sept, b):
    exempt = operations.add_agenda_item(sept, title="Case review", restricted=True)
    a = operations.add_action(sept, agenda_item=exempt, text="Refer the case", owner_org=b.police)
    assert a.restricted
    assert not TrackedItem.objects.public().filter(pk=a.pk).exists()


def test_making_an_item_exempt_restricts_the_actions_agreed_under_it(sept, b):
    prevent = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    a = operations.add_action(sept, agenda_item=prevent, text="Named case", owner_org=b.police)
    assert TrackedItem.objects.public().filter(pk=a.pk).exists()
    operations.update_agenda_item(prevent, restricted=True)
    assert not TrackedItem.objects.public().filter(pk=a.pk).exists()


# --- carrying actions forward ------------------------------------------------------------


@pytest.fixture
def dec(sept):
    return operations.create_next_meeting(sept, date=date(2021, 12, 8))


def test_open_actions_are_carried_to_the_next_meeting_with_their_latest_update(b):
    today = timezone.localdate()
    last = f.meeting(b.body, today - timedelta(days=60), status=Meeting.Status.HELD)
    f.item(last, "Notes, actions and updates", 10, standing=True, kind="actions")
    a = operations.add_action(last, text="Share the review's findings", owner_person=b.member)
    done = operations.add_action(last, text="Done since", owner_org=b.council)
    tracker_ops.record_update(
        a,
        author=None,
        narrative="Lessons still being identified",
        status="in_progress",
        progress=20,
    )
    tracker_ops.record_update(done, author=None, narrative="Done", status="complete", progress=100)
    following = operations.create_next_meeting(last, date=today + timedelta(days=30))
    rows = carried_actions(following, EVERYONE)
    assert [r.item for r in rows] == [a, done]  # done since the last meeting: shown done
    assert rows[0].latest_update.narrative == "Lessons still being identified"
    assert rows[0].agreed_at == last
    assert rows[1].rag.value == "complete"
    assert carried_actions(last, EVERYONE) == []  # not at the meeting that agreed it
    after = operations.create_next_meeting(following, date=today + timedelta(days=120))
    assert [r.item for r in carried_actions(after, EVERYONE)] == [a]


def test_an_action_closed_at_a_meeting_is_not_carried_to_the_one_after(sept, dec, b):
    a = operations.add_action(sept, text="Write to the Home Office", owner_org=b.council)
    operations.close_action(dec, a, narrative="Letter sent on 1 December.")
    a.refresh_from_db()
    assert a.status == TrackedItem.Status.COMPLETE
    row = carried_actions(dec, EVERYONE)[0]
    assert row.closed_here and row.latest_update.narrative == "Letter sent on 1 December."
    march = operations.create_next_meeting(dec, date=date(2022, 3, 9))
    assert carried_actions(march, EVERYONE) == []


def test_an_update_recorded_at_a_meeting_keeps_the_action_open_for_the_next(sept, dec, b):
    a = operations.add_action(sept, text="Review CRP membership", owner_person=b.member)
    review = operations.record_action_update(dec, a, narrative="Done at the last CRP", progress=50)
    assert review.outcome == ActionReview.Outcome.UPDATED
    a.refresh_from_db()
    assert (a.status, a.progress) == ("in_progress", 50)
    march = operations.create_next_meeting(dec, date=date(2022, 3, 9))
    rows = carried_actions(march, EVERYONE)
    assert [r.item for r in rows] == [a]
    assert rows[0].latest_update.narrative == "Done at the last CRP"
    assert not rows[0].updated_here
    # Looking back, December shows what it heard.
    assert carried_actions(dec, EVERYONE)[0].updated_here


def test_only_actions_of_the_same_body_from_earlier_meetings_are_carried(sept, dec, b):
    other = f.meeting(f.body("Another board"), date(2021, 9, 1))
    operations.add_action(other, text="Another board's action", owner_org=b.council)
    operations.add_action(dec, text="Agreed in December", owner_org=b.council)
    assert carried_actions(dec, EVERYONE) == []
    with pytest.raises(ValidationError):
        operations.record_action_update(
            dec, TrackedItem.private_objects.get(text="Agreed in December"), narrative="x"
        )


def test_the_public_does_not_see_restricted_carried_actions(sept, dec, b):
    operations.add_action(sept, text="Open to all", owner_org=b.council)
    operations.add_action(sept, text="Sensitive", owner_org=b.police, restricted=True)
    assert [r.item.text for r in carried_actions(dec, PUBLIC)] == ["Open to all"]
    assert len(carried_actions(dec, f.viewer(b.member))) == 2  # a member of the body


# --- approval, locking and corrections ----------------------------------------------------


def test_minutes_are_approved_at_a_later_meeting_of_the_body_and_then_locked(sept, dec, b):
    item = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    operations.record_minutes(item, notes="26 referrals.")
    operations.approve_minutes(sept, at=dec)
    sept.refresh_from_db()
    assert sept.minutes_locked
    assert (sept.minutes_approved_at, sept.minutes_approved_on) == (dec, dec.date)
    refusals = [
        lambda: operations.record_minutes(item, notes="Changed"),
        lambda: operations.add_decision(item, text="Late decision"),
        lambda: operations.add_action(sept, text="Late action", owner_org=b.council),
        lambda: operations.record_attendance(sept, person=b.member, status="present"),
        lambda: operations.add_agenda_item(sept, title="Late item"),
        lambda: operations.move_agenda_item(item, "up"),
        lambda: operations.approve_minutes(sept, at=dec),
    ]
    for refuse in refusals:
        with pytest.raises(ValidationError):
            refuse()
    assert AgendaItem.private_objects.get(pk=item.pk).notes == "26 referrals."


def test_approval_needs_a_held_meeting_and_a_later_meeting_of_the_same_body(sept, dec, b):
    with pytest.raises(ValidationError):
        operations.approve_minutes(dec, at=sept)  # dec was not held, and sept is earlier
    with pytest.raises(ValidationError):
        operations.approve_minutes(sept, at=sept)
    elsewhere = f.meeting(f.body("Another board"), date(2021, 12, 1))
    with pytest.raises(ValidationError):
        operations.approve_minutes(sept, at=elsewhere)


def test_the_model_refuses_to_change_notes_or_decisions_of_approved_minutes(sept, dec):
    item = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    decision = operations.add_decision(item, text="Support the submission")
    operations.approve_minutes(sept, at=dec)
    item.refresh_from_db()
    item.notes = "Rewritten history"
    with pytest.raises(ValidationError):
        item.save()
    item.notes = ""
    item.standing = True  # other fields may still change
    item.save()
    decision.text = "Something else"
    with pytest.raises(ValidationError):
        decision.save()
    with pytest.raises(ValidationError):
        decision.delete()
    with pytest.raises(ValidationError):
        Decision.objects.create(meeting=sept, agenda_item=item, text="Late")
    sept.refresh_from_db()
    sept.minutes_approved_on = None
    with pytest.raises(ValidationError):
        sept.save()


def test_corrections_are_added_beside_approved_minutes_never_over_them(sept, dec, b):
    item = sept.agenda_items(manager="private_objects").get(title="Prevent annual update")
    operations.record_minutes(item, notes="26 referrals.")
    with pytest.raises(ValidationError):
        operations.correct_minutes(sept, text="Too early: still a draft")
    operations.approve_minutes(sept, at=dec)
    c = operations.correct_minutes(
        sept,
        agenda_item=item,
        text="There were 27 referrals.",
        reason="Typing error",
        agreed_at=dec,
    )
    assert AgendaItem.private_objects.get(pk=item.pk).notes == "26 referrals."
    assert list(sept.corrections.all()) == [c]
    c.text = "Rewritten"
    with pytest.raises(ValidationError):
        c.save()
    assert Correction.objects.get(pk=c.pk).text == "There were 27 referrals."
