"""Searching: one interface over the database's own full-text search.

`search(viewer, text, kind=None, body_id=None)` finds the entries matching every term
of `text`, best first, and keeps those whose records the viewer may see (read back
through each kind's safe manager), so restricted records are never in results or
counts. `highlights(text, entry_ids)` gives the matching passage of each entry, with
the matched words marked, for the page of results shown.

Terms: each word is matched by its stem ("exclusions" finds "exclusion"); a quoted
phrase or a hyphenated word ("stop-and-search") is matched as a phrase, so it finds
"stop and search". On SQLite this is FTS5 with the porter stemmer; on PostgreSQL its
full-text search with the English configuration."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from oversight.visibility.viewer import Viewer

from .kinds import BY_KEY, KINDS
from .models import SearchEntry

# Marks around matched words, from the private-use area so no text holds them.
_OPEN, _CLOSE = "\ue000", "\ue001"
# Enough for any council's record; beyond it the counts say "at least".
MAX_MATCHES = 5000
_MAX_TERMS = 12
_QUOTED = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1


def terms(text: str) -> list[Term]:
    """The terms of what a person typed: quoted phrases, hyphenated words as phrases,
    other words one by one. Punctuation and search syntax are not passed on."""
    out: list[Term] = []
    for quoted in _QUOTED.findall(text):
        if words := tuple(_WORD.findall(quoted)):
            out.append(Term(words))
    for token in _QUOTED.sub(" ", text).split():
        if words := tuple(_WORD.findall(token)):
            out.append(Term(words))
    return [Term(tuple(w[:40] for w in t.words)) for t in out[:_MAX_TERMS]]


@dataclass(frozen=True)
class Match:
    entry_id: int
    kind: str
    object_id: int


@dataclass
class Found:
    """The visible matches, best first, and how many of each kind."""

    matches: list[Match] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    capped: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def search(viewer: Viewer, text: str, kind: str | None = None, body_id: int | None = None) -> Found:
    found_terms = terms(text)
    if not found_terms:
        return Found()
    rows = _backend().ranked(found_terms, body_id)
    capped = len(rows) >= MAX_MATCHES
    visible = _visible(viewer, rows)
    matches = [m for m in rows if (m.kind, m.object_id) in visible]
    counts = {k.key: 0 for k in KINDS}
    for m in matches:
        counts[m.kind] += 1
    if kind:
        matches = [m for m in matches if m.kind == kind]
    return Found(matches, {k: n for k, n in counts.items() if n}, capped)


def matching_ids(viewer: Viewer, text: str, kind: str) -> list[int]:
    """The ids of one kind's records matching `text` that the viewer may see, best
    first: for a list page's own search box."""
    return [m.object_id for m in search(viewer, text, kind=kind).matches]


def highlights(text: str, entry_ids: list[int]) -> dict[int, tuple[SafeString, SafeString]]:
    """(title, passage) of each entry, escaped, the matched words in <mark>."""
    found_terms = terms(text)
    if not found_terms or not entry_ids:
        return {}
    raw = _backend().highlighted(found_terms, entry_ids)
    return {pk: (_marked(title), _marked(passage)) for pk, (title, passage) in raw.items()}


def _marked(text: str) -> SafeString:
    html = escape(text or "").replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
    return mark_safe(html)  # escaped above: only our own marks are markup


def _visible(viewer: Viewer, rows: list[Match]) -> set[tuple[str, int]]:
    by_kind: dict[str, list[int]] = {}
    for m in rows:
        by_kind.setdefault(m.kind, []).append(m.object_id)
    out: set[tuple[str, int]] = set()
    for key, ids in by_kind.items():
        model = BY_KEY[key].model
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            visible = (
                model.objects.visible_to(viewer).filter(pk__in=chunk).values_list("pk", flat=True)
            )
            out.update((key, pk) for pk in visible)
    return out


class _Sqlite:
    @staticmethod
    def _match(found_terms: list[Term]) -> str:
        return " AND ".join('"' + " ".join(t.words) + '"' for t in found_terms)

    def ranked(self, found_terms: list[Term], body_id: int | None) -> list[Match]:
        sql = (
            "SELECT e.id, e.kind, e.object_id FROM search_searchentry_fts f "
            "JOIN search_searchentry e ON e.id = f.rowid "
            "WHERE search_searchentry_fts MATCH %s"
        )
        params: list = [self._match(found_terms)]
        if body_id is not None:
            sql += " AND e.body_id = %s"
            params.append(body_id)
        sql += " ORDER BY bm25(search_searchentry_fts, 4.0, 1.0), e.id LIMIT %s"
        params.append(MAX_MATCHES)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Match(*row) for row in cursor.fetchall()]

    def highlighted(self, found_terms: list[Term], entry_ids: list[int]) -> dict:
        marks = ", ".join(["%s"] * len(entry_ids))
        sql = (
            "SELECT f.rowid, highlight(search_searchentry_fts, 0, %s, %s), "
            "snippet(search_searchentry_fts, 1, %s, %s, '…', 30) "
            "FROM search_searchentry_fts f "
            f"WHERE search_searchentry_fts MATCH %s AND f.rowid IN ({marks})"
        )
        params = [_OPEN, _CLOSE, _OPEN, _CLOSE, self._match(found_terms), *entry_ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


class _Postgres:
    @staticmethod
    def _query(found_terms: list[Term]):
        from django.contrib.postgres.search import SearchQuery

        query = None
        for t in found_terms:
            part = SearchQuery(
                " ".join(t.words), search_type="phrase" if t.phrase else "plain", config="english"
            )
            query = part if query is None else query & part
        return query

    @staticmethod
    def _vector():
        from django.contrib.postgres.search import SearchVector

        # The same expression as the GIN index of migration 0001.
        return SearchVector("title", weight="A", config="english") + SearchVector(
            "text", weight="B", config="english"
        )

    def ranked(self, found_terms: list[Term], body_id: int | None) -> list[Match]:
        from django.contrib.postgres.search import SearchRank

        query = self._query(found_terms)
        rows = SearchEntry.objects.annotate(vector=self._vector()).filter(vector=query)
        # PostgreSQL's phrases skip stop words by position, so "stop and search" would
        # also match "stop the search": the words must stand in order, each as a stem.
        for t in found_terms:
            if t.phrase:
                pattern = r"(^|\W)" + r"\w*\W+".join(re.escape(w) for w in t.words)
                rows = rows.filter(Q(title__iregex=pattern) | Q(text__iregex=pattern))
        if body_id is not None:
            rows = rows.filter(body_id=body_id)
        rows = rows.annotate(rank=SearchRank(self._vector(), query)).order_by("-rank", "id")
        return [Match(*r) for r in rows.values_list("id", "kind", "object_id")[:MAX_MATCHES]]

    def highlighted(self, found_terms: list[Term], entry_ids: list[int]) -> dict:
        from django.contrib.postgres.search import SearchHeadline

        query = self._query(found_terms)
        marks = {"start_sel": _OPEN, "stop_sel": _CLOSE, "config": "english"}
        rows = SearchEntry.objects.filter(pk__in=entry_ids).annotate(
            title_hl=SearchHeadline("title", query, highlight_all=True, **marks),
            text_hl=SearchHeadline("text", query, max_words=35, min_words=15, **marks),
        )
        return {r.pk: (r.title_hl, r.text_hl) for r in rows}


def _backend():
    return _Postgres() if connection.vendor == "postgresql" else _Sqlite()
