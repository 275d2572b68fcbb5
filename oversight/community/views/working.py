"""Signed-in community work: a person's own community page, logging feedback,
moderating it, answering it and linking what answers it, panel sessions. Each view
checks access first, then calls one operation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from oversight.directory.models import Body, Person
from oversight.meetings.models import Meeting
from oversight.tracker.models import ActionPlan, Recommendation, TrackedItem
from oversight.tracker.timeline import history_entries
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import Viewer, viewer_for

from .. import chain, operations
from ..access import (
    can_log_feedback,
    can_record_session,
    get_feedback_for_user,
    get_panel_for_user,
    get_session_for_user,
)
from ..forms import (
    LinkForm,
    LogFeedbackForm,
    ModerateForm,
    NewActionForm,
    PanelSessionForm,
    RespondForm,
)
from ..models import Feedback, PanelSession, SubmitterContact

LINK_CHOICES = 40


def _posted(request: HttpRequest):
    """The form's data when it was sent (even empty, so that it is checked), else None."""
    return request.POST if request.method == "POST" else None


def _person(request: HttpRequest) -> Person | None:
    return getattr(request.user, "person", None)


@login_required
def community_home(request: HttpRequest) -> HttpResponse:
    """A person's own community page: what they logged and what became of it, their
    panels' sessions and what those panels follow; for officers, what awaits them."""
    viewer = viewer_for(request)
    mine = []
    if viewer.person_id is not None:  # else "logged by nobody" would be the public's
        mine = chain.read_rows(
            Feedback.objects.visible_to(viewer).filter(logged_by_id=viewer.person_id), viewer
        )
    panels = Body.objects.filter(pk__in=viewer.body_ids, kind=Body.Kind.PANEL)
    sessions = (
        PanelSession.objects.visible_to(viewer)
        .filter(panel__in=panels)
        .select_related("panel", "for_organisation", "for_body")
    )
    followed = (
        TrackedItem.objects.visible_to(viewer)
        .filter(community_feedback__session__panel__in=panels)
        .select_related("owner_person", "owner_org")
    )
    today = timezone.localdate()
    awaiting = Feedback.objects.none()
    if viewer.is_staff_role:
        awaiting = Feedback.objects.visible_to(viewer).filter(
            moderation=Feedback.Moderation.PENDING
        )
    return render(
        request,
        "community/home.html",
        {
            "person": _person(request),
            "mine": mine,
            "panels": [(p, can_record_session(viewer, p)) for p in panels],
            "sessions": sessions[:20],
            "followed": [(i, i.rag(today)) for i in followed],
            "awaiting_count": awaiting.count(),
        },
    )


@login_required
def feedback_list(request: HttpRequest) -> HttpResponse:
    """The feedback this person may see, by moderation: the moderators' queue."""
    viewer = viewer_for(request)
    wanted = request.GET.get("moderation", Feedback.Moderation.PENDING)
    if wanted not in Feedback.Moderation.values:
        wanted = Feedback.Moderation.PENDING
    rows = (
        Feedback.objects.visible_to(viewer)
        .filter(moderation=wanted)
        .select_related("theme", "for_organisation", "for_body")
    )
    page, querystring = paginate(request, rows)
    return render(
        request,
        "community/feedback_list.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "moderation": wanted,
            "choices": Feedback.Moderation.choices,
            "can_log": can_log_feedback(viewer),
        },
    )


