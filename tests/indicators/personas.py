"""The people who use indicators and a few indicators, for the tests in this folder.

Personas: a council scrutiny officer; a police partner officer who sits on the
Statutory Officer Group (SOG); someone from another organisation (an NHS trust, on no
body); and the public (no account). The SOG owns a public indicator (gun crime) and a
restricted one (repeat victims of domestic abuse)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.indicators import operations
from oversight.indicators.models import Indicator
from oversight.indicators.operations import ValueRow

PASSWORD = "correct-horse-battery"


@dataclass
class World:
    council: Organisation
    police: Organisation
    nhs: Organisation
    sog: Body
    commission: Body
    scrutiny: Person
    partner: Person
    outsider: Person
    gun_crime: Indicator
    secret: Indicator


def person(username: str, name: str, org: Organisation, role: str) -> Person:
    user = User.objects.create_user(username, password=PASSWORD)
    return Person.objects.create(name=name, organisation=org, user=user, role=role)


def indicator(body: Body, name: str, benchmarks: tuple[str, ...] = (), **fields) -> Indicator:
    fields.setdefault("unit", "offences")
    fields.setdefault("better", Indicator.Better.LOWER)
    fields.setdefault("frequency", Indicator.Frequency.MONTHLY)
    return operations.save_indicator(
        Indicator(name=name, body=body, **fields), benchmark_labels=list(benchmarks)
    )


def row(label: str, value: str, **extra) -> ValueRow:
    year, month = (int(x) for x in label.split("-"))
    return ValueRow(
        period_start=date(year, month, 1), period_label=label, value=Decimal(value), **extra
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The default hasher is slow on purpose; these accounts guard nothing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    council = Organisation.objects.create(name="London Borough of Hackney", short_name="LBH")
    police = Organisation.objects.create(name="Metropolitan Police Service", short_name="MPS")
    nhs = Organisation.objects.create(name="East London NHS Foundation Trust", short_name="ELFT")
    sog = Body.objects.create(
        name="Community Safety Partnership Statutory Officer Group",
        short_name="SOG",
        kind=Body.Kind.SUB_GROUP,
        organisation=council,
    )
    commission = Body.objects.create(
        name="Children and Young People Scrutiny Commission",
        kind=Body.Kind.COMMISSION,
        organisation=council,
    )
    scrutiny = person("scrutiny", "Sam Reid", council, Person.Role.SCRUTINY)
    partner = person("police", "Pat Okafor", police, Person.Role.PARTNER)
    Membership.objects.create(person=partner, body=sog)
    outsider = person("nhs", "Noor Ali", nhs, Person.Role.PARTNER)
    gun_crime = indicator(sog, "Gun crime offences", slug="gun-crime")
    operations.record_values(
        gun_crime, [row("2019-07", "16"), row("2021-07", "7")], source="SOG notes"
    )
    secret = indicator(
        sog,
        "Repeat victims of domestic abuse",
        slug="repeat-victims",
        unit="%",
        restricted=True,
    )
    operations.record_values(secret, [row("2021-06", "41.5")], source="MARAC")
    return World(
        council, police, nhs, sog, commission, scrutiny, partner, outsider, gun_crime, secret
    )
