"""The tracker's main journeys in a real browser, with axe-core on every page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.tracker import operations

from .scenario import PASSWORD, build

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_of_public_finds_a_recommendation_and_its_status(site):
    s = build()
    site.visit("/")
    site.page.get_by_role("searchbox", name="Search recommendations").fill("dip sampling")
    site.page.get_by_role("button", name="Search").click()
    site.check()
    site.page.get_by_role("link", name="3. Publish body-worn video dip sampling results").click()
    site.check()
    page = site.page
    assert page.get_by_role("heading", level=1).inner_text().startswith("Publish body-worn video")
    assert "Agreed. Results will be published quarterly." in page.content()
    row = page.get_by_role("row", name="Publish quarterly dip sampling results")
    assert "On track" in row.inner_text()
    assert s.item.due_label() in row.inner_text()
    assert s.secret_item.text not in page.content()


def test_partner_officer_adds_an_update_with_a_file_as_evidence(site, tmp_path):
    s = build()
    evidence = tmp_path / "dip-sampling-q1.txt"
    evidence.write_text("Q1: 120 clips reviewed, 4 referred for learning.")
    site.sign_in("police", PASSWORD)
    site.visit(s.item.get_absolute_url())
    site.page.get_by_role("link", name="Add an update").click()
    site.check()
    page = site.page
    page.get_by_label("What has happened since the last update?").fill(
        "First quarter's results are published."
    )
    page.get_by_label("Status").select_option("in_progress")
    page.get_by_label("Progress (per cent)").fill("25")
    page.get_by_label("Evidence files (optional)").set_input_files(str(evidence))
    page.get_by_role("button", name="Save update").click()
    site.check()
    assert "Your update has been recorded." in page.content()
    assert page.get_by_role("link", name="dip-sampling-q1.txt").is_visible()
    s.item.refresh_from_db()
    assert (s.item.status, s.item.progress) == ("in_progress", 25)


def test_rejected_update_keeps_what_the_officer_typed(site):
    s = build()
    site.sign_in("police", PASSWORD)
    site.visit(f"/items/{s.item.pk}/update/")
    page = site.page
    page.get_by_label("Progress (per cent)").fill("250")
    page.get_by_label("Evidence link (optional)").fill("https://example.org/report")
    page.get_by_role("button", name="Save update").click()
    site.check()
    assert page.get_by_role("alert").is_visible()  # the error summary
    assert page.get_by_label("Evidence link (optional)").input_value() == (
        "https://example.org/report"
    )
    assert page.get_by_label("Progress (per cent)").input_value() == "250"


def test_owner_cannot_verify_own_item(site):
    s = build()
    site.sign_in("police", PASSWORD)
    site.visit(s.item.get_absolute_url())
    assert site.page.get_by_role("button", name="Verify this item").count() == 0
    token = next(c["value"] for c in site.page.context.cookies() if c["name"] == "csrftoken")
    response = site.page.request.post(
        f"{site.base_url}/items/{s.item.pk}/verify/",
        headers={"X-CSRFToken": token, "Referer": site.base_url + "/"},
    )
    assert response.status == 403
    s.item.refresh_from_db()
    assert s.item.verified_at is None


def test_scrutiny_officer_verifies_a_completed_item(site):
    s = build()
    operations.record_update(
        s.item,
        author=s.officer,
        narrative="All four quarters published.",
        status="complete",
        progress=100,
        files=[SimpleUploadedFile("report.txt", b"Published report")],
    )
    site.sign_in("scrutiny", PASSWORD)
    site.visit("/dashboard/")
    site.page.get_by_role("link", name="Publish quarterly dip sampling results").first.click()
    site.check()
    site.page.get_by_label("What did you check?").fill("Read report.txt: all four quarters.")
    site.page.get_by_role("button", name="Verify this item").click()
    site.check()
    assert "The item is verified." in site.page.content()
    assert "Read report.txt: all four quarters." in site.page.content()
    assert site.page.locator(".app-rag--verified").first.is_visible()
    s.item.refresh_from_db()
    assert s.item.verified_by == s.scrutineer


def test_restricted_items_never_appear_to_the_public(site):
    s = build()
    for path in [
        "/",
        "/recommendations/",
        "/items/",
        "/items/?q=Discipline",
        s.recommendation.get_absolute_url(),
        s.review.get_absolute_url(),
    ]:
        site.visit(path)
        assert s.secret_item.text not in site.page.content(), path
    response = site.page.goto(site.base_url + s.secret_item.get_absolute_url())
    assert response.status == 404
    body = site.page.request.get(site.base_url + "/open-data/recommendations.json").text()
    assert "dip sampling" in body and s.secret_item.text not in body
    # The police officer's organisation is concerned, so they do see it.
    site.sign_in("police", PASSWORD)
    site.visit(s.secret_item.get_absolute_url())
    assert s.secret_item.text in site.page.content()
