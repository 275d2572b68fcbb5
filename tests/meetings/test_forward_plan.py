"""The forward plan's rules: status, overdue, and the windows commissions ask for."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.meetings.forward_plan import (
    PlanFacts,
    PlanStatus,
    is_overdue,
    next_title,
    status_of,
    window,
)

TODAY = date(2022, 6, 1)


def test_status_follows_what_happened_to_the_entry():
    assert status_of(PlanFacts()) == PlanStatus.NOT_SCHEDULED
    assert status_of(PlanFacts(planned_for=date(2022, 7, 1))) == PlanStatus.PLANNED
    assert status_of(PlanFacts(planned_for=date(2022, 7, 1), planned_cancelled=True)) == (
        PlanStatus.NOT_SCHEDULED
    )
    assert status_of(PlanFacts(on_agenda_of=date(2022, 7, 1))) == PlanStatus.ON_AGENDA
    taken = PlanFacts(on_agenda_of=date(2022, 3, 1), agenda_meeting_held=True)
    assert status_of(taken) == PlanStatus.TAKEN
    assert status_of(PlanFacts(withdrawn=True, on_agenda_of=date(2022, 3, 1))) == (
        PlanStatus.WITHDRAWN
    )


def test_a_report_not_taken_by_its_due_date_is_overdue():
    assert is_overdue(PlanFacts(due_by=date(2022, 5, 31)), TODAY)
    assert not is_overdue(PlanFacts(due_by=date(2022, 6, 1)), TODAY)
    assert not is_overdue(PlanFacts(), TODAY)


def test_a_report_planned_for_a_meeting_after_its_due_date_is_overdue_already():
    late = PlanFacts(due_by=date(2022, 7, 1), planned_for=date(2022, 9, 1))
    assert is_overdue(late, TODAY)
    assert is_overdue(PlanFacts(due_by=date(2022, 7, 1), on_agenda_of=date(2022, 9, 1)), TODAY)


def test_taken_or_withdrawn_reports_are_never_overdue():
    assert not is_overdue(
        PlanFacts(due_by=date(2022, 1, 1), on_agenda_of=date(2022, 3, 1), agenda_meeting_held=True),
        TODAY,
    )
    assert not is_overdue(PlanFacts(due_by=date(2022, 1, 1), withdrawn=True), TODAY)


def test_an_update_in_9_to_12_months_has_that_window():
    assert window(date(2021, 12, 8), 9, 12) == (date(2022, 9, 8), date(2022, 12, 8))
    with pytest.raises(ValueError):
        window(date(2021, 12, 8), 12, 9)


def test_a_window_keeps_to_the_end_of_short_months():
    assert window(date(2022, 1, 31), 1, 1) == (date(2022, 2, 28), date(2022, 2, 28))
    assert window(date(2023, 11, 30), 3, 12)[0] == date(2024, 2, 29)
    assert window(date(2022, 12, 15), 12, 12)[1] == date(2023, 12, 15)


def test_next_years_annual_report_is_named_for_its_year():
    assert next_title("CHSAB Annual Report 2020/21") == "CHSAB Annual Report 2021/22"
    assert next_title("Annual report 2019-2020") == "Annual report 2020-2021"
    assert next_title("Update of 2021-09-27") == "Update of 2021-09-27"
    assert next_title("Prevent annual update") == "Prevent annual update"
