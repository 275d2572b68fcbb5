"""A throwaway Oversight site for the benchmarks that need the database: a fresh SQLite
file in a temporary folder, migrated, the demo loaded through the real importer.
Set up once per `make bench` run; each bench adds what it measures."""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import shutil
import tempfile
from pathlib import Path

_state: dict = {}


def site() -> Path:
    """Django set up on a database holding the demo and nothing else (each bench starts
    from the same demo, whatever the one before added); returns its folder."""
    if "dir" in _state:
        from django.db import connections

        connections.close_all()
        shutil.copyfile(_state["snapshot"], _state["db"])
        return _state["dir"]
    folder = Path(tempfile.mkdtemp(prefix="oversight-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ["OVERSIGHT_WORK_DIR"] = str(folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
    # The bench's standard error is for its progress, not a line per request.
    os.environ.setdefault("LOG_LEVEL_ACTIVITY", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = folder / "media"
    settings.ALLOWED_HOSTS = ["*"]
    # The bench's standard output is its figures only.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", verbosity=0, interactive=False)
        # Pages are served as a live site serves them: static files gathered, hashed.
        call_command("collectstatic", verbosity=0, interactive=False)
        call_command("demo", verbosity=0, stdout=io.StringIO())
    from django.db import connections

    connections.close_all()
    _state.update(dir=folder, db=folder / "bench.sqlite3", snapshot=folder / "demo.sqlite3")
    shutil.copyfile(_state["db"], _state["snapshot"])
    return folder


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


def grow(times: int) -> None:
    """Make the content `times` the demo's: its reviews (with their recommendations,
    responses, commitments and questions) and meetings (with agenda items) copied,
    linked to each other's copies, then the search index rebuilt."""
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
