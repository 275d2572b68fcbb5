"""Who may change what. Views call these before showing a form or saving.

Every function takes a `Viewer` (see oversight/visibility/viewer.py) and answers with a bool, or
with `(allowed, reason)` where the page should explain a refusal.
"""

from __future__ import annotations

from oversight.directory.models import Person
from oversight.visibility.viewer import Viewer

from .models import Recommendation, TrackedItem


def can_manage_reviews(viewer: Viewer) -> bool:
    """Scrutiny officers and administrators create and edit reviews, recommendations
    and items, and publish them."""
    return viewer.is_scrutiny


def can_update_item(viewer: Viewer, item: TrackedItem) -> bool:
    """The owner, anyone from the owning organisation, scrutiny officers and admins."""
    if viewer.is_scrutiny:
        return True
    if viewer.role != "partner" or not viewer.person_id:
        return False
    return item.owner_person_id == viewer.person_id or (
        item.owner_org_id is not None and item.owner_org_id in viewer.organisation_ids
    )


def can_respond(viewer: Viewer, recommendation: Recommendation) -> bool:
    """Partner officers respond for their organisation; scrutiny officers record any."""
    if viewer.is_scrutiny:
        return True
    return viewer.role == "partner" and bool(viewer.organisation_ids)


def _standing_to_verify(viewer: Viewer, item: TrackedItem) -> tuple[bool, str]:
    """Who may judge an item at all: a current member of its overseeing body who is
    neither its owner nor from an organisation that owns it (the owner does not mark its
    own homework), while it is not yet verified."""
    if not viewer.person_id:
        return False, "Only a member of the overseeing body can verify items."
    if item.verified_at is not None:
        return False, "This item has already been verified."
    body = item.overseeing_body
    if body is None:
        return False, "This item has no overseeing body to verify it."
    if item.owner_person_id == viewer.person_id:
        return False, "You own this item, so someone else must verify it."
    if viewer.organisation_ids & owning_organisation_ids(item):
        return False, (
            "Your organisation owns this item, so someone from another organisation must verify it."
        )
    if body.pk not in viewer.body_ids:
        return False, f"Only members of {body.name} can verify this item."
    return True, ""


def owning_organisation_ids(item: TrackedItem) -> frozenset[int]:
    """The owning organisation and the owner's own organisation."""
    ids = {item.owner_org_id}
    if item.owner_person_id:
        ids.add(item.owner_person.organisation_id)
    return frozenset(i for i in ids if i is not None)


def can_verify_item(viewer: Viewer, item: TrackedItem) -> tuple[bool, str]:
    """A member of the overseeing body with standing (see `_standing_to_verify`) verifies
    an item only once its owner has reported it complete with evidence attached."""
    allowed, reason = _standing_to_verify(viewer, item)
    if not allowed:
        return allowed, reason
    if item.status != TrackedItem.Status.COMPLETE:
        return False, (
            f"This item is {item.get_status_display().lower()} ({item.progress}% done). "
            "Only an item its owner has reported complete can be verified."
        )
    if not item.has_evidence():
        return False, "Evidence must be attached before an item can be verified."
    return True, ""


def can_return_item(viewer: Viewer, item: TrackedItem) -> tuple[bool, str]:
    """Returning needs the same standing as verifying and an item reported complete, but
    evidence may be missing: "there is no evidence" is a good reason to return an item."""
    allowed, reason = _standing_to_verify(viewer, item)
    if not allowed:
        return allowed, reason
    if item.status != TrackedItem.Status.COMPLETE:
        return False, (
            "Only an item its owner has reported complete can be returned; this one is "
            f"{item.get_status_display().lower()}."
        )
    return True, ""


def can_hand_over(viewer: Viewer, person: Person) -> bool:
    """Scrutiny officers and administrators hand over anyone's work; a partner officer
    hands over work within their own organisation."""
    if viewer.is_scrutiny:
        return True
    return (
        viewer.role == "partner"
        and person.organisation_id is not None
        and person.organisation_id in viewer.organisation_ids
    )
