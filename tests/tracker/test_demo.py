"""`oversight demo` builds a tracker worth trying, and running it again changes nothing."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command

from oversight.demo.management.commands.demo import DEMO_PASSWORD
from oversight.ingest.models import ImportedDocument
from oversight.tracker.models import ActionPlan, TrackedItem, Verification
from oversight.tracker.rag import Rag

TODAY = date(2026, 11, 23)


def row_counts():
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


@pytest.fixture
def demo():
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_prints_a_sign_in_per_role_that_works(demo, rf):
    sign_in = rf.post("/accounts/login/")
    assert "Demo sign-ins:" in demo
    for username in ("scrutiny", "police", "council", "nhs", "community", "admin"):
        assert f"  {username} " in demo
        user = authenticate(sign_in, username=username, password=DEMO_PASSWORD)
        assert user is not None and user.person is not None
    assert authenticate(sign_in, username="admin", password=DEMO_PASSWORD).is_superuser
    assert f"Password for each: {DEMO_PASSWORD}" in demo


def test_demo_password_passes_every_password_rule(demo):
    for user in get_user_model().objects.all():
        validate_password(DEMO_PASSWORD, user)  # raises ValidationError if not


def test_demo_shows_the_whole_accountability_chain(demo):
    assert Verification.objects.filter(decision="verified").count() == 1
    returned = Verification.objects.get(decision="returned")
    assert returned.reason and returned.item.status == TrackedItem.Status.IN_PROGRESS
    assert TrackedItem.private_objects.filter(updates__evidence__file__endswith=".pdf").exists()
    assert TrackedItem.private_objects.filter(
        updates__evidence__link__startswith="https://"
    ).exists()
    assert TrackedItem.private_objects.filter(owner_person__user__username="council").count() >= 3

    restricted = TrackedItem.private_objects.get(restricted=True)
    assert restricted not in TrackedItem.objects.public().all()

    plan = ActionPlan.private_objects.get(title="Trust and Confidence in Policing Action Plan")
    assert plan.owning_body.short_name == "CSP"
    assert plan.overseeing_body.name == "Living in Hackney Scrutiny Commission"
    assert {i.due_date.year for i in plan.items(manager="private_objects").all()} == {2027}
    rags = {i.rag(TODAY) for i in TrackedItem.private_objects.all()}
    assert {Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE, Rag.VERIFIED} <= rags


def test_demo_documents_come_through_the_importer_as_a_scrutiny_officer(demo):
    imports = ImportedDocument.objects.all()
    assert sorted(i.original_name for i in imports) == [
        "cabinet-response-serious-violence-2020.txt",
        "scrutiny-child-q-alignment.txt",
        "sog-2021-09-27.txt",
    ]
    for imp in imports:
        assert imp.status == ImportedDocument.Status.PUBLISHED
        assert imp.uploaded_by.username == "scrutiny" and imp.result is not None
        assert imp.provenance["recommendations"] or imp.provenance["actions"]


def test_running_the_demo_twice_changes_nothing(demo):
    before = row_counts()
    call_command("demo", stdout=io.StringIO())
    assert row_counts() == before


def test_demo_partners_are_their_organisations_lead_contacts_with_an_address(demo):
    from oversight.directory.models import Organisation

    police = Organisation.find("MPS").lead_contact
    assert police.user.username == "police" and police.user.email == "police@example.org"
