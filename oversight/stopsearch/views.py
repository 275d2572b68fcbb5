"""The stop-and-search pages, public and signed-in alike (the records are open data).

    /stop-and-search/                              choose an area and a period (GET form)
    /stop-and-search/<area>/?from=YYYY-MM&to=YYYY-MM   the area's dashboard
    /stop-and-search/<area>/<table>.csv?from=..&to=..  one of its tables as CSV

`<area>` is the area's slug (forms.area_slug). Without `from` and `to` an area gets
its default period: its latest 12 complete months (definitions.complete_period: never
opening or closing on a month its force did not publish or that is partial).

Every request opens the DuckDB store read-only and closes it before returning, so an
import (one writing process) only ever waits for a page in flight. Responses when the
figures cannot be shown:
- no store, or nothing imported yet: a page saying so, status 200 (404 for a CSV);
- the store locked by an import: "try again in a minute", status 503, Retry-After: 60;
- an area with no searches: 404, listing the areas there are;
- a bad month, or a period ending before it starts: the form again with a GOV.UK error
  summary and the valid choices kept, status 400 (plain text for a CSV).
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from urllib.parse import urlencode

import duckdb
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from oversight.downloads import csv_writer

from . import dashboard
from .definitions import area_forces, complete_period
from .forms import PeriodForm, area_slug
from .report import Dashboard, build
from .store import Store
from .tables import month_label

DEFAULT_AREA = "Hackney"
DEFAULT_MONTHS = 12
RETRY_AFTER_SECONDS = 60
CACHED_DASHBOARDS = 32


def with_store(*, empty_status: int = 200) -> Callable:
    """Open the store read-only for the view (passed as its second argument), or answer
    with the friendly page when there is none, it is empty, or an import holds it."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                store = Store(settings.STOPSEARCH_DB, read_only=True)
            except FileNotFoundError:
                return _unavailable(request, "empty", empty_status)
            except (duckdb.IOException, duckdb.ResourceInUseException):
                # IOException: another process (an import) holds the write lock.
                # ResourceInUseException: this process has it open for writing.
                return _unavailable(request, "busy", 503)
            with store:
                if dashboard.month_range(store) is None:
                    return _unavailable(request, "empty", empty_status)
                return view(request, store, *args, **kwargs)

        return wrapper

    return decorate


