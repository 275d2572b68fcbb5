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
