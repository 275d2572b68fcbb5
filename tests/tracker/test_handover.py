"""Handing over: open items and current seats move to the successor in one step;
completed work keeps its owner; history says why; an item the person handing over
cannot see does not move."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from oversight.directory.models import Membership, Person
from oversight.tracker import operations
from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ReviewFactory,
    TrackedItemFactory,
)

ADMIN = Viewer(is_superuser=True)  # sees every item, so every open item moves


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

    report = operations.hand_over(leaving, arriving, viewer=ADMIN, on=date(2026, 11, 23))

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
    open_item = TrackedItemFactory(owner_person=leaving, owner_org=police)

    report = operations.hand_over(leaving, arriving, viewer=ADMIN)

    verified.refresh_from_db()
    assert verified.owner_person == leaving
    assert report.items == [open_item]


def test_work_is_not_handed_over_to_a_community_member(police):
    leaving = PersonFactory(organisation=police)
    resident = PersonFactory(name="Ada Resident", role=Person.Role.COMMUNITY)
    item = TrackedItemFactory(owner_person=leaving, owner_org=police)
    with pytest.raises(ValidationError, match="community member"):
        operations.hand_over(leaving, resident, viewer=ADMIN)
    item.refresh_from_db()
    assert item.owner_person == leaving


def test_an_empty_handover_is_refused(police):
    leaving = PersonFactory(name="Nobody Busy", organisation=police)
    arriving = PersonFactory(organisation=police)
    with pytest.raises(ValidationError, match="nothing to hand over"):
        operations.hand_over(leaving, arriving, viewer=ADMIN)


def test_handover_page_offers_no_community_member_and_refuses_an_empty_handover(
    client, scrutiny_officer, police
):
    leaving = PersonFactory(name="Nobody Busy", organisation=police)
    arriving = PersonFactory(name="Kate Lindsay", organisation=police)
    resident = PersonFactory(name="Ada Resident", role=Person.Role.COMMUNITY)
    client.force_login(scrutiny_officer.user)
    assert (
        "Ada Resident" not in client.get("/handover/").content.decode().split('name="successor"')[1]
    )
    forced = client.post("/handover/", {"predecessor": leaving.pk, "successor": resident.pk})
    assert "Select a valid choice" in forced.content.decode()
    empty = client.post("/handover/", {"predecessor": leaving.pk, "successor": arriving.pk})
    assert "nothing to hand over" in empty.content.decode()


@pytest.fixture
def hidden_item(police):
    """A restricted item Marcus owns for the NHS trust, under a health review: a council
    scrutiny officer of another commission is not concerned with it."""
    leaving = PersonFactory(name="Marcus Barnett", organisation=police)
    health = BodyFactory(name="Health in Hackney Scrutiny Commission")
    return TrackedItemFactory(
        text="Named patient follow-up HIDDEN-HANDOVER-41",
        owner_person=leaving,
        owner_org=OrganisationFactory(name="East London NHS Foundation Trust"),
        recommendation__review=ReviewFactory(body=health),
        restricted=True,
    )


def test_a_handover_does_not_move_an_item_the_officer_handing_over_cannot_see(
    scrutiny_officer, police, hidden_item
):
    leaving = hidden_item.owner_person
    arriving = PersonFactory(organisation=police)
    visible = TrackedItemFactory(owner_person=leaving, owner_org=police)

    report = operations.hand_over(leaving, arriving, viewer=Viewer.for_user(scrutiny_officer.user))

    assert report.items == [visible]
    hidden_item.refresh_from_db()
    assert hidden_item.owner_person == leaving
    visible.refresh_from_db()
    assert visible.owner_person == arriving


def test_the_handover_page_neither_moves_nor_shows_an_item_its_user_cannot_see(
    client, scrutiny_officer, police, hidden_item
):
    leaving = hidden_item.owner_person
    arriving = PersonFactory(name="Kate Lindsay", organisation=police)
    TrackedItemFactory(owner_person=leaving, owner_org=police)
    client.force_login(scrutiny_officer.user)
    form = {"predecessor": leaving.pk, "successor": arriving.pk}
    preview = client.post("/handover/", form).content.decode()
    done = client.post("/handover/", {**form, "confirm": "yes"}).content.decode()
    assert "HIDDEN-HANDOVER-41" not in preview + done
    hidden_item.refresh_from_db()
    assert hidden_item.owner_person == leaving


def test_a_handover_with_only_unseen_items_is_refused_as_empty(
    scrutiny_officer, police, hidden_item
):
    arriving = PersonFactory(organisation=police)
    with pytest.raises(ValidationError, match="nothing to hand over"):
        operations.hand_over(
            hidden_item.owner_person, arriving, viewer=Viewer.for_user(scrutiny_officer.user)
        )
    hidden_item.refresh_from_db()
    assert hidden_item.owner_person != arriving
