"""The two pages of signing in with a council account: the start (off to the
provider) and the callback (back from it). Both are 404 when no provider is configured.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from . import provider
from .backends import REFUSAL_ATTRIBUTE

UNAVAILABLE = (
    "Signing in with your council account is not available just now. Try again later, "
    "or sign in with your username and password."
)
DID_NOT_COMPLETE = (
    "Signing in with your council account did not complete. Try again, or sign in with "
    "your username and password."
)


class _ToProvider(OIDCAuthenticationRequestView):
    @staticmethod
    def get_settings(attr, *args):
        if attr == "OIDC_OP_AUTHORIZATION_ENDPOINT":
            return provider.endpoints().authorization
        return OIDCAuthenticationRequestView.get_settings(attr, *args)


class _FromProvider(OIDCAuthenticationCallbackView):
    def login_failure(self):
        message = getattr(self.request, REFUSAL_ATTRIBUTE, DID_NOT_COMPLETE)
        messages.error(self.request, message)
        return redirect("login")


def start(request: HttpRequest) -> HttpResponse:
    """Send the person to the council's sign-in page, remembering where they were going
    (``next``, kept only when it is on this site)."""
    if not provider.is_configured():
        raise Http404("Council sign-in is not configured")
    try:
        provider.endpoints()
    except provider.ProviderUnavailable:
        messages.error(request, UNAVAILABLE)
        return redirect("login")
    return _ToProvider.as_view()(request)


def callback(request: HttpRequest) -> HttpResponse:
    """Where the provider sends the person back: signed in and on their way, or back
    on the sign-in page with the reason they were refused."""
    if not provider.is_configured():
        raise Http404("Council sign-in is not configured")
    return _FromProvider.as_view()(request)


def sign_in(request: HttpRequest) -> HttpResponse:
    """The sign-in page: the username and password form (Django's, throttled by
    django-axes) and, when a provider is configured, "Sign in with your council
    account"."""
    return LoginView.as_view(extra_context={"council_sign_in": provider.is_configured()})(request)