@login_required
def feedback_new(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    if not can_log_feedback(viewer):
        raise PermissionDenied("Only people in the directory can log feedback.")
    meetings = Meeting.objects.visible_to(viewer).select_related("body").order_by("-date")
    form = LogFeedbackForm(
        _posted(request), meetings=meetings, initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            feedback = operations.log_feedback(
                viewer=viewer,
                by=_person(request),
                summary=d["summary"],
                source=d["source"],
                theme=d["theme"],
                recipient=d["recipient"],
                received_on=d["received_on"],
                area=d["area"],
                meeting=d["meeting"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"Feedback {feedback.reference} is logged"
                + (
                    "."
                    if feedback.is_accepted
                    else ": it is published once a moderator accepts it."
                ),
            )
            return redirect(feedback.get_absolute_url())
    return render(request, "community/feedback_new.html", {"form": form})


def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, moderator = get_feedback_for_user(request, pk)
    viewer = viewer_for(request)
    row = chain.read_rows(Feedback.objects.visible_to(viewer).filter(pk=feedback.pk), viewer)[0]
    contact = None
    if moderator:
        contact = SubmitterContact.objects.filter(feedback=feedback).first()
    return render(
        request,
        "community/feedback_detail.html",
        {
            "feedback": feedback,
            "row": row,
            "moderator": moderator,
            "contact": contact,
            "timeline": history_entries(feedback, "Feedback") if moderator else [],
        },
    )


def _moderator_feedback(request: HttpRequest, pk: int) -> tuple[Feedback, Viewer]:
    feedback, moderator = get_feedback_for_user(request, pk)
    if not moderator:
        raise PermissionDenied(f"Only officers of {feedback.recipient.name} can do this.")
    return feedback, viewer_for(request)


@login_required
def feedback_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    form = ModerateForm(_posted(request), initial={"summary": feedback.summary})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if d["decision"] == "accept":
                operations.accept_feedback(
                    feedback,
                    viewer=viewer,
                    by=_person(request),
                    summary=d["summary"],
                    note=d["note"],
                )
                messages.success(
                    request, f"Feedback {feedback.reference} is accepted and published."
                )
            else:
                operations.decline_feedback(
                    feedback, viewer=viewer, by=_person(request), reason=d["note"]
                )
                messages.success(request, f"Feedback {feedback.reference} is declined.")
        except ValidationError as exc:
            form.add_error("note", exc)
        else:
            return redirect(feedback.get_absolute_url())
    contact = SubmitterContact.objects.filter(feedback=feedback).first()
    return render(
        request,
        "community/feedback_moderate.html",
        {"feedback": feedback, "form": form, "contact": contact},
    )


@login_required
def feedback_respond(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    form = RespondForm(
        _posted(request),
        initial={"position": feedback.position, "response": feedback.response},
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.respond_to_feedback(
                feedback,
                viewer=viewer,
                by=_person(request),
                position=form.cleaned_data["position"],
                text=form.cleaned_data["response"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Your response is saved.")
            return redirect(feedback.get_absolute_url())
    return render(request, "community/feedback_respond.html", {"feedback": feedback, "form": form})


def _link_choices(viewer: Viewer, feedback: Feedback, q: str):
    """What an officer may link: open items and recommendations they can see, those of
    the recipient first, narrowed by the words searched for."""
    items = TrackedItem.objects.visible_to(viewer).exclude(community_feedback=feedback)
    recs = Recommendation.objects.visible_to(viewer).exclude(community_feedback=feedback)
    if q:
        items = items.filter(text__icontains=q)
        recs = recs.filter(Q(text__icontains=q) | Q(title__icontains=q))
    elif feedback.for_organisation_id:
        items = items.filter(owner_org_id=feedback.for_organisation_id)
        recs = recs.filter(addressed_to_orgs=feedback.for_organisation_id)
    else:
        body = feedback.for_body_id
        items = items.filter(
            Q(meeting__body_id=body)
            | Q(plan__owning_body_id=body)
            | Q(plan__overseeing_body_id=body)
        )
        recs = recs.filter(Q(review__body_id=body) | Q(addressed_to_bodies=body))
    items = items.select_related("owner_person", "owner_org").order_by("-pk")
    pks = list(items.values_list("pk", flat=True)[:LINK_CHOICES])
    rec_pks = list(recs.order_by("-pk").values_list("pk", flat=True)[:LINK_CHOICES])
    return (
        TrackedItem.objects.visible_to(viewer)
        .filter(pk__in=pks)
        .select_related("owner_person", "owner_org"),
        Recommendation.objects.visible_to(viewer).filter(pk__in=rec_pks).select_related("review"),
    )


@login_required
def feedback_link(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    q = (request.GET.get("q") or request.POST.get("q") or "").strip()
    items, recs = _link_choices(viewer, feedback, q)
    form = LinkForm(_posted(request), items=items, recommendations=recs)
    if request.method == "POST" and form.is_valid():
        try:
            operations.link_feedback(
                feedback,
                viewer=viewer,
                items=list(form.cleaned_data["items"]),
                recommendations=list(form.cleaned_data["recommendations"]),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "What answers this feedback is linked.")
            return redirect(feedback.get_absolute_url())
    return render(
        request, "community/feedback_link.html", {"feedback": feedback, "form": form, "q": q}
    )


@login_required
@require_POST
def feedback_unlink(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    item_pk, rec_pk = request.POST.get("item", ""), request.POST.get("recommendation", "")
    item = rec = None
    if item_pk.isdigit():
        item = (
            TrackedItem.objects.visible_to(viewer)
            .filter(pk=int(item_pk), community_feedback=feedback)
            .first()
        )
    if rec_pk.isdigit():
        rec = (
            Recommendation.objects.visible_to(viewer)
            .filter(pk=int(rec_pk), community_feedback=feedback)
            .first()
        )
    if item is None and rec is None:
        raise Http404("That is not linked to this feedback.")
    operations.unlink_feedback(feedback, viewer=viewer, item=item, recommendation=rec)
    messages.success(request, "The link is removed.")
    return redirect(feedback.get_absolute_url())


@login_required
@require_POST
def feedback_forget_contact(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    try:
        operations.forget_contact(feedback, viewer=viewer)
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
    else:
        messages.success(request, "The sender's contact details are deleted.")
    return redirect(feedback.get_absolute_url())


@login_required
def feedback_new_action(request: HttpRequest, pk: int) -> HttpResponse:
    feedback, viewer = _moderator_feedback(request, pk)
    plans = ActionPlan.objects.visible_to(viewer)
    form = NewActionForm(
        _posted(request),
        plans=plans,
        initial={
            "owner_org": feedback.for_organisation_id
            or (feedback.for_body and feedback.for_body.organisation_id)
        },
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            item = operations.create_action_from_feedback(
                feedback,
                viewer=viewer,
                text=d["text"],
                plan=d["plan"],
                owner_org=d["owner_org"],
                due_date=d["due_date"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"The action is added to {item.plan.title} and linked.")
            return redirect(feedback.get_absolute_url())
    return render(
        request, "community/feedback_new_action.html", {"feedback": feedback, "form": form}
    )


@login_required
def panel_session_new(request: HttpRequest, panel_pk: int) -> HttpResponse:
    panel, can_record = get_panel_for_user(request, panel_pk)
    if not can_record:
        raise PermissionDenied(f"Only members of {panel.name} can record its sessions.")
    viewer = viewer_for(request)
    today = timezone.localdate()
    members = (
        Person.objects.filter(
            membership__body=panel,
        )
        .filter(
            Q(membership__start__isnull=True) | Q(membership__start__lte=today),
            Q(membership__end__isnull=True) | Q(membership__end__gte=today),
        )
        .distinct()
    )
    form = PanelSessionForm(_posted(request), members=members, initial={"held_on": today})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            session = operations.record_panel_session(
                panel,
                viewer=viewer,
                by=_person(request),
                held_on=d["held_on"],
                recipient=d["recipient"],
                members_present=list(d["members_present"]),
                reviewed=[
                    operations.Reviewed(d["what"], kind, count)
                    for kind, count in form.reviewed_lines()
                ],
                findings=[operations.Finding(text, theme) for text, theme in form.findings()],
                notes=d["notes"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                f"The session is recorded; its {len(form.findings())} findings are sent to "
                f"{session.recipient.name}.",
            )
            return redirect(session.get_absolute_url())
    return render(request, "community/panel_session_form.html", {"panel": panel, "form": form})


def panel_session(request: HttpRequest, pk: int) -> HttpResponse:
    session, sees_members = get_session_for_user(request, pk)
    viewer = viewer_for(request)
    findings = chain.read_rows(Feedback.objects.visible_to(viewer).filter(session=session), viewer)
    return render(
        request,
        "community/panel_session.html",
        {
            "session": session,
            "sees_members": sees_members,
            "members": session.members_present.all() if sees_members else None,
            "member_count": session.members_present.count(),
            "reviewed": session.reviewed.all(),
            "findings": findings,
            "can_moderate": session.recipient.moderated_by(viewer),
        },
    )
