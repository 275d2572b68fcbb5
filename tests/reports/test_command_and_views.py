"""`oversight update-report` and the review page's download form: who may have the
report, the files they get, and what is recorded when a report is issued."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from oversight.reports.content import RESTRICTED_BANNER
from oversight.reports.models import Audience, UpdateReport
from tests.factories import ReviewFactory

from .conftest import MARKER

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    err = StringIO()
    call_command("update_report", *args, stdout=StringIO(), stderr=err)
    return err.getvalue()


def test_the_command_writes_the_report_named_by_part_of_its_title(scene, tmp_path):
    out = tmp_path / "report.html"
    said = run("search in hack", "--format", "html", "--output", str(out))
    assert "Stop and search in Hackney" in said and "3 recommendations" in said
    html = out.read_text()
    assert "Recommendation 1: Train every officer" in html and MARKER not in html


def test_the_command_writes_the_restricted_version_by_id_and_records_it_when_issued(
    scene, tmp_path
):
    out = tmp_path / "report.pdf"
    run(str(scene.review.pk), "--output", str(out), "--audience", "restricted", "--issue")
    assert out.read_bytes().startswith(b"%PDF")
    [issued] = UpdateReport.objects.all()
    assert issued.audience == Audience.RESTRICTED and issued.review == scene.review
    assert str(scene.hidden.pk) in issued.snapshot["items"]


def test_the_command_refuses_a_title_that_several_reviews_share(scene, commission, tmp_path):
    ReviewFactory(body=commission, title="Stop and search of children")
    with pytest.raises(CommandError, match="matches several reviews") as error:
        run("Stop and search", "--output", str(tmp_path / "r.pdf"))
    assert "Stop and search of children" in str(error.value)
    assert not (tmp_path / "r.pdf").exists()


def test_the_command_says_when_no_review_matches(scene, tmp_path):
    with pytest.raises(CommandError, match="No review"):
        run("Knife crime", "--output", str(tmp_path / "r.pdf"))


def test_the_command_refuses_a_public_version_of_a_draft(scene, tmp_path):
    scene.review.published = False
    scene.review.save()
    with pytest.raises(CommandError, match="no public version"):
        run(str(scene.review.pk), "--output", str(tmp_path / "r.pdf"))


def _sign_in(client, person):
    client.force_login(person.user)
    return client


def _post(client, review, **data):
    return client.post(reverse("update_report", args=[review.pk]), data)


def test_the_review_page_offers_the_report_to_the_scrutiny_officer(client, scene, scrutiny_officer):
    page = _sign_in(client, scrutiny_officer).get(scene.review.get_absolute_url())
    assert b"Download the update report" in page.content
    assert b"Record this report as issued" in page.content


def test_the_scrutiny_officer_downloads_and_issues_the_restricted_version(
    client, scene, scrutiny_officer
):
    _sign_in(client, scrutiny_officer)
    response = _post(client, scene.review, format="docx", audience="restricted", issue="on")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "restricted.docx" in response["Content-Disposition"]
    [issued] = UpdateReport.objects.all()
    assert issued.issued_by == scrutiny_officer.user
    assert issued.document.open("rb").read(4) == b"%PDF"


def test_a_police_officer_whose_force_the_review_asks_gets_the_report_but_cannot_issue_it(
    client, scene, police_officer
):
    _sign_in(client, police_officer)
    page = client.get(scene.review.get_absolute_url())
    assert b"Download the update report" in page.content
    assert b"Record this report as issued" not in page.content
    response = _post(client, scene.review, format="html", audience="restricted", issue="on")
    assert response.status_code == 200
    # Restricted version for the police: their own restricted commitment is in it.
    assert MARKER.encode() in response.content
    assert RESTRICTED_BANNER.encode() in response.content
    assert not UpdateReport.objects.exists()


@pytest.mark.parametrize("who", ["community_member", "other_partner"])
def test_the_report_is_refused_to_a_community_member_and_another_organisation(
    client, scene, who, request
):
    person = request.getfixturevalue(who)
    _sign_in(client, person)
    page = client.get(scene.review.get_absolute_url())
    assert page.status_code == 200 and b"Download the update report" not in page.content
    assert _post(client, scene.review, format="pdf", audience="public").status_code == 403
    assert client.get(reverse("update_report", args=[scene.review.pk])).status_code == 403


def test_the_public_cannot_have_the_report(client, scene):
    assert _post(client, scene.review, format="pdf", audience="public").status_code == 403


def test_a_draft_review_offers_only_the_restricted_version(client, scene, scrutiny_officer):
    scene.review.published = False
    scene.review.save()
    _sign_in(client, scrutiny_officer)
    response = _post(client, scene.review, format="pdf", audience="public")
    assert response.status_code == 400
    assert b"no public version" in response.content


def test_the_officer_says_which_forward_plan_entry_asked_for_the_issued_report(
    client, scene, scrutiny_officer, commission
):
    from datetime import date

    from oversight.meetings import operations as meetings

    entry = meetings.add_forward_plan_item(
        commission,
        title="Stop and search: annual update",
        due_by=date(2099, 1, 1),
        review=scene.review,
    )
    _sign_in(client, scrutiny_officer)
    page = client.get(scene.review.get_absolute_url())
    assert b"Stop and search: annual update" in page.content
    response = _post(
        client,
        scene.review,
        format="pdf",
        audience="public",
        issue="on",
        forward_plan_item=str(entry.pk),
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    [issued] = UpdateReport.objects.all()
    assert issued.forward_plan_item == entry
