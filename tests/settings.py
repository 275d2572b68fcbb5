"""The test suite's settings: the product's own, given the fixed key that a live site
must supply itself (start-up is refused without SECRET_KEY when DEBUG is off)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-key-never-used-by-a-live-site-0123456789")

from oversight.settings import *  # noqa: E402, F403

# Static files straight from the package, as in development: the hashed, compressed
# storage of a live site needs `collectstatic` first (tests/hosting checks that path).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# The ModernGov tests serve their fixture site over plain http on this machine.
MODERNGOV_ALLOW_HTTP = True
