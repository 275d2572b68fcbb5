"""Demo meetings: the sample Statutory Officer Group meeting of 27 September 2021
(loaded by the demo from its extraction) held, minuted and approved, and its follow-up
of 8 December 2021 that carries its actions forward.

`add_demo_meetings()` is called by the `demo` command after the sample documents are
loaded. It works only through the models and the meeting operations, and running it
again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.db.models import Q

from oversight.directory.models import Body, Person
from oversight.tracker.models import TrackedItem

from . import operations
from .forward_plan import window
from .models import ActionReview, AgendaItem, Decision, ForwardPlanItem, Meeting

SOG = "Community Safety Partnership Statutory Officer Group"
FIRST = date(2021, 9, 27)
FOLLOW_UP = date(2021, 12, 8)
FOLLOW_UP_TITLE = f"{SOG} - Quarter 3, 2021/22"
KEY = "demo:meetings"

# Standing items of the SOG, by the start of their title (case-insensitive).
STANDING = (
    "welcome",
    "notes, actions and updates",
    "community resilience partnership update",
    "strategic sub group and partner updates",
    "aob",
)

# The notes of the September meeting, condensed from the sample document. Lines that
# start "- " are shown as bullets.
FIRST_NOTES = {
    "welcome": (
        "The Chair welcomed members. Sean Lyons attended to give an update on Operation ADDER."
    ),
    "notes, actions and updates": (
        "The notes and actions of the Quarter 1 meeting were agreed. Updates on the "
        "open actions are recorded in the action log."
    ),
    "prevent annual update": "\n".join(
        [
            "- Prevent referral data in the update is from 2019/20: the only complete "
            "annual figures provided by SO15.",
            "- The Home Office has recognised Hackney as a priority area. £209,686 was "
            "secured this financial year, funding 3 officer posts and local projects.",
            "- 26 referrals over the reporting period, 7 of them during COVID. Education is"
            " the biggest referring sector.",
            "- The Home Office has asked every local area to propose why Prevent should be "
            "funded there. Tracey asked for the group's support with Hackney's submission.",
        ]
    ),
    "chsab annual report": "\n".join(
        [
            "- In each lockdown fewer adult safeguarding concerns were reported, and more "
            "as lockdown eased, as seen nationally.",
            "- Self-neglect, financial abuse and neglect were the areas most frequently reported.",
            "- Two safeguarding adult reviews were published last year.",
            "- Community engagement, recruiting lay members and case file audits could not "
            "be progressed.",
        ]
    ),
    "transitional safeguarding": "\n".join(
        [
            "- Adi leads the task and finish group on behalf of three boards, so the "
            "support of all of them matters.",
            "- Hackney Young Futures events over the October half term are a chance to "
            "engage young people on transitional safeguarding.",
        ]
    ),
    "community resilience partnership update": "\n".join(
        [
            "- The meeting focused on poverty, with two young residents telling their "
            "stories of growing up in Hackney.",
            "- Stability, a stable workforce and schools as a protective factor came up "
            "repeatedly.",
        ]
    ),
    "strategic sub group and partner updates": "\n".join(
        [
            "- Serious violence and gangs: violence linked to some gangs is down; tensions "
            "elsewhere led to four stabbings, with a plan covering diversion, prevention "
            "and enforcement.",
            "- Night time economy: a worrying spike in violence, mainly in Shoreditch. Late"
            " night levy money is allocated and funding secured for Operation ADDER.",
            "- Violence against women and girls: 231 referrals into DIAS in the quarter; "
            "MARAC heard 197 cases from April to June 2021, 28% more than the previous "
            "year.",
            "- Safer Young Hackney: the under-18 reoffending rate is 2.62 against 3.8 "
            "nationally. A fuller written update will come to the next meeting.",
            "- MPS: total offences are down 40% on pre-COVID years; robbery and knife crime"
            " are down 32%.",
        ]
    ),
    "aob": (
        "Next Community Resilience Partnership meeting: Wednesday 24 November. Next "
        "Statutory Officer Group meeting: Wednesday 8 December."
    ),
}

# Which September item each action was agreed under, by a phrase of the action's text.
ACTION_ITEMS = {
    "operation adder": "notes, actions and updates",
    "key findings from review of stop and search": "notes, actions and updates",
    "offender management": "notes, actions and updates",
    "crp membership": "notes, actions and updates",
    "support with this submission": "prevent annual update",
    "home office has requested": "prevent annual update",
    "young futures": "transitional safeguarding",
    "thematic inspection": "strategic sub group and partner updates",
    "trust and confidence": "strategic sub group and partner updates",
    "knife amnesty": "strategic sub group and partner updates",
}

# What the December meeting heard on the carried actions: (phrase, closed?, update).
FOLLOW_UP_UPDATES = [
    ("support with this submission", True, "Hackney's Prevent funding proposal was "
     "submitted to the Home Office with the group's support."),
    ("thematic inspection", True, "Taken as a substantive item at this meeting."),
    ("trust and confidence", True, "Trust and confidence is now a standing part of the "
     "MPS performance update."),
    ("young futures", False, "Jason and Raynor have met; young people from the Young "
     "Futures events will be invited to the leadership group in the new year."),
    ("key findings from review of stop and search", False, "Lessons learnt are still being "
     "identified; findings will come back to the group when ready."),
]  # fmt: skip

PRESENT = [
    "Marcus Barnett", "Adi Cooper", "Jason Davis", "Karla Day", "Maurice Mason",
    "Mike Hamer", "Pauline Adams", "Tracey Thomas", "Ian Williams",
]  # fmt: skip
APOLOGIES = ["Aled Richards", "Diane Benjamin", "Gerry McCarthy"]


@dataclass
class DemoMeetings:
    first: Meeting
    follow_up: Meeting


def _items_by_title(meeting: Meeting) -> dict[str, AgendaItem]:
    return {
        i.title.strip().casefold(): i for i in AgendaItem.private_objects.filter(meeting=meeting)
    }


def _find(items: dict[str, AgendaItem], start: str) -> AgendaItem | None:
    return next((i for title, i in items.items() if title.startswith(start)), None)


def _action(body: Body, phrase: str, before: date) -> TrackedItem | None:
    return (
        TrackedItem.private_objects.filter(
            origin=TrackedItem.Origin.ACTION,
            meeting__body=body,
            meeting__date__lt=before,
            text__icontains=phrase,
        )
        .order_by("pk")
        .first()
    )


def _prepare_first(first: Meeting) -> None:
    """Mark standing items, write the notes, file actions under their items, record
    the agreed decision, plan the annual reports and hold the meeting."""
    items = _items_by_title(first)
    for start in STANDING:
        item = _find(items, start)
        if item and not item.standing:
            item.standing = True
            if start == "notes, actions and updates":
                item.kind = AgendaItem.Kind.ACTIONS
            item.save(update_fields=["standing", "kind"])
    if first.minutes_locked:
        return
    for start, notes in FIRST_NOTES.items():
        item = _find(items, start)
        if item and not item.notes:
            operations.record_minutes(item, notes=notes)
    for phrase, start in ACTION_ITEMS.items():
        item = _find(items, start)
        action = TrackedItem.private_objects.filter(
            meeting=first, text__icontains=phrase, agenda_item__isnull=True
        ).first()
        if item and action:
            action.agenda_item = item
            action.save(update_fields=["agenda_item"])
    notes_item = _find(items, "notes, actions and updates")
    if notes_item and not Decision.private_objects.filter(agenda_item=notes_item).exists():
        operations.add_decision(
            notes_item, text="The notes and actions of the Quarter 1 meeting were agreed."
        )
    # Annual reports taken at this meeting: holding it plans next year's.
    for start, lead in (("prevent annual update", "Tracey Thomas"), ("chsab annual", "Adi Cooper")):
        item = _find(items, start)
        if item and not ForwardPlanItem.private_objects.filter(agenda_item=item).exists():
            ForwardPlanItem.private_objects.create(
                body=first.body,
                title=item.title,
                lead=lead,
                purpose=AgendaItem.Purpose.NOTE,
                duration_minutes=item.duration_minutes,
                due_from=date(2021, 9, 1),
                due_by=date(2021, 9, 30),
                recurrence=ForwardPlanItem.Recurrence.ANNUAL,
                meeting=first,
                agenda_item=item,
                source_key=f"{KEY}:plan:{start}:2021",
            )
    operations.mark_meeting_held(first)


def _build_follow_up(first: Meeting) -> Meeting:
    """The December meeting: standing items copied, two substantive items (one from
    the forward plan), attendance, updates on the carried actions, a new action."""
    follow = operations.create_next_meeting(
        first,
        date=FOLLOW_UP,
        start=time(14, 0),
        end=time(16, 0),
        title=FOLLOW_UP_TITLE,
        published=first.published,
    )
    follow.source_key = f"{KEY}:sog:{FOLLOW_UP.isoformat()}"
    follow.save(update_fields=["source_key"])
    inspection = operations.add_agenda_item(
        follow,
        title="Thematic inspection: the experiences of black and mixed heritage boys in "
        "the youth justice system",
        purpose=AgendaItem.Purpose.DISCUSSION,
        duration_minutes=20,
    )
    # Substantive items come before the regular updates.
    operations.move_agenda_item(inspection, 2)
    operations.add_forward_plan_item(
        first.body,
        title="Safer Young Hackney: detailed written update",
        lead="Pauline Adams",
        purpose=AgendaItem.Purpose.NOTE,
        duration_minutes=15,
        due_by=FOLLOW_UP,
        description="Promised at the September meeting, after the Safer Young Hackney "
        "board meets in November.",
        meeting=follow,
    )
    people = {a.person.name: a.person for a in first.attendance.select_related("person")} | {
        p.name: p for p in Person.objects.filter(name__in=PRESENT + APOLOGIES)
    }
    for names, status in ((PRESENT, "present"), (APOLOGIES, "apologies")):
        for name in names:
            if name in people:
                operations.record_attendance(follow, person=people[name], status=status)
    return follow


def _minute_follow_up(first: Meeting, follow: Meeting) -> None:
    if follow.minutes_locked:
        return
    items = _items_by_title(follow)
    for phrase, closed, narrative in FOLLOW_UP_UPDATES:
        action = _action(first.body, phrase, FOLLOW_UP)
        if action is None or ActionReview.objects.filter(meeting=follow, item=action).exists():
            continue
        if closed:
            operations.close_action(follow, action, narrative=narrative)
        else:
            operations.record_action_update(follow, action, narrative=narrative)
    notes_item = _find(items, "notes, actions and updates")
    if notes_item and not notes_item.notes:
        operations.record_minutes(
            notes_item,
            notes="The minutes of the meeting of 27 September 2021 were agreed as an "
            "accurate record. Updates on the open actions are recorded in the action log.",
        )
        operations.add_decision(
            notes_item, text="The minutes of the meeting of 27 September 2021 were approved."
        )
    inspection = _find(items, "thematic inspection")
    if inspection and not inspection.notes:
        operations.record_minutes(
            inspection,
            notes="The group discussed the inspection's findings and how partners will "
            "respond locally.",
        )
        owner = Person.objects.filter(name="Pauline Adams").first()
        operations.add_action(
            follow,
            agenda_item=inspection,
            text="Circulate the inspection's recommendations and the local response to "
            "members of the group",
            owner_person=owner,
            owner_org=None if owner else first.body.organisation,
            due_date=date(2022, 1, 31),
        )
    # An update "in 9 to 12 months" on the local response, as commissions ask for.
    if not ForwardPlanItem.private_objects.filter(source_key=f"{KEY}:plan:inspection").exists():
        due_from, due_by = window(FOLLOW_UP, 9, 12)
        entry = operations.add_forward_plan_item(
            first.body,
            title="Thematic inspection: progress on the local response",
            purpose=AgendaItem.Purpose.NOTE,
            duration_minutes=15,
            due_from=due_from,
            due_by=due_by,
            requested_by=Body.find("Children and Young People Scrutiny Commission"),
        )
        entry.source_key = f"{KEY}:plan:inspection"
        entry.save(update_fields=["source_key"])


def add_demo_meetings() -> DemoMeetings | None:
    """Hold, minute and approve the sample SOG meeting and create its follow-up.
    Returns None when the sample meeting has not been loaded."""
    body = Body.objects.filter(Q(name=SOG) | Q(short_name="SOG")).first() or Body.find(SOG)
    if body is None:
        return None
    first = Meeting.private_objects.filter(body=body, date=FIRST).order_by("pk").first()
    if first is None:
        return None
    with transaction.atomic():
        _prepare_first(first)
        first.refresh_from_db()
        follow = Meeting.private_objects.filter(body=body, date=FOLLOW_UP).order_by("pk").first()
        if follow is None:
            follow = _build_follow_up(first)
        if follow.status == Meeting.Status.SCHEDULED:
            operations.mark_meeting_held(follow)
        _minute_follow_up(first, follow)
        if not first.minutes_locked:
            operations.approve_minutes(first, at=follow)
        first.refresh_from_db()
        follow.refresh_from_db()
    return DemoMeetings(first, follow)
