"""The people and items an update round is about, kept small:

- Sam Reid, the council's scrutiny officer, supporting officer of the commission;
- Pat Okafor, a police partner officer, who owns two commitments;
- Lee Lang, the police's lead contact, to whom late police updates are escalated;
- Nia Obi, the NHS trust's lead contact, written to for an item the trust owns with no
  named owner;
- Priya Shah, a partner officer of another organisation with no part in the review;
- a restricted item Pat owns in person, on a recommendation addressed to nobody, which
  the police lead is not concerned with and so must never be told of;
- a complete item, which a round does not ask about by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from oversight.directory.models import Membership, Organisation, Person
from oversight.tracker.models import Review, TrackedItem
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RecommendationFactory,
    ReviewFactory,
    TrackedItemFactory,
)

PASSWORD = "correct-horse-battery"
# The round opens on a Monday; its deadline is four weeks later.
OPENED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
DEADLINE = date(2026, 11, 30)


def at(day: date, hour: int = 9) -> datetime:
    """A moment on `day`, for the `now` the operations take."""
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


@dataclass
class World:
    police: Organisation
    nhs: Organisation
    officer: Person
    pat: Person
    lee: Person
    nia: Person
    priya: Person
    review: Review
    pat_first: TrackedItem
    pat_second: TrackedItem
    nhs_item: TrackedItem
    secret: TrackedItem
    done: TrackedItem

    @property
    def open_items(self) -> list[TrackedItem]:
        return [self.pat_first, self.pat_second, self.nhs_item, self.secret]


def person(name: str, org: Organisation, username: str, role=Person.Role.PARTNER) -> Person:
    return PersonFactory(
        name=name,
        organisation=org,
        role=role,
        user__username=username,
        user__email=f"{username}@example.org",
    )


def build() -> World:
    council = OrganisationFactory(name="London Borough of Hackney", short_name="LBH")
    police = OrganisationFactory(name="Metropolitan Police Service", short_name="MPS")
    nhs = OrganisationFactory(name="East London NHS Foundation Trust", short_name="ELFT")
    other = OrganisationFactory(name="Hackney Council for Voluntary Service")
    commission = BodyFactory(name="Living in Hackney Scrutiny Commission", organisation=council)
    officer = person("Sam Reid", council, "sam", Person.Role.SCRUTINY)
    MembershipFactory(person=officer, body=commission, role=Membership.Role.OFFICER)
    pat = person("Pat Okafor", police, "pat")
    lee = person("Lee Lang", police, "lee")
    nia = person("Nia Obi", nhs, "nia")
    priya = person("Priya Shah", other, "priya")
    police.lead_contact = lee
    police.save()
    nhs.lead_contact = nia
    nhs.save()
    review = ReviewFactory(body=commission, title="Stop and search and trust in policing")
    rec = RecommendationFactory(review=review, title="Publish body-worn video dip sampling")
    rec.addressed_to_orgs.add(police, nhs)
    unaddressed = RecommendationFactory(review=review, title="Review complaints")

    def item(text: str, **kw) -> TrackedItem:
        kw.setdefault("recommendation", rec)
        return TrackedItemFactory(text=text, **kw)

    return World(
        police=police,
        nhs=nhs,
        officer=officer,
        pat=pat,
        lee=lee,
        nia=nia,
        priya=priya,
        review=review,
        pat_first=item(
            "Publish dip sampling results quarterly", owner_person=pat, owner_org=police
        ),
        pat_second=item("Train supervisors in dip sampling", owner_person=pat, owner_org=police),
        nhs_item=item("Offer health checks after a strip search", owner_org=nhs),
        secret=item(
            "Discipline review of named officers",
            recommendation=unaddressed,
            owner_person=pat,
            owner_org=None,
            restricted=True,
        ),
        done=item(
            "Publish the scrutiny panel terms of reference",
            owner_person=pat,
            owner_org=police,
            status=TrackedItem.Status.COMPLETE,
            progress=100,
        ),
    )
