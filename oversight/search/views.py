"""The search page: anyone may search; each sees only what they may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from oversight.directory.models import Body
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import viewer_for

from . import engine
from .kinds import BY_KEY, KINDS

# Without a kind chosen, the best few of each kind, each with a link to all of them.
PER_GROUP = 5
MAX_QUERY = 200


def search(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    kind = request.GET.get("kind", "")
    kind = kind if kind in BY_KEY else ""
    body_id = _body_id(request.GET.get("body", ""))
    found = engine.search(viewer, q, kind=kind or None, body_id=body_id) if q else engine.Found()
    context = {
        "q": q,
        "kind": kind,
        "body_id": body_id,
        "bodies": Body.objects.order_by("name"),
        "kinds": [(k.key, k.label, found.counts.get(k.key, 0)) for k in KINDS],
        "found": found,
        "searched": bool(q),
    }
    if kind:
        page, querystring = paginate(request, found.matches)
        context.update(page_obj=page, querystring=querystring)
        context["results"] = _results(q, list(page), viewer)
    else:
        best: list[engine.Match] = []
        for k in KINDS:
            best += [m for m in found.matches if m.kind == k.key][:PER_GROUP]
        results = _results(q, best, viewer)
        context["groups"] = [
            (k.key, k.label, found.counts.get(k.key, 0), [r for r in results if r["kind"] == k.key])
            for k in KINDS
            if found.counts.get(k.key)
        ]
    return render(request, "search/results.html", context)


def _body_id(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _results(q: str, matches: list[engine.Match], viewer) -> list[dict]:
    """Each match with its link, its highlighted title and passage, and its body."""
    marked = engine.highlights(q, [m.entry_id for m in matches])
    records = {}
    for key in {m.kind for m in matches}:
        kind = BY_KEY[key]
        ids = [m.object_id for m in matches if m.kind == key]
        rows = kind.model.objects.visible_to(viewer).select_related(*kind.related)
        records.update({(key, r.pk): r for r in rows.filter(pk__in=ids)})
    out = []
    for m in matches:
        record = records.get((m.kind, m.object_id))
        if record is None:
            continue
        title, passage = marked.get(m.entry_id, ("", ""))
        out.append(
            {
                "kind": m.kind,
                "label": BY_KEY[m.kind].label,
                "url": BY_KEY[m.kind].url(record),
                "title": title or str(record),
                "passage": passage,
                "record": record,
            }
        )
    return out
