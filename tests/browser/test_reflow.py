"""WCAG 1.4.10 (reflow): every page can be read at 320 CSS pixels wide without
scrolling sideways. Tables too wide for the screen scroll inside their own region,
which can be reached and scrolled from the keyboard; the page itself never does."""

from __future__ import annotations

import pytest

from .scenario import PASSWORD, build

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 640}


def _too_wide(site, paths: list[str]) -> list[str]:
    wide = []
    for path in paths:
        site.visit(path)
        width = site.page.evaluate("document.documentElement.scrollWidth")
        if width > NARROW["width"]:
            culprits = site.page.evaluate(
                """(limit) => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > limit + 1
                              && !e.closest('[data-scroll-region]'))
                    .slice(0, 3).map(e => e.tagName + '.' + e.className)""",
                NARROW["width"],
            )
            wide.append(f"{path}: {width}px ({', '.join(culprits)})")
    return wide


def _public_paths(s) -> list[str]:
    return [
        "/",
        "/reviews/",
        s.review.get_absolute_url(),
        "/recommendations/",
        s.recommendation.get_absolute_url(),
        "/items/",
        s.item.get_absolute_url(),
        "/plans/",
        "/meetings/",
        "/indicators/",
        "/search/?q=dip+sampling",
        "/open-data/",
        "/accessibility/",
        "/accounts/login/",
    ]


def test_public_pages_fit_a_320_pixel_screen(site):
    s = build()
    site.page.set_viewport_size(NARROW)
    assert _too_wide(site, _public_paths(s)) == []


def test_a_partner_officers_pages_fit_a_320_pixel_screen(site):
    s = build()
    site.page.set_viewport_size(NARROW)
    site.sign_in("police", PASSWORD)
    paths = ["/dashboard/", s.item.get_absolute_url(), s.item.get_absolute_url() + "update/"]
    assert _too_wide(site, paths) == []


def test_a_wide_table_scrolls_in_a_region_the_keyboard_can_reach(site):
    s = build()
    site.page.set_viewport_size(NARROW)
    site.visit(s.recommendation.get_absolute_url())
    regions = site.page.locator("[data-scroll-region]")
    assert regions.count() >= 1
    region = regions.first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
