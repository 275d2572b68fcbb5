"""A community panel records a review session: who was there, what it reviewed, and
findings that become feedback for the accountable organisation, reaching its matrix
once its moderator accepts them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from oversight.community import operations
from oversight.community.models import Feedback, PanelSession

from .conftest import sent_on

pytestmark = pytest.mark.django_db

FINDING = "In most clips officers gave the grounds for the search clearly."
FINDING_2 = "Two clips of searches of children showed no explanation of their rights."


def _session_form(community, **extra) -> dict:
    return {
        "held_on": sent_on(3).isoformat(),
        "recipient": f"organisation-{community.police.pk}",
        "members_present": [community.member.pk],
        "what": "Body-worn video clips",
        "kind_1": "Drugs",
        "count_1": "8",
        "kind_2": "Weapons",
        "count_2": "4",
        "finding_1": FINDING,
        "theme_1": community.stop_and_search.pk,
        "finding_2": FINDING_2,
        "theme_2": community.youth_safety.pk,
        **extra,
    }


def test_community_member_of_the_panel_records_a_session(community, client):
    client.force_login(community.member.user)
    page = client.get(reverse("panel_session_new", args=[community.panel.pk]))
    assert page.status_code == 200 and "Jordan Ellis" in page.content.decode()
    response = client.post(
        reverse("panel_session_new", args=[community.panel.pk]), _session_form(community)
    )
    session = PanelSession.private_objects.get()
    assert response.url == session.get_absolute_url()
    assert [str(r) for r in session.reviewed.all()] == [
        "8 Body-worn video clips (Drugs)",
        "4 Body-worn video clips (Weapons)",
    ]
    findings = Feedback.private_objects.filter(session=session).order_by("pk")
    assert [f.summary for f in findings] == [FINDING, FINDING_2]
    assert {f.for_organisation for f in findings} == {community.police}
    assert {f.source for f in findings} == {Feedback.Source.PANEL}
    assert {f.moderation for f in findings} == {Feedback.Moderation.PENDING}
    assert {f.logged_by for f in findings} == {community.member}


def test_findings_reach_the_polices_matrix_once_accepted(community, client, viewer_of):
    client.force_login(community.member.user)
    client.post(reverse("panel_session_new", args=[community.panel.pk]), _session_form(community))
    police = community.to_police.get_absolute_url()
    client.logout()
    assert FINDING not in client.get(police).content.decode()
    client.force_login(community.officer.user)
    queue = client.get(reverse("feedback_list")).content.decode()
    assert FINDING in queue and FINDING_2 in queue
    for finding in Feedback.private_objects.filter(session__isnull=False):
        operations.accept_feedback(
            finding,
            viewer=viewer_of(community.officer),
            by=community.officer,
            summary=finding.summary,
        )
    client.logout()
    data = client.get(
        reverse("you_said_we_did_json") + f"?for=organisation-{community.police.pk}"
    ).json()
    themes = {row["theme"]: row for row in data["matrix"]["themes"]}
    assert themes["Stop and search"]["open"] == 1 and themes["Youth safety"]["open"] == 1
    page = client.get(police).content.decode()
    assert FINDING in page and "Community Scrutiny Panel review session" in page


def test_the_public_sees_how_many_members_were_there_but_not_who(community, client, viewer_of):
    session = operations.record_panel_session(
        community.panel,
        viewer=viewer_of(community.member),
        by=community.member,
        held_on=sent_on(3),
        recipient=community.to_police,
        members_present=[community.member],
        reviewed=[operations.Reviewed("Body-worn video clips", "Drugs", 8)],
        findings=[operations.Finding(FINDING, community.stop_and_search)],
    )
    page = client.get(session.get_absolute_url()).content.decode()
    assert "8 Body-worn video clips (Drugs)" in page
    assert "Jordan Ellis" not in page
    assert FINDING not in page  # not yet accepted
    client.force_login(community.member.user)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Jordan Ellis" in page and FINDING in page


def test_someone_not_on_the_panel_cannot_record_its_sessions(community, client, viewer_of):
    client.force_login(community.outsider.user)
    assert client.get(reverse("panel_session_new", args=[community.panel.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        operations.record_panel_session(
            community.panel,
            viewer=viewer_of(community.officer),
            by=community.officer,
            held_on=sent_on(1),
            recipient=community.to_police,
            findings=[operations.Finding(FINDING, community.stop_and_search)],
        )


def test_a_session_needs_a_finding_with_its_theme_and_keeps_what_was_typed(community, client):
    client.force_login(community.member.user)
    form = _session_form(community, theme_1="", finding_2="", theme_2="")
    page = client.post(reverse("panel_session_new", args=[community.panel.pk]), form)
    text = page.content.decode()
    assert "Choose a theme for finding 1." in text and FINDING in text
    assert PanelSession.private_objects.count() == 0
    form = _session_form(community, finding_1="", finding_2="")
    page = client.post(reverse("panel_session_new", args=[community.panel.pk]), form)
    assert "Write at least one finding." in page.content.decode()


def test_a_restricted_session_keeps_its_findings_from_the_public(community, client, viewer_of):
    session = operations.record_panel_session(
        community.panel,
        viewer=viewer_of(community.member),
        by=community.member,
        held_on=sent_on(3),
        recipient=community.to_police,
        findings=[operations.Finding(FINDING, community.stop_and_search)],
    )
    finding = Feedback.private_objects.get(session=session)
    operations.accept_feedback(
        finding, viewer=viewer_of(community.officer), by=community.officer, summary=FINDING
    )
    PanelSession.private_objects.filter(pk=session.pk).update(restricted=True)
    assert FINDING not in client.get(reverse("you_said_we_did")).content.decode()
    assert client.get(session.get_absolute_url()).status_code == 404
    client.force_login(community.officer.user)
    assert FINDING in client.get(reverse("you_said_we_did")).content.decode()
