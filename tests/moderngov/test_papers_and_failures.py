"""Papers into the importer, what the public sees, and a service that misbehaves."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from oversight.ingest.models import ImportedDocument
from oversight.meetings.models import AgendaItem, Meeting, Paper
from oversight.moderngov.models import FollowedCommittee, SyncedMeeting, SyncedPaper
from oversight.moderngov.service import ModernGovService, ServiceError, parse_reply
from oversight.moderngov.sync import sync_all

from .fake_site import fixture
from .test_sync import SINCE, follow, meeting_of

pytestmark = pytest.mark.django_db


def test_each_new_paper_reaches_the_importers_queue_with_its_meeting_and_item(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    report = SyncedPaper.objects.get(attachment_id=9001)
    assert report.status == SyncedPaper.Status.QUEUED
    assert report.agenda_item.title == "Temporary Accommodation Review"
    assert report.synced_meeting.meeting == meeting_of(5001)
    imp = report.imported
    assert imp.status == ImportedDocument.Status.READY  # read, waiting for the officer
    assert imp.filing == {"body": str(meeting_of(5001).body_id)}
    assert len(imp.extraction["recommendations"]) == 2
    paper = report.paper
    assert paper.meeting == meeting_of(5001) and paper.agenda_item == report.agenda_item
    assert not paper.restricted
    assert paper.file.read().startswith(b"%PDF")


def test_an_external_link_is_not_downloaded_and_a_page_that_is_not_a_pdf_is_refused(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    link = SyncedPaper.objects.get(attachment_id=9002)
    assert link.status == SyncedPaper.Status.LINK and link.imported is None
    frontsheet = SyncedPaper.objects.get(attachment_id=9004)
    assert frontsheet.status == SyncedPaper.Status.REFUSED
    assert "text/html" in frontsheet.error
    assert not any(
        op == "mgConvert2PDF.aspx" and q.get("ID") == "9002" for op, q in mg_site.requests
    )


def test_a_paper_on_another_host_is_never_fetched(mg_site):
    other = mg_site.base.replace("127.0.0.1", "localhost")
    mg_site.meetings[5001] = fixture("meeting_5001.xml").replace(
        "{base}/mgConvert2PDF.aspx?ID=9001", f"{other}/mgConvert2PDF.aspx?ID=9001"
    )
    follow(mg_site, 101)
    sync_all(since=SINCE)
    paper = SyncedPaper.objects.get(attachment_id=9001)
    assert paper.status == SyncedPaper.Status.NEW and paper.attempts == 1
    assert "another host" in paper.error
    assert not any(
        op == "mgConvert2PDF.aspx" and q.get("ID") == "9001" for op, q in mg_site.requests
    )


def test_a_restricted_paper_and_item_stay_restricted(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    appendix = SyncedPaper.objects.get(attachment_id=9003)
    assert appendix.restricted and appendix.paper.restricted
    # Not imported: the importer publishes what it reads.
    assert appendix.status == SyncedPaper.Status.KEPT and appendix.imported is None
    assert ImportedDocument.objects.count() == 1
    exempt = AgendaItem.private_objects.get(meeting=meeting_of(5001), number="4")
    assert exempt.restricted


def test_the_public_sees_the_meeting_agenda_attendance_and_minutes_but_not_the_exempt_item(mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5001)
    public = Client()
    page = public.get(m.get_absolute_url()).content.decode()
    assert "Temporary Accommodation Review" in page
    assert "Members&#x27; Question Time" in page or "Members' Question Time" in page
    assert "Sem Moema" in page and "Apologies" in page
    assert "RESOLVED that the review" in page
    assert "Paper: Temporary Accommodation Review report" in page
    assert "ZZEXEMPT" not in page
    minutes = public.get(f"/meetings/{m.pk}/minutes/").content.decode()
    assert "The Commission discussed the review." in minutes and "ZZEXEMPT" not in minutes
    paper = Paper.objects.get(meeting=m, agenda_item__number="3")
    assert public.get(paper.get_absolute_url()).status_code == 200
    appendix = Paper.private_objects.get(meeting=m, agenda_item__number="4")
    assert public.get(appendix.get_absolute_url()).status_code == 404
    calendar = public.get("/meetings.ics").content.decode()
    assert "20251015T190000" in calendar


def test_an_html_error_page_is_reported_for_its_meeting_and_nothing_of_it_is_written(mg_site):
    mg_site.failures["GetMeeting:5002"] = [(200, fixture("error.html"), "text/html")]
    follow(mg_site, 101)
    progress = sync_all(since=SINCE)
    assert progress.new == 1
    assert len(progress.failures) == 2  # the meeting, and the frontsheet that is not a PDF
    failure = next(f for f in progress.failures if "5002" in f["where"])
    assert "web page instead of data" in failure["problem"]
    assert failure["where"].startswith("Living in Hackney Scrutiny Commission, meeting 5002")
    assert not SyncedMeeting.objects.filter(moderngov_id=5002).exists()
    assert not Meeting.private_objects.filter(date=date(2025, 11, 12)).exists()
    assert "web page instead of data" in FollowedCommittee.objects.get().last_error
    progress = sync_all(since=SINCE)  # the site is well again
    assert progress.new == 1 and SyncedMeeting.objects.filter(moderngov_id=5002).exists()


def test_an_empty_reply_is_reported_not_parsed(mg_site):
    mg_site.failures["GetMeeting:5002"] = [(200, "   ", "text/xml")]
    follow(mg_site, 101)
    progress = sync_all(since=SINCE)
    assert any("empty reply" in f["problem"] for f in progress.failures)


def test_a_service_answering_403_is_reported_for_the_committee_and_not_retried(mg_site):
    mg_site.failures["GetMeetings:101"] = [(403, "<html>Forbidden</html>", "text/html")]
    follow(mg_site, 101, 102)
    progress = sync_all(since=SINCE)
    assert (
        sum(1 for op, q in mg_site.requests if op == "GetMeetings" and q["lCommitteeId"] == "101")
        == 1
    )
    failure = progress.failures[0]
    assert "refused" in failure["problem"] and "(403)" in failure["problem"]
    assert failure["where"].startswith("Living in Hackney Scrutiny Commission (committee 101)")
    assert not SyncedMeeting.objects.filter(committee__committee_id=101).exists()
    assert SyncedMeeting.objects.filter(committee__committee_id=102).exists()
    assert "403" in FollowedCommittee.objects.get(committee_id=101).last_error


def test_server_errors_are_retried_with_back_off(mg_site, settings):
    mg_site.failures["GetMeeting:5001"] = [(500, "oops", "text/plain"), (503, "busy", "text/plain")]
    service = ModernGovService(mg_site.base, backoff=0.01)
    root = service.call("GetMeeting", lMeetingId=5001)
    assert root.tag == "meeting" and service.requests_made == 3


def test_server_errors_that_persist_are_reported(mg_site):
    mg_site.failures["GetCommittees"] = [(500, "oops", "text/plain")] * 3
    with pytest.raises(ServiceError, match="failed \\(500\\), after 3 tries"):
        ModernGovService(mg_site.base, backoff=0.01).committees()


def test_a_service_that_cannot_be_reached_is_reported():
    with pytest.raises(ServiceError, match="could not be reached"):
        ModernGovService("http://127.0.0.1:9", backoff=0.01, attempts=2).committees()


def test_xml_with_a_dtd_or_entities_is_refused():
    with pytest.raises(ServiceError, match="DTD or entities"):
        parse_reply(fixture("entities.xml").encode(), "GetCommittees")


def test_publishing_a_synced_meetings_minutes_files_them_under_that_meeting(mg_site):
    from oversight.ingest import operations as ingest_operations

    from .conftest import pdf_of

    mg_site.files[9001] = (
        pdf_of(
            "Minutes of the meeting of the Living in Hackney Scrutiny Commission",
            "held on 15 October 2025 at 7.00 pm",
            "Present: Councillor Sem Moema (Chair), Councillor Ali Sadek",
            "1. Apologies for Absence",
            "Apologies were received from Councillor Brown.",
            "2. Temporary Accommodation Review",
            "RESOLVED that the review's recommendations be agreed.",
            "Action: Housing Services to publish the figures monthly.",
        ),
        "application/pdf",
    )
    follow(mg_site, 101)
    sync_all(since=SINCE)
    imp = SyncedPaper.objects.get(attachment_id=9001).imported
    imp.refresh_from_db()
    assert imp.extraction["document"]["kind"] == "minutes", imp.extraction["document"]
    before = Meeting.private_objects.count()
    published = ingest_operations.publish_import(imp, user=None, revision=imp.revision)
    assert published.meeting == meeting_of(5001)
    assert Meeting.private_objects.count() == before
    # Its items are the synced ones, found again by their numbers, not added twice.
    titles = list(
        AgendaItem.private_objects.filter(meeting=published.meeting).values_list("title", flat=True)
    )
    assert len(titles) == len(set(titles)) == 4


def test_the_connector_names_itself_and_a_contact_to_the_council(mg_site, settings):
    settings.MODERNGOV_CONTACT = "scrutiny@hackney.gov.uk"
    ModernGovService(mg_site.base).committees()
    (agent,) = mg_site.agents
    assert agent.startswith("Oversight scrutiny tracker") and "scrutiny@hackney.gov.uk" in agent
