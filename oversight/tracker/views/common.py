"""What every tracker view starts with: who is asking and what they may see."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest

from ..models import Recommendation, Review, TrackedItem, Viewer

PAGE_SIZE = 25


def viewer_for(request: HttpRequest) -> Viewer:
    if not hasattr(request, "_oversight_viewer"):
        request._oversight_viewer = Viewer.for_user(request.user)
    return request._oversight_viewer


def get_visible(queryset, viewer: Viewer, pk: int):
    """The record if this viewer may see it, else 404: a restricted record's existence
    is itself not shown to those who may not see it."""
    try:
        return queryset.visible_to(viewer).get(pk=pk)
    except queryset.model.DoesNotExist as exc:
        raise Http404("No such record") from exc


def get_item_for_user(request: HttpRequest, pk: int) -> tuple[TrackedItem, Viewer]:
    viewer = viewer_for(request)
    qs = TrackedItem.objects.select_related(
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
    return get_visible(Recommendation.objects.select_related("review__body"), viewer, pk), viewer


def get_review_for_user(request: HttpRequest, pk: int) -> tuple[Review, Viewer]:
    viewer = viewer_for(request)
    return get_visible(Review.objects.select_related("body"), viewer, pk), viewer


def paginate(request: HttpRequest, rows):
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
