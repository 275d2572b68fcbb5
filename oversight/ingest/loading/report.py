"""What one load did, for the command line, the publish preview and the import's page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from oversight.meetings.models import Meeting
from oversight.tracker.models import Review


@dataclass
class LoadReport:
    """What one load did: per kind of record, how many were created, updated or
    left unchanged; the review or meeting it filed the document under; anything it
    could not load; and the commitments it left with no owner (their text), which
    count against the public figures until someone owns them."""

    source: str = ""
    document_key: str = ""
    review: Review | None = None
    meeting: Meeting | None = None
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    unowned: list[str] = field(default_factory=list)

    def count(self, kind: str, outcome: str) -> None:
        getattr(self, outcome)[kind] += 1

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def counts(self) -> dict[str, dict[str, int]]:
        kinds = sorted({*self.created, *self.updated, *self.unchanged, *self.skipped})
        return {
            k: {
                "created": self.created[k],
                "updated": self.updated[k],
                "unchanged": self.unchanged[k],
                **({"skipped": self.skipped[k]} if self.skipped[k] else {}),
            }
            for k in kinds
        }

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "document_key": self.document_key,
            "review": {
                "id": self.review.pk,
                "title": self.review.title,
                "body": self.review.body.name,
            }
            if self.review
            else None,
            "meeting": {
                "id": self.meeting.pk,
                "body": self.meeting.body.name,
                "date": self.meeting.date.isoformat(),
            }
            if self.meeting
            else None,
            "counts": self.counts(),
            "warnings": list(self.warnings),
            "unowned": list(self.unowned),
        }

    def summary(self) -> str:
        lines = []
        if self.review:
            lines.append(f"Review: {self.review.title} ({self.review.body.name}) #{self.review.pk}")
        if self.meeting:
            lines.append(f"Meeting: {self.meeting} #{self.meeting.pk}")
        for kind, c in self.counts().items():
            parts = f"{c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            if c.get("skipped"):
                parts += f", {c['skipped']} skipped"
            lines.append(f"  {kind}: {parts}")
        for w in self.warnings:
            lines.append(f"Warning: {w}")
        if self.unowned:
            lines.append(f"Warning: {len(self.unowned)} commitment(s) have no owner")
        return "\n".join(lines)
