"""The stop-and-search dashboard in a real browser, with axe-core on every page."""

from __future__ import annotations

import csv
import io
import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


def test_member_of_public_sees_hackneys_dashboard_and_downloads_a_table(site, pages):
    site.visit("/stop-and-search/")
    page = site.page
    page.get_by_label("Area").select_option(label="Hackney")
    page.get_by_label("First month").select_option(label="January 2018")
    page.get_by_label("Last month").select_option(label="December 2018")
    page.get_by_role("button", name="Show figures").click()
    site.check()

    assert page.url.endswith("/stop-and-search/hackney/?from=2018-01&to=2018-12")
    assert page.get_by_role("heading", level=1).inner_text() == "Stop and search in Hackney"
    assert "February 2018 and March 2018 are partial months" in page.content()
    chart = page.get_by_role("img", name="Searches in Hackney by month")
    assert chart.is_visible()
    months = page.get_by_role("table", name="Searches in Hackney by month")
    assert months.get_by_role("row", name=re.compile("February 2018.*Partial month")).is_visible()
    assert page.get_by_role("img", name=re.compile("compared with White people's")).count() == 2
    ethnicity = page.get_by_role("table", name=re.compile("by ethnic group, per 1,000"))
    black = ethnicity.get_by_role("row", name=re.compile("^Black"))
    shown = black.get_by_role("cell").all_inner_texts()

    link = page.get_by_role("link", name=re.compile("Download CSV of the table: Person searches"))
    response = page.request.get(site.base_url + link.first.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = {row[0]: row[1:] for row in csv.reader(io.StringIO(response.text()))}
    assert rows["Black"][0] == shown[0].replace(",", "")
    assert rows["Black"][2] == shown[2]


def test_a_bad_period_is_explained_accessibly(site, pages):
    page = site.page
    page.goto(site.base_url + "/stop-and-search/hackney/?from=2018-08&to=2018-06")
    site.check()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("First month").input_value() == "2018-08"
    page.get_by_label("Last month").select_option(label="December 2018")
    page.get_by_role("button", name="Show figures").click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Stop and search in Hackney"


def test_before_anything_is_imported_the_page_says_so(site, pages, settings, tmp_path):
    settings.STOPSEARCH_DB = tmp_path / "none.duckdb"
    site.visit("/stop-and-search/")
    assert "No stop-and-search data has been imported yet" in site.page.content()


def test_dashboard_reflows_on_a_small_screen(site, pages):
    site.page.set_viewport_size({"width": 320, "height": 800})
    site.visit("/stop-and-search/hackney/?from=2018-01&to=2018-12")
    # Tables scroll inside their own (focusable) boxes; the page itself never does.
    assert site.page.evaluate("document.documentElement.scrollWidth") <= 320


def test_city_of_london_caveat_and_ratio_range_pass_axe(site, pages):
    site.visit("/stop-and-search/city-of-london/")
    site.check()
    page = site.page
    cards = page.locator(".app-stats__card").all_inner_texts()
    ratio = next(c for c in cards if "White rate" in c)
    assert "95% range" in ratio or ratio.startswith("Too few searches to compare")
    warning = page.locator(".govuk-warning-text").first.inner_text()
    assert "City of London has only 8,584 residents" in warning
