"""A clerk's pages: setting up meetings, building the agenda, attendance and papers.
Each view checks access first (access.py), then calls one operation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from oversight.directory.models import Membership, Person
from oversight.editing import EditConflict, edit_through, posted_version, version_of
from oversight.visibility.pages import get_visible
from oversight.visibility.viewer import viewer_for

from .. import operations
from ..access import (
    can_manage_meetings,
    get_agenda_item_to_manage,
    get_meeting_to_manage,
    manageable_bodies,
    visible_agenda,
)
from ..forms import (
    AgendaItemForm,
    AttendanceListForm,
    AttendeeForm,
    MeetingForm,
    NextMeetingForm,
    PaperForm,
)
from ..forward_plan import PlanStatus, plan_rows
from ..models import Attendance, Paper


def form_page(
    request,
    form,
    *,
    title,
    submit,
    back,
    caption="",
    intro="",
    multipart=False,
    version=None,
    conflict=None,
):
    """The shared page for a single form (see templates/meetings/form_page.html); an
    edit form also carries its `version` and shows a `conflict` (oversight/editing.py)."""
    return render(
        request,
        "meetings/form_page.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "submit": submit,
            "back": back,
            "intro": intro,
            "multipart": multipart,
            "version": version,
            "conflict": conflict,
        },
    )


def edit_page(request, form, record, *, values, write, saved: str, done: str, **page):
    """The shared body of the clerk's edit pages. The form carries the version it was
    read at; a save over a newer version is refused, showing both values and keeping
    the input. `values(cleaned_data)` are handed to the operation `write`; on success
    the `saved` message is shown at `done`."""
    version, conflict = version_of(record), None
    if request.method == "POST":
        posted = posted_version(request)
        version = posted if posted is not None else version
        if form.is_valid():
            try:
                edit_through(
                    record, read_version=posted, values=values(form.cleaned_data), write=write
                )
            except EditConflict as exc:
                conflict, version = exc, exc.version
            except ValidationError as exc:
                _error(form, exc)
            else:
                messages.success(request, saved)
                return redirect(done)
    return form_page(request, form, version=version, conflict=conflict, **page)


def _error(form, exc: ValidationError) -> None:
    form.add_error(None, exc)


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    bodies = manageable_bodies(viewer)
    if not bodies.exists():
        raise PermissionDenied("Only the body's clerks and scrutiny officers can do this.")
    initial = {}
    if request.GET.get("body", "").isdigit():
        initial["body"] = request.GET["body"]
    form = MeetingForm(request.POST or None, bodies=bodies, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not can_manage_meetings(viewer, d["body"]):
            raise PermissionDenied("You do not clerk this body.")
        try:
            meeting = operations.create_meeting(
                d["body"],
                **{k: d[k] for k in ("date", "start", "end", "chair", "published", "restricted")},
                title=d["title"],
                venue=d["venue"],
                online_link=d["online_link"],
            )
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, "The meeting has been created.")
            return redirect(meeting)
    return form_page(request, form, title="New meeting", submit="Create meeting", back="/meetings/")


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, _ = get_meeting_to_manage(request, pk)
    form = MeetingForm(request.POST or None, instance=meeting)
    return edit_page(
        request,
        form,
        meeting,
        values=lambda d: {k: v for k, v in d.items() if k != "body"},
        write=operations.update_meeting,
        saved="The meeting's details have been saved.",
        done=meeting.get_absolute_url(),
        title="Edit meeting details",
        caption=str(meeting),
        submit="Save details",
        back=meeting.get_absolute_url(),
    )


@login_required
def next_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    previous, _ = get_meeting_to_manage(request, pk)
    form = NextMeetingForm(
        request.POST or None,
        previous=previous,
        initial={
            "start": previous.start,
            "end": previous.end,
            "venue": previous.venue,
            "online_link": previous.online_link,
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            meeting = operations.create_next_meeting(
                previous,
                date=d["date"],
                start=d["start"],
                end=d["end"],
                title=d["title"],
                venue=d["venue"],
                online_link=d["online_link"],
            )
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(
                request,
                "The next meeting has been created with the standing items on its agenda.",
            )
            return redirect(meeting)
    return form_page(
        request,
        form,
        title="Set up the next meeting",
        caption=str(previous),
        intro="The standing items are copied to its agenda, and the open actions are "
        "carried forward to it.",
        submit="Create the next meeting",
        back=previous.get_absolute_url(),
    )


@login_required
@require_POST
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, _ = get_meeting_to_manage(request, pk)
    try:
        if request.POST.get("status") == "held":
            operations.mark_meeting_held(meeting)
            messages.success(request, "The meeting is marked as held.")
        elif request.POST.get("status") == "cancelled":
            operations.cancel_meeting(meeting)
            messages.success(request, "The meeting is cancelled.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(meeting)


# --- the agenda -----------------------------------------------------------------------


@login_required
def agenda_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda builder: the timed agenda with move, edit and remove, and the form
    to add an item. Adding posts here."""
    meeting, viewer = get_meeting_to_manage(request, pk)
    form = AgendaItemForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            item = operations.add_agenda_item(
                meeting,
                pinned_start=form.cleaned_data["pinned_start"],
                **form.operation_fields(),
            )
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, f"Added item {item.number}: {item.title}.")
            return redirect("meeting_agenda_edit", pk=meeting.pk)
    items = list(visible_agenda(meeting, viewer))
    plan = [
        r
        for r in plan_rows(meeting.body, viewer)
        if r.status in (PlanStatus.NOT_SCHEDULED, PlanStatus.PLANNED)
    ]
    return render(
        request,
        "meetings/agenda_edit.html",
        {
            "meeting": meeting,
            "items": items,
            "timing": operations.agenda_timing(meeting),
            "form": form,
            "plan": plan,
            "locked": meeting.minutes_locked,
        },
    )


