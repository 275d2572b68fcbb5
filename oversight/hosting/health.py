"""`/healthz`: whether this process can serve, for a load balancer or a monitor.

It checks the two stores a page may read, the database and the stop-and-search DuckDB
file, and answers 200 when both can be read, 503 when either cannot, with a small JSON
body saying which. A stop-and-search import holding the file is healthy: only those
pages wait for it, so taking the whole site out of a load balancer then would be wrong.
It shows no record and needs no sign-in."""

from __future__ import annotations

import duckdb
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from oversight.stopsearch.store import Store


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def stopsearch_state() -> str:
    """The store's state: "ok"; "empty" when nothing has been imported yet (the pages
    say so, which is healthy); "busy" while an import holds the file (its pages answer
    503 meanwhile); "unavailable" when the file is there but cannot be read as a store."""
    try:
        with Store(settings.STOPSEARCH_DB, read_only=True):
            return "ok"
    except FileNotFoundError:
        return "empty"
    except duckdb.ResourceInUseException:
        return "busy"
    except duckdb.IOException as exc:
        # Another process holding the write lock, or a file that is no store at all.
        return "busy" if "lock" in str(exc).lower() else "unavailable"
    except (ValueError, duckdb.Error):
        return "unavailable"


HEALTHY = {"ok", "empty", "busy"}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_state(), "stopsearch": stopsearch_state()}
    healthy = all(state in HEALTHY for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
