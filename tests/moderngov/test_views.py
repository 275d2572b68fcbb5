"""The connector's pages: a scrutiny officer connects a site, chooses committees, sees
the new papers to check and resolves conflicts; nobody else may."""

from __future__ import annotations

import pytest

from oversight.meetings.models import Meeting
from oversight.moderngov.models import Conflict, FollowedCommittee, Site
from oversight.moderngov.sync import sync_all

from .test_sync import SINCE, follow, meeting_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, scrutiny_officer):
    client.force_login(scrutiny_officer.user)
    return client


def test_a_scrutiny_officer_connects_a_site_and_chooses_its_committees(officer_client, mg_site):
    response = officer_client.post("/moderngov/", {"url": mg_site.base + "/mgWebService.asmx"})
    site = Site.objects.get()
    assert response.status_code == 302 and response.url == f"/moderngov/sites/{site.pk}/"
    page = officer_client.get(response.url).content.decode()
    assert "Children &amp; Young People Scrutiny Commission (102)" in page
    assert "Allowances" not in page  # expired
    response = officer_client.post(
        response.url, {"committees": ["101", "103"], "since": "2025-01-01"}
    )
    assert response.status_code == 302
    followed = FollowedCommittee.objects.order_by("committee_id")
    assert [(f.committee_id, f.body.name, str(f.backfill_from)) for f in followed] == [
        (101, "Living in Hackney Scrutiny Commission", "2025-01-01"),
        (103, "Health in Hackney Scrutiny Commission", "2025-01-01"),
    ]
    # Leaving one unticked stops following it.
    officer_client.post(f"/moderngov/sites/{site.pk}/", {"committees": ["101"]})
    assert list(
        FollowedCommittee.objects.filter(following=True).values_list("committee_id", flat=True)
    ) == [101]


def test_a_bad_address_is_refused_and_kept_in_the_form(officer_client):
    response = officer_client.post("/moderngov/", {"url": "hackney.moderngov"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert 'value="hackney.moderngov"' in page
    assert not Site.objects.exists()


def test_a_site_that_cannot_be_read_says_so(officer_client, mg_site):
    mg_site.failures["GetCommittees"] = [(403, "<html>Forbidden</html>", "text/html")]
    site = Site.objects.create(base_url=mg_site.base, host="127.0.0.1")
    page = officer_client.get(f"/moderngov/sites/{site.pk}/").content.decode()
    assert "could not be read" in page and "(403)" in page


def test_the_officer_sees_new_papers_to_check_with_their_meeting_and_item(officer_client, mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    page = officer_client.get("/moderngov/papers/").content.decode()
    assert "Check Temporary Accommodation Review report" in page
    assert "3. Temporary Accommodation Review" in page
    assert "Ready for review" in page
    assert "1 new paper to check" in officer_client.get("/moderngov/").content.decode()


def test_the_officer_keeps_oversights_value_in_a_conflict(officer_client, mg_site):
    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5002)
    Meeting.private_objects.filter(pk=m.pk).update(venue="Online")
    from .fake_site import fixture

    mg_site.meetings[5002] = fixture("meeting_5002.xml").replace("Committee Room 1", "Room 3")
    sync_all(since=SINCE)
    conflict = Conflict.objects.get()
    page = officer_client.get("/moderngov/conflicts/").content.decode()
    assert "Where" in page and "Online" in page and "Room 3, Hackney Town Hall" in page
    officer_client.post(f"/moderngov/conflicts/{conflict.pk}/resolve/", {"keep": "oversight"})
    conflict.refresh_from_db()
    assert conflict.resolution == Conflict.Resolution.KEPT
    m.refresh_from_db()
    assert m.venue == "Online"
    assert "No conflicts to resolve" in officer_client.get("/moderngov/conflicts/").content.decode()


@pytest.mark.parametrize("url", ["/moderngov/", "/moderngov/papers/", "/moderngov/conflicts/"])
def test_a_partner_officer_may_not_use_the_connector(client, police_officer, url):
    client.force_login(police_officer.user)
    assert client.get(url).status_code == 403


def test_the_public_is_sent_to_sign_in(client):
    response = client.get("/moderngov/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_synced_meetings_history_names_moderngov_as_the_source_of_each_change(
    officer_client, mg_site
):
    from .fake_site import fixture

    follow(mg_site, 101)
    sync_all(since=SINCE)
    m = meeting_of(5002)
    mg_site.meetings[5002] = fixture("meeting_5002.xml").replace("6.30 pm", "7.15 pm")
    sync_all(since=SINCE)
    page = officer_client.get(f"/moderngov/meetings/{m.pk}/").content.decode()
    assert "Source: Synced from ModernGov (127.0.0.1)" in page
    assert "18:30 → 19:15" in page
    assert "Present, as expected" in page and "Chair" in page
    assert "ieListDocuments.aspx?CId=101&amp;MId=5002" in page
    assert "Meetings synced lately" in officer_client.get("/moderngov/").content.decode()