@login_required
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item, _ = get_agenda_item_to_manage(request, pk)
    form = AgendaItemForm(request.POST or None, initial=AgendaItemForm.initial_for(item))
    back = reverse("meeting_agenda_edit", args=[item.meeting_id])
    return edit_page(
        request,
        form,
        item,
        values=lambda d: {
            **form.operation_fields(),
            # Compared as the item's own field, so a pin set since the form was read is
            # not undone by a save that left the pin alone.
            "start_pinned": d["pinned_start"] is not None,
            "pinned_start": d["pinned_start"],
        },
        write=_write_agenda_item,
        saved=f"Saved item {item.number}.",
        done=back,
        title=f"Edit agenda item {item.number}",
        caption=str(item.meeting),
        submit="Save item",
        back=back,
    )


def _write_agenda_item(item, *, pinned_start, start_pinned=None, **fields):
    """update_agenda_item with the merged values of the edit form: `start_pinned` is
    missing when the user left the pin as it was and someone else may have changed it;
    then the pin stays as saved now (pinned or not), and only a pinned form's time is
    applied to an item still pinned."""
    if start_pinned is None and (pinned_start is None or not item.start_pinned):
        return operations.update_agenda_item(item, **fields)
    return operations.update_agenda_item(item, pinned_start=pinned_start, **fields)


@login_required
@require_POST
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item, _ = get_agenda_item_to_manage(request, pk)
    direction = request.POST.get("direction")
    try:
        moved = operations.move_agenda_item(item, direction)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Moved “{moved.title}” to item {moved.number}.")
    return redirect(reverse("meeting_agenda_edit", args=[item.meeting_id]) + "#agenda-builder")


@login_required
@require_POST
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item, _ = get_agenda_item_to_manage(request, pk)
    try:
        operations.remove_agenda_item(item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Removed “{item.title}” from the agenda.")
    return redirect("meeting_agenda_edit", pk=item.meeting_id)


@login_required
def paper_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, viewer = get_meeting_to_manage(request, pk)
    form = PaperForm(
        request.POST or None, request.FILES or None, items=visible_agenda(meeting, viewer)
    )
    if request.GET.get("item", "").isdigit():
        form.initial["agenda_item"] = request.GET["item"]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            operations.add_paper(
                meeting,
                file=d["file"],
                title=d["title"],
                agenda_item=d["agenda_item"],
                restricted=d["restricted"],
                user=request.user,
            )
        except ValidationError as exc:
            _error(form, exc)
        else:
            messages.success(request, "The paper has been added.")
            return redirect(meeting.get_absolute_url() + "#papers")
    return form_page(
        request,
        form,
        title="Add a paper",
        caption=str(meeting),
        submit="Upload paper",
        back=meeting.get_absolute_url(),
        multipart=True,
    )


@login_required
@require_POST
def paper_remove(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    paper = get_visible(Paper.objects.visible_to(viewer).select_related("meeting"), viewer, pk)
    meeting, _ = get_meeting_to_manage(request, paper.meeting_id)
    try:
        operations.remove_paper(paper)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Removed the paper “{paper.title}”.")
    return redirect(meeting.get_absolute_url() + "#papers")


# --- attendance -----------------------------------------------------------------------


@login_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone on the body, each present, apologies, absent or not recorded; and a
    form to add anyone else from the directory, for instance a substitute."""
    meeting, _ = get_meeting_to_manage(request, pk)
    recorded = {a.person_id: a for a in meeting.attendance.select_related("person")}
    member_ids = (
        Membership.objects.filter(body_id=meeting.body_id)
        .filter(person__isnull=False)
        .values_list("person_id", flat=True)
    )
    people = (
        Person.objects.filter(pk__in=set(member_ids) | set(recorded))
        .select_related("organisation")
        .order_by("name")
    )
    current = {pid: a.status for pid, a in recorded.items()}
    is_list = request.method == "POST" and "save_list" in request.POST
    is_add = request.method == "POST" and "add_person" in request.POST
    list_form = AttendanceListForm(
        request.POST if is_list else None, people=people, current=current, prefix="list"
    )
    add_form = AttendeeForm(request.POST if is_add else None, prefix="add")
    try:
        if is_list and list_form.is_valid():
            for person, status in list_form.answers():
                if status:
                    keep = recorded.get(person.pk)
                    sub = keep.substitute_for if keep and status == "present" else None
                    operations.record_attendance(
                        meeting, person=person, status=status, substitute_for=sub
                    )
                elif person.pk in recorded:
                    operations.remove_attendance(recorded[person.pk])
            messages.success(request, "Attendance has been saved.")
            return redirect("meeting_attendance", pk=meeting.pk)
        if is_add and add_form.is_valid():
            d = add_form.cleaned_data
            operations.record_attendance(
                meeting, person=d["person"], status=d["status"], substitute_for=d["substitute_for"]
            )
            messages.success(request, f"Added {d['person'].name}.")
            return redirect("meeting_attendance", pk=meeting.pk)
    except ValidationError as exc:
        (list_form if is_list else add_form).add_error(None, exc)
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "list_form": list_form,
            "add_form": add_form,
            "substitutes": [a for a in recorded.values() if a.substitute_for_id],
            "statuses": Attendance.Status.choices,
        },
    )
