"""The demo meetings: the sample SOG meeting held, minuted and approved, and its
follow-up carrying its actions. Built here from the sample's gold extraction in the
shape the importer writes it, then through the real importer if it is installed."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from django.conf import settings

from oversight.directory.models import Body, Person
from oversight.meetings.carry_forward import carried_actions
from oversight.meetings.demo import FOLLOW_UP, add_demo_meetings
from oversight.meetings.forward_plan import plan_rows
from oversight.meetings.models import ActionReview, AgendaItem, Attendance, ForwardPlanItem, Meeting
from oversight.tracker import operations as tracker_operations
from oversight.tracker.models import TrackedItem, Update
from oversight.visibility.viewer import PUBLIC

pytestmark = pytest.mark.django_db
GOLD = Path(settings.BASE_DIR).parent / "samples" / "gold" / "sog-2021-09-27.gold.json"


def _hhmm(value):
    return time.fromisoformat(value) if value else None


def load_sample_like_the_importer() -> Meeting:
    """The sample meeting as the importer leaves it: held, published, attendees present,
    agenda items without notes, actions without agenda items, some with an update."""
    data = json.loads(GOLD.read_text())
    m = data["meeting"]
    body = Body.objects.create(name=m["body"], short_name="SOG", kind=Body.Kind.BOARD)
    people = {a["name"]: Person.objects.get_or_create(name=a["name"])[0] for a in data["attendees"]}
    meeting = Meeting.objects.create(
        body=body,
        title=data["document"]["title"],
        date=date.fromisoformat(m["date"]),
        start=_hhmm(m["start"]),
        end=_hhmm(m["end"]),
        venue=m["venue"],
        chair=people.get(m["chair"]),
        status=Meeting.Status.HELD,
        published=True,
    )
    for p in people.values():
        Attendance.objects.create(meeting=meeting, person=p)
    for n, a in enumerate(data["agenda_items"], start=1):
        AgendaItem.objects.create(
            meeting=meeting,
            number=a["number"],
            position=n,
            title=a["title"],
            start=_hhmm(a["start"]),
            duration_minutes=a["duration_minutes"],
            presenters=a["presenters"],
        )
    for a in data["actions"]:
        item = TrackedItem.objects.create(
            text=a["text"],
            origin=TrackedItem.Origin.ACTION,
            meeting=meeting,
            owner_person=people.get(a["owner"] or ""),
            start_date=meeting.date,
        )
        if a["update"]:
            tracker_operations.record_update(
                item, author=None, narrative=a["update"], status="in_progress", progress=0
            )
    return meeting


def counts() -> dict[str, int]:
    models = (Meeting, AgendaItem, Attendance, TrackedItem, Update, ActionReview, ForwardPlanItem)
    return {m.__name__: m.objects.count() for m in models}


def check_demo(first: Meeting) -> None:
    result = add_demo_meetings()
    assert result is not None and result.first == first
    first.refresh_from_db()
    follow = result.follow_up
    # The September meeting: held, its minutes written and approved at December's.
    assert first.status == "held" and first.minutes_approved_at == follow
    assert (
        first.agenda_items(manager="private_objects")
        .get(number="3")
        .notes.startswith("- Prevent referral data")
    )
    assert TrackedItem.private_objects.filter(meeting=first, agenda_item__isnull=True).count() == 0
    # The follow-up: 8 December 2021, 14:00-16:00, standing items first, timed.
    assert (follow.date, follow.start, follow.end) == (FOLLOW_UP, time(14), time(16))
    agenda = [
        (i.number, i.start.strftime("%H:%M") if i.start else None, i.title[:30])
        for i in follow.agenda_items(manager="private_objects").order_by("position")
    ]
    assert agenda == [
        ("1", "14:00", "Welcome, introductions and ove"),
        ("2", "14:05", "Notes, actions and updates"),
        ("3", "14:15", "Thematic inspection: the exper"),
        ("4", "14:35", "Community Resilience Partnersh"),
        ("5", "14:45", "Strategic sub group and partne"),
        ("6", "15:25", "Safer Young Hackney: detailed "),
        ("7", "15:40", "AOB and Close"),
    ]
    assert follow.status == "held" and not follow.minutes_locked
    assert follow.attendance.filter(status="present").count() >= 8
    assert follow.attendance.filter(status="apologies").exists()
    # Every September action comes to December, some with an update recorded there.
    rows = carried_actions(follow, PUBLIC)
    assert len(rows) == TrackedItem.private_objects.filter(meeting=first).count()
    closed = [r.item.text[:40] for r in rows if r.closed_here]
    assert len(closed) == 3 and any("Trust and confidence" in t for t in closed)
    assert sum(1 for r in rows if r.updated_here and not r.closed_here) == 2
    # The ones still open are carried on, with December's new action; the closed ones not.
    march = Meeting(body=first.body, date=date(2022, 3, 9), start=time(14), pk=10**6)
    later = [r.item.text for r in carried_actions(march, PUBLIC)]
    assert len(later) == len(rows) - 3 + 1
    assert "Circulate the inspection's recommendations" in later[-1]
    # A forward plan with annual reports, a 9-12 month update, and one taken in December.
    titles = {r.entry.title: r for r in plan_rows(first.body, PUBLIC)}
    assert titles["Safer Young Hackney: detailed written update"].status == "taken"
    assert titles["Thematic inspection: progress on the local response"].entry.due_by == (
        date(2022, 12, 8)
    )
    assert ForwardPlanItem.private_objects.filter(
        title__iexact="Prevent annual update", due_by=date(2022, 9, 30), agenda_item__isnull=True
    ).exists()


def test_the_demo_holds_the_sample_meeting_and_carries_its_actions_to_december():
    first = load_sample_like_the_importer()
    check_demo(first)
    before = counts()
    add_demo_meetings()  # again: nothing changes
    assert counts() == before


def test_the_demo_does_nothing_without_the_sample_meeting():
    assert add_demo_meetings() is None


def test_the_demo_works_on_what_the_real_importer_loads_and_reloads():
    loading = pytest.importorskip("oversight.ingest.loading")
    data = json.loads(GOLD.read_text())
    loading.load_extraction(data, publish=True, source_name=GOLD.name)
    first = Meeting.private_objects.get(date=date(2021, 9, 27))
    check_demo(first)
    before = counts()
    # The demo command loads the documents again, then adds the meetings again.
    loading.load_extraction(data, publish=True, source_name=GOLD.name)
    add_demo_meetings()
    assert counts() == before
