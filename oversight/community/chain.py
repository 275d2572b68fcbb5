""" "You said, we did": each piece of feedback beside its response and what answers it,
read as one viewer may see it, and the matrix of feedback by theme against what was
done. Pages, the CSV and the JSON are all drawn from these rows, so they agree.

A fixed number of queries whatever the number of rows: the links are read from their
through tables, and the linked records once each, through their safe managers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from oversight.tracker.models import (
    RECOMMENDATION_STATUS_LABELS,
    Recommendation,
    Response,
    TrackedItem,
)
from oversight.tracker.rag import Rag
from oversight.visibility.viewer import Viewer

from .models import Feedback, Outcome, Theme, outcome_of, period_bounds


@dataclass
class FeedbackRow:
    feedback: Feedback
    items: list[tuple[TrackedItem, Rag]] = field(default_factory=list)
    recommendations: list[tuple[Recommendation, str]] = field(default_factory=list)
    outcome: Outcome = Outcome.OPEN

    @property
    def recommendation_rows(self) -> list[tuple[Recommendation, str]]:
        """Each linked recommendation with its status in words."""
        return [(r, RECOMMENDATION_STATUS_LABELS[s]) for r, s in self.recommendations]

    def to_dict(self) -> dict:
        return {
            **self.feedback.to_dict(),
            "outcome": self.outcome.value,
            "we_did": [
                {
                    "id": item.pk,
                    "text": item.text,
                    "owner": item.owner_label,
                    "due": item.due_iso(),
                    "status": item.status,
                    "rag": rag.value,
                }
                for item, rag in self.items
            ],
            "recommendations": [
                {"id": rec.pk, "text": str(rec), "status": status}
                for rec, status in self.recommendations
            ],
        }


def read_rows(feedback_qs, viewer: Viewer, today: date | None = None) -> list[FeedbackRow]:
    """Rows for `feedback_qs` (already narrowed to `viewer`), with only the linked
    items and recommendations `viewer` may see."""
    today = today or timezone.localdate()
    feedback = list(
        feedback_qs.select_related(
            "theme", "for_organisation", "for_body", "meeting", "session__panel"
        )
    )
    ids = [f.pk for f in feedback]
    item_links = Feedback.items.through.objects.filter(feedback_id__in=ids)
    rec_links = Feedback.recommendations.through.objects.filter(feedback_id__in=ids)
    item_pairs = list(item_links.values_list("feedback_id", "trackeditem_id"))
    rec_pairs = list(rec_links.values_list("feedback_id", "recommendation_id"))
    items = {
        i.pk: i
        for i in TrackedItem.objects.visible_to(viewer)
        .filter(pk__in={pk for _f, pk in item_pairs})
        .select_related("owner_person", "owner_org")
    }
    recs = {
        r.pk: r
        for r in Recommendation.objects.visible_to(viewer)
        .filter(pk__in={pk for _f, pk in rec_pairs})
        .select_related("review")
    }
    rec_items: dict[int, list[TrackedItem]] = defaultdict(list)
    for item in TrackedItem.objects.visible_to(viewer).filter(recommendation_id__in=list(recs)):
        rec_items[item.recommendation_id].append(item)
    rec_responses: dict[int, list[Response]] = defaultdict(list)
    for response in Response.objects.visible_to(viewer).filter(recommendation_id__in=list(recs)):
        rec_responses[response.recommendation_id].append(response)
    rec_status = {
        pk: r.status(items=rec_items[pk], responses=rec_responses[pk]) for pk, r in recs.items()
    }
    by_feedback_items: dict[int, list[TrackedItem]] = defaultdict(list)
    for f_id, pk in item_pairs:
        if pk in items:
            by_feedback_items[f_id].append(items[pk])
    by_feedback_recs: dict[int, list[Recommendation]] = defaultdict(list)
    for f_id, pk in rec_pairs:
        if pk in recs:
            by_feedback_recs[f_id].append(recs[pk])
    rows = []
    for f in feedback:
        linked = sorted(by_feedback_items[f.pk], key=lambda i: i.pk)
        linked_recs = sorted(by_feedback_recs[f.pk], key=lambda r: r.pk)
        rows.append(
            FeedbackRow(
                feedback=f,
                items=[(i, i.rag(today)) for i in linked],
                recommendations=[(r, rec_status[r.pk]) for r in linked_recs],
                outcome=outcome_of(f.position, linked, [rec_status[r.pk] for r in linked_recs]),
            )
        )
    return rows


def accepted(viewer: Viewer, *, recipient=None, period: str = "", source: str = "", theme=None):
    """The accepted feedback `viewer` may see, for one recipient if given, filtered by
    period (`2026`, `2026-Q3`), source and theme. Declined and unmoderated feedback is
    never here, whoever reads."""
    qs = Feedback.objects.visible_to(viewer).filter(moderation=Feedback.Moderation.ACCEPTED)
    if recipient is not None:
        qs = qs.filter(recipient.q())
    start, end = period_bounds(period)
    if start:
        qs = qs.filter(received_on__gte=start, received_on__lte=end)
    if source in Feedback.Source.values:
        qs = qs.filter(source=source)
    if theme is not None:
        qs = qs.filter(theme=theme)
    return qs


@dataclass
class MatrixRow:
    theme: Theme
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[int]:
        return [self.counts[o] for o in Outcome.values]


@dataclass
class Matrix:
    """Feedback by theme (rows) against what was done (columns), with totals."""

    rows: list[MatrixRow]

    @property
    def outcomes(self) -> list[Outcome]:
        return list(Outcome)

    def totals(self) -> list[int]:
        return [sum(r.counts[o] for r in self.rows) for o in Outcome.values]

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)

    def to_dict(self) -> dict:
        return {
            "outcomes": Outcome.values,
            "themes": [{"theme": r.theme.name, **r.counts, "total": r.total} for r in self.rows],
            "totals": dict(zip(Outcome.values, self.totals(), strict=True)),
        }


def matrix_of(rows: list[FeedbackRow]) -> Matrix:
    """Count `rows` by theme and outcome; themes with no feedback are left out."""
    by_theme: dict[int, MatrixRow] = {}
    for row in rows:
        theme = row.feedback.theme
        entry = by_theme.setdefault(theme.pk, MatrixRow(theme, dict.fromkeys(Outcome.values, 0)))
        entry.counts[row.outcome.value] += 1
    return Matrix(sorted(by_theme.values(), key=lambda r: (r.theme.position, r.theme.name)))


CSV_HEADER = [
    "reference",
    "received_on",
    "for",
    "source",
    "theme",
    "area",
    "you_said",
    "response_position",
    "response",
    "outcome",
    "we_did",
]


def csv_rows(rows: list[FeedbackRow]) -> list[list]:
    """The CSV of `rows`: one line per piece of feedback, what was done joined in one
    cell as `text [status]`."""
    lines = [CSV_HEADER]
    for row in rows:
        d = row.to_dict()
        done = [f"{i['text']} [{Rag(i['rag']).label}]" for i in d["we_did"]]
        done += [f"{r['text']} [{r['status']}]" for r in d["recommendations"]]
        lines.append(
            [
                d["reference"],
                d["received_on"],
                d["for"],
                d["source_label"],
                d["theme"],
                d["area"] or "",
                d["you_said"],
                d["response"]["position"] or "",
                d["response"]["text"] or "",
                d["outcome"],
                "; ".join(done),
            ]
        )
    return lines
