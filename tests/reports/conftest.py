"""Update report tests: a commission's review with recommendations accepted, partially
accepted and not accepted, commitments in progress, verified and restricted. The
browser fixtures come from the browser tests' conftest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from oversight.directory.models import Membership, Person
from oversight.meetings.models import Meeting
from oversight.tracker import operations
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem
from oversight.visibility.viewer import Viewer
from tests.browser.conftest import browser, site  # noqa: F401
from tests.factories import (
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RecommendationFactory,
    ResponseFactory,
    ReviewFactory,
    TrackedItemFactory,
)

# Words that appear only in restricted records: a public version must never hold them.
MARKER = "Covert-operation-Zebra"
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Scene:
    review: Review
    training: Recommendation  # accepted, with an item in progress and a restricted one
    stops: Recommendation  # partially accepted, with an item complete with evidence
    cameras: Recommendation  # not accepted, no items
    secret: Recommendation  # restricted, no response
    in_progress: TrackedItem
    complete: TrackedItem
    due_soon: TrackedItem  # due 30 June 2026: overdue after that
    hidden: TrackedItem


@pytest.fixture
def scene(commission, council, police, police_officer, scrutiny_officer) -> Scene:
    review = ReviewFactory(body=commission, title="Stop and search in Hackney")
    training = RecommendationFactory(
        review=review, number="1", position=1, title="Train every officer"
    )
    training.addressed_to_orgs.add(police)
    ResponseFactory(recommendation=training, organisation=police, text="We accept this.")
    stops = RecommendationFactory(review=review, number="2", position=2, title="Record stops")
    ResponseFactory(recommendation=stops, organisation=police)
    ResponseFactory(
        recommendation=stops, organisation=council, position=Response.Position.NOT_ACCEPTED
    )
    cameras = RecommendationFactory(review=review, number="3", position=3, title="Body cameras")
    ResponseFactory(
        recommendation=cameras, organisation=police, position=Response.Position.NOT_ACCEPTED
    )
    secret = RecommendationFactory(
        review=review, number="4", position=4, title=f"{MARKER} informants", restricted=True
    )
    in_progress = TrackedItemFactory(
        recommendation=training,
        text="Deliver stop and search training to every response team",
        owner_org=police,
        owner_person=police_officer,
    )
    operations.record_update(
        in_progress,
        author=police_officer,
        narrative="Four of ten teams trained.",
        status=TrackedItem.Status.IN_PROGRESS,
        progress=40,
        links=["https://example.org/training-register"],
        evidence_note="Training register",
    )
    due_soon = TrackedItemFactory(
        recommendation=training,
        text="Publish the training plan",
        owner_org=police,
        start_date=date(2026, 5, 1),
        due_date=date(2026, 6, 30),
    )
    hidden = TrackedItemFactory(
        recommendation=training, text=f"{MARKER} debrief", owner_org=police, restricted=True
    )
    complete = TrackedItemFactory(
        recommendation=stops, text="Record every stop on the app", owner_org=police
    )
    operations.record_update(
        complete,
        author=police_officer,
        narrative="Every stop is now recorded.",
        status=TrackedItem.Status.COMPLETE,
        progress=100,
        links=["https://example.org/app-audit"],
        evidence_note="App audit",
    )
    return Scene(review, training, stops, cameras, secret, in_progress, complete, due_soon, hidden)


@pytest.fixture
def operator() -> Viewer:
    """Sees every record, as the command line does."""
    return Viewer(is_superuser=True)


@pytest.fixture
def verify(scrutiny_officer):
    """`verify(item, checked)`: the scrutiny officer, a commission member, verifies it."""

    def go(item: TrackedItem, checked: str):
        return operations.verify_item(
            item,
            viewer=Viewer.for_user(scrutiny_officer.user),
            by=scrutiny_officer,
            checked=checked,
        )

    return go


@pytest.fixture
def community_member(commission) -> Person:
    person = PersonFactory(name="Chris Ade", role=Person.Role.COMMUNITY, user__username="chris")
    MembershipFactory(person=person, body=commission, role=Membership.Role.MEMBER)
    return person


@pytest.fixture
def other_partner() -> Person:
    """A partner officer of an organisation with no part in the review."""
    nhs = OrganisationFactory(name="Homerton Healthcare")
    return PersonFactory(name="Priya Shah", organisation=nhs, user__username="priya")


@pytest.fixture
def commission_meeting(commission) -> Meeting:
    return MeetingFactory(body=commission, date=date(2099, 3, 1), title="Commission, March")
