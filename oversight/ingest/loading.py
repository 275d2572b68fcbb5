"""Load one extraction (docs/contracts/extraction.md) into the tracker.

`load_extraction(data)` checks the JSON against the contract's schema, then writes the
document's records in one transaction:

- a scrutiny response or report becomes a `Review` of the commission named in its
  title, with its recommendations, the responses to them, the commitments those
  responses make (tracked items) and any questions;
- an agenda or minutes becomes a `Meeting` of its body, with attendees, agenda items
  and the actions agreed (tracked items, each action's printed update as its first
  update).

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

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from oversight.directory.models import Body, Organisation, Person, normalise_name
from oversight.meetings.models import AgendaItem, Attendance, Meeting
from oversight.tracker.models import Question, Recommendation, Response, Review, TrackedItem
from oversight.tracker.operations import record_update

REVIEW_KINDS = {"scrutiny_response", "scrutiny_report"}
MEETING_KINDS = {"agenda", "minutes"}
SCHEMA_NAME = "extraction.schema.json"


# --- the schema ------------------------------------------------------------------------


def schema_path() -> Path:
    """The contract's JSON Schema. The package holds a link to docs/contracts/, the one
    copy, which tests/ingest/test_contracts.py keeps equal to the shared contract."""
    return Path(__file__).resolve().parent / SCHEMA_NAME


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


def validate_extraction(data: Any) -> None:
    """Raise `ValidationError` listing every way `data` breaks the contract."""
    if not isinstance(data, dict):
        raise ValidationError(["The extraction must be a JSON object."])
    problems = [
        f"{_where(e.absolute_path)}: {e.message}"
        for e in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    ]
    if not problems:
        problems = _semantic_problems(data)
    if problems:
        raise ValidationError(problems)


def _semantic_problems(data: dict) -> list[str]:
    """What the schema cannot say: real dates and times, and enough to file it under."""
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
    kind = _document_mode(data)
    if kind == "meeting":
        if not meeting or not (meeting.get("body") or "").strip():
            problems.append("meeting.body: a meeting document needs the body that met")
        if not ((meeting or {}).get("date") or doc["date"]):
            problems.append("meeting.date: a meeting document needs the date it met")
        elif len((meeting or {}).get("date") or doc["date"]) != 10:
            problems.append("meeting.date: a meeting needs a full date (YYYY-MM-DD)")
    elif kind == "review":
        if _commission_in(doc["title"] or "") is None and not (meeting or {}).get("body"):
            problems.append(
                "document.title: cannot tell which scrutiny commission made the "
                "recommendations (name it in the title)"
            )
    return problems


# --- parsing helpers -------------------------------------------------------------------


def parse_due(value: str | None) -> tuple[date | None, str]:
    """'2020-04-01' -> (2020-04-01, day); '2020-03' -> (2020-03-01, month)."""
    if not value:
        return None, TrackedItem.Precision.DAY
    if len(value) == 7:
        y, m = value.split("-")
        return date(int(y), int(m), 1), TrackedItem.Precision.MONTH
    return date.fromisoformat(value), TrackedItem.Precision.DAY


def _date(value: str | None) -> date | None:
    if not value:
        return None
    return parse_due(value)[0]


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def text_hash(value: str) -> str:
    """Short, stable hash of a text, tolerant of case, spacing and punctuation."""
    return hashlib.sha1(normalise_name(value).encode("utf-8")).hexdigest()[:12]


def _slug(value: str, limit: int = 60) -> str:
    return normalise_name(value).replace(" ", "-")[:limit] or "-"


def document_key(data: dict) -> str:
    doc = data["document"]
    digest = text_hash(f"{doc['kind']}|{doc['title'] or ''}|{doc['date'] or ''}")
    return f"doc:{doc['kind']}:{doc['date'] or 'undated'}:{digest}"


def _document_mode(data: dict) -> str:
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


# Lower-case words inside a body's name ("Living in Hackney", "Skills, Economy and
# Growth"); "of" is not one: "Work of Living in Hackney ..." starts the name after it.
_CONNECTORS = {"in", "and", "&"}


def _commission_in(title: str) -> str | None:
    """The first scrutiny commission a title names: a known commission whose name occurs
    in it, or the capitalised words before "Commission" ("... to the Living in Hackney
    Scrutiny Commission Investigation" -> "Living in Hackney Scrutiny Commission")."""
    norm = f" {normalise_name(title)} "
    found: list[tuple[int, int, str]] = []
    for body in Body.objects.filter(kind=Body.Kind.COMMISSION):
        for name in [body.name, *body.aliases]:
            n = normalise_name(name)
            if n and "commission" in n and (pos := norm.find(f" {n} ")) >= 0:
                found.append((pos, -len(n), body.name))
    words = title.replace(",", " ,").split()
    for i, word in enumerate(words):
        if word.strip(".:;").lower() not in {"commission", "commissions"}:
            continue
        j = i - 1
        while j >= 0 and (
            words[j] == "," or words[j][:1].isupper() or words[j].lower() in _CONNECTORS
        ):
            j -= 1
        name_words = words[j + 1 : i + 1]
        while name_words and (name_words[0].lower() in _CONNECTORS or name_words[0] == ","):
            name_words.pop(0)
        if len(name_words) >= 2:
            name = " ".join(name_words).replace(" ,", ",").strip(".:;")
            n = normalise_name(name)
            # A known body found at the same place wins (it sorts first: longer name).
            found.append((norm.find(f" {n} "), 0, name))
            break
    found = [f for f in found if f[0] >= 0]
    return min(found)[2] if found else None


_CHAIR_LABEL = re.compile(r"\b(?:chair|vice[- ]chair|cllr|councillor|mayor)\b", re.IGNORECASE)
_HONORIFICS = {
    "dr",
    "cllr",
    "councillor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "sir",
    "dame",
    "commander",
    "bcu",
    "supt",
    "superintendent",
    "ch",
    "chief",
    "insp",
    "inspector",
    "det",
    "di",
    "dci",
}
_URL = re.compile(
    r"(?:https?://\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|uk|net|gov|nhs|io)/\S*)",
    re.IGNORECASE,
)


def _person_key(name: str) -> str:
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def infer_position(text: str) -> str:
    """A response's position, only where its words say so; otherwise not stated."""
    t = " ".join((text or "").split()).lower()
    P = Response.Position
    if re.match(r"(partially (agreed|accepted)|(agreed|accepted) in part)\b", t):
        return P.PARTIALLY_ACCEPTED
    if re.match(r"(not (agreed|accepted|supported)|rejected|disagree)\b", t):
        return P.NOT_ACCEPTED
    if re.match(r"(agreed|accepted|agree|we agree|supported)\b", t):
        return P.ACCEPTED
    if re.match(r"noted\b", t):
        return P.NOTED
    if (
        re.match(r"referred\b", t)
        or re.search(r"\bdirected at (the )?scrutiny commissions?\b", t)
        or re.search(r"\b(is|are|has been|have been|will be) referred to\b", t)
    ):
        return P.REFERRED
    return P.NOT_STATED


def guess_org_kind(name: str) -> str:
    n = normalise_name(name)
    K = Organisation.Kind
    for words, kind in (
        (("police", "constabulary"), K.POLICE),
        (("nhs", "trust", "health", "hospital", "icb", "gp"), K.HEALTH),
        (("council", "borough"), K.COUNCIL),
        (("probation",), K.PROBATION),
        (("safeguarding",), K.SAFEGUARDING),
        (("school", "education", "college", "academy"), K.EDUCATION),
        (("home office", "ministry", "department", "government"), K.GOVERNMENT),
    ):
        if any(f" {w} " in f" {n} " for w in words):
            return kind
    return K.OTHER


def guess_body_kind(name: str) -> str:
    """From the last word that names a kind of body: '... Partnership Statutory Officer
    Group' is a sub-group, 'Gangs and Serious Violence Board' a board."""
    B = Body.Kind
    kinds = {
        "group": B.SUB_GROUP,
        "subgroup": B.SUB_GROUP,
        "board": B.BOARD,
        "partnership": B.PARTNERSHIP,
        "panel": B.PANEL,
        "commission": B.COMMISSION,
        "committee": B.BOARD,
        "cabinet": B.CABINET,
    }
    for word in reversed(normalise_name(name).split()):
        if word in kinds:
            return kinds[word]
    return B.OTHER


_BODY_WORDS = re.compile(
    r"\b(board|group|partnership|panel|commission|committee|cabinet|forum)\b", re.IGNORECASE
)


# --- the report ------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What one load did: per kind of record, how many were created, updated or
    left unchanged; the review or meeting it filed the document under; anything it
    could not load."""

    source: str = ""
    document_key: str = ""
    review: Review | None = None
    meeting: Meeting | None = None
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

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
        return "\n".join(lines)


# --- the loader ------------------------------------------------------------------------


class _Loader:
    def __init__(self, data: dict, *, publish: bool, source_name: str):
        self.data = data
        self.publish = publish
        self.source_name = source_name
        self.reason = f"Imported from {source_name}" if source_name else "Imported"
        self.report = LoadReport(source=source_name, document_key=document_key(data))
        self.doc = data["document"]
        self.doc_date = _date(self.doc["date"])
        self.used_keys: set[str] = set()

    # generic helpers ------------------------------------------------------------------

    def unique_key(self, key: str) -> str:
        """The same natural key twice in one document gets a counter: ':2', ':3'."""
        candidate, n = key, 1
        while candidate in self.used_keys:
            n += 1
            candidate = f"{key}:{n}"
        self.used_keys.add(candidate)
        return candidate[:300]

    def sync(
        self,
        model: type[models.Model],
        kind: str,
        lookup: dict,
        values: dict,
        *,
        on_create: dict | None = None,
        fill: dict | None = None,
    ):
        """Find the row by `lookup` (usually its source_key) or create it. `values` are
        kept equal to the document; `on_create` are set only when creating; `fill` only
        where the row's field is still empty."""
        obj = model._base_manager.filter(**lookup).order_by("pk").first()
        if obj is None:
            obj = model(**lookup, **values, **(on_create or {}), **(fill or {}))
            obj._change_reason = self.reason
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj.save()
            self.report.count(kind, "created")
            return obj, True
        changed = []
        for name, value in values.items():
            if not _same(obj, name, value):
                setattr(obj, name, value)
                changed.append(name)
        for name, value in (fill or {}).items():
            if value is not None and getattr(obj, model._meta.get_field(name).attname) in (
                None,
                "",
            ):
                setattr(obj, name, value)
                changed.append(name)
        if changed:
            obj._change_reason = f"Reloaded: {self.reason[0].lower()}{self.reason[1:]}"
            obj.save(update_fields=[model._meta.get_field(n).name for n in changed])
            self.report.count(kind, "updated")
        else:
            self.report.count(kind, "unchanged")
        return obj, False

    def set_m2m(self, obj, name: str, wanted: list) -> bool:
        manager = getattr(obj, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            manager.set(wanted)
            return True
        return False

    # directory ---------------------------------------------------------------------

    @cached_property
    def council(self) -> Organisation:
        org = (
            Organisation.find(settings.COUNCIL_NAME)
            or Organisation.find("the Council")
            or Organisation.objects.filter(kind=Organisation.Kind.COUNCIL).order_by("pk").first()
        )
        if org is None:
            org, _ = self.sync(
                Organisation,
                "organisation",
                {"name": settings.COUNCIL_NAME},
                {},
                on_create={"kind": Organisation.Kind.COUNCIL},
            )
        return org

    def organisation(self, label: str | None, *, create: bool = True) -> Organisation | None:
        label = (label or "").strip()
        if not label:
            return None
        org = Organisation.find(label)
        if org is not None:
            return org
        body = Body.find(label)
        if body is not None and body.organisation_id:
            return body.organisation
        if not create:
            return None
        org, _ = self.sync(
            Organisation,
            "organisation",
            {"name": label[:200]},
            {},
            on_create={"kind": guess_org_kind(label)},
        )
        return org

    def body(self, label: str, *, kind: str | None = None) -> Body:
        body = Body.find(label)
        if body is not None:
            return body
        name = label.strip()[:200]
        # "Community Safety Partnership Statutory Officer Group" hangs from the CSP.
        parent = None
        norm = normalise_name(name)
        for other in Body.objects.all():
            n = normalise_name(other.name)
            if n and norm.startswith(n + " ") and (parent is None or len(n) > len(parent.name)):
                parent = other
        body_kind = kind or guess_body_kind(name)
        body, _ = self.sync(
            Body,
            "body",
            {"name": name},
            {},
            on_create={
                "kind": body_kind,
                "parent": parent,
                "organisation": self.council if body_kind == Body.Kind.COMMISSION else None,
            },
        )
        return body

    def person(self, name: str, organisation: Organisation | None = None) -> Person:
        wanted = _person_key(name) or name.strip().casefold()
        match = None
        for p in Person.objects.filter(name__icontains=wanted.split()[-1]).order_by("pk"):
            if _person_key(p.name) == wanted:
                match = p
                break
        if match is None:
            match = Person(name=name.strip()[:200], organisation=organisation)
            match._change_reason = self.reason
            match.save()
            self.report.count("person", "created")
            return match
        if organisation is not None and match.organisation_id is None:
            match.organisation = organisation
            match._change_reason = self.reason
            match.save(update_fields=["organisation"])
            self.report.count("person", "updated")
        return match

    # reviews -----------------------------------------------------------------------

    def load_review(self, meeting_body: Body | None, *, questions: bool = True) -> Review:
        title = (self.doc["title"] or "").strip()
        commission = _commission_in(title)
        review_body = self.body(commission, kind=Body.Kind.COMMISSION) if commission else None
        if review_body is None:
            review_body = meeting_body
        review_title = title
        if self.doc["kind"] == "scrutiny_response":
            # "Cabinet Response to the X Commission Investigation into Y" is the response
            # to a review; the review is "X Commission Investigation into Y".
            stripped = re.sub(r"^.*?\bresponse to (the )?", "", title, count=1, flags=re.I)
            if stripped and stripped != title:
                review_title = stripped[0].upper() + stripped[1:]
        values = {"body": review_body, "title": (review_title or "Untitled review")[:500]}
        if self.doc_date:
            values["date"] = self.doc_date
        if self.source_name:
            values["source_document"] = self.source_name[:300]
        if self.publish:
            values["published"] = True
        review, _ = self.sync(
            Review, "review", {"source_key": self.report.document_key + ":review"}, values
        )
        self.report.review = review

        # Who answers an unlabelled response: the council when the Cabinet (or another
        # council body) responds.
        default_responder = None
        if self.doc["kind"] == "scrutiny_response":
            default_responder = (
                meeting_body.organisation if meeting_body and meeting_body.organisation else None
            ) or self.council

        recs_by_number: dict[str, Recommendation] = {}
        for position, rec_data in enumerate(self.data["recommendations"], start=1):
            rec = self.load_recommendation(review, position, rec_data, default_responder)
            if rec_data["number"]:
                recs_by_number.setdefault(rec_data["number"], rec)

        for c in self.data["commitments"]:
            rec = recs_by_number.get(c["recommendation"] or "")
            if rec is None and c["recommendation"]:
                self.report.warnings.append(
                    f"Commitment names recommendation {c['recommendation']}, which the "
                    f"document does not have; filed under the review: {c['text'][:80]!r}"
                )
            self.load_commitment(review, rec, c)

        for q in self.data["questions"] if questions else []:
            self.load_question(q, review=review, asked_by=review_body)
        return review

    def load_recommendation(
        self, review: Review, position: int, d: dict, default_responder: Organisation | None
    ) -> Recommendation:
        natural = d["number"] or f"h{text_hash(d['text'])}"
        key = self.unique_key(f"{self.report.document_key}:rec:{natural}")
        rec, _ = self.sync(
            Recommendation,
            "recommendation",
            {"source_key": key},
            {
                "review": review,
                "number": d["number"] or "",
                "position": position,
                "title": (d["title"] or "")[:500],
                "text": d["text"].strip(),
            },
        )
        # Responses first: a responder named in full ("Metropolitan Police Service")
        # lets an addressee label that pairs it with another ("... and MOPAC") split.
        for index, r in enumerate(d["responses"], start=1):
            self.load_response(rec, key, index, r, default_responder)

        orgs, bodies = [], []
        for label in d["addressees"]:
            for found in self.addressee(label):
                target = orgs if isinstance(found, Organisation) else bodies
                if found not in target:
                    target.append(found)
        changed = self.set_m2m(rec, "addressed_to_orgs", orgs)
        changed = self.set_m2m(rec, "addressed_to_bodies", bodies) or changed
        if changed:
            self.report.count("addressees", "updated")
        return rec

    def addressee(self, label: str) -> list[Organisation | Body]:
        label = label.strip()
        if org := Organisation.find(label):
            return [org]
        if body := Body.find(label):
            return [body]
        # "Metropolitan Police Service and MOPAC" names two: split it when at least one
        # part is known (else "Children and Families Service" would split too).
        parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|\s*&\s*", label) if p.strip()]
        if len(parts) > 1:
            found = [Organisation.find(p) or Body.find(p) for p in parts]
            if any(found):
                return [
                    known or self.addressee(part)[0]
                    for known, part in zip(found, parts, strict=True)
                ]
        if _BODY_WORDS.search(label):
            return [self.body(label)]
        return [self.organisation(label)]

    def load_response(
        self,
        rec: Recommendation,
        rec_key: str,
        index: int,
        d: dict,
        default_responder: Organisation | None,
    ) -> Response:
        label = (d["responder"] or "").strip()
        if not label:
            organisation = default_responder
        elif _CHAIR_LABEL.search(label) and "," in label:
            # "Cllr Ben Hayhurst, Chair, Health in Hackney Scrutiny Commission": a
            # commission's chair answers for the council's scrutiny function.
            organisation = self.council
        else:
            organisation = self.organisation(label)
        key = self.unique_key(f"{rec_key}:resp:{index}:{_slug(label, 40)}")
        values = {
            "recommendation": rec,
            "responder_label": label[:300],
            "position": infer_position(d["text"]),
            "text": d["text"].strip(),
        }
        if self.doc_date:
            values["date"] = self.doc_date
        response, _ = self.sync(
            Response,
            "response",
            {"source_key": key},
            values,
            fill={"organisation": organisation},
        )
        return response

    def load_commitment(self, review: Review, rec: Recommendation | None, d: dict) -> TrackedItem:
        """A promise in a response, under its recommendation; one that answers no
        particular recommendation is filed under the review itself."""
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
        item, _ = self.sync(
            TrackedItem,
            "commitment",
            {"source_key": key},
            values,
            fill={
                "response": response,
                "owner_org": response.organisation if response else None,
            },
        )
        return item

    def load_question(self, d: dict, *, review=None, meeting=None, asked_by=None) -> Question:
        parent_key = self.report.document_key if review else self.meeting_key
        natural = d["number"] or f"h{text_hash(d['text'])}"
        key = self.unique_key(f"{parent_key}:q:{natural}")
        answer = (d["response"] or "").strip()
        question, created = self.sync(
            Question,
            "question",
            {"source_key": key},
            {
                "review": review,
                "meeting": meeting,
                "number": d["number"] or "",
                "text": d["text"].strip(),
                "answer": answer,
            },
            on_create={
                "status": Question.Status.ANSWERED if answer else Question.Status.ASKED,
            },
            fill={"asked_by": asked_by},
        )
        if not created and answer and question.status == Question.Status.ASKED:
            question.status = Question.Status.ANSWERED
            question._change_reason = self.reason
            question.save(update_fields=["status"])
        return question

    # meetings ----------------------------------------------------------------------

    meeting_key = ""

    def load_meeting(self) -> Meeting:
        m = self.data["meeting"]
        body = self.body(m["body"])
        on = _date(m["date"]) or self.doc_date
        self.meeting_key = f"meeting:{_slug(body.name, 80)}:{on.isoformat()}"
        venue = (m["venue"] or "").strip()
        link = ""
        if venue and _URL.fullmatch(venue):
            link, venue = venue, ""
        if link and not link.lower().startswith(("http://", "https://")):
            link = "https://" + link
        chair = self.person(m["chair"]) if m["chair"] else None
        held = self.doc["kind"] == "minutes" or on < timezone.localdate()
        values = {
            "body": body,
            "title": (self.doc["title"] or "").strip()[:300],
            "date": on,
            "start": _time(m["start"]),
            "end": _time(m["end"]),
            "venue": venue[:300],
            "online_link": link[:200],
        }
        if self.source_name:
            values["source_document"] = self.source_name[:300]
        if self.publish:
            values["published"] = True
        meeting, _ = self.sync(
            Meeting,
            "meeting",
            {"source_key": self.meeting_key},
            values,
            on_create={"status": Meeting.Status.HELD if held else Meeting.Status.SCHEDULED},
            fill={"chair": chair},
        )
        self.report.meeting = meeting

        attendees: list[Person] = []
        for a in self.data["attendees"]:
            org = self.organisation(a["organisation"]) if a["organisation"] else None
            person = self.person(a["name"], org)
            if person not in attendees:
                attendees.append(person)
            self.sync(
                Attendance,
                "attendance",
                {"meeting": meeting, "person": person},
                {"status": Attendance.Status.PRESENT},
            )

        for position, a in enumerate(self.data["agenda_items"], start=1):
            number = a["number"] or ""
            key = self.unique_key(f"{self.meeting_key}:agenda:{number or f'p{position}'}")
            self.sync(
                AgendaItem,
                "agenda_item",
                {"source_key": key},
                {
                    "meeting": meeting,
                    "number": number,
                    "position": position,
                    "title": (a["title"] or f"Item {number or position}")[:500],
                    "start": _time(a["start"]),
                    "duration_minutes": a["duration_minutes"],
                    "presenters": list(a["presenters"]),
                },
            )

        for a in self.data["actions"]:
            self.load_action(meeting, a, attendees, chair)

        for q in self.data["questions"]:
            self.load_question(q, meeting=meeting)
        return meeting

    def resolve_owner(
        self, label: str | None, attendees: list[Person], chair: Person | None
    ) -> tuple[Person | None, Organisation | None]:
        """'Maurice Mason' or 'Maurice' (one attendee of that first name) -> the person;
        'Chair' -> the chair; 'MPS' or 'GSVB' -> an organisation."""
        label = (label or "").strip()
        if not label:
            return None, None
        for part in [label, *re.split(r"\s*/\s*|\s*,\s*|\s+and\s+|\s*&\s*", label)]:
            part = part.strip()
            if not part:
                continue
            wanted = _person_key(part)
            if wanted == "chair" and chair is not None:
                return chair, chair.organisation
            for p in attendees:
                if _person_key(p.name) == wanted:
                    return p, p.organisation
            if " " not in wanted:
                firsts = [p for p in attendees if _person_key(p.name).split()[0] == wanted]
                if len(firsts) == 1:
                    return firsts[0], firsts[0].organisation
            if org := Organisation.find(part):
                return None, org
            if body := Body.find(part):
                return None, body.organisation
        if re.fullmatch(r"[A-Z][a-z'’-]+(?: [A-Z][A-Za-z'’-]+){1,3}", label) and not (
            _BODY_WORDS.search(label)
        ):
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

    # the document ----------------------------------------------------------------------

    def run(self) -> LoadReport:
        mode = _document_mode(self.data)
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


def _same(obj: models.Model, name: str, value) -> bool:
    f = obj._meta.get_field(name)
    current = getattr(obj, f.attname)
    if f.is_relation:
        return current == (value.pk if value is not None else None)
    return current == value


def load_extraction(data: dict, *, publish: bool = False, source_name: str = "") -> LoadReport:
    """Write one extraction into the tracker, in one transaction. Raises
    `ValidationError` (nothing written) when `data` breaks the contract."""
    validate_extraction(data)
    with transaction.atomic():
        return _Loader(data, publish=publish, source_name=source_name).run()


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
    "LoadReport",
    "document_key",
    "infer_position",
    "load_extraction",
    "load_extraction_file",
    "parse_due",
    "validate_extraction",
]
