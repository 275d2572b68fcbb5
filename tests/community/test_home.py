"""A community member's home page is about them: the feedback they logged and what
became of it, their panel's sessions and what their panel follows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oversight.community import operations
from oversight.community.models import Feedback

from .conftest import sent_on

pytestmark = pytest.mark.django_db

FINDING = "Officers explained the grounds for the search in most clips."


def test_community_member_signing_in_lands_on_their_own_page(community, client):
    client.force_login(community.member.user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url == reverse("community_home")
    page = client.get(reverse("community_home")).content.decode()
    assert "Your community page" in page and "Your dashboard" not in page
    assert "Record a Community Scrutiny Panel session" in page


def test_community_members_navigation_leads_to_their_own_page(community, client):
    client.force_login(community.member.user)
    page = client.get(reverse("community_home")).content.decode()
    own = f'href="{reverse("community_home")}" aria-current="page">Your page</a>'
    assert own in page and ">Dashboard</a>" not in page
    client.force_login(community.officer.user)
    page = client.get("/dashboard/").content.decode()
    assert 'href="/dashboard/" aria-current="page">Dashboard</a>' in page


def test_officers_keep_their_dashboard(community, client):
    client.force_login(community.officer.user)
    assert client.get(reverse("dashboard")).status_code == 200


def test_home_shows_what_became_of_the_members_feedback(community, client, viewer_of):
    session = operations.record_panel_session(
        community.panel,
        viewer=viewer_of(community.member),
        by=community.member,
        held_on=sent_on(3),
        recipient=community.to_police,
        findings=[operations.Finding(FINDING, community.stop_and_search)],
    )
    finding = Feedback.private_objects.get(session=session)
    client.force_login(community.member.user)
    page = client.get(reverse("community_home")).content.decode()
    assert FINDING in page and "Awaiting moderation" in page and str(session) in page
    officer = viewer_of(community.officer)
    operations.accept_feedback(finding, viewer=officer, by=community.officer, summary=FINDING)
    operations.link_feedback(finding, viewer=officer, items=[community.commitment])
    page = client.get(reverse("community_home")).content.decode()
    assert "Accepted" in page and community.commitment.text in page
    assert "What your panel follows" in page


def test_home_does_not_show_other_peoples_unmoderated_feedback(community, client):
    operations.submit_public_feedback(
        summary="Someone else's point.", theme=community.youth_safety, recipient=community.to_police
    )
    client.force_login(community.member.user)
    assert "Someone else" not in client.get(reverse("community_home")).content.decode()
    assert "Someone else" not in client.get(reverse("feedback_list")).content.decode()


def test_an_administrator_without_a_person_is_not_shown_the_publics_feedback_as_theirs(
    community, client, django_user_model
):
    operations.submit_public_feedback(
        summary="A point from the public form.",
        theme=community.youth_safety,
        recipient=community.to_police,
    )
    admin = django_user_model.objects.create_superuser("root", password="x" * 16)
    client.force_login(admin)
    page = client.get(reverse("community_home")).content.decode()
    assert "A point from the public form." not in page
    assert "1 feedback awaiting moderation" in page
