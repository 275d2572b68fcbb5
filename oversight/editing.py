"""Edits that do not lose each other's changes.

Every edit form carries the version of the record it was read at: the id of the
record's newest history row (django-simple-history writes one on every save). Saving
locks the row and compares three values of each field: as the form read it, as saved
now, and as the user sent it. A field only the user changed is saved; a field only
someone else changed keeps their value; a field both changed differently refuses the
save, with both values shown, and nothing is written. A form without its version is
refused too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from django.db import models, transaction
from django.http import HttpRequest

M = TypeVar("M", bound=models.Model)


def version_of(record: models.Model) -> int:
    """The record's current version: its newest history row's id (0 before any)."""
    return record.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0


@dataclass
class FieldClash:
    label: str
    theirs: str
    yours: str


@dataclass
class EditConflict(Exception):
    """Someone saved the record after the form was read. `version` is the version now,
    for the form to carry if the user saves again having seen their change."""

    clashes: list[FieldClash] = field(default_factory=list)
    by: str = ""
    at: datetime | None = None
    version: int = 0

    def __str__(self) -> str:
        return "Someone else changed this record after you opened it."


def _shown(record: models.Model, name: str) -> str:
    value = getattr(record, name)
    return "–" if value in (None, "") else str(value)


def posted_version(request: HttpRequest) -> int | None:
    """The version an edit form was read at, as it came back; None when missing."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _merged(record: models.Model, read_version: int | None, values: dict[str, Any]):
    """Lock `record`'s row (inside the caller's transaction) and return it with the
    values to write: all of `values` when nobody saved since `read_version`, else only
    those the user changed. EditConflict when the user and someone else changed the
    same field differently, or when the form carried no version. Keys that are not
    fields of the model (a form's own inputs) are passed on as sent."""
    model = type(record)
    # The view has checked the viewer may edit it; the write reads the row itself.
    rows = getattr(model, "private_objects", model._default_manager)
    current = rows.select_for_update().get(pk=record.pk)
    now = version_of(current)
    changes = dict(values)
    if read_version == now:
        return current, changes
    read = current.history.filter(history_id=read_version).first() if read_version else None
    fields = {f.name for f in model._meta.concrete_fields}
    clashes = []
    for name, value in values.items():
        if name not in fields:
            continue
        attname = model._meta.get_field(name).attname
        mine = model(**{name: value})
        ours, theirs = getattr(mine, attname), getattr(current, attname)
        before = getattr(read, attname) if read is not None else theirs
        if read is not None and ours == before:
            del changes[name]  # the user left it alone: keep what is saved now
        elif ours != theirs and theirs != before:
            label = model._meta.get_field(name).verbose_name.capitalize()
            clashes.append(FieldClash(label, _shown(current, name), _shown(mine, name)))
    if clashes or read is None:
        latest = current.history.select_related("history_user").first()
        user = latest.history_user if latest else None
        person = getattr(user, "person", None) if user else None
        raise EditConflict(
            clashes,
            by=person.name if person else (user.get_username() if user else "someone"),
            at=latest.history_date if latest else None,
            version=now,
        )
    return current, changes


@transaction.atomic
def save_edit(
    record: models.Model,
    *,
    read_version: int | None,
    values: dict[str, Any],
    m2m: dict[str, Any] | None = None,
    reason: str,
) -> models.Model:
    """Set `values` (and many-to-many `m2m`, not compared) on `record` and save it,
    merging with changes saved since `read_version`; EditConflict when the user and
    someone else changed the same field differently."""
    current, changes = _merged(record, read_version, values)
    for name, value in changes.items():
        setattr(current, name, value)
    current._change_reason = reason
    current.save()
    for name, value in (m2m or {}).items():
        getattr(current, name).set(value)
    return current


@transaction.atomic
def edit_through(
    record: M, *, read_version: int | None, values: dict[str, Any], write: Callable[..., M]
) -> M:
    """Like save_edit, for records whose operation checks and saves them itself:
    `write(record, **changes)` runs in the same transaction, on the locked row, with
    the merged values (EditConflict as save_edit, and then nothing is written)."""
    current, changes = _merged(record, read_version, values)
    return write(current, **changes)
