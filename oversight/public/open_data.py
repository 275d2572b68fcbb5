"""What the open data page says about the data: what each field means, when the data
last changed, and the Atom feeds of new updates and newly verified items.

Every query starts from `objects` (public records only), so neither a feed nor the
"last changed" time tells anyone about a restricted record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Max, Q
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from oversight.directory.models import Body
from oversight.tracker.export import LICENCE
from oversight.tracker.models import (
    Recommendation,
    Response,
    Review,
    TrackedItem,
    Update,
    Verification,
)

LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    meaning: str


# One entry per CSV column, in order (a test keeps the two in step).
CSV_DICTIONARY: tuple[Field, ...] = (
    Field("source", "text", "What the row is: recommendation, meeting action or plan item."),
    Field("review", "text", "The review's title, or the meeting or action plan for other rows."),
    Field("review_date", "date (YYYY-MM-DD)", "When the review was published; empty if unknown."),
    Field("body", "text", "The commission, board or committee the record belongs to."),
    Field("recommendation_number", "text", "The recommendation's number in its review."),
    Field("recommendation_title", "text", "The recommendation's short title, if it has one."),
    Field("recommendation_text", "text", "What the recommendation asks for, as written."),
    Field("addressees", "text; separated by '; '", "Who the recommendation is made to."),
    Field(
        "recommendation_status",
        "one of: awaiting_response, responded, in_progress, delivered, verified, closed",
        "Worked out from its responses and items, never typed (see the RAG page).",
    ),
    Field("responses", "text", "Each response: the responder, its position and what it said."),
    Field("item_text", "text", "The commitment or action: what someone promised to do."),
    Field(
        "item_owner", "text", "Who owns it: a person and their organisation, or an organisation."
    ),
    Field("item_due", "date (YYYY-MM-DD) or month (YYYY-MM)", "When it is due."),
    Field("item_status", "one of: not_started, in_progress, complete", "As its owner reports."),
    Field("item_progress", "whole number 0-100", "Per cent complete, as its owner reports."),
    Field(
        "item_rag",
        "one of: red, amber, green, none, complete, verified",
        "Derived from its dates, status and progress: overdue, behind, on track, no date.",
    ),
    Field("item_verified", "yes or no", "Whether the overseeing body has checked it was done."),
    Field("item_latest_update", "text", "The owner's latest update, as written."),
)


def last_changed(body: Body | None = None) -> datetime | None:
    """When anything in the open data last changed: the newest version of a public
    review, recommendation, response or item, or the newest update or verification of
    a public item."""
    reviews = Review.objects.all()
    recs = Recommendation.objects.all()
    responses = Response.objects.all()
    items = TrackedItem.objects.all()
    if body is not None:
        reviews = reviews.filter(body=body)
        recs = recs.filter(review__body=body)
        responses = responses.filter(recommendation__review__body=body)
        items = items.filter(_item_of(body))
    moments = [
        model.history.model.objects.filter(id__in=rows.values("pk")).aggregate(
            m=Max("history_date")
        )["m"]
        for model, rows in (
            (Review, reviews),
            (Recommendation, recs),
            (Response, responses),
            (TrackedItem, items),
        )
    ]
    moments.append(
        Update.objects.filter(item__in=items.values("pk")).aggregate(m=Max("created_at"))["m"]
    )
    moments.append(
        Verification.objects.filter(item__in=items.values("pk")).aggregate(m=Max("created_at"))["m"]
    )
    found = [m for m in moments if m is not None]
    return max(found) if found else None


def _item_of(body: Body) -> Q:
    return (
        Q(recommendation__review__body=body)
        | Q(meeting__body=body)
        | Q(plan__owning_body=body)
        | Q(plan__overseeing_body=body)
    )


def public_body(body_id: int | None) -> Body | None:
    """The body a feed or download is narrowed to, if it is public; else 404."""
    if body_id is None:
        return None
    body = Body.objects.filter(pk=body_id, is_public=True).first()
    if body is None:
        raise Http404("No such body")
    return body


class _ItemFeed(Feed):
    """A feed over public items, for every body or for one (`?body=ID`)."""

    feed_type = Atom1Feed
    limit = 50

    def get_object(self, request):
        value = request.GET.get("body", "")
        return public_body(int(value) if value.isdigit() else None)

    def items_of(self, body: Body | None):
        items = TrackedItem.objects.all()
        return items.filter(_item_of(body)) if body is not None else items

    def author_name(self):
        return "Oversight"

    def item_link(self, entry) -> str:
        return reverse("item", args=[entry.item_id]) + f"#entry-{entry.pk}"

    def item_pubdate(self, entry):
        return entry.created_at

    def item_guid(self, entry) -> str:
        return f"{self.kind}-{entry.pk}"

    def item_guid_is_permalink(self, entry) -> bool:
        return False

    def feed_copyright(self):
        return LICENCE

    def link(self, body):
        return reverse("open_data")


class UpdatesFeed(_ItemFeed):
    kind = "update"

    def title(self, body):
        return f"New updates{f' – {body.name}' if body else ''}"

    def description(self, body):
        return "Updates recorded by the owners of public commitments and actions."

    def items(self, body):
        return (
            Update.objects.filter(item__in=self.items_of(body).values("pk"))
            .select_related("item", "author")
            .order_by("-created_at", "-pk")[: self.limit]
        )

    def item_title(self, entry) -> str:
        return f"Update: {entry.item.text[:120]}"

    def item_description(self, entry) -> str:
        return f"{entry.get_status_display()}, {entry.progress}% – {entry.narrative}"


class VerifiedFeed(_ItemFeed):
    kind = "verified"

    def title(self, body):
        return f"Newly verified{f' – {body.name}' if body else ''}"

    def description(self, body):
        return "Commitments and actions the overseeing body has checked were delivered."

    def items(self, body):
        return (
            Verification.objects.filter(
                item__in=self.items_of(body).values("pk"), decision=Verification.Decision.VERIFIED
            )
            .select_related("item", "by")
            .order_by("-created_at", "-pk")[: self.limit]
        )

    def item_title(self, entry) -> str:
        return f"Verified: {entry.item.text[:120]}"

    def item_description(self, entry) -> str:
        return f"Verified by {entry.by}. What was checked: {entry.reason}"
