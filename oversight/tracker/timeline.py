"""A record's timeline: every change kept by django-simple-history, plus the
append-only updates, verifications and messages sent about it, newest first. Read-only
by construction: the app has no view that edits or deletes history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.timezone import localtime

from .models import TrackedItem, Verification

# Fields whose changes mean nothing to a reader.
_HIDDEN = {"source_key", "id", "created_at"}


@dataclass
class Change:
    field: str
    before: str
    after: str


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    changes: list[Change] = field(default_factory=list)
    detail: str = ""
    kind: str = "change"


def _who(user) -> str:
    if user is None:
        return "Imported or system change"
    person = getattr(user, "person", None)
    return person.name if person else user.get_username()


def _display(record, name: str) -> str:
    value = getattr(record, name, None)
    field_obj = record._meta.get_field(name)
    if getattr(field_obj, "choices", None):
        return str(dict(field_obj.choices).get(value, value) or "–")
    if field_obj.is_relation:
        related = getattr(record, f"{name}_id", None)
        if related is None:
            return "–"
        try:
            return str(getattr(record, name))
        except Exception:  # the related row was deleted since; history keeps the id
            return f"#{related}"
    if isinstance(value, datetime):
        return localtime(value).strftime("%-d %B %Y, %H:%M")
    return "–" if value in (None, "") else str(value)


def _change(instance, previous, record, change) -> Change:
    label = instance._meta.get_field(change.field).verbose_name.capitalize()
    if instance._meta.get_field(change.field).many_to_many:
        # simple-history gives many-to-many values as lists of through-table rows.
        return Change(
            label,
            _related_names(instance, change.field, change.old),
            _related_names(instance, change.field, change.new),
        )
    return Change(label, _display(previous, change.field), _display(record, change.field))


def _related_names(instance, name: str, rows) -> str:
    model = instance._meta.get_field(name).related_model
    key = model._meta.model_name
    ids = [row.get(key) for row in rows or []]
    names = [str(o) for o in model.objects.filter(pk__in=ids)]
    return ", ".join(sorted(names)) or "–"


def history_entries(instance, label: str = "") -> list[Entry]:
    """One entry per historical record of `instance`, each with its field changes."""
    entries = []
    records = list(instance.history.all().select_related("history_user").order_by("history_date"))
    previous = None
    for record in records:
        if record.history_type == "+":
            what = f"{label or instance._meta.verbose_name.capitalize()} created"
            changes = []
        elif record.history_type == "-":
            what, changes = f"{label or 'Record'} deleted", []
        else:
            what = record.history_change_reason or "Changed"
            delta = record.diff_against(previous) if previous else None
            changes = [
                _change(instance, previous, record, c)
                for c in (delta.changes if delta else [])
                if c.field not in _HIDDEN
            ]
            if not changes and not record.history_change_reason:
                previous = record
                continue
        entries.append(
            Entry(
                when=record.history_date, who=_who(record.history_user), what=what, changes=changes
            )
        )
        previous = record
    return entries


def item_timeline(item: TrackedItem, *, with_messages: bool = False) -> list[Entry]:
    """The item's history, updates and verifications; with the messages update rounds
    sent about it for those who work on items (chasing is not for the public)."""
    entries = history_entries(item, "Item")
    for update in item.updates.select_related("author", "recorded_by").prefetch_related("evidence"):
        who = update.author.name if update.author else _who(update.recorded_by)
        evidence = ", ".join(str(e) for e in update.evidence.all())
        entries.append(
            Entry(
                when=update.created_at,
                who=who,
                what=f"Update: {update.get_status_display()}, {update.progress}%",
                detail=update.narrative + (f" (Evidence: {evidence})" if evidence else ""),
                kind="update",
            )
        )
    # The item's own history shows that it was verified; these entries add what the
    # verifier wrote: what they checked, or why they returned it.
    for v in item.verifications.select_related("by"):
        returned = v.decision == Verification.Decision.RETURNED
        entries.append(
            Entry(
                when=v.created_at,
                who=v.by.name,
                what="Returned to owner" if returned else "Verified: what was checked",
                detail=v.reason,
                kind="verification",
            )
        )
    # Messages sent about the item by update rounds (oversight/chasing): to whom, what
    # and why. Read through the reverse relation, so the tracker need not know the app.
    messages = item.messages_sent.select_related("recipient", "round__opened_by")
    for m in messages if with_messages else []:
        entries.append(
            Entry(
                when=m.sent_at,
                who=m.round.opened_by.name if m.kind == "opened" else "Sent automatically",
                what=f"{m.get_kind_display()} sent to {m.recipient.name}",
                detail=f"{m.subject}\nWhy: {m.reason}.",
                kind="message",
            )
        )
    return sorted(entries, key=lambda e: e.when, reverse=True)


def combined_timeline(*instances_with_labels) -> list[Entry]:
    entries: list[Entry] = []
    for instance, label in instances_with_labels:
        entries.extend(history_entries(instance, label))
    return sorted(entries, key=lambda e: e.when, reverse=True)
