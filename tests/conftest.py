"""Shared fixtures: the people the tracker is for, kept small.

- `commission`: a public scrutiny commission of the council;
- `scrutiny_officer`: a council scrutiny officer who sits on the commission;
- `police_officer`: a partner officer of the police;
- `other_officer`: a partner officer of an organisation with no part in the record;
- `public_client`: a member of the public, i.e. an anonymous test client.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import pytest
from django.db.backends.signals import connection_created

from oversight.directory.models import Membership, Organisation, Person
from oversight.visibility.viewer import Viewer
from tests.factories import BodyFactory, MembershipFactory, OrganisationFactory, PersonFactory

# Test modules here use the database; the browser tests manage their own.
_DB_DIRS = ("tracker", "ingest")
_TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if any(path.is_relative_to(_TESTS / d) for d in _DB_DIRS):
            item.add_marker(pytest.mark.django_db)


# Every database connection the run opens, in any thread or context. Django keeps one
# per thread and asyncio context; the browser tests' Playwright runs an event loop in
# the test thread, so a connection opened there is not the one the test database's
# teardown closes, and PostgreSQL then refuses to drop the database ("being accessed by
# other users").
_OPENED: weakref.WeakSet = weakref.WeakSet()


def _remember(sender, connection, **kwargs) -> None:
    _OPENED.add(connection)


connection_created.connect(_remember)


@pytest.fixture(scope="session")
def _stray_connections_closed(django_db_setup):
    yield
    for wrapper in list(_OPENED):
        if wrapper.connection is not None:
            # The raw connection: Django refuses to close another thread's wrapper.
            wrapper.connection.close()
            wrapper.connection = None


@pytest.fixture(autouse=True)
def _close_stray_connections_at_the_end(request):
    """Set up after the test database, so torn down before it is dropped."""
    uses_db = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
        "django_db_setup",
    } & set(request.fixturenames)
    if uses_db:
        request.getfixturevalue("_stray_connections_closed")


@pytest.fixture(autouse=True)
def files_in_tmp(settings, tmp_path):
    """Uploads and the stop-and-search store go to a fresh folder per test, never the
    working directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STOPSEARCH_DB = tmp_path / "stopsearch.duckdb"


@pytest.fixture
def council():
    return OrganisationFactory(
        name="London Borough of Hackney", short_name="LBH", kind=Organisation.Kind.COUNCIL
    )


@pytest.fixture
def police():
    return OrganisationFactory(
        name="Metropolitan Police Service", short_name="MPS", kind=Organisation.Kind.POLICE
    )


@pytest.fixture
def commission(council):
    return BodyFactory(name="Living in Hackney Scrutiny Commission", organisation=council)


@pytest.fixture
def scrutiny_officer(council, commission) -> Person:
    person = PersonFactory(
        name="Sam Reid", organisation=council, role=Person.Role.SCRUTINY, user__username="sam"
    )
    MembershipFactory(person=person, body=commission, role=Membership.Role.OFFICER)
    return person


@pytest.fixture
def police_officer(police) -> Person:
    return PersonFactory(name="Pat Okafor", organisation=police, user__username="pat")


@pytest.fixture
def other_officer() -> Person:
    nhs = OrganisationFactory(name="East London NHS Foundation Trust", short_name="ELFT")
    return PersonFactory(name="Priya Shah", organisation=nhs, user__username="priya")


@pytest.fixture
def public_client(client):
    """A member of the public: nobody is signed in."""
    client.logout()
    return client


@pytest.fixture
def viewer_of():
    """`viewer_of(person)`: what the visibility and access rules see of their user."""

    def make(person: Person) -> Viewer:
        return Viewer.for_user(person.user)

    return make
