"""Questions put to a body, with the answers given.

A question starts at a label ("Question 1:", "Q1.", "Q:", "Question (from Cllr X):",
"Question 3" alone on its line, "1. Question from Cllr X to the Leader" alone on its
line) and runs until an answer label ("Answer:", "A:",
"Response:", "Reply:", or "Response" alone, in bold or not); the answer runs
until the next question, a heading or another kind of label. In a table whose header
names a question and an answer column, each row is one question. Numbers are the
printed ones, else the question's position in the document. A "question" with neither a
question mark nor an answer is dropped: "Q1: April to June" names a quarter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import number_token
from .layout import Block, Para, Row
from .recommendation_headings import REC_HEADING
from .text import Seg, squash

_Q = re.compile(
    r"^(?:(?i:question)\s*(?P<num>\d{1,3}[a-z]?)?|Q\s*(?P<qnum>\d{1,3}[a-z]?)|Q)"
    r"\s*(?:\((?P<who>[^)]{2,80})\))?\s*(?:(?i:from)\s+[^:]{2,80}?)?\s*[:.)–—-]\s*(?P<rest>.*)$",
    re.S,
)
# "Question 3" or "Question 3 (Cllr Lee)" alone on its line, the question on the next.
_Q_ALONE = re.compile(r"^(?i:question)\s+(?P<num>\d{1,3}[a-z]?)\s*(?:\((?P<who>[^)]{2,80})\))?\s*$")
# "Q2 How many ...?" without a colon: only a question mark tells it from "Q2 Performance".
# A council's written questions: "1. Question from Councillor Ann Lee to the Cabinet
# Member for Housing" on a line of its own, the question under it.
_Q_FROM = re.compile(
    r"^(?:(?P<num>\d{1,3}[a-z]?)[.)]?\s+)?(?i:question)\s*(?P<qnum>\d{1,3}[a-z]?)?\s*[:.–—-]?\s*"
    r"(?i:from|by|asked by|submitted by)\s+[^?]{3,200}$"
)
_Q_NUMBERED = re.compile(r"^Q\s*(?P<qnum>\d{1,3}[a-z]?)\s+(?P<rest>[A-Z][^?]*\?.*)$", re.S)
_A = re.compile(
    r"^(?:(?i:answer|response|reply)\s*(?:\d{1,3}[a-z]?)?|A\s*\d{0,3})"
    r"\s*(?:\([^)]{2,80}\))?\s*(?:(?i:from)\s+[^:]{2,80}?)?\s*(?:[:.)–—-]\s*(?P<rest>.*)|$)",
    re.S,
)
_OTHER_LABEL = re.compile(
    r"^(?:actions?|update|recommendation\s+\S+|appendix|agreed|resolved)\b", re.I
)
_ITEM = re.compile(r"^(?:item\s+)?\d{1,2}[a-z]?[.)]?\s+[A-Z]", re.I)
_Q_HEADER = re.compile(r"^(?:questions?|question asked|public question)$", re.I)
_A_HEADER = re.compile(r"^(?:answers?|responses?|reply|replies|response given)$", re.I)
# Tables of what a consultation or a meeting raised, each row answered: "Issue raised |
# Response", "Consultation feedback | Draft council response", "You said | We did",
# "Comment | Officer response", "Theme | Our response".
_RAISED_HEADER = re.compile(
    r"\b(?:questions?|issues?|feedback|comments?|concerns?|themes?|points?|matters?"
    r"|quer(?:y|ies)|representations?|you said|objections?|suggestions?)\b",
    re.I,
)
_ANSWERED_HEADER = re.compile(
    r"\b(?:answers?|responses?|repl(?:y|ies)|we did|we will|what we did|officer comments?"
    r"|council(?:['’]s)? (?:view|position))\b",
    re.I,
)


def _columns(texts: list[str]) -> tuple[int, int, bool] | None:
    """(question column, answer column, whether the rows are numbered questions) of a
    table's header row; None when the row is no such header."""
    short = [len(t.split()) <= 8 for t in texts]
    q_col = next((i for i, t in enumerate(texts) if _Q_HEADER.match(t)), None)
    a_col = next((i for i, t in enumerate(texts) if _A_HEADER.match(t)), None)
    if q_col is not None and a_col is not None:
        return q_col, a_col, True
    a_col = next((i for i, t in enumerate(texts) if short[i] and _ANSWERED_HEADER.search(t)), None)
    if a_col is None:
        return None
    q_col = next(
        (
            i
            for i, t in enumerate(texts[:a_col])
            if short[i] and _RAISED_HEADER.search(t) and not _ANSWERED_HEADER.search(t)
        ),
        None,
    )
    return (q_col, a_col, False) if q_col is not None else None


