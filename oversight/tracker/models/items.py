"""Tracked items (commitments and actions), their append-only updates with evidence,
and their verification by the overseeing body."""

from __future__ import annotations

import os
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from oversight.directory.models import Body, Organisation, Person
from oversight.visibility.records import NOTHING, AppendOnly, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer

from ..rag import Rag, RagInputs, derive_rag
from .reviews import ActionPlan, Recommendation, Response, Review


class TrackedItem(Restrictable):
    """Something someone has promised or agreed to do, with an owner and a due date.

    A commitment comes from a response to a recommendation; an action from a meeting or
    an action plan. Status and progress change only through updates (append-only), and
    verification only through `verify_item` / `return_item`.
    """

    class Origin(models.TextChoices):
        COMMITMENT = "commitment", "Commitment in a response"
        ACTION = "action", "Action from a meeting"
        PLAN = "plan", "Action plan"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"

    text = models.TextField()
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.COMMITMENT)
    recommendation = models.ForeignKey(
        Recommendation, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    response = models.ForeignKey(
        Response, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    # For a commitment a review makes without tying it to one recommendation ("the
    # Commission will review this in 9-12 months").
    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", null=True, blank=True, on_delete=models.CASCADE, related_name="actions"
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    plan = models.ForeignKey(
        ActionPlan, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    owner_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_items"
    )
    owner_org = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_items"
    )
    start_date = models.DateField(
        default=timezone.localdate, help_text="When the work was promised or agreed."
    )
    due_date = models.DateField(null=True, blank=True)
    due_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Per cent complete.")
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="verified_items"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = RestrictableHistory()

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.text[:100]

    def get_absolute_url(self) -> str:
        return reverse("item", args=[self.pk])

    parents = ("recommendation", "review", "meeting", "plan")
    # An action minuted under an exempt agenda item is exempt too, and a commitment
    # in a restricted response is restricted.
    restricting_parents = ("agenda_item", "response")

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        """An item on its own, hanging from nothing, is never published."""
        some_parent = NOTHING
        for name in cls.parents:
            some_parent |= Q(**{f"{prefix}{name}__isnull": False})
        return some_parent

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return (
            Q(**{f"{prefix}owner_person_id": viewer.person_id})
            | Q(**{f"{prefix}owner_org_id__in": viewer.organisation_ids})
            | Recommendation.concerned_q(viewer, f"{prefix}recommendation__")
            | Q(**{f"{prefix}review__body_id__in": viewer.body_ids})
            | Q(**{f"{prefix}meeting__body_id__in": viewer.body_ids})
            | ActionPlan.concerned_q(viewer, f"{prefix}plan__")
        )

    # --- derived state -------------------------------------------------------------

    @property
    def is_complete(self) -> bool:
        return self.status == self.Status.COMPLETE or self.verified_at is not None

    def rag(self, today: date | None = None) -> Rag:
        return derive_rag(
            RagInputs(
                complete=self.status == self.Status.COMPLETE,
                verified=self.verified_at is not None,
                due=self.due_date,
                due_precision=self.due_precision,
                start=self.start_date,
                progress=self.progress,
            ),
            today or timezone.localdate(),
        )

    @property
    def overseeing_body(self) -> Body | None:
        """The body whose members verify this item: the recommending body, the plan's
        overseeing body, or the body whose meeting agreed the action."""
        if self.recommendation_id:
            return self.recommendation.review.body
        if self.review_id:
            return self.review.body
        if self.plan_id:
            return self.plan.overseeing_body
        if self.meeting_id:
            return self.meeting.body
        return None

    @property
    def owner_label(self) -> str:
        parts = [str(x) for x in (self.owner_person, self.owner_org) if x]
        return ", ".join(parts) if parts else "No owner"

    def due_label(self) -> str:
        if not self.due_date:
            return "No due date"
        if self.due_precision == self.Precision.MONTH:
            return self.due_date.strftime("%B %Y")
        return f"{self.due_date.day} {self.due_date.strftime('%B %Y')}"

    def due_iso(self) -> str | None:
        if not self.due_date:
            return None
        if self.due_precision == self.Precision.MONTH:
            return self.due_date.strftime("%Y-%m")
        return self.due_date.isoformat()

    def has_evidence(self) -> bool:
        return Evidence.objects.filter(update__item=self).exists()

    def latest_update(self) -> Update | None:
        return self.updates.order_by("-created_at", "-pk").first()

    def to_dict(self) -> dict:
        latest = self.latest_update()
        return {
            "id": self.pk,
            "text": self.text,
            "origin": self.origin,
            "owner": self.owner_label if (self.owner_person or self.owner_org) else None,
            "due": self.due_iso(),
            "status": self.status,
            "progress": self.progress,
            "rag": self.rag().value,
            "verified": self.verified_at is not None,
            "latest_update": latest.narrative if latest else None,
        }


class Update(AppendOnly):
    """An owner's report on an item: what happened, new status and progress."""

    # PROTECT: an item with updates cannot be deleted, so its record cannot vanish.
    item = models.ForeignKey(TrackedItem, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="updates"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(default=timezone.now)
    narrative = models.TextField()
    status = models.CharField(max_length=20, choices=TrackedItem.Status.choices)
    progress = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Update on {self.item} at {self.created_at:%Y-%m-%d}"


def evidence_path(instance: Evidence, filename: str) -> str:
    # Keep the uploaded name readable, but never trust its directory part.
    return f"evidence/{instance.update.item_id}/{os.path.basename(filename)}"


class Evidence(AppendOnly):
    """A file, link or figure that shows an update is true."""

    update = models.ForeignKey(Update, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, blank=True)
    link = models.URLField(blank=True)
    description = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.description or self.link or os.path.basename(self.file.name)

    @property
    def filename(self) -> str:
        return os.path.basename(self.file.name) if self.file else ""


class Verification(AppendOnly):
    """The overseeing body's decision on an item: verified, or returned with a reason."""

    class Decision(models.TextChoices):
        VERIFIED = "verified", "Verified"
        RETURNED = "returned", "Returned"

    item = models.ForeignKey(TrackedItem, on_delete=models.PROTECT, related_name="verifications")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    # What the verifier wrote: for a return, why; for a verification, what they checked.
    reason = models.TextField(blank=True)
    by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="verifications")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.by} on {self.created_at:%d %B %Y}"
