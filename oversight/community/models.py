"""Community voice: what the community said (feedback), where it came from (a community
conversation, a panel's review session, a survey, the public form), and what was done
about it (the accountable body's response and the recommendations, commitments and
actions linked to it): "you said, we did".

Feedback is public only once a moderator of the body it is for has accepted it; until
then, and when declined, only its moderators and whoever logged it see it. A
submitter's contact details live apart (`SubmitterContact`) and are shown to moderators
only: nothing public ever carries a member of the public's name or address.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from oversight.directory.models import Body, Organisation, Person
from oversight.tracker.models import Recommendation, TrackedItem
from oversight.visibility.records import NOTHING, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer

# Letters that cannot be misread for one another when read out over the phone.
_REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A reference a submitter can quote: `FB-` and eight unambiguous characters."""
    return "FB-" + "".join(secrets.choice(_REFERENCE_LETTERS) for _ in range(8))


# The themes a new installation starts with (migration 0002 adds them too).
DEFAULT_THEMES = (
    "Stop and search",
    "Youth safety",
    "Policing in schools",
    "Communication and engagement",
    "Trust and confidence",
    "Violence against women and girls",
    "Support services",
    "Other",
)


class Theme(models.Model):
    """What feedback is about (stop and search, youth safety...): a list administrators
    keep in the admin site; themes no longer offered stay on the feedback filed under them."""

    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True, help_text="Offered on the feedback forms.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Recipient:
    """Who feedback is for: an organisation (the police) or a body (a partnership)."""

    organisation: Organisation | None = None
    body: Body | None = None

    @property
    def key(self) -> str:
        return (
            f"organisation-{self.organisation.pk}" if self.organisation else f"body-{self.body.pk}"
        )

    @property
    def name(self) -> str:
        return str(self.organisation or self.body)

    def q(self, prefix: str = "") -> Q:
        if self.organisation:
            return Q(**{f"{prefix}for_organisation": self.organisation})
        return Q(**{f"{prefix}for_body": self.body})

    @property
    def is_public(self) -> bool:
        return self.organisation is not None or self.body.is_public

    def get_absolute_url(self) -> str:
        return reverse("you_said_we_did_for", args=[self.key])

    @classmethod
    def from_key(cls, key: str) -> Recipient:
        """The recipient a key (`organisation-3`, `body-4`) names, else 404."""
        kind, _, pk = (key or "").partition("-")
        if not pk.isdigit():
            raise Http404("No such organisation or body")
        try:
            if kind == "organisation":
                return cls(organisation=Organisation.objects.get(pk=int(pk)))
            if kind == "body":
                return cls(body=Body.objects.get(pk=int(pk)))
        except (Organisation.DoesNotExist, Body.DoesNotExist) as exc:
            raise Http404("No such organisation or body") from exc
        raise Http404("No such organisation or body")

    def moderated_by(self, viewer: Viewer) -> bool:
        """Officers of the organisation, or of the body (its staff members and officers
        of its host organisation), moderate and answer its feedback; administrators any."""
        if viewer.is_admin:
            return True
        if not viewer.is_staff_role or not viewer.person_id:
            return False
        if self.organisation:
            return self.organisation.pk in viewer.organisation_ids
        return self.body.pk in viewer.body_ids or (
            self.body.organisation_id is not None
            and self.body.organisation_id in viewer.organisation_ids
        )


def _moderators_q(viewer: Viewer, prefix: str) -> Q:
    """The rows `viewer` moderates (see `Recipient.moderated_by`), as a condition."""
    if not viewer.is_staff_role or not viewer.person_id:
        return NOTHING
    return (
        Q(**{f"{prefix}for_organisation_id__in": viewer.organisation_ids})
        | Q(**{f"{prefix}for_body_id__in": viewer.body_ids})
        | Q(**{f"{prefix}for_body__organisation_id__in": viewer.organisation_ids})
    )


