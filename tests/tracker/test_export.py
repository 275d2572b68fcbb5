"""The public export (JSON, CSV, the command) carries nothing restricted or unpublished."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from oversight.tracker import operations
from oversight.tracker.export import CSV_COLUMNS, export_csv_rows, export_public
from oversight.tracker.models import ActionPlan, Response, TrackedItem
from tests.factories import (
    BodyFactory,
    MeetingFactory,
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)

SECRETS = [
    "SECRET restricted item",
    "SECRET restricted recommendation",
    "SECRET item of restricted recommendation",
    "SECRET unpublished review",
    "SECRET item of unpublished review",
    "SECRET restricted response",
    "SECRET action of unpublished meeting",
    "SECRET restricted plan item",
]


@pytest.fixture
def tracker(commission, police, police_officer):
    review = ReviewFactory(body=commission, title="Stop and search")
    rec = RecommendationFactory(review=review, number="1", text="Publish the figures.")
    rec.addressed_to_orgs.add(police)
    response = ResponseFactory(recommendation=rec, organisation=police, text="Agreed.")
    ResponseFactory(recommendation=rec, organisation=police, text=SECRETS[5], restricted=True)
    item = TrackedItemFactory(
        recommendation=rec, response=response, owner_person=police_officer, owner_org=police
    )
    operations.record_update(
        item,
        author=police_officer,
        narrative="First month published.",
        status=TrackedItem.Status.IN_PROGRESS,
        progress=10,
    )
    TrackedItemFactory(recommendation=rec, owner_org=police, text=SECRETS[0], restricted=True)
    RecommendationFactory(review=review, number="2", text="Nothing promised yet.")

    secret_rec = RecommendationFactory(review=review, number="3", text=SECRETS[1], restricted=True)
    TrackedItemFactory(recommendation=secret_rec, text=SECRETS[2])

    draft = ReviewFactory(body=commission, published=False)
    draft_rec = RecommendationFactory(review=draft, text=SECRETS[3])
    TrackedItemFactory(recommendation=draft_rec, text=SECRETS[4])

    board = BodyFactory(name="Gangs and Serious Violence Board")
    held = MeetingFactory(body=board, published=True)
    TrackedItemFactory(
        recommendation=None, meeting=held, origin=TrackedItem.Origin.ACTION, text="Public action"
    )
    unpublished = MeetingFactory(body=board, published=False)
    TrackedItemFactory(recommendation=None, meeting=unpublished, origin="action", text=SECRETS[6])
    plan = ActionPlan.objects.create(
        title="Trust and Confidence", owning_body=board, overseeing_body=commission, published=True
    )
    TrackedItemFactory(recommendation=None, plan=plan, origin="plan", text="Public plan item")
    TrackedItemFactory(
        recommendation=None, plan=plan, origin="plan", text=SECRETS[7], restricted=True
    )
    return rec


def assert_no_secrets(text: str):
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"leaked: {leaked}"


def test_json_export_has_the_contract_shape(tracker):
    data = export_public()
    assert {"recommendations", "questions", "actions"} <= set(data)
    first = data["recommendations"][0]
    assert {"review", "body", "number", "title", "text", "addressees", "status"} <= set(first)
    assert first["addressees"] == ["Metropolitan Police Service"]
    assert first["responses"] == [
        {
            "responder": "Metropolitan Police Service",
            "organisation": "Metropolitan Police Service",
            "position": Response.Position.ACCEPTED,
            "text": "Agreed.",
            "date": "2026-02-01",
        }
    ]
    (item,) = first["items"]
    assert {"text", "owner", "due", "status", "rag", "latest_update"} <= set(item)
    assert item["owner"] == "Pat Okafor, Metropolitan Police Service"
    assert item["latest_update"] == "First month published."
    assert item["due"] == "2027-12-31"
    assert [a["text"] for a in data["actions"]] == ["Public action"]
    assert [i["text"] for i in data["plans"][0]["items"]] == ["Public plan item"]


def test_json_export_leaks_nothing_restricted_or_unpublished(tracker):
    data = export_public()
    assert_no_secrets(json.dumps(data))
    assert [r["number"] for r in data["recommendations"]] == ["1", "2"]


def test_status_is_derived_from_public_records_only(tracker):
    # Recommendation 2 has no items and no public responses.
    data = export_public()
    assert data["recommendations"][1]["status"] == "awaiting_response"


def test_csv_has_one_row_per_item_and_one_for_a_recommendation_without_items(tracker):
    rows = list(export_csv_rows())
    assert rows[0] == CSV_COLUMNS
    body = rows[1:]
    assert_no_secrets(json.dumps(body))
    recs = [r for r in body if r[0] == "recommendation"]
    assert [(r[4], r[10]) for r in recs] == [
        ("1", tracker.items(manager="private_objects").get(restricted=False).text),
        ("2", ""),
    ]
    assert {r[0] for r in body} == {"recommendation", "meeting", "plan"}


def test_export_command_writes_json_and_csv(tracker, tmp_path):
    out = io.StringIO()
    call_command("export", "--format", "json", stdout=out)
    assert_no_secrets(out.getvalue())
    assert json.loads(out.getvalue())["recommendations"][0]["number"] == "1"

    path = tmp_path / "open.csv"
    call_command("export", "--format", "csv", "--output", str(path), stderr=io.StringIO())
    text = path.read_text(encoding="utf-8")
    assert_no_secrets(text)
    assert next(csv.reader(io.StringIO(text))) == CSV_COLUMNS


def test_open_data_download_is_the_public_export_whoever_asks(
    tracker, public_client, client, scrutiny_officer
):
    response = public_client.get("/open-data/recommendations.json")
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())

    client.force_login(scrutiny_officer.user)  # even someone who may see the secrets
    response = client.get("/open-data/recommendations.csv")
    assert response.status_code == 200
    assert_no_secrets(response.content.decode())
