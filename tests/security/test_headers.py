"""Every page tells the browser to run only the site's own scripts and styles, and never
to show the page inside another site's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import oversight

OVERSIGHT = Path(oversight.__file__).parent

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/no-such-page/"])
def test_pages_allow_only_the_sites_own_scripts_and_styles(client, path):
    policy = directives(client.get(path))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"


def test_pages_have_no_inline_script_or_style_for_the_policy_to_refuse(client):
    page = client.get("/accounts/login/").content.decode()
    assert "<script>" not in page and '<script type="module">' not in page
    assert " style=" not in page


def test_pages_cannot_be_framed_or_sniffed(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


INLINE = {
    "an inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "a style attribute": re.compile(r"\sstyle=[\"']", re.IGNORECASE),
    "an event-handler attribute": re.compile(r"\son[a-z]+=[\"']", re.IGNORECASE),
    "a javascript: link": re.compile(r"javascript:", re.IGNORECASE),
}


def test_no_template_has_what_the_policy_refuses():
    """Each would silently not work under the policy: a script or style belongs in a
    static file, a layout rule in the stylesheet (frontend/scss)."""
    found = [
        f"{path.relative_to(OVERSIGHT)}: {what}"
        for path in sorted(OVERSIGHT.glob("**/templates/**/*.html"))
        for what, pattern in INLINE.items()
        if pattern.search(path.read_text())
    ]
    assert found == []
