"""The round's journey in a real browser, with axe-core on every page
(tests/browser/conftest.py): the officer opens a round, the owner finds it on their
dashboard and records an update, and the round shows them as answered."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from .world import PASSWORD, build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


def test_officer_opens_a_round_and_the_owner_answers_it(site):
    w = build()
    page = site.page
    site.sign_in("sam", PASSWORD)
    site.visit("/dashboard/")
    page.get_by_role("link", name="Update rounds").click()
    site.check()
    page.get_by_label("What is the round for?").select_option(label=w.review.title)
    page.get_by_role("button", name="Open a round").click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Open an update round"
    assert page.get_by_label(re.compile("^Publish dip sampling results")).is_checked()
    assert not page.get_by_label(re.compile("^Publish the scrutiny panel")).is_checked()
    for text in ("Train supervisors", "Offer health checks", "Discipline review"):
        page.get_by_label(re.compile(f"^{text}")).uncheck()
    page.get_by_label("Covering message").fill("The commission meets on 14 December.")
    page.get_by_role("button", name="Continue").click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Check before sending"
    assert mail.outbox == []
    page.get_by_role("button", name="Open the round and send the emails").click()
    site.check()
    assert "The round is open. 1 owner emailed." in page.content()
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
    round_url = page.url
    owners = page.get_by_role("table", name=re.compile("Who has answered"))
    assert "Not answered" in owners.get_by_role("row", name=re.compile("Pat Okafor")).inner_text()
    site.sign_out()

    site.sign_in("pat", PASSWORD)
    site.visit("/dashboard/")
    asked = page.get_by_role("table", name="Your items in open update rounds")
    row = asked.get_by_role("row", name=re.compile("Publish dip sampling results"))
    assert w.review.title in row.inner_text()
    row.get_by_role("link", name=re.compile("Add an update")).click()
    site.check()
    page.get_by_label("What has happened since the last update?").fill(
        "The first quarter's results are on the BCU web page."
    )
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Progress (per cent)").fill("30")
    page.get_by_role("button", name="Save update").click()
    site.check()
    assert "Your update has been recorded." in page.content()
    site.visit("/dashboard/")
    assert (
        "Answered"
        in page.get_by_role("table", name="Your items in open update rounds").inner_text()
    )
    site.sign_out()

    site.sign_in("sam", PASSWORD)
    site.page.goto(round_url)
    site.check()
    owners = page.get_by_role("table", name=re.compile("Who has answered"))
    assert (
        "Answered 1 of 1" in owners.get_by_role("row", name=re.compile("Pat Okafor")).inner_text()
    )
    site.visit(w.pat_first.get_absolute_url())
    assert "Request for updates sent to Pat Okafor" in page.content()