def _unavailable(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    response = render(request, "stopsearch/unavailable.html", {"reason": reason}, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class _Choices:
    """What the form offers: the areas with searches and every month imported."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # Every area with located searches has its covering force: the cheap way to
        # list them. Looked up once: the landing page wants every area's default period.
        self.covering = area_forces(store)
        self.areas = sorted(self.covering)
        self.months = dashboard.months_imported(store)
        self.by_slug = {area_slug(a): a for a in self.areas}
        self.published: dict[str, list[str]] = {}
        self._counts: dict[str, dict[str, int]] | None = None

    def form(self, data: dict | None = None, initial: dict | None = None) -> PeriodForm:
        return PeriodForm(data, initial=initial, areas=self.areas, months=self.months)

    def default_area(self) -> str:
        return DEFAULT_AREA if DEFAULT_AREA in self.areas else self.areas[0]

    def default_period(self, area: str) -> tuple[str, str]:
        """The area's latest DEFAULT_MONTHS complete months (definitions.complete_period)
        of what its force published (all months imported if it has no force)."""
        force = self.covering.get(area)
        if force is not None and force not in self.published:
            self.published[force] = sorted(dashboard.force_months(self.store, [force]))
        published = self.published.get(force) or self.months
        if self._counts is None:
            # Looked up once for every area: the landing page wants them all.
            self._counts = dashboard.searches_by_area_and_month(self.store)
        return complete_period(self._counts.get(area, {}), published, DEFAULT_MONTHS)


_cache: OrderedDict[tuple, Dashboard] = OrderedDict()
_cache_lock = threading.Lock()


def _dashboard(store: Store, area: str, month_from: str, month_to: str) -> Dashboard:
    """report.build(), remembered for the last CACHED_DASHBOARDS requests: a page and
    its CSV downloads ask for the same figures. Keyed by the store file's size and
    modification time (and its write-ahead log's), so an import invalidates it."""
    stamp = tuple(
        (p.stat().st_size, p.stat().st_mtime_ns) if p.exists() else None
        for p in (store.path, Path(f"{store.path}.wal"))
    )
    key = (str(store.path.resolve()), stamp, area, month_from, month_to)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    built = build(store, area, month_from, month_to)
    with _cache_lock:
        _cache[key] = built
        while len(_cache) > CACHED_DASHBOARDS:
            _cache.popitem(last=False)
    return built


def _dashboard_url(area: str, month_from: str, month_to: str) -> str:
    query = urlencode({"from": month_from, "to": month_to})
    return f"{reverse('stopsearch:dashboard', args=[area_slug(area)])}?{query}"


def _form_page(request: HttpRequest, choices: _Choices, form: PeriodForm, status: int = 200):
    areas = []
    for row in dashboard.areas(choices.store):
        start, end = choices.default_period(row["area"])
        areas.append(
            {
                **row,
                "url": _dashboard_url(row["area"], start, end),
                "searches": f"{row['searches']:,}",
                "first_month": month_label(row["first_month"]),
                "last_month": month_label(row["last_month"]),
            }
        )
    return render(request, "stopsearch/index.html", {"form": form, "areas": areas}, status=status)


@with_store()
def index(request: HttpRequest, store: Store) -> HttpResponse:
    """The form; submitted (any of area, from, to given), go to the dashboard."""
    choices = _Choices(store)
    if not any(key in request.GET for key in ("area", "from", "to")):
        area = choices.default_area()
        start, end = choices.default_period(area)
        initial = {"area": area_slug(area), "from": start, "to": end}
        return _form_page(request, choices, choices.form(initial=initial))
    form = choices.form(request.GET)
    if not form.is_valid():
        return _form_page(request, choices, form, status=400)
    return redirect(_dashboard_url(form.area, form.cleaned_data["from"], form.cleaned_data["to"]))


def _period(request: HttpRequest, choices: _Choices, area: str) -> PeriodForm:
    """The area and the period asked for, as a bound form: `from` and `to` as given,
    or the area's default period when neither is."""
    if "from" in request.GET or "to" in request.GET:
        month_from, month_to = request.GET.get("from", ""), request.GET.get("to", "")
    else:
        month_from, month_to = choices.default_period(area)
    return choices.form({"area": area_slug(area), "from": month_from, "to": month_to})


def _area(choices: _Choices, slug: str) -> str | None:
    return choices.by_slug.get(slug)


def _unknown_area(request: HttpRequest, choices: _Choices, slug: str) -> HttpResponse:
    areas = [
        {"area": a, "url": reverse("stopsearch:dashboard", args=[area_slug(a)])}
        for a in choices.areas
    ]
    return render(
        request, "stopsearch/unknown_area.html", {"slug": slug, "areas": areas}, status=404
    )


@with_store()
def area_dashboard(request: HttpRequest, store: Store, area: str) -> HttpResponse:
    choices = _Choices(store)
    name = _area(choices, area)
    if name is None:
        return _unknown_area(request, choices, area)
    form = _period(request, choices, name)
    if not form.is_valid():
        return _form_page(request, choices, form, status=400)
    month_from, month_to = form.cleaned_data["from"], form.cleaned_data["to"]
    report = _dashboard(store, name, month_from, month_to)
    query = urlencode({"from": month_from, "to": month_to})
    return render(
        request,
        "stopsearch/dashboard.html",
        {
            "dashboard": report,
            "form": form,
            "query": query,
            "csv_base": reverse("stopsearch:dashboard", args=[area_slug(name)]),
        },
    )


@with_store(empty_status=404)
def table_csv(request: HttpRequest, store: Store, area: str, table: str) -> HttpResponse:
    choices = _Choices(store)
    name = _area(choices, area)
    if name is None:
        raise Http404(f"No stop-and-search data for an area called {area!r}")
    form = _period(request, choices, name)
    if not form.is_valid():
        problems = "; ".join(e for errors in form.errors.values() for e in errors)
        return HttpResponse(f"{problems}\n", status=400, content_type="text/plain; charset=utf-8")
    month_from, month_to = form.cleaned_data["from"], form.cleaned_data["to"]
    tables = _dashboard(store, name, month_from, month_to).tables()
    if table not in tables:
        raise Http404(f"No table called {table!r}; there are {', '.join(tables)}")
    buffer = io.StringIO()
    csv_writer(buffer).writerows(tables[table].csv_rows())
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"stop-and-search-{area_slug(name)}-{month_from}-to-{month_to}-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
