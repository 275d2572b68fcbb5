"""factory_boy factories for the directory, tracker and meetings. Defaults make a
published review of a public commission, so a record is public unless a test says not."""

from __future__ import annotations

from datetime import date

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory, Password

from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.meetings.models import Meeting
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem

PASSWORD = "correct-horse-battery"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.OTHER


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Scrutiny Commission {n}")
    kind = Body.Kind.COMMISSION
    is_public = True


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = Password(PASSWORD)


class PersonFactory(DjangoModelFactory):
    """A person with a user account (pass `user=None` for someone without one)."""

    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Person.Role.PARTNER


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = Membership.Role.MEMBER


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    body = factory.SubFactory(BodyFactory)
    title = factory.Sequence(lambda n: f"Review {n}")
    date = date(2026, 1, 15)
    published = True


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Recommendation title {n}")
    text = factory.Sequence(lambda n: f"We ask that recommendation {n} is carried out.")


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = Response

    recommendation = factory.SubFactory(RecommendationFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    position = Response.Position.ACCEPTED
    text = "Agreed. We will do this."
    date = date(2026, 2, 1)


class TrackedItemFactory(DjangoModelFactory):
    class Meta:
        model = TrackedItem

    text = factory.Sequence(lambda n: f"Commitment {n} will be delivered.")
    origin = TrackedItem.Origin.COMMITMENT
    recommendation = factory.SubFactory(RecommendationFactory)
    owner_org = factory.SubFactory(OrganisationFactory)
    start_date = date(2026, 1, 1)
    due_date = date(2027, 12, 31)


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory, kind=Body.Kind.BOARD)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = date(2026, 9, 27)
    published = True
