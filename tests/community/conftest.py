"""The people community feedback is about, kept small: the police and the council, a
police officer who moderates the police's feedback, an NHS officer with no part in it,
the Community Scrutiny Panel with a community member on it, and a commitment of the
police's (in a published review) and an action plan to answer feedback with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from oversight.community import operations
from oversight.community.models import Recipient, Theme
from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.tracker.models import ActionPlan, TrackedItem
from tests.factories import (
    BodyFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RecommendationFactory,
    ReviewFactory,
    TrackedItemFactory,
)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Each test starts with no submissions counted against its address."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Community:
    police: Organisation
    council: Organisation
    officer: Person
    outsider: Person
    panel: Body
    member: Person
    commitment: TrackedItem
    plan: ActionPlan
    stop_and_search: Theme
    youth_safety: Theme

    @property
    def to_police(self) -> Recipient:
        return Recipient(organisation=self.police)


@pytest.fixture
def community(db) -> Community:
    police = OrganisationFactory(
        name="Metropolitan Police Service", short_name="MPS", kind=Organisation.Kind.POLICE
    )
    council = OrganisationFactory(name="London Borough of Hackney", short_name="LBH")
    officer = PersonFactory(name="Pat Okafor", organisation=police, user__username="pat")
    nhs = OrganisationFactory(name="East London NHS Foundation Trust", short_name="ELFT")
    outsider = PersonFactory(name="Priya Shah", organisation=nhs, user__username="priya")
    panel = BodyFactory(name="Community Scrutiny Panel", kind=Body.Kind.PANEL)
    member = PersonFactory(
        name="Jordan Ellis", organisation=None, role=Person.Role.COMMUNITY, user__username="jordan"
    )
    MembershipFactory(person=member, body=panel, role=Membership.Role.MEMBER)
    commission = BodyFactory(name="Living in Hackney Scrutiny Commission", organisation=council)
    review = ReviewFactory(body=commission, title="Stop and search and trust in policing")
    rec = RecommendationFactory(review=review, text="Publish body-worn video dip sampling.")
    rec.addressed_to_orgs.add(police)
    today = timezone.localdate()
    commitment = TrackedItemFactory(
        text="Publish quarterly dip sampling results",
        recommendation=rec,
        owner_org=police,
        owner_person=officer,
        start_date=today - timedelta(days=30),
        due_date=today + timedelta(days=330),
        status=TrackedItem.Status.IN_PROGRESS,
        progress=20,
    )
    plan = ActionPlan.objects.create(
        title="Trust and Confidence in Policing Action Plan",
        owning_body=BodyFactory(name="Community Safety Partnership", kind=Body.Kind.PARTNERSHIP),
        overseeing_body=commission,
        published=True,
    )
    # Not from the migration: a transactional test run before this one empties the table.
    themes = {t.name: t for t in operations.add_default_themes()}
    return Community(
        police=police,
        council=council,
        officer=officer,
        outsider=outsider,
        panel=panel,
        member=member,
        commitment=commitment,
        plan=plan,
        stop_and_search=themes["Stop and search"],
        youth_safety=themes["Youth safety"],
    )


def sent_on(days_ago: int) -> date:
    return timezone.localdate() - timedelta(days=days_ago)
