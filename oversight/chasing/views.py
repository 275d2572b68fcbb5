"""Update round pages: the list, opening a round (form, then a check before anything is
sent), the round itself with who has answered, and closing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from oversight.directory.models import Body, Person
from oversight.tracker.models import ActionPlan, Review, TrackedItem
from oversight.visibility.pages import get_visible, paginate
from oversight.visibility.viewer import Viewer, viewer_for

from . import operations
from .access import can_open_round, get_round_for_user
from .forms import RoundForm
from .models import MessageItem, UpdateRound, open_items_q, owner_of, source_items


@dataclass
class Source:
    """What a round is for, as the `source` parameter names it: `review-12`, `plan-3`
    or `body-4` (a body's action log)."""

    key: str
    body: Body
    review: Review | None = None
    plan: ActionPlan | None = None

    @property
    def label(self) -> str:
        if self.review:
            return f"Review: {self.review.title}"
        if self.plan:
            return f"Action plan: {self.plan.title}"
        return f"Action log of {self.body.name}"


def _get_source_for_user(request: HttpRequest, key: str) -> tuple[Source, Viewer]:
    """The source named by `key` if this viewer may see it (else 404)."""
    viewer = viewer_for(request)
    kind, _, pk = (key or "").partition("-")
    if not pk.isdigit():
        raise Http404("Choose what the round is for.")
    if kind == "review":
        review = get_visible(
            Review.objects.visible_to(viewer).select_related("body"), viewer, int(pk)
        )
        return Source(key, review.body, review=review), viewer
    if kind == "plan":
        plans = ActionPlan.objects.visible_to(viewer).select_related("overseeing_body")
        plan = get_visible(plans, viewer, int(pk))
        return Source(key, plan.overseeing_body, plan=plan), viewer
    if kind == "body":
        try:
            return Source(key, Body.objects.get(pk=int(pk))), viewer
        except Body.DoesNotExist as exc:
            raise Http404("No such body") from exc
    raise Http404("Choose what the round is for.")


def _source_choices(viewer: Viewer) -> list:
    """What this viewer may open a round for, grouped; empty for those who may not."""
    bodies = (
        Body.objects.all() if viewer.is_scrutiny else Body.objects.filter(pk__in=viewer.body_ids)
    )
    runs = {b.pk: b for b in bodies if can_open_round(viewer, b)}
    reviews = Review.objects.visible_to(viewer).filter(body_id__in=list(runs))
    plans = ActionPlan.objects.visible_to(viewer).filter(overseeing_body_id__in=list(runs))
    groups = [
        ("Reviews", [(f"review-{r.pk}", r.title) for r in reviews]),
        ("Action plans", [(f"plan-{p.pk}", p.title) for p in plans]),
        ("Action logs", [(f"body-{b.pk}", f"Action log of {b.name}") for b in runs.values()]),
    ]
    return [(group, choices) for group, choices in groups if choices]


class SourceForm(forms.Form):
    source = forms.ChoiceField(label="What is the round for?")


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    rounds = UpdateRound.objects.visible_to(viewer).select_related("body", "opened_by")
    page, query = paginate(request, rounds)
    form = None
    if choices := _source_choices(viewer):
        form = SourceForm()
        form.fields["source"].choices = choices
    return render(
        request,
        "chasing/round_list.html",
        {"page_obj": page, "querystring": query, "form": form, "today": timezone.localdate()},
    )


@dataclass
class OwnerGroup:
    owner: Person | None
    items: list[TrackedItem] = field(default_factory=list)


def _by_owner(items) -> list[OwnerGroup]:
    groups: dict[int | None, OwnerGroup] = {}
    for item in items:
        owner = owner_of(item)
        key = owner.pk if owner else None
        groups.setdefault(key, OwnerGroup(owner)).items.append(item)
    return sorted(groups.values(), key=lambda g: (g.owner is None, g.owner.name if g.owner else ""))


_SELECTED = ("owner_person__user", "owner_person__organisation", "owner_org__lead_contact__user")


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    key = request.GET.get("source") or request.POST.get("source")
    source, viewer = _get_source_for_user(request, key)
    if not can_open_round(viewer, source.body):
        raise PermissionDenied(f"Only scrutiny officers and officers of {source.body} open rounds.")
    items = source_items(viewer, body=source.body, review=source.review, plan=source.plan)
    items = items.select_related(*_SELECTED)
    today = timezone.localdate()
    if request.method == "POST":
        form = RoundForm(request.POST, items=items)
    else:
        form = RoundForm(
            items=items,
            initial={
                "items": list(items.filter(open_items_q()).values_list("pk", flat=True)),
                "deadline": operations.default_deadline(today),
            },
        )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if d["deadline"] <= today:
            form.add_error("deadline", "The deadline must be after today.")
        elif request.POST.get("change") == "yes":
            pass  # back to the form, as filled in
        elif request.POST.get("confirm") == "yes":
            try:
                round_, summary = operations.open_round(
                    viewer=viewer,
                    officer=request.user.person,
                    body=source.body,
                    review=source.review,
                    plan=source.plan,
                    items=d["items"],
                    deadline=d["deadline"],
                    message=d["message"],
                    reminder_days=d["reminder_days"],
                    escalation_days=d["escalation_days"],
                    weekly_digest=d["weekly_digest"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                sent = summary.sent[operations.Kind.OPENED]
                messages.success(
                    request, f"The round is open. {sent} owner{'s' if sent != 1 else ''} emailed."
                )
                return redirect(round_)
        else:
            return render(
                request,
                "chasing/round_confirm.html",
                {
                    "source": source,
                    "form": form,
                    "groups": _by_owner(d["items"]),
                    "data": d,
                    "item_ids": [i.pk for i in d["items"]],
                },
            )
    return render(request, "chasing/round_form.html", {"source": source, "form": form})


@dataclass
class OwnerRow:
    owner: Person | None
    items: list[TrackedItem]
    answered: int

    @property
    def state(self) -> str:
        return "answered" if self.answered == len(self.items) else "waiting"


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_, can_run = get_round_for_user(request, pk)
    viewer = viewer_for(request)
    today = timezone.localdate()
    items = list(
        TrackedItem.objects.visible_to(viewer)
        .filter(update_rounds=round_)
        .select_related(*_SELECTED)
    )
    answered = round_.answered_item_ids([i.pk for i in items])
    late = round_.is_past_deadline(today)
    for item in items:
        item.answered = item.pk in answered
        item.overdue = late and not item.answered and not item.is_complete
    owners = [
        OwnerRow(g.owner, g.items, sum(i.answered for i in g.items)) for g in _by_owner(items)
    ]
    by_pk = {i.pk: i for i in items}
    about: dict[int, list[TrackedItem]] = {}
    links = MessageItem.objects.filter(message__round=round_, item_id__in=list(by_pk))
    for message_id, item_id in links.values_list("message_id", "item_id"):
        about.setdefault(message_id, []).append(by_pk[item_id])
    # A message only about items this viewer may not see is not shown to them.
    sent = [(m, about[m.pk]) for m in round_.messages.select_related("recipient") if m.pk in about]
    return render(
        request,
        "chasing/round_detail.html",
        {
            "round": round_,
            "can_run": can_run and round_.is_open,
            "items": items,
            "owners": owners,
            "answered_count": len(answered),
            "overdue_count": sum(i.overdue for i in items),
            "late": late,
            "sent": sent,
            "today": today,
        },
    )


@login_required
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    round_, _ = get_round_for_user(request, pk)
    try:
        operations.close_round(round_, viewer=viewer_for(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The round is closed. Nothing more will be sent for it.")
    return redirect(round_)
