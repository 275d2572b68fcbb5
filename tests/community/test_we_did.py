"""An officer links feedback to the commitments, actions and recommendations that
answer it, or creates an action from it in one step, and writes the response; what
became of it follows the linked items' status, as the public reads it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from oversight.community import operations
from oversight.community.models import Feedback, Outcome
from oversight.tracker import operations as tracker_ops
from oversight.tracker.models import TrackedItem

pytestmark = pytest.mark.django_db

SAID = "Tell us what the dip sampling of body-worn video finds."


@pytest.fixture
def accepted(community, viewer_of) -> Feedback:
    feedback = operations.submit_public_feedback(
        summary=SAID, theme=community.stop_and_search, recipient=community.to_police
    )
    return operations.accept_feedback(
        feedback, viewer=viewer_of(community.officer), by=community.officer, summary=SAID
    )


def _public_row(client, feedback) -> dict:
    client.logout()
    data = client.get(reverse("you_said_we_did_json")).json()
    return next(f for f in data["feedback"] if f["reference"] == feedback.reference)


def test_officer_links_feedback_to_the_commitment_that_answers_it(community, accepted, client):
    client.force_login(community.officer.user)
    page = client.get(reverse("feedback_link", args=[accepted.pk]))
    assert community.commitment.text in page.content.decode()
    client.post(reverse("feedback_link", args=[accepted.pk]), {"items": [community.commitment.pk]})
    assert list(accepted.items.all()) == [community.commitment]
    row = _public_row(client, accepted)
    assert row["outcome"] == Outcome.IN_PROGRESS
    assert row["we_did"][0]["text"] == community.commitment.text
    assert row["we_did"][0]["rag"] == "green"


def test_linking_nothing_says_what_to_choose(community, accepted, client):
    client.force_login(community.officer.user)
    page = client.post(reverse("feedback_link", args=[accepted.pk]), {})
    assert "Choose at least one action" in page.content.decode()


def test_status_follows_the_linked_item_as_it_is_updated(community, accepted, client, viewer_of):
    operations.link_feedback(
        accepted, viewer=viewer_of(community.officer), items=[community.commitment]
    )
    tracker_ops.record_update(
        community.commitment,
        author=community.officer,
        narrative="Results for the first quarter are published.",
        status=TrackedItem.Status.COMPLETE,
        progress=100,
        links=["https://example.org/dip-sampling"],
    )
    row = _public_row(client, accepted)
    assert row["outcome"] == Outcome.DONE and row["we_did"][0]["rag"] == "complete"
    page = client.get(reverse("you_said_we_did")).content.decode()
    assert "Done" in page and "Complete" in page


def test_an_overdue_linked_item_shows_red_beside_the_feedback(
    community, accepted, client, viewer_of
):
    community.commitment.due_date = timezone.localdate() - timedelta(days=1)
    community.commitment.save()
    operations.link_feedback(
        accepted, viewer=viewer_of(community.officer), items=[community.commitment]
    )
    assert _public_row(client, accepted)["we_did"][0]["rag"] == "red"


def test_officer_creates_an_action_from_feedback_in_one_step(community, accepted, client):
    client.force_login(community.officer.user)
    page = client.get(reverse("feedback_new_action", args=[accepted.pk]))
    assert page.status_code == 200
    due = timezone.localdate() + timedelta(days=90)
    client.post(
        reverse("feedback_new_action", args=[accepted.pk]),
        {
            "text": "Publish each quarter's dip sampling findings for the panel",
            "plan": community.plan.pk,
            "owner_org": community.police.pk,
            "due_date": due.isoformat(),
        },
    )
    item = accepted.items.get()
    assert item.plan == community.plan and item.owner_org == community.police
    assert item.due_date == due and item.origin == TrackedItem.Origin.PLAN
    assert _public_row(client, accepted)["we_did"][0]["text"] == item.text


def test_a_new_action_keeps_what_was_typed_when_refused(community, accepted, client):
    client.force_login(community.officer.user)
    page = client.post(
        reverse("feedback_new_action", args=[accepted.pk]),
        {"text": "Publish the findings", "owner_org": community.police.pk},
    )
    text = page.content.decode()
    assert "Choose the action plan it belongs to." in text and "Publish the findings" in text
    assert accepted.items.count() == 0


def test_the_response_is_published_beside_the_feedback(community, accepted, client):
    client.force_login(community.officer.user)
    client.post(
        reverse("feedback_respond", args=[accepted.pk]),
        {"position": "accepted", "response": "We will publish the findings every quarter."},
    )
    row = _public_row(client, accepted)
    assert row["response"]["position"] == "accepted"
    assert row["response"]["text"] == "We will publish the findings every quarter."
    assert row["outcome"] == Outcome.IN_PROGRESS


def test_not_taken_forward_needs_its_reason_and_shows_so(community, accepted, client):
    client.force_login(community.officer.user)
    page = client.post(
        reverse("feedback_respond", args=[accepted.pk]), {"position": "not_taken_forward"}
    )
    assert "Write the response the community will read." in page.content.decode()
    client.post(
        reverse("feedback_respond", args=[accepted.pk]),
        {"position": "not_taken_forward", "response": "Footage of children cannot be shown."},
    )
    assert _public_row(client, accepted)["outcome"] == Outcome.NOT_TAKEN_FORWARD


def test_officer_of_another_organisation_cannot_link_or_respond(
    community, accepted, viewer_of, client
):
    with pytest.raises(PermissionDenied):
        operations.link_feedback(
            accepted, viewer=viewer_of(community.outsider), items=[community.commitment]
        )
    client.force_login(community.outsider.user)
    assert client.get(reverse("feedback_respond", args=[accepted.pk])).status_code == 403


def test_a_restricted_linked_action_is_neither_shown_nor_counted_for_the_public(
    community, accepted, client, viewer_of
):
    secret = TrackedItem.objects.create(
        text="Discipline review of the officers named",
        origin=TrackedItem.Origin.PLAN,
        plan=community.plan,
        owner_org=community.police,
        restricted=True,
        status=TrackedItem.Status.COMPLETE,
    )
    operations.link_feedback(accepted, viewer=viewer_of(community.officer), items=[secret])
    row = _public_row(client, accepted)
    assert row["we_did"] == [] and row["outcome"] == Outcome.OPEN
    assert "Discipline review" not in client.get(reverse("you_said_we_did")).content.decode()
    client.force_login(community.officer.user)
    assert "Discipline review" in client.get(accepted.get_absolute_url()).content.decode()


def test_officer_unlinks_an_item_linked_by_mistake(community, accepted, client, viewer_of):
    operations.link_feedback(
        accepted, viewer=viewer_of(community.officer), items=[community.commitment]
    )
    client.force_login(community.officer.user)
    client.post(reverse("feedback_unlink", args=[accepted.pk]), {"item": community.commitment.pk})
    assert accepted.items.count() == 0
    assert accepted.history.count() >= 2  # the links are part of the record's history


def test_the_action_page_names_the_feedback_it_answers(community, accepted, client, viewer_of):
    operations.link_feedback(
        accepted, viewer=viewer_of(community.officer), items=[community.commitment]
    )
    pending = operations.submit_public_feedback(
        summary="Not yet moderated, about dip sampling.",
        theme=community.stop_and_search,
        recipient=community.to_police,
    )
    operations.link_feedback(
        pending, viewer=viewer_of(community.officer), items=[community.commitment]
    )
    page = client.get(community.commitment.get_absolute_url()).content.decode()
    assert "Community feedback this answers" in page and accepted.reference in page
    assert pending.reference not in page
