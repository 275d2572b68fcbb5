"""Signing in with a council account in a real browser: the sign-in page (checked with
axe) sends Chromium to the provider's own sign-in form, and the provider sends it back
signed in; a refusal is explained on the sign-in page."""

from __future__ import annotations

import pytest

from tests.factories import OrganisationFactory, PersonFactory

from .conftest import PROVIDER_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def hackney():
    return OrganisationFactory(name="London Borough of Hackney", email_domains=["hackney.gov.uk"])


def sign_in_at_provider(page, username: str) -> None:
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", level=1).inner_text() == "Council sign-in"
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


def test_officer_signs_in_with_their_council_account_in_a_browser(site, council_accounts, hackney):
    PersonFactory(
        name="Ada Lovelace",
        organisation=hackney,
        user__username="alovelace",
        user__email="ada.lovelace@hackney.gov.uk",
    )
    site.visit("/accounts/login/")
    sign_in_at_provider(site.page, "ada")
    site.check()
    assert site.page.url == f"{site.base_url}/dashboard/"
    assert "Ada Lovelace" in site.page.content()


def test_refusal_is_explained_on_the_sign_in_page_in_a_browser(site, council_accounts, hackney):
    site.visit("/accounts/login/")
    sign_in_at_provider(site.page, "dan")
    site.check()
    assert site.page.url == f"{site.base_url}/accounts/login/"
    assert "No organisation in Oversight has the email domain elsewhere.example" in (
        site.page.content()
    )
    assert site.page.get_by_label("Password").is_visible()
