"""Page bench: the pages everyone reads must not slow down as the record grows.

- `page_time_ratio_10x_data`: for the home page, reviews, recommendations, items and
  meetings (as the public sees them), the median time over 10x the content over the
  median over 1x, measured in this run; the worst of the five. 1x is the demo copied
  ten times, so that every list fills its first page of 25 rows (over the demo alone a
  page shows three rows, and the ratio would measure rows drawn, not data grown); 10x
  is the demo copied a hundred times. Target
  <= 1.5: each page runs a fixed number of queries and works out RAG, status, counts
  and the page of rows in the database, and what the public may see is one column of
  each row, kept by the database (docs/decisions/0012), not fourteen joins per row.
- `page_time_ratio_10x_<page>`: each page's own ratio; `page_queries_10x_<page>`: its
  SQL query count over 10x the content, the same as over the demo."""

from __future__ import annotations

import statistics
import time

from bench.django_site import grow, site

PAGES = {
    "home": "/",
    "reviews": "/reviews/",
    "recommendations": "/recommendations/",
    "items": "/items/",
    "meetings": "/meetings/",
}
ROUNDS = 15
BASE = 10  # copies of the demo at 1x


def _measure(client) -> tuple[dict[str, float], dict[str, int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times: dict[str, list[float]] = {name: [] for name in PAGES}
    queries: dict[str, int] = {}
    for _ in range(ROUNDS):
        for name, path in PAGES.items():
            start = time.perf_counter()
            response = client.get(path)
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200, (path, response.status_code)
    for name, path in PAGES.items():
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured)
    return {name: statistics.median(t) for name, t in times.items()}, queries


def run() -> dict[str, float]:
    site()
    from django.test import Client

    client = Client()
    grow(BASE)
    base, base_queries = _measure(client)
    site()
    grow(BASE * 10)
    grown, grown_queries = _measure(client)
    ratios = {name: grown[name] / base[name] for name in PAGES}
    out: dict[str, float] = {"page_time_ratio_10x_data": max(ratios.values())}
    for name in PAGES:
        out[f"page_time_ratio_10x_{name}"] = ratios[name]
    for name in PAGES:
        out[f"page_queries_1x_{name}"] = base_queries[name]
        out[f"page_queries_10x_{name}"] = grown_queries[name]
    return out
