"""Start-up checks: what must be true before the site serves a page."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

NO_SECRET_KEY = (
    "SECRET_KEY is not set. Set it in the environment (a long random value, kept "
    "secret), or set DEBUG=1 for development on your own machine."
)


def secret_key_missing() -> bool:
    try:
        return not settings.SECRET_KEY
    except ImproperlyConfigured:  # Django's own refusal of an empty key
        return True


@register()
def secret_key_is_set(app_configs=None, **kwargs) -> list[Error]:
    """With DEBUG off the environment must give the key (settings.py makes none up).
    Every command that runs the system checks (runserver, migrate, demo, import) stops
    here without it; the WSGI application refuses to load (oversight/wsgi.py)."""
    if settings.DEBUG or not secret_key_missing():
        return []
    return [Error(NO_SECRET_KEY, id="oversight.E001")]


def refuse_without_secret_key() -> None:
    if secret_key_is_set():
        raise ImproperlyConfigured(NO_SECRET_KEY)
