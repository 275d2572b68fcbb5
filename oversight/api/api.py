"""The read-only open-data API at /api/v1/ (Django Ninja; docs/decisions/0007-api.md).

Public data only: every query starts from `objects`, which holds only what the public
may see, whoever asks; there is no sign-in and nothing to write. Lists are paged
(`limit`, `offset`; at most 100), filtered by their query parameters, and cost the same
number of SQL queries however many records there are. The OpenAPI 3 description is at
/api/v1/schema/ and described for people at /api/v1/."""

import re

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from oversight.indicators.models import Indicator, Value
from oversight.meetings.models import AgendaItem, Decision, Meeting
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem, Update
from oversight.tracker.rag import with_rag
from oversight.tracker.status import status_expression
from oversight.visibility.viewer import PUBLIC

from . import schemas as s

api = NinjaAPI(
    title="Oversight open data API",
    version="1",
    description=(
        "Every published review, recommendation, response, commitment and action, meeting "
        "and indicator, and the police's stop-and-search figures, under the Open Government "
        "Licence v3.0. Read-only; restricted records are never included."
    ),
    urls_namespace="api",
    docs_url=None,  # the human page is ours (no script from elsewhere: see the CSP)
    openapi_url="/schema/",
)


class Paged(LimitOffsetPagination):
    class Input(Schema):
        limit: int = 25
        offset: int = 0

    def paginate_queryset(self, queryset, pagination, request=None, **params):
        limit = max(1, min(pagination.limit, 100))
        offset = max(0, pagination.offset)
        return {"items": queryset[offset : offset + limit], "count": queryset.count()}


class _Rows:
    """Records written out by `write`, paged in the database like a query set."""

    def __init__(self, rows, write):
        self.rows, self.write = rows, write

    def count(self) -> int:
        return self.rows.count()

    def __getitem__(self, window: slice) -> list[dict]:
        return [self.write(r) for r in self.rows[window]]


class ReviewFilters(Schema):
    body: int | None = None


@api.get("/reviews/", response=list[s.ReviewOut], tags=["reviews"], summary="Reviews")
@paginate(Paged)
def reviews(request, filters: Query[ReviewFilters]):
    rows = Review.objects.select_related("body").order_by("-date", "pk")
    return _Rows(rows.filter(body_id=filters.body) if filters.body else rows, _review_out)


@api.get("/reviews/{review_id}/", response=s.ReviewOut, tags=["reviews"], summary="One review")
def review(request, review_id: int):
    return _review_out(get_object_or_404(Review.objects.select_related("body"), pk=review_id))


def _review_out(r: Review) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "body": r.body.name,
        "body_id": r.body_id,
        "date": r.date,
        "summary": r.summary,
    }


class RecommendationFilters(Schema):
    body: int | None = None
    review: int | None = None
    status: str | None = None


def _recommendations():
    return (
        Recommendation.objects.annotate(status_value=status_expression(PUBLIC))
        .prefetch_related(
            Prefetch("responses", queryset=Response.objects.select_related("organisation"))
        )
        .order_by("review_id", "position", "pk")
    )


@api.get(
    "/recommendations/",
    response=list[s.RecommendationOut],
    tags=["recommendations"],
    summary="Recommendations with their responses",
)
@paginate(Paged)
def recommendations(request, filters: Query[RecommendationFilters]):
    rows = _recommendations()
    if filters.body:
        rows = rows.filter(review__body_id=filters.body)
    if filters.review:
        rows = rows.filter(review_id=filters.review)
    if filters.status:
        rows = rows.filter(status_value=filters.status)
    return _Rows(rows, _recommendation_out)


@api.get(
    "/recommendations/{rec_id}/",
    response=s.RecommendationOut,
    tags=["recommendations"],
    summary="One recommendation",
)
def recommendation(request, rec_id: int):
    return _recommendation_out(get_object_or_404(_recommendations(), pk=rec_id))


def _recommendation_out(r: Recommendation) -> dict:
    return {
        "id": r.pk,
        "review_id": r.review_id,
        "number": r.number or None,
        "title": r.title or None,
        "text": r.text,
        "status": r.status_value,
        "responses": [
            {
                "id": x.pk,
                "responder": x.responder,
                "organisation": x.organisation.name if x.organisation_id else None,
                "position": x.position or None,
                "text": x.text,
                "date": x.date,
            }
            for x in r.responses.all()
        ],
    }


class ItemFilters(Schema):
    body: int | None = None
    recommendation: int | None = None
    rag: str | None = None
    status: str | None = None
    organisation: int | None = None


def _items():
    latest = Update.objects.filter(item=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        with_rag(TrackedItem.objects.select_related("owner_person", "owner_org"))
        .annotate(
            latest_update=Subquery(latest.values("narrative")[:1]),
            latest_update_at=Subquery(latest.values("created_at")[:1]),
        )
        .order_by("due_date", "pk")
    )