class PanelSession(Restrictable):
    """A community panel's session reviewing the work of an agency, such as the
    Community Scrutiny Panel watching body-worn video of stop and search. Its findings
    are feedback for the accountable organisation or body."""

    panel = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="panel_sessions")
    held_on = models.DateField()
    members_present = models.ManyToManyField(Person, blank=True, related_name="+")
    for_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    for_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(blank=True, help_text="Anything else about the session.")
    recorded_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = RestrictableHistory(m2m_fields=[members_present])

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(for_organisation__isnull=False, for_body__isnull=True)
                | Q(for_organisation__isnull=True, for_body__isnull=False),
                name="community_session_one_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.panel} session, {self.held_on:%d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("panel_session", args=[self.pk])

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.for_organisation, self.for_body)

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}panel__is_public": True})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return (
            Q(**{f"{prefix}panel_id__in": viewer.body_ids})
            | Q(**{f"{prefix}recorded_by_id": viewer.person_id})
            | _moderators_q(viewer, prefix)
        )

    def to_dict(self) -> dict:
        return {
            "id": self.pk,
            "panel": self.panel.name,
            "held_on": self.held_on.isoformat(),
            "members_present": self.members_present.count(),
            "for": self.recipient.name,
            "reviewed": [r.to_dict() for r in self.reviewed.all()],
        }


class ReviewedMaterial(models.Model):
    """What a panel looked at in a session: how many of what, of which kind (12
    body-worn video clips of searches for drugs)."""

    session = models.ForeignKey(PanelSession, on_delete=models.CASCADE, related_name="reviewed")
    what = models.CharField(max_length=200, default="Body-worn video clips")
    kind = models.CharField(
        max_length=200, blank=True, help_text="For example the search type: drugs, weapons."
    )
    count = models.PositiveIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.count} {self.what}" + (f" ({self.kind})" if self.kind else "")

    def to_dict(self) -> dict:
        return {"what": self.what, "kind": self.kind, "count": self.count}


class Feedback(Restrictable):
    """One point the community made, in plain words, to the organisation or body it is
    for; its moderation; the recipient's response; and what answers it."""

    class Source(models.TextChoices):
        CONVERSATION = "conversation", "Community conversation or meeting"
        PANEL = "panel", "Panel review session"
        SURVEY = "survey", "Survey"
        FORM = "form", "Public feedback form"
        WARD_PANEL = "ward_panel", "Ward panel"
        SHADOW_BOARD = "shadow_board", "Shadow board"

    class Moderation(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    class Position(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        IN_PROGRESS = "in_progress", "In progress"
        NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"

    reference = models.CharField(max_length=20, unique=True, default=new_reference, editable=False)
    summary = models.TextField(help_text="What was said, in plain words.")
    source = models.CharField(max_length=20, choices=Source.choices)
    received_on = models.DateField(default=timezone.localdate)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="feedback")
    area = models.CharField(max_length=100, blank=True, help_text="Area or ward, if any.")
    for_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="feedback"
    )
    for_body = models.ForeignKey(
        Body, null=True, blank=True, on_delete=models.PROTECT, related_name="feedback"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_feedback",
    )
    session = models.ForeignKey(
        PanelSession, null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    logged_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="logged_feedback"
    )
    created_at = models.DateTimeField(default=timezone.now)

    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderated_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    # Why it was declined, or what was taken out of the summary before it was accepted.
    moderation_note = models.TextField(blank=True)
    edited_in_moderation = models.BooleanField(default=False)

    position = models.CharField(max_length=20, choices=Position.choices, blank=True)
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    items = models.ManyToManyField(TrackedItem, blank=True, related_name="community_feedback")
    recommendations = models.ManyToManyField(
        Recommendation, blank=True, related_name="community_feedback"
    )
    history = RestrictableHistory(m2m_fields=[items, recommendations])

    # Findings of a restricted session are restricted, and feedback heard at a meeting
    # is public only once the meeting is (its page and title are shown with it).
    parents = ("session", "meeting")

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name_plural = "feedback"
        constraints = [
            models.CheckConstraint(
                condition=Q(for_organisation__isnull=False, for_body__isnull=True)
                | Q(for_organisation__isnull=True, for_body__isnull=False),
                name="community_feedback_one_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.summary[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("feedback", args=[self.pk])

    @property
    def recipient(self) -> Recipient:
        return Recipient(self.for_organisation, self.for_body)

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}moderation": cls.Moderation.ACCEPTED}) & (
            Q(**{f"{prefix}for_body__isnull": True}) | Q(**{f"{prefix}for_body__is_public": True})
        )

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        # Unmoderated feedback is no draft: it may hold what the moderator will take out.
        return Q(**{f"{prefix}moderation": cls.Moderation.ACCEPTED})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}logged_by_id": viewer.person_id}) | _moderators_q(viewer, prefix)

    @property
    def is_accepted(self) -> bool:
        return self.moderation == self.Moderation.ACCEPTED

    def to_dict(self) -> dict:
        """What the public may read of it: never who sent or logged it."""
        return {
            "reference": self.reference,
            "you_said": self.summary,
            "received_on": self.received_on.isoformat(),
            "source": self.source,
            "source_label": self.source_label(),
            "theme": self.theme.name,
            "area": self.area or None,
            "for": self.recipient.name,
            "edited_in_moderation": self.edited_in_moderation,
            "response": {
                "position": self.position or None,
                "text": self.response or None,
                "date": self.responded_at.date().isoformat() if self.responded_at else None,
            },
        }

    def source_label(self) -> str:
        if self.session_id:
            return f"{self.session.panel.name} review session"
        if self.meeting_id:
            return f"{self.get_source_display()}: {self.meeting.title}"
        return self.get_source_display()


