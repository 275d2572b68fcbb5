"""Security tests. The browser fixtures come from the browser tests' conftest."""

from tests.browser.conftest import browser, site  # noqa: F401
