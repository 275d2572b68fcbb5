"""Browser tests: Playwright driving Debian's Chromium against Django's live server,
with axe-core checking every page visited for WCAG 2.2 A and AA violations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# inside one unless told that this is deliberate (the test thread owns the database).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One live server and browser per worker: keep browser tests together.
            item.add_marker(pytest.mark.xdist_group("browser"))


# Playwright's sync API cannot start while another instance runs in the same process.
# Folders that import this fixture into their conftest each get their own copy of it
# (pytest registers fixtures per conftest), so the copies share one browser.
_shared: dict = {}


@pytest.fixture(scope="session")
def browser():
    if "browser" in _shared:
        yield _shared["browser"]
        return
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        _shared["browser"] = b
        try:
            yield b
        finally:
            del _shared["browser"]
            b.close()


class AccessibilityError(AssertionError):
    pass


def check_accessibility(page) -> None:
    """Run axe-core on the page as it is now; fail on any WCAG 2.2 A/AA violation."""
    # Evaluated through the DevTools protocol, not added as a <script>: the site's
    # Content-Security-Policy rightly refuses an inline script.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    violations = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
    if violations:
        raise AccessibilityError(
            f"axe found violations on {page.url}:\n{json.dumps(violations, indent=2)}"
        )


class Site:
    """A browser tab on the live server that checks accessibility on every page."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []
        # What the browser refused under the Content-Security-Policy: a script or style
        # the page needs that would silently not run for users.
        self.refused: list[str] = []
        page.on(
            "console",
            lambda message: (
                self.refused.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )

    def visit(self, path: str):
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status < 400, (
            f"{path}: {response and response.status}"
        )
        self.check()
        return response

    def check(self) -> None:
        self.page.wait_for_load_state("load")
        check_accessibility(self.page)
        assert not self.refused, "refused by the Content-Security-Policy:\n" + "\n".join(
            self.refused
        )
        self.checked.append(self.page.url)

    def sign_in(self, username: str, password: str) -> None:
        self.visit("/accounts/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.check()

    def sign_out(self) -> None:
        self.page.get_by_role("button", name="Sign out").click()
        self.page.wait_for_load_state("load")


@pytest.fixture
def site(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    yield Site(page, live_server.url)
    context.close()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a fresh folder per test, so file names are as given."""
    settings.MEDIA_ROOT = tmp_path / "media"
