"""Who may see and change indicators. Views start with one of the `get_…` helpers.

- Reading follows the visibility rule (oversight/visibility/; Indicator.public_q):
  a restricted indicator is shown only to those concerned (members of its body, people
  of the body's organisation) and administrators; to anyone else it does not exist.
- Values are entered (by form or CSV) by scrutiny officers, administrators, current
  members of the owning body, and partner officers of the organisation hosting it.
- Indicators are defined and edited, and actions linked to them, by scrutiny officers,
  administrators and current members of the owning body.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from oversight.directory.models import Body
from oversight.visibility.viewer import Viewer, viewer_for

from .models import Indicator


def can_enter_values(viewer: Viewer, indicator: Indicator) -> bool:
    if viewer.is_scrutiny or indicator.body_id in viewer.body_ids:
        return True
    org_id = indicator.body.organisation_id
    return viewer.role == "partner" and org_id is not None and org_id in viewer.organisation_ids


def can_manage_indicator(viewer: Viewer, body: Body | None) -> bool:
    """Define or edit an indicator of `body`, or link actions to it. With no body: may
    this viewer define indicators at all (for some body)?"""
    if viewer.is_scrutiny:
        return True
    return bool(viewer.body_ids) if body is None else body.pk in viewer.body_ids


def manageable_bodies(viewer: Viewer):
    """The bodies this viewer may define indicators for."""
    if viewer.is_scrutiny:
        return Body.objects.all()
    return Body.objects.filter(pk__in=viewer.body_ids)


def get_indicator_for_user(request: HttpRequest, slug: str) -> tuple[Indicator, Viewer]:
    """The indicator if this viewer may see it, else 404: a restricted indicator's
    existence is not shown to those who may not see it."""
    viewer = viewer_for(request)
    qs = Indicator.objects.visible_to(viewer).select_related("body")
    try:
        return qs.get(slug=slug), viewer
    except Indicator.DoesNotExist as exc:
        raise Http404("No such indicator") from exc


def get_indicator_to_enter(request: HttpRequest, slug: str) -> tuple[Indicator, Viewer]:
    """The indicator if this viewer may see it (else 404) and enter its values (else 403)."""
    indicator, viewer = get_indicator_for_user(request, slug)
    if not can_enter_values(viewer, indicator):
        raise PermissionDenied("Only the owning body and scrutiny officers can enter figures.")
    return indicator, viewer


def get_indicator_to_manage(request: HttpRequest, slug: str) -> tuple[Indicator, Viewer]:
    """The indicator if this viewer may see it (else 404) and manage it (else 403)."""
    indicator, viewer = get_indicator_for_user(request, slug)
    if not can_manage_indicator(viewer, indicator.body):
        raise PermissionDenied("Only the owning body and scrutiny officers can change this.")
    return indicator, viewer


def enterable_indicators(viewer: Viewer):
    """The indicators this viewer may see and enter values for (for CSV imports)."""
    qs = Indicator.objects.visible_to(viewer).select_related("body")
    if viewer.is_scrutiny:
        return qs
    q = Q(body_id__in=viewer.body_ids)
    if viewer.role == "partner":
        q |= Q(body__organisation_id__in=viewer.organisation_ids)
    return qs.filter(q)
