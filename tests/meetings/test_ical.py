"""The iCalendar feeds, read back by a real parser (icalendar): valid RFC 5545, times
in Europe/London, a stable UID per meeting, and each event's URL its public page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from oversight.meetings import operations
from oversight.meetings.models import Meeting

from . import factories as f

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def b():
    return f.board()


def feed(client, url="/meetings.ics") -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def test_the_feed_parses_and_has_london_times_with_their_timezone(client, b):
    summer = f.meeting(
        b.body,
        date(2022, 7, 13),
        title="Summer SOG",
        venue="Town Hall",
        online_link="https://meet.example.org/sog",
    )
    f.item(summer, "Welcome", 5)
    winter = f.meeting(b.body, date(2021, 12, 8), title="Winter SOG")
    cal = feed(client)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    [vtimezone] = cal.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London"
    # The zone's own rules (not just its name) give BST in summer, GMT in winter, any year.
    tz = vtimezone.to_tz(lookup_tzid=False)
    assert datetime(2041, 7, 1, 12, tzinfo=tz).utcoffset() == timedelta(hours=1)
    assert datetime(2041, 1, 1, 12, tzinfo=tz).utcoffset() == timedelta(0)
    got = events(cal)
    start = got["Summer SOG"].decoded("DTSTART")
    assert start == datetime(2022, 7, 13, 14, 0, tzinfo=LONDON)
    assert start.utcoffset().total_seconds() == 3600  # British Summer Time
    assert got["Summer SOG"]["DTSTART"].params["TZID"] == "Europe/London"
    assert got["Summer SOG"].decoded("DTEND") == datetime(2022, 7, 13, 16, 0, tzinfo=LONDON)
    assert got["Winter SOG"].decoded("DTSTART").utcoffset().total_seconds() == 0
    assert str(got["Summer SOG"]["URL"]) == f"http://testserver/meetings/{summer.pk}/"
    assert str(got["Summer SOG"]["LOCATION"]) == "Town Hall, https://meet.example.org/sog"
    assert "Welcome" in str(got["Summer SOG"]["DESCRIPTION"])
    assert got["Summer SOG"].decoded("DTSTAMP").tzinfo is not None
    assert (
        str(got["Winter SOG"]["UID"]) == f"meeting-{winter.pk}@london-borough-of-hackney.oversight"
    )


def test_each_meetings_uid_stays_the_same_when_it_changes(client, b, settings):
    m = f.meeting(b.body, date(2099, 3, 1), title="Spring SOG")
    before = events(feed(client))["Spring SOG"]
    operations.cancel_meeting(m)
    after = events(feed(client))["Spring SOG"]
    assert after["UID"] == before["UID"]
    assert str(after["STATUS"]) == "CANCELLED"
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_only_public_meetings_are_in_the_feeds(client, b):
    f.meeting(b.body, date(2022, 1, 1), title="Public")
    f.meeting(b.body, date(2022, 1, 2), title="Draft", published=False)
    f.meeting(b.body, date(2022, 1, 3), title="Restricted", restricted=True)
    f.meeting(f.body("Private panel", is_public=False), date(2022, 1, 4), title="Private")
    assert list(events(feed(client))) == ["Public"]


def test_a_body_feed_has_only_that_bodys_meetings(client, b):
    f.meeting(b.body, date(2022, 1, 1), title="Ours")
    f.meeting(f.body("Other board"), date(2022, 1, 1), title="Theirs")
    cal = feed(client, f"/meetings/bodies/{b.body.pk}/meetings.ics")
    assert list(events(cal)) == ["Ours"]
    assert str(cal["X-WR-CALNAME"]) == f"Meetings: {b.body.name}"
    private = f.body("Private panel", is_public=False)
    assert client.get(f"/meetings/bodies/{private.pk}/meetings.ics").status_code == 404


def test_a_meeting_without_a_start_time_is_an_all_day_event(client, b):
    f.meeting(b.body, date(2022, 2, 2), start=None, end=None, title="Untimed")
    event = events(feed(client))["Untimed"]
    assert event.decoded("DTSTART") == date(2022, 2, 2)
    assert event.decoded("DTEND") == date(2022, 2, 3)


def test_exempt_agenda_items_are_not_in_the_description(client, b):
    m = f.meeting(b.body, date(2022, 2, 2), title="With exempt")
    f.item(m, "Open item", 10)
    f.item(m, "Exempt item", 10, restricted=True)
    description = str(events(feed(client))["With exempt"]["DESCRIPTION"])
    assert "Open item" in description and "Exempt item" not in description
    assert Meeting.objects.public().count() == 1
