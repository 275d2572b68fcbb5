"""A moderator of the organisation or body feedback is for accepts it (edited to take
out personal details, the edit recorded) or declines it with a reason; declined
feedback never reaches anything public."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from oversight.community import operations
from oversight.community.models import Feedback, Recipient
from oversight.directory.models import Body, Membership
from tests.factories import BodyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

SAID = "Mr Named Person was searched outside the station. Searches there feel targeted."
EDITED = "A resident was searched outside the station. Searches there feel targeted."


def _sent(community) -> Feedback:
    return operations.submit_public_feedback(
        summary=SAID, theme=community.stop_and_search, recipient=community.to_police
    )


def test_police_officer_accepts_feedback_with_a_name_taken_out(community, client):
    feedback = _sent(community)
    client.force_login(community.officer.user)
    page = client.get(reverse("feedback_moderate", args=[feedback.pk]))
    assert page.status_code == 200 and SAID in page.content.decode()
    client.post(
        reverse("feedback_moderate", args=[feedback.pk]),
        {"decision": "accept", "summary": EDITED, "note": "Took out a name."},
    )
    feedback.refresh_from_db()
    assert feedback.moderation == Feedback.Moderation.ACCEPTED
    assert feedback.summary == EDITED and feedback.edited_in_moderation
    assert feedback.moderated_by == community.officer
    assert feedback.history.filter(summary=SAID).exists()  # as received, kept
    client.logout()
    public = client.get(reverse("you_said_we_did")).content.decode()
    assert EDITED in public and "Named Person" not in public
    assert "Named Person" not in client.get(feedback.get_absolute_url()).content.decode()


def test_the_summary_as_received_is_in_the_history_moderators_read(community, client):
    feedback = _sent(community)
    client.force_login(community.officer.user)
    client.post(
        reverse("feedback_moderate", args=[feedback.pk]),
        {"decision": "accept", "summary": EDITED, "note": "Took out a name."},
    )
    assert "Named Person" in client.get(feedback.get_absolute_url()).content.decode()
    client.force_login(community.outsider.user)
    assert "Named Person" not in client.get(feedback.get_absolute_url()).content.decode()


def test_an_edit_in_moderation_needs_a_note_and_nothing_is_lost(community, client):
    feedback = _sent(community)
    client.force_login(community.officer.user)
    page = client.post(
        reverse("feedback_moderate", args=[feedback.pk]),
        {"decision": "accept", "summary": EDITED, "note": ""},
    )
    assert "Say what you changed in the summary" in page.content.decode()
    assert EDITED in page.content.decode()
    feedback.refresh_from_db()
    assert feedback.moderation == Feedback.Moderation.PENDING and feedback.summary == SAID


def test_officer_of_another_organisation_cannot_moderate(community, client, viewer_of):
    feedback = _sent(community)
    with pytest.raises(PermissionDenied):
        operations.accept_feedback(
            feedback, viewer=viewer_of(community.outsider), by=community.outsider, summary=SAID
        )
    client.force_login(community.outsider.user)
    assert client.get(reverse("feedback_moderate", args=[feedback.pk])).status_code == 404


def test_community_member_cannot_moderate_even_on_the_receiving_body(community, viewer_of):
    feedback = operations.submit_public_feedback(
        summary=SAID, theme=community.stop_and_search, recipient=Recipient(body=community.panel)
    )
    with pytest.raises(PermissionDenied):
        operations.decline_feedback(
            feedback, viewer=viewer_of(community.member), by=community.member, reason="No."
        )


def test_staff_member_of_a_body_moderates_its_feedback(community, viewer_of):
    board = BodyFactory(name="Safer Young Hackney Board", kind=Body.Kind.BOARD)
    clerk = PersonFactory(name="Casey Clerk", organisation=community.council)
    MembershipFactory(person=clerk, body=board, role=Membership.Role.OFFICER)
    feedback = operations.submit_public_feedback(
        summary="More youth clubs open in the evening.",
        theme=community.youth_safety,
        recipient=Recipient(body=board),
    )
    operations.accept_feedback(
        feedback, viewer=viewer_of(clerk), by=clerk, summary=feedback.summary
    )
    assert Feedback.objects.public().filter(pk=feedback.pk).exists()


def test_declined_feedback_needs_a_reason_and_never_appears_in_public(community, client):
    feedback = _sent(community)
    client.force_login(community.officer.user)
    page = client.post(
        reverse("feedback_moderate", args=[feedback.pk]), {"decision": "decline", "summary": SAID}
    )
    assert "Give a reason for declining it." in page.content.decode()
    client.post(
        reverse("feedback_moderate", args=[feedback.pk]),
        {"decision": "decline", "summary": SAID, "note": "Names an individual officer."},
    )
    feedback.refresh_from_db()
    assert feedback.moderation == Feedback.Moderation.DECLINED
    for viewer in (None, community.outsider, community.member):
        if viewer:
            client.force_login(viewer.user)
        else:
            client.logout()
        for url in (
            reverse("you_said_we_did"),
            community.to_police.get_absolute_url(),
            reverse("you_said_we_did_csv"),
            reverse("you_said_we_did_json"),
        ):
            assert "targeted" not in client.get(url).content.decode(), url
        # The search box echoes the words searched for: look for the record instead.
        found = client.get(reverse("search") + "?q=targeted").content.decode()
        assert feedback.reference not in found and "Named Person" not in found
        assert client.get(feedback.get_absolute_url()).status_code == 404


def test_declined_feedback_is_not_counted_in_the_matrix(community, client, viewer_of):
    officer = viewer_of(community.officer)
    declined = _sent(community)
    operations.decline_feedback(declined, viewer=officer, by=community.officer, reason="Spam.")
    accepted = _sent(community)
    operations.accept_feedback(
        accepted, viewer=officer, by=community.officer, summary=EDITED, note="Took out a name."
    )
    client.force_login(community.officer.user)
    data = client.get(reverse("you_said_we_did_json")).json()
    assert data["matrix"]["totals"]["open"] == 1
    assert [f["reference"] for f in data["feedback"]] == [accepted.reference]


def test_an_officer_logging_what_they_heard_publishes_it_for_their_own_organisation(
    community, viewer_of
):
    logged = operations.log_feedback(
        viewer=viewer_of(community.officer),
        by=community.officer,
        summary="Parents want to know when officers patrol outside schools.",
        source=Feedback.Source.CONVERSATION,
        theme=community.youth_safety,
        recipient=community.to_police,
    )
    assert logged.moderation == Feedback.Moderation.ACCEPTED
    for_council = operations.log_feedback(
        viewer=viewer_of(community.officer),
        by=community.officer,
        summary="More street lighting on the estate.",
        source=Feedback.Source.WARD_PANEL,
        theme=community.youth_safety,
        recipient=Recipient(organisation=community.council),
    )
    assert for_council.moderation == Feedback.Moderation.PENDING


def test_feedback_cannot_be_dated_in_the_future(community, viewer_of):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(ValidationError):
        operations.log_feedback(
            viewer=viewer_of(community.officer),
            by=community.officer,
            summary="Something.",
            source=Feedback.Source.SURVEY,
            theme=community.youth_safety,
            recipient=community.to_police,
            received_on=timezone.localdate() + timedelta(days=1),
        )
