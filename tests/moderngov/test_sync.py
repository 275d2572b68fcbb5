"""Syncing a council's ModernGov site into Oversight, over HTTP, from the fixture site."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from django.core.management import call_command

from oversight.directory.models import Body, Membership, Person
from oversight.ingest.models import ImportedDocument
from oversight.meetings import exports
from oversight.meetings.models import AgendaItem, Attendance, Correction, Decision, Meeting, Paper
from oversight.moderngov import operations
from oversight.moderngov.models import (
    Conflict,
    FollowedCommittee,
    SyncedMeeting,
    SyncedPaper,
    SyncRun,
)
from oversight.moderngov.replies import Committee
from oversight.moderngov.sync import sync_all

from .fake_site import fixture

pytestmark = pytest.mark.django_db

SINCE = date(2025, 1, 1)


def follow(mg_site, *ids: int, since: date = SINCE):
    site = operations.connect_site(mg_site.base)
    titles = {
        101: "Living in Hackney Scrutiny Commission",
        102: "Children & Young People Scrutiny Commission",
        103: "Health in Hackney Scrutiny Commission",
    }
    return operations.follow_committees(site, [Committee(i, titles[i]) for i in ids], since=since)


def meeting_of(mg_id: int) -> Meeting:
    return SyncedMeeting.objects.get(moderngov_id=mg_id).meeting


def history_rows() -> int:
    return sum(
        m.history.model.objects.count()
        for m in (
            Meeting,
            AgendaItem,
            Attendance,
            Decision,
            Paper,
            Person,
            Body,
            Membership,
            ImportedDocument,
        )
    )


def test_officer_lists_a_sites_committees_with_their_ids(mg_site):
    out, err = io.StringIO(), io.StringIO()
    call_command("moderngov", "committees", "--url", mg_site.base, stdout=out, stderr=err)
    lines = out.getvalue().splitlines()
    assert "101\tLiving in Hackney Scrutiny Commission" in lines
    assert "102\tChildren & Young People Scrutiny Commission" in lines
    assert not any("Allowances" in line for line in lines)  # expired
    assert len(lines) == 3
    out = io.StringIO()
    call_command("moderngov", "committees", "--url", mg_site.base, "--all", stdout=out, stderr=err)
    assert "104\tMembers' Allowances Panel (expired)" in out.getvalue().splitlines()


def test_following_files_a_committee_under_the_body_its_name_or_alias_names(mg_site):
    known = Body.objects.create(
        name="Living in Hackney", aliases=["Living in Hackney Scrutiny Commission"]
    )
    out = io.StringIO()
    call_command(
        "moderngov",
        "follow",
        "--url",
        mg_site.base + "/mgWebService.asmx",
        "--committee",
        "101",
        "--committee",
        "102",
        "--since",
        "2025-01-01",
        stdout=out,
    )
    followed = {f.committee_id: f for f in FollowedCommittee.objects.all()}
    assert followed[101].body == known
    assert followed[102].body.name == "Children & Young People Scrutiny Commission"
    assert followed[102].body.kind == Body.Kind.COMMISSION
    assert followed[101].site.base_url == mg_site.base
    assert followed[101].backfill_from == SINCE


def test_following_a_committee_the_site_does_not_have_is_refused(mg_site):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no committee 999"):
        call_command("moderngov", "follow", "--url", mg_site.base, "--committee", "999")
    assert not FollowedCommittee.objects.exists()


def test_sync_brings_the_meetings_agendas_attendance_and_minutes(mg_site):
    follow(mg_site, 101, 102, 103)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit):  # the frontsheet is not a PDF: a failure, for cron
        call_command("moderngov", "sync", stdout=out, stderr=err)
    # 5999 is out of the window asked for.
    assert "3 committees, 3 meetings (3 new, 0 changed, 0 unchanged)" in out.getvalue()
    assert "Agenda frontsheet" in err.getvalue() and "text/html" in err.getvalue()
    assert "committees 3/3, meetings 3/3, papers 3/3" in err.getvalue()

    m = meeting_of(5001)
    assert m.body.name == "Living in Hackney Scrutiny Commission"
    assert (m.date, m.start, m.end) == (date(2025, 10, 15), time(19, 0), time(21, 30))
    assert m.venue == "Council Chamber, Hackney Town Hall, Mare Street, London E8 1EA"
    assert m.status == Meeting.Status.HELD and m.published
    items = list(AgendaItem.private_objects.filter(meeting=m).order_by("position"))
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies for Absence"),
        ("2", "Members' Question Time"),
        ("3", "Temporary Accommodation Review"),
        ("4", "Exempt: Contract award for temporary accommodation ZZEXEMPTQ7"),
    ]
    assert [i.restricted for i in items] == [False, False, False, True]
    assert items[2].notes == "The Commission discussed the review.\n\nMembers asked about costs."
    assert items[2].purpose == AgendaItem.Purpose.DECISION
    assert [d.text for d in Decision.private_objects.filter(meeting=m)] == [
        "RESOLVED that the review's recommendations be agreed."
    ]
    assert m.minutes_locked  # published in ModernGov: the council's record
    # No meeting here approved them: the minutes say when they were published, not
    # "approved at the meeting of" the day of the sync.
    assert exports.minutes_status(m).startswith("Approved minutes, published on ")

    rows = {a.person.name: a.status for a in Attendance.objects.filter(meeting=m)}
    assert rows == {
        "Sem Moema": "present",
        "Ali Sadek": "present",
        "Penny Wrout": "present",
        "Clare Joseph": "apologies",
        "Ian Rathbone": "absent",
        "Jane Officer": "present",
        "Sophie Conway": "apologies",
    }
    assert m.chair.name == "Sem Moema"
    seats = dict(Membership.objects.filter(body=m.body).values_list("person__name", "role"))
    assert seats["Sem Moema"] == "chair" and seats["Ali Sadek"] == "vice_chair"
    assert seats["Jane Officer"] == "officer" and seats["Clare Joseph"] == "member"

    second = meeting_of(5002)
    assert second.venue == "Committee Room 1, Hackney Town Hall"
    assert second.start == time(18, 30) and second.end is None
    assert not second.minutes_locked
    assert meeting_of(6001).status == Meeting.Status.CANCELLED  # read from a SOAP reply

    history = m.history.earliest()
    assert "ModernGov" in history.history_change_reason
    assert "ModernGov" in items[0].history.earliest().history_change_reason
    assert SyncRun.objects.get().summary.startswith("ModernGov sync: 3 committees")


def test_dates_are_sent_as_the_service_needs_them_and_the_reply_filtered_again(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    asked = [q for op, q in mg_site.requests if op == "GetMeetings"]
    assert asked and all(
        len(q["sFromDate"]) == 10 and q["sFromDate"][2] == "/" and q["sFromDate"][5] == "/"
        for q in asked
    )
    assert not any(op == "GetMeeting" and q["lMeetingId"] == "5999" for op, q in mg_site.requests)


def test_a_site_that_ignores_the_dates_cannot_bring_meetings_outside_the_window(mg_site):
    # The real service silently ignores an ISO date and sends everything; so does this one.
    everything = mg_site.get_meetings(
        {"lCommitteeId": "101", "sFromDate": "2025-01-01", "sToDate": "2025-02-01"}
    )
    assert "5999" in everything and "5001" in everything
    mg_site.get_meetings = lambda query: everything  # every window gets everything
    follow(mg_site, 101)
    progress = sync_all(since=SINCE)
    assert progress.new == 2
    assert not SyncedMeeting.objects.filter(moderngov_id=5999).exists()


def test_a_second_sync_changes_nothing(mg_site):
    follow(mg_site, 101, 102, 103)
    sync_all(since=SINCE)
    before = history_rows()
    papers = SyncedPaper.objects.count()
    progress = sync_all(since=SINCE)
    assert (progress.new, progress.changed, progress.unchanged) == (0, 0, 3)
    assert history_rows() == before
    assert SyncedPaper.objects.count() == papers
    assert ImportedDocument.objects.count() == 1  # the report (the appendix is exempt)


def test_a_meeting_moved_with_an_item_added_flows_through_with_history(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5002)
    moved = (
        fixture("meeting_5002.xml")
        .replace("12/11/2025", "19/11/2025")
        .replace("6.30 pm", "7.00 pm")
        .replace(
            "</agendaitems>",
            "<agendaitem><agendaitemid>70102</agendaitemid>"
            "<agendaitemtitle>Any Other Business</agendaitemtitle>"
            "<agendaitemnumber>2</agendaitemnumber><fulldisplaynumberformat>2.</fulldisplaynumberformat>"
            "<isrestricted>False</isrestricted></agendaitem></agendaitems>",
        )
    )
    mg_site.meetings[5002] = moved
    mg_site.listing[101][1].date = date(2025, 11, 19)
    progress = sync_all(since=SINCE)
    assert progress.changed == 1 and progress.unchanged == 1
    m.refresh_from_db()
    assert (m.date, m.start) == (date(2025, 11, 19), time(19, 0))
    assert list(
        m.agenda_items.model.private_objects.filter(meeting=m).values_list("title", flat=True)
    ) == [
        "Work Programme 2025/26",
        "Any Other Business",
    ]
    latest = m.history.latest()
    assert latest.history_change_reason.startswith("Synced from ModernGov")
    assert latest.date == date(2025, 11, 19)
    assert m.history.filter(date=date(2025, 11, 19)).count() == 1


def test_a_cancellation_in_moderngov_cancels_the_meeting(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    mg_site.meetings[5002] = fixture("meeting_5002.xml").replace(
        "<meetingstatus>Confirmed", "<meetingstatus>Cancelled"
    )
    sync_all(since=SINCE)
    assert meeting_of(5002).status == Meeting.Status.CANCELLED


def test_a_persons_edit_is_not_overwritten_but_shown_as_a_conflict(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5002)
    m.venue = "Online"  # the clerk knows better
    m.save()
    # ModernGov changes something else: the clerk's venue is kept, silently.
    mg_site.meetings[5002] = fixture("meeting_5002.xml").replace("6.30 pm", "6.45 pm")
    sync_all(since=SINCE)
    m.refresh_from_db()
    assert (m.venue, m.start) == ("Online", time(18, 45))
    assert not Conflict.objects.exists()
    # ModernGov changes the venue too: kept, and a conflict for the officer.
    mg_site.meetings[5002] = mg_site.meetings[5002].replace("Committee Room 1", "Committee Room 3")
    progress = sync_all(since=SINCE)
    m.refresh_from_db()
    assert m.venue == "Online"
    conflict = Conflict.objects.get()
    assert (conflict.field_name, conflict.oversight_value, conflict.moderngov_value) == (
        "venue",
        "Online",
        "Committee Room 3, Hackney Town Hall",
    )
    assert progress.conflicts == 1
    operations.resolve_conflict(conflict, take_moderngov=True, user=None)
    m.refresh_from_db()
    assert m.venue == "Committee Room 3, Hackney Town Hall"
    assert m.history.latest().history_change_reason == "Conflict resolved: took ModernGov's value"


def test_minutes_changed_after_they_were_published_are_appended_as_a_correction(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5001)
    mg_site.meetings[5001] = fixture("meeting_5001.xml").replace(
        "The Commission discussed the review.", "The Commission discussed the review at length."
    )
    sync_all(since=SINCE)
    item = AgendaItem.private_objects.get(meeting=m, number="3")
    assert item.notes.startswith("The Commission discussed the review.")
    correction = Correction.objects.get()
    assert correction.text.startswith("The Commission discussed the review at length.")
    assert correction.agenda_item == item
    assert "ModernGov" in correction.reason


def test_a_meetings_fingerprint_changes_when_its_day_passes_though_its_reply_does_not():
    # So a meeting synced before its day is marked held by the first sync after it.
    from oversight.moderngov.sync import fingerprint

    reply = fixture("meeting_5002.xml").encode()
    assert fingerprint(101, reply, past=False) != fingerprint(101, reply, past=True)
    assert fingerprint(101, reply, past=True) == fingerprint(101, reply, past=True)
    assert fingerprint(101, reply, past=True) != fingerprint(102, reply, past=True)
