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


def can_verify_item(viewer: Viewer, item: TrackedItem) -> tuple[bool, str]:
    """The owner does not mark its own homework: only a current member of the body that
    made the recommendation (or oversees the plan, or held the meeting) may verify, never
    the item's owner, and only once evidence is attached."""
    if not viewer.person_id:
        return False, "Only a member of the overseeing body can verify items."
    if item.verified_at is not None:
        return False, "This item has already been verified."
    body = item.overseeing_body
    if body is None:
        return False, "This item has no overseeing body to verify it."
    if item.owner_person_id == viewer.person_id:
        return False, "You own this item, so someone else must verify it."
    if body.pk not in viewer.body_ids:
        return False, f"Only members of {body.name} can verify this item."
    if not item.has_evidence():
        return False, "Evidence must be attached before an item can be verified."
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
