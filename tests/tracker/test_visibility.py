"""Restricted and unpublished records reach only those concerned, never the public."""

import re

import pytest

from oversight.directory.models import Person
from oversight.tracker.models import Recommendation, Review, TrackedItem
from oversight.visibility.viewer import PUBLIC
from tests.factories import (
    PersonFactory,
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)


@pytest.fixture
def review(commission):
    return ReviewFactory(body=commission)


@pytest.fixture
def secret_item(review, police):
    return TrackedItemFactory(
        recommendation__review=review, owner_org=police, restricted=True, text="Secret item"
    )


@pytest.fixture
def open_item(review, police):
    return TrackedItemFactory(recommendation__review=review, owner_org=police, text="Open item")


def test_restricted_item_is_not_public(secret_item, open_item):
    assert list(TrackedItem.objects.public().all()) == [open_item]
    assert list(TrackedItem.private_objects.public()) == [open_item]
    assert list(TrackedItem.objects.visible_to(PUBLIC)) == [open_item]


def test_restricted_item_is_hidden_from_another_organisation(
    secret_item, open_item, other_officer, viewer_of
):
    assert list(TrackedItem.objects.visible_to(viewer_of(other_officer))) == [open_item]


def test_restricted_item_is_seen_by_the_owning_organisation(secret_item, police_officer, viewer_of):
    assert secret_item in TrackedItem.objects.visible_to(viewer_of(police_officer))


def test_restricted_item_is_seen_by_a_member_of_the_commission(
    secret_item, scrutiny_officer, viewer_of
):
    assert secret_item in TrackedItem.objects.visible_to(viewer_of(scrutiny_officer))


def test_restricted_recommendation_and_its_items_are_not_public(
    review, police, other_officer, scrutiny_officer, viewer_of
):
    rec = RecommendationFactory(review=review, restricted=True)
    rec.addressed_to_orgs.add(police)
    item = TrackedItemFactory(recommendation=rec, owner_org=police)

    assert rec not in Recommendation.objects.public().all()
    assert item not in TrackedItem.objects.public().all()
    assert item not in TrackedItem.objects.visible_to(PUBLIC)
    assert rec not in Recommendation.objects.visible_to(viewer_of(other_officer))
    assert item not in TrackedItem.objects.visible_to(viewer_of(other_officer))
    # Those concerned still see both.
    assert rec in Recommendation.objects.visible_to(viewer_of(scrutiny_officer))
    assert item in TrackedItem.objects.visible_to(viewer_of(scrutiny_officer))


def test_addressed_organisation_sees_restricted_recommendation(
    review, police, police_officer, viewer_of
):
    rec = RecommendationFactory(review=review, restricted=True)
    rec.addressed_to_orgs.add(police)
    assert rec in Recommendation.objects.visible_to(viewer_of(police_officer))


def test_unpublished_review_and_everything_under_it_are_not_public(commission, police):
    draft = ReviewFactory(body=commission, published=False)
    item = TrackedItemFactory(recommendation__review=draft, owner_org=police)

    assert draft not in Review.objects.public().all()
    assert item.recommendation not in Recommendation.objects.public().all()
    assert item not in TrackedItem.objects.public().all()
    assert item not in TrackedItem.objects.visible_to(PUBLIC)


def test_unpublished_review_is_seen_by_staff_but_not_community_members(
    commission, police, other_officer, viewer_of
):
    draft = ReviewFactory(body=commission, published=False)
    community = PersonFactory(organisation=None, role=Person.Role.COMMUNITY)
    assert draft in Review.objects.visible_to(viewer_of(other_officer))
    assert draft not in Review.objects.visible_to(viewer_of(community))


def test_review_of_a_body_that_is_not_public_is_not_public(commission):
    commission.is_public = False
    commission.save()
    review = ReviewFactory(body=commission)
    assert review not in Review.objects.public().all()


def test_public_gets_not_found_for_a_restricted_item(
    secret_item, open_item, public_client, client, police_officer
):
    assert public_client.get(secret_item.get_absolute_url()).status_code == 404
    assert public_client.get(open_item.get_absolute_url()).status_code == 200
    client.force_login(police_officer.user)
    assert client.get(secret_item.get_absolute_url()).status_code == 200


def test_restricted_response_does_not_show_through_as_responded(
    review, police, public_client, client, police_officer
):
    rec = RecommendationFactory(review=review, title="Stop and search scrutiny")
    ResponseFactory(recommendation=rec, organisation=police, restricted=True)
    pages = [rec.get_absolute_url(), review.get_absolute_url(), "/recommendations/"]
    for url in pages:
        # The status filter's options name every status: look past them.
        page = re.sub(r"<option[^>]*>[^<]*</option>", "", public_client.get(url).content.decode())
        assert "Awaiting response" in page and "Responded" not in page, url
    exported = public_client.get("/open-data/recommendations.json").json()
    assert [r["status"] for r in exported["recommendations"]] == ["awaiting_response"]
    client.force_login(police_officer.user)
    assert "Responded" in client.get(rec.get_absolute_url()).content.decode()
