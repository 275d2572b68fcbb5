"""Checking an extraction before anything is written: the contract's JSON Schema, then
what the schema cannot say (real dates and times, and enough to file the document
under), and the small parsers the loader shares with the review forms."""

from __future__ import annotations

import json
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from oversight.tracker.models import TrackedItem

REVIEW_KINDS = {"scrutiny_response", "scrutiny_report"}
MEETING_KINDS = {"agenda", "minutes"}
SCHEMA_NAME = "extraction.schema.json"
NO_COMMISSION = (
    "document.title: cannot tell which scrutiny commission made the recommendations "
    "(choose the body, or create it, under “Where the records are filed”)"
)


def schema_path() -> Path:
    """The contract's JSON Schema. The ingest package holds a link to docs/contracts/,
    the one copy, which tests/ingest/test_contracts.py keeps equal to the shared one."""
    return Path(__file__).resolve().parent.parent / SCHEMA_NAME


@cache
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _where(path) -> str:
    parts = []
    for p in path:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(f".{p}" if parts else str(p))
    return "".join(parts) or "(top level)"


def validate_extraction(data: Any, *, body_chosen: bool = False) -> None:
    """Raise `ValidationError` listing every way `data` breaks the contract, or cannot be
    filed. `body_chosen`: the officer has chosen the body to file it under, so the
    document need not name one."""
    if not isinstance(data, dict):
        raise ValidationError(["The extraction must be a JSON object."])
    problems = [
        f"{_where(e.absolute_path)}: {e.message}"
        for e in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    ]
    if not problems:
        problems = _semantic_problems(data, body_chosen=body_chosen)
    if problems:
        raise ValidationError(problems)


def _semantic_problems(data: dict, *, body_chosen: bool) -> list[str]:
    """What the schema cannot say: real dates and times, and enough to file it under."""
    from .names import commission_in

    problems: list[str] = []

    def check_date(where: str, value):
        if value is not None:
            try:
                parse_due(value)
            except ValueError:
                problems.append(f"{where}: {value!r} is not a real date")

    def check_time(where: str, value):
        if value is not None:
            try:
                time.fromisoformat(value)
            except ValueError:
                problems.append(f"{where}: {value!r} is not a real time")

    doc = data["document"]
    meeting = data["meeting"]
    check_date("document.date", doc["date"])
    if meeting:
        check_date("meeting.date", meeting["date"])
        check_time("meeting.start", meeting["start"])
        check_time("meeting.end", meeting["end"])
    for i, a in enumerate(data["agenda_items"]):
        check_time(f"agenda_items[{i}].start", a["start"])
    for i, a in enumerate(data["actions"]):
        check_date(f"actions[{i}].due", a["due"])
    for i, c in enumerate(data["commitments"]):
        check_date(f"commitments[{i}].due", c["due"])
    kind = document_mode(data)
    if kind == "meeting":
        if not body_chosen and (not meeting or not (meeting.get("body") or "").strip()):
            problems.append(
                "meeting.body: a meeting document needs the body that met (name it, or "
                "choose it under “Where the records are filed”)"
            )
        if not ((meeting or {}).get("date") or doc["date"]):
            problems.append("meeting.date: a meeting document needs the date it met")
        elif len((meeting or {}).get("date") or doc["date"]) != 10:
            problems.append("meeting.date: a meeting needs a full date (YYYY-MM-DD)")
    elif kind == "review" and not body_chosen:
        if commission_in(doc["title"] or "") is None and not (meeting or {}).get("body"):
            problems.append(NO_COMMISSION)
    return problems


def document_mode(data: dict) -> str:
    """What the document is filed as: "review", "meeting" or "nothing"."""
    kind = data["document"]["kind"]
    if kind in REVIEW_KINDS:
        return "review"
    if kind in MEETING_KINDS:
        return "meeting"
    # "other": file it by what it holds.
    if data["recommendations"]:
        return "review"
    if data["meeting"] and data["meeting"].get("body"):
        return "meeting"
    return "nothing"


def parse_due(value: str | None) -> tuple[date | None, str]:
    """'2020-04-01' -> (2020-04-01, day); '2020-03' -> (2020-03-01, month)."""
    if not value:
        return None, TrackedItem.Precision.DAY
    if len(value) == 7:
        y, m = value.split("-")
        return date(int(y), int(m), 1), TrackedItem.Precision.MONTH
    return date.fromisoformat(value), TrackedItem.Precision.DAY


def as_date(value: str | None) -> date | None:
    if not value:
        return None
    return parse_due(value)[0]


def as_time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None
