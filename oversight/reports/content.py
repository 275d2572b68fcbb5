"""The update report as one typed structure, built once from live data and then drawn
as HTML, DOCX or PDF (formats.py), so the three cannot disagree.

`build_report` reads only what its viewer may see: for the public version the public
viewer, so every restricted record is left out; for the restricted version the
officer's own view (or an administrator's, from the command line). The queries are a
fixed number whatever the size of the review (select_related, prefetch_related and
subqueries, never a query per item).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from oversight.tracker.models import (
    RECOMMENDATION_STATUS_LABELS,
    Evidence,
    Recommendation,
    Response,
    Review,
    TrackedItem,
    Update,
    Verification,
)
from oversight.tracker.rag import Rag
from oversight.visibility.viewer import Viewer

from .changes import Changes, ItemState, changes_since
from .models import Audience, UpdateReport

RESTRICTED_BANNER = "Restricted — not for publication"

# How a recommendation's responses add up, in the order the summary lists them.
ACCEPTED = "Accepted"
PARTIALLY = "Partially accepted"
NOT_ACCEPTED = "Not accepted"
NOTED = "Noted or referred elsewhere"
NO_RESPONSE = "No response recorded"
POSITIONS = (ACCEPTED, PARTIALLY, NOT_ACCEPTED, NOTED, NO_RESPONSE)
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NONE, Rag.COMPLETE, Rag.VERIFIED)


@dataclass(frozen=True)
class EvidenceLine:
    description: str
    link: str = ""
    filename: str = ""

    def __str__(self) -> str:
        name = self.description or self.filename or self.link
        if self.link and self.link != name:
            return f"{name} ({self.link})"
        if self.filename and self.filename != name:
            return f"{name} (file {self.filename})"
        return name


@dataclass(frozen=True)
class UpdateLine:
    on: date
    author: str
    narrative: str
    status_label: str
    progress: int


@dataclass(frozen=True)
class VerificationLine:
    decision_label: str  # "Verified" or "Returned"
    by: str
    on: date
    checked: str  # what the verifier checked, or why they returned it

    def __str__(self) -> str:
        text = f"{self.decision_label} by {self.by} on {self.on:%-d %B %Y}"
        return f"{text}: {self.checked}" if self.checked else text


@dataclass(frozen=True)
class ItemSection:
    id: int
    text: str
    kind_label: str
    owner: str
    due: str
    status_label: str
    progress: int
    rag: Rag
    restricted: bool
    latest_update: UpdateLine | None
    verification: VerificationLine | None
    evidence: tuple[EvidenceLine, ...]

    @property
    def heading(self) -> str:
        return f"{self.kind_label}: {self.text}"


@dataclass(frozen=True)
class ResponseLine:
    responder: str
    position_label: str
    on: date | None
    text: str
    restricted: bool


@dataclass(frozen=True)
class RecommendationSection:
    id: int
    number: str
    title: str
    text: str
    addressees: tuple[str, ...]
    status_label: str
    position: str  # one of POSITIONS
    restricted: bool
    responses: tuple[ResponseLine, ...]
    items: tuple[ItemSection, ...]

    @property
    def heading(self) -> str:
        label = f"Recommendation {self.number}" if self.number else "Recommendation"
        return f"{label}: {self.title}" if self.title else label


@dataclass(frozen=True)
class Summary:
    recommendations: int
    positions: tuple[tuple[str, int], ...]  # (POSITIONS label, count), every label
    items: int
    rags: tuple[tuple[Rag, int], ...]  # (RAG, count), every RAG in RAG_ORDER
    verified: int

    def position_count(self, label: str) -> int:
        return dict(self.positions)[label]

    def rag_count(self, rag: Rag) -> int:
        return dict(self.rags)[rag]


@dataclass(frozen=True)
class ReportContent:
    review_id: int
    review_title: str
    commission: str
    review_date: date | None
    report_date: date
    audience: str  # Audience value
    summary: Summary
    recommendations: tuple[RecommendationSection, ...]
    review_items: tuple[ItemSection, ...]  # follow-up the review asked for itself
    changes: Changes
    states: dict[int, ItemState] = field(repr=False)
    recommendation_statuses: dict[int, str] = field(repr=False)

    @property
    def restricted(self) -> bool:
        return self.audience == Audience.RESTRICTED

    @property
    def banner(self) -> str:
        """What every page of the restricted version says; nothing on the public one."""
        return RESTRICTED_BANNER if self.restricted else ""

    @property
    def title(self) -> str:
        return f"Update report: {self.review_title}"

    @property
    def all_items(self) -> list[ItemSection]:
        return [i for r in self.recommendations for i in r.items] + list(self.review_items)

    def snapshot(self) -> dict:
        """What an issued report keeps so that the next one can say what changed."""
        return {
            "items": {str(k): v.to_dict() for k, v in self.states.items()},
            "recommendations": {str(k): v for k, v in self.recommendation_statuses.items()},
        }

    def filename(self, extension: str) -> str:
        suffix = "-restricted" if self.restricted else ""
        return f"update-report-{self.review_id}-{self.report_date:%Y-%m-%d}{suffix}.{extension}"


def overall_position(positions: list[str]) -> str:
    """One recommendation's responses summed up: accepted when every stated position is
    accepted, not accepted when every one is a refusal, partially accepted when some
    organisation accepted at least in part, noted or referred otherwise; no response
    when nothing is stated."""
    stated = [p for p in positions if p != Response.Position.NOT_STATED]
    if not stated:
        return NO_RESPONSE
    if all(p == Response.Position.ACCEPTED for p in stated):
        return ACCEPTED
    if all(p == Response.Position.NOT_ACCEPTED for p in stated):
        return NOT_ACCEPTED
    if any(p in (Response.Position.ACCEPTED, Response.Position.PARTIALLY_ACCEPTED) for p in stated):
        return PARTIALLY
    return NOTED


def previous_report(review: Review, audience: str, before: datetime | None = None):
    """The last report issued on `review` for `audience` (before `before`), or None. A
    public report is compared only with public reports, so that what changed never
    shows a restricted record through."""
    reports = UpdateReport.objects.filter(review=review, audience=audience)
    if before is not None:
        reports = reports.filter(issued_at__lt=before)
    return reports.order_by("-issued_at", "-pk").first()


def _items_query(review: Review, viewer: Viewer):
    newest = Update.objects.filter(item=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        TrackedItem.objects.visible_to(viewer)
        .filter(Q(recommendation__review=review) | Q(review=review))
        .select_related("owner_person", "owner_org")
        .annotate(latest_update_id=Subquery(newest.values("pk")[:1]))
        .order_by("due_date", "pk")
    )


def _per_item(rows, item_of) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[item_of(row)].append(row)
    return grouped


def _update_line(update: Update) -> UpdateLine:
    return UpdateLine(
        on=timezone.localdate(update.created_at),
        author=str(update.author) if update.author else "Not recorded",
        narrative=update.narrative,
        status_label=update.get_status_display(),
        progress=update.progress,
    )


def build_report(
    review: Review,
    viewer: Viewer,
    audience: str,
    *,
    today: date | None = None,
    previous: UpdateReport | None = None,
) -> ReportContent:
    """The report on `review` as `viewer` may see it, for `audience`, on `today`;
    what changed is measured from `previous` (an issued report), if given.

    The caller decides who the viewer is: the public viewer for the public version."""
    today = today or timezone.localdate()
    items = list(_items_query(review, viewer))
    visible_items = _items_query(review, viewer).values("pk")
    latest = {
        u.pk: u
        for u in Update.objects.filter(
            item__in=visible_items,
            pk__in=Subquery(
                Update.objects.filter(item=OuterRef("item"))
                .order_by("-created_at", "-pk")
                .values("pk")[:1]
            ),
        ).select_related("author")
    }
    evidence = _per_item(
        Evidence.objects.filter(update__item__in=visible_items)
        .select_related("update")
        .order_by("created_at", "pk"),
        lambda e: e.update.item_id,
    )
    # Newest first: the latest decision is the one the report gives.
    verifications = _per_item(
        Verification.objects.filter(item__in=visible_items)
        .select_related("by")
        .order_by("-created_at", "-pk"),
        lambda v: v.item_id,
    )

    sections: dict[int, ItemSection] = {}
    states: dict[int, ItemState] = {}
    for item in items:
        rag = item.rag(today)
        update = latest.get(item.latest_update_id)
        decision = (verifications.get(item.pk) or [None])[0]
        sections[item.pk] = ItemSection(
            id=item.pk,
            text=item.text,
            kind_label="Action" if item.origin != TrackedItem.Origin.COMMITMENT else "Commitment",
            owner=item.owner_label,
            due=item.due_label(),
            status_label=item.get_status_display(),
            progress=item.progress,
            rag=rag,
            restricted=item.restricted,
            latest_update=_update_line(update) if update else None,
            verification=(
                VerificationLine(
                    decision_label=decision.get_decision_display(),
                    by=str(decision.by),
                    on=timezone.localdate(decision.created_at),
                    checked=decision.reason,
                )
                if decision
                else None
            ),
            evidence=tuple(
                EvidenceLine(description=e.description, link=e.link, filename=e.filename)
                for e in evidence.get(item.pk, [])
            ),
        )
        states[item.pk] = ItemState.of(item, rag, item.latest_update_id)

    recommendations = (
        Recommendation.objects.visible_to(viewer)
        .filter(review=review)
        .prefetch_related(
            "addressed_to_orgs",
            "addressed_to_bodies",
            Prefetch(
                "responses",
                queryset=Response.objects.visible_to(viewer).select_related("organisation"),
            ),
        )
        .order_by("position", "pk")
    )
    by_rec: dict[int, list[TrackedItem]] = defaultdict(list)
    for item in items:
        if item.recommendation_id:
            by_rec[item.recommendation_id].append(item)
    rec_sections = []
    rec_statuses: dict[int, str] = {}
    for rec in recommendations:
        responses = list(rec.responses.all())
        status = rec.status(by_rec[rec.pk], responses)
        rec_statuses[rec.pk] = status
        rec_sections.append(
            RecommendationSection(
                id=rec.pk,
                number=rec.number,
                title=rec.title,
                text=rec.text,
                addressees=tuple(rec.addressees()),
                status_label=RECOMMENDATION_STATUS_LABELS[status],
                position=overall_position([r.position for r in responses]),
                restricted=rec.restricted,
                responses=tuple(
                    ResponseLine(
                        responder=r.responder,
                        position_label=r.get_position_display(),
                        on=r.date,
                        text=r.text,
                        restricted=r.restricted,
                    )
                    for r in responses
                ),
                items=tuple(sections[i.pk] for i in by_rec[rec.pk]),
            )
        )
    review_items = tuple(sections[i.pk] for i in items if not i.recommendation_id)

    all_sections = list(sections.values())
    summary = Summary(
        recommendations=len(rec_sections),
        positions=tuple(
            (label, sum(1 for r in rec_sections if r.position == label)) for label in POSITIONS
        ),
        items=len(all_sections),
        rags=tuple((rag, sum(1 for s in all_sections if s.rag == rag)) for rag in RAG_ORDER),
        verified=sum(1 for s in all_sections if s.rag == Rag.VERIFIED),
    )
    new_updates = []
    if previous is not None:
        new_updates = list(
            Update.objects.filter(item__in=visible_items, created_at__gt=previous.issued_at)
            .select_related("author")
            .order_by("created_at", "pk")
        )
    changes = changes_since(
        previous,
        states,
        {pk: s.heading for pk, s in sections.items()},
        [(u.item_id, _update_line(u)) for u in new_updates],
        {r.id: (r.heading, rec_statuses[r.id]) for r in rec_sections},
    )
    return ReportContent(
        review_id=review.pk,
        review_title=review.title,
        commission=review.body.name,
        review_date=review.date,
        report_date=today,
        audience=audience,
        summary=summary,
        recommendations=tuple(rec_sections),
        review_items=review_items,
        changes=changes,
        states=states,
        recommendation_statuses=rec_statuses,
    )
