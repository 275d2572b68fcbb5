"""Reviews, their recommendations, the responses to them, questions and action plans."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse

from oversight.directory.models import Body, Organisation
from oversight.visibility.records import NOTHING, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer


class Review(Restrictable):
    """A scrutiny commission's investigation, or another source of recommendations."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="reviews")
    title = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    source_document = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(blank=True)
    published = models.BooleanField(default=False)
    history = RestrictableHistory()

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("review", args=[self.pk])

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}published": True, f"{prefix}body__is_public": True})

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        return Q() if drafts else Q(**{f"{prefix}published": True})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}body_id__in": viewer.body_ids}) | Q(
            **{f"{prefix}recommendations__addressed_to_orgs__in": viewer.organisation_ids}
        )

    def to_dict(self) -> dict:
        return {
            "id": self.pk,
            "title": self.title,
            "body": self.body.name,
            "date": self.date.isoformat() if self.date else None,
        }


class Recommendation(Restrictable):
    """A numbered recommendation of a review, addressed to organisations or bodies."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    number = models.CharField(max_length=10, blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Order within the review.")
    title = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    addressed_to_orgs = models.ManyToManyField(Organisation, blank=True, related_name="+")
    addressed_to_bodies = models.ManyToManyField(Body, blank=True, related_name="+")
    closed = models.BooleanField(
        default=False, help_text="The commission no longer requires monitoring."
    )
    history = RestrictableHistory(m2m_fields=[addressed_to_orgs, addressed_to_bodies])

    class Meta:
        ordering = ["review", "position", "pk"]

    def __str__(self) -> str:
        label = f"Recommendation {self.number}" if self.number else "Recommendation"
        return f"{label}: {self.title or self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("recommendation", args=[self.pk])

    parents = ("review",)

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return (
            Q(**{f"{prefix}review__body_id__in": viewer.body_ids})
            | Q(**{f"{prefix}addressed_to_orgs__in": viewer.organisation_ids})
            | Q(**{f"{prefix}addressed_to_bodies__in": viewer.body_ids})
            | Q(**{f"{prefix}responses__organisation_id__in": viewer.organisation_ids})
        )

    @property
    def overseeing_body(self) -> Body:
        return self.review.body

    def addressees(self) -> list[str]:
        return [o.name for o in self.addressed_to_orgs.all()] + [
            b.name for b in self.addressed_to_bodies.all()
        ]

    def status(self, items=None, responses=None) -> str:
        """Derived from responses and items: awaiting response, responded, in progress,
        delivered (every item complete) or verified (every item verified); or closed.
        Pages pass the items and responses their viewer may see, so a restricted
        response never shows through as "Responded"; left out, all of them count."""
        if self.closed:
            return "closed"
        items = list(items if items is not None else self.items.all())
        if not items:
            responded = bool(responses) if responses is not None else self.responses.exists()
            return "responded" if responded else "awaiting_response"
        if all(i.verified_at for i in items):
            return "verified"
        if all(i.is_complete for i in items):
            return "delivered"
        return "in_progress"


RECOMMENDATION_STATUS_LABELS = {
    "awaiting_response": "Awaiting response",
    "responded": "Responded",
    "in_progress": "In progress",
    "delivered": "Delivered",
    "verified": "Verified",
    "closed": "Closed",
}


class Response(Restrictable):
    """One responding organisation's answer to a recommendation."""

    class Position(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTIALLY_ACCEPTED = "partially_accepted", "Partially accepted"
        NOT_ACCEPTED = "not_accepted", "Not accepted"
        NOTED = "noted", "Noted"
        REFERRED = "referred", "Referred elsewhere"
        NOT_STATED = "", "Not stated"

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="responses"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    responder_label = models.CharField(
        max_length=300, blank=True, help_text="The responder as the document names them."
    )
    position = models.CharField(
        max_length=20, choices=Position.choices, blank=True, default=Position.NOT_STATED
    )
    text = models.TextField()
    date = models.DateField(null=True, blank=True)
    history = RestrictableHistory()

    class Meta:
        ordering = ["recommendation", "pk"]

    def __str__(self) -> str:
        return f"Response by {self.responder}"

    @property
    def responder(self) -> str:
        if self.responder_label:
            return self.responder_label
        return self.organisation.name if self.organisation else "Unnamed responder"

    parents = ("recommendation",)

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}organisation_id__in": viewer.organisation_ids}) | (
            Recommendation.concerned_q(viewer, f"{prefix}recommendation__")
        )


class ActionPlan(Restrictable):
    """A group of actions owned by one body and overseen by another."""

    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owning_body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="owned_plans")
    overseeing_body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="overseen_plans"
    )
    published = models.BooleanField(default=False)
    history = RestrictableHistory()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plan", args=[self.pk])

    @classmethod
    def own_public_q(cls, prefix: str) -> Q:
        return Q(**{f"{prefix}published": True, f"{prefix}overseeing_body__is_public": True})

    @classmethod
    def own_open_q(cls, prefix: str, drafts: bool) -> Q:
        return Q() if drafts else Q(**{f"{prefix}published": True})

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return Q(**{f"{prefix}owning_body_id__in": viewer.body_ids}) | Q(
            **{f"{prefix}overseeing_body_id__in": viewer.body_ids}
        )
