"""An issued report goes into a meeting's papers, with the forward plan entry that asked
for it; and an issued report is kept as written."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from oversight.meetings import operations as meetings
from oversight.meetings.models import Paper
from oversight.reports.models import Audience, UpdateReport
from oversight.reports.operations import add_report_to_meeting, issue_report
from oversight.safekeeping import triggers
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_report_asked_for_on_the_forward_plan_goes_with_its_agenda_item(
    scene, operator, commission, commission_meeting, scrutiny_officer
):
    entry = meetings.add_forward_plan_item(
        commission,
        title="Stop and search: update on recommendations",
        due_by=date(2099, 3, 31),
        review=scene.review,
        meeting=commission_meeting,
    )
    report, _ = issue_report(
        scene.review, viewer=operator, audience=Audience.PUBLIC, forward_plan_item=entry
    )
    paper = add_report_to_meeting(report, commission_meeting, user=scrutiny_officer.user)
    assert paper.meeting == commission_meeting
    assert paper.agenda_item == entry.agenda_item
    assert paper.title.startswith("Update report: Stop and search in Hackney")
    assert not paper.restricted
    assert paper.file.open("rb").read(4) == b"%PDF"
    assert list(entry.update_reports.all()) == [report]
    # The public sees the paper of a published meeting.
    assert Paper.objects.filter(pk=paper.pk).exists()


def test_a_restricted_report_is_a_restricted_paper(scene, operator, commission_meeting):
    report, _ = issue_report(scene.review, viewer=operator, audience=Audience.RESTRICTED)
    paper = add_report_to_meeting(report, commission_meeting)
    assert paper.restricted and paper.agenda_item is None
    assert not Paper.objects.filter(pk=paper.pk).exists()


def test_a_report_is_not_added_to_another_bodys_meeting(scene, operator):
    report, _ = issue_report(scene.review, viewer=operator, audience=Audience.PUBLIC)
    elsewhere = MeetingFactory(body=BodyFactory(name="Health Scrutiny Commission"))
    with pytest.raises(ValidationError, match="another body"):
        add_report_to_meeting(report, elsewhere)


def test_a_forward_plan_entry_for_another_review_is_refused(scene, operator, commission):
    entry = meetings.add_forward_plan_item(
        commission, title="Other", due_by=date(2099, 1, 1), review=None
    )
    entry.review = type(scene.review).objects.create(body=commission, title="Other review")
    entry.save()
    with pytest.raises(ValidationError, match="another review"):
        issue_report(
            scene.review, viewer=operator, audience=Audience.PUBLIC, forward_plan_item=entry
        )


def test_an_issued_report_cannot_be_changed_or_deleted(scene, operator):
    report, _ = issue_report(scene.review, viewer=operator, audience=Audience.PUBLIC)
    assert UpdateReport._meta.db_table in triggers.installed(connection)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE reports_updatereport SET snapshot = '{}'")
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM reports_updatereport")
    with pytest.raises(ValidationError):
        report.delete()


def test_the_clerk_adds_an_issued_report_to_the_papers_from_the_meeting(
    client, scene, operator, commission_meeting, scrutiny_officer
):
    report, _ = issue_report(scene.review, viewer=operator, audience=Audience.PUBLIC)
    client.force_login(scrutiny_officer.user)
    url = f"/meetings/{commission_meeting.pk}/papers/add-report/"
    page = client.get(url).content.decode()
    assert "Stop and search in Hackney" in page and f'value="{report.pk}"' in page
    refused = client.post(url, {})
    assert refused.status_code == 400 and "Choose the report to add." in refused.content.decode()
    response = client.post(url, {"report": report.pk})
    assert response.status_code == 302
    assert Paper.objects.filter(
        meeting=commission_meeting, title__startswith="Update report:"
    ).exists()


def test_a_partner_officer_cannot_add_a_report_to_the_papers(
    client, scene, operator, commission_meeting, police_officer
):
    report, _ = issue_report(scene.review, viewer=operator, audience=Audience.PUBLIC)
    client.force_login(police_officer.user)
    url = f"/meetings/{commission_meeting.pk}/papers/add-report/"
    assert client.post(url, {"report": report.pk}).status_code == 403
    assert not Paper.private_objects.filter(meeting=commission_meeting).exists()
