"""What every tracker view starts with: the record asked for, if this viewer may see it."""

from __future__ import annotations

from django.http import HttpRequest

from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import Viewer, viewer_for

from ..models import Recommendation, Review, TrackedItem


def get_item_for_user(request: HttpRequest, pk: int) -> tuple[TrackedItem, Viewer]:
    viewer = viewer_for(request)
    qs = TrackedItem.objects.visible_to(viewer).select_related(
        "recommendation__review__body",
        "review__body",
        "meeting__body",
        "plan",
        "owner_person",
        "owner_org",
    )
    return get_visible(qs, viewer, pk), viewer


def get_recommendation_for_user(request: HttpRequest, pk: int) -> tuple[Recommendation, Viewer]:
    viewer = viewer_for(request)
    qs = Recommendation.objects.visible_to(viewer).select_related("review__body")
    return get_visible(qs, viewer, pk), viewer


def get_review_for_user(request: HttpRequest, pk: int) -> tuple[Review, Viewer]:
    viewer = viewer_for(request)
    return get_visible(Review.objects.visible_to(viewer).select_related("body"), viewer, pk), viewer