class SubmitterContact(models.Model):
    """How to reach whoever sent feedback through the public form, if they said: shown
    to the feedback's moderators only, never on a page, export or feed the public reads."""

    feedback = models.OneToOneField(Feedback, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # No history of its own, unlike every other table: history tables are append-only
    # (oversight.safekeeping), and contact details must be erasable for good. Their
    # deletion is recorded in the feedback's history instead (operations.forget_contact).

    def __str__(self) -> str:
        return f"Contact for {self.feedback.reference}"


# --- what was done: derived, never typed ----------------------------------------------


class Outcome(models.TextChoices):
    """What became of a piece of feedback, as the matrix counts it."""

    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"


_DONE_RECOMMENDATION = {"delivered", "verified", "closed"}


def outcome_of(
    position: str, items: list[TrackedItem], recommendation_statuses: list[str]
) -> Outcome:
    """What became of a piece of feedback, from the recipient's response (`position`)
    and from the linked items and the statuses of the linked recommendations that the
    reader may see (a restricted action moves nothing the public reads): not taken
    forward when the recipient said so; done when everything linked is complete,
    verified or delivered; in progress when something is linked or the recipient has
    accepted it; else open."""
    if position == Feedback.Position.NOT_TAKEN_FORWARD:
        return Outcome.NOT_TAKEN_FORWARD
    linked = bool(items or recommendation_statuses)
    if (
        linked
        and all(i.is_complete for i in items)
        and all(s in _DONE_RECOMMENDATION for s in recommendation_statuses)
    ):
        return Outcome.DONE
    if linked or position in (Feedback.Position.ACCEPTED, Feedback.Position.IN_PROGRESS):
        return Outcome.IN_PROGRESS
    return Outcome.OPEN


def period_bounds(period: str, today: date | None = None) -> tuple[date | None, date | None]:
    """`2026` or `2026-Q3` as its first and last days; anything else is all time."""
    year, _, quarter = (period or "").partition("-Q")
    if not year.isdigit() or len(year) != 4:
        return None, None
    y = int(year)
    if quarter in {"1", "2", "3", "4"}:
        q = int(quarter)
        start = date(y, 3 * q - 2, 1)
        end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)
