"""The indicator page and the forms in a real browser, with axe-core checking every page
visited (tests/browser/conftest.py)."""

from __future__ import annotations

import pytest

from oversight.indicators.models import Value

from .personas import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db(transaction=True),
]


def test_public_reads_an_indicator_with_its_chart_and_table(site, world):
    site.visit("/indicators/")
    page = site.page
    assert "Repeat victims" not in page.content()
    page.get_by_role("link", name="Gun crime offences").click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text() == "Gun crime offences"
    chart = page.get_by_role("img", name="Chart of Gun crime offences")
    assert chart.is_visible()
    assert "Hackney: 16 in 2019-07, 7 in 2021-07" in page.locator("#chart-desc").text_content()
    table = page.get_by_role("table", name="Figures by period")
    assert table.get_by_role("row", name="2021-07 7").is_visible()
    assert "Improving: 7 in 2021-07, down from 16 in 2019-07" in page.content().replace(
        "<strong>Improving</strong>", "Improving"
    )
    assert page.get_by_role("link", name="Add a figure").count() == 0


def test_partner_adds_a_figure_after_correcting_the_form(site, world):
    site.sign_in("police", PASSWORD)
    site.visit("/indicators/gun-crime/")
    page = site.page
    page.get_by_role("link", name="Add a figure").click()
    site.check()
    page.get_by_label("Period", exact=True).fill("Summer 2021")
    page.get_by_label("Value", exact=True).fill("9")
    page.get_by_label("Note (optional)").fill("Provisional")
    page.get_by_role("button", name="Save figure").click()
    site.check()
    assert page.get_by_role("alert").is_visible()  # the error summary
    assert page.get_by_label("Value", exact=True).input_value() == "9"
    assert page.get_by_label("Note (optional)").input_value() == "Provisional"
    page.get_by_label("Period", exact=True).fill("2021-08")
    page.get_by_role("button", name="Save figure").click()
    site.check()
    assert "Figure recorded." in page.content()
    table = page.get_by_role("table", name="Figures by period")
    assert table.get_by_role("row", name="2021-08 9").is_visible()
    assert Value.objects.get(period_label="2021-08").note == "Provisional"


def test_scrutiny_officer_imports_a_file_after_checking_it(site, world, tmp_path):
    figures = tmp_path / "august.csv"
    figures.write_text(
        "indicator,period,value,benchmark\ngun-crime,2021-08,9,\ngun-crime,2021-08,11,London\n"
    )
    site.sign_in("scrutiny", PASSWORD)
    site.visit("/indicators/import/")
    page = site.page
    page.get_by_label("CSV file").set_input_files(str(figures))
    page.get_by_role("button", name="Check the file").click()
    site.check()
    assert page.get_by_role("heading", name="Check the figures before saving").is_visible()
    assert not Value.objects.filter(period_label="2021-08").exists()
    page.get_by_role("button", name="Save these figures").click()
    site.check()
    assert "Import saved: 2 new, 0 changed, 0 unchanged." in page.content()
    assert Value.objects.filter(period_label="2021-08").count() == 2
