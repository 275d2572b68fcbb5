"""A small, realistic tracker for browser tests: a commission's review with a
recommendation to the police, a commitment owned by a police officer, and a restricted
item beside it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem

PASSWORD = "correct-horse-battery"


@dataclass
class Scenario:
    review: Review
    recommendation: Recommendation
    item: TrackedItem
    secret_item: TrackedItem
    officer: Person
    scrutineer: Person


def _user(username: str, name: str, org: Organisation, role: str) -> Person:
    user = User.objects.create_user(username, password=PASSWORD)
    return Person.objects.create(name=name, organisation=org, user=user, role=role)


def build() -> Scenario:
    council = Organisation.objects.create(name="London Borough of Hackney", short_name="LBH")
    police = Organisation.objects.create(name="Metropolitan Police Service", short_name="MPS")
    commission = Body.objects.create(
        name="Living in Hackney Scrutiny Commission", kind=Body.Kind.COMMISSION
    )
    officer = _user("police", "Pat Okafor", police, Person.Role.PARTNER)
    scrutineer = _user("scrutiny", "Sam Reid", council, Person.Role.SCRUTINY)
    Membership.objects.create(person=scrutineer, body=commission, role=Membership.Role.OFFICER)
    review = Review.objects.create(
        body=commission,
        title="Stop and search and trust in policing",
        date=date(2026, 3, 1),
        published=True,
    )
    rec = Recommendation.objects.create(
        review=review,
        number="3",
        position=3,
        title="Publish body-worn video dip sampling results",
        text="We ask the police to publish the results of body-worn video dip sampling.",
    )
    rec.addressed_to_orgs.add(police)
    response = Response.objects.create(
        recommendation=rec,
        organisation=police,
        position=Response.Position.ACCEPTED,
        text="Agreed. Results will be published quarterly.",
    )
    # Dates relative to today, so that the item is on track whenever the tests run.
    today = timezone.localdate()
    item = TrackedItem.objects.create(
        text="Publish quarterly dip sampling results on the BCU web page",
        recommendation=rec,
        response=response,
        owner_person=officer,
        owner_org=police,
        start_date=today - timedelta(days=30),
        due_date=today + timedelta(days=330),
        status=TrackedItem.Status.IN_PROGRESS,
        progress=20,
    )
    secret = TrackedItem.objects.create(
        text="Discipline review of officers named in complaints",
        recommendation=rec,
        owner_org=police,
        restricted=True,
        start_date=date(2026, 3, 1),
        due_date=date(2026, 6, 1),
    )
    return Scenario(review, rec, item, secret, officer, scrutineer)
