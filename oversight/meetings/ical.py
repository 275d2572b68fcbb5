"""iCalendar (RFC 5545) feeds of public meetings.

Times are in Europe/London with its VTIMEZONE in the feed, so a calendar shows 14:00
as 14:00 in summer and winter alike. Each meeting keeps one UID for its life, so a
calendar updates the event (and its SEQUENCE goes up with each saved change, so that
a cancellation replaces the event rather than sitting beside it). Each event's URL is
the meeting's public page. A meeting without a start time is an all-day event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from oversight.visibility.viewer import PUBLIC

from .access import shown_agenda
from .models import Meeting

LONDON = ZoneInfo("Europe/London")


def london_vtimezone() -> Timezone:
    """Europe/London as UK law has had it since 1996 (summer time from 01:00 UTC on the
    last Sunday of March to 01:00 UTC on the last Sunday of October), with yearly rules
    rather than a list of dates, so it holds for any year."""
    tz = Timezone()
    tz.add("tzid", "Europe/London")
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("dtstart", datetime(1996, 3, 31, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    summer.add("tzoffsetfrom", timedelta(0))
    summer.add("tzoffsetto", timedelta(hours=1))
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("dtstart", datetime(1996, 10, 27, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    winter.add("tzoffsetfrom", timedelta(hours=1))
    winter.add("tzoffsetto", timedelta(0))
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def uid_for(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@{slugify(settings.COUNCIL_NAME) or 'council'}.oversight"


def _description(meeting: Meeting, url: str) -> str:
    lines = [meeting.body.name]
    items = shown_agenda(meeting, PUBLIC)  # the feed is public: no trace of exempt items
    if items:
        lines += ["", "Agenda:"]
        for item in items:
            when = f"{item.start:%H:%M} " if item.start else ""
            lines.append(f"{item.number + '. ' if item.number else ''}{when}{item.title}".strip())
    lines += ["", f"Details and papers: {url}"]
    return "\n".join(lines)


def meetings_calendar(
    meetings: Iterable[Meeting], *, name: str, url_for: Callable[[Meeting], str]
) -> bytes:
    """The feed for `meetings` (the caller passes public meetings only)."""
    cal = Calendar()
    cal.add("prodid", "-//Oversight//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    cal.add_component(london_vtimezone())
    stamp = timezone.now()
    for meeting in meetings:
        url = url_for(meeting)
        event = Event()
        event.add("uid", uid_for(meeting))
        event.add("dtstamp", stamp)
        if meeting.start:
            start = datetime.combine(meeting.date, meeting.start, tzinfo=LONDON)
            event.add("dtstart", start)
            if meeting.end and meeting.end > meeting.start:
                event.add("dtend", datetime.combine(meeting.date, meeting.end, tzinfo=LONDON))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + timedelta(days=1))
        event.add("summary", str(meeting))
        event.add("url", url)
        location = ", ".join(x for x in (meeting.venue, meeting.online_link) if x)
        if location:
            event.add("location", location)
        event.add("description", _description(meeting, url))
        cancelled = meeting.status == Meeting.Status.CANCELLED
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        versions = list(
            meeting.history.order_by("history_date").values_list("history_date", flat=True)
        )
        event.add("sequence", max(0, len(versions) - 1))
        if versions:
            event.add("last-modified", versions[-1])
        cal.add_component(event)
    return cal.to_ical()
