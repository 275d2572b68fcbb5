"""What is searched: each kind of record, the words it is found by, and where it lives.

A kind names its model by label (no app imports another for this), the words of a record
(`words(obj) -> (title, text)`), the body it belongs to (for the body filter), and the
page a result links to. The label is what the results page calls the group."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import reverse


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model_label: str
    words: Callable[[models.Model], tuple[str, str]]
    body_id: Callable[[models.Model], int | None]
    url: Callable[[models.Model], str]
    related: tuple[str, ...] = ()

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)


def _join(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _item_body(item) -> int | None:
    if item.recommendation_id:
        return item.recommendation.review.body_id
    if item.meeting_id:
        return item.meeting.body_id
    if item.plan_id:
        return item.plan.owning_body_id
    return None


def _question_body(question) -> int | None:
    if question.review_id:
        return question.review.body_id
    return question.meeting.body_id if question.meeting_id else None


def _question_url(question) -> str:
    if question.review_id:
        return reverse("review", args=[question.review_id]) + f"#question-{question.pk}"
    if question.meeting_id:
        return reverse("meeting", args=[question.meeting_id]) + f"#question-{question.pk}"
    return reverse("home")


def _feedback_words(f) -> tuple[str, str]:
    # Only accepted feedback has words to be found by: unmoderated feedback may hold what
    # the moderator takes out, and declined feedback is never shown to anyone searching.
    if f.moderation != "accepted":
        return "", ""
    return f"{f.theme}: {f.summary[:120]}", _join(f.summary, f.response)


KINDS: tuple[Kind, ...] = (
    Kind(
        "review",
        "Reviews",
        "tracker.Review",
        lambda r: (r.title, r.summary),
        lambda r: r.body_id,
        lambda r: r.get_absolute_url(),
        ("body",),
    ),
    Kind(
        "recommendation",
        "Recommendations",
        "tracker.Recommendation",
        lambda r: (str(r), r.text),
        lambda r: r.review.body_id,
        lambda r: r.get_absolute_url(),
        ("review__body",),
    ),
    Kind(
        "response",
        "Responses",
        "tracker.Response",
        lambda r: (f"{r} to {r.recommendation}", r.text),
        lambda r: r.recommendation.review.body_id,
        lambda r: r.recommendation.get_absolute_url() + f"#response-{r.pk}",
        ("organisation", "recommendation__review__body"),
    ),
    Kind(
        "item",
        "Commitments and actions",
        "tracker.TrackedItem",
        lambda i: (i.text[:150], i.text),
        _item_body,
        lambda i: i.get_absolute_url(),
        ("recommendation__review__body", "meeting__body", "plan__owning_body", "owner_org"),
    ),
    Kind(
        "question",
        "Questions",
        "tracker.Question",
        lambda q: (
            f"Question {q.number}: {q.text[:120]}" if q.number else q.text[:150],
            _join(q.text, q.answer),
        ),
        lambda q: (
            q.review.body_id if q.review_id else (q.meeting.body_id if q.meeting_id else None)
        ),
        _question_url,
        ("review__body", "meeting__body"),
    ),
    Kind(
        "meeting",
        "Meetings",
        "meetings.Meeting",
        lambda m: (str(m), _join(m.body.name, m.venue)),
        lambda m: m.body_id,
        lambda m: m.get_absolute_url(),
        ("body",),
    ),
    Kind(
        "agenda_item",
        "Agenda items",
        "meetings.AgendaItem",
        lambda a: (str(a), _join(a.notes, str(a.meeting))),
        lambda a: a.meeting.body_id,
        lambda a: a.get_absolute_url(),
        ("meeting__body",),
    ),
    Kind(
        "indicator",
        "Indicators",
        "indicators.Indicator",
        lambda i: (i.name, _join(i.description, i.source)),
        lambda i: i.body_id,
        lambda i: i.get_absolute_url(),
        ("body",),
    ),
    Kind(
        "feedback",
        "Community feedback",
        "community.Feedback",
        _feedback_words,
        lambda f: f.for_body_id,
        lambda f: f.get_absolute_url(),
        ("theme",),
    ),
)

BY_KEY = {k.key: k for k in KINDS}


def kind_of(model: type[models.Model]) -> Kind | None:
    label = model._meta.label
    return next((k for k in KINDS if k.model_label == label), None)
