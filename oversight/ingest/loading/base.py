"""The loader's machinery: the keys that find an imported record again, and `sync`, which
creates a row or saves only the fields that differ (so a second load writes nothing)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.db import models

from oversight.directory.models import Body, Organisation, normalise_name

from .checking import as_date
from .report import LoadReport


@dataclass(frozen=True)
class Filing:
    """What the officer chose on the review screen about where the records go, over
    what the document says: the body to file them under (an existing one, or a new one
    by name) and the organisation that responds (likewise). Empty: as the document
    says."""

    body: Body | None = None
    new_body: str = ""
    responder: Organisation | None = None
    new_responder: str = ""

    @property
    def body_chosen(self) -> bool:
        return self.body is not None or bool(self.new_body.strip())


def text_hash(value: str) -> str:
    """Short, stable hash of a text, tolerant of case, spacing and punctuation."""
    return hashlib.sha1(normalise_name(value).encode("utf-8")).hexdigest()[:12]


def slug(value: str, limit: int = 60) -> str:
    return normalise_name(value).replace(" ", "-")[:limit] or "-"


def document_key(data: dict) -> str:
    doc = data["document"]
    digest = text_hash(f"{doc['kind']}|{doc['title'] or ''}|{doc['date'] or ''}")
    return f"doc:{doc['kind']}:{doc['date'] or 'undated'}:{digest}"


def _same(obj: models.Model, name: str, value) -> bool:
    f = obj._meta.get_field(name)
    current = getattr(obj, f.attname)
    if f.is_relation:
        return current == (value.pk if value is not None else None)
    return current == value


class LoaderBase:
    def __init__(self, data: dict, *, publish: bool, source_name: str, filing: Filing | None):
        self.data = data
        self.publish = publish
        self.source_name = source_name
        self.filing = filing or Filing()
        self.reason = f"Imported from {source_name}" if source_name else "Imported"
        self.report = LoadReport(source=source_name, document_key=document_key(data))
        self.doc = data["document"]
        self.doc_date = as_date(self.doc["date"])
        self.used_keys: set[str] = set()

    def unique_key(self, key: str) -> str:
        """The same natural key twice in one document gets a counter: ':2', ':3'."""
        candidate, n = key, 1
        while candidate in self.used_keys:
            n += 1
            candidate = f"{key}:{n}"
        self.used_keys.add(candidate)
        return candidate[:300]

    def sync(
        self,
        model: type[models.Model],
        kind: str,
        lookup: dict,
        values: dict,
        *,
        on_create: dict | None = None,
        fill: dict | None = None,
    ):
        """Find the row by `lookup` (usually its source_key) or create it. `values` are
        kept equal to the document; `on_create` are set only when creating; `fill` only
        where the row's field is still empty."""
        obj = model._base_manager.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values, **(on_create or {}), **(fill or {}))
            obj._change_reason = self.reason
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            self.report.count(kind, "created")
            return obj, True
        changed = []
        for name, value in values.items():
            if not _same(obj, name, value):
                setattr(obj, name, value)
                changed.append(name)
        for name, value in (fill or {}).items():
            if value is not None and getattr(obj, model._meta.get_field(name).attname) in (
                None,
                "",
            ):
                setattr(obj, name, value)
                changed.append(name)
        if changed:
            obj._change_reason = f"Reloaded: {self.reason[0].lower()}{self.reason[1:]}"
            obj.save(update_fields=[model._meta.get_field(n).name for n in changed])
            self.report.count(kind, "updated")
        else:
            self.report.count(kind, "unchanged")
        return obj, False

    def set_m2m(self, obj, name: str, wanted: list) -> bool:
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            manager.set(wanted)
            return True
        return False
