"""From a read document to the extraction contract (docs/contracts/extraction.md).

`extract_document(doc)` lays the text out (layout.py), reads the header (title, date,
meeting), finds the records of each kind, decides the document's kind and returns an
`Extraction`: the contract JSON (`to_dict()`) plus, kept apart from it, provenance for
every record: the 1-based page and the [start, end) span in `Extraction.text`.

The kind decides which records are looked for, because the same words mean different
things in different documents:
- `scrutiny_response`: recommendations have responses; commitments come from the
  responses only (never from the recommendations or the introduction);
- `scrutiny_report`: recommendations without responses; commitments from the text;
- `agenda` / `minutes`: an "Agenda"/"Minutes" heading, an attendee list or timed agenda
  items; attendees, agenda items and actions are read, no commitments. An agenda with
  notes or actions counts as minutes;
- `other`: anything else; only labelled actions and questions are read.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from itertools import pairwise

from . import actions as actions_mod
from . import agenda, exchanges, front_matter, layout, meetings, questions, recommendations, reports
from . import attendees as attendees_mod
from . import commitments as commitments_mod
from .bodies import clean_title
from .dates import as_date
from .people import People, strip_titles
from .readers import Document
from .text import Seg

SCHEMA = "oversight.extraction/1"
KINDS = ("attendees", "agenda_items", "recommendations", "questions", "actions", "commitments")


@dataclass
class Extraction:
    """The contract's records, plus where each came from in the document's text."""

    data: dict
    text: str
    page_starts: list[int]
    source_name: str = ""
    provenance: dict[str, list[dict]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The contract JSON (valid against extraction.schema.json)."""
        return copy.deepcopy(self.data)

    def to_review_dict(self) -> dict:
        """The contract JSON plus "provenance", for the person reviewing the import."""
        out = self.to_dict()
        out["provenance"] = copy.deepcopy(self.provenance)
        return out

    @property
    def pages(self) -> list[str]:
        bounds = [*self.page_starts, len(self.text) + 1]
        return [self.text[a : b - 1] for a, b in pairwise(bounds)]

    def passage(self, kind: str, index: int = 0) -> str:
        """The text a record was read from."""
        where = self.provenance[kind][index]
        return self.text[where["start"] : where["end"]]

    def __getattr__(self, name: str):
        """`result.recommendations`, `result.meeting`, ...: the contract's parts."""
        if name in KINDS or name in ("document", "meeting"):
            return self.data[name]
        raise AttributeError(name)


