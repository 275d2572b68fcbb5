"""Every change to the tracker goes through one of these functions, each one
transaction. Views parse input, check access, call one of these and render.
History (who, when, before, after) is kept by django-simple-history on every model; the
append-only records (updates, evidence, verifications) are their own history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from oversight.directory.models import Membership, Organisation, Person
from oversight.editing import save_edit
from oversight.visibility.viewer import Viewer

from .access import can_return_item, can_verify_item
from .models import (
    Evidence,
    Recommendation,
    Response,
    Review,
    TrackedItem,
    Update,
    Verification,
)


@transaction.atomic
def record_update(
    item: TrackedItem,
    *,
    author: Person | None,
    user=None,
    narrative: str,
    status: str,
    progress: int,
    files: list[UploadedFile] = (),
    links: list[str] = (),
    evidence_note: str = "",
    at: datetime | None = None,
) -> Update:
    """Append an update to `item`, attach its evidence and move the item's status and
    progress to what the update reports. Complete means 100 per cent. `at` dates an
    update reported earlier (an action's update printed in a meeting's papers)."""
    if status not in TrackedItem.Status.values:
        raise ValidationError(f"Unknown status {status!r}.")
    if not narrative.strip():
        raise ValidationError("Say what has happened.")
    progress = 100 if status == TrackedItem.Status.COMPLETE else max(0, min(100, int(progress)))
    update = Update.objects.create(
        item=item,
        author=author,
        recorded_by=user,
        narrative=narrative.strip(),
        status=status,
        progress=progress,
        created_at=at or timezone.now(),
    )
    for f in files:
        Evidence.objects.create(update=update, file=f, description=evidence_note or f.name)
    for link in links:
        Evidence.objects.create(update=update, link=link, description=evidence_note or link)
    item.status = status
    item.progress = progress
    item._change_reason = "Update recorded"
    item.save(update_fields=["status", "progress"])
    return update


@transaction.atomic
def verify_item(item: TrackedItem, *, viewer: Viewer, by: Person, checked: str) -> Verification:
    """Record that `by`, who has standing (see access.can_verify_item), checked `item`'s
    evidence and found it done; `checked` says what they looked at. Verifying never
    changes the item's status or progress: those are the owner's report."""
    if not checked.strip():
        raise ValidationError("Say what you checked before verifying.")
    item = TrackedItem.private_objects.select_for_update().get(pk=item.pk)
    allowed, reason = can_verify_item(viewer, item)
    if not allowed:
        raise PermissionDenied(reason)
    verification = Verification.objects.create(
        item=item, decision=Verification.Decision.VERIFIED, by=by, reason=checked.strip()
    )
    item.verified_at = verification.created_at
    item.verified_by = by
    item._change_reason = "Verified"
    item.save(update_fields=["verified_at", "verified_by"])
    return verification


@transaction.atomic
def return_item(item: TrackedItem, *, viewer: Viewer, by: Person, reason: str) -> Verification:
    """Send `item`, reported complete, back to its owner with a reason; it is in
    progress again."""
    if not reason.strip():
        raise ValidationError("Give the owner a reason for returning the item.")
    item = TrackedItem.private_objects.select_for_update().get(pk=item.pk)
    allowed, why = can_return_item(viewer, item)
    if not allowed:
        raise PermissionDenied(why)
    verification = Verification.objects.create(
        item=item, decision=Verification.Decision.RETURNED, by=by, reason=reason.strip()
    )
    item.status = TrackedItem.Status.IN_PROGRESS
    item.progress = min(item.progress, 90)
    item._change_reason = "Returned to owner"
    item.save(update_fields=["status", "progress"])
    return verification


def _create(record, *, m2m: dict | None, reason: str):
    record._change_reason = reason
    record.save()
    for name, value in (m2m or {}).items():
        getattr(record, name).set(value)
    return record


@transaction.atomic
def create_review(*, values: dict) -> Review:
    """A new review from the review form's `values` (title, body, date, ...)."""
    return _create(Review(**values), m2m=None, reason="Review created")


@transaction.atomic
def add_recommendation(review: Review, *, values: dict, m2m: dict) -> Recommendation:
    """A new recommendation of `review`, placed after every one it already has
    (restricted ones included, so no two share a place), with its addressees `m2m`."""
    last = Recommendation.private_objects.filter(review=review).order_by("-position").first()
    rec = Recommendation(**values, review=review, position=(last.position + 1) if last else 1)
    return _create(rec, m2m=m2m, reason="Recommendation added")


