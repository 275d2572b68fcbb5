"""Handing over: open items and current seats move to the successor in one step;
completed work keeps its owner; history says why."""

from datetime import date

from oversight.directory.models import Membership
from oversight.tracker import operations
from oversight.tracker.models import TrackedItem
from tests.factories import MembershipFactory, PersonFactory, TrackedItemFactory


def test_hand_over_moves_open_items_and_seats_and_records_why(police, commission):
    leaving = PersonFactory(name="Marcus Barnett", organisation=police)
    arriving = PersonFactory(name="Kate Lindsay", organisation=police)
    open_item = TrackedItemFactory(owner_person=leaving, owner_org=police)
    started = TrackedItemFactory(
        owner_person=leaving, owner_org=police, status=TrackedItem.Status.IN_PROGRESS
    )
    done = TrackedItemFactory(
        owner_person=leaving, owner_org=police, status=TrackedItem.Status.COMPLETE, progress=100
    )
    seat = MembershipFactory(person=leaving, body=commission, role=Membership.Role.CHAIR)

    report = operations.hand_over(leaving, arriving, on=date(2026, 11, 23))

    for item in (open_item, started, done):
        item.refresh_from_db()
    assert open_item.owner_person == arriving
    assert started.owner_person == arriving
    assert done.owner_person == leaving  # completed work stays on the record
    assert {i.pk for i in report.items} == {open_item.pk, started.pk}

    seat.refresh_from_db()
    assert seat.end == date(2026, 11, 23)
    new_seat = Membership.objects.get(person=arriving, body=commission)
    assert (new_seat.role, new_seat.start, new_seat.end) == (
        Membership.Role.CHAIR,
        date(2026, 11, 23),
        None,
    )

    latest = open_item.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason == "Handed over from Marcus Barnett to Kate Lindsay"
    assert latest.prev_record.owner_person_id == leaving.pk
    assert report.to_dict()["memberships"] == [f"Chair, {commission.name}"]


def test_verified_items_stay_with_their_owner(police):
    leaving = PersonFactory(organisation=police)
    arriving = PersonFactory(organisation=police)
    verified = TrackedItemFactory(owner_person=leaving, owner_org=police)
    TrackedItem.private_objects.filter(pk=verified.pk).update(verified_at="2026-10-01T10:00:00Z")

    report = operations.hand_over(leaving, arriving)

    verified.refresh_from_db()
    assert verified.owner_person == leaving
    assert report.items == []
