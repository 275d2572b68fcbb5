from oauth2_provider.oauth2_validators import OAuth2Validator


class DirectoryClaims(OAuth2Validator):
    """Each user's email and name; `email_verified` true, false for a user in the group
    "unverified", and left out for one in "no-verification-claim" (as Entra ID does)."""

    def get_additional_claims(self, request):
        user = request.user
        groups = set(user.groups.values_list("name", flat=True))
        claims = {"email": user.email, "name": user.get_full_name()}
        if "no-verification-claim" not in groups:
            claims["email_verified"] = "unverified" not in groups
        return claims
