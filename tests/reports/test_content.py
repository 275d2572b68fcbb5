"""The report's content: what it counts and lists, what the public version leaves out,
what changed since the previous report, and a query count that does not grow with the
review."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oversight.reports.content import (
    ACCEPTED,
    NO_RESPONSE,
    NOT_ACCEPTED,
    PARTIALLY,
    RESTRICTED_BANNER,
    build_report,
)
from oversight.reports.formats import render
from oversight.reports.models import Audience
from oversight.reports.operations import issue_report, report_content
from oversight.tracker import operations
from oversight.tracker.models import TrackedItem
from oversight.tracker.rag import Rag
from oversight.visibility.viewer import PUBLIC
from tests.factories import RecommendationFactory, ResponseFactory, TrackedItemFactory

from .conftest import MARKER, TODAY

pytestmark = pytest.mark.django_db


def test_the_restricted_version_counts_every_recommendation_by_its_responses(scene, operator):
    report = build_report(scene.review, operator, Audience.RESTRICTED, today=TODAY)
    s = report.summary
    assert s.recommendations == 4
    assert (s.position_count(ACCEPTED), s.position_count(PARTIALLY)) == (1, 1)
    assert (s.position_count(NOT_ACCEPTED), s.position_count(NO_RESPONSE)) == (1, 1)
    assert s.items == 4
    assert s.rag_count(Rag.COMPLETE) == 1
    assert s.verified == 0
    assert report.banner == RESTRICTED_BANNER


def test_the_public_version_leaves_out_restricted_recommendations_and_items(scene):
    report = report_content(scene.review, PUBLIC, Audience.PUBLIC, today=TODAY)
    assert report.summary.recommendations == 3
    assert report.summary.items == 3
    assert report.summary.position_count(NO_RESPONSE) == 0
    headings = [r.heading for r in report.recommendations] + [i.heading for i in report.all_items]
    assert not any(MARKER in h for h in headings)
    assert report.banner == ""


def test_the_public_version_leaves_out_what_the_officer_asking_may_see(scene, viewer_of):
    """Whoever asks for the public version, it is built from the public's view."""
    officer = viewer_of(scene.in_progress.owner_person)
    report = report_content(scene.review, officer, Audience.PUBLIC, today=TODAY)
    assert scene.hidden.pk not in {i.id for i in report.all_items}


def test_each_item_shows_its_owner_due_date_rag_latest_update_verification_and_evidence(
    scene, operator, verify
):
    verify(scene.complete, "Checked the app audit for May: every stop recorded.")
    report = build_report(scene.review, operator, Audience.RESTRICTED, today=TODAY)
    [training, stops, *_] = report.recommendations
    item = next(i for i in training.items if i.id == scene.in_progress.pk)
    assert item.owner == "Pat Okafor, Metropolitan Police Service"
    assert item.due == "31 December 2027"
    assert item.rag == Rag.GREEN  # 40% done, 20% of the time gone
    assert item.latest_update.narrative == "Four of ten teams trained."
    assert [str(e) for e in item.evidence] == [
        "Training register (https://example.org/training-register)"
    ]
    assert item.verification is None
    [done] = stops.items
    assert done.rag == Rag.VERIFIED
    assert done.verification.by == "Sam Reid"
    assert done.verification.checked == "Checked the app audit for May: every stop recorded."
    assert stops.position == PARTIALLY
    assert [r.position_label for r in stops.responses] == ["Accepted", "Not accepted"]
    assert report.summary.verified == 1


def test_the_first_report_says_it_is_the_first(scene, operator):
    report = report_content(scene.review, operator, Audience.RESTRICTED, today=TODAY)
    assert report.changes.first


def test_a_second_report_lists_status_movements_new_updates_newly_verified_and_overdue(
    scene, operator, verify, police_officer
):
    first, _ = issue_report(
        scene.review, viewer=operator, audience=Audience.RESTRICTED, today=TODAY
    )
    assert first.snapshot["items"][str(scene.in_progress.pk)]["status"] == "in_progress"

    operations.record_update(
        scene.in_progress,
        author=police_officer,
        narrative="All ten teams trained.",
        status=TrackedItem.Status.COMPLETE,
        progress=100,
    )
    verify(scene.complete, "Checked the app audit.")
    new_item = TrackedItemFactory(recommendation=scene.cameras, text="Trial cameras in one team")

    _, second = issue_report(
        scene.review, viewer=operator, audience=Audience.RESTRICTED, today=date(2026, 7, 15)
    )
    c = second.changes
    assert c.previous_issued_at == first.issued_at
    assert [(m.item_id, m.before, m.after) for m in c.status_movements] == [
        (scene.in_progress.pk, "In progress", "Complete")
    ]
    assert [(n.item_id, n.update.narrative) for n in c.new_updates] == [
        (scene.in_progress.pk, "All ten teams trained.")
    ]
    assert [i.item_id for i in c.newly_verified] == [scene.complete.pk]
    assert [i.item_id for i in c.newly_overdue] == [scene.due_soon.pk]
    assert [i.item_id for i in c.new_items] == [new_item.pk]
    # Recommendation 2's only item is now verified; recommendation 3 now has an item.
    assert [(m.item_id, m.before, m.after) for m in c.recommendation_movements] == [
        (scene.stops.pk, "Delivered", "Verified"),
        (scene.cameras.pk, "Responded", "In progress"),
    ]
    html = render(second, "html").decode()
    assert (
        "Deliver stop and search training to every response team: In progress to Complete" in html
    )


def test_a_public_report_compares_only_with_the_previous_public_report(scene, operator):
    issue_report(scene.review, viewer=operator, audience=Audience.RESTRICTED, today=TODAY)
    public = report_content(scene.review, operator, Audience.PUBLIC, today=TODAY)
    assert public.changes.first
    issue_report(scene.review, viewer=operator, audience=Audience.PUBLIC, today=TODAY)
    public = report_content(scene.review, operator, Audience.PUBLIC, today=TODAY)
    assert not public.changes.first and public.changes.nothing


def test_a_draft_review_has_no_public_version(scene, operator):
    scene.review.published = False
    scene.review.save()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="no public version"):
        report_content(scene.review, operator, Audience.PUBLIC)


def _grow(scene, times: int, police_officer) -> None:
    """Add `times` more recommendations like the scene's, each with responses, items,
    updates, evidence and a verification."""
    for n in range(times):
        rec = RecommendationFactory(review=scene.review, position=10 + n)
        rec.addressed_to_orgs.add(scene.in_progress.owner_org)
        ResponseFactory(recommendation=rec)
        for k in range(2):
            item = TrackedItemFactory(recommendation=rec, owner_person=police_officer)
            operations.record_update(
                item,
                author=police_officer,
                narrative=f"Step {k}",
                status=TrackedItem.Status.IN_PROGRESS,
                progress=10,
                links=["https://example.org/e"],
            )


def _queries(scene, viewer, previous) -> int:
    with CaptureQueriesContext(connection) as ctx:
        build_report(scene.review, viewer, Audience.RESTRICTED, today=TODAY, previous=previous)
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_review(
    scene, operator, verify, police_officer, viewer_of
):
    verify(scene.complete, "Checked.")
    first, _ = issue_report(scene.review, viewer=operator, audience=Audience.RESTRICTED)
    officer = viewer_of(police_officer)
    small = (_queries(scene, operator, first), _queries(scene, officer, first))
    _grow(scene, 3 * 4, police_officer)
    large = (_queries(scene, operator, first), _queries(scene, officer, first))
    assert small == large
