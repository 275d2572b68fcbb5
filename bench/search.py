"""Search bench: the search page over the demo and over ten times the demo.

- `search_ms_p50`: the median time, in milliseconds, of the public search page
  (`/search/?q=...`, found, filtered by viewer, highlighted and rendered) for a set of
  queries a member of the public would type, over 10x the demo content.
- `search_time_ratio_10x_data`: that median over the same median on the demo alone,
  measured in this run. Target <= 3.

The 10x content is the demo's own records copied nine times (reviews with their
recommendations, responses, commitments and questions; meetings with their agenda
items), then indexed afresh, so the words searched are the demo's words."""

from __future__ import annotations

import statistics
import time

from bench.django_site import grow, site

QUERIES = [
    "exclusions",
    "stop-and-search",
    "Child Q",
    "youth",
    '"body-worn video"',
    "police training",
    "school",
    "mental health",
]
ROUNDS = 5


def _median_ms(client) -> float:
    times = []
    for _ in range(ROUNDS):
        for q in QUERIES:
            start = time.perf_counter()
            response = client.get("/search/", {"q": q})
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (q, response.status_code)
    return statistics.median(times)


def run() -> dict[str, float]:
    site()
    from django.test import Client

    from oversight.search.models import SearchEntry
    from oversight.tracker.models import Review

    client = Client()
    before_entries = SearchEntry.objects.count()
    base = _median_ms(client)
    grow(10)
    assert Review.private_objects.count() % 10 == 0
    grown_entries = SearchEntry.objects.count()
    grown = _median_ms(client)
    return {
        "search_entries_1x": before_entries,
        "search_entries_10x": grown_entries,
        "search_ms_p50_1x": base,
        "search_ms_p50": grown,
        "search_time_ratio_10x_data": grown / base,
    }
