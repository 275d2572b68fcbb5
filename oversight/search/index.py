"""Keeping the search index current: every save or delete of a searchable record
rewrites or removes its entry, whatever made the change (an operation, the importer,
the admin). Signals rather than calls in each write function, so that no write path can
forget the index; `rebuild()` (the `search-index` command) makes it afresh."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from .kinds import KINDS, Kind, kind_of
from .models import SearchEntry


def index_record(kind: Kind, obj) -> None:
    """Write the entry of one record."""
    title, text = kind.words(obj)
    SearchEntry.objects.update_or_create(
        kind=kind.key,
        object_id=obj.pk,
        defaults={"title": title or "", "text": text or "", "body_id": kind.body_id(obj)},
    )


def remove_record(kind: Kind, pk: int) -> None:
    SearchEntry.objects.filter(kind=kind.key, object_id=pk).delete()


def rebuild() -> int:
    """Index every searchable record afresh (the whole table: the index holds restricted
    records too; searches filter them by viewer). Returns how many were indexed."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind in KINDS:
            rows = kind.model.private_objects.select_related(*kind.related).iterator(2000)
            batch = []
            for obj in rows:
                title, text = kind.words(obj)
                batch.append(
                    SearchEntry(
                        kind=kind.key,
                        object_id=obj.pk,
                        title=title or "",
                        text=text or "",
                        body_id=kind.body_id(obj),
                    )
                )
                if len(batch) >= 2000:
                    SearchEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
    return count


def _saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures: the related rows may not be there yet
        return
    if kind := kind_of(sender):
        index_record(kind, instance)


def _deleted(sender, instance, **kwargs) -> None:
    if kind := kind_of(sender):
        remove_record(kind, instance.pk)


def _migrated(sender, app_config=None, **kwargs) -> None:
    """An installation upgraded to a version with search has records but no index yet."""
    if app_config is None or app_config.name != "oversight.search":
        return
    if not SearchEntry.objects.exists() and any(k.model.private_objects.exists() for k in KINDS):
        rebuild()


def connect_signals() -> None:
    for kind in KINDS:
        post_save.connect(_saved, sender=kind.model, dispatch_uid=f"search-save-{kind.key}")
        post_delete.connect(_deleted, sender=kind.model, dispatch_uid=f"search-del-{kind.key}")
    post_migrate.connect(_migrated, dispatch_uid="search-migrated")
