"""The demo shows feedback from the sample partnership meeting's community conversation
linked to the actions that meeting agreed, and a panel session whose findings reached
the police."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from oversight.community.models import Feedback, PanelSession
from oversight.directory.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=io.StringIO())


def test_demo_links_the_community_conversation_to_the_meetings_actions(demo, client):
    heard = Feedback.objects.public().filter(meeting__isnull=False)
    assert heard.count() == 3
    for feedback in heard:
        assert feedback.meeting.date.isoformat() == "2021-09-27"
        item = feedback.items.get()
        assert item.meeting == feedback.meeting  # an action the meeting itself agreed
        assert feedback.response
    page = client.get(reverse("you_said_we_did")).content.decode()
    assert "Schools are a protective factor" in page
    assert "knife amnesty" in page


def test_demo_panel_session_reaches_the_police(demo, client):
    session = PanelSession.objects.public().get()
    assert session.for_organisation.short_name == "MPS"
    findings = Feedback.private_objects.filter(session=session)
    assert {f.moderation for f in findings} == {"accepted", "pending"}
    client.force_login(Person.objects.get(user__username="community").user)
    page = client.get(reverse("community_home")).content.decode()
    assert "Community Scrutiny Panel" in page and "body-worn video" in page.lower()


def test_running_the_demo_again_adds_no_feedback(demo):
    before = (Feedback.private_objects.count(), Feedback.history.count())
    call_command("demo", stdout=io.StringIO())
    assert (Feedback.private_objects.count(), Feedback.history.count()) == before
