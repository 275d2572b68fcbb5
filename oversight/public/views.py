"""The public site's own pages: home, open data, accessibility statement."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from oversight.downloads import csv_response
from oversight.tracker.export import export_csv_rows, export_public
from oversight.tracker.models import Recommendation, Review, TrackedItem
from oversight.tracker.rag import Rag, with_rag
from oversight.visibility.viewer import viewer_for


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
    return render(request, "public/open_data.html")


def open_data_json(request: HttpRequest) -> HttpResponse:
    # Always the public export, whoever asks: open data is what the public may see.
    return JsonResponse(export_public(), json_dumps_params={"indent": 2, "ensure_ascii": False})


def open_data_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(export_csv_rows(), "oversight-recommendations.csv")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")
