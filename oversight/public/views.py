"""The public site's own pages: home, open data, accessibility statement."""

from __future__ import annotations

import csv
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from oversight.tracker.export import export_csv_rows, export_public
from oversight.tracker.models import Recommendation, Review, TrackedItem
from oversight.tracker.rag import Rag
from oversight.visibility.viewer import viewer_for


def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    items = list(TrackedItem.objects.visible_to(viewer).select_related("recommendation"))
    counts = {r.value: 0 for r in Rag}
    for item in items:
        counts[item.rag().value] += 1
    return render(
        request,
        "public/home.html",
        {
            "reviews": Review.objects.visible_to(viewer).select_related("body")[:5],
            "recommendation_count": Recommendation.objects.visible_to(viewer).count(),
            "item_count": len(items),
            "counts": [(Rag(k), v) for k, v in counts.items()],
        },
    )


def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "public/open_data.html")


def open_data_json(request: HttpRequest) -> HttpResponse:
    # Always the public export, whoever asks: open data is what the public may see.
    return JsonResponse(export_public(), json_dumps_params={"indent": 2, "ensure_ascii": False})


def open_data_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_csv_rows():
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="oversight-recommendations.csv"'
    return response


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")
