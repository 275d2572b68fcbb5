"""Recommendations and the responses to them.

Numbered recommendations come from headings ("Recommendation 3 – Title",
"Recommendation Seven", "R3:") at the start of a table's left cell or of a paragraph:

- in a table, the left cell holds the heading, then the recommendation's text; the
  right cell holds the response. A row without a heading continues the row before it
  (a row broken across pages, whose first cell may be empty). Paragraphs that lost their
  table layout after a row go to the left cell while it is mid-sentence or while they
  speak as the commission ("We ask ...", "We feel ..."), and to the response after;
- in running text, paragraphs after the heading are the recommendation's text until a
  response label ("Response", "Response (Cllr X, Chair, Y Commission):", "MPS
  response:"), and the response's after it;
- a heading that states the recommendation itself ("R3 That the Council ...") has no
  title: its words are the recommendation's text;
- a short line of bodies right under the heading ("Metropolitan Police Service and
  MOPAC", "For: MPS") gives the addressees;
- a response is split where a paragraph starts with a responder's label ("MPS:",
  "MOPAC:", "Hackney Education (HE):"); `responder` is that label, or null;
- a recommendation printed again (in an appendix) with another response is merged with
  the first: its responses are added, the first's title and text kept;
- a heading that gives a verdict ("5.2 Recommendation 2 – Agreed. ...") opens the
  response to a recommendation stated earlier in a numbered list, whose text it takes.
A heading, an appendix or a numbered section ends the recommendation before it.
Headings and what ends a recommendation: `recommendation_headings`; the columns of a
table of recommendations: `recommendation_tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import reports
from .dates import number_token
from .layout import Block, Para, Row, flatten, join_paras
from .quoted import (
    ANSWER,
    PARAGRAPH_REFERENCE,
    RESPONDS,
    Group,
    group_heading,
    paragraph_number,
    recommends,
    same_series,
)
from .recommendation_headings import (
    TERMINATOR,
    addressees_in,
    ends_entry,
    rec_heading,
    several_numbers,
)
from .recommendation_tables import NUMBERED, NUMBERED_ASK, header_columns, row_parts
from .responses import (
    BARE_VERDICT,
    Response,
    label_answers,
    responder_label,
    response_label,
    split_responders,
    strip_label,
)
from .text import Seg, ends_sentence, norm, squash

_VOICE = re.compile(
    r"^(?:we|the (?:commission|committee|panel|review|board))\s+(?:also\s+|would\s+|therefore\s+)?"
    r"(?:ask|asks|feel|felt|heard|hear|recommend|suggest|note|noted|call|welcome|welcomed|urge"
    r"|believe|saw|see|found|consider|want|would|request|propose|think|are|were|have|had)\b",
    re.I,
)
# A response that opens with its verdict, where no label says "Response".
_VERDICT = re.compile(
    r"^(?:agreed|accepted|partially (?:agreed|accepted)|not (?:agreed|accepted)|rejected"
    r"|supported|agree|accept)\b(?:[.:;,]|\s+[-–—]|\s+(?:in (?:full|part|principle)))",
    re.I,
)
# A recommendation's own wording, not a title: "That the Council ...", "We recommend".
_STATED = re.compile(r"^(?:that|we (?:recommend|ask|suggest|call))\b", re.I)


@dataclass
class Entry:
    number: str | None
    layout: str  # "row" or "plain"
    title: str | None = None
    text: list[Para] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    side: str = "left"
    segs: list[Seg] = field(default_factory=list)
    timescale: str = ""  # a "Timescale" column's text: the due date of its promises

    def record(self) -> dict:
        text = join_paras(self.text) or self.title or ""
        return {
            "number": contract_number(self.number),
            "title": self.title,
            "text": text,
            "addressees": self.addressees,
            "responses": [
                {"responder": r.responder, "text": r.text} for r in self.responses if r.text
            ],
        }


def contract_number(number: str | None) -> str | None:
    """The contract numbers recommendations with digits ("7", "7a"); a report's
    paragraph number ("8.26") is kept for reading the document, not given as one."""
    return number if number and re.fullmatch(r"\d+[a-z]?", number) else None


class _Reader:
    """Walks the blocks once, opening an Entry at each recommendation heading."""

    def __init__(self):
        self.entries: list[Entry] = []
        self.current: Entry | None = None
        self.used: set[int] = set()
        # Set by a "Recommendation | Response" header row: the columns of its table.
        self.columns: dict[str, list[int]] | None = None
        # Recommendations quoted under a heading, answered together (quoted.py).
        self.group: Group | None = None
        # The document ends its recommendations on their paragraph references.
        self.references = False
        # The document answers recommendations (a verdict, "The Department accepts"):
        # only then are recommendations quoted under a heading read with their answers.
        self.answering = False

    def close(self) -> None:
        self.current = None
        self.group = None

    def open(self, number: str, title: str, seg: Seg, layout: str) -> Entry:
        entry = Entry(number, layout, title=title or None, segs=[seg])
        if title.startswith("(") and title.endswith(")") and (bodies := addressees_in(title)):
            entry.title, entry.addressees = None, bodies
        elif _VERDICT.match(title):
            # "Recommendation 2 – Agreed. The penalty will rise ...": a response that
            # refers back to a recommendation stated earlier (see `_listed_texts`).
            at = seg.text.find(title)
            entry.title = None
            entry.side = "right"
            self.add_right(entry, Para(seg[at:] if at >= 0 else seg))
        elif _STATED.match(title) or (ends_sentence(title) and len(title.split()) > 15):
            # "R3 That the Council commissions ...": the heading holds the text itself.
            at = seg.text.find(title)
            entry.title = None
            entry.text = [Para(seg[at:] if at >= 0 else seg)]
        self.entries.append(entry)
        self.current = entry
        return entry

    def add_left(self, entry: Entry, p: Para) -> None:
        if not entry.text and not entry.responses:
            text = p.text
            if (
                entry.title
                and not ends_sentence(entry.title)
                and text[:1].islower()
                and len(entry.segs) <= 2
            ):
                entry.title = squash(f"{entry.title} {text}")  # a title wrapped onto a new line
                return
            bodies = addressees_in(text)
            if bodies and len(text.split()) <= 12 and not entry.addressees:
                entry.addressees = bodies
                return
            if (
                entry.title is None
                and len(text.split()) <= 15
                and (p.heading or not ends_sentence(text))
            ):
                entry.title = squash(text).rstrip(" :")
                return
        entry.text.append(p)

    def add_right(self, entry: Entry, p: Para) -> None:
        label = response_label(p.text)
        if label is not None:
            who, rest = label
            entry.responses.append(Response(who, [], p.seg, answers=label_answers(p.text)))
            if BARE_VERDICT.match(rest):
                entry.responses[-1].verdict = strip_label(p, rest)
            elif rest:
                entry.responses[-1].paras.append(strip_label(p, rest))
            entry.side = "right"
            return
        if not entry.responses:
            entry.responses.append(Response(None, [], p.seg))
        entry.responses[-1].paras.append(p)

    def row(self, row: Row) -> None:
        if not row.filled():
            return
        self.group = None  # a table ends recommendations quoted in running text
        if (cols := header_columns(row)) is not None:
            self.columns = cols
            self.close()
            return
        number, left, right, addressees, timescale = row_parts(row, self.columns)
        head = rec_heading(left[0].text) if left else None
        if (
            head is None
            and left
            and right
            and not self.columns
            and NUMBERED_ASK.match(left[0].text)
        ):
            # No header, but "3. We recommend that ..." beside a response.
            m = NUMBERED.match(left[0].text)
            number = number_token(m.group(1))
            left = [strip_label(left[0], left[0].text[m.end() :]), *left[1:]]
        elif head is None and left and self.columns and (m := NUMBERED.match(left[0].text)):
            number = number or number_token(m.group(1))
            left = [strip_label(left[0], left[0].text[m.end() :]), *left[1:]]
        entry = self.current
        if head or number or (self.columns and left and self._new_row(left)):
            title = head[1] if head else ""
            entry = self.open(
                head[0] if head else number, title, left[0].seg if head else row.seg, "row"
            )
            if head:
                left = left[1:]
        elif entry is None:
            return
        elif entry.layout == "plain":
            for p in [*left, *right]:
                self.para(p)
            return
        elif len(row.filled()) == 1 and left and ends_entry(left[0]):
            self.close()
            return
        entry.segs.append(row.seg)
        entry.timescale = f"{entry.timescale} {timescale}".strip()
        for name in addressees:
            if name not in entry.addressees:
                entry.addressees.append(name)
        for p in left:
            self.add_left(entry, p)
            self.used.add(id(p))
        for p in right:
            self.add_right(entry, p)
            self.used.add(id(p))
        entry.side = (
            "left"
            if left and not ends_sentence(left[-1].text)
            else ("right" if entry.responses else "left")
        )

    def _new_row(self, left: list[Para]) -> bool:
        """In a table with a header, a row whose recommendation cell starts afresh (the
        one before ended its sentence, this one starts with a capital) is a new one."""
        entry = self.current
        if entry is None or entry.layout != "row":
            return True
        last = entry.text[-1].text if entry.text else ""
        return ends_sentence(last) and left[0].text[:1].isupper()

    def para(self, p: Para, *, row_ahead: bool = True, ahead: Para | None = None) -> None:
        if self.answering and (numbers := several_numbers(p.text)):
            self.close()
            self.group = Group(numbered=True, references=self.references)
            for number in numbers:
                self.group.entries.append(self._quoted(number, None, p.seg))
            self.used.add(id(p))
            return
        head = rec_heading(p.text)
        if head:
            self.close()
            self.open(head[0], head[1], p.seg, "plain")
            self.used.add(id(p))
            return
        if self.answering and group_heading(p):
            self.close()
            self.group = Group(references=self.references)
            self.used.add(id(p))
            return
        if self.group is not None:
            if self._in_group(p, ahead):
                self.used.add(id(p))
                return
            self.group = None
        entry = self.current
        if entry is None:
            if self.answering and self._opens_group(p, ahead):
                self.group = Group(references=self.references)
                self._in_group(p, ahead)
                self.used.add(id(p))
            return
        if ends_entry(p) or (entry.layout == "row" and not row_ahead):
            # A paragraph after a table's last row is past the table.
            self.close()
            self.columns = None
            return
        self.used.add(id(p))
        entry.segs.append(p.seg)
        if response_label(p.text) is not None or (entry.text and responder_label(p.text)):
            entry.side = "right"
            self.add_right(entry, p)
            return
        if entry.layout == "plain":
            if (
                entry.side == "left"
                and entry.text
                and (
                    _VERDICT.match(p.text)
                    or (ends_sentence(entry.text[-1].text) and ANSWER.match(p.text))
                    # A recommendation quoted in bold, answered in plain text.
                    or (entry.text[-1].heading and not p.heading and not p.bullet)
                )
            ):
                entry.side = "right"
            if entry.side == "left":
                self.add_left(entry, p)
            else:
                self.add_right(entry, p)
            return
        # A paragraph that lost its table layout: left while the commission speaks.
        last_left = entry.text[-1].text if entry.text else ""
        if entry.side == "left" and (
            (last_left and not ends_sentence(last_left))
            or p.text[:1].islower()
            or _VOICE.match(p.text)
        ):
            self.add_left(entry, p)
        else:
            entry.side = "right"
            self.add_right(entry, p)

    def _quoted(self, number: str | None, p: Para | None, seg: Seg) -> Entry:
        entry = Entry(number, "plain", text=[p] if p else [], segs=[seg])
        self.entries.append(entry)
        return entry

    def _in_group(self, p: Para, ahead: Para | None = None) -> bool:
        """Read `p` as part of the quoted group; False when it ends the group."""
        g = self.group
        assert g is not None
        if TERMINATOR.match(p.text) or (ends_entry(p) and not ANSWER.match(p.text)):
            return False
        numbered = paragraph_number(p.text)
        if g.response is not None:
            if numbered and g.last_number and same_series(numbered[0], g.last_number):
                # The next recommendation, its heading not printed (or lost).
                self.group = Group(references=self.references)
                return self._in_group(p, ahead)
            g.answer(p)
            return True
        if numbered and (g.numbered or not g.entries):
            number, rest = numbered
            text = strip_label(p, rest)
            waiting = [e for e in g.entries if e.number == number and not e.text]
            if waiting:
                waiting[0].text = [text]
                g.current = waiting[0]
            else:
                g.current = self._quoted(number, text, p.seg)
                g.entries.append(g.current)
            g.numbered = True
            g.last_number = number
            return True
        if g.current is None:
            if ahead is not None and paragraph_number(ahead.text) and _title_line(p.text):
                return True  # a title over the numbered recommendation
            if ANSWER.match(p.text) or response_label(p.text) is not None:
                if not g.entries:
                    return False
                g.answer(p)  # "Recommendations 3 and 4" answered with no quotation
                return True
            g.current = self._quoted(None, p, p.seg)
            g.entries.append(g.current)
            return True
        in_list = bool(g.current.text and g.current.text[-1].bullet and ahead and ahead.bullet)
        if g.continues(p) or in_list:
            g.current.text.append(p)
            g.current.segs.append(p.seg)
            return True
        g.answer(p)
        for e in g.entries:
            e.segs.append(p.seg)
        return True

    def _opens_group(self, p: Para, ahead: Para | None) -> bool:
        """A numbered paragraph that recommends, and ends on its paragraph reference or
        is answered by the next paragraph, opens a quoted group with no heading."""
        numbered = paragraph_number(p.text)
        if not numbered or not recommends(numbered[1]):
            return False
        if self.references and PARAGRAPH_REFERENCE.search(p.text):
            return True
        return (
            ahead is not None
            and paragraph_number(ahead.text) is None
            and (ANSWER.match(ahead.text) is not None or response_label(ahead.text) is not None)
        )


def _merge(entries: list[Entry]) -> list[Entry]:
    """Each number once: a repeat adds its responses to the first."""
    by_number: dict[str, Entry] = {}
    out: list[Entry] = []
    for e in entries:
        first = by_number.get(e.number) if e.number else None
        if first is not None and first.text and e.text and not _same_text(first, e):
            first = None  # one number printed twice on two recommendations: both kept
            out.append(e)
            continue
        if first is None:
            if e.number:
                by_number[e.number] = e
            out.append(e)
            continue
        first.timescale = first.timescale or e.timescale
        if not first.text and e.text:
            first.text = e.text
        first.title = first.title or e.title
        first.addressees = first.addressees or e.addressees
        have = {norm(r.text[:300])[:200] for r in first.responses}
        for r in e.responses:
            if norm(r.text[:300])[:200] not in have:
                first.responses.append(r)
        first.segs.extend(e.segs)
    return out


def _title_line(text: str) -> bool:
    return len(text.split()) <= 12 and not ends_sentence(text) and text[:1].isupper()


def _same_text(a: Entry, b: Entry) -> bool:
    """Most of one recommendation's words are in the other's."""
    wa = set(norm(join_paras(a.text)).split())
    wb = set(norm(join_paras(b.text)).split())
    return bool(wa and wb) and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def find_numbered(blocks: list[Block]) -> tuple[list[Entry], set[int]]:
    """Numbered recommendations and the ids of the paragraphs they took."""
    reader = _Reader()
    # Paragraphs between two rows of a table lost their layout at a page break; after
    # the table's last row (before the next heading) they are the document's own.
    row_ahead = [False] * len(blocks)
    ahead = False
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        row_ahead[i] = ahead
        if isinstance(b, Row):
            ahead = True
        elif ends_entry(b) or rec_heading(b.text):
            ahead = False
    reader.references = (
        sum(
            1
            for b in blocks
            if isinstance(b, Para)
            and paragraph_number(b.text)
            and PARAGRAPH_REFERENCE.search(b.text)
        )
        >= 2
    )
    reader.answering = reader.references or any(
        RESPONDS.match(p.text) for p in flatten(blocks) if not paragraph_number(p.text)
    )
    for i, b in enumerate(blocks):
        if isinstance(b, Row):
            reader.row(b)
        else:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            reader.para(b, row_ahead=row_ahead[i], ahead=nxt if isinstance(nxt, Para) else None)
    numbered = {e.number: e for e in reader.entries if e.number}
    for e in reader.entries:
        for r in e.responses:
            # a response naming the recommendations it answers goes to each still unanswered
            for other in (numbered.get(n) for n in r.answers):
                if other is not None and not other.responses:
                    other.responses.append(r)
    for e in reader.entries:
        e.responses = split_responders(e.responses)
    merged = _merge(reader.entries)
    if any(e.responses and not (e.text or e.title) for e in merged):
        _listed_texts(merged, blocks, reader.used)
    entries = [e for e in merged if e.text or e.title]
    return entries, reader.used


def _listed_texts(entries: list[Entry], blocks: list[Block], used: set[int]) -> None:
    """Give responses that name only their recommendation's number ("5.1 Recommendation
    1 – Agreed. ...") the text of that recommendation from the numbered list where the
    document states them ("The Group made the following recommendations: 1. That ...")."""
    listed: dict[str, reports.Unnumbered] = {}
    for u in reports.find_unnumbered(blocks, used):
        if u.number:
            listed.setdefault(u.number, u)
    for e in entries:
        if e.responses and not (e.text or e.title) and (u := listed.get(e.number)):
            e.text = [Para(u.seg)]
            e.segs.insert(0, u.seg)
