"""The update report in a real browser, with axe-core on every page (tests/browser):
a scrutiny officer downloads the restricted HTML version from the review page, and both
versions of the HTML file pass axe."""

from __future__ import annotations

import pytest

from oversight.reports.formats import render
from oversight.reports.models import Audience, UpdateReport
from oversight.reports.operations import report_content
from oversight.visibility.viewer import PUBLIC
from tests.browser.conftest import check_accessibility
from tests.factories import PASSWORD

from .conftest import MARKER

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
]


def open_file(browser, path):
    """A downloaded file opened on its own, as the commission's clerk would."""
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def test_an_officer_downloads_and_issues_the_restricted_report_from_the_review_page(
    site, browser, scene, scrutiny_officer, tmp_path
):
    site.sign_in("sam", PASSWORD)
    site.visit(scene.review.get_absolute_url())
    page = site.page
    page.get_by_label("Web page (HTML)").check()
    page.get_by_label("Restricted: not for publication").check()
    page.get_by_label("Record this report as issued to the commission").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the update report").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name.endswith("-restricted.html")
    assert UpdateReport.objects.filter(audience=Audience.RESTRICTED).count() == 1

    report = open_file(browser, path)
    try:
        assert report.get_by_role("heading", level=1).inner_text() == (
            "Update report: Stop and search in Hackney"
        )
        assert MARKER in report.content()
        check_accessibility(report)
    finally:
        report.close()


def test_the_public_html_report_passes_axe(browser, scene, tmp_path):
    content = report_content(scene.review, PUBLIC, Audience.PUBLIC)
    path = tmp_path / "public.html"
    path.write_bytes(render(content, "html"))
    page = open_file(browser, path)
    try:
        assert MARKER not in page.content()
        check_accessibility(page)
    finally:
        page.close()
