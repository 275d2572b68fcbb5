"""Fixtures: the personas and indicators (personas.py) and the browser fixtures."""

from tests.browser.conftest import browser, media_in_tmp, site  # noqa: F401

from .personas import fast_passwords, world  # noqa: F401
