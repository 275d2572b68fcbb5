"""Who may do what with meetings. Views call these before showing a form or saving.

- Reading follows the visibility rule (oversight/visibility/): the public sees
  published meetings of public bodies, without restricted (exempt) items.
- Draft minutes are for signed-in staff and the body's members; everyone else sees
  minutes only once they are approved.
- A body's meetings are managed (agenda, attendance, minutes, papers, forward plan)
  by scrutiny officers, administrators and the body's clerks: its current members
  with the role chair or supporting officer.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone

from oversight.directory.models import Body, Membership
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import Viewer, viewer_for

from .models import AgendaItem, Meeting

CLERK_ROLES = (Membership.Role.CHAIR, Membership.Role.OFFICER)


def clerk_body_ids(viewer: Viewer) -> set[int]:
    """The bodies whose meetings this viewer clerks (by membership, not by role)."""
    if not viewer.person_id:
        return set()
    today = timezone.localdate()
    return set(
        Membership.objects.filter(person_id=viewer.person_id, role__in=CLERK_ROLES)
        .filter(Q(start__isnull=True) | Q(start__lte=today))
        .filter(Q(end__isnull=True) | Q(end__gte=today))
        .values_list("body_id", flat=True)
    )


def can_manage_meetings(viewer: Viewer, body: Body | int) -> bool:
    body_id = body if isinstance(body, int) else body.pk
    return viewer.is_scrutiny or body_id in clerk_body_ids(viewer)


def manageable_bodies(viewer: Viewer):
    if viewer.is_scrutiny:
        return Body.objects.all()
    return Body.objects.filter(pk__in=clerk_body_ids(viewer))


def can_see_draft_minutes(viewer: Viewer, meeting: Meeting) -> bool:
    return viewer.is_staff_role or meeting.body_id in viewer.body_ids


def can_see_minutes(viewer: Viewer, meeting: Meeting) -> bool:
    return meeting.minutes_locked or can_see_draft_minutes(viewer, meeting)


def get_meeting_for_user(request: HttpRequest, pk: int) -> tuple[Meeting, Viewer]:
    """The meeting if this viewer may see it, else 404."""
    viewer = viewer_for(request)
    qs = Meeting.objects.visible_to(viewer).select_related("body", "chair", "minutes_approved_at")
    return get_visible(qs, viewer, pk), viewer


def get_meeting_to_manage(request: HttpRequest, pk: int) -> tuple[Meeting, Viewer]:
    """The meeting if this viewer may see it (else 404) and manage it (else 403)."""
    meeting, viewer = get_meeting_for_user(request, pk)
    if not can_manage_meetings(viewer, meeting.body_id):
        raise PermissionDenied("Only the body's clerks and scrutiny officers can do this.")
    return meeting, viewer


def get_agenda_item_to_manage(request: HttpRequest, pk: int) -> tuple[AgendaItem, Viewer]:
    viewer = viewer_for(request)
    item = get_visible(
        AgendaItem.objects.visible_to(viewer).select_related("meeting__body"), viewer, pk
    )
    if not can_manage_meetings(viewer, item.meeting.body_id):
        raise PermissionDenied("Only the body's clerks and scrutiny officers can do this.")
    return item, viewer


def visible_agenda(meeting: Meeting, viewer: Viewer):
    """The meeting's agenda items this viewer may see: exempt items only for those
    concerned (the body's members) and administrators."""
    return AgendaItem.objects.visible_to(viewer).filter(meeting=meeting).order_by("position", "pk")


def sees_whole_agenda(meeting: Meeting, viewer: Viewer) -> bool:
    """Whether this viewer is concerned with every item of the meeting, exempt ones
    included (the rule of AgendaItem.concerned_q), and so reads the agenda as kept."""
    return viewer.is_admin or meeting.body_id in viewer.body_ids


def shown_agenda(meeting: Meeting, viewer: Viewer) -> list[AgendaItem]:
    """The agenda as this viewer reads it, on every page, document and feed.

    Those concerned with the meeting read it as the clerk keeps it. Anyone else must
    see no trace of an exempt item: not a skipped number (items 3, 5) nor a gap in the
    times (item 3 from 14:20 for 15 minutes, item 5 at 14:50). So for them, whatever
    the agenda holds, the items are numbered 1, 2, 3... among themselves and show their
    start times without durations. The items are changed in memory only, for reading;
    `numbers_of` carries the numbering to the records that name an item."""
    items = list(visible_agenda(meeting, viewer))
    if not sees_whole_agenda(meeting, viewer):
        for n, item in enumerate(items, start=1):
            item.number = str(n)
            item.duration_minutes = None
    return items


def numbers_of(records, agenda: list[AgendaItem]):
    """`records` (decisions, papers, actions under an item of `agenda`) with their
    item numbered as in `agenda`, the viewer's shown agenda."""
    numbers = {item.pk: item.number for item in agenda}
    records = list(records)
    for record in records:
        item = record.agenda_item if record.agenda_item_id in numbers else None
        if item is not None:
            item.number = numbers[item.pk]
    return records
