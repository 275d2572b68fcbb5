"""A real OpenID Connect provider for the sign-in tests: django-oauth-toolkit's, in a
Django project of its own (its own settings, database and users), served over HTTP by
`serve.py` in a separate process, as the council's Entra ID tenant would be."""
