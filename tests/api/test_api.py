"""The open-data API as a developer reusing the data uses it: a valid OpenAPI 3
description, paged and filtered lists, RAG and status worked out, caching headers and
CORS, a constant number of queries, and restricted records never in any answer."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from oversight.tracker.models import Update
from tests.factories import (
    MeetingFactory,
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(commission, police):
    review = ReviewFactory(body=commission, title="Stop and search and trust")
    rec = RecommendationFactory(review=review, text="Publish dip sampling results.")
    ResponseFactory(recommendation=rec, organisation=police, text="Agreed.")
    item = TrackedItemFactory(recommendation=rec, text="Publish quarterly", owner_org=police)
    secret = TrackedItemFactory(recommendation=rec, text="Zephyrine review", restricted=True)
    return review, rec, item, secret


def test_the_openapi_description_is_valid_and_names_every_endpoint(client):
    schema = client.get("/api/v1/schema/").json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for path in ["/reviews/", "/recommendations/", "/items/", "/meetings/", "/indicators/"]:
        assert any(p.endswith(path) for p in schema["paths"]), path
    assert any("stop-and-search" in p for p in schema["paths"])


def test_the_human_page_lists_the_endpoints(client):
    page = client.get("/api/v1/").content.decode()
    assert "/api/v1/api/v1" not in page
    assert "Recommendations with their responses" in page and "/schema/" in page


def test_recommendations_come_with_responses_and_derived_status(client, record):
    _, rec, _, _ = record
    data = client.get("/api/v1/recommendations/").json()
    assert data["count"] == 1
    [got] = data["items"]
    assert got["id"] == rec.pk and got["status"] == "in_progress"
    assert [r["text"] for r in got["responses"]] == ["Agreed."]


def test_items_carry_rag_and_latest_update_and_filter_by_rag(client, record, police_officer):
    _, _, item, _ = record
    Update.objects.create(
        item=item, author=police_officer, narrative="Q1 out.", status="in_progress", progress=10
    )
    data = client.get("/api/v1/items/").json()
    assert [i["text"] for i in data["items"]] == ["Publish quarterly"]
    assert data["items"][0]["latest_update"] == "Q1 out." and data["items"][0]["rag"]
    rag = data["items"][0]["rag"]
    assert client.get(f"/api/v1/items/?rag={rag}").json()["count"] == 1
    other = "red" if rag != "red" else "green"
    assert client.get(f"/api/v1/items/?rag={other}").json()["count"] == 0


def test_restricted_records_are_in_no_answer(client, record):
    _, _, _, secret = record
    for path in ["/api/v1/items/", "/api/v1/recommendations/", "/api/v1/reviews/"]:
        assert b"Zephyrine" not in client.get(path).content
    assert client.get(f"/api/v1/items/{secret.pk}/").status_code == 404


def test_lists_are_paged_with_a_limit_of_at_most_100(client, commission):
    review = ReviewFactory(body=commission)
    for _ in range(5):
        RecommendationFactory(review=review)
    page = client.get("/api/v1/recommendations/?limit=2&offset=2").json()
    assert page["count"] == 5 and len(page["items"]) == 2
    assert len(client.get("/api/v1/recommendations/?limit=1000").json()["items"]) == 5


def test_answers_carry_etag_last_modified_and_cors_and_a_repeat_gets_304(client, record):
    first = client.get("/api/v1/reviews/")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    again = client.get("/api/v1/reviews/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    preflight = client.options("/api/v1/reviews/")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]


def test_nothing_can_be_written(client, record):
    assert (
        client.post(
            "/api/v1/reviews/", data=json.dumps({}), content_type="application/json"
        ).status_code
        == 405
    )


def test_list_queries_do_not_grow_with_the_data(client, commission):
    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    def add(n):
        for _ in range(n):
            review = ReviewFactory(body=commission)
            rec = RecommendationFactory(review=review)
            ResponseFactory(recommendation=rec)
            TrackedItemFactory(recommendation=rec)
            MeetingFactory(body=commission)

    add(2)
    paths = [
        "/api/v1/reviews/",
        "/api/v1/recommendations/",
        "/api/v1/items/",
        "/api/v1/meetings/",
        "/api/v1/indicators/",
    ]
    small = {p: queries(p) for p in paths}
    add(20)
    assert {p: queries(p) for p in paths} == small


def test_stop_and_search_summary_refuses_a_bad_period(client):
    assert (
        client.get(
            "/api/v1/stop-and-search/Hackney/summary/?month_from=2024-13&month_to=2024-01"
        ).status_code
        == 400
    )
