"""The council's sign-in service for these tests: a real OpenID Connect provider
(tests/signin/provider) in its own process on a free port, with these accounts:

- ``ada``: ada.lovelace@hackney.gov.uk, verified, already in Oversight's directory;
- ``carol``: carol.jones@hackney.gov.uk, verified, not yet in the directory;
- ``bob``: bob.smith@hackney.gov.uk, the provider says it is not verified;
- ``erin``: erin.moss@hackney.gov.uk, the provider says nothing of verification;
- ``dan``: dan.brown@elsewhere.example, verified, a domain no organisation has.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from oversight.signin import provider as council_provider
from tests.browser.conftest import Site, browser  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "oversight-tests"
CLIENT_SECRET = "a-client-secret-for-tests-only"
REDIRECT_URI = "http://testserver/accounts/council/callback/"
# For the browser test: a loopback address, which the provider accepts on any port
# (RFC 8252), as the live server's port is not known when the provider starts.
LOOPBACK_REDIRECT_URI = "http://127.0.0.1/accounts/council/callback/"
PROVIDER_PASSWORD = "provider-password-123"
ACCOUNTS = [
    ("ada", "ada.lovelace@hackney.gov.uk", "Ada Lovelace", []),
    ("carol", "carol.jones@hackney.gov.uk", "Carol Jones", []),
    ("bob", "bob.smith@hackney.gov.uk", "Bob Smith", ["unverified"]),
    ("erin", "erin.moss@hackney.gov.uk", "Erin Moss", ["no-verification-claim"]),
    ("dan", "dan.brown@elsewhere.example", "Dan Brown", []),
]


@dataclass
class Provider:
    issuer: str

    def sign_in(self, authorize_url: str, username: str) -> str:
        """As a browser would: open the provider's page, sign in on its form, and
        follow its redirects until it sends us back; the URL it sends us back to."""
        visitor = requests.Session()
        response = visitor.get(authorize_url, timeout=10)
        assert response.status_code == 200, response.text
        assert "Council sign-in" in response.text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)[1]
        next_url = re.search(r'name="next" value="([^"]+)"', response.text)[1]
        response = visitor.post(
            response.url,
            data={
                "csrfmiddlewaretoken": token,
                "username": username,
                "password": PROVIDER_PASSWORD,
                "next": next_url.replace("&amp;", "&"),
            },
            headers={"Referer": response.url},
            allow_redirects=False,
            timeout=10,
        )
        provider_host = urlsplit(self.issuer).netloc
        while response.status_code in (301, 302, 303):
            location = requests.compat.urljoin(response.url, response.headers["Location"])
            if urlsplit(location).netloc != provider_host:
                return location
            response = visitor.get(location, allow_redirects=False, timeout=10)
        raise AssertionError(f"the provider did not send us back: {response.status_code}")


@pytest.fixture(scope="session")
def running_provider(tmp_path_factory):
    folder = tmp_path_factory.mktemp("provider")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    setup = {
        "database": str(folder / "provider.sqlite3"),
        "rsa_key": key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode(),
        "client": {
            "id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "redirect_uri": f"{REDIRECT_URI} {LOOPBACK_REDIRECT_URI}",
        },
        "users": [
            {"username": u, "email": e, "name": n, "groups": g, "password": PROVIDER_PASSWORD}
            for u, e, n, g in ACCOUNTS
        ],
    }
    (folder / "setup.json").write_text(json.dumps(setup))
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.signin.provider.serve", str(folder / "setup.json")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = process.stdout.readline().strip()
        assert port.isdigit(), "the provider did not start"
        yield Provider(issuer=f"http://127.0.0.1:{port}/o")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def council_accounts(settings, running_provider):
    """Oversight configured for the provider, as the environment would configure it."""
    settings.OIDC_ISSUER = running_provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_TRUSTED_EMAIL_DOMAINS = []
    council_provider._discovery.cache_clear()
    yield running_provider
    council_provider._discovery.cache_clear()


@pytest.fixture
def site(browser, live_server):  # noqa: F811
    """A browser tab on the live server at 127.0.0.1 (see LOOPBACK_REDIRECT_URI),
    checking every page of ours with axe."""
    base_url = live_server.url.replace("localhost", "127.0.0.1")
    context = browser.new_context(base_url=base_url)
    yield Site(context.new_page(), base_url)
    context.close()
