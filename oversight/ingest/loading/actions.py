"""Tracked items: the commitments a response makes and the actions agreed at a meeting,
each with its owner found in the directory (or, for an action, among the attendees)."""

from __future__ import annotations

import re
from datetime import datetime, time

from django.utils import timezone

from oversight.directory.models import Body, Organisation, Person, normalise_name
from oversight.meetings.models import Meeting
from oversight.tracker.models import Recommendation, Response, Review, TrackedItem
from oversight.tracker.operations import record_update

from .base import text_hash
from .checking import parse_due
from .names import MEETING_BODY, person_key

_OWNER_PARTS = re.compile(r"\s*/\s*|\s*,\s*|\s+and\s+|\s*&\s*")
_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][A-Za-z'’-]+){1,3}")


class TrackedRecords:
    """The loader's part that writes commitments and actions."""

    def load_commitment(
        self,
        review: Review,
        rec: Recommendation | None,
        d: dict,
        *,
        default_owner: Organisation | None = None,
    ) -> TrackedItem:
        """A promise in a response, under its recommendation; one that answers no
        particular recommendation is filed under the review itself. Its owner is the
        organisation of the response that makes it, else `default_owner` (the
        responding organisation); one left with no owner is reported in `unowned`."""
        responses = list(rec.responses(manager="private_objects").order_by("pk")) if rec else []
        # The response that makes the promise: the one whose text contains it, else the
        # first that answers the recommendation rather than referring it elsewhere
        # ("directed at Scrutiny Commissions ... responses appear in Appendix 1"), else
        # the recommendation's first response.
        wanted = normalise_name(d["text"])
        response = next(
            (r for r in responses if wanted and wanted in normalise_name(r.text)),
            next(
                (r for r in responses if r.position != Response.Position.REFERRED),
                responses[0] if responses else None,
            ),
        )
        due, precision = parse_due(d["due"])
        key = self.unique_key(
            f"{self.report.document_key}:commit:{rec.number if rec else '-'}:{text_hash(d['text'])}"
        )
        values = {
            "text": d["text"].strip(),
            "origin": TrackedItem.Origin.COMMITMENT,
            "recommendation": rec,
            "review": None if rec else review,
            "due_date": due,
            "due_precision": precision,
        }
        if self.doc_date:
            values["start_date"] = self.doc_date
        owner = (response.organisation if response else None) or default_owner
        item, _ = self.sync(
            TrackedItem,
            "commitment",
            {"source_key": key},
            values,
            fill={"response": response, "owner_org": owner},
        )
        if item.owner_org_id is None and item.owner_person_id is None:
            self.report.unowned.append(item.text)
        return item

    def resolve_owner(
        self, label: str | None, attendees: list[Person], chair: Person | None
    ) -> tuple[Person | None, Organisation | None]:
        """'Maurice Mason' or 'Maurice' (one attendee of that first name) -> the person;
        'Chair' -> the chair; 'MPS' or 'GSVB' -> an organisation."""
        label = (label or "").strip()
        if not label:
            return None, None
        for part in [label, *_OWNER_PARTS.split(label)]:
            part = part.strip()
            if not part:
                continue
            wanted = person_key(part)
            if wanted == "chair" and chair is not None:
                return chair, chair.organisation
            for p in attendees:
                if person_key(p.name) == wanted:
                    return p, p.organisation
            if " " not in wanted:
                firsts = [p for p in attendees if person_key(p.name).split()[0] == wanted]
                if len(firsts) == 1:
                    return firsts[0], firsts[0].organisation
            if org := Organisation.find(part):
                return None, org
            if body := Body.find(part):
                return None, body.organisation
        if _PERSON_NAME.fullmatch(label) and not MEETING_BODY.search(label):
            person = self.person(label)
            return person, person.organisation
        self.report.warnings.append(f"Action owner not recognised: {label!r}")
        return None, None

    def load_action(
        self, meeting: Meeting, d: dict, attendees: list[Person], chair: Person | None
    ) -> TrackedItem:
        owner_person, owner_org = self.resolve_owner(d["owner"], attendees, chair)
        due, precision = parse_due(d["due"])
        key = self.unique_key(f"{self.meeting_key}:action:{text_hash(d['text'])}")
        item, _ = self.sync(
            TrackedItem,
            "action",
            {"source_key": key},
            {
                "text": d["text"].strip(),
                "origin": TrackedItem.Origin.ACTION,
                "meeting": meeting,
                "due_date": due,
                "due_precision": precision,
                "start_date": meeting.date,
            },
            fill={"owner_person": owner_person, "owner_org": owner_org},
        )
        note = (d["update"] or "").strip()
        if note:
            if item.updates.filter(narrative=note).exists():
                self.report.count("update", "unchanged")
            else:
                record_update(
                    item,
                    author=None,
                    narrative=note,
                    status=TrackedItem.Status.IN_PROGRESS,
                    progress=item.progress,
                    # The update was reported at this meeting, not when it was imported.
                    at=datetime.combine(
                        meeting.date, meeting.start or time(9), timezone.get_current_timezone()
                    ),
                )
                self.report.count("update", "created")
        return item
