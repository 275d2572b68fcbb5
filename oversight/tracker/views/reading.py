"""Pages anyone may read (each shows only what the viewer may see)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.reports.access import can_have_report
from oversight.reports.forms import report_form_for
from oversight.search.engine import matching_ids
from oversight.visibility.pages import get_visible, paginate, paginate_records
from oversight.visibility.viewer import viewer_for

from ..access import (
    can_manage_reviews,
    can_respond,
    can_return_item,
    can_update_item,
    can_verify_item,
)
from ..forms import ListFilterForm, VerifyForm
from ..models import (
    RECOMMENDATION_STATUS_LABELS,
    ActionPlan,
    Question,
    Recommendation,
    Response,
    Review,
    TrackedItem,
    Verification,
)
from ..rag import Rag, with_rag
from ..status import status_expression
from ..timeline import combined_timeline, item_timeline
from .common import (
    get_item_for_user,
    get_recommendation_for_user,
    get_review_for_user,
)


def _visible_items(viewer):
    return TrackedItem.objects.visible_to(viewer).select_related(
        "owner_person", "owner_org", "recommendation__review__body", "meeting__body"
    )


def review_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    reviews = Review.objects.visible_to(viewer).select_related("body").order_by("-date", "title")
    q = request.GET.get("q", "").strip()
    if q:
        reviews = reviews.filter(pk__in=matching_ids(viewer, q, "review"))
    page, querystring = paginate(request, reviews)
    return render(
        request,
        "tracker/review_list.html",
        {
            "page_obj": page,
            "querystring": querystring,
            "q": q,
            "can_manage": can_manage_reviews(viewer),
        },
    )


def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review, viewer = get_review_for_user(request, pk)
    recommendations = (
        Recommendation.objects.visible_to(viewer)
        .filter(review=review)
        .prefetch_related(
            Prefetch("items", queryset=_visible_items(viewer)),
            Prefetch("responses", queryset=Response.objects.visible_to(viewer)),
        )
        .order_by("position", "pk")
    )
    rows = [
        (rec, rec.status(rec.items.all(), rec.responses.all()), [i.rag() for i in rec.items.all()])
        for rec in recommendations
    ]
    return render(
        request,
        "tracker/review_detail.html",
        {
            "review": review,
            "rows": rows,
            "status_labels": RECOMMENDATION_STATUS_LABELS,
            "can_manage": can_manage_reviews(viewer),
            "questions": Question.objects.visible_to(viewer).filter(review=review),
            "review_items": [(i, i.rag()) for i in _visible_items(viewer).filter(review=review)],
            "timeline": combined_timeline((review, "Review")),
            "report_form": report_form_for(viewer, review)
            if can_have_report(viewer, review)
            else None,
        },
    )


def _filter_form(request, status_choices):
    form = ListFilterForm(request.GET or None, status_choices=status_choices)
    form.is_valid()
    return form, getattr(form, "cleaned_data", {}) or {}


def recommendation_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form, f = _filter_form(request, list(RECOMMENDATION_STATUS_LABELS.items()))
    recs = Recommendation.objects.visible_to(viewer).select_related("review__body")
    if f.get("q"):
        recs = recs.filter(
            Q(pk__in=matching_ids(viewer, f["q"], "recommendation")) | Q(number=f["q"])
        )
    if f.get("body"):
        recs = recs.filter(Q(review__body=f["body"]) | Q(addressed_to_bodies=f["body"]))
    if f.get("organisation"):
        org = f["organisation"]
        recs = recs.filter(
            Q(addressed_to_orgs=org) | Q(responses__organisation=org) | Q(items__owner_org=org)
        )
    # Status and RAG in SQL, so the filters, the count and the page are the database's
    # work; the status is worked out for every row only when it is filtered on.
    if f.get("status"):
        recs = recs.annotate(status_value=status_expression(viewer))
        recs = recs.filter(status_value=f["status"])
    if f.get("rag"):
        with_that_rag = with_rag(TrackedItem.objects.visible_to(viewer)).filter(
            recommendation=OuterRef("pk"), rag_value=f["rag"]
        )
        recs = recs.filter(Exists(with_that_rag))
    recs = recs.distinct().order_by("-review__date", "review__pk", "position", "pk")

    def read_page(rows):
        rows = rows if f.get("status") else rows.annotate(status_value=status_expression(viewer))
        return rows.prefetch_related(Prefetch("items", queryset=_visible_items(viewer)))

    page, querystring = paginate_records(request, recs, read_page)
    page.object_list = [
        (r, r.status_value, [i.rag() for i in r.items.all()]) for r in page.object_list
    ]
    return render(
        request,
        "tracker/recommendation_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "status_labels": RECOMMENDATION_STATUS_LABELS,
            "total": page.paginator.count,
        },
    )


def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rec, viewer = get_recommendation_for_user(request, pk)
    responses = (
        Response.objects.visible_to(viewer)
        .filter(recommendation=rec)
        .select_related("organisation")
    )
    items = list(_visible_items(viewer).filter(recommendation=rec))
    timeline = combined_timeline(
        (rec, "Recommendation"), *[(r, f"Response by {r.responder}") for r in responses]
    )
    return render(
        request,
        "tracker/recommendation_detail.html",
        {
            "rec": rec,
            "status": rec.status(items, list(responses)),
            "status_labels": RECOMMENDATION_STATUS_LABELS,
            "responses": responses,
            "items": [(i, i.rag()) for i in items],
            "can_manage": can_manage_reviews(viewer),
            "can_respond": can_respond(viewer, rec),
            "timeline": timeline,
        },
    )


def item_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form, f = _filter_form(request, TrackedItem.Status.choices)
    items = _visible_items(viewer)
    if f.get("q"):
        items = items.filter(pk__in=matching_ids(viewer, f["q"], "item"))
    if f.get("body"):
        items = items.filter(
            Q(recommendation__review__body=f["body"])
            | Q(meeting__body=f["body"])
            | Q(plan__owning_body=f["body"])
            | Q(plan__overseeing_body=f["body"])
        )
    if f.get("organisation"):
        items = items.filter(
            Q(owner_org=f["organisation"]) | Q(owner_person__organisation=f["organisation"])
        )
    if f.get("status"):
        items = items.filter(status=f["status"])
    # RAG in SQL, so the filter, the count and the page are the database's work.
    if f.get("rag"):
        items = with_rag(items).filter(rag_value=f["rag"])
    page, querystring = paginate_records(
        request,
        items.distinct().order_by("due_date", "pk"),
        lambda rows: rows if f.get("rag") else with_rag(rows),
    )
    page.object_list = [(i, Rag(i.rag_value)) for i in page.object_list]
    return render(
        request,
        "tracker/item_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "total": page.paginator.count,
        },
    )


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item, viewer = get_item_for_user(request, pk)
    can_verify, verify_reason = can_verify_item(viewer, item)
    verifications = item.verifications.select_related("by")
    updates = item.updates.select_related("author").prefetch_related("evidence")
    return render(
        request,
        "tracker/item_detail.html",
        {
            "item": item,
            "rag": item.rag(),
            "updates": updates,
            "verifications": verifications,
            "verification": next(
                (v for v in verifications if v.decision == Verification.Decision.VERIFIED), None
            ),
            "verify_form": VerifyForm() if can_verify else None,
            "can_return": can_return_item(viewer, item)[0],
            "can_update": can_update_item(viewer, item),
            "can_verify": can_verify,
            "verify_reason": verify_reason,
            "can_manage": can_manage_reviews(viewer),
            "timeline": item_timeline(item, with_messages=viewer.is_staff_role),
            "show_verify_panel": viewer.is_authenticated and item.overseeing_body is not None,
        },
    )


def plan_list(request: HttpRequest) -> HttpResponse:
    """Every action plan in one view, across the boards that own them: many plans under
    different boards blur accountability, so they are listed together."""
    viewer = viewer_for(request)
    plans = ActionPlan.objects.visible_to(viewer).select_related("owning_body", "overseeing_body")
    rows = []
    for plan in plans.prefetch_related(Prefetch("items", queryset=_visible_items(viewer))):
        rags = [i.rag() for i in plan.items.all()]
        rows.append((plan, {r: rags.count(r) for r in dict.fromkeys(rags)}))
    return render(request, "tracker/plan_list.html", {"rows": rows})


def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = viewer_for(request)
    plan = get_visible(
        ActionPlan.objects.visible_to(viewer).select_related("owning_body", "overseeing_body"),
        viewer,
        pk,
    )
    items = _visible_items(viewer).filter(plan=plan).order_by("due_date", "pk")
    return render(
        request,
        "tracker/plan_detail.html",
        {
            "plan": plan,
            "items": [(i, i.rag()) for i in items],
            "timeline": combined_timeline((plan, "Action plan")),
        },
    )
