"""The test suite's settings: the product's own, given the fixed key that a live site
must supply itself (start-up is refused without SECRET_KEY when DEBUG is off)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-key-never-used-by-a-live-site-0123456789")

from oversight.settings import *  # noqa: E402, F403

# The ModernGov tests serve their fixture site over plain http on this machine.
MODERNGOV_ALLOW_HTTP = True
