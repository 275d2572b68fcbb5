"""Signing in: repeated wrong passwords are throttled, weak passwords are refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def sign_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def officer():
    return PersonFactory(
        name="Pat Okafor", user__username="pat", user__email="patokafor@lbh.example"
    )


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, officer):
    for _ in range(4):
        response = sign_in(client, "pat", "not-the-password")
        assert response.status_code == 200  # the form again, with its error
        assert "_auth_user_id" not in client.session
    locked = sign_in(client, "pat", "not-the-password")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()

    right = sign_in(client, "pat", PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_for_one_user_leaves_another_user_free_to_sign_in(client, officer):
    PersonFactory(name="Sam Reid", user__username="sam")
    for _ in range(5):
        sign_in(client, "pat", "not-the-password")
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_signing_in_correctly_clears_earlier_failures(client, officer):
    for _ in range(4):
        sign_in(client, "pat", "not-the-password")
    assert sign_in(client, "pat", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "pat", "not-the-password").status_code == 200
    assert sign_in(client, "pat", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("police12", "too short"),
        ("hackney2026", "too short"),
        ("qwertyqwerty", "too common"),
        ("204519837465", "entirely numeric"),
        ("patokafor-lbh", "too similar"),
    ],
)
def test_weak_passwords_are_refused(officer, password, reason):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, officer.user)
    assert reason in " ".join(refused.value.messages)


def test_a_long_uncommon_password_is_accepted(officer):
    validate_password("lantern-orchard-velvet", officer.user)
