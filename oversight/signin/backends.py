"""The authentication backend for council accounts: mozilla-django-oidc's
authorization-code flow, with who the person is taken from the ID token alone.

The library verifies the ID token's signature (with the provider's published keys),
its expiry and its nonce; this backend adds the checks it leaves out (the token is
from the configured issuer and for this site), then asks
`operations.account_for_council_email` for the account.
"""

from __future__ import annotations

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from . import operations, provider

# Put on the request for the callback page to show (see views.callback).
REFUSAL_ATTRIBUTE = "council_sign_in_refused"
NOT_CHECKED = (
    "We could not check your council sign-in. Try again, or sign in with your username "
    "and password."
)


class CouncilAccountBackend(OIDCAuthenticationBackend):
    """Signs in someone coming back from the council's provider; does nothing for a
    username and password, or when no provider is configured."""

    def __init__(self, *args, **kwargs):
        # Not the library's __init__: it reads the endpoints at once, which would fetch
        # the provider's discovery document on every local sign-in too.
        self.UserModel = get_user_model()

    OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self) -> str:  # noqa: N802 (the library's name)
        return provider.endpoints().token

    @property
    def OIDC_OP_USER_ENDPOINT(self) -> str:  # noqa: N802
        return provider.endpoints().userinfo

    @property
    def OIDC_OP_JWKS_ENDPOINT(self) -> str:  # noqa: N802
        return provider.endpoints().jwks

    @property
    def OIDC_RP_CLIENT_ID(self) -> str:  # noqa: N802
        return settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_RP_CLIENT_SECRET(self) -> str:  # noqa: N802
        return settings.OIDC_RP_CLIENT_SECRET

    @property
    def OIDC_RP_SIGN_ALGO(self) -> str:  # noqa: N802
        return settings.OIDC_RP_SIGN_ALGO

    def authenticate(self, request, **kwargs):
        if request is None or not provider.is_configured():
            return None
        if "username" in kwargs or "password" in kwargs:
            return None  # a local sign-in: ModelBackend's, throttled by django-axes
        try:
            return super().authenticate(request, **kwargs)
        except (provider.ProviderUnavailable, requests.RequestException, SuspiciousOperation):
            # A code refused by the token endpoint, a token that fails its checks, a
            # provider out of reach: the person is told, and may try again.
            if not hasattr(request, REFUSAL_ATTRIBUTE):
                setattr(request, REFUSAL_ATTRIBUTE, NOT_CHECKED)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        # The library checks neither: a token another issuer signed, or one issued to
        # another application of the same tenant, must not sign anyone in here.
        if str(payload.get("iss", "")).rstrip("/") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # The ID token, signed by the provider and checked above, is the one source of
        # who this is. Entra's userinfo endpoint (Microsoft Graph) says nothing about
        # whether an address is verified, so it is not asked.
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        email = str(claims.get("email") or "").strip()
        if not email:
            self._refuse(
                "Your council account did not tell us your email address, so we cannot "
                "tell who you are. Ask your IT team to release the email claim to "
                "Oversight, or sign in with your username and password."
            )
        if not operations.email_is_verified(claims, settings.OIDC_TRUSTED_EMAIL_DOMAINS):
            self._refuse(
                f"Your council account has not verified the email address {email}, so we "
                "cannot sign you in with it. Ask your IT team, or sign in with your "
                "username and password."
            )
        try:
            return operations.account_for_council_email(email, name=str(claims.get("name", "")))
        except operations.SignInRefused as refusal:
            self._refuse(str(refusal))

    def get_user(self, user_id):
        # Django's own, not the library's: an account switched off since signing in is
        # signed out on its next page.
        return ModelBackend.get_user(self, user_id)

    def _refuse(self, message: str):
        setattr(self.request, REFUSAL_ATTRIBUTE, message)
        raise SuspiciousOperation(message)


def is_council_sign_in(request, credentials) -> bool:
    """django-axes' exemption (AXES_WHITELIST_CALLABLE): the return from the council's
    provider is neither counted nor locked. The provider checked the password; what is
    refused here (an address no organisation has, say) is no guess to throttle, and
    staff behind one council address would otherwise lock each other out. Replaying
    the callback gains nothing: its state is single-use and its code needs the PKCE
    verifier kept in the session."""
    match = getattr(request, "resolver_match", None)
    return getattr(match, "url_name", None) == "council_sign_in_callback"
