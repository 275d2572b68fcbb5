"""Agenda timings leave no trace of an exempt item for those who may not see it: no
skipped number and no gap between one item's end and the next one's start, on the
meeting page, the agenda pack, the papers list and the calendar. A member of the body
reads the agenda as the clerk keeps it.

September's agenda: 1 Welcome 14:00 (5 min), 2 Notes 14:05 (10), 3 Prevent 14:15 (20),
4 the exempt case review 14:35 (15), 5 AOB 14:50."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from oversight.meetings import operations

from .scenario import build


@pytest.fixture
def s(db):
    scenario = build()
    aob = scenario.sept.agenda_items(manager="private_objects").get(title="AOB and close")
    operations.add_paper(
        scenario.sept,
        file=SimpleUploadedFile("dates.pdf", b"%PDF-1.4 dates", "application/pdf"),
        title="Dates of meetings",
        agenda_item=aob,
    )
    return scenario


def _agenda_rows(page: str) -> list[tuple[str, str]]:
    """(number, time cell) of each row of the meeting page's timed agenda."""
    table = page.split("Agenda items with start times</caption>")[1].split("</table>")[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r, re.S) for r in rows]
    return [(c[0].strip(), re.sub(r"<[^>]+>", " ", c[1]).split()) for c in cells]


def _pack_rows(content: bytes) -> list[list[str]]:
    table = Document(io.BytesIO(content)).tables[0]
    return [[c.text for c in row.cells] for row in table.rows][1:]


@pytest.mark.parametrize("who", [None, "outsider"])
def test_the_public_agenda_has_no_skipped_number_and_no_gap(client, s, who):
    if who:
        client.force_login(s.b.outsider.user)
    page = client.get(f"/meetings/{s.sept.pk}/").content.decode()
    assert _agenda_rows(page) == [
        ("1", ["14:00"]),
        ("2", ["14:05"]),
        ("3", ["14:15"]),
        ("4", ["14:50"]),
    ]
    assert "(item 4)" in page and "(item 5)" not in page  # the AOB paper
    pack = _pack_rows(client.get(f"/meetings/{s.sept.pk}/agenda.docx").content)
    assert [(r[0], r[1]) for r in pack] == [
        ("1", "14:00"),
        ("2", "14:05"),
        ("3", "14:15"),
        ("4", "14:50"),
    ]
    pack_page = client.get(f"/meetings/{s.sept.pk}/agenda/").content.decode()
    assert "4. AOB and close" in pack_page and "5. AOB" not in pack_page
    assert "minutes)" not in pack_page


def test_the_calendar_numbers_the_public_items_among_themselves(client, s):
    feed = client.get(f"/meetings/bodies/{s.b.body.pk}/meetings.ics").content.decode()
    unfolded = feed.replace("\r\n ", "")
    assert "4. 14:50 AOB and close" in unfolded
    assert "5. 14:50 AOB and close" not in unfolded


def test_a_member_reads_the_agenda_as_the_clerk_keeps_it(client, s):
    client.force_login(s.b.member.user)
    page = client.get(f"/meetings/{s.sept.pk}/").content.decode()
    assert _agenda_rows(page) == [
        ("1", ["14:00", "5", "minutes"]),
        ("2", ["14:05", "10", "minutes"]),
        ("3", ["14:15", "20", "minutes"]),
        ("4", ["14:35", "15", "minutes"]),
        ("5", ["14:50"]),
    ]
    assert "(item 5)" in page
    pack = _pack_rows(client.get(f"/meetings/{s.sept.pk}/agenda.docx").content)
    assert [r[1] for r in pack] == [
        "14:00 (5 minutes)",
        "14:05 (10 minutes)",
        "14:15 (20 minutes)",
        "14:35 (15 minutes)",
        "14:50",
    ]


def test_the_clerks_timing_still_counts_the_exempt_item(client, s):
    client.force_login(s.b.clerk.user)
    page = client.get(f"/meetings/{s.sept.pk}/agenda/edit/").content.decode()
    assert "Individual case review" in page and "14:50" in page
