"""Questions put to an agency, tracked like recommendations: asked, answered, followed up."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from oversight.directory.models import Body, Organisation
from oversight.visibility.records import NOTHING, Restrictable, RestrictableHistory
from oversight.visibility.viewer import Viewer

from .reviews import Review


class Question(Restrictable):
    class Status(models.TextChoices):
        ASKED = "asked", "Asked"
        ANSWERED = "answered", "Answered"
        FOLLOW_UP = "follow_up", "Follow-up needed"
        CLOSED = "closed", "Closed"

    review = models.ForeignKey(
        Review, null=True, blank=True, on_delete=models.CASCADE, related_name="questions"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    asked_by = models.ForeignKey(Body, null=True, blank=True, on_delete=models.SET_NULL)
    addressed_to = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="questions"
    )
    number = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    answer = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ASKED)
    history = RestrictableHistory()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:100]

    parents = ("review", "meeting")

    @classmethod
    def concerned_q(cls, viewer: Viewer, prefix: str) -> Q:
        if not viewer.person_id:
            return NOTHING
        return (
            Q(**{f"{prefix}addressed_to_id__in": viewer.organisation_ids})
            | Q(**{f"{prefix}asked_by_id__in": viewer.body_ids})
            | Q(**{f"{prefix}review__body_id__in": viewer.body_ids})
            | Q(**{f"{prefix}meeting__body_id__in": viewer.body_ids})
        )

    def to_dict(self) -> dict:
        return {
            "number": self.number or None,
            "text": self.text,
            "response": self.answer or None,
            "addressed_to": self.addressed_to.name if self.addressed_to else None,
            "status": self.status,
        }
