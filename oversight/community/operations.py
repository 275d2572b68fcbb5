"""Every change to community feedback and panel sessions goes through one of these
functions, each one transaction. History (who, when, before and after, the summary as
first received included) is kept by django-simple-history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from oversight.directory.models import Body, Organisation, Person
from oversight.tracker.models import ActionPlan, Recommendation, TrackedItem
from oversight.visibility.viewer import Viewer

from .access import can_moderate, can_record_session
from .models import (
    DEFAULT_THEMES,
    Feedback,
    PanelSession,
    Recipient,
    ReviewedMaterial,
    SubmitterContact,
    Theme,
)


@transaction.atomic
def add_default_themes() -> list[Theme]:
    """The starting themes, added where missing (never changed where they exist)."""
    return [
        Theme.objects.get_or_create(name=name, defaults={"position": n})[0]
        for n, name in enumerate(DEFAULT_THEMES, start=1)
    ]


def _check_summary(summary: str) -> str:
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError("Say what was said.")
    return summary


def _refuse_unless_moderator(viewer: Viewer, feedback: Feedback) -> None:
    if not can_moderate(viewer, feedback):
        raise PermissionDenied(f"Only officers of {feedback.recipient.name} can do this.")


@transaction.atomic
def submit_public_feedback(
    *,
    summary: str,
    theme: Theme,
    recipient: Recipient,
    area: str = "",
    contact_name: str = "",
    contact_email: str = "",
) -> Feedback:
    """Feedback sent through the public form: awaiting moderation, and kept apart from
    the contact details the submitter chose to give (if any)."""
    feedback = Feedback.objects.create(
        summary=_check_summary(summary),
        source=Feedback.Source.FORM,
        theme=theme,
        area=area.strip(),
        for_organisation=recipient.organisation,
        for_body=recipient.body,
    )
    if contact_name.strip() or contact_email.strip():
        SubmitterContact.objects.create(
            feedback=feedback, name=contact_name.strip(), email=contact_email.strip()
        )
    return feedback


@transaction.atomic
def log_feedback(
    *,
    viewer: Viewer,
    by: Person,
    summary: str,
    source: str,
    theme: Theme,
    recipient: Recipient,
    received_on: date | None = None,
    area: str = "",
    meeting=None,
    session: PanelSession | None = None,
) -> Feedback:
    """Feedback someone signed in heard and logs. It waits for the recipient's
    moderator, unless whoever logs it moderates for the recipient: then it is accepted
    as logged."""
    if source not in Feedback.Source.values:
        raise ValidationError(f"Unknown source {source!r}.")
    if received_on and received_on > timezone.localdate():
        raise ValidationError("The date it was heard cannot be in the future.")
    feedback = Feedback(
        summary=_check_summary(summary),
        source=source,
        theme=theme,
        area=area.strip(),
        for_organisation=recipient.organisation,
        for_body=recipient.body,
        received_on=received_on or timezone.localdate(),
        meeting=meeting,
        session=session,
        logged_by=by,
    )
    if recipient.moderated_by(viewer):
        feedback.moderation = Feedback.Moderation.ACCEPTED
        feedback.moderated_by = by
        feedback.moderated_at = timezone.now()
    feedback.save()
    return feedback


@transaction.atomic
def accept_feedback(
    feedback: Feedback, *, viewer: Viewer, by: Person, summary: str, note: str = ""
) -> Feedback:
    """Publish `feedback`, with its summary as the moderator leaves it. A changed
    summary (a name taken out) needs a note saying what was removed; the summary as
    received stays in the history, which only moderators read."""
    _refuse_unless_moderator(viewer, feedback)
    feedback = Feedback.private_objects.select_for_update().get(pk=feedback.pk)
    summary = _check_summary(summary)
    edited = summary != feedback.summary
    if edited and not note.strip():
        raise ValidationError("Say what you changed in the summary, for the record.")
    feedback.edited_in_moderation = feedback.edited_in_moderation or edited
    feedback.summary = summary
    feedback.moderation = Feedback.Moderation.ACCEPTED
    feedback.moderation_note = note.strip()
    feedback.moderated_by = by
    feedback.moderated_at = timezone.now()
    feedback._change_reason = "Accepted, edited to remove personal data" if edited else "Accepted"
    feedback.save()
    return feedback


@transaction.atomic
def decline_feedback(feedback: Feedback, *, viewer: Viewer, by: Person, reason: str) -> Feedback:
    """Keep `feedback` off the public site for good, with the reason."""
    _refuse_unless_moderator(viewer, feedback)
    if not reason.strip():
        raise ValidationError("Give a reason for declining it.")
    feedback = Feedback.private_objects.select_for_update().get(pk=feedback.pk)
    feedback.moderation = Feedback.Moderation.DECLINED
    feedback.moderation_note = reason.strip()
    feedback.moderated_by = by
    feedback.moderated_at = timezone.now()
    feedback._change_reason = "Declined"
    feedback.save()
    return feedback


@transaction.atomic
def forget_contact(feedback: Feedback, *, viewer: Viewer) -> None:
    """Delete the sender's contact details (once they have been answered, or at their
    request); the feedback itself stays. Its history records who deleted them and when;
    the details are kept nowhere, so forgetting them is for good."""
    _refuse_unless_moderator(viewer, feedback)
    contact = SubmitterContact.objects.filter(feedback=feedback).first()
    if contact is None:
        raise ValidationError("There are no contact details to delete.")
    contact.delete()
    feedback._change_reason = "Sender's contact details deleted"
    feedback.save()


@transaction.atomic
def respond_to_feedback(
    feedback: Feedback, *, viewer: Viewer, by: Person, position: str, text: str
) -> Feedback:
    """The recipient's answer: accepted, in progress or not taken forward, and why."""
    _refuse_unless_moderator(viewer, feedback)
    if position not in Feedback.Position.values:
        raise ValidationError("Choose whether it is accepted, in progress or not taken forward.")
    if not text.strip():
        raise ValidationError("Write the response the community will read.")
    if feedback.moderation == Feedback.Moderation.DECLINED:
        raise ValidationError("Declined feedback is not answered in public.")
    feedback.position = position
    feedback.response = text.strip()
    feedback.responded_by = by
    feedback.responded_at = timezone.now()
    feedback._change_reason = "Response written"
    feedback.save(update_fields=["position", "response", "responded_by", "responded_at"])
    return feedback


