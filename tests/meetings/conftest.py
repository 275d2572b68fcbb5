"""Meetings tests. The browser fixtures come from the browser tests' conftest (a
non-root conftest cannot name them in `pytest_plugins`)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import browser, site  # noqa: F401


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded papers go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users need passwords, not slow hashes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
