"""Who may open, see and close update rounds."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from oversight.directory.models import Body, Membership
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import Viewer, viewer_for

from .models import UpdateRound


def can_open_round(viewer: Viewer, body: Body) -> bool:
    """Scrutiny officers and administrators, and the body's own supporting officers
    (a partnership's manager or clerk) chase the body's items; nobody else."""
    if viewer.is_scrutiny:
        return True
    if not viewer.person_id or body.pk not in viewer.body_ids:
        return False
    today = timezone.localdate()
    return (
        Membership.objects.filter(
            person_id=viewer.person_id, body=body, role=Membership.Role.OFFICER
        )
        .exclude(start__gt=today)
        .exclude(end__lt=today)
        .exists()
    )


def get_round_for_user(request: HttpRequest, pk: int) -> tuple[UpdateRound, bool]:
    """The round if this viewer may see it (else 404), and whether they may run it."""
    viewer = viewer_for(request)
    qs = UpdateRound.objects.visible_to(viewer).select_related(
        "body", "review", "plan", "opened_by"
    )
    round_ = get_visible(qs, viewer, pk)
    return round_, can_open_round(viewer, round_.body)
