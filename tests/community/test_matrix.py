"""The matrix: per organisation or body, feedback by theme against what was done, with
counts, filtered by period and source; the page, the CSV and the JSON agree."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from oversight.community import operations
from oversight.community.models import Feedback, Recipient, period_bounds
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(community, viewer_of):
    """Three accepted points for the police and one for the council, each logged by an
    officer of the organisation it is for."""
    officer = viewer_of(community.officer)
    council_officer = PersonFactory(name="Chris Lee", organisation=community.council)

    def log(summary, theme, source, by=community.officer, recipient=community.to_police):
        return operations.log_feedback(
            viewer=viewer_of(by),
            by=by,
            summary=summary,
            source=source,
            theme=theme,
            recipient=recipient,
        )

    a = log("Explain searches.", community.stop_and_search, Feedback.Source.CONVERSATION)
    b = log("More patrols at school closing.", community.youth_safety, Feedback.Source.SURVEY)
    c = log("Share dip sampling.", community.stop_and_search, Feedback.Source.SURVEY)
    operations.link_feedback(c, viewer=officer, items=[community.commitment])
    operations.respond_to_feedback(
        b, viewer=officer, by=community.officer, position="not_taken_forward", text="No staff."
    )
    council = log(
        "Lights on the estate.",
        community.youth_safety,
        Feedback.Source.WARD_PANEL,
        by=council_officer,
        recipient=Recipient(organisation=community.council),
    )
    return a, b, c, council


def _matrix(client, query=""):
    return client.get(reverse("you_said_we_did_json") + query).json()["matrix"]


def test_the_police_matrix_counts_feedback_by_theme_and_what_was_done(community, logged, client):
    m = _matrix(client, f"?for=organisation-{community.police.pk}")
    themes = {row["theme"]: row for row in m["themes"]}
    assert themes["Stop and search"]["open"] == 1
    assert themes["Stop and search"]["in_progress"] == 1
    assert themes["Youth safety"]["not_taken_forward"] == 1
    assert m["totals"] == {"open": 1, "in_progress": 1, "done": 0, "not_taken_forward": 1}
    page = client.get(community.to_police.get_absolute_url()).content.decode()
    assert "Feedback by theme and what was done" in page
    assert "Lights on the estate" not in page


def test_the_matrix_filters_by_source(community, logged, client):
    m = _matrix(client, f"?for=organisation-{community.police.pk}&source=survey")
    assert m["totals"] == {"open": 0, "in_progress": 1, "done": 0, "not_taken_forward": 1}


def test_the_matrix_filters_by_period(community, logged, client):
    this_year = date.today().year
    assert _matrix(client, f"?period={this_year - 1}")["totals"]["open"] == 0
    assert sum(_matrix(client, f"?period={this_year}")["totals"].values()) == 4


def test_a_period_is_a_year_or_a_quarter():
    assert period_bounds("2026") == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_bounds("2026-Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_bounds("2026-Q1") == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_bounds("named") == (None, None)


def test_the_csv_holds_each_piece_of_feedback_with_what_was_done(community, logged, client):
    response = client.get(reverse("you_said_we_did_csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4
    shared = next(r for r in rows if r["you_said"] == "Share dip sampling.")
    assert shared["outcome"] == "in_progress"
    assert community.commitment.text in shared["we_did"] and "[On track]" in shared["we_did"]


def test_an_unknown_recipient_exports_nothing(community, logged, client):
    assert client.get(reverse("you_said_we_did_json") + "?for=body-99999").json()["feedback"] == []
    assert client.get(reverse("you_said_we_did_for", args=["named"])).status_code == 404
