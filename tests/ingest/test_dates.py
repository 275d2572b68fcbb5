"""Dates, times, durations and numbers as UK committee papers write them."""

from __future__ import annotations

from datetime import date

import pytest

from oversight.ingest.extract.commitments import due_date
from oversight.ingest.extract.dates import (
    duration_minutes,
    find_dates,
    find_time_range,
    find_times,
    number_token,
    parse_time,
)

CONTEXT = date(2021, 9, 27)


def values(text: str, context: date | None = CONTEXT) -> list[str]:
    return [h.value for h in find_dates(text, context)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("commencing on 1st February 2020", ["2020-02-01"]),
        ("by 31st March, 2021", ["2021-03-31"]),
        ("on the 2nd of May 2022", ["2022-05-02"]),
        ("February 1, 2020", ["2020-02-01"]),
        ("2020-04-01", ["2020-04-01"]),
        ("Mon 4 Oct 2021", ["2021-10-04"]),
    ],
)
def test_written_dates_read_day_month_year(text, expected):
    assert values(text) == expected


def test_numeric_dates_are_day_first_with_two_or_four_digit_years():
    assert values("review commencing on 1/4/2020") == ["2020-04-01"]
    assert values("funded to 31/3/21") == ["2021-03-31"]
    assert values("from 01.04.2020") == ["2020-04-01"]
    assert values("on 13/13/2020") == []


def test_a_month_alone_gives_year_and_month():
    assert values("planned for the meeting in March 2020") == ["2020-03"]
    assert values("from Sept 2023") == ["2023-09"]


def test_financial_years_years_alone_and_section_numbers_are_not_dates():
    assert values("funding in 2020/21 and 2021-22, taken forward in 2020") == []
    assert values("see paragraphs 1.1.2 and 3.2.10") == []
    assert values("they may 2020 be") == []


def test_weekday_without_year_takes_the_year_in_which_the_weekday_fits():
    assert values("Monday 7 October", date(2021, 9, 27)) == ["2019-10-07"]
    assert values("Monday 7 October", date(2024, 6, 1)) == ["2024-10-07"]
    assert values("Wednesday 24 November") == ["2021-11-24"]


def test_date_without_year_or_weekday_takes_the_nearest_year_of_the_context():
    assert values("by 30 November") == ["2021-11-30"]
    assert values("by 30 November", None) == []
    assert values("by 29 February", date(2023, 3, 1)) == ["2024-02-29"]


def test_a_deadline_without_a_year_points_forward_from_the_context():
    february = date(2024, 2, 22)
    assert [h.value for h in find_dates("by 10 September", february)] == ["2023-09-10"]
    ahead = find_dates("by 10 September", february, ahead=True)
    assert [h.value for h in ahead] == ["2024-09-10"]
    # A weekday still decides the year, deadline or not.
    assert [h.value for h in find_dates("Monday 7 October", february, ahead=True)] == ["2024-10-07"]


def test_promise_without_a_year_is_due_on_the_next_such_day():
    assert due_date("The Trust will publish the audit by 10 September.", date(2024, 2, 22)) == (
        "2024-09-10"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2pm", "14:00"),
        ("2.05pm", "14:05"),
        ("5:20pm", "17:20"),
        ("10.00 am", "10:00"),
        ("14:15", "14:15"),
        ("12pm", "12:00"),
        ("12am", "00:00"),
        ("7.30 p.m.", "19:30"),
        ("12 noon", "12:00"),
    ],
)
def test_times_become_24_hour(text, expected):
    assert [t[2] for t in find_times(text)] == [expected]


def test_decimal_numbers_and_money_are_not_times():
    assert find_times("a rate of 2.62 and £3.50") == []
    assert find_time_range("aged 10-14, rate 2-3 times") is None


def test_time_ranges_share_am_pm():
    assert find_time_range("2pm - 4pm 2pm-4pm") == ("14:00", "16:00")
    assert find_time_range("2 - 4pm") == ("14:00", "16:00")
    assert find_time_range("11 - 1pm") == ("11:00", "13:00")
    assert find_time_range("14:00–16:00") == ("14:00", "16:00")


def test_agenda_cell_times_without_am_pm_are_daytime():
    assert parse_time("2.30") == ("14:30", 4)
    assert parse_time("9.45") == ("09:45", 4)
    assert parse_time("14.15") == ("14:15", 5)
    assert parse_time("2.00-2.30pm") == ("14:00", 11)
    assert parse_time("2") is None


def test_durations_in_minutes_and_hours():
    assert duration_minutes("(20 minutes)") == 20
    assert duration_minutes("(10 minute)") == 10
    assert duration_minutes("(1 hour)") == 60
    assert duration_minutes("(1 hr 30 mins)") == 90
    assert duration_minutes("(no specific ideology)") is None


def test_numbers_in_words_become_digits():
    assert number_token("Seven") == "7"
    assert number_token("twenty-one") == "21"
    assert number_token("Twenty One") == "21"
    assert number_token("07") == "7"
    assert number_token("3a") == "3a"
    assert number_token("several") is None
