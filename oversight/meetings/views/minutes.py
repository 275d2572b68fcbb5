"""A clerk's pages for the minutes: notes, decisions and actions for each item,
updates on the actions carried forward, approval and corrections."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from oversight.editing import EditConflict, edit_through, posted_version, version_of
from oversight.tracker.models import TrackedItem

from .. import operations
from ..access import get_agenda_item_to_manage, get_meeting_to_manage, visible_agenda
from ..carry_forward import carried_actions
from ..forms import (
    ActionForm,
    ApproveMinutesForm,
    CarriedActionForm,
    CorrectionForm,
    DecisionForm,
    NotesForm,
)
from ..models import Decision, Meeting
from .clerk import form_page


def _person(request):
    return getattr(request.user, "person", None)


@login_required
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The minutes as they stand, item by item, with a link to record each."""
    meeting, viewer = get_meeting_to_manage(request, pk)
    items = list(
        visible_agenda(meeting, viewer).prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.visible_to(viewer)),
            Prefetch("actions", queryset=TrackedItem.objects.visible_to(viewer)),
        )
    )
    return render(
        request,
        "meetings/minutes_edit.html",
        {
            "meeting": meeting,
            "items": items,
            "carried": carried_actions(meeting, viewer),
            "corrections": meeting.corrections.select_related("agenda_item", "agreed_at"),
        },
    )


@login_required
def item_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """One agenda item's minutes: its notes, and forms to add a decision or an action.
    Each form posts here with its own button."""
    item, viewer = get_agenda_item_to_manage(request, pk)
    meeting = item.meeting
    post = request.POST if request.method == "POST" else None
    which = next(
        (k for k in ("save_notes", "add_decision", "add_action") if post and k in post), None
    )
    notes_form = NotesForm(
        post if which == "save_notes" else None, prefix="notes", initial={"notes": item.notes}
    )
    decision_form = DecisionForm(post if which == "add_decision" else None, prefix="decision")
    action_form = ActionForm(post if which == "add_action" else None, prefix="action")
    here = reverse("meeting_item_minutes", args=[item.pk])
    # The notes form carries the version it was read at, as every edit form does.
    version, conflict = version_of(item), None
    if which == "save_notes" and posted_version(request) is not None:
        version = posted_version(request)
    try:
        if which == "save_notes" and notes_form.is_valid():
            edit_through(
                item,
                read_version=posted_version(request),
                values={"notes": notes_form.cleaned_data["notes"]},
                write=lambda current, **changes: operations.record_minutes(
                    current, notes=changes.get("notes", current.notes)
                ),
            )
            messages.success(request, "The notes have been saved.")
            return redirect(here)
        if which == "add_decision" and decision_form.is_valid():
            operations.add_decision(item, text=decision_form.cleaned_data["text"])
            messages.success(request, "The decision has been recorded.")
            return redirect(here + "#decisions")
        if which == "add_action" and action_form.is_valid():
            d = action_form.cleaned_data
            operations.add_action(
                meeting,
                agenda_item=item,
                text=d["text"],
                owner_person=d["owner_person"],
                owner_org=d["owner_org"],
                due_date=d["due_date"],
                due_precision=d["due_precision"],
            )
            messages.success(request, "The action has been recorded.")
            return redirect(here + "#actions")
    except EditConflict as exc:
        conflict, version = exc, exc.version
    except ValidationError as exc:
        {"save_notes": notes_form, "add_decision": decision_form, "add_action": action_form}[
            which
        ].add_error(None, exc)
    forms_with_errors = [f for f in (notes_form, decision_form, action_form) if f.errors]
    return render(
        request,
        "meetings/item_minutes.html",
        {
            "meeting": meeting,
            "item": item,
            "notes_form": notes_form,
            "decision_form": decision_form,
            "action_form": action_form,
            "error_form": forms_with_errors[0] if forms_with_errors else None,
            "decisions": Decision.objects.visible_to(viewer).filter(agenda_item=item),
            "actions": [
                (a, a.rag())
                for a in TrackedItem.objects.visible_to(viewer)
                .filter(agenda_item=item)
                .select_related("owner_person", "owner_org")
            ],
            "carried": carried_actions(meeting, viewer) if item.is_actions_item else [],
            "locked": meeting.minutes_locked,
            "version": version,
            "conflict": conflict,
        },
    )


@login_required
def carried_action(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Record what the meeting heard on an action carried forward to it: an update,
    or its closure."""
    meeting, viewer = get_meeting_to_manage(request, pk)
    row = next((r for r in carried_actions(meeting, viewer) if r.item.pk == item_pk), None)
    if row is None:
        raise Http404("This action is not carried forward to this meeting.")
    form = CarriedActionForm(request.POST or None, initial={"progress": row.item.progress})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if d["outcome"] == CarriedActionForm.CLOSED:
                operations.close_action(
                    meeting,
                    row.item,
                    narrative=d["narrative"],
                    author=_person(request),
                    user=request.user,
                )
                messages.success(request, "The action is closed.")
            else:
                operations.record_action_update(
                    meeting,
                    row.item,
                    narrative=d["narrative"],
                    progress=d["progress"],
                    author=_person(request),
                    user=request.user,
                )
                messages.success(request, "The update has been recorded.")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(meeting.get_absolute_url() + "#carried")
    latest = row.latest_update.narrative if row.latest_update else "No update yet."
    return form_page(
        request,
        form,
        title="Update on an action",
        caption=row.item.text[:150],
        intro=f"Owner: {row.item.owner_label}. Agreed at the meeting of "
        f"{row.agreed_at.date.day} {row.agreed_at.date:%B %Y}. Latest update: {latest}",
        submit="Save",
        back=meeting.get_absolute_url() + "#carried",
    )


@login_required
def approve_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that the minutes of this meeting were approved at a later meeting."""
    meeting, viewer = get_meeting_to_manage(request, pk)
    initial = {}
    if request.GET.get("at", "").isdigit():
        initial["at"] = request.GET["at"]
    form = ApproveMinutesForm(request.POST or None, meeting=meeting, viewer=viewer, initial=initial)
    if not form.fields["at"].queryset.exists():
        messages.info(
            request, "Minutes are approved at a later meeting: set up the next meeting first."
        )
        return redirect(meeting)
    if request.method == "POST" and form.is_valid():
        at: Meeting = form.cleaned_data["at"]
        try:
            operations.approve_minutes(meeting, at=at, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "The minutes are approved and now locked.")
            return redirect(meeting)
    return form_page(
        request,
        form,
        title="Approve the minutes",
        caption=str(meeting),
        intro="Once approved, the minutes are locked: later corrections are recorded "
        "beside them, never written over them.",
        submit="Approve the minutes",
        back=meeting.get_absolute_url(),
    )


@login_required
def correction_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, viewer = get_meeting_to_manage(request, pk)
    form = CorrectionForm(
        request.POST or None,
        meeting=meeting,
        items=visible_agenda(meeting, viewer),
        viewer=viewer,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            operations.correct_minutes(
                meeting,
                text=d["text"],
                reason=d["reason"],
                agenda_item=d["agenda_item"],
                agreed_at=d["agreed_at"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "The correction has been recorded.")
            return redirect(reverse("meeting_minutes", args=[meeting.pk]))
    return form_page(
        request,
        form,
        title="Record a correction to the minutes",
        caption=str(meeting),
        intro="The approved minutes stay as they were; the correction is shown beside them.",
        submit="Record correction",
        back=meeting.get_absolute_url(),
    )
