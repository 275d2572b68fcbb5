"""Demo community voice: what young residents told the Community Resilience
Partnership, as reported to the sample Statutory Officer Group meeting of 27 September
2021 (item 6, "Community Resilience Partnership update": stability, schools as a
protective factor, more voluntary sector input), logged by the group's clerk and linked
to the actions that meeting agreed; a Community Scrutiny Panel session on body-worn
video whose findings went to the police, one accepted and answered, one awaiting the
police's moderator; and one piece of feedback from the public form awaiting moderation.

`add_demo_community(people)` is called by the `demo` command once the sample documents
and meetings are loaded. It works through the community operations, and running it
again changes nothing (each record carries a `source_key`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from oversight.directory.models import Body, Organisation, Person
from oversight.meetings.models import Meeting
from oversight.tracker.models import TrackedItem
from oversight.visibility.viewer import Viewer

from . import operations
from .models import Feedback, PanelSession, Recipient

KEY = "demo:community"
SOG = "Community Safety Partnership Statutory Officer Group"
MEETING_DATE = date(2021, 9, 27)
PANEL = "Community Scrutiny Panel"
SESSION_DATE = date(2026, 10, 14)

# (key, theme, what was said, action it answers (start of its text), position, response)
CONVERSATION = [
    (
        "stability",
        "Support services",
        "Young residents said stability matters most: seeing the same workers and "
        "mentors over time, not a new face every few months.",
        "Jason to discuss with Raynor on linking in with young futures events",
        Feedback.Position.IN_PROGRESS,
        "Partners are linking into Hackney Young Futures' events and its leadership group, "
        "so that young people meet the same people over time.",
    ),
    (
        "schools",
        "Policing in schools",
        "Schools are a protective factor: young people want partners to reach them "
        "through their schools, with messages that make sense to them.",
        "ensure that tactical lead provides communication materials around knife amnesty",
        Feedback.Position.ACCEPTED,
        "Knife amnesty and education materials are going to schools through Hackney "
        "Education, alongside probation and council colleagues.",
    ),
    (
        "voluntary-sector",
        "Communication and engagement",
        "There should be more voluntary and community sector input when partners plan, "
        "not only updates afterwards.",
        "Agreed that CRP membership should be reviewed with a greater focus on community",
        Feedback.Position.IN_PROGRESS,
        "The Community Resilience Partnership's membership has been reviewed to give "
        "community members a greater place.",
    ),
]
FINDINGS = [
    (
        "grounds",
        "Stop and search",
        "In most of the clips the panel watched, officers explained the grounds for the "
        "search clearly and stayed calm.",
    ),
    (
        "records",
        "Youth safety",
        "In two clips of searches of under-18s, the young person was not told they could "
        "have a record of the search.",
    ),
]
PUBLIC_FORM = (
    "Searches near the station at night feel targeted at young Black men. Officers should "
    "say why they are searching before they start."
)


@dataclass
class DemoCommunity:
    conversation: list[Feedback]
    session: PanelSession


def _existing(key: str) -> Feedback | None:
    return Feedback.private_objects.filter(source_key=f"{KEY}:{key}").first()


def _keep(feedback: Feedback, key: str) -> Feedback:
    feedback.source_key = f"{KEY}:{key}"
    feedback._change_reason = "Demo data"
    feedback.save(update_fields=["source_key"])
    return feedback


def _action(meeting: Meeting, starts: str) -> TrackedItem | None:
    return TrackedItem.private_objects.filter(meeting=meeting, text__startswith=starts).first()


def add_demo_community(people: dict[str, Person]) -> DemoCommunity | None:
    """Seed the demo's community voice; None when the sample meeting is not loaded."""
    sog = Body.find(SOG)
    panel = Body.find(PANEL)
    police = Organisation.find("MPS")
    meeting = Meeting.private_objects.filter(body=sog, date=MEETING_DATE).first() if sog else None
    if meeting is None or panel is None or police is None:
        return None
    clerk, officer, member = people["council"], people["police"], people["community"]
    themes = {t.name: t for t in operations.add_default_themes()}

    conversation = []
    for key, theme, said, action, position, response in CONVERSATION:
        feedback = _existing(key)
        if feedback is None:
            by = Viewer.for_user(clerk.user)
            feedback = operations.log_feedback(
                viewer=by,
                by=clerk,
                summary=said,
                source=Feedback.Source.CONVERSATION,
                theme=themes[theme],
                recipient=Recipient(body=sog),
                received_on=MEETING_DATE,
                meeting=meeting,
            )
            item = _action(meeting, action)
            if item is not None:
                operations.link_feedback(feedback, viewer=by, items=[item])
            operations.respond_to_feedback(
                feedback, viewer=by, by=clerk, position=position, text=response
            )
            _keep(feedback, key)
        conversation.append(feedback)

    session = PanelSession.private_objects.filter(source_key=f"{KEY}:session").first()
    if session is None:
        session = operations.record_panel_session(
            panel,
            viewer=Viewer.for_user(member.user),
            by=member,
            held_on=SESSION_DATE,
            recipient=Recipient(organisation=police),
            members_present=[member],
            reviewed=[
                operations.Reviewed("Body-worn video clips", "Drugs", 8),
                operations.Reviewed("Body-worn video clips", "Weapons", 3),
                operations.Reviewed("Body-worn video clips", "Going equipped", 1),
            ],
            findings=[operations.Finding(text, themes[theme]) for _k, theme, text in FINDINGS],
        )
        session.source_key = f"{KEY}:session"
        session._change_reason = "Demo data"
        session.save(update_fields=["source_key"])
        findings = Feedback.private_objects.filter(session=session).order_by("pk")
        for (key, _theme, _text), finding in zip(FINDINGS, findings, strict=True):
            _keep(finding, f"finding-{key}")
        # The police accept and answer the first finding; the second awaits them.
        by = Viewer.for_user(officer.user)
        grounds = findings[0]
        operations.accept_feedback(grounds, viewer=by, by=officer, summary=grounds.summary)
        linked = [
            i
            for i in (
                TrackedItem.private_objects.filter(
                    source_key="demo:plan:trust-and-confidence:bwv-review"
                ).first(),
                _action(meeting, "Key findings from review of stop and search"),
            )
            if i is not None
        ]
        if linked:
            operations.link_feedback(grounds, viewer=by, items=linked)
        operations.respond_to_feedback(
            grounds,
            viewer=by,
            by=officer,
            position=Feedback.Position.ACCEPTED,
            text="Thank you. The panel's findings go to every briefing of the BCU's officers, "
            "and the panel reviews footage every quarter.",
        )

    if _existing("public-form") is None:
        sent = operations.submit_public_feedback(
            summary=PUBLIC_FORM,
            theme=themes["Stop and search"],
            recipient=Recipient(organisation=police),
            area="Hackney Central",
            contact_email="resident@example.org",
        )
        _keep(sent, "public-form")
    return DemoCommunity(conversation, session)