@api.get(
    "/items/",
    response=list[s.ItemOut],
    tags=["items"],
    summary="Commitments and actions with their latest update and RAG",
)
@paginate(Paged)
def items(request, filters: Query[ItemFilters]):
    rows = _items()
    if filters.body:
        b = filters.body
        rows = rows.filter(
            Q(recommendation__review__body_id=b) | Q(meeting__body_id=b) | Q(plan__owning_body_id=b)
        )
    if filters.recommendation:
        rows = rows.filter(recommendation_id=filters.recommendation)
    if filters.rag:
        rows = rows.filter(rag_value=filters.rag)
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.organisation:
        rows = rows.filter(owner_org_id=filters.organisation)
    return _Rows(rows, _item_out)


@api.get("/items/{item_id}/", response=s.ItemOut, tags=["items"], summary="One item")
def item(request, item_id: int):
    return _item_out(get_object_or_404(_items(), pk=item_id))


def _item_out(i: TrackedItem) -> dict:
    return {
        "id": i.pk,
        "text": i.text,
        "origin": i.origin,
        "owner": i.owner_label if (i.owner_person_id or i.owner_org_id) else None,
        "due": i.due_iso(),
        "status": i.status,
        "progress": i.progress,
        "rag": i.rag_value,
        "verified": i.verified_at is not None,
        "latest_update": i.latest_update,
        "latest_update_on": i.latest_update_at.date() if i.latest_update_at else None,
        "recommendation_id": i.recommendation_id,
        "meeting_id": i.meeting_id,
    }


class MeetingFilters(Schema):
    body: int | None = None


def _meetings():
    return (
        Meeting.objects.select_related("body")
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position", "pk")),
            Prefetch("decisions", queryset=Decision.objects.all()),
        )
        .order_by("-date", "pk")
    )


def _meeting_out(m: Meeting) -> dict:
    return {
        "id": m.pk,
        "body": m.body.name,
        "body_id": m.body_id,
        "title": str(m),
        "date": m.date,
        "start": m.start.strftime("%H:%M") if m.start else None,
        "end": m.end.strftime("%H:%M") if m.end else None,
        "venue": m.venue,
        "status": m.status,
        "minutes_approved_on": m.minutes_approved_on,
        "agenda": [
            {
                "id": a.pk,
                "number": a.number or None,
                "title": a.title,
                "start": a.start.strftime("%H:%M") if a.start else None,
                "duration_minutes": a.duration_minutes,
            }
            for a in m.agenda_items.all()
        ],
        "decisions": [d.text for d in m.decisions.all()] if m.minutes_approved_on else [],
    }


@api.get("/meetings/", response=list[s.MeetingOut], tags=["meetings"], summary="Meetings")
@paginate(Paged)
def meetings(request, filters: Query[MeetingFilters]):
    rows = _meetings()
    return _Rows(rows.filter(body_id=filters.body) if filters.body else rows, _meeting_out)


@api.get("/meetings/{meeting_id}/", response=s.MeetingOut, tags=["meetings"], summary="One meeting")
def meeting(request, meeting_id: int):
    return _meeting_out(get_object_or_404(_meetings(), pk=meeting_id))


def _indicators():
    return (
        Indicator.objects.select_related("body")
        .prefetch_related(
            Prefetch(
                "values",
                queryset=Value.objects.select_related("benchmark").order_by("period_start", "pk"),
            )
        )
        .order_by("name", "pk")
    )


def _indicator_out(i: Indicator) -> dict:
    return {
        "slug": i.slug,
        "name": i.name,
        "unit": i.unit,
        "better": i.better,
        "frequency": i.frequency,
        "body": i.body.name if i.body_id else None,
        "source": i.source,
        "values": [
            {
                "period": v.period_label,
                "period_start": v.period_start,
                "area": v.area,
                "breakdown_dimension": v.breakdown_dimension,
                "breakdown_value": v.breakdown_value,
                "value": f"{v.value.normalize():f}",
                "benchmark": v.benchmark.label if v.benchmark_id else "",
                "note": v.note,
            }
            for v in i.values.all()
        ],
    }


@api.get(
    "/indicators/",
    response=list[s.IndicatorOut],
    tags=["indicators"],
    summary="Indicators with their values",
)
@paginate(Paged)
def indicators(request):
    return _Rows(_indicators(), _indicator_out)


@api.get(
    "/indicators/{slug}/", response=s.IndicatorOut, tags=["indicators"], summary="One indicator"
)
def indicator(request, slug: str):
    return _indicator_out(get_object_or_404(_indicators(), slug=slug))


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@api.get(
    "/stop-and-search/{area}/summary/",
    response=s.StopSearchSummaryOut,
    tags=["stop and search"],
    summary="Stop-and-search figures for an area over a period",
)
def stopsearch_summary(request, area: str, month_from: str, month_to: str):
    from oversight.stopsearch.store import Store
    from oversight.stopsearch.summary import summary

    if not (_MONTH.match(month_from) and _MONTH.match(month_to)) or month_from > month_to:
        raise HttpError(
            400, "month_from and month_to are months (YYYY-MM), the first not after the second."
        )
    try:
        store = Store(settings.STOPSEARCH_DB, read_only=True)
    except FileNotFoundError as exc:
        raise HttpError(404, "No stop-and-search data has been imported.") from exc
    with store:
        try:
            figures = summary(store, area, month_from, month_to)
        except (KeyError, LookupError, ValueError) as exc:
            raise HttpError(404, f"No stop-and-search figures for {area!r}.") from exc
    return {"area": area, "month_from": month_from, "month_to": month_to, "summary": figures}
