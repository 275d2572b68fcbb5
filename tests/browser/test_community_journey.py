"""Community voice in a real browser, with axe-core on every page: a member of the
public gives feedback, the police's moderator accepts it, an officer links it to the
commitment that answers it and responds, the commitment is updated, and the public "you
said, we did" page shows the chain with its live status; a community panel records a
session whose findings reach the police's matrix."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from oversight.community import operations
from oversight.community.models import Feedback, Theme
from oversight.directory.models import Body, Membership, Person

from .scenario import PASSWORD, build

pytestmark = pytest.mark.django_db(transaction=True)

SAID = "Mr Named Person was searched at the station. Officers should say why before searching."
EDITED = "A resident was searched at the station. Officers should say why before searching."
FINDING = "In two clips of searches of children, no officer explained the young person's rights."


def _themes() -> None:
    # A transactional test empties the tables the migrations filled: put the themes back.
    operations.add_default_themes()


def _panel_member() -> Body:
    panel = Body.objects.create(name="Community Scrutiny Panel", kind=Body.Kind.PANEL)
    user = User.objects.create_user("jordan", password=PASSWORD)
    member = Person.objects.create(name="Jordan Ellis", user=user, role=Person.Role.COMMUNITY)
    Membership.objects.create(person=member, body=panel, role=Membership.Role.MEMBER)
    return panel


def test_public_feedback_is_moderated_linked_answered_and_shown_with_live_status(site):
    s = build()
    _themes()
    page = site.page

    # A member of the public, not signed in.
    site.visit("/feedback/")
    page.get_by_role("button", name="Send feedback").click()
    site.check()
    assert page.get_by_role("alert").is_visible()  # the error summary
    page.get_by_label("What would you like to tell us?").fill(SAID)
    page.get_by_label("Who is it for?").select_option(label="Metropolitan Police Service")
    page.get_by_label("Stop and search").check()
    page.get_by_label("Area or ward (optional)").fill("Hackney Central")
    page.get_by_label("Your email address (optional)").fill("resident@example.org")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Send feedback").click()
    site.check()
    reference = Feedback.private_objects.get().reference
    assert "Feedback sent" in page.content() and reference in page.content()
    site.visit("/you-said-we-did/")
    assert "Officers should say why" not in page.content()

    # The police's moderator takes the name out and accepts it.
    site.sign_in("police", PASSWORD)
    site.visit("/community/feedback/")
    page.get_by_role("link", name=reference).click()
    site.check()
    assert "resident@example.org" in page.content()  # moderators see the contact
    page.get_by_role("link", name="Moderate").click()
    site.check()
    page.get_by_label("Accept: publish it with the summary below").check()
    page.get_by_label("Summary to publish").fill(EDITED)
    page.get_by_label("What you changed, or why you declined it").fill("Took out a name.")
    page.get_by_role("button", name="Save decision").click()
    site.check()
    assert "is accepted and published" in page.content()

    # The officer links the commitment that answers it, and responds.
    page.get_by_role("link", name="Link what answers it").click()
    site.check()
    page.get_by_label(re.compile("Publish quarterly dip sampling results")).check()
    page.get_by_role("button", name="Link", exact=True).click()
    site.check()
    page.get_by_role("link", name="Write the response").click()
    site.check()
    page.get_by_label("Accepted", exact=True).check()
    page.get_by_label("What you will tell the community").fill(
        "Officers are reminded at every briefing to give the grounds first."
    )
    page.get_by_role("button", name="Save response").click()
    site.check()

    # The commitment is updated: complete.
    site.visit(f"/items/{s.item.pk}/update/")
    page.get_by_label("What has happened since the last update?").fill(
        "Quarterly results are published on the BCU page."
    )
    page.get_by_label("Status").select_option("complete")
    page.get_by_role("button", name="Save update").click()
    site.check()
    site.sign_out()

    # The public reads the chain, with the commitment's live status.
    site.visit("/you-said-we-did/")
    card = page.locator(f"#feedback-{reference}")
    text = card.inner_text()
    assert EDITED in text and "Named Person" not in page.content()
    assert "Officers are reminded at every briefing" in text
    assert "Publish quarterly dip sampling results" in text
    assert "Complete" in text and "Done" in text
    assert "resident@example.org" not in page.content()
    page.get_by_role("link", name="Metropolitan Police Service").first.click()
    site.check()
    matrix = page.get_by_role("table", name="Feedback by theme and what was done")
    assert "Stop and search" in matrix.inner_text()
    card = page.locator(f"#feedback-{reference}")
    card.get_by_role("link", name=re.compile("Details")).click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Stop and search")


def test_panel_session_findings_reach_the_polices_matrix(site):
    build()
    _themes()
    panel = _panel_member()
    page = site.page

    # A community member of the panel lands on their own page and records a session.
    site.sign_in("jordan", PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Your community page"
    page.get_by_role("link", name="Record a Community Scrutiny Panel session").click()
    site.check()
    page.get_by_label("Date of the session").fill(timezone.localdate().isoformat())
    page.get_by_label("Whose work did the panel review?").select_option(
        label="Metropolitan Police Service"
    )
    page.get_by_label("Jordan Ellis").check()
    page.get_by_label("Search type 1 (optional)", exact=True).fill("Drugs")
    page.get_by_label("Number reviewed, search type 1 (optional)").fill("9")
    page.get_by_label("Finding 1 (optional)", exact=True).fill(FINDING)
    page.get_by_label("Theme of finding 1 (optional)").select_option(label="Youth safety")
    page.get_by_role("button", name="Record the session").click()
    site.check()
    assert "9 Body-worn video clips (Drugs)" in page.content()
    site.visit("/community/")
    assert FINDING in page.content() and "Awaiting moderation" in page.content()
    site.sign_out()

    # The police's moderator accepts the finding: it is in the police's matrix.
    site.sign_in("police", PASSWORD)
    site.visit("/community/feedback/")
    page.get_by_role("link", name=Feedback.private_objects.get().reference).click()
    site.check()
    page.get_by_role("link", name="Moderate").click()
    site.check()
    page.get_by_label("Accept: publish it with the summary below").check()
    page.get_by_role("button", name="Save decision").click()
    site.check()
    site.sign_out()
    site.visit("/you-said-we-did/")
    page.get_by_role("link", name="Metropolitan Police Service").first.click()
    site.check()
    matrix = page.get_by_role("table", name="Feedback by theme and what was done")
    row = matrix.get_by_role("row", name=re.compile("Youth safety"))
    assert row.inner_text().split()[-1] == "1"
    assert FINDING in page.content()
    assert "Jordan Ellis" not in page.content()
    assert panel.name in page.content()


def test_community_pages_fit_a_320_pixel_screen(site):
    from oversight.community.models import Recipient
    from oversight.visibility.viewer import Viewer

    from .test_reflow import NARROW, _too_wide

    s = build()
    _themes()
    panel = _panel_member()
    officer = Viewer.for_user(s.officer.user)
    feedback = operations.log_feedback(
        viewer=officer,
        by=s.officer,
        summary=EDITED,
        source=Feedback.Source.CONVERSATION,
        theme=Theme.objects.get(name="Stop and search"),
        recipient=Recipient(organisation=s.item.owner_org),
    )
    operations.link_feedback(feedback, viewer=officer, items=[s.item])
    member = Person.objects.get(user__username="jordan")
    session = operations.record_panel_session(
        panel,
        viewer=Viewer.for_user(member.user),
        by=member,
        held_on=timezone.localdate(),
        recipient=Recipient(organisation=s.item.owner_org),
        members_present=[member],
        reviewed=[operations.Reviewed("Body-worn video clips", "Drugs", 9)],
        findings=[operations.Finding(FINDING, Theme.objects.get(name="Youth safety"))],
    )
    site.page.set_viewport_size(NARROW)
    public = [
        "/feedback/",
        "/you-said-we-did/",
        Recipient(organisation=s.item.owner_org).get_absolute_url(),
        feedback.get_absolute_url(),
        session.get_absolute_url(),
    ]
    assert _too_wide(site, public) == []
    site.sign_in("jordan", PASSWORD)
    assert _too_wide(site, ["/community/", f"/community/panels/{panel.pk}/sessions/new/"]) == []
    site.page.context.clear_cookies()  # signed out: the menu hides the button at this width
    site.sign_in("police", PASSWORD)
    mine = [
        "/community/feedback/",
        feedback.get_absolute_url(),
        f"/community/feedback/{feedback.pk}/link/",
    ]
    assert _too_wide(site, mine) == []
