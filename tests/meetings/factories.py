"""Small builders for meetings tests: a partnership board with a clerk, members and
a meeting, so each test states only what it is about."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, time

from django.contrib.auth.models import User

from oversight.directory.models import Body, Membership, Organisation, Person
from oversight.meetings.models import AgendaItem, Meeting
from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer

PASSWORD = "correct-horse-battery"
_n = itertools.count(1)


def org(name: str = "", short: str = "") -> Organisation:
    name = name or f"Organisation {next(_n)}"
    return Organisation.objects.get_or_create(name=name, defaults={"short_name": short})[0]


def body(name: str = "", *, is_public: bool = True, short: str = "") -> Body:
    return Body.objects.create(
        name=name or f"Board {next(_n)}",
        short_name=short,
        is_public=is_public,
        kind=Body.Kind.BOARD,
    )


def person(
    name: str = "",
    organisation: Organisation | None = None,
    *,
    username: str = "",
    role: str = Person.Role.PARTNER,
) -> Person:
    user = User.objects.create_user(username, password=PASSWORD) if username else None
    return Person.objects.create(
        name=name or f"Person {next(_n)}", organisation=organisation, user=user, role=role
    )


def seat(p: Person, b: Body, role: str = Membership.Role.MEMBER) -> Membership:
    return Membership.objects.create(person=p, body=b, role=role)


def meeting(
    b: Body,
    on: date = date(2021, 9, 27),
    *,
    start=time(14),
    end=time(16),
    published: bool = True,
    **kw,
) -> Meeting:
    return Meeting.objects.create(body=b, date=on, start=start, end=end, published=published, **kw)


def item(m: Meeting, title: str, minutes: int | None = None, **kw) -> AgendaItem:
    position = kw.pop("position", m.agenda_items(manager="private_objects").count() + 1)
    return AgendaItem.objects.create(
        meeting=m,
        title=title,
        duration_minutes=minutes,
        position=position,
        number=str(position),
        **kw,
    )


def action(m: Meeting, text: str, **kw) -> TrackedItem:
    kw.setdefault("start_date", m.date)
    return TrackedItem.objects.create(text=text, origin=TrackedItem.Origin.ACTION, meeting=m, **kw)


def viewer(p: Person | None) -> Viewer:
    return Viewer.for_user(p.user if p and p.user else None)


@dataclass
class Board:
    """A public board with a clerk (officer seat), a member and two organisations."""

    body: Body
    council: Organisation
    police: Organisation
    clerk: Person
    member: Person
    outsider: Person


def board(name: str = "Community Safety Partnership Statutory Officer Group") -> Board:
    council = org("London Borough of Hackney", "LBH")
    police = org("Metropolitan Police Service", "MPS")
    b = body(name, short="SOG")
    clerk = person("Casey Clerk", council, username="clerk")
    member = person("Marcus Barnett", police, username="member")
    outsider = person("Olu Other", council, username="outsider")
    seat(clerk, b, Membership.Role.OFFICER)
    seat(member, b, Membership.Role.MEMBER)
    return Board(b, council, police, clerk, member, outsider)
