"""Update rounds: a scrutiny officer asks the owners of a set of items for an update by
a deadline; reminders, escalation and weekly digests follow on schedule, and every
message sent is kept.

A round's items are chosen when it opens and never change. Whether an owner has
answered is read from the tracker: an update recorded on the item since the round
opened. Nothing here copies an item's state.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from oversight.directory.models import Body, Person
from oversight.tracker.models import ActionPlan, Review, TrackedItem, Update
from oversight.visibility.records import NOTHING, AppendOnly, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer


class UpdateRound(Restrictable):
    """One request for updates on chosen items of a review, a body's action log or an
    action plan, with a deadline and the rules for chasing it."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=300)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="update_rounds")
    # At most one of these is set: a round for a body's action log has neither.
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.PROTECT, related_name="update_rounds"
    )
    plan = models.ForeignKey(
        ActionPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="update_rounds"
    )
    items = models.ManyToManyField(TrackedItem, related_name="update_rounds")
    opened_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateField()
    message = models.TextField(help_text="The covering message every owner receives.")
    reminder_days = models.PositiveSmallIntegerField(
        null=True, blank=True, default=7, help_text="Days before the deadline; empty for none."
    )
    escalation_days = models.PositiveSmallIntegerField(
        null=True, blank=True, default=7, help_text="Days after the deadline; empty for none."
    )
    weekly_digest = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = RestrictableHistory()

    parents = ("review", "plan")

    class Meta:
        ordering = ["-opened_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review__isnull=True) | Q(plan__isnull=True),
                name="chasing_round_one_source",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("round", args=[self.pk])

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        """Chasing is the officers' working: never on the public site."""
        return NOTHING

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        return Q() if drafts else NOTHING

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return (
            Q(**{f"{prefix}opened_by_id": viewer.person_id})
            | Q(**{f"{prefix}body_id__in": viewer.body_ids})
            | Q(**{f"{prefix}items__owner_person_id": viewer.person_id})
            | Q(**{f"{prefix}items__owner_org_id__in": viewer.organisation_ids})
        )

    # --- derived state -------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_past_deadline(self, today: date | None = None) -> bool:
        return (today or timezone.localdate()) > self.deadline

    def reminder_date(self) -> date | None:
        if self.reminder_days is None:
            return None
        return self.deadline - timedelta(days=self.reminder_days)

    def escalation_date(self) -> date | None:
        if self.escalation_days is None:
            return None
        return self.deadline + timedelta(days=self.escalation_days)

    def answered_item_ids(self, item_ids=None) -> set[int]:
        """The items (of `item_ids`, or all of the round's) with an update recorded
        since the round opened."""
        updates = Update.objects.filter(created_at__gte=self.opened_at)
        if item_ids is None:
            updates = updates.filter(item__update_rounds=self)
        else:
            updates = updates.filter(item_id__in=list(item_ids))
        return set(updates.values_list("item_id", flat=True))

    def source_label(self) -> str:
        if self.review_id:
            return f"Review: {self.review}"
        if self.plan_id:
            return f"Action plan: {self.plan}"
        return f"Action log of {self.body}"

    def to_dict(self) -> dict:
        return {
            "id": self.pk,
            "title": self.title,
            "body": self.body.name,
            "source": self.source_label(),
            "opened_by": self.opened_by.name,
            "opened_at": self.opened_at.isoformat(),
            "deadline": self.deadline.isoformat(),
            "reminder_days": self.reminder_days,
            "escalation_days": self.escalation_days,
            "weekly_digest": self.weekly_digest,
            "status": self.status,
        }


def owner_of(item: TrackedItem) -> Person | None:
    """Who is asked for an item's update: its owner, else the lead contact of the
    organisation that owns it."""
    if item.owner_person_id:
        return item.owner_person
    if item.owner_org_id:
        return item.owner_org.lead_contact
    return None


def lead_of(item: TrackedItem) -> Person | None:
    """To whom a late update is escalated: the lead contact of the owning organisation,
    or of the owner's own organisation."""
    org = item.owner_org or (item.owner_person.organisation if item.owner_person_id else None)
    return org.lead_contact if org else None


class SentMessage(AppendOnly):
    """A message sent for a round: to whom, what, when and why. Written in the same
    transaction that sends it; the unique key refuses a second message of the same
    kind to the same person for the same round and date bucket."""

    class Kind(models.TextChoices):
        OPENED = "opened", "Request for updates"
        REMINDER = "reminder", "Reminder"
        ESCALATION = "escalation", "Escalation"
        ESCALATION_COPY = "escalation_copy", "Copy of escalation"
        DIGEST = "digest", "Weekly digest"

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        NOTIFY = "notify", "GOV.UK Notify"

    round = models.ForeignKey(UpdateRound, on_delete=models.PROTECT, related_name="messages")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    recipient = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    address = models.CharField(max_length=254)
    # The date bucket: the scheduled day for one-off messages ("2026-12-30"), the ISO
    # week for digests ("2026-W53"), "opening" for the request itself.
    bucket = models.CharField(max_length=20)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    reason = models.CharField(max_length=300)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Ours, given to GOV.UK Notify as its `reference`, so a message can be traced there.
    reference = models.CharField(max_length=100)
    sent_at = models.DateTimeField(default=timezone.now)
    items = models.ManyToManyField(TrackedItem, through="MessageItem", related_name="messages_sent")

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "recipient", "kind", "bucket"], name="chasing_sent_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient} on {self.sent_at:%d %B %Y}"

    def to_dict(self) -> dict:
        return {
            "round": self.round_id,
            "kind": self.kind,
            "recipient": self.recipient.name,
            "address": self.address,
            "subject": self.subject,
            "reason": self.reason,
            "sent_at": self.sent_at.isoformat(),
        }


class MessageItem(AppendOnly):
    """An item a sent message was about: what puts the message on the item's timeline."""

    message = models.ForeignKey(SentMessage, on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(TrackedItem, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "item"], name="chasing_message_item_once")
        ]


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def source_items(
    viewer: Viewer, *, body: Body, review: Review | None = None, plan: ActionPlan | None = None
):
    """The items a round for this source may ask about, as `viewer` sees them: a
    review's commitments, a plan's actions, or else the actions agreed at the body's
    meetings (its action log)."""
    items = TrackedItem.objects.visible_to(viewer)
    if review is not None:
        return items.filter(Q(recommendation__review=review) | Q(review=review))
    if plan is not None:
        return items.filter(plan=plan)
    return items.filter(meeting__body=body, origin=TrackedItem.Origin.ACTION)


def open_items_q() -> Q:
    """Items still to be delivered: not reported complete, not verified."""
    return ~Q(status=TrackedItem.Status.COMPLETE) & Q(verified_at__isnull=True)