@transaction.atomic
def add_commitment(rec: Recommendation, *, values: dict) -> TrackedItem:
    """A new commitment answering `rec`, from the item form's `values`."""
    item = TrackedItem(**values, recommendation=rec, origin=TrackedItem.Origin.COMMITMENT)
    return _create(item, m2m=None, reason="Commitment added")


def edit_item(item: TrackedItem, *, read_version: int | None, values: dict) -> TrackedItem:
    """Save the item edit form's `values` (text, owner, dates, restricted), unless
    someone else changed those fields since `read_version` (editing.EditConflict)."""
    return save_edit(item, read_version=read_version, values=values, reason="Item edited")


def edit_review(review: Review, *, read_version: int | None, values: dict) -> Review:
    """Save the review edit form's `values`; refused over a newer version."""
    return save_edit(review, read_version=read_version, values=values, reason="Review edited")


def edit_recommendation(
    rec: Recommendation, *, read_version: int | None, values: dict, m2m: dict
) -> Recommendation:
    """Save the recommendation edit form's `values` and addressees; refused over a
    newer version."""
    return save_edit(
        rec, read_version=read_version, values=values, m2m=m2m, reason="Recommendation edited"
    )


@transaction.atomic
def record_response(
    recommendation: Recommendation,
    *,
    organisation: Organisation | None,
    position: str,
    text: str,
    responder_label: str = "",
    on: date | None = None,
) -> Response:
    """Record an organisation's response to a recommendation."""
    if not text.strip():
        raise ValidationError("The response needs its text.")
    return Response.private_objects.create(
        recommendation=recommendation,
        organisation=organisation,
        responder_label=responder_label,
        position=position,
        text=text.strip(),
        date=on or timezone.localdate(),
    )


@dataclass
class HandoverReport:
    """What moved from one person to another in a handover."""

    predecessor: Person
    successor: Person
    items: list[TrackedItem] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "from": self.predecessor.name,
            "to": self.successor.name,
            "items": [i.to_dict() for i in self.items],
            "memberships": [f"{m.get_role_display()}, {m.body.name}" for m in self.memberships],
        }


# Work passes to officers only: a community member cannot own an item.
HANDOVER_ROLES = {Person.Role.PARTNER, Person.Role.SCRUTINY, Person.Role.ADMIN}


def handover_items(predecessor: Person, viewer: Viewer):
    """What a handover by `viewer` moves: the open items `predecessor` owns that the
    viewer can see. A restricted item the viewer may not see stays where it is: a
    handover must not move (or reveal) what the person handing over cannot see."""
    return (
        TrackedItem.objects.visible_to(viewer)
        .filter(owner_person=predecessor, verified_at__isnull=True)
        .exclude(status=TrackedItem.Status.COMPLETE)
    )


def check_handover(predecessor: Person, successor: Person, *, viewer: Viewer) -> None:
    """Raise ValidationError unless `predecessor` has work `viewer` can hand over and
    `successor` is another officer who can take it."""
    if predecessor.pk == successor.pk:
        raise ValidationError("Choose someone else to hand over to.")
    if successor.role not in HANDOVER_ROLES:
        raise ValidationError(
            f"{successor.name} is a {successor.get_role_display().lower()}: work is handed "
            "over to an officer."
        )
    seats = Membership.objects.filter(person=predecessor, end__isnull=True)
    if not handover_items(predecessor, viewer).exists() and not seats.exists():
        raise ValidationError(
            f"{predecessor.name} has no open items and no current seats: there is nothing "
            "to hand over."
        )


@transaction.atomic
def hand_over(
    predecessor: Person, successor: Person, *, viewer: Viewer, on: date | None = None
) -> HandoverReport:
    """Move everything `predecessor` owns to `successor` in one step, as `viewer` hands
    it over: the open tracked items the viewer can see and current seats on bodies (the
    predecessor's seat ends `on`, the successor's starts). Completed and verified items
    keep their owner: that is the record."""
    check_handover(predecessor, successor, viewer=viewer)
    open_items = list(handover_items(predecessor, viewer))
    seats = Membership.objects.filter(person=predecessor, end__isnull=True)
    on = on or timezone.localdate()
    report = HandoverReport(predecessor, successor)
    for item in open_items:
        item.owner_person = successor
        item._change_reason = f"Handed over from {predecessor.name} to {successor.name}"
        item.save(update_fields=["owner_person"])
        report.items.append(item)
    for seat in seats:
        seat.end = on
        seat.save(update_fields=["end"])
        if not Membership.objects.filter(
            person=successor, body=seat.body, end__isnull=True
        ).exists():
            report.memberships.append(
                Membership.objects.create(
                    person=successor, body=seat.body, role=seat.role, start=on
                )
            )
    return report
