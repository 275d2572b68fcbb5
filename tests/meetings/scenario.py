"""A board's September meeting, held and minuted in draft, with an exempt item, a
paper, attendance and actions; and its December meeting, set up from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from oversight.meetings import operations
from oversight.meetings.models import AgendaItem, Meeting, Paper
from oversight.tracker.models import TrackedItem

from . import factories as f


@dataclass
class Scenario:
    b: f.Board
    sept: Meeting
    dec: Meeting
    prevent: AgendaItem
    exempt: AgendaItem
    action: TrackedItem
    secret_action: TrackedItem
    paper: Paper


def build() -> Scenario:
    b = f.board()
    sept = f.meeting(
        b.body, date(2021, 9, 27), status=Meeting.Status.HELD, venue="Town Hall", chair=b.member
    )
    f.item(sept, "Welcome, introductions and overview", 5, standing=True, presenters=["Chair"])
    f.item(sept, "Notes, actions and updates", 10, standing=True)
    prevent = f.item(
        sept, "Prevent annual update", 20, presenters=["Tracey Thomas"], purpose="note"
    )
    exempt = f.item(sept, "Individual case review", 15, restricted=True)
    f.item(sept, "AOB and close", None, standing=True)
    operations.retime_agenda(sept, renumber=True)
    operations.record_attendance(sept, person=b.member, status="present")
    operations.record_attendance(sept, person=b.clerk, status="apologies")
    operations.record_minutes(prevent, notes="- 26 referrals\n- Education is the biggest sector")
    operations.record_minutes(exempt, notes="Details of the named case.")
    operations.add_decision(prevent, text="The group will support the funding submission.")
    action = operations.add_action(
        sept,
        agenda_item=prevent,
        text="Support the Prevent funding submission",
        owner_person=b.member,
        due_date=date(2021, 10, 31),
    )
    secret = operations.add_action(
        sept, agenda_item=exempt, text="Refer the named case", owner_org=b.police
    )
    paper = operations.add_paper(
        sept,
        file=SimpleUploadedFile("prevent-update.pdf", b"%PDF-1.4 test", "application/pdf"),
        title="Prevent annual update",
        agenda_item=prevent,
    )
    dec = operations.create_next_meeting(sept, date=date(2021, 12, 8))
    return Scenario(b, sept, dec, prevent, exempt, action, secret, paper)
