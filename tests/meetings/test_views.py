"""The meeting pages through Django's test client: what the public and the clerk
see, who may change what, and every clerk's form working without JavaScript."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.editing import version_of
from oversight.meetings import operations
from oversight.meetings.models import ActionReview, AgendaItem, Correction, ForwardPlanItem, Meeting
from oversight.tracker.models import TrackedItem

from .scenario import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build()


@pytest.fixture
def clerk(client, s):
    client.force_login(s.b.clerk.user)
    return client


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


# --- reading ---------------------------------------------------------------------------


def test_the_public_sees_the_agenda_with_times_attendance_and_actions_but_no_exempt_item(client, s):
    html = page(client, s.sept.get_absolute_url())
    for text in (
        "Prevent annual update",
        "14:15",
        "Tracey Thomas",
        "To note",
        "Marcus Barnett",
        "Apologies",
        "Support the Prevent funding submission",
        "Town Hall",
    ):
        assert text in html, text
    assert "Individual case review" not in html
    assert "Refer the named case" not in html
    assert "Manage this meeting" not in html
    # Draft minutes: decisions are not public yet.
    assert "support the funding submission" not in html


def test_a_member_of_the_body_sees_the_exempt_item_and_its_action(client, s):
    client.force_login(s.b.member.user)
    html = page(client, s.sept.get_absolute_url())
    assert "Individual case review" in html and "Refer the named case" in html


def test_unpublished_meetings_and_private_bodies_are_not_found_by_the_public(client, s):
    s.dec.published = False
    s.dec.save()
    page(client, s.dec.get_absolute_url(), 404)
    s.b.body.is_public = False
    s.b.body.save()
    page(client, s.sept.get_absolute_url(), 404)
    page(client, f"/meetings/bodies/{s.b.body.pk}/", 404)


def test_the_next_meeting_lists_the_open_actions_from_the_last_one(client, s):
    html = page(client, s.dec.get_absolute_url())
    assert "Notes, actions and updates" in html
    assert "Support the Prevent funding submission" in html
    assert "27 September 2021" in html  # where it was agreed
    assert "Refer the named case" not in html


def test_draft_minutes_are_not_public_until_approved(client, s):
    assert "Minutes not yet approved" in page(client, f"/meetings/{s.sept.pk}/minutes/")
    page(client, f"/meetings/{s.sept.pk}/minutes.docx", 404)
    page(client, f"/meetings/{s.sept.pk}/minutes.pdf", 404)
    operations.mark_meeting_held(s.dec)
    operations.approve_minutes(s.sept, at=s.dec)
    html = page(client, f"/meetings/{s.sept.pk}/minutes/")
    assert "Approved at the meeting of 8 December 2021." in html
    assert "26 referrals" in html and "The group will support the funding submission." in html
    assert "Individual case review" not in html and "Details of the named case" not in html


def test_staff_see_draft_minutes_marked_as_draft(client, s):
    client.force_login(s.b.outsider.user)  # a partner officer, not on the board
    html = page(client, f"/meetings/{s.sept.pk}/minutes/")
    assert "Draft minutes: not yet approved" in html and "26 referrals" in html


def test_the_body_page_lists_meetings_and_the_forward_plan_with_overdue_flags(client, s):
    operations.add_forward_plan_item(
        s.b.body, title="CHSAB annual report", due_by=date(2022, 9, 30)
    )
    html = page(client, f"/meetings/bodies/{s.b.body.pk}/")
    assert "CHSAB annual report" in html and "Overdue" in html
    assert s.dec.get_absolute_url() in html and s.sept.get_absolute_url() in html


def test_the_meeting_list_filters_by_body(client, s):
    other = Meeting.objects.create(
        body=s.b.body.__class__.objects.create(name="Other board"),
        date=date(2021, 10, 1),
        published=True,
    )
    html = page(client, f"/meetings/?body={s.b.body.pk}")
    assert s.sept.get_absolute_url() in html and other.get_absolute_url() not in html


def test_papers_are_served_to_those_who_may_see_them_and_never_run_inline(client, s):
    response = client.get(s.paper.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "sandbox"
    html_paper = operations.add_paper(
        s.sept,
        file=SimpleUploadedFile("x.html", b"<script>alert(1)</script>", "text/html"),
        title="Script",
    )
    response = client.get(html_paper.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment")
    secret = operations.add_paper(
        s.sept,
        file=SimpleUploadedFile("case.pdf", b"%PDF", "application/pdf"),
        agenda_item=s.exempt,
    )
    assert secret.restricted
    page(client, secret.get_absolute_url(), 404)


# --- who may change what ------------------------------------------------------------------


def clerk_urls(s) -> list[str]:
    m, i = s.sept.pk, s.prevent.pk
    return [
        "/meetings/new/",
        f"/meetings/{m}/edit/",
        f"/meetings/{m}/next/",
        f"/meetings/{m}/agenda/edit/",
        f"/meetings/items/{i}/edit/",
        f"/meetings/{m}/attendance/",
        f"/meetings/{m}/papers/add/",
        f"/meetings/{m}/minutes/edit/",
        f"/meetings/items/{i}/minutes/",
        f"/meetings/{m}/minutes/approve/",
        f"/meetings/{s.dec.pk}/actions/{s.action.pk}/",
        f"/meetings/bodies/{s.b.body.pk}/forward-plan/add/",
    ]


def test_clerks_reach_every_page_to_manage_their_bodys_meetings(clerk, s):
    operations.mark_meeting_held(s.dec)  # so the minutes have a meeting to be approved at
    for url in clerk_urls(s):
        page(clerk, url)


def test_members_who_are_not_clerks_and_other_officers_are_refused(client, s):
    for user in (s.b.member.user, s.b.outsider.user):
        client.force_login(user)
        for url in clerk_urls(s):
            assert client.get(url).status_code == 403, url
        assert (
            client.post(f"/meetings/items/{s.prevent.pk}/move/", {"direction": "up"}).status_code
            == 403
        )


def test_the_public_is_asked_to_sign_in(client, s):
    response = client.get(f"/meetings/{s.sept.pk}/agenda/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- the clerk's forms, without JavaScript ------------------------------------------------


def test_a_clerk_builds_the_agenda_with_plain_forms(clerk, s):
    url = f"/meetings/{s.dec.pk}/agenda/edit/"
    response = clerk.post(
        url,
        {
            "new-title": "Thematic inspection",
            "new-leads": "Pauline Adams",
            "new-purpose": "discussion",
            "new-duration_minutes": "20",
        },
    )
    assert response.status_code == 302
    item = s.dec.agenda_items(manager="private_objects").get(title="Thematic inspection")
    assert (item.number, item.presenters, item.start.strftime("%H:%M")) == (
        "3",
        ["Pauline Adams"],
        "14:15",
    )
    clerk.post(f"/meetings/items/{item.pk}/move/", {"direction": "up"})
    item.refresh_from_db()
    assert (item.number, item.start.strftime("%H:%M")) == ("2", "14:05")
    response = clerk.post(
        url, {"new-title": "Very long item", "new-duration_minutes": "200"}, follow=True
    )
    assert "minutes past the scheduled end at 16:00" in response.content.decode()
    long_item = s.dec.agenda_items(manager="private_objects").get(title="Very long item")
    clerk.post(f"/meetings/items/{long_item.pk}/remove/")
    assert not AgendaItem.private_objects.filter(pk=long_item.pk).exists()


def test_a_clerk_pins_an_items_time(clerk, s):
    item = s.dec.agenda_items(manager="private_objects").get(title__startswith="Notes")
    clerk.post(
        f"/meetings/items/{item.pk}/edit/",
        {
            "title": item.title,
            "duration_minutes": "10",
            "pinned_start": "14:30",
            "version": version_of(item),
        },
    )
    item.refresh_from_db()
    assert item.start_pinned and item.start.strftime("%H:%M") == "14:30"


def test_a_clerk_records_attendance_for_members_and_a_substitute(clerk, s):
    from . import factories as f

    deputy = f.person("Dana Deputy", s.b.police)
    url = f"/meetings/{s.dec.pk}/attendance/"
    html = page(clerk, url)
    assert "Marcus Barnett (Metropolitan Police Service)" in html
    clerk.post(
        url,
        {
            "save_list": "1",
            f"list-person_{s.b.member.pk}": "apologies",
            f"list-person_{s.b.clerk.pk}": "present",
        },
    )
    clerk.post(
        url,
        {
            "add_person": "1",
            "add-person": deputy.pk,
            "add-status": "present",
            "add-substitute_for": s.b.member.pk,
        },
    )
    got = {a.person.name: (a.status, a.substitute_for) for a in s.dec.attendance.all()}
    assert got == {
        "Marcus Barnett": ("apologies", None),
        "Casey Clerk": ("present", None),
        "Dana Deputy": ("present", s.b.member),
    }
    # Saving the list again keeps the substitute's seat.
    clerk.post(
        url,
        {
            "save_list": "1",
            f"list-person_{deputy.pk}": "present",
            f"list-person_{s.b.member.pk}": "apologies",
        },
    )
    assert s.dec.attendance.get(person=deputy).substitute_for == s.b.member
    assert not s.dec.attendance.filter(person=s.b.clerk).exists()  # "not recorded" now


def test_a_clerk_minutes_an_item_with_notes_a_decision_and_an_action(clerk, s):
    item = s.dec.agenda_items(manager="private_objects").get(title__startswith="Welcome")
    url = f"/meetings/items/{item.pk}/minutes/"
    clerk.post(
        url,
        {"save_notes": "1", "notes-notes": "Apologies were noted.", "version": version_of(item)},
    )
    clerk.post(url, {"add_decision": "1", "decision-text": "Terms of reference agreed."})
    clerk.post(
        url,
        {
            "add_action": "1",
            "action-text": "Circulate the terms of reference",
            "action-owner_person": s.b.member.pk,
            "action-due_date": "2022-01-31",
            "action-due_precision": "day",
        },
    )
    item.refresh_from_db()
    assert item.notes == "Apologies were noted."
    assert item.decisions(manager="private_objects").get().text == "Terms of reference agreed."
    action = TrackedItem.private_objects.get(text="Circulate the terms of reference")
    assert (action.meeting, action.agenda_item, action.owner_person, action.due_date) == (
        s.dec,
        item,
        s.b.member,
        date(2022, 1, 31),
    )
    response = clerk.post(url, {"add_action": "1", "action-text": "No owner"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()


def test_a_clerk_records_updates_and_closes_carried_actions(clerk, s):
    url = f"/meetings/{s.dec.pk}/actions/{s.action.pk}/"
    clerk.post(url, {"narrative": "Submission drafted.", "outcome": "open", "progress": "60"})
    clerk.post(url, {"narrative": "Submitted.", "outcome": "closed"})
    reviews = ActionReview.objects.filter(meeting=s.dec, item=s.action).order_by("pk")
    assert [r.outcome for r in reviews] == ["updated", "closed"]
    s.action.refresh_from_db()
    assert s.action.status == "complete"
    html = page(clerk, s.dec.get_absolute_url())
    assert "Closed at this meeting" in html
    page(clerk, f"/meetings/{s.sept.pk}/actions/{s.action.pk}/", 404)  # not carried there


def test_a_clerk_approves_the_minutes_and_can_then_only_correct_them(clerk, s):
    html = page(clerk, s.dec.get_absolute_url())
    assert "Record that they were approved at this meeting" in html
    operations.mark_meeting_held(s.dec)
    clerk.post(f"/meetings/{s.sept.pk}/minutes/approve/", {"at": s.dec.pk})
    s.sept.refresh_from_db()
    assert s.sept.minutes_approved_at == s.dec
    response = clerk.post(
        f"/meetings/items/{s.prevent.pk}/minutes/", {"save_notes": "1", "notes-notes": "Rewritten"}
    )
    assert response.status_code == 200 and "locked" in response.content.decode()
    assert AgendaItem.private_objects.get(pk=s.prevent.pk).notes.startswith("- 26 referrals")
    clerk.post(
        f"/meetings/{s.sept.pk}/minutes/corrections/add/",
        {
            "agenda_item": s.prevent.pk,
            "text": "27 referrals, not 26.",
            "reason": "Figure corrected by the Prevent team",
            "agreed_at": s.dec.pk,
        },
    )
    assert Correction.objects.get().text == "27 referrals, not 26."
    html = page(clerk, f"/meetings/{s.sept.pk}/minutes/")
    assert "26 referrals" in html and "27 referrals, not 26." in html


def test_a_clerk_uploads_a_paper_for_an_item(clerk, s):
    clerk.post(
        f"/meetings/{s.dec.pk}/papers/add/",
        {
            "file": SimpleUploadedFile("briefing.pdf", b"%PDF-1.4", "application/pdf"),
            "title": "GSVB briefing",
            "agenda_item": "",
        },
    )
    paper = s.dec.papers(manager="private_objects").get()
    assert paper.title == "GSVB briefing" and paper.filename == "briefing.pdf"


def test_an_upload_over_the_limit_is_refused(clerk, s, settings):
    settings.MAX_UPLOAD_BYTES = 10
    response = clerk.post(
        f"/meetings/{s.dec.pk}/papers/add/",
        {
            "file": SimpleUploadedFile("big.pdf", b"%PDF-1.4 and more", "application/pdf"),
        },
    )
    assert response.status_code == 200 and "larger than" in response.content.decode()
    assert not s.dec.papers(manager="private_objects").exists()


def test_a_clerk_sets_up_meetings_and_marks_them_held_or_cancelled(clerk, s):
    response = clerk.post(
        f"/meetings/{s.dec.pk}/next/", {"date": "2022-03-09", "start": "10:00", "end": "12:00"}
    )
    march = Meeting.private_objects.get(date=date(2022, 3, 9))
    assert response["Location"] == march.get_absolute_url()
    assert march.agenda_items(manager="private_objects").first().start.strftime("%H:%M") == "10:00"
    clerk.post(f"/meetings/{s.dec.pk}/status/", {"status": "held"})
    clerk.post(f"/meetings/{march.pk}/status/", {"status": "cancelled"})
    s.dec.refresh_from_db()
    march.refresh_from_db()
    assert (s.dec.status, march.status) == ("held", "cancelled")
    response = clerk.post(
        "/meetings/new/",
        {"body": s.b.body.pk, "date": "2022-06-08", "start": "14:00", "end": "16:00"},
    )
    assert Meeting.private_objects.filter(date=date(2022, 6, 8), body=s.b.body).exists()


def test_a_clerk_plans_an_update_in_9_to_12_months_and_puts_it_on_an_agenda(clerk, s):
    clerk.post(
        f"/meetings/bodies/{s.b.body.pk}/forward-plan/add/",
        {
            "title": "Progress on the local response",
            "window": "9-12",
            "asked_on": "2021-12-08",
        },
    )
    entry = ForwardPlanItem.private_objects.get()
    assert (entry.due_from, entry.due_by) == (date(2022, 9, 8), date(2022, 12, 8))
    upcoming = Meeting.objects.create(body=s.b.body, date=date(2099, 9, 14), published=True)
    clerk.post(
        f"/meetings/forward-plan/{entry.pk}/schedule/", {"meeting": upcoming.pk, "next": "agenda"}
    )
    entry.refresh_from_db()
    assert entry.agenda_item.meeting == upcoming
    other = operations.add_forward_plan_item(s.b.body, title="Dropped", due_by=date(2099, 1, 1))
    clerk.post(f"/meetings/forward-plan/{other.pk}/withdraw/")
    other.refresh_from_db()
    assert other.withdrawn


def test_a_clerk_removes_a_wrong_paper_while_the_minutes_are_draft(clerk, s):
    clerk.post(f"/meetings/papers/{s.paper.pk}/remove/")
    assert not s.sept.papers(manager="private_objects").exists()
    other = operations.add_paper(
        s.sept, file=SimpleUploadedFile("b.pdf", b"%PDF", "application/pdf"), title="B"
    )
    operations.mark_meeting_held(s.dec)
    operations.approve_minutes(s.sept, at=s.dec)
    clerk.post(f"/meetings/papers/{other.pk}/remove/")
    assert s.sept.papers(manager="private_objects").filter(pk=other.pk).exists()


def test_approving_minutes_needs_a_later_meeting_to_approve_them_at(clerk, s):
    response = clerk.get(f"/meetings/{s.dec.pk}/minutes/approve/", follow=True)
    assert "set up the next meeting first" in response.content.decode()


def test_a_signed_in_community_member_sees_minutes_only_once_approved(client, s):
    from . import factories as f

    resident = f.person("Jordan Ellis", username="resident", role="community")
    client.force_login(resident.user)
    assert "support the funding submission" not in page(client, s.sept.get_absolute_url())
    assert "Minutes not yet approved" in page(client, f"/meetings/{s.sept.pk}/minutes/")
    operations.mark_meeting_held(s.dec)
    operations.approve_minutes(s.sept, at=s.dec)
    assert "support the funding submission" in page(client, s.sept.get_absolute_url())
