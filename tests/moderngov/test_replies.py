"""Reading the service's loose text: times, dates, double escaping, empty fields, lists."""

from __future__ import annotations

from datetime import date, time

import pytest

from oversight.moderngov.replies import (
    clean,
    parse_date,
    parse_time,
    plain_text,
    read_committees,
    read_meeting,
    read_meetings,
)
from oversight.moderngov.service import ServiceError, parse_reply, site_root
from oversight.moderngov.writing import attendance_status, seat_of

from .fake_site import FakeSite, Listed, fixture


@pytest.mark.parametrize(
    "text, expected",
    [
        ("6.00 pm", time(18, 0)),
        ("10.30 am", time(10, 30)),
        ("12.00 pm", time(12, 0)),
        ("12.15 am", time(0, 15)),
        ("7 pm", time(19, 0)),
        ("18:30", time(18, 30)),
        ("06/11/2025 19:05:00", time(19, 5)),
        ("  ", None),
        ("TBC", None),
        ("13.00 pm", None),
    ],
)
def test_twelve_hour_times_are_read(text, expected):
    assert parse_time(text) == expected


def test_dates_are_read_day_first():
    assert parse_date("03/12/2025") == date(2025, 12, 3)
    assert parse_date("31/02/2025") is None
    assert parse_date("2025-12-03") is None


def test_text_escaped_twice_is_unescaped_and_blank_is_nothing():
    assert clean("Members&#39; Question Time") == "Members' Question Time"
    assert clean("  \n ") == ""
    assert (
        plain_text("&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&amp;nbsp;words&lt;/p&gt;")
        == "One\n\nTwo words"
    )
    assert plain_text("<p class=MsoNormal><span>A</span> <b>b</b></p><script>x()</script>") == "A b"


def test_a_single_child_is_read_as_a_list():
    m = read_meeting(parse_reply(fixture("meeting_5002.xml").encode(), "GetMeeting"))
    assert [i.title for i in m.items] == ["Work Programme 2025/26"]
    assert [a.name for a in m.attendees] == ["Councillor Sem Moema"]


def test_committees_with_a_blank_title_are_left_out():
    committees = read_committees(parse_reply(fixture("committees.xml").encode(), "GetCommittees"))
    assert [c.id for c in committees] == [101, 102, 103, 104]
    assert committees[1].title == "Children & Young People Scrutiny Commission"
    assert committees[3].expired


def test_a_committee_with_no_meetings_comes_back_with_counts_only():
    site = FakeSite(
        committees=fixture("committees.xml"), listing={103: [], 101: [Listed(1, date(2025, 1, 2))]}
    )
    empty = site.get_meetings(
        {"lCommitteeId": "103", "sFromDate": "01/01/2025", "sToDate": "01/02/2025"}
    )
    assert read_meetings(parse_reply(empty.encode(), "GetMeetings"), 103) == []
    one = site.get_meetings(
        {"lCommitteeId": "101", "sFromDate": "01/01/2025", "sToDate": "01/02/2025"}
    )
    assert [m.id for m in read_meetings(parse_reply(one.encode(), "GetMeetings"), 101)] == [1]


def test_a_soap_reply_is_unwrapped():
    m = read_meeting(parse_reply(fixture("meeting_6001.xml").encode(), "GetMeeting"))
    assert (m.id, m.status, m.start) == (6001, "Cancelled", time(10, 0))


def test_each_attendance_value_has_its_place():
    assert attendance_status("Present, as expected") == "present"
    assert attendance_status("In attendance") == "present"
    assert attendance_status("Present as substitute") == "present"
    assert attendance_status("Apologies, sent substitute") == "apologies"
    assert attendance_status("Absent") == "absent"
    assert seat_of("Vice-Chair") == "vice_chair" and seat_of("Chair") == "chair"
    assert seat_of("Committee Member") == "member" and seat_of("Officer") == "officer"


def test_the_sites_root_is_taken_from_any_address_on_it():
    assert (
        site_root("https://x.moderngov.co.uk/mgWebService.asmx/GetCommittees")
        == "https://x.moderngov.co.uk"
    )
    assert site_root("https://democracy.x.gov.uk/mgov/") == "https://democracy.x.gov.uk/mgov"
    with pytest.raises(ServiceError):
        site_root("ftp://x.example")


def test_a_plain_http_site_is_refused_unless_the_installation_allows_it(settings):
    settings.MODERNGOV_ALLOW_HTTP = False
    with pytest.raises(ServiceError, match="https://"):
        site_root("http://x.moderngov.co.uk")
    assert site_root("https://x.moderngov.co.uk") == "https://x.moderngov.co.uk"
