"""The public open data: every published recommendation with its responses and tracked
items, the questions put to agencies, and the actions agreed at meetings.

Everything here starts from `objects`, which holds only what the public may see, so a restricted or
unpublished record, or anything hanging from one, cannot reach the export. Derived
values (a recommendation's status, an item's RAG) are computed from public records
only, so they cannot hint at restricted ones either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from django.db.models import F, Q
from django.utils import timezone

from .models import (
    RECOMMENDATION_STATUS_LABELS,
    ActionPlan,
    Question,
    Recommendation,
    Response,
    TrackedItem,
    Update,
)

LICENCE = "Open Government Licence v3.0"


def _latest_updates(items: list[TrackedItem]) -> dict[int, Update]:
    """Each item's newest update, in one query. (Updates belong to their item: an item
    that is public has public updates.)"""
    latest: dict[int, Update] = {}
    for update in Update.objects.filter(item__in=[i.pk for i in items]).order_by(
        "item_id", "-created_at", "-pk"
    ):
        latest.setdefault(update.item_id, update)
    return latest


def _day(moment) -> str | None:
    return timezone.localtime(moment).date().isoformat() if moment else None


def _item_dict(item: TrackedItem, latest: dict[int, Update], today: date) -> dict:
    update = latest.get(item.pk)
    return {
        "text": item.text,
        "owner": item.owner_label if (item.owner_person_id or item.owner_org_id) else None,
        "owner_organisation": item.owner_org.name if item.owner_org_id else None,
        "due": item.due_iso(),
        "status": item.status,
        "progress": item.progress,
        "rag": item.rag(today).value,
        "verified": item.verified_at is not None,
        "verified_on": _day(item.verified_at),
        "latest_update": update.narrative if update else None,
        "latest_update_on": _day(update.created_at) if update else None,
        "origin": item.origin,
    }


def _items_by(field: str, items: list[TrackedItem]) -> dict[int, list[TrackedItem]]:
    grouped: dict[int, list[TrackedItem]] = defaultdict(list)
    for item in items:
        grouped[getattr(item, field)].append(item)
    return grouped


def _of_body(body_id: int | None, *fields: str) -> Q:
    """Records whose body (through any of `fields`) is `body_id`; all when None."""
    q = Q()
    if body_id is not None:
        for field in fields:
            q |= Q(**{field: body_id})
    return q


def export_public(today: date | None = None, body_id: int | None = None) -> dict:
    """The public export as a dict (see the module's docstring); with `body_id`, only
    what that body's reviews, meetings and plans hold."""
    today = today or timezone.localdate()
    recs = list(
        Recommendation.objects.filter(_of_body(body_id, "review__body_id"))
        .select_related("review__body")
        .prefetch_related("addressed_to_orgs", "addressed_to_bodies")
        .order_by(
            F("review__date").desc(nulls_last=True), "review__title", "review_id", "position", "pk"
        )
    )
    responses: dict[int, list[Response]] = defaultdict(list)
    for response in (
        Response.objects.filter(recommendation__in=recs)
        .select_related("organisation")
        .order_by("pk")
    ):
        responses[response.recommendation_id].append(response)
    items = list(
        TrackedItem.objects.select_related(
            "owner_person", "owner_org", "meeting__body", "plan"
        ).order_by("due_date", "pk")
    )
    latest = _latest_updates(items)
    by_rec = _items_by("recommendation_id", [i for i in items if i.recommendation_id])

    recommendations = []
    for rec in recs:
        rec_items = by_rec.get(rec.pk, [])
        status = rec.status(rec_items, responses.get(rec.pk, []))
        recommendations.append(
            {
                "review": rec.review.title,
                "review_date": rec.review.date.isoformat() if rec.review.date else None,
                "body": rec.review.body.name,
                "number": rec.number or None,
                "title": rec.title or None,
                "text": rec.text,
                "addressees": rec.addressees(),
                "status": status,
                "status_label": RECOMMENDATION_STATUS_LABELS[status],
                "responses": [
                    {
                        "responder": r.responder,
                        "organisation": r.organisation.name if r.organisation_id else None,
                        "position": r.position or None,
                        "text": r.text,
                        "date": r.date.isoformat() if r.date else None,
                    }
                    for r in responses.get(rec.pk, [])
                ],
                "items": [_item_dict(i, latest, today) for i in rec_items],
            }
        )

    questions = []
    for q in (
        Question.objects.filter(_of_body(body_id, "review__body_id", "meeting__body_id"))
        .select_related("review", "meeting__body", "asked_by", "addressed_to")
        .order_by("pk")
    ):
        questions.append(
            {
                **q.to_dict(),
                "asked_by": q.asked_by.name if q.asked_by_id else None,
                "review": q.review.title if q.review_id else None,
                "meeting": str(q.meeting) if q.meeting_id else None,
                "meeting_date": q.meeting.date.isoformat() if q.meeting_id else None,
            }
        )

    actions = [
        {
            **_item_dict(i, latest, today),
            "body": i.meeting.body.name,
            "meeting": str(i.meeting),
            "meeting_date": i.meeting.date.isoformat(),
        }
        for i in items
        if i.meeting_id and not i.recommendation_id and body_id in (None, i.meeting.body_id)
    ]

    by_plan = _items_by("plan_id", [i for i in items if i.plan_id])
    plans = [
        {
            "title": plan.title,
            "description": plan.description,
            "owning_body": plan.owning_body.name,
            "overseeing_body": plan.overseeing_body.name,
            "items": [_item_dict(i, latest, today) for i in by_plan.get(plan.pk, [])],
        }
        for plan in ActionPlan.objects.filter(
            _of_body(body_id, "owning_body_id", "overseeing_body_id")
        )
        .select_related("owning_body", "overseeing_body")
        .order_by("title", "pk")
    ]

    return {
        "generated_on": today.isoformat(),
        "licence": LICENCE,
        "recommendations": recommendations,
        "questions": questions,
        "actions": actions,
        "plans": plans,
    }


CSV_COLUMNS = [
    "source",
    "review",
    "review_date",
    "body",
    "recommendation_number",
    "recommendation_title",
    "recommendation_text",
    "addressees",
    "recommendation_status",
    "responses",
    "item_text",
    "item_owner",
    "item_due",
    "item_status",
    "item_progress",
    "item_rag",
    "item_verified",
    "item_latest_update",
]


def _responses_cell(responses: list[dict]) -> str:
    parts = []
    for r in responses:
        position = f" ({r['position'].replace('_', ' ')})" if r["position"] else ""
        parts.append(f"{r['responder']}{position}: {r['text']}")
    return "\n\n".join(parts)


def _item_cells(item: dict | None) -> list:
    if item is None:
        return [""] * 8
    return [
        item["text"],
        item["owner"] or "",
        item["due"] or "",
        item["status"],
        item["progress"],
        item["rag"],
        "yes" if item["verified"] else "no",
        item["latest_update"] or "",
    ]


def export_csv_rows(data: dict | None = None) -> Iterator[list]:
    """The header, then one row per public item with its recommendation's columns (a
    recommendation without items gets one row); then meeting actions and action plan
    items, with their meeting or plan in the review and body columns."""
    data = data if data is not None else export_public()
    yield list(CSV_COLUMNS)
    for rec in data["recommendations"]:
        rec_cells = [
            "recommendation",
            rec["review"],
            rec["review_date"] or "",
            rec["body"],
            rec["number"] or "",
            rec["title"] or "",
            rec["text"],
            "; ".join(rec["addressees"]),
            rec["status"],
            _responses_cell(rec["responses"]),
        ]
        for item in rec["items"] or [None]:
            yield rec_cells + _item_cells(item)
    for action in data["actions"]:
        yield [
            "meeting",
            action["meeting"],
            action["meeting_date"],
            action["body"],
            *[""] * 6,
            *_item_cells(action),
        ]
    for plan in data["plans"]:
        for item in plan["items"]:
            yield [
                "plan",
                plan["title"],
                "",
                plan["owning_body"],
                *[""] * 6,
                *_item_cells(item),
            ]


__all__ = ["CSV_COLUMNS", "export_csv_rows", "export_public"]
