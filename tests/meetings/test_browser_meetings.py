"""A clerk's meeting cycle in a real browser, with axe-core on every page visited:
build an agenda, record attendance and an action, set up the next meeting and find
the action waiting on its agenda. And every meetings page, checked for accessibility."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from oversight.meetings import operations
from oversight.meetings.models import Meeting
from oversight.tracker.models import TrackedItem

from . import factories as f
from .scenario import build

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
]


def row(page, text):
    return page.get_by_role("row").filter(has_text=text)


def test_clerk_builds_an_agenda_records_attendance_and_an_action_then_the_next_agenda_shows_it(
    site,
):
    b = f.board()
    last_week = timezone.localdate() - timedelta(days=7)
    meeting = f.meeting(b.body, last_week, title="SOG Quarter 2")
    site.sign_in("clerk", f.PASSWORD)
    site.visit(meeting.get_absolute_url())
    page = site.page

    # Build the agenda: three items, one moved; the times follow.
    page.get_by_role("link", name="Build the agenda").click()
    site.check()
    for title, minutes, standing in (
        ("Welcome and introductions", "5", True),
        ("Prevent annual update", "20", False),
        ("Notes, actions and updates", "10", True),
    ):
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label("Duration in minutes").fill(minutes)
        if standing:
            page.get_by_label("Standing item").check()
        if title.startswith("Notes"):
            page.get_by_label(
                "Open actions from earlier meetings are taken under this item"
            ).check()
        page.get_by_role("button", name="Add item").click()
        site.check()
    expect(row(page, "Prevent annual update")).to_contain_text("14:05")
    page.get_by_role(
        "button", name=re.compile("move item 3, Notes, actions and updates, up")
    ).click()
    expect(row(page, "Notes, actions and updates")).to_contain_text("14:05")
    expect(row(page, "Prevent annual update")).to_contain_text("14:15")
    site.check()
    page.get_by_label("Title", exact=True).fill("Long discussion")
    page.get_by_label("Duration in minutes").fill("120")
    page.get_by_role("button", name="Add item").click()
    site.check()
    expect(page.get_by_text("35 minutes past the scheduled end at 16:00")).to_be_visible()

    # Attendance: a member present, the clerk's apologies.
    page.get_by_role("link", name="Back to the meeting").click()
    page.get_by_role("link", name="Record attendance").click()
    site.check()
    page.get_by_role("group", name="Marcus Barnett (Metropolitan Police Service)").get_by_label(
        "Present"
    ).check()
    page.get_by_role("group", name="Casey Clerk (London Borough of Hackney)").get_by_label(
        "Apologies"
    ).check()
    page.get_by_role("button", name="Save attendance").click()
    site.check()
    expect(page.get_by_text("Attendance has been saved.")).to_be_visible()

    # An action under the Prevent item.
    page.get_by_role("link", name="Back to the meeting").click()
    expect(row(page, "Marcus Barnett")).to_contain_text("Present")
    page.get_by_role("link", name="Record the minutes").click()
    site.check()
    page.get_by_role("link", name=re.compile("Record minutes for item 3")).click()
    site.check()
    page.get_by_label("Notes of the discussion").fill("26 referrals over the period.")
    page.get_by_role("button", name="Save notes").click()
    site.check()
    page.get_by_label("What is to be done").fill("Support the Prevent funding submission")
    page.get_by_label("Owner", exact=True).select_option(
        label="Marcus Barnett (Metropolitan Police Service)"
    )
    page.get_by_label("Due date (optional)").fill((last_week + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Add action").click()
    site.check()
    expect(row(page, "Support the Prevent funding submission")).to_contain_text("Marcus Barnett")
    action = TrackedItem.private_objects.get(text="Support the Prevent funding submission")
    assert (action.meeting, action.agenda_item.title) == (meeting, "Prevent annual update")

    # The next meeting: standing items copied, the action waiting under item 2.
    site.visit(meeting.get_absolute_url())
    page.get_by_role("button", name="Mark as held").click()
    site.check()
    page.get_by_role("link", name="Set up the next meeting").click()
    site.check()
    page.get_by_label("Date of the next meeting").fill((last_week + timedelta(days=70)).isoformat())
    page.get_by_role("button", name="Create the next meeting").click()
    site.check()
    following = Meeting.private_objects.exclude(pk=meeting.pk).get()
    assert page.url.endswith(following.get_absolute_url())
    expect(page.get_by_role("heading", name="Notes, actions and updates")).to_be_visible()
    carried = row(page, "Support the Prevent funding submission")
    expect(carried).to_contain_text("Marcus Barnett")
    expect(carried).to_contain_text(last_week.strftime("%-d %B %Y"))
    expect(row(page, "Welcome and introductions")).to_contain_text("14:00")
    expect(row(page, "Prevent annual update")).to_have_count(0)  # not a standing item

    # At the next meeting (held: minutes are approved only at a meeting that took place)
    # the clerk records the update, and approves last time's minutes.
    # The scenario's next meeting is dated ahead: the test moves it to today.
    Meeting.private_objects.filter(pk=following.pk).update(date=timezone.localdate())
    operations.mark_meeting_held(following)
    carried.get_by_role("link", name=re.compile("Record an update or close")).click()
    site.check()
    page.get_by_label("What was reported at the meeting").fill("Submission drafted.")
    page.get_by_label("No: it stays open").check()
    page.get_by_role("button", name="Save").click()
    site.check()
    expect(row(page, "Support the Prevent funding submission")).to_contain_text(
        "Submission drafted."
    )
    page.get_by_role("link", name="Record that they were approved at this meeting").click()
    site.check()
    page.get_by_role("button", name="Approve the minutes").click()
    site.check()
    meeting.refresh_from_db()
    assert meeting.minutes_approved_at == following


def test_every_meetings_page_passes_axe(site):
    s = build()
    operations.add_forward_plan_item(s.b.body, title="CHSAB annual report", due_by=s.sept.date)
    entry = operations.add_forward_plan_item(
        s.b.body, title="Thematic inspection update", due_by=s.dec.date
    )
    public_pages = [
        "/meetings/",
        s.sept.get_absolute_url(),
        s.dec.get_absolute_url(),
        f"/meetings/{s.sept.pk}/agenda/",
        f"/meetings/{s.dec.pk}/agenda/",
        f"/meetings/{s.sept.pk}/minutes/",
        f"/meetings/bodies/{s.b.body.pk}/",
    ]
    for path in public_pages:
        site.visit(path)
    operations.mark_meeting_held(s.dec)
    operations.approve_minutes(s.sept, at=s.dec)
    site.visit(f"/meetings/{s.sept.pk}/minutes/")
    site.sign_in("clerk", f.PASSWORD)
    m, d = s.sept.pk, s.dec.pk
    clerk_pages = public_pages + [
        "/meetings/new/",
        f"/meetings/{d}/edit/",
        f"/meetings/{d}/next/",
        f"/meetings/{d}/agenda/edit/",
        f"/meetings/{m}/agenda/edit/",
        f"/meetings/items/{s.prevent.pk}/edit/",
        f"/meetings/{d}/attendance/",
        f"/meetings/{d}/papers/add/",
        f"/meetings/{d}/minutes/edit/",
        f"/meetings/{m}/minutes/edit/",
        f"/meetings/items/{s.prevent.pk}/minutes/",
        f"/meetings/items/{s.dec.agenda_items(manager='private_objects').get(title__startswith='Notes').pk}/minutes/",
        f"/meetings/{m}/minutes/corrections/add/",
        f"/meetings/{d}/actions/{s.action.pk}/",
        f"/meetings/bodies/{s.b.body.pk}/forward-plan/add/",
        f"/meetings/forward-plan/{entry.pk}/edit/",
        f"/meetings/forward-plan/{entry.pk}/schedule/",
    ]
    for path in clerk_pages:
        site.visit(path)
    # Pages showing errors, too.
    site.visit(f"/meetings/{d}/attendance/")
    site.page.get_by_role("button", name="Add to attendance").click()
    site.check()
    expect(site.page.get_by_role("alert")).to_contain_text("There is a problem")
    site.visit(f"/meetings/bodies/{s.b.body.pk}/forward-plan/add/")
    site.page.get_by_role("button", name="Add to the forward plan").click()
    site.check()
    expect(site.page.get_by_role("alert")).to_contain_text("There is a problem")
