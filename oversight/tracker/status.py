"""A recommendation's status in SQL: `Recommendation.status()` for a whole list at once.

The same rule, over what one viewer may see: closed; else, with no items, responded
or awaiting a response; else verified when every item is, delivered when every item is
complete (or verified), otherwise in progress. `tests/tracker/test_status.py` holds
the two to the same answers."""

from __future__ import annotations

from django.db.models import Case, CharField, Exists, OuterRef, Value, When

from oversight.visibility.viewer import Viewer

from .models import Response, TrackedItem


def status_expression(viewer: Viewer) -> Case:
    """Annotate recommendations with it (`status_value`) to filter and count by status."""
    items = TrackedItem.objects.visible_to(viewer).filter(recommendation=OuterRef("pk"))
    responses = Response.objects.visible_to(viewer).filter(recommendation=OuterRef("pk"))
    unverified = items.filter(verified_at__isnull=True)
    return Case(
        When(closed=True, then=Value("closed")),
        When(~Exists(items) & Exists(responses), then=Value("responded")),
        When(~Exists(items), then=Value("awaiting_response")),
        When(~Exists(unverified), then=Value("verified")),
        When(
            ~Exists(unverified.exclude(status=TrackedItem.Status.COMPLETE)), then=Value("delivered")
        ),
        default=Value("in_progress"),
        output_field=CharField(),
    )
