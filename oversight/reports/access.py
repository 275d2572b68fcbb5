"""Who may have an update report, and the review it is about.

Update reports are for the officers who prepare and answer them: scrutiny officers
(and administrators), and partner officers who sit on the commission whose review it
is or whose organisation the review's recommendations are addressed to or that
responded to them. Community
members and officers of organisations with no part in the review are refused, even
when they may read the review itself.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest

from oversight.tracker.models import Recommendation, Review
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import Viewer, viewer_for


def can_have_report(viewer: Viewer, review: Review) -> bool:
    if viewer.is_scrutiny:
        return True
    if viewer.role != "partner" or not viewer.person_id:
        return False
    if review.body_id in viewer.body_ids:
        return True
    if not viewer.organisation_ids:
        return False
    return (
        Recommendation.objects.visible_to(viewer)
        .filter(review=review)
        .filter(
            Q(addressed_to_orgs__in=viewer.organisation_ids)
            | Q(responses__organisation_id__in=viewer.organisation_ids)
        )
        .exists()
    )


def can_issue_report(viewer: Viewer) -> bool:
    """Only scrutiny officers (and administrators) record a report as issued."""
    return viewer.is_scrutiny


def get_review_for_report(request: HttpRequest, pk: int) -> tuple[Review, Viewer]:
    """The review if this viewer may see it (else 404) and may have its report (else
    403)."""
    viewer = viewer_for(request)
    review = get_visible(Review.objects.visible_to(viewer).select_related("body"), viewer, pk)
    if not can_have_report(viewer, review):
        raise PermissionDenied("Update reports are for the officers working on this review.")
    return review, viewer
