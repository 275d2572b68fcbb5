"""No lost edits on the clerk's forms: two clerks open the same meeting, agenda item,
forward plan entry or item's notes; the first saves; the second's save over the newer
version is refused with both versions shown and their input kept, and goes through
once they save again having seen it."""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from oversight.directory.models import Membership
from oversight.meetings import operations
from oversight.meetings.models import AgendaItem, ForwardPlanItem, Meeting
from tests.browser_form import form_values

from . import factories as f
from .scenario import build


@dataclass
class Form:
    """One edit form: where it is, the field both clerks change, how to read it back."""

    url: str
    field: str
    saved: object  # () -> the field's value as saved now
    extra: dict


def _forms(s) -> dict[str, Form]:
    item = s.dec.agenda_items(manager="private_objects").get(title__startswith="Notes")
    entry = operations.add_forward_plan_item(
        s.b.body, title="Youth violence", due_by=date(2021, 11, 30)
    )
    return {
        "meeting": Form(
            f"/meetings/{s.dec.pk}/edit/",
            "venue",
            lambda: Meeting.private_objects.get(pk=s.dec.pk).venue,
            {},
        ),
        "agenda item": Form(
            f"/meetings/items/{item.pk}/edit/",
            "title",
            lambda: AgendaItem.private_objects.get(pk=item.pk).title,
            {},
        ),
        "forward plan entry": Form(
            f"/meetings/forward-plan/{entry.pk}/edit/",
            "title",
            lambda: ForwardPlanItem.private_objects.get(pk=entry.pk).title,
            {},
        ),
        "minutes": Form(
            f"/meetings/items/{s.prevent.pk}/minutes/",
            "notes-notes",
            lambda: AgendaItem.private_objects.get(pk=s.prevent.pk).notes,
            {"save_notes": "1"},
        ),
    }


@pytest.fixture
def s(db):
    scenario = build()
    kim = f.person("Kim Clerk", scenario.b.council, username="kim")
    f.seat(kim, scenario.b.body, Membership.Role.OFFICER)
    scenario.kim = kim
    return scenario


def _clients(s) -> tuple[Client, Client]:
    casey, kim = Client(), Client()
    casey.force_login(s.b.clerk.user)
    kim.force_login(s.kim.user)
    return casey, kim


def _read(client: Client, form: Form) -> dict[str, str]:
    page = client.get(form.url)
    assert page.status_code == 200
    values = form_values(page.content.decode())
    assert "version" in values, "the edit form carries the version it was read at"
    return {**values, **form.extra}


@pytest.mark.parametrize("which", ["meeting", "agenda item", "forward plan entry", "minutes"])
def test_two_clerks_editing_the_same_record_do_not_lose_an_edit(s, which):
    form = _forms(s)[which]
    casey, kim = _clients(s)
    caseys, kims = _read(casey, form), _read(kim, form)

    kims[form.field] = "Kim's version"
    assert kim.post(form.url, kims).status_code == 302
    caseys[form.field] = "Casey's version"
    refused = casey.post(form.url, caseys)

    page = html_lib.unescape(refused.content.decode())
    assert refused.status_code == 200
    assert "Not saved: Kim Clerk changed this after you opened it" in page
    assert "Kim's version" in page  # theirs, in the table
    assert page.count("Casey's version") == 2  # in the table, and kept in the form
    assert form.saved() == "Kim's version"

    again = {**form_values(refused.content.decode()), **form.extra}
    assert again[form.field] == "Casey's version"
    assert casey.post(form.url, again).status_code == 302
    assert form.saved() == "Casey's version"


@pytest.mark.parametrize("which", ["meeting", "agenda item", "forward plan entry", "minutes"])
def test_an_edit_of_another_field_since_the_form_was_read_is_kept(s, which):
    form = _forms(s)[which]
    casey, _ = _clients(s)
    caseys = _read(casey, form)
    # Someone else saves the record in between (the agenda retimed, a note added…).
    record = {
        "meeting": lambda: Meeting.private_objects.get(pk=s.dec.pk),
        "agenda item": lambda: s.dec.agenda_items(manager="private_objects").get(
            title__startswith="Notes"
        ),
        "forward plan entry": lambda: ForwardPlanItem.private_objects.get(title="Youth violence"),
        "minutes": lambda: AgendaItem.private_objects.get(pk=s.prevent.pk),
    }[which]()
    record.restricted = record.restricted  # an unchanged save is a new version all the same
    record.save()
    caseys[form.field] = "Casey's version"
    assert casey.post(form.url, caseys).status_code == 302
    assert form.saved() == "Casey's version"


@pytest.mark.parametrize("which", ["meeting", "agenda item", "forward plan entry", "minutes"])
def test_a_clerks_edit_without_its_version_is_refused(s, which):
    form = _forms(s)[which]
    casey, _ = _clients(s)
    values = _read(casey, form)
    del values["version"]
    values[form.field] = "Changed blind"
    response = casey.post(form.url, values)
    assert "Not saved" in response.content.decode()
    assert form.saved() != "Changed blind"


def test_the_forward_plan_dates_survive_a_merged_edit(s):
    """A field only someone else changed keeps their value."""
    form = _forms(s)["forward plan entry"]
    casey, kim = _clients(s)
    caseys, kims = _read(casey, form), _read(kim, form)
    kims["due_by"] = "2022-03-31"
    assert kim.post(form.url, kims).status_code == 302
    caseys["title"] = "Youth violence: the review"
    assert casey.post(form.url, caseys).status_code == 302
    entry = ForwardPlanItem.private_objects.get(pk=int(form.url.split("/")[3]))
    assert (entry.title, entry.due_by) == ("Youth violence: the review", date(2022, 3, 31))


def test_a_pin_set_since_the_form_was_read_is_not_undone(s):
    """Kim pins the item to 14:30; Casey, whose form shows it unpinned, changes only its
    title: the pin stays."""
    form = _forms(s)["agenda item"]
    casey, kim = _clients(s)
    caseys, kims = _read(casey, form), _read(kim, form)
    kims["pinned_start"] = "14:30"
    assert kim.post(form.url, kims).status_code == 302
    caseys["title"] = "Notes, actions and updates (revised)"
    assert casey.post(form.url, caseys).status_code == 302
    item = AgendaItem.private_objects.get(pk=int(form.url.split("/")[3]))
    assert item.title == "Notes, actions and updates (revised)"
    assert item.start_pinned and item.start.strftime("%H:%M") == "14:30"