@dataclass
class Question:
    number: str | None
    text: list[Seg] = field(default_factory=list)
    answer: list[Seg] = field(default_factory=list)

    def record(self) -> dict:
        text = squash(" ".join(s.text for s in self.text))
        answer = squash(" ".join(s.text for s in self.answer))
        return {"number": self.number, "text": text, "response": answer or None}

    def seg(self) -> Seg:
        return Seg.join([*self.text, *self.answer], " ")


def _question_start(text: str) -> tuple[str | None, str] | None:
    m = _Q.match(text) or _Q_NUMBERED.match(text) or _Q_ALONE.match(text) or _Q_FROM.match(text)
    if not m:
        return None
    num = m.groupdict().get("num") or m.groupdict().get("qnum")
    return (number_token(num) if num else None), (m.groupdict().get("rest") or "").strip()


def find_questions(blocks: list[Block]) -> list[Question]:
    out: list[Question] = []
    current: Question | None = None
    side = "q"
    columns: tuple[int, int, bool] | None = None

    def number(given: str | None) -> str:
        return given or str(len(out) + 1)

    for b in blocks:
        if isinstance(b, Row):
            texts = [t.strip() for t in b.texts]
            if (found := _columns(texts)) is not None:
                columns, current = found, None
                continue
            if b.first:
                # A table's own first row that is no question header: another table.
                columns = None
            if columns and max(columns[:2]) < len(b.cells):
                q_paras, a_paras = b.cells[columns[0]], b.cells[columns[1]]
                if q_paras:
                    first = _question_start(q_paras[0].text)
                    # Rows of feedback are numbered only where the paper numbers them.
                    given = first[0] if first else None
                    q = Question(number(given) if columns[2] else given)
                    q.text = [p.seg for p in q_paras]
                    q.answer = [p.seg for p in a_paras]
                    out.append(q)
                    current = q
                elif current and a_paras:
                    current.answer.extend(p.seg for p in a_paras)
                continue
            # A table that is no question table ends the question before it.
            current = None
            paras = [p for cell in b.cells for p in cell]
        else:
            if columns is not None:
                # The text after a question table is no part of its last row.
                columns, current = None, None
            paras = [b]
        for p in paras:
            current, side = _para(p, current, side, out, number)
    # A "question" with neither a question mark nor an answer is a label ("Q1: April to
    # June" is a quarter).
    return [q for q in out if q.text and (q.answer or any("?" in s.text for s in q.text))]


def _para(p: Para, current: Question | None, side: str, out: list[Question], number):
    text = p.text
    started = _question_start(text)
    if started is not None:
        if current is not None and not current.text and not current.answer and not started[0]:
            # "Question 2" on a line of its own, then "Question by Ms Carey to ...": one.
            if started[1]:
                current.text.append(p.seg[len(text) - len(started[1]) :])
            return current, "q"
        q = Question(number(started[0]))
        if started[1]:
            q.text.append(p.seg[len(text) - len(started[1]) :])
        out.append(q)
        return q, "q"
    if current is None:
        return None, side
    # Before the heading test: "**Response**" in bold on its own line labels the answer.
    if (m := _A.match(text)) and (side == "q" or not current.answer):
        rest = (m["rest"] or "").strip()
        if rest:
            current.answer.append(p.seg[len(text) - len(rest) :])
        return current, "a"
    if (
        p.heading
        or _OTHER_LABEL.match(text)
        or REC_HEADING.match(text)
        or (_ITEM.match(text) and len(text.split()) <= 12)
    ):
        return None, side
    (current.text if side == "q" else current.answer).append(p.seg)
    return current, side
