"""A member of the public searches the whole record in a real browser, on a phone-sized
screen too, with axe-core on every page."""

from __future__ import annotations

import pytest

from .scenario import PASSWORD, build

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_of_public_searches_by_another_form_of_the_words(site):
    s = build()
    site.visit("/")
    site.page.get_by_role("link", name="Search", exact=True).click()
    site.check()
    site.page.get_by_label("Search reviews, recommendations").fill("dip samples")
    site.page.get_by_role("button", name="Search").click()
    site.check()
    page = site.page
    assert "Recommendations (1)" in page.content()
    marked = [m.casefold() for m in page.locator("mark").all_inner_texts()]
    assert "dip" in marked and "sampling" in marked
    page.get_by_role("link", name="Commitments and actions (1)").click()
    site.check()
    assert page.get_by_label("Kind of record").input_value() == "item"
    page.get_by_role("link", name=s.item.text).click()
    site.check()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Publish quarterly")


def test_restricted_item_is_found_only_after_signing_in_as_those_concerned(site):
    s = build()
    site.visit("/search/?q=discipline")
    assert "No results for “discipline”" in site.page.content()
    site.sign_in("police", PASSWORD)
    site.visit("/search/?q=discipline")
    assert s.secret_item.text in site.page.locator("main").inner_text()


def test_search_results_fit_a_320_pixel_screen(site):
    build()
    site.page.set_viewport_size({"width": 320, "height": 640})
    site.visit("/search/?q=dip+sampling")
    width = site.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page is {width}px wide"
