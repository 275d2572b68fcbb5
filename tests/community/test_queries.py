""" "You said, we did" costs the same number of queries however much feedback there is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oversight.community import operations
from tests.factories import RecommendationFactory, TrackedItemFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add(community, viewer, n: int) -> None:
    for i in range(n):
        feedback = operations.log_feedback(
            viewer=viewer,
            by=community.officer,
            summary=f"Point {i} made at the ward panel.",
            source="ward_panel",
            theme=community.youth_safety,
            recipient=community.to_police,
        )
        rec = RecommendationFactory(review=community.commitment.recommendation.review)
        item = TrackedItemFactory(recommendation=rec, owner_org=community.police)
        operations.link_feedback(feedback, viewer=viewer, items=[item], recommendations=[rec])


@pytest.mark.parametrize("url", ["you_said_we_did", "you_said_we_did_json"])
def test_the_page_and_the_export_read_a_fixed_number_of_queries(community, client, viewer_of, url):
    viewer = viewer_of(community.officer)
    _add(community, viewer, 2)
    few = _queries(client, reverse(url))
    _add(community, viewer, 4)
    assert _queries(client, reverse(url)) == few
