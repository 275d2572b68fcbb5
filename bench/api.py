"""API bench: the open-data API's list endpoints must not run more SQL as data grows.

- `api_queries_10x_ratio`: for each list endpoint (reviews, recommendations, items,
  meetings, indicators), the SQL queries of a full page over 10x the demo content over
  the same over the demo alone, measured in this run; the worst of them. Target 1.0.
- `api_queries_<endpoint>`: that endpoint's queries over 10x the content."""

from __future__ import annotations

from bench.django_site import grow, site

ENDPOINTS = ["reviews", "recommendations", "items", "meetings", "indicators"]


def _queries(client) -> dict[str, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name in ENDPOINTS:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/api/v1/{name}/", {"limit": 100})
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(captured)
    return counts


def run() -> dict[str, float]:
    site()
    from django.test import Client

    client = Client()
    base = _queries(client)
    grow(10)
    grown = _queries(client)
    out: dict[str, float] = {
        "api_queries_10x_ratio": max(grown[n] / base[n] for n in ENDPOINTS),
    }
    for name in ENDPOINTS:
        out[f"api_queries_{name}"] = grown[name]
    return out