@transaction.atomic
def link_feedback(
    feedback: Feedback,
    *,
    viewer: Viewer,
    items: list[TrackedItem] = (),
    recommendations: list[Recommendation] = (),
) -> None:
    """Say which commitments, actions and recommendations answer `feedback`. The view
    offers only records the officer may see; a record is linked once however often
    it is chosen."""
    _refuse_unless_moderator(viewer, feedback)
    if not items and not recommendations:
        raise ValidationError("Choose at least one action, commitment or recommendation.")
    feedback.items.add(*items)
    feedback.recommendations.add(*recommendations)


@transaction.atomic
def unlink_feedback(
    feedback: Feedback, *, viewer: Viewer, item: TrackedItem | None = None, recommendation=None
) -> None:
    """Take one linked item or recommendation off `feedback` (linked by mistake)."""
    _refuse_unless_moderator(viewer, feedback)
    if item is not None:
        feedback.items.remove(item)
    if recommendation is not None:
        feedback.recommendations.remove(recommendation)


@transaction.atomic
def create_action_from_feedback(
    feedback: Feedback,
    *,
    viewer: Viewer,
    text: str,
    plan: ActionPlan,
    owner_org: Organisation | None,
    owner_person: Person | None = None,
    due_date: date | None = None,
) -> TrackedItem:
    """A new action in `plan` that answers `feedback`, linked to it: one step."""
    _refuse_unless_moderator(viewer, feedback)
    if not text.strip():
        raise ValidationError("Say what will be done.")
    if owner_org is None and owner_person is None:
        raise ValidationError("Give the action an owner: a person, an organisation or both.")
    if owner_org is None:
        owner_org = owner_person.organisation
    today = timezone.localdate()
    if due_date is not None and due_date < today:
        raise ValidationError("The due date cannot be in the past.")
    item = TrackedItem(
        text=text.strip(),
        origin=TrackedItem.Origin.PLAN,
        plan=plan,
        owner_org=owner_org,
        owner_person=owner_person,
        start_date=today,
        due_date=due_date,
    )
    item._change_reason = f"Created from community feedback {feedback.reference}"
    item.save()
    feedback.items.add(item)
    return item


@dataclass
class Reviewed:
    """One line of what a panel reviewed: `count` of `what`, of `kind`."""

    what: str
    kind: str
    count: int


@dataclass
class Finding:
    """One finding of a panel session, in plain words, with its theme."""

    summary: str
    theme: Theme


@transaction.atomic
def record_panel_session(
    panel: Body,
    *,
    viewer: Viewer,
    by: Person,
    held_on: date,
    recipient: Recipient,
    members_present: list[Person] = (),
    reviewed: list[Reviewed] = (),
    findings: list[Finding] = (),
    notes: str = "",
) -> PanelSession:
    """A panel's session, what it reviewed and its findings, each finding feedback for
    `recipient` (awaiting its moderators unless the recorder is one)."""
    if not can_record_session(viewer, panel):
        raise PermissionDenied(f"Only members of {panel.name} can record its sessions.")
    if held_on > timezone.localdate():
        raise ValidationError("The session cannot be in the future.")
    if not findings:
        raise ValidationError("Write at least one finding.")
    strangers = [p.name for p in members_present if not p.is_member_of(panel)]
    if strangers:
        raise ValidationError(f"Not members of {panel.name}: {', '.join(strangers)}.")
    session = PanelSession.objects.create(
        panel=panel,
        held_on=held_on,
        for_organisation=recipient.organisation,
        for_body=recipient.body,
        notes=notes.strip(),
        recorded_by=by,
    )
    session.members_present.set(members_present)
    for line in reviewed:
        if line.count < 0:
            raise ValidationError("A count cannot be negative.")
        ReviewedMaterial.objects.create(
            session=session,
            what=line.what.strip() or "Items",
            kind=line.kind.strip(),
            count=line.count,
        )
    for finding in findings:
        log_feedback(
            viewer=viewer,
            by=by,
            summary=finding.summary,
            source=Feedback.Source.PANEL,
            theme=finding.theme,
            recipient=recipient,
            received_on=held_on,
            session=session,
        )
    return session
