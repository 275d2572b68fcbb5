"""Someone signed in logs what they heard: a community member's point waits for the
recipient's moderator; an officer's point for their own organisation is published as
logged. Themes are a list administrators keep."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oversight.community.models import Feedback, Theme
from tests.factories import MeetingFactory

from .conftest import sent_on

pytestmark = pytest.mark.django_db

SAID = "Young people at the youth club want to meet the new ward officers."


def _form(community, **extra) -> dict:
    return {
        "summary": SAID,
        "source": Feedback.Source.CONVERSATION,
        "received_on": sent_on(2).isoformat(),
        "recipient": f"organisation-{community.police.pk}",
        "theme": community.youth_safety.pk,
        **extra,
    }


def test_community_member_logs_feedback_that_waits_for_the_police(community, client):
    client.force_login(community.member.user)
    response = client.post(reverse("feedback_new"), _form(community), follow=True)
    feedback = Feedback.private_objects.get()
    assert feedback.logged_by == community.member
    assert feedback.moderation == Feedback.Moderation.PENDING
    assert "published once a moderator accepts it" in response.content.decode()
    assert SAID in client.get(reverse("community_home")).content.decode()
    client.logout()
    assert SAID not in client.get(reverse("you_said_we_did")).content.decode()


def test_officer_logs_feedback_heard_at_a_meeting_and_it_is_published(community, client):
    meeting = MeetingFactory(title="Ward panel, Hackney Wick")
    client.force_login(community.officer.user)
    client.post(reverse("feedback_new"), _form(community, meeting=meeting.pk))
    feedback = Feedback.private_objects.get()
    assert feedback.moderation == Feedback.Moderation.ACCEPTED and feedback.meeting == meeting
    client.logout()
    page = client.get(reverse("you_said_we_did")).content.decode()
    assert SAID in page and "Ward panel, Hackney Wick" in page


def test_feedback_heard_at_an_unpublished_meeting_waits_for_the_meeting(community, client):
    meeting = MeetingFactory(title="Ward panel, Dalston", published=False)
    client.force_login(community.officer.user)
    client.post(reverse("feedback_new"), _form(community, meeting=meeting.pk))
    client.logout()
    assert SAID not in client.get(reverse("you_said_we_did")).content.decode()


def test_logging_refuses_a_future_date_and_keeps_what_was_typed(community, client):
    from datetime import timedelta

    from django.utils import timezone

    client.force_login(community.officer.user)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    page = client.post(reverse("feedback_new"), _form(community, received_on=tomorrow))
    text = page.content.decode()
    assert "cannot be in the future" in text and SAID in text
    assert Feedback.private_objects.count() == 0


def test_the_public_cannot_log_feedback_as_someone_signed_in(community, client):
    response = client.get(reverse("feedback_new"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_theme_administrators_add_is_offered_and_a_retired_one_is_not(community, client):
    Theme.objects.create(name="Night-time economy", position=20)
    community.youth_safety.active = False
    community.youth_safety.save()
    page = client.get(reverse("feedback_form")).content.decode()
    assert "Night-time economy" in page and "Youth safety" not in page
