"""The agenda pack and the minutes as DOCX and PDF: the same content as the page,
real headings and tables, and nothing the reader may not see."""

from __future__ import annotations

from io import BytesIO

import pypdfium2
import pytest
from docx import Document

from oversight.meetings import operations

from .scenario import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    s = build()
    operations.record_action_update(s.dec, s.action, narrative="Submission drafted.")
    return s


def docx_text(content: bytes) -> tuple[list[str], list[list[list[str]]], str]:
    doc = Document(BytesIO(content))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return headings, tables, doc.core_properties.title


def pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in pdf)


def test_the_agenda_pack_docx_has_the_timed_agenda_and_the_carried_actions(client, s):
    client.force_login(s.b.member.user)  # a member: durations too (see test_agenda_times)
    response = client.get(f"/meetings/{s.dec.pk}/agenda.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-2021-12-08-agenda.docx"')
    headings, tables, title = docx_text(response.content)
    assert title.startswith("Agenda: ")
    assert "2. Notes, actions and updates" in headings
    agenda = tables[0]
    assert agenda[0] == ["No.", "Time", "Item", "Lead", "Purpose"]
    assert [
        "1",
        "14:00 (5 minutes)",
        "Welcome, introductions and overview",
        "Chair",
        "",
    ] in agenda
    carried = next(t for t in tables if t[0][0] == "Action")
    assert carried[1][0] == "Support the Prevent funding submission"
    assert carried[1][3] == "Submission drafted."


def test_the_public_agenda_pack_leaves_out_exempt_items(client, s):
    headings, tables, _ = docx_text(client.get(f"/meetings/{s.sept.pk}/agenda.docx").content)
    flat = " ".join(headings) + " ".join(c for t in tables for r in t for c in r)
    assert "Prevent annual update" in flat and "Individual case review" not in flat
    text = pdf_text(client.get(f"/meetings/{s.sept.pk}/agenda.pdf").content)
    assert "Prevent annual update" in text and "Individual case review" not in text


def test_a_member_gets_the_exempt_item_in_the_pack(client, s):
    client.force_login(s.b.member.user)
    text = pdf_text(client.get(f"/meetings/{s.sept.pk}/agenda.pdf").content)
    assert "Individual case review" in text


def test_the_minutes_pdf_says_whether_they_are_draft_or_approved(client, s):
    client.force_login(s.b.clerk.user)
    response = client.get(f"/meetings/{s.sept.pk}/minutes.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Draft minutes" in text and "26 referrals" in text
    assert "The group will support the funding submission." in text
    operations.mark_meeting_held(s.dec)
    operations.approve_minutes(s.sept, at=s.dec)
    text = pdf_text(client.get(f"/meetings/{s.sept.pk}/minutes.pdf").content)
    assert "Approved at the meeting of 8 December 2021" in text


def test_the_minutes_docx_records_attendance_decisions_actions_and_updates(client, s):
    client.force_login(s.b.clerk.user)
    operations.mark_meeting_held(s.dec)
    headings, tables, _ = docx_text(client.get(f"/meetings/{s.dec.pk}/minutes.docx").content)
    assert "Attendance" in headings and "Action log" in headings
    carried = next(t for t in tables if t[0][:1] == ["Action"] and "Outcome" in t[0])
    assert carried[1][3:] == ["Submission drafted.", "Update recorded"]
    headings, tables, _ = docx_text(client.get(f"/meetings/{s.sept.pk}/minutes.docx").content)
    who = next(t for t in tables if t[0] == ["Name", "Organisation", "Attendance"])
    assert who[1:] == [
        ["Marcus Barnett", "Metropolitan Police Service", "Present"],
        ["Casey Clerk", "London Borough of Hackney", "Apologies"],
    ]