class _Provenance:
    """Page and [start, end) span of the passages a record was read from."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.out: dict[str, list[dict]] = {k: [] for k in KINDS}

    def where(self, segs: Seg | list[Seg] | None) -> dict | None:
        if segs is None:
            return None
        segs = [s for s in (segs if isinstance(segs, list) else [segs]) if s.text]
        if not segs:
            return None
        start = min(s.span()[0] for s in segs)
        end = max(s.span()[1] for s in segs)
        return {"page": self.doc.page_of(start), "start": start, "end": end}


def extract_document(doc: Document) -> Extraction:
    """The records of one read document, with their provenance."""
    # Front matter is data about the document, not its text: blanked (keeping every
    # offset, for provenance) before the layout is read.
    front, front_end = front_matter.front_matter(doc.text)
    text = re.sub(r"[^\n]", " ", doc.text[:front_end]) + doc.text[front_end:]
    blocks = layout.parse(text)
    header = meetings.read_header(blocks)
    front_matter.apply_front_matter(header, front)
    # An agenda pack's enclosed minutes of an earlier meeting are not this meeting's.
    blocks = blocks[: meetings.pack_end(blocks, header.date)]
    context = as_date(header.date)
    prov = _Provenance(doc)
    records: dict[str, list] = {k: [] for k in KINDS}

    # Every recogniser looks everywhere; the kind follows from what they found.
    entries, used = recommendations.find_numbered(blocks)
    # What a meeting resolved to recommend to another body.
    resolved, resolved_paras = reports.find_resolved(blocks)
    used |= resolved_paras
    has_responses = any(e.responses for e in entries)
    attendees, listed_chair = attendees_mod.find_attendees(blocks)
    if not attendees:
        attendees, listed_chair = front_matter.front_attendees(doc.text)
    timed = agenda.find_agenda(blocks, People(), timed_only=True)
    timed_only = any(i.start for i in timed)
    year = context.year if context else None
    people = People()
    for record, _seg in attendees:
        people.add(record["name"])
    items = agenda.find_agenda(blocks, people, timed_only=timed_only, year=year)
    evidence = meeting_evidence(blocks, header, front, attendees, items)
    meeting_doc = not has_responses and sum(e.strength for e in evidence) >= 2
    # A report states recommendations in its running text; in minutes such sentences
    # report what a meeting resolved, and in a response they quote the report.
    unnumbered = [] if has_responses or meeting_doc else reports.find_unnumbered(blocks, used)

    # Recommendations and what answers them.
    for e in entries:
        records["recommendations"].append(e.record())
        where = prov.where(e.segs) or {}
        where["responses"] = [
            prov.where(
                [r.label, *[p.seg for p in r.paras]] if r.label else [p.seg for p in r.paras]
            )
            for r in e.responses
            if r.text
        ]
        prov.out["recommendations"].append(where)
    for u in [*unnumbered, *resolved]:
        records["recommendations"].append(u.record())
        prov.out["recommendations"].append(prov.where(u.seg))

    # Meeting records: kept where the evidence says the document is a meeting's; in a
    # report, numbered headings are its sections and named people are not present.
    chair = header.chair
    if meeting_doc:
        for record, seg in attendees:
            records["attendees"].append(record)
            prov.out["attendees"].append(prov.where(seg))
        chair = chair or listed_chair
        for item in items:
            records["agenda_items"].append(item.record())
            prov.out["agenda_items"].append(prov.where(item.seg))
    else:
        people = People()

    asked = questions.find_questions(blocks) + exchanges.find_exchanges(blocks, people, used)
    for q in asked:
        records["questions"].append(q.record())
        prov.out["questions"].append(prov.where(q.seg()))

    owner_chair = strip_titles(chair) if chair else None
    for a in actions_mod.find_actions(
        blocks, people, context, meeting=meeting_doc, skip=used, chair=owner_chair
    ):
        records["actions"].append(a.record())
        prov.out["actions"].append(prov.where(a.seg))

    # Commitments: from responses, or from a report's own text.
    passages: list[commitments_mod.Passage] = []
    if has_responses:
        passages = _response_passages(entries)
    elif entries or unnumbered:
        rec_spans = {u.seg.span() for u in unnumbered}
        text_paras = [
            p
            for p in layout.flatten(blocks)
            if id(p) not in used and not p.heading and p.seg.span() not in rec_spans
        ]
        passages = [commitments_mod.Passage(text_paras, [])]
    if not meeting_doc:
        # What a council answers to questions put to it promises too (not in minutes,
        # where answers are reported speech).
        passages += [
            commitments_mod.Passage([layout.Para(s) for s in q.answer], [])
            for q in asked
            if q.answer
        ]
    for c in commitments_mod.find_commitments(passages, context):
        records["commitments"].append(c.record())
        prov.out["commitments"].append(prov.where(c.seg))

    kind = _kind(has_responses, bool(entries or unnumbered), meeting_doc, records, blocks, header)
    title = clean_title(header.title_text or (header.title.text if header.title else ""))
    title = title or None
    meeting = None
    # The meeting a response or report was written for, where its header names one.
    if meeting_doc or header.labelled_meeting or header.body:
        meeting = {
            "body": header.body,
            "date": header.meeting_date or header.date,
            "start": header.start,
            "end": header.end,
            "venue": header.venue,
            "chair": strip_titles(chair) if chair else None,
        }
    data = {
        "schema": SCHEMA,
        "document": {"title": title, "kind": kind, "date": header.date},
        "meeting": meeting,
        **records,
    }
    prov.out["document"] = [prov.where(header.title.seg) if header.title else None]
    prov.out["meeting"] = [prov.where(header.date_seg) if meeting else None]
    return Extraction(data, doc.text, list(doc.page_starts), doc.source_name, prov.out)


def _response_passages(entries: list[recommendations.Entry]) -> list[commitments_mod.Passage]:
    """One passage per response; a response several recommendations share is read once,
    each promise going to the recommendation it answers."""
    shared: dict[tuple[int, ...], commitments_mod.Passage] = {}
    out: list[commitments_mod.Passage] = []
    for e in entries:
        answer = (e.number, " ".join([e.title or "", *(p.text for p in e.text)]))
        for r in e.responses:
            key = tuple(id(p) for p in r.paras)
            if key in shared:
                shared[key].answers.append(answer)
                continue
            shared[key] = commitments_mod.Passage(r.paras, [answer], e.timescale)
            out.append(shared[key])
    return out


@dataclass
class Evidence:
    """What one recogniser found that marks a meeting's papers: how many, how strong
    (1: a hint a report may share, 2: printed only in agendas and minutes)."""

    cue: str
    count: int
    strength: int


# "Minutes of the ...", "Extract from the minutes of ...", "Notes of the meeting of ...".
_MEETING_TITLE = re.compile(
    r"^(?:(?:draft|unconfirmed|confirmed)\s+)?(?:(?:extract|excerpt)s?\s+(?:from|of)\s+"
    r"(?:the\s+)?)?(?:minutes|notes|action notes|agenda)\s+(?:(?:extract|excerpt|except)\s+)?"
    r"(?:of|for|from)\s+(?:the\s+|a\s+)?\S",
    re.I,
)


def meeting_evidence(
    blocks: list[layout.Block],
    header: meetings.Header,
    front: dict[str, str],
    attendees: list,
    items: list[agenda.AgendaItem],
) -> list[Evidence]:
    """The evidence that a document is an agenda or minutes. Numbered headings alone are
    none (reports number their sections); a meeting's header (date with a time or a
    venue) is a hint; an attendee list, items marked or timed or listed under
    "Agenda", an "Agenda"/"Minutes" heading, or a meeting's front matter are strong."""
    found: list[Evidence] = []
    if attendees:
        found.append(Evidence("attendees", len(attendees), 2))
    strong = sum(1 for i in items if i.strong)
    if strong:
        found.append(Evidence("agenda items", strong, 2 if strong >= 2 else 1))
    if any(_MEETING_TITLE.match(p.text) for p in layout.flatten(blocks[:4])):
        found.append(Evidence("minutes or agenda title", 1, 2))
    elif agenda.looks_like_agenda_doc(blocks):
        found.append(Evidence("agenda or minutes heading", 1, 2))
    if front and (front.get("start") or front.get("end")) and header.date:
        found.append(Evidence("front matter of a meeting", 1, 2))
    if header.date and (header.start or header.venue) and not header.labelled_meeting:
        found.append(Evidence("meeting header", 1, 1))
    return found


_NOTES = re.compile(
    r"^(?:key points|notes?|discussion|summary of discussion|resolved|agreed|decisions?"
    r"|outcomes?|present|update)\s*:|^RESOLVED\b",
    re.I,
)


_MINUTES_HEADING = re.compile(r"^(?:minutes|notes|action notes|meeting notes)$", re.I)


def _kind(
    has_responses: bool,
    has_recommendations: bool,
    meeting_doc: bool,
    records: dict,
    blocks: list[layout.Block],
    header: meetings.Header,
) -> str:
    """The document's kind (see the module docstring). An agenda becomes minutes when it
    records what was said or agreed: actions, "Key points:", "RESOLVED", "Present:"."""
    if has_responses:
        return "scrutiny_response"
    if meeting_doc:
        title = header.title.text if header.title else ""
        notes = (
            bool(records["actions"])
            or re.search(r"\b(?:minutes|notes)\b", title, re.I)
            or any(
                _NOTES.match(p.text) or (p.heading and _MINUTES_HEADING.match(p.text))
                for p in layout.flatten(blocks)
            )
        )
        return "minutes" if notes else "agenda"
    if has_recommendations:
        return "scrutiny_report"
    return "other"
