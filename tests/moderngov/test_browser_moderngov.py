"""A scrutiny officer connects the council's ModernGov site and chooses committees in a
real browser; after a sync, checks a synced meeting's new paper. axe on every page."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from oversight.directory.models import Person
from oversight.moderngov.models import FollowedCommittee

from ..meetings import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
]


def test_officer_chooses_committees_then_checks_a_synced_meetings_new_paper(site, mg_site):
    f.person("Sam Reid", username="sam", role=Person.Role.SCRUTINY)
    page = site.page
    site.sign_in("sam", f.PASSWORD)
    site.visit("/moderngov/")
    page.get_by_label("Address of the council's ModernGov site").fill("not an address")
    page.get_by_role("button", name="Connect").click()
    site.check()
    assert "There is a problem" in page.content()
    page.get_by_label("Address of the council's ModernGov site").fill(mg_site.base)
    page.get_by_role("button", name="Connect").click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Choose the committees to follow"
    page.get_by_label("Living in Hackney Scrutiny Commission (101)").check()
    page.get_by_label("Children & Young People Scrutiny Commission (102)").check()
    page.get_by_label("Bring in meetings from").fill("2025-01-01")
    page.get_by_role("button", name="Save the committees to follow").click()
    site.check()
    assert "Following 2 committees" in page.content()
    assert FollowedCommittee.objects.filter(following=True).count() == 2

    # cron runs the sync; the frontsheet is not a PDF, so the run reports a failure.
    with pytest.raises(SystemExit):
        call_command("moderngov", "sync", stdout=io.StringIO(), stderr=io.StringIO())

    site.visit("/moderngov/")
    assert "Agenda frontsheet" in page.content()
    page.get_by_role("link", name="1 new paper to check").click()
    site.check()
    row = page.get_by_role("row").filter(has_text="Temporary Accommodation Review report")
    assert "3. Temporary Accommodation Review" in row.inner_text()
    row.get_by_role("link", name="Check Temporary Accommodation Review report").click()
    site.check()
    assert "Temporary-Accommodation-Review-report.pdf" in page.content()
    site.visit("/moderngov/papers/")
    row = page.get_by_role("row").filter(has_text="Temporary Accommodation Review report")
    row.get_by_role("link", name="Living in Hackney Scrutiny Commission").click()
    site.check()
    assert "Members' Question Time" in page.locator("main").inner_text()
    assert "Sem Moema" in page.locator("main").inner_text()
    site.visit("/moderngov/")
    page.get_by_role("link", name="Living in Hackney Scrutiny Commission – 15 October 2025").click()
    site.check()
    assert "Source: Synced from ModernGov" in page.content()
    site.visit("/moderngov/conflicts/")
    assert "No conflicts to resolve" in page.content()
