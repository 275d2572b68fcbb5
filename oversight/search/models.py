"""The search index: one entry per searchable record, kept current on every write.

An entry holds the words of a record, restricted or not; it is never shown as it is.
Every search reads the matching entries' records back through the kind's safe manager
(`Model.objects.visible_to(viewer)`), so what a viewer may not see is never in their
results, snippets or counts (`oversight.search.engine`).

The word index itself is the database's own: on SQLite an FTS5 table kept in step with
this one by triggers (porter stemming: "exclusions" finds "exclusion"), on PostgreSQL a
GIN index over `to_tsvector('english', ...)` (migration 0001)."""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    title = models.TextField()
    text = models.TextField(blank=True)
    # The record's body, for the "from this body" filter.
    body_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_once")
        ]
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
