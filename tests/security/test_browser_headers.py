"""In a real browser, the Content-Security-Policy lets every page's own scripts run
(GOV.UK Frontend's components start, htmx loads) and refuses a script injected inline."""

from __future__ import annotations

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


def test_the_policy_lets_the_pages_own_scripts_run_and_refuses_an_inline_one(site):
    response = site.visit("/accounts/login/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    page = site.page
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    page.wait_for_selector("[data-govuk-button-init]", state="attached")
    assert page.evaluate("typeof window.htmx") == "object"

    page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.injected = true";
            document.body.appendChild(s);
        }"""
    )
    page.wait_for_timeout(200)  # let the console message arrive; not a timing assertion
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in line for line in site.refused)
    site.refused.clear()  # the refusal was the point of this test
