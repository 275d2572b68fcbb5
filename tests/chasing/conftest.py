"""Fixtures: the world of world.py, the browser fixtures, and email kept in Django's
outbox (locmem), never sent."""

import pytest

from tests.browser.conftest import browser, media_in_tmp, site  # noqa: F401

from .world import build


@pytest.fixture(autouse=True)
def outbox_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.NOTIFY_API_KEY = ""
    settings.SITE_URL = "https://oversight.example.org"
    settings.DEFAULT_FROM_EMAIL = "oversight@example.org"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    return build()
