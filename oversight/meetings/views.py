"""Meeting pages: anyone may read what they may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.tracker.models import TrackedItem
from oversight.tracker.views.common import get_visible, paginate, viewer_for

from .models import Meeting


def meeting_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    meetings = Meeting.objects.visible_to(viewer).select_related("body")
    page, querystring = paginate(request, meetings)
    return render(
        request, "meetings/meeting_list.html", {"page_obj": page, "querystring": querystring}
    )


def _agenda_for(meeting: Meeting, viewer):
    """Exempt (restricted) items are shown only to members of the meeting's body."""
    items = meeting.agenda_items.all()
    if viewer.is_admin or meeting.body_id in viewer.body_ids:
        return items
    return items.filter(restricted=False)


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    meeting = get_visible(Meeting.objects.select_related("body", "chair"), viewer, pk)
    actions = (
        TrackedItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("owner_person", "owner_org")
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": _agenda_for(meeting, viewer),
            "attendance": meeting.attendance.select_related("person__organisation"),
            "actions": [(a, a.rag()) for a in actions],
        },
    )
