"""Only a member of the overseeing body verifies, never the owner, and only with
evidence; a returned item goes back to its owner with the reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oversight.tracker import operations
from oversight.tracker.access import can_verify_item
from oversight.tracker.models import TrackedItem, Verification
from oversight.tracker.rag import Rag
from tests.factories import ReviewFactory, TrackedItemFactory


@pytest.fixture
def item(commission, police, police_officer):
    """A police commitment to a recommendation of the commission."""
    return TrackedItemFactory(
        recommendation__review=ReviewFactory(body=commission),
        owner_person=police_officer,
        owner_org=police,
    )


def report_done(item, person, **evidence):
    return operations.record_update(
        item,
        author=person,
        user=person.user,
        narrative="Done: the results are published.",
        status=TrackedItem.Status.COMPLETE,
        progress=100,
        **evidence,
    )


def test_owner_cannot_verify_own_item(item, scrutiny_officer, viewer_of):
    # Even a commission member may not verify what they own.
    item.owner_person = scrutiny_officer
    item.save()
    report_done(item, scrutiny_officer, links=["https://example.org/results"])

    allowed, reason = can_verify_item(viewer_of(scrutiny_officer), item)
    assert not allowed and "You own this item" in reason
    with pytest.raises(PermissionDenied):
        operations.verify_item(item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer)
    item.refresh_from_db()
    assert item.verified_at is None


def test_non_member_cannot_verify(item, police_officer, other_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])
    with pytest.raises(PermissionDenied, match="Only members of"):
        operations.verify_item(item, viewer=viewer_of(other_officer), by=other_officer)
    assert not Verification.objects.filter(item=item).exists()


def test_member_cannot_verify_without_evidence(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer)
    with pytest.raises(PermissionDenied, match="Evidence"):
        operations.verify_item(item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer)
    item.refresh_from_db()
    assert item.verified_at is None


def test_member_can_verify_with_evidence(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])

    verification = operations.verify_item(
        item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer
    )

    item.refresh_from_db()
    assert verification.decision == Verification.Decision.VERIFIED
    assert item.verified_by == scrutiny_officer
    assert item.verified_at == verification.created_at
    assert item.rag() == Rag.VERIFIED


def test_verified_item_cannot_be_verified_again(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])
    operations.verify_item(item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer)
    with pytest.raises(PermissionDenied, match="already been verified"):
        operations.verify_item(item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer)


def test_returned_item_goes_back_to_in_progress_with_reason(
    item, police_officer, scrutiny_officer, viewer_of
):
    report_done(item, police_officer)  # no evidence: a good reason to return it

    returned = operations.return_item(
        item,
        viewer=viewer_of(scrutiny_officer),
        by=scrutiny_officer,
        reason="Please attach the published results.",
    )

    item.refresh_from_db()
    assert item.status == TrackedItem.Status.IN_PROGRESS
    assert item.verified_at is None
    assert item.progress < 100
    assert returned.decision == Verification.Decision.RETURNED
    assert returned.reason == "Please attach the published results."
    assert returned.by == scrutiny_officer


def test_returning_needs_a_reason(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer)
    with pytest.raises(ValidationError):
        operations.return_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, reason="  "
        )


def test_non_member_cannot_return(item, police_officer, other_officer, viewer_of):
    report_done(item, police_officer)
    with pytest.raises(PermissionDenied):
        operations.return_item(item, viewer=viewer_of(other_officer), by=other_officer, reason="No")
