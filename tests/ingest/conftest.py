"""Ingest tests. The browser fixtures come from the browser tests' conftest (a non-root
conftest cannot name them in `pytest_plugins`); `media_in_tmp` (autouse) keeps every
stored upload in a fresh folder per test, so a test can see exactly what was kept."""

from __future__ import annotations

import pytest

from tests.browser.conftest import browser, media_in_tmp, site  # noqa: F401


@pytest.fixture
def fast_passwords(settings):
    """Test users need passwords, not slow hashes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
