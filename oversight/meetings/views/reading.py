"""Pages anyone may read, each showing only what the viewer may see; the exports
(agenda pack and minutes as HTML, DOCX and PDF), papers and the iCalendar feeds."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from oversight.directory.models import Body
from oversight.downloads import uploaded_file
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import viewer_for

from .. import exports, ical
from ..access import (
    can_manage_meetings,
    can_see_minutes,
    get_meeting_for_user,
    manageable_bodies,
    numbers_of,
    shown_agenda,
)
from ..carry_forward import carried_actions
from ..export_formats import to_docx, to_pdf
from ..forward_plan import plan_rows
from ..models import Decision, Meeting, Paper
from ..operations import agenda_timing


def meeting_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    meetings = (
        Meeting.objects.visible_to(viewer).select_related("body").order_by("-date", "-start", "-pk")
    )
    body = None
    if request.GET.get("body", "").isdigit():
        body = Body.objects.filter(pk=request.GET["body"]).first()
        if body:
            meetings = meetings.filter(body=body)
    page, querystring = paginate(request, meetings)
    bodies = Body.objects.filter(pk__in=Meeting.objects.visible_to(viewer).values("body_id"))
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "bodies": bodies,
            "body": body,
            "today": timezone.localdate(),
            "can_create": manageable_bodies(viewer).exists(),
        },
    )


def _neighbours(meeting: Meeting, viewer):
    """The body's meetings just before and after this one, as the viewer may see them."""
    others = [
        m
        for m in Meeting.objects.visible_to(viewer).filter(body_id=meeting.body_id)
        if m.pk != meeting.pk
    ]
    before = [m for m in others if m.sort_key < meeting.sort_key]
    after = [m for m in others if m.sort_key > meeting.sort_key]
    return (
        max(before, key=lambda m: m.sort_key) if before else None,
        min(after, key=lambda m: m.sort_key) if after else None,
    )


def actions_agreed(meeting: Meeting, viewer, agenda) -> list:
    from oversight.tracker.models import TrackedItem

    shown = {i.pk for i in agenda}
    today = timezone.localdate()
    actions = (
        TrackedItem.objects.visible_to(viewer)
        .filter(meeting=meeting)
        .select_related("owner_person", "owner_org", "agenda_item")
        .order_by("agenda_item__position", "pk")
    )
    return [
        (a, a.rag(today)) for a in actions if a.agenda_item_id is None or a.agenda_item_id in shown
    ]


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, viewer = get_meeting_for_user(request, pk)
    agenda = shown_agenda(meeting, viewer)
    can_manage = can_manage_meetings(viewer, meeting.body_id)
    minutes_visible = can_see_minutes(viewer, meeting)
    previous, following = _neighbours(meeting, viewer)
    awaiting_approval = None
    if can_manage and previous and previous.status == "held" and not previous.minutes_locked:
        awaiting_approval = previous
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": agenda,
            "timing": agenda_timing(meeting) if can_manage else None,
            "carried": carried_actions(meeting, viewer),
            "has_actions_item": any(i.is_actions_item for i in agenda),
            "attendance": exports.attendance_rows(meeting),
            "decisions": numbers_of(
                Decision.objects.visible_to(viewer)
                .filter(meeting=meeting)
                .select_related("agenda_item"),
                agenda,
            )
            if minutes_visible
            else [],
            "actions": actions_agreed(meeting, viewer, agenda),
            "papers": numbers_of(
                Paper.objects.visible_to(viewer)
                .filter(meeting=meeting)
                .select_related("agenda_item"),
                agenda,
            ),
            "can_manage": can_manage,
            "minutes_visible": minutes_visible,
            "minutes_status": exports.minutes_status(meeting),
            "previous": previous,
            "following": following,
            "awaiting_approval": awaiting_approval,
        },
    )


def body_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    """A body's meetings (to come, then past) and its forward plan."""
    viewer = viewer_for(request)
    body = get_object_or_404(Body, pk=pk)
    meetings = list(
        Meeting.objects.visible_to(viewer).filter(body=body).order_by("date", "start", "pk")
    )
    can_manage = can_manage_meetings(viewer, body)
    if not body.is_public and not viewer.is_authenticated:
        raise Http404("No such body")
    today = timezone.localdate()
    return render(
        request,
        "meetings/body_detail.html",
        {
            "body": body,
            "upcoming": [m for m in meetings if m.date >= today],
            "past": [m for m in reversed(meetings) if m.date < today],
            "plan": plan_rows(body, viewer, today),
            "can_manage": can_manage,
        },
    )


def _document(request: HttpRequest, pk: int, which: str):
    meeting, viewer = get_meeting_for_user(request, pk)
    if which == "minutes":
        if not can_see_minutes(viewer, meeting):
            return meeting, None
        return meeting, exports.minutes_document(meeting, viewer)
    return meeting, exports.agenda_pack(meeting, viewer, plan_rows(meeting.body, viewer))


def document_page(request: HttpRequest, pk: int, which: str) -> HttpResponse:
    """The agenda pack or the minutes as an accessible HTML page."""
    meeting, doc = _document(request, pk, which)
    return render(
        request,
        "meetings/document.html",
        {"meeting": meeting, "doc": doc, "which": which},
    )


def document_file(request: HttpRequest, pk: int, which: str, fmt: str) -> HttpResponse:
    """The agenda pack or the minutes as DOCX or PDF, as a clerk sends them out."""
    meeting, doc = _document(request, pk, which)
    if doc is None:
        raise Http404("These minutes have not been approved yet.")
    if fmt == "docx":
        content = to_docx(doc)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        content = to_pdf(doc)
        content_type = "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{doc.filename}.{fmt}"'
    return response


def paper_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Papers are served only to those who may see them (and their meeting and item)."""
    return uploaded_file(
        Paper.objects.visible_to(viewer_for(request)),
        pk,
        filename=lambda paper, f: paper.filename,
    )


def _calendar_response(request: HttpRequest, meetings, name: str, filename: str):
    content = ical.meetings_calendar(
        meetings,
        name=name,
        url_for=lambda m: request.build_absolute_uri(reverse("meeting", args=[m.pk])),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Every public meeting, as an iCalendar feed."""
    meetings = Meeting.objects.select_related("body").order_by("date", "start", "pk")
    return _calendar_response(request, meetings, "Public meetings", "meetings.ics")


def body_calendar_feed(request: HttpRequest, pk: int) -> HttpResponse:
    """One body's public meetings, as an iCalendar feed."""
    body = get_object_or_404(Body, pk=pk, is_public=True)
    meetings = (
        Meeting.objects.filter(body=body).select_related("body").order_by("date", "start", "pk")
    )
    return _calendar_response(request, meetings, f"Meetings: {body.name}", f"body-{pk}.ics")
