"""The item edit form: dates an <input type=date> can read, and an unchanged item saves."""

import re
from datetime import date

import pytest

from oversight.tracker.models import TrackedItem
from tests.factories import ReviewFactory, TrackedItemFactory


@pytest.fixture
def item(commission, police, police_officer):
    return TrackedItemFactory(
        recommendation__review=ReviewFactory(body=commission),
        owner_person=police_officer,
        owner_org=police,
        start_date=date(2026, 9, 1),
        due_date=date(2027, 1, 1),
    )


def form_values(html: str) -> dict[str, str]:
    """What a browser would submit: every input's value, every select's chosen option."""
    values = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="checkbox"' not in tag:
            values[name.group(1)] = value.group(1) if value else ""
            if 'type="date"' in tag and not re.fullmatch(r"\d{4}-\d\d-\d\d", values[name.group(1)]):
                values[name.group(1)] = ""  # a date input cannot read it, so sends nothing
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        values[name] = chosen.group(1) if chosen else ""
    for name, text in re.findall(r'<textarea name="([^"]+)"[^>]*>\s*(.*?)</textarea>', html, re.S):
        values[name] = text.strip()
    return values


def test_edit_form_shows_dates_as_a_date_input_reads_them(client, scrutiny_officer, item):
    client.force_login(scrutiny_officer.user)
    html = client.get(f"/items/{item.pk}/edit/").content.decode()
    assert 'value="2026-09-01"' in html and 'value="2027-01-01"' in html
    assert "01/01/2027" not in html


def test_unchanged_item_saves(client, scrutiny_officer, item):
    client.force_login(scrutiny_officer.user)
    values = form_values(client.get(f"/items/{item.pk}/edit/").content.decode())
    response = client.post(f"/items/{item.pk}/edit/", values)
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert (item.start_date, item.due_date) == (date(2026, 9, 1), date(2027, 1, 1))


def test_owner_fields_are_not_labelled_optional_when_one_is_required(
    client, scrutiny_officer, item
):
    client.force_login(scrutiny_officer.user)
    html = client.get(f"/items/{item.pk}/edit/").content.decode()
    assert "Owner (person) (optional)" not in html
    assert "Owner (organisation) (optional)" not in html
    assert TrackedItem.objects.get(pk=item.pk).owner_org is not None


def test_two_users_editing_the_same_item_do_not_lose_an_edit(
    client, scrutiny_officer, police_officer, item
):
    """Sam (scrutiny) and Pat (police owner) open the edit form at the same time; Pat
    saves first. Sam's save is refused with both versions shown and Sam's text kept."""
    from django.test import Client

    sam, pat = client, Client()
    sam.force_login(scrutiny_officer.user)
    pat.force_login(police_officer.user)
    sams_form = form_values(sam.get(f"/items/{item.pk}/edit/").content.decode())
    pats_form = form_values(pat.get(f"/items/{item.pk}/edit/").content.decode())

    pats_form["text"] = "Publish the figures monthly (Pat)"
    assert pat.post(f"/items/{item.pk}/edit/", pats_form).status_code == 302
    sams_form["text"] = "Publish the figures quarterly (Sam)"
    refused = sam.post(f"/items/{item.pk}/edit/", sams_form)

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Not saved: Pat Okafor changed this after you opened it" in page
    assert "Publish the figures monthly (Pat)" in page  # their version
    assert page.count("Publish the figures quarterly (Sam)") == 2  # in the table and the form
    item.refresh_from_db()
    assert item.text == "Publish the figures monthly (Pat)"

    # Having seen Pat's change, Sam saves again: the form now carries the newer version.
    again = form_values(page)
    assert again["text"] == "Publish the figures quarterly (Sam)"
    assert sam.post(f"/items/{item.pk}/edit/", again).status_code == 302
    item.refresh_from_db()
    assert item.text == "Publish the figures quarterly (Sam)"


def test_an_edit_of_another_field_is_not_a_conflict(client, scrutiny_officer, police_officer, item):
    from django.test import Client

    sam, pat = client, Client()
    sam.force_login(scrutiny_officer.user)
    pat.force_login(police_officer.user)
    sams_form = form_values(sam.get(f"/items/{item.pk}/edit/").content.decode())
    pats_form = form_values(pat.get(f"/items/{item.pk}/edit/").content.decode())
    pats_form["due_date"] = "2027-03-31"
    assert pat.post(f"/items/{item.pk}/edit/", pats_form).status_code == 302
    sams_form["text"] = "Publish the figures quarterly"
    assert sam.post(f"/items/{item.pk}/edit/", sams_form).status_code == 302
    item.refresh_from_db()
    assert (item.text, item.due_date) == ("Publish the figures quarterly", date(2027, 3, 31))


def test_an_edit_form_without_its_version_is_refused(client, scrutiny_officer, item):
    client.force_login(scrutiny_officer.user)
    values = form_values(client.get(f"/items/{item.pk}/edit/").content.decode())
    del values["version"]
    values["text"] = "Changed blind"
    response = client.post(f"/items/{item.pk}/edit/", values)
    assert "Not saved" in response.content.decode()
    item.refresh_from_db()
    assert item.text != "Changed blind"
