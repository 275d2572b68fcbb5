"""Signing in with a council account, against a real OpenID Connect provider in its own
process (conftest.py): the authorization-code flow over HTTP, with PKCE, the provider's
own sign-in form, its token endpoint and its signing keys."""

from __future__ import annotations

import socket
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model

from oversight.directory.models import Membership, Person
from oversight.signin import views as signin_views
from oversight.signin.operations import email_is_verified
from tests.factories import PASSWORD, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("signin")]
User = get_user_model()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def hackney():
    return OrganisationFactory(
        name="London Borough of Hackney", short_name="LBH", email_domains=["hackney.gov.uk"]
    )


@pytest.fixture
def ada(hackney):
    """An officer already in the directory, whose account has her council address."""
    return PersonFactory(
        name="Ada Lovelace",
        organisation=hackney,
        user__username="alovelace",
        user__email="Ada.Lovelace@hackney.gov.uk",
    )


def come_back_from_provider(client, provider, username, next_url=""):
    """Start on this site, sign in on the provider's page, and arrive back at the
    callback; the callback's response."""
    start = client.get(
        "/accounts/council/" + (f"?{urlencode({'next': next_url})}" if next_url else "")
    )
    assert start.status_code == 302
    assert start["Location"].startswith(provider.issuer + "/authorize/")
    assert "code_challenge=" in start["Location"]
    back = urlsplit(provider.sign_in(start["Location"], username))
    assert (back.netloc, back.path) == ("testserver", "/accounts/council/callback/")
    return client.get(f"{back.path}?{back.query}")


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def refusal_on_sign_in_page(client, response) -> str:
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    return client.get("/accounts/login/").content.decode()


def test_sign_in_page_offers_a_council_account_only_when_one_is_configured(client, settings):
    assert (
        "Sign in with your council account" not in client.get("/accounts/login/").content.decode()
    )
    assert client.get("/accounts/council/").status_code == 404
    assert client.get("/accounts/council/callback/").status_code == 404


def test_sign_in_page_offers_both_ways_when_configured(client, council_accounts):
    page = client.get("/accounts/login/?next=/dashboard/").content.decode()
    assert "Sign in with your council account" in page
    assert 'href="/accounts/council/?next=/dashboard/"' in page
    assert 'name="password"' in page


def test_officer_with_a_verified_council_email_is_signed_in_as_their_person(
    client, council_accounts, ada
):
    response = come_back_from_provider(client, council_accounts, "ada")
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert signed_in_user(client) == ada.user
    assert Person.objects.filter(name="Ada Lovelace").count() == 1
    assert client.get("/dashboard/").status_code == 200


def test_the_page_asked_for_is_where_a_council_sign_in_lands(client, council_accounts, ada):
    response = come_back_from_provider(client, council_accounts, "ada", next_url="/search/")
    assert response["Location"] == "/search/"
    assert signed_in_user(client) == ada.user


def test_newcomer_joins_the_organisation_of_their_email_domain_with_no_extra_powers(
    client, council_accounts, hackney
):
    response = come_back_from_provider(client, council_accounts, "carol")
    assert response["Location"] == "/dashboard/"
    user = signed_in_user(client)
    assert user.email == "carol.jones@hackney.gov.uk"
    assert not user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    person = user.person
    assert person.name == "Carol Jones"
    assert person.organisation == hackney
    assert person.role == Person.Role.PARTNER
    assert not Membership.objects.filter(person=person).exists()
    assert person.history.get().history_change_reason.startswith("Signed in with a council")

    client.logout()
    come_back_from_provider(client, council_accounts, "carol")
    assert signed_in_user(client) == user
    assert Person.objects.filter(organisation=hackney, name="Carol Jones").count() == 1


def test_email_the_provider_has_not_verified_is_refused(client, council_accounts, hackney):
    response = come_back_from_provider(client, council_accounts, "bob")
    page = refusal_on_sign_in_page(client, response)
    assert "has not verified the email address bob.smith@hackney.gov.uk" in page
    assert signed_in_user(client) is None
    assert not User.objects.filter(email__iexact="bob.smith@hackney.gov.uk").exists()


def test_email_with_no_word_on_verification_is_refused_unless_its_domain_is_trusted(
    client, council_accounts, hackney, settings
):
    refused = come_back_from_provider(client, council_accounts, "erin")
    assert "has not verified the email address" in refusal_on_sign_in_page(client, refused)
    assert signed_in_user(client) is None

    settings.OIDC_TRUSTED_EMAIL_DOMAINS = ["hackney.gov.uk"]
    come_back_from_provider(client, council_accounts, "erin")
    assert signed_in_user(client).person.organisation == hackney


