"""The council's OpenID Connect provider as this site is configured to use it.

Its endpoints come from the issuer's discovery document
(``<issuer>/.well-known/openid-configuration``), fetched the first time someone signs in
with a council account and kept for the life of the process; any endpoint given in the
environment is used instead of the document's. Nothing is fetched for a local sign-in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import requests
from django.conf import settings


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read, or does not describe the
    configured issuer."""


@dataclass(frozen=True)
class Endpoints:
    authorization: str
    token: str
    jwks: str
    userinfo: str


def is_configured() -> bool:
    """True when the environment names an issuer, a client and its secret."""
    return bool(
        settings.OIDC_ISSUER and settings.OIDC_RP_CLIENT_ID and settings.OIDC_RP_CLIENT_SECRET
    )


def endpoints() -> Endpoints:
    """The provider's endpoints: those set explicitly, the rest from discovery.
    Raises `ProviderUnavailable` when discovery is needed and fails."""
    explicit = settings.OIDC_ENDPOINTS
    wanted = {
        "authorization": "authorization_endpoint",
        "token": "token_endpoint",
        "jwks": "jwks_uri",
        "userinfo": "userinfo_endpoint",
    }
    if all(explicit.get(name) for name in wanted):
        return Endpoints(**{name: explicit[name] for name in wanted})
    document = _discovery(settings.OIDC_ISSUER)
    found = {}
    for name, key in wanted.items():
        found[name] = explicit.get(name) or document.get(key, "")
        if not found[name] and name != "userinfo":
            raise ProviderUnavailable(f"The provider's discovery document has no {key}.")
    return Endpoints(**found)


@functools.lru_cache(maxsize=4)
def _discovery(issuer: str) -> dict:
    # Cached per issuer, and only when it succeeds: a provider down for a moment is
    # asked again by the next person to sign in.
    url = f"{issuer}/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"Could not read {url}: {exc}") from exc
    # OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it
    # was asked for, or its keys could be another issuer's.
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderUnavailable(f"{url} describes issuer {document.get('issuer')!r}.")
    return document
