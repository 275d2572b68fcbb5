"""A recommendation's status worked out in SQL agrees with `Recommendation.status()`,
for the public and for an officer who may see a restricted item."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from oversight.tracker.models import Recommendation, Response, TrackedItem
from oversight.tracker.status import status_expression
from oversight.visibility.viewer import PUBLIC
from tests.factories import (
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)

pytestmark = pytest.mark.django_db

VERIFIED = datetime(2026, 5, 1, tzinfo=UTC)


def _statuses(viewer, review):
    rows = Recommendation.objects.visible_to(viewer).filter(review=review)
    sql = dict(rows.annotate(s=status_expression(viewer)).values_list("pk", "s"))
    items = TrackedItem.objects.visible_to(viewer)
    responses = Response.objects.visible_to(viewer)
    python = {
        r.pk: r.status(
            list(items.filter(recommendation=r)), list(responses.filter(recommendation=r))
        )
        for r in rows
    }
    return sql, python


def test_status_in_sql_matches_the_rule_for_every_case(
    commission, police, scrutiny_officer, viewer_of
):
    review = ReviewFactory(body=commission)
    awaiting = RecommendationFactory(review=review)
    responded = RecommendationFactory(review=review)
    ResponseFactory(recommendation=responded, organisation=police)
    closed = RecommendationFactory(review=review, closed=True)
    in_progress = RecommendationFactory(review=review)
    TrackedItemFactory(recommendation=in_progress, status="in_progress")
    TrackedItemFactory(recommendation=in_progress, status="complete")
    delivered = RecommendationFactory(review=review)
    TrackedItemFactory(recommendation=delivered, status="complete")
    TrackedItemFactory(recommendation=delivered, status="complete", verified_at=VERIFIED)
    verified = RecommendationFactory(review=review)
    TrackedItemFactory(recommendation=verified, status="complete", verified_at=VERIFIED)
    # A restricted open item: the public sees the recommendation as verified, the
    # commission's officer, who may see the item, as in progress.
    TrackedItemFactory(recommendation=verified, status="in_progress", restricted=True)

    sql, python = _statuses(PUBLIC, review)
    assert sql == python
    assert sql[awaiting.pk] == "awaiting_response" and sql[responded.pk] == "responded"
    assert sql[closed.pk] == "closed" and sql[in_progress.pk] == "in_progress"
    assert sql[delivered.pk] == "delivered" and sql[verified.pk] == "verified"
    officer_sql, officer_python = _statuses(viewer_of(scrutiny_officer), review)
    assert officer_sql == officer_python
    assert officer_sql[verified.pk] == "in_progress"
