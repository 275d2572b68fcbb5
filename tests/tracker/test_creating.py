"""A scrutiny officer creates reviews, recommendations and commitments through the
tracker's write functions: each recorded in history, placed after what is there, and
refused for those who may not create them."""

from datetime import date

import pytest

from oversight.tracker.models import Recommendation, Review, TrackedItem
from tests.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_scrutiny_officer_creates_a_review_recorded_in_its_history(
    client, scrutiny_officer, commission
):
    client.force_login(scrutiny_officer.user)
    response = client.post(
        "/reviews/new/",
        {"title": "Youth safety review", "body": commission.pk, "date": "2026-11-05"},
    )
    review = Review.private_objects.get(title="Youth safety review")
    assert response.status_code == 302 and response.url == review.get_absolute_url()
    assert (review.body, review.date) == (commission, date(2026, 11, 5))
    created = review.history.get()
    assert created.history_type == "+" and created.history_change_reason == "Review created"
    assert created.history_user == scrutiny_officer.user


def test_a_new_recommendation_goes_after_every_one_the_review_has_restricted_included(
    client, scrutiny_officer, commission, police
):
    review = ReviewFactory(body=commission)
    RecommendationFactory(review=review, position=1)
    RecommendationFactory(review=review, position=2, restricted=True)
    client.force_login(scrutiny_officer.user)
    client.post(
        f"/reviews/{review.pk}/recommendations/new/",
        {
            "number": "3",
            "title": "Training",
            "text": "Train every officer.",
            "addressed_to_orgs": [police.pk],
        },
    )
    rec = Recommendation.private_objects.get(review=review, number="3")
    assert rec.position == 3
    assert list(rec.addressed_to_orgs.all()) == [police]
    created = rec.history.get(history_type="+")
    assert created.history_change_reason == "Recommendation added"


def test_a_new_commitment_answers_its_recommendation(client, scrutiny_officer, commission, police):
    rec = RecommendationFactory(review=ReviewFactory(body=commission))
    client.force_login(scrutiny_officer.user)
    client.post(
        f"/recommendations/{rec.pk}/items/new/",
        {
            "text": "Publish the figures monthly.",
            "owner_org": police.pk,
            "start_date": "2026-12-01",
            "due_date": "2027-03-31",
            "due_precision": "day",
        },
    )
    item = TrackedItem.private_objects.get(text="Publish the figures monthly.")
    assert (item.recommendation, item.origin) == (rec, TrackedItem.Origin.COMMITMENT)
    assert item.history.get().history_change_reason == "Commitment added"


def test_a_rejected_new_review_keeps_what_was_typed_and_writes_nothing(
    client, scrutiny_officer, commission
):
    client.force_login(scrutiny_officer.user)
    response = client.post(
        "/reviews/new/", {"title": "Half-typed review", "body": commission.pk, "date": "31/02/2026"}
    )
    assert response.status_code == 200
    assert 'value="Half-typed review"' in response.content.decode()
    assert not Review.private_objects.filter(title="Half-typed review").exists()


def test_a_police_partner_cannot_create_a_review(client, police_officer, commission):
    client.force_login(police_officer.user)
    response = client.post(
        "/reviews/new/", {"title": "Not mine to make", "body": commission.pk, "date": "2026-11-05"}
    )
    assert response.status_code == 403
    assert not Review.private_objects.filter(title="Not mine to make").exists()
