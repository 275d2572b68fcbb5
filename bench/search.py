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

from bench.django_site import site

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


def _copy(model, rows, **changes) -> dict[int, int]:
    """Copy rows (with `changes` applied, each a function of the row) and return the map
    from each old pk to its copy's pk."""
    made = {}
    for row in rows:
        old = row.pk
        row.pk = row.id = None
        row._state.adding = True
        for field, change in changes.items():
            setattr(row, field, change(row))
        # raw: no index entry or history per copy (the index is rebuilt once after).
        row.save_base(raw=True)
        made[old] = row.pk
    return made


def _grow(times: int) -> None:
    from oversight.meetings.models import AgendaItem, Meeting
    from oversight.search.index import rebuild
    from oversight.tracker.models import Question, Recommendation, Response, Review, TrackedItem

    models = {
        "reviews": Review,
        "recs": Recommendation,
        "responses": Response,
        "items": TrackedItem,
        "questions": Question,
        "meetings": Meeting,
        "agenda": AgendaItem,
    }
    originals = {key: list(model.private_objects.all()) for key, model in models.items()}
    for k in range(1, times):
        _copy_round(k, models, originals)
    rebuild()


def _copy_round(k: int, models: dict, originals: dict) -> None:
    """One more copy of every original record, linked to each other's copies."""

    def copy(key, **changes):
        rows = [_fresh(r) for r in originals[key]]
        return _copy(models[key], rows, source_key=lambda r: "", **changes)

    reviews = copy("reviews", title=lambda r: f"{r.title} ({k})")
    meetings = copy("meetings")
    recs = copy("recs", review_id=lambda r: reviews[r.review_id])
    responses = copy("responses", recommendation_id=lambda r: recs[r.recommendation_id])
    agenda = copy("agenda", meeting_id=lambda a: meetings[a.meeting_id])
    copy(
        "items",
        recommendation_id=lambda i: recs.get(i.recommendation_id),
        response_id=lambda i: responses.get(i.response_id),
        review_id=lambda i: reviews.get(i.review_id),
        meeting_id=lambda i: meetings.get(i.meeting_id),
        agenda_item_id=lambda i: agenda.get(i.agenda_item_id),
        verified_by_id=lambda i: None,
        verified_at=lambda i: None,
    )
    copy(
        "questions",
        review_id=lambda q: reviews.get(q.review_id),
        meeting_id=lambda q: meetings.get(q.meeting_id),
    )


def _fresh(row):
    """A detached copy of a fetched row, so the originals stay as they were."""
    import copy

    return copy.copy(row)


def run() -> dict[str, float]:
    site()
    from django.test import Client

    from oversight.search.models import SearchEntry
    from oversight.tracker.models import Review

    client = Client()
    before_entries = SearchEntry.objects.count()
    base = _median_ms(client)
    _grow(10)
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
