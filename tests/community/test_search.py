"""Accepted feedback is found by searching, in its published words; unmoderated and
declined feedback is never found, whoever searches."""

from __future__ import annotations

import pytest
from django.urls import reverse

from oversight.community import operations

pytestmark = pytest.mark.django_db

SAID = "Mr Named Person says the floodlights at the skatepark are broken."
EDITED = "A resident says the floodlights at the skatepark are broken."


def _send(community):
    return operations.submit_public_feedback(
        summary=SAID, theme=community.youth_safety, recipient=community.to_police
    )


def _found(client, words: str, feedback) -> bool:
    return (
        feedback.get_absolute_url()
        in client.get(reverse("search") + f"?q={words}").content.decode()
    )


def test_accepted_feedback_is_found_in_its_published_words(community, client, viewer_of):
    feedback = _send(community)
    operations.accept_feedback(
        feedback,
        viewer=viewer_of(community.officer),
        by=community.officer,
        summary=EDITED,
        note="Took out a name.",
    )
    assert _found(client, "skatepark", feedback)
    assert not _found(client, "Named", feedback)


def test_unmoderated_and_declined_feedback_is_never_found(community, client, viewer_of):
    pending = _send(community)
    declined = _send(community)
    operations.decline_feedback(
        declined, viewer=viewer_of(community.officer), by=community.officer, reason="Names."
    )
    for who in (None, community.officer):
        if who:
            client.force_login(who.user)
        assert not _found(client, "skatepark", pending)
        assert not _found(client, "skatepark", declined)
