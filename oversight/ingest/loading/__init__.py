"""Load one extraction (docs/contracts/extraction.md) into the tracker.

`load_extraction(data)` checks the JSON against the contract's schema, then writes the
document's records in one transaction:

- a scrutiny response or report becomes a `Review` of the commission named in its
  title (or the body the officer chose), with its recommendations, the responses to
  them, the commitments those responses make (tracked items, each owned by the
  organisation that responds) and any questions (reviews.py, actions.py);
- an agenda or minutes becomes a `Meeting` of its body, with attendees, agenda items
  and the actions agreed (tracked items, each action's printed update as its first
  update) (meetings.py, actions.py).

Organisations, bodies and people are found in the directory or created, named as a
person writes them (names.py). Checking comes first (checking.py); the machinery that
finds a record again is base.py; what a load did is a `LoadReport` (report.py).

Loading is idempotent. Every record the importer creates carries a `source_key`: the
document's key (kind, title, date) or the meeting's key (body, date), plus the record's
natural key (recommendation number or a hash of its text, responder and position,
a hash of a commitment's or action's text). Loading again finds each record by its key
and saves only the fields that differ, so the same file loaded twice writes no rows and
no history. What people change after an import (owners, a handover, restrictions,
status and progress, which move only through updates) is never overwritten: the
importer fills owners only where they are empty.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from oversight.directory.models import Body, Organisation

from .actions import TrackedRecords
from .base import Filing, LoaderBase, document_key, text_hash
from .checking import document_mode, parse_due, schema_path, validate_extraction
from .meetings import MeetingRecords
from .names import DirectoryRecords, body_name, commission_in, guess_body_kind, ordinary_case
from .report import LoadReport
from .reviews import ReviewRecords, infer_position


class _Loader(DirectoryRecords, ReviewRecords, TrackedRecords, MeetingRecords, LoaderBase):
    def chosen_body(self, *, kind: str | None = None) -> Body | None:
        """The body the officer chose to file the document under (created if new)."""
        if self.filing.body is not None:
            return self.filing.body
        name = self.filing.new_body.strip()
        if not name:
            return None
        guessed = guess_body_kind(name)
        return self.body(name, kind=kind if guessed == Body.Kind.OTHER and kind else guessed)

    def chosen_responder(self) -> Organisation | None:
        if self.filing.responder is not None:
            return self.filing.responder
        name = self.filing.new_responder.strip()
        return self.organisation(name) if name else None

    def run(self) -> LoadReport:
        mode = document_mode(self.data)
        m = self.data["meeting"]
        if mode == "meeting":
            meeting = self.load_meeting()
            if self.data["recommendations"]:
                # Questions put at the meeting stay with the meeting.
                self.load_review(meeting.body, questions=False)
        elif mode == "review":
            meeting_body = self.body(m["body"]) if m and m.get("body") else None
            self.load_review(meeting_body)
        else:
            self.report.warnings.append("Nothing to load: the document has no meeting or review.")
        return self.report


def named_body(data: dict) -> str:
    """The name of the body the document would be filed under as it stands (perhaps not
    yet in the directory), or "" when it names none."""
    mode = document_mode(data)
    meeting = data.get("meeting") or {}
    if mode == "review":
        name = commission_in(data["document"].get("title") or "") or meeting.get("body")
    elif mode == "meeting":
        name = meeting.get("body")
    else:
        name = None
    return body_name(name) if name else ""


def load_extraction(
    data: dict, *, publish: bool = False, source_name: str = "", filing: Filing | None = None
) -> LoadReport:
    """Write one extraction into the tracker, in one transaction. `filing` is what the
    officer chose about where it goes. Raises `ValidationError` (nothing written) when
    `data` breaks the contract or cannot be filed."""
    filing = filing or Filing()
    validate_extraction(data, body_chosen=filing.body_chosen)
    with transaction.atomic():
        return _Loader(data, publish=publish, source_name=source_name, filing=filing).run()


def load_extraction_file(
    path: str | Path, *, publish: bool = False, source_name: str | None = None
) -> LoadReport:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValidationError([f"{path.name} is not JSON: {exc}"]) from exc
    return load_extraction(data, publish=publish, source_name=source_name or path.name)


__all__ = [
    "Filing",
    "LoadReport",
    "body_name",
    "document_key",
    "document_mode",
    "infer_position",
    "load_extraction",
    "load_extraction_file",
    "named_body",
    "ordinary_case",
    "parse_due",
    "schema_path",
    "text_hash",
    "validate_extraction",
]
