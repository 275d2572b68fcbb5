"""Only a member of the overseeing body verifies, never the owner, and only with
evidence; a returned item goes back to its owner with the reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oversight.tracker import operations
from oversight.tracker.access import can_verify_item
from oversight.tracker.models import TrackedItem, Verification
from oversight.tracker.rag import Rag
from tests.factories import MembershipFactory, PersonFactory, ReviewFactory, TrackedItemFactory

CHECKED = "Read the published results on the force website, dated 3 March."


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
        operations.verify_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
        )
    item.refresh_from_db()
    assert item.verified_at is None


def test_non_member_cannot_verify(item, police_officer, other_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])
    with pytest.raises(PermissionDenied, match="Only members of"):
        operations.verify_item(
            item, viewer=viewer_of(other_officer), by=other_officer, checked=CHECKED
        )
    assert not Verification.objects.filter(item=item).exists()


def test_member_cannot_verify_without_evidence(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer)
    with pytest.raises(PermissionDenied, match="Evidence"):
        operations.verify_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
        )
    item.refresh_from_db()
    assert item.verified_at is None


def test_member_can_verify_with_evidence(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])

    verification = operations.verify_item(
        item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
    )

    item.refresh_from_db()
    assert verification.decision == Verification.Decision.VERIFIED
    assert item.verified_by == scrutiny_officer
    assert item.verified_at == verification.created_at
    assert item.rag() == Rag.VERIFIED


def test_verified_item_cannot_be_verified_again(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])
    operations.verify_item(
        item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
    )
    with pytest.raises(PermissionDenied, match="already been verified"):
        operations.verify_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
        )


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


@pytest.fixture
def police_member_of_commission(police, commission):
    """A police officer who also sits on the commission that made the recommendation."""
    person = PersonFactory(name="Chris Lane", organisation=police, user__username="chris")
    MembershipFactory(person=person, body=commission)
    return person


def test_officer_of_owning_organisation_cannot_verify(
    item, police_officer, police_member_of_commission, viewer_of
):
    report_done(item, police_officer, links=["https://example.org/results"])
    viewer = viewer_of(police_member_of_commission)

    allowed, reason = can_verify_item(viewer, item)
    assert not allowed and "Your organisation owns this item" in reason
    with pytest.raises(PermissionDenied, match="Your organisation owns"):
        operations.verify_item(item, viewer=viewer, by=police_member_of_commission, checked=CHECKED)
    assert not Verification.objects.filter(item=item).exists()


def test_owners_organisation_counts_when_no_organisation_is_named(
    item, police_officer, police_member_of_commission, viewer_of
):
    item.owner_org = None
    item.save()
    report_done(item, police_officer, links=["https://example.org/results"])
    allowed, reason = can_verify_item(viewer_of(police_member_of_commission), item)
    assert not allowed and "Your organisation owns this item" in reason


def test_item_in_progress_cannot_be_verified_even_with_evidence(
    item, police_officer, scrutiny_officer, viewer_of
):
    operations.record_update(
        item,
        author=police_officer,
        narrative="Nearly there.",
        status=TrackedItem.Status.IN_PROGRESS,
        progress=90,
        links=["https://example.org/draft"],
    )
    allowed, reason = can_verify_item(viewer_of(scrutiny_officer), item)
    assert not allowed and "in progress (90% done)" in reason
    with pytest.raises(PermissionDenied, match="reported complete"):
        operations.verify_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
        )
    item.refresh_from_db()
    assert (item.status, item.progress, item.verified_at) == (
        TrackedItem.Status.IN_PROGRESS,
        90,
        None,
    )


def test_verifying_changes_neither_status_nor_progress(
    item, police_officer, scrutiny_officer, viewer_of
):
    report_done(item, police_officer, links=["https://example.org/results"])
    before = item.history.count()
    operations.verify_item(
        item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked=CHECKED
    )
    item.refresh_from_db()
    assert (item.status, item.progress) == (TrackedItem.Status.COMPLETE, 100)
    latest = item.history.first()
    assert item.history.count() == before + 1
    changed = {c.field for c in latest.diff_against(latest.prev_record).changes}
    assert changed == {"verified_at", "verified_by"}


def test_verifier_must_say_what_was_checked(item, police_officer, scrutiny_officer, viewer_of):
    report_done(item, police_officer, links=["https://example.org/results"])
    with pytest.raises(ValidationError, match="what you checked"):
        operations.verify_item(
            item, viewer=viewer_of(scrutiny_officer), by=scrutiny_officer, checked="   "
        )
    assert not Verification.objects.filter(item=item).exists()


def test_what_was_checked_is_stored_and_shown_on_the_item_page(
    item, police_officer, scrutiny_officer, viewer_of, client
):
    report_done(item, police_officer, links=["https://example.org/results"])
    client.force_login(scrutiny_officer.user)
    response = client.post(f"/items/{item.pk}/verify/", {"checked": CHECKED})
    assert response.status_code == 302

    verification = Verification.objects.get(item=item)
    assert verification.reason == CHECKED and verification.by == scrutiny_officer
    client.force_login(police_officer.user)
    page = client.get(f"/items/{item.pk}/").content.decode()
    # Once in the verification panel, once in the timeline.
    assert page.count(CHECKED) == 2
    assert "Verified: what was checked" in page


def test_verify_without_saying_what_was_checked_keeps_the_form(
    item, police_officer, scrutiny_officer, client
):
    report_done(item, police_officer, links=["https://example.org/results"])
    client.force_login(scrutiny_officer.user)
    response = client.post(f"/items/{item.pk}/verify/", {"checked": ""})
    assert response.status_code == 200
    assert "Say what you checked before verifying." in response.content.decode()
    item.refresh_from_db()
    assert item.verified_at is None


def test_forced_verify_of_own_organisations_item_explains_why(
    item, police_officer, police_member_of_commission, client
):
    report_done(item, police_officer, links=["https://example.org/results"])
    client.force_login(police_member_of_commission.user)
    response = client.post(f"/items/{item.pk}/verify/", {"checked": CHECKED})
    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot verify this item" in page
    assert "Your organisation owns this item" in page
    assert "You cannot see this page" not in page
    item.refresh_from_db()
    assert item.verified_at is None


def test_forced_verify_of_own_item_explains_why(item, police_officer, scrutiny_officer, client):
    item.owner_person = scrutiny_officer
    item.save()
    report_done(item, scrutiny_officer, links=["https://example.org/results"])
    client.force_login(scrutiny_officer.user)
    response = client.post(f"/items/{item.pk}/verify/", {"checked": CHECKED})
    assert response.status_code == 403
    assert "You own this item, so someone else must verify it." in response.content.decode()


def test_item_page_shows_why_verifying_is_not_possible(
    item, police_officer, police_member_of_commission, client
):
    report_done(item, police_officer, links=["https://example.org/results"])
    client.force_login(police_member_of_commission.user)
    page = client.get(f"/items/{item.pk}/").content.decode()
    assert "Your organisation owns this item" in page
    assert f'action="/items/{item.pk}/verify/"' not in page


def test_return_form_is_not_shown_to_someone_who_may_not_return(
    item, police_officer, other_officer, client
):
    report_done(item, police_officer)
    client.force_login(other_officer.user)
    response = client.get(f"/items/{item.pk}/return/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot return this item" in page and "Only members of" in page
    assert "Why are you returning this item?" not in page


def test_return_with_reason_typed_is_recorded(item, police_officer, scrutiny_officer, client):
    report_done(item, police_officer)
    client.force_login(scrutiny_officer.user)
    form = client.get(f"/items/{item.pk}/return/")
    assert "Why are you returning this item?" in form.content.decode()
    response = client.post(f"/items/{item.pk}/return/", {"reason": "Attach the results."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == TrackedItem.Status.IN_PROGRESS
    assert item.verifications.get().reason == "Attach the results."


def test_item_in_progress_cannot_be_returned(item, police_officer, scrutiny_officer, client):
    client.force_login(scrutiny_officer.user)
    response = client.post(f"/items/{item.pk}/return/", {"reason": "Hurry up."})
    assert response.status_code == 403
    assert "reported complete can be returned" in response.content.decode()
    assert not item.verifications.exists()
