import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Evidence files go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Demo and factory users need a password, not a slow hash of it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
