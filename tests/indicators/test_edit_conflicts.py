"""No lost edits on an indicator: two people open its edit form, the first saves; the
second's save over the newer version is refused with both versions shown and their
input kept. A change to another field is combined."""

from __future__ import annotations

import html as html_lib

from django.test import Client

from oversight.indicators.models import Indicator
from tests.browser_form import form_values

URL = "/indicators/gun-crime/edit/"


def _clients(world):
    sam, pat = Client(), Client()
    sam.force_login(world.scrutiny.user)
    pat.force_login(world.partner.user)
    return sam, pat


def test_two_people_editing_an_indicator_do_not_lose_an_edit(world):
    sam, pat = _clients(world)
    sams, pats = (
        form_values(sam.get(URL).content.decode()),
        form_values(pat.get(URL).content.decode()),
    )
    assert "version" in sams
    pats["description"] = "Offences with a firearm (Pat)"
    assert pat.post(URL, pats).status_code == 302
    sams["description"] = "Gun crime offences per month (Sam)"
    refused = sam.post(URL, sams)
    page = html_lib.unescape(refused.content.decode())
    assert refused.status_code == 200
    assert "changed this after you opened it" in page
    assert "Offences with a firearm (Pat)" in page
    assert page.count("Gun crime offences per month (Sam)") == 2
    assert Indicator.private_objects.get(slug="gun-crime").description == (
        "Offences with a firearm (Pat)"
    )
    again = form_values(refused.content.decode())
    assert sam.post(URL, again).status_code == 302
    assert Indicator.private_objects.get(slug="gun-crime").description == (
        "Gun crime offences per month (Sam)"
    )


def test_an_indicator_edit_of_another_field_is_combined(world):
    sam, pat = _clients(world)
    sams, pats = (
        form_values(sam.get(URL).content.decode()),
        form_values(pat.get(URL).content.decode()),
    )
    pats["source"] = "Metropolitan Police crime data"
    assert pat.post(URL, pats).status_code == 302
    sams["description"] = "Gun crime offences per month"
    assert sam.post(URL, sams).status_code == 302
    saved = Indicator.private_objects.get(slug="gun-crime")
    assert (saved.source, saved.description) == (
        "Metropolitan Police crime data",
        "Gun crime offences per month",
    )


def test_an_indicator_edit_without_its_version_is_refused(world):
    sam, _ = _clients(world)
    values = form_values(sam.get(URL).content.decode())
    del values["version"]
    values["description"] = "Changed blind"
    assert "Not saved" in sam.post(URL, values).content.decode()
    assert Indicator.private_objects.get(slug="gun-crime").description != "Changed blind"
