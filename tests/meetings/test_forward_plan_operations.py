"""The forward plan in the database: planning, scheduling onto agendas, annual
reports that plan next year's, withdrawal, and the overdue flag."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from oversight.meetings import operations
from oversight.meetings.forward_plan import PlanStatus, plan_rows
from oversight.meetings.models import ForwardPlanItem
from oversight.visibility.viewer import PUBLIC

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def b():
    return f.board()


def test_an_entry_planned_for_a_meeting_goes_onto_its_agenda_before_aob(b):
    m = f.meeting(b.body, date(2099, 3, 1))
    f.item(m, "Welcome", 5)
    f.item(m, "AOB", None)
    entry = operations.add_forward_plan_item(
        b.body,
        title="Prevent annual update",
        lead="Tracey Thomas",
        duration_minutes=20,
        due_by=date(2099, 3, 31),
        meeting=m,
    )
    assert entry.agenda_item.title == "Prevent annual update"
    assert entry.agenda_item.presenters == ["Tracey Thomas"]
    assert [i.title for i in m.agenda_items(manager="private_objects").order_by("position")] == [
        "Welcome",
        "Prevent annual update",
        "AOB",
    ]
    [row] = plan_rows(b.body, PUBLIC, today=date(2099, 1, 1))
    assert row.status == PlanStatus.ON_AGENDA and not row.overdue


def test_an_annual_report_taken_at_a_held_meeting_plans_next_years(b):
    m = f.meeting(b.body, date(2021, 9, 27))
    entry = operations.add_forward_plan_item(
        b.body,
        title="CHSAB annual report",
        due_from=date(2021, 9, 1),
        due_by=date(2021, 9, 30),
        recurrence="annual",
        meeting=m,
    )
    operations.mark_meeting_held(m)
    operations.mark_meeting_held(m)  # twice: still one next entry
    nxt = ForwardPlanItem.private_objects.get(previous=entry)
    assert (nxt.due_from, nxt.due_by) == (date(2022, 9, 1), date(2022, 9, 30))
    assert nxt.agenda_item is None and nxt.recurrence == "annual"
    rows = {r.entry.pk: r for r in plan_rows(b.body, PUBLIC, today=date(2022, 10, 1))}
    assert rows[entry.pk].status == PlanStatus.TAKEN and not rows[entry.pk].overdue
    assert rows[nxt.pk].status == PlanStatus.NOT_SCHEDULED and rows[nxt.pk].overdue


def test_scheduling_needs_a_meeting_to_come_of_the_same_body(b):
    entry = operations.add_forward_plan_item(b.body, title="Update", due_by=date(2099, 1, 1))
    held = f.meeting(b.body, date(2021, 1, 1), status="held")
    elsewhere = f.meeting(f.body("Other"), date(2099, 1, 1))
    for meeting in (held, elsewhere):
        with pytest.raises(ValidationError):
            operations.schedule_forward_plan_item(entry, meeting)
    upcoming = f.meeting(b.body, date(2099, 1, 1))
    operations.schedule_forward_plan_item(entry, upcoming)
    with pytest.raises(ValidationError):
        operations.schedule_forward_plan_item(entry, upcoming)  # already on it


def test_a_withdrawn_entry_is_kept_but_never_overdue(b):
    entry = operations.add_forward_plan_item(b.body, title="Old report", due_by=date(2020, 1, 1))
    operations.withdraw_forward_plan_item(entry)
    [row] = plan_rows(b.body, PUBLIC, today=date(2022, 1, 1))
    assert row.status == PlanStatus.WITHDRAWN and not row.overdue


def test_the_public_does_not_see_restricted_entries_or_those_of_private_bodies(b):
    operations.add_forward_plan_item(b.body, title="Open", due_by=date(2099, 1, 1))
    operations.add_forward_plan_item(
        b.body, title="Secret", due_by=date(2099, 1, 1), restricted=True
    )
    private = f.body("Private panel", is_public=False)
    operations.add_forward_plan_item(private, title="Private", due_by=date(2099, 1, 1))
    assert [r.entry.title for r in plan_rows(b.body, PUBLIC)] == ["Open"]
    assert plan_rows(private, PUBLIC) == []
    assert len(plan_rows(b.body, f.viewer(b.member))) == 2


def test_the_window_must_make_sense(b):
    with pytest.raises(ValidationError):
        operations.add_forward_plan_item(
            b.body, title="Backwards", due_from=date(2022, 5, 1), due_by=date(2022, 1, 1)
        )


def test_the_check_command_lists_overdue_reports_and_can_fail_a_job(b):
    from io import StringIO

    from django.core.management import CommandError, call_command

    operations.add_forward_plan_item(
        b.body, title="Late report", lead="Ann", due_by=date(2020, 1, 1)
    )
    operations.add_forward_plan_item(b.body, title="Future report", due_by=date(2099, 1, 1))
    out = StringIO()
    call_command("meetings_forward_plan_check", stdout=out)
    assert "OVERDUE Late report (Ann), due by 1 January 2020" in out.getvalue()
    assert "Future report" not in out.getvalue()
    with pytest.raises(CommandError):
        call_command("meetings_forward_plan_check", "--fail", stdout=StringIO())
