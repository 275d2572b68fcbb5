"""Signing in with the council's own accounts: OpenID Connect (Microsoft Entra ID is the
documented case, docs/operations.md), beside the local username and password.

Off unless the environment names a provider (``OIDC_ISSUER``, ``OIDC_CLIENT_ID``,
``OIDC_CLIENT_SECRET``). Someone coming back from the provider is matched to the
directory by their verified email address (`operations.account_for_council_email`); see
docs/decisions/0010-sign-in-with-council-accounts.md.
"""
