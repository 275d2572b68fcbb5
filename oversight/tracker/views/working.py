"""Signed-in work: the dashboard, updates with evidence, verification, responses,
editing, handover. Each view checks access first, then calls one operation."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from oversight.chasing import dashboard as chasing
from oversight.directory.models import Person
from oversight.downloads import uploaded_file
from oversight.editing import EditConflict, posted_version, version_of
from oversight.visibility.viewer import viewer_for

from .. import operations
from ..access import (
    can_hand_over,
    can_manage_reviews,
    can_respond,
    can_return_item,
    can_update_item,
    can_verify_item,
)
from ..forms import (
    HandoverForm,
    ItemForm,
    RecommendationForm,
    ResponseForm,
    ReturnForm,
    ReviewForm,
    UpdateForm,
    VerifyForm,
)
from ..models import Evidence, TrackedItem, Verification
from ..rag import Rag
from .common import (
    get_item_for_user,
    get_recommendation_for_user,
    get_review_for_user,
)


def _person(request: HttpRequest) -> Person | None:
    return getattr(request.user, "person", None)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    if viewer.role == Person.Role.COMMUNITY:
        # A community member's home is about them (oversight/community), not staff work.
        return redirect("community_home")
    today = timezone.localdate()
    visible = TrackedItem.objects.visible_to(viewer).select_related(
        "owner_person", "owner_org", "recommendation__review__body", "meeting__body", "plan"
    )
    open_items = [i for i in visible if not i.is_complete]
    mine = [
        i
        for i in visible
        if i.owner_person_id == viewer.person_id
        or (viewer.role == "partner" and i.owner_org_id in viewer.organisation_ids)
    ]
    soon = today + timedelta(days=30)
    due_soon = [i for i in open_items if i.due_date and today <= i.due_date <= soon]
    overdue = [i for i in open_items if i.rag(today) == Rag.RED]
    awaiting = [
        i
        for i in visible
        if i.status == TrackedItem.Status.COMPLETE
        and i.verified_at is None
        and (body := i.overseeing_body) is not None
        and body.pk in viewer.body_ids
        and i.owner_person_id != viewer.person_id
    ]
    can_manage = can_manage_reviews(viewer)
    return render(
        request,
        "tracker/dashboard.html",
        {
            "returned": _returned(mine),
            "in_rounds": chasing.items_in_open_rounds(viewer, mine, today),
            "no_owner": [
                (i, i.rag(today))
                for i in open_items
                if can_manage and i.owner_person_id is None and i.owner_org_id is None
            ],
            "late_rounds": chasing.rounds_past_deadline(viewer, today),
            "mine": [(i, i.rag(today)) for i in mine if not i.verified_at],
            "due_soon": [(i, i.rag(today)) for i in due_soon],
            "overdue": [(i, Rag.RED) for i in overdue],
            "awaiting": [(i, i.rag(today)) for i in awaiting],
            "person": _person(request),
            "can_manage": can_manage,
        },
    )


def _returned(items: list[TrackedItem]) -> list[tuple[TrackedItem, Verification]]:
    """Items sent back to their owner and not yet reported complete again, each with
    the return (its reason)."""
    latest: dict[int, Verification] = {}
    decisions = Verification.objects.filter(item__in=[i.pk for i in items]).select_related("by")
    for v in decisions.order_by("item_id", "-created_at", "-pk"):
        latest.setdefault(v.item_id, v)
    return [
        (i, latest[i.pk])
        for i in items
        if i.pk in latest
        and latest[i.pk].decision == Verification.Decision.RETURNED
        and i.status != TrackedItem.Status.COMPLETE
    ]


@login_required
def add_update(request: HttpRequest, pk: int) -> HttpResponse:
    item, viewer = get_item_for_user(request, pk)
    if not can_update_item(viewer, item):
        raise PermissionDenied("You cannot update this item.")
    if request.method == "POST":
        form = UpdateForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            try:
                operations.record_update(
                    item,
                    author=_person(request),
                    user=request.user,
                    narrative=d["narrative"],
                    status=d["status"],
                    progress=d["progress"],
                    files=d["files"],
                    links=[d["link"]] if d["link"] else [],
                    evidence_note=d["evidence_note"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Your update has been recorded.")
                return redirect(item)
    else:
        form = UpdateForm(initial={"status": item.status, "progress": item.progress})
    return render(request, "tracker/update_form.html", {"item": item, "form": form})


def _judge(request: HttpRequest, pk: int, *, form_class, rule, template: str, act):
    """The verify and return pages: the form when the viewer has standing, else the
    reason why not (also for a forced POST), never a bare refusal."""
    item, viewer = get_item_for_user(request, pk)
    allowed, reason = rule(viewer, item)
    if not allowed:
        context = {"item": item, "form": None, "reason": reason}
        return render(request, template, context, status=403)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            act(item, viewer, form.cleaned_data)
        except PermissionDenied as exc:
            # The item changed since the page was read (verified by someone else).
            context = {"item": item, "form": None, "reason": str(exc)}
            return render(request, template, context, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(item)
    return render(request, template, {"item": item, "form": form, "reason": ""})


@login_required
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    def act(item, viewer, data):
        operations.verify_item(item, viewer=viewer, by=_person(request), checked=data["checked"])
        messages.success(request, "The item is verified.")

    return _judge(
        request,
        pk,
        form_class=VerifyForm,
        rule=can_verify_item,
        template="tracker/verify_form.html",
        act=act,
    )


@login_required
def return_to_owner(request: HttpRequest, pk: int) -> HttpResponse:
    def act(item, viewer, data):
        operations.return_item(item, viewer=viewer, by=_person(request), reason=data["reason"])
        messages.success(request, "The item has been returned to its owner.")

    return _judge(
        request,
        pk,
        form_class=ReturnForm,
        rule=can_return_item,
        template="tracker/return_form.html",
        act=act,
    )


@login_required
def respond(request: HttpRequest, pk: int) -> HttpResponse:
    rec, viewer = get_recommendation_for_user(request, pk)
    if not can_respond(viewer, rec):
        raise PermissionDenied("You cannot record responses.")
    form = ResponseForm(request.POST or None)
    if not viewer.is_scrutiny:
        # A partner officer responds for their own organisation only.
        form.fields["organisation"].queryset = form.fields["organisation"].queryset.filter(
            pk__in=viewer.organisation_ids
        )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        operations.record_response(
            rec, organisation=d["organisation"], position=d["position"], text=d["text"]
        )
        messages.success(request, "The response has been recorded.")
        return redirect(rec)
    return render(request, "tracker/response_form.html", {"rec": rec, "form": form})


def _require_manager(request: HttpRequest):
    viewer = viewer_for(request)
    if not can_manage_reviews(viewer):
        raise PermissionDenied("Only scrutiny officers can do this.")
    return viewer


def _save_form(request, form, *, create, success: str, title: str, back):
    """Shared body of the create pages: `create(values, m2m)` (a typed write function of
    `operations`) makes the record from the valid form, or the form is shown again
    with what was typed."""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        names = _m2m_names(form)
        values = {f: data[f] for f in form.Meta.fields if f not in names}
        obj = create(values, {f: data[f] for f in names})
        messages.success(request, success)
        return redirect(obj)
    return render(request, "tracker/edit_form.html", {"form": form, "title": title, "back": back})


def _edit_form(request, form, record, *, save, title: str, back):
    """Shared body of the edit pages. The form carries the version it was read at; a
    save over a newer version is refused, showing both values and keeping the input."""
    conflict = None
    version = version_of(record)
    if request.method == "POST":
        read_version = posted_version(request)
        if form.is_valid():
            data = form.cleaned_data
            values = {f: data[f] for f in form.Meta.fields if f not in _m2m_names(form)}
            extra = {"m2m": {f: data[f] for f in _m2m_names(form)}} if _m2m_names(form) else {}
            try:
                saved = save(record, read_version=read_version, values=values, **extra)
            except EditConflict as exc:
                conflict, version = exc, exc.version
            else:
                messages.success(request, f"{title.removeprefix('Edit ').capitalize()} saved.")
                return redirect(saved)
        else:
            version = read_version if read_version is not None else version
    context = {"form": form, "title": title, "back": back, "version": version}
    return render(request, "tracker/edit_form.html", {**context, "conflict": conflict})


def _m2m_names(form) -> list[str]:
    return [f.name for f in form._meta.model._meta.many_to_many if f.name in form.Meta.fields]


@login_required
def review_new(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = ReviewForm(request.POST or None)
    return _save_form(
        request,
        form,
        create=lambda values, m2m: operations.create_review(values=values),
        success="Review created.",
        title="New review",
        back="/reviews/",
    )


@login_required
def review_edit(request: HttpRequest, pk: int) -> HttpResponse:
    review, _ = get_review_for_user(request, pk)
    _require_manager(request)
    form = ReviewForm(request.POST or None, instance=review)
    return _edit_form(
        request, form, review, save=operations.edit_review, title="Edit review", back=review
    )


@login_required
def recommendation_new(request: HttpRequest, review_pk: int) -> HttpResponse:
    review, _ = get_review_for_user(request, review_pk)
    _require_manager(request)
    form = RecommendationForm(request.POST or None)
    return _save_form(
        request,
        form,
        create=lambda values, m2m: operations.add_recommendation(review, values=values, m2m=m2m),
        success="Recommendation added.",
        title=f"New recommendation for {review}",
        back=review,
    )


@login_required
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rec, _ = get_recommendation_for_user(request, pk)
    _require_manager(request)
    form = RecommendationForm(request.POST or None, instance=rec)
    return _edit_form(
        request,
        form,
        rec,
        save=operations.edit_recommendation,
        title="Edit recommendation",
        back=rec,
    )


@login_required
def item_new(request: HttpRequest, rec_pk: int) -> HttpResponse:
    rec, _ = get_recommendation_for_user(request, rec_pk)
    _require_manager(request)
    form = ItemForm(request.POST or None, initial={"start_date": timezone.localdate()})
    return _save_form(
        request,
        form,
        create=lambda values, m2m: operations.add_commitment(rec, values=values),
        success="Item added.",
        title="New commitment",
        back=rec,
    )


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item, viewer = get_item_for_user(request, pk)
    if not (can_manage_reviews(viewer) or can_update_item(viewer, item)):
        raise PermissionDenied("You cannot edit this item.")
    form = ItemForm(request.POST or None, instance=item)
    return _edit_form(request, form, item, save=operations.edit_item, title="Edit item", back=item)


@login_required
def handover(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form = HandoverForm(request.POST or None)
    form.fields["successor"].queryset = Person.objects.filter(role__in=operations.HANDOVER_ROLES)
    if not viewer.is_scrutiny:
        people = Person.objects.filter(organisation_id__in=viewer.organisation_ids)
        if not people.exists():
            raise PermissionDenied("You cannot hand over work.")
        form.fields["predecessor"].queryset = people
        form.fields["successor"].queryset = people.filter(role__in=operations.HANDOVER_ROLES)
    report = None
    if request.method == "POST" and form.is_valid():
        predecessor = form.cleaned_data["predecessor"]
        if not can_hand_over(viewer, predecessor):
            raise PermissionDenied("You cannot hand over this person's work.")
        preview = list(operations.handover_items(predecessor, viewer))
        try:
            if request.POST.get("confirm") == "yes":
                report = operations.hand_over(
                    predecessor, form.cleaned_data["successor"], viewer=viewer
                )
                messages.success(request, f"Handed over to {report.successor.name}.")
                return render(request, "tracker/handover_report.html", {"report": report})
            operations.check_handover(predecessor, form.cleaned_data["successor"], viewer=viewer)
        except ValidationError as exc:
            form.add_error(None, exc)
            return render(request, "tracker/handover_form.html", {"form": form})
        return render(
            request,
            "tracker/handover_confirm.html",
            {
                "form": form,
                "preview": preview,
                "predecessor": predecessor,
                "successor": form.cleaned_data["successor"],
                "seats": predecessor.membership_set.filter(end__isnull=True),
            },
        )
    return render(request, "tracker/handover_form.html", {"form": form})


def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Evidence files are served only to those who may see the item they belong to."""
    items = TrackedItem.objects.visible_to(viewer_for(request))
    return uploaded_file(
        Evidence.objects.filter(update__item__in=items),
        pk,
        filename=lambda evidence, f: evidence.filename,
    )
