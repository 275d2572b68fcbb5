"""The one write of signing in with a council account: finding, or making, the account
of someone whose provider vouches for their email address."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from oversight.directory.models import Organisation, Person


class SignInRefused(Exception):
    """Why someone cannot be signed in, in words to show them on the sign-in page."""


def email_is_verified(claims: dict, trusted_domains: list[str]) -> bool:
    """Whether the provider vouches that the address in `claims` is the person's.

    - ``email_verified`` (OpenID Connect's standard claim) decides when present: a
      provider that says false is believed.
    - Without it, Microsoft Entra ID's optional claim ``xms_edov`` (the email's domain
      is verified as the tenant's own) when true.
    - Without either, an address at one of `trusted_domains` (the council's own
      tenant, where only its administrators set addresses).
    """
    verified = claims.get("email_verified")
    if verified is not None:
        return verified is True or str(verified).lower() == "true"
    if claims.get("xms_edov") is True or str(claims.get("xms_edov", "")).lower() in {"true", "1"}:
        return True
    domain = str(claims.get("email", "")).rpartition("@")[2].casefold()
    return bool(domain) and domain in {d.strip().casefold() for d in trusted_domains}


@transaction.atomic
def account_for_council_email(email: str, *, name: str = "") -> AbstractBaseUser:
    """The user account for `email`, an address the provider has verified.

    - One account has that email (any case): that account, and through it its person.
    - None does, and exactly one organisation lists the email's domain: a new account
      (no password: it signs in only through the provider) and a new person in that
      organisation, a partner officer with no memberships and no staff or
      administrator rights, named from the token's ``name`` (else the address).
    - Otherwise `SignInRefused`: the account is switched off, the address is on more
      than one account, or not exactly one organisation has its domain.
    """
    email = email.strip()
    users = get_user_model().objects
    matches = list(users.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise SignInRefused(
            f"More than one account in Oversight uses {email}, so we cannot tell which is "
            "yours. Ask an administrator to remove the duplicate."
        )
    if matches:
        if not matches[0].is_active:
            raise SignInRefused(
                f"The account for {email} is switched off. Ask an administrator to switch "
                "it back on."
            )
        return matches[0]
    domain = email.rpartition("@")[2]
    organisations = Organisation.for_email(email)
    if not organisations:
        raise SignInRefused(
            f"No organisation in Oversight has the email domain {domain}, so we could not "
            "set up your account. Ask the scrutiny team to add your organisation's email "
            "domain, or sign in with a username and password."
        )
    if len(organisations) > 1:
        # Nobody is guessed into one of them: the directory must say which.
        raise SignInRefused(
            f"More than one organisation in Oversight has the email domain {domain}, so "
            "we cannot tell which is yours. Ask the scrutiny team to add you to the "
            "directory, or sign in with a username and password."
        )
    organisation = organisations[0]
    user = users.create_user(username=_free_username(email), email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    person = Person(
        name=name.strip() or email,
        organisation=organisation,
        user=user,
        role=Person.Role.PARTNER,
    )
    person._change_reason = "Signed in with a council account for the first time"
    person.save()
    return user


def _free_username(email: str) -> str:
    username = email.casefold()[:140]
    users = get_user_model().objects
    candidate, n = username, 1
    while users.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{username}-{n}"
    return candidate
