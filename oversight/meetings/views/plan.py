"""A clerk's pages for a body's forward plan."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.directory.models import Body
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import viewer_for

from .. import operations
from ..access import can_manage_meetings
from ..forms import ForwardPlanForm, ScheduleForm
from ..models import ForwardPlanItem
from .clerk import edit_page, form_page


def _body_to_manage(request: HttpRequest, pk: int) -> Body:
    body = get_object_or_404(Body, pk=pk)
    if not can_manage_meetings(viewer_for(request), body):
        raise PermissionDenied("Only the body's clerks and scrutiny officers can do this.")
    return body


def _entry_to_manage(request: HttpRequest, pk: int) -> ForwardPlanItem:
    viewer = viewer_for(request)
    entry = get_visible(
        ForwardPlanItem.objects.visible_to(viewer).select_related("body"), viewer, pk
    )
    if not can_manage_meetings(viewer, entry.body_id):
        raise PermissionDenied("Only the body's clerks and scrutiny officers can do this.")
    return entry


def _plan_url(body_id: int) -> str:
    return reverse("meeting_body", args=[body_id]) + "#forward-plan"


@login_required
def plan_add(request: HttpRequest, pk: int) -> HttpResponse:
    body = _body_to_manage(request, pk)
    form = ForwardPlanForm(request.POST or None, body=body, viewer=viewer_for(request))
    if request.method == "POST" and form.is_valid():
        try:
            operations.add_forward_plan_item(body, **form.operation_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Added to the forward plan.")
            return redirect(_plan_url(body.pk))
    return form_page(
        request,
        form,
        title="Add to the forward plan",
        caption=body.name,
        submit="Add to the forward plan",
        back=_plan_url(body.pk),
    )


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry_to_manage(request, pk)
    viewer = viewer_for(request)
    form = ForwardPlanForm(request.POST or None, instance=entry, body=entry.body, viewer=viewer)
    return edit_page(
        request,
        form,
        entry,
        values=lambda d: form.operation_fields(),
        write=operations.update_forward_plan_item,
        saved="The forward plan entry has been saved.",
        done=_plan_url(entry.body_id),
        title="Edit forward plan entry",
        caption=entry.body.name,
        submit="Save",
        back=_plan_url(entry.body_id),
    )


@login_required
def plan_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Put an entry on a meeting's agenda. The agenda builder posts here directly."""
    entry = _entry_to_manage(request, pk)
    form = ScheduleForm(request.POST or None, body=entry.body, viewer=viewer_for(request))
    if request.method == "POST" and form.is_valid():
        meeting = form.cleaned_data["meeting"]
        try:
            item = operations.schedule_forward_plan_item(entry, meeting)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Added to the agenda as item {item.number}.")
            if request.POST.get("next") == "agenda":
                return redirect("meeting_agenda_edit", pk=meeting.pk)
            return redirect(_plan_url(entry.body_id))
    return form_page(
        request,
        form,
        title="Put on a meeting's agenda",
        caption=entry.title,
        submit="Add to the agenda",
        back=_plan_url(entry.body_id),
    )


@login_required
@require_POST
def plan_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _entry_to_manage(request, pk)
    operations.withdraw_forward_plan_item(entry)
    messages.success(request, f"“{entry.title}” is withdrawn from the forward plan.")
    return redirect(_plan_url(entry.body_id))