def test_email_at_a_domain_no_organisation_has_is_refused(client, council_accounts, hackney):
    response = come_back_from_provider(client, council_accounts, "dan")
    page = refusal_on_sign_in_page(client, response)
    assert "No organisation in Oversight has the email domain elsewhere.example" in page
    assert signed_in_user(client) is None
    assert not User.objects.filter(email__iexact="dan.brown@elsewhere.example").exists()
    assert not Person.objects.filter(name="Dan Brown").exists()


def test_an_account_switched_off_is_refused(client, council_accounts, ada):
    ada.user.is_active = False
    ada.user.save()
    response = come_back_from_provider(client, council_accounts, "ada")
    assert "is switched off" in refusal_on_sign_in_page(client, response)
    assert signed_in_user(client) is None


def test_a_provider_whose_discovery_names_another_issuer_is_not_used(
    client, council_accounts, settings
):
    # The same server under another name: its document names 127.0.0.1, not localhost.
    settings.OIDC_ISSUER = council_accounts.issuer.replace("127.0.0.1", "localhost")
    response = client.get("/accounts/council/")
    assert signin_views.UNAVAILABLE.split(".")[0] in refusal_on_sign_in_page(client, response)


def test_a_provider_out_of_reach_is_reported_and_local_sign_in_still_offered(
    client, council_accounts, settings
):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    settings.OIDC_ISSUER = f"http://127.0.0.1:{closed_port}/o"
    page = refusal_on_sign_in_page(client, client.get("/accounts/council/"))
    assert "not available just now" in page
    assert 'name="password"' in page


def test_local_sign_in_still_works_and_is_still_throttled_with_council_accounts_on(
    client, council_accounts, ada
):
    assert (
        client.post("/accounts/login/", {"username": "alovelace", "password": PASSWORD}).status_code
        == 302
    )
    assert signed_in_user(client) == ada.user
    client.logout()
    for _ in range(5):
        client.post("/accounts/login/", {"username": "alovelace", "password": "wrong-one"})
    locked = client.post("/accounts/login/", {"username": "alovelace", "password": PASSWORD})
    assert locked.status_code == 429
    assert signed_in_user(client) is None


def test_entra_email_domain_verified_claim_counts_as_verified():
    assert email_is_verified({"email": "a@x.gov.uk", "xms_edov": True}, [])
    assert not email_is_verified({"email": "a@x.gov.uk", "xms_edov": False}, [])
    assert not email_is_verified({"email": "a@x.gov.uk"}, [])
    assert email_is_verified({"email": "a@X.gov.uk"}, ["x.gov.uk"])
    # A provider that says "not verified" is believed, whatever the domain.
    assert not email_is_verified({"email": "a@x.gov.uk", "email_verified": False}, ["x.gov.uk"])


def test_refused_council_sign_ins_do_not_lock_out_colleagues_at_the_same_address(
    client, council_accounts, ada
):
    for _ in range(6):
        refused = come_back_from_provider(client, council_accounts, "dan")
        assert refused["Location"] == "/accounts/login/"
    response = come_back_from_provider(client, council_accounts, "ada")
    assert response["Location"] == "/dashboard/"
    assert signed_in_user(client) == ada.user


def test_switching_off_an_account_signs_out_its_council_session_at_once(
    client, council_accounts, ada
):
    come_back_from_provider(client, council_accounts, "ada")
    assert client.get("/dashboard/").status_code == 200
    ada.user.is_active = False
    ada.user.save()
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_newcomer_is_not_guessed_into_one_of_two_organisations_sharing_a_domain(
    client, council_accounts, hackney
):
    OrganisationFactory(name="Hackney Education", email_domains=["@Hackney.gov.uk"])
    response = come_back_from_provider(client, council_accounts, "carol")
    page = refusal_on_sign_in_page(client, response)
    assert "More than one organisation in Oversight has the email domain hackney.gov.uk" in page
    assert not Person.objects.filter(name="Carol Jones").exists()


def test_a_page_on_another_site_is_not_where_a_council_sign_in_lands(client, council_accounts, ada):
    response = come_back_from_provider(
        client, council_accounts, "ada", next_url="https://elsewhere.example/"
    )
    assert response["Location"] == "/dashboard/"
