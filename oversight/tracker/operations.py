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
from oversight.visibility.viewer import Viewer

from .access import can_verify_item
from .models import Evidence, Recommendation, Response, TrackedItem, Update, Verification


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
def verify_item(item: TrackedItem, *, viewer: Viewer, by: Person) -> Verification:
    """Mark `item` verified by `by`, a member of its overseeing body (see access)."""
    item = TrackedItem.private_objects.select_for_update().get(pk=item.pk)
    allowed, reason = can_verify_item(viewer, item)
    if not allowed:
        raise PermissionDenied(reason)
    verification = Verification.objects.create(
        item=item, decision=Verification.Decision.VERIFIED, by=by
    )
    item.verified_at = verification.created_at
    item.verified_by = by
    item.status = TrackedItem.Status.COMPLETE
    item.progress = 100
    item._change_reason = "Verified"
    item.save(update_fields=["verified_at", "verified_by", "status", "progress"])
    return verification


@transaction.atomic
def return_item(item: TrackedItem, *, viewer: Viewer, by: Person, reason: str) -> Verification:
    """Send `item` back to its owner with a reason; it is in progress again."""
    if not reason.strip():
        raise ValidationError("Give the owner a reason for returning the item.")
    item = TrackedItem.private_objects.select_for_update().get(pk=item.pk)
    allowed, why = can_verify_item(viewer, item)
    # Returning needs the same standing as verifying, except that evidence may be missing:
    # "there is no evidence" is a good reason to return an item.
    if not allowed and not why.startswith("Evidence"):
        raise PermissionDenied(why)
    verification = Verification.objects.create(
        item=item, decision=Verification.Decision.RETURNED, by=by, reason=reason.strip()
    )
    item.status = TrackedItem.Status.IN_PROGRESS
    item.progress = min(item.progress, 90)
    item._change_reason = "Returned to owner"
    item.save(update_fields=["status", "progress"])
    return verification


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


@transaction.atomic
def hand_over(predecessor: Person, successor: Person, *, on: date | None = None) -> HandoverReport:
    """Move everything `predecessor` owns to `successor` in one step: open tracked items
    and current seats on bodies (the predecessor's seat ends `on`, the successor's
    starts). Completed and verified items keep their owner: that is the record."""
    if predecessor.pk == successor.pk:
        raise ValidationError("Choose someone else to hand over to.")
    on = on or timezone.localdate()
    report = HandoverReport(predecessor, successor)
    for item in TrackedItem.private_objects.filter(
        owner_person=predecessor, verified_at__isnull=True
    ).exclude(status=TrackedItem.Status.COMPLETE):
        item.owner_person = successor
        item._change_reason = f"Handed over from {predecessor.name} to {successor.name}"
        item.save(update_fields=["owner_person"])
        report.items.append(item)
    for seat in Membership.objects.filter(person=predecessor, end__isnull=True):
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
