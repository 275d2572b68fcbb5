"""The public site's own pages: home, open data, accessibility statement."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from oversight.directory.models import Body
from oversight.downloads import csv_response
from oversight.tracker.export import LICENCE, export_csv_rows, export_public
from oversight.tracker.models import Recommendation, Review, TrackedItem
from oversight.tracker.rag import Rag, with_rag
from oversight.visibility.viewer import viewer_for

from . import open_data as open_data_mod


def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    # Counted by the database, RAG included: the page costs the same however large the
    # record grows.
    items = with_rag(TrackedItem.objects.visible_to(viewer))
    counts = {r.value: 0 for r in Rag}
    for value, n in (
        items.order_by().values_list("rag_value").annotate(n=Count("pk", distinct=True))
    ):
        counts[value] = n
    return render(
        request,
        "public/home.html",
        {
            "reviews": Review.objects.visible_to(viewer).select_related("body")[:5],
            "recommendation_count": Recommendation.objects.visible_to(viewer).count(),
            "item_count": sum(counts.values()),
            "counts": [(Rag(k), v) for k, v in counts.items()],
        },
    )


def open_data(request: HttpRequest) -> HttpResponse:
    body = _body_asked_for(request)
    return render(
        request,
        "public/open_data.html",
        {
            "dictionary": open_data_mod.CSV_DICTIONARY,
            "licence": LICENCE,
            "licence_url": open_data_mod.LICENCE_URL,
            "last_changed": open_data_mod.last_changed(body),
            "body": body,
            "bodies": Body.objects.filter(is_public=True).order_by("name"),
        },
    )


def _body_asked_for(request: HttpRequest) -> Body | None:
    value = request.GET.get("body", "")
    return open_data_mod.public_body(int(value) if value.isdigit() else None)


def open_data_json(request: HttpRequest) -> HttpResponse:
    # Always the public export, whoever asks: open data is what the public may see.
    body = _body_asked_for(request)
    data = export_public(body_id=body.pk if body else None)
    return JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})


def open_data_csv(request: HttpRequest) -> HttpResponse:
    body = _body_asked_for(request)
    rows = export_csv_rows(export_public(body_id=body.pk if body else None))
    return csv_response(rows, "oversight-recommendations.csv")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")
