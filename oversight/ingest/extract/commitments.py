"""Commitments: what a response promises to do from now on.

A commitment is a sentence of a response (or, in a report with no responses, of its
running text) that promises: "will", "shall", "is to be", "is to form", "is planned
for", "planned to", "it is our intention to", "are happy to", "is committed to", "is
required to", "decided to". Each is kept once, linked to the recommendation it answers,
with `due`: the calendar date it names ("by 1 April 2020", "commencing on 1/4/2020",
"planned for the meeting in March 2020" gives "2020-03").

Not commitments, so not taken:
- what has already happened or is only reported ("On 19 October 2019 the government
  announced that funding will ..."), a sentence that only describes ("there will be the
  opportunity", "oversight will be via the panel", "Their role is to ...", "officers
  will be expected to"), a sentence introducing a list ("The analysis will include:");
- a sentence that only elaborates ongoing work ("The Council is currently carrying out
  a review ... This review will be undertaken with ...").
Not due dates: a funding end ("funding available to 31st March 2021", "funded by VRU to
31/3/21"), a past event ("following the meeting in June 2021", "In September 2022 the
Cabinet agreed a plan, which will ..."), a financial year ("2021/22") or a year alone.
A report's paragraph number ("2.2 ") is not part of the promise.

A promise whose sentence opens with what does not promise ("With regards to X, the
Council is reviewing Y; this recommendation will be considered ...") is cut to the
clause that promises; a following "This will ..." sentence is joined to the promise it
continues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import dates
from .layout import Para
from .text import Seg, ends_sentence, norm, sentences, words

_MARKER = re.compile(
    r"\b(?:will|shall|(?:is|are) to (?!the\b|a\b|an\b)\w+|(?:is|are) (?:planned|scheduled|due)"
    r" (?:to|for)|planned (?:to|for)|plans to|planning to|intends? to|intention (?:is )?to"
    r"|it is our intention|(?:am|is|are) (?:very )?happy to|(?:is|are|am) committed to"
    r"|commits? to|undertakes? to|(?:is|are) (?:now )?required to|decided to|has agreed to"
    r"|have agreed to|going to)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:announced|said|stated|reported|confirmed|heard|told|explained|noted|indicated"
    r"|advised|informed|mentioned|suggested)\b",
    re.I,
)
_DESCRIPTIVE = re.compile(
    r"\bthere will be\b|\bwill (?:\w+ly\s+)?be (?:via|through|in place|subject to|dependent on)\b"
    r"|\bwill be expected to\b|\b(?:role|aim|purpose|remit|function|objective|ambition|vision"
    r"|job|task|duty|responsibility|focus)s? (?:is|are|was|were) to\b",
    re.I,
)
_ONGOING = re.compile(r"\b(?:currently|(?:is|are) (?:\w+ly\s+)?\w+ing\b)", re.I)
_ANAPHORIC_SUBJECT = re.compile(
    r"^(?:this|these|that|the|such)\s+((?:\w+\s+){0,3}?\w*)\s*(?:will|is to|are to)\b", re.I
)
_CONTINUES = re.compile(r"^(?:this|it|these|they)\s+(?:will|shall|would)\b", re.I)
_CLAUSE = re.compile(r";\s+|,\s+(?:but|however|and so|so)\s+")
_INTRO = re.compile(
    r"^(?:in terms of|with regards? to|in addition to|as part of|in response to|further to"
    r"|following|in light of|in order to|given)\b[^,]{20,},\s+",
    re.I,
)
_FUNDING_END = re.compile(
    r"\bfund(?:ed|ing)\b[^.;]{0,60}?\b(?:to|until|till|up to|ending|ends?)\s+$", re.I
)
_PAST_VERB = re.compile(
    r"\b(?:agreed|approved|announced|decided|launched|published|received|held|began|started"
    r"|opened|closed|was|were|had|took place)\b",
    re.I,
)
# "2.2 " before a paragraph: its number in the report, not part of the promise.
_PARA_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+")
_PAST_EVENT = re.compile(
    r"\b(?:following|since|after|last|held|took place|was|were|has been|have been|shared"
    r"|announced)\b[^.;]{0,40}?\b(?:in|on)\s+(?:the\s+)?$"
    r"|\bsince\s+(?:the\s+)?(?:(?:start|end|beginning) of\s+)?$",  # "in place since June 2024"
    re.I,
)


@dataclass
class Commitment:
    seg: Seg
    due: str | None
    recommendation: str | None

    def record(self) -> dict:
        return {
            "text": " ".join(self.seg.text.split()),
            "due": self.due,
            "recommendation": (
                self.recommendation
                if self.recommendation and re.fullmatch(r"\d+[a-z]?", self.recommendation)
                else None
            ),
        }


_DETERMINER = frozenset(
    """
    a an and any current future her his its new of our the their these those whose with your
    """.split()
)


def _promises(sentence: str) -> bool:
    # A "sentence" of thousands of characters is notes run together, not a promise:
    # reading only its start keeps the cost of the patterns bounded.
    sentence = sentence[:800]
    if sentence.rstrip().endswith((":", "?")) or _DESCRIPTIVE.search(sentence):
        return False
    for m in _MARKER.finditer(sentence):
        before = sentence[: m.start()].split()
        if (
            m.group(0).casefold().startswith("plan")
            and before
            and before[-1].casefold() in _DETERMINER
        ):
            continue  # "their plans to ...": a noun, not a promise
        return not _REPORTED.search(sentence[: m.start()])
    return False


def _elaborates(sentence: str, previous: str | None) -> bool:
    """More about work already under way, not a new promise: "This review will ..." after
    "X is currently carrying out a review ...". The subject's words are compared by
    stem, so "This review" follows "is currently reviewing"."""
    if not previous or _MARKER.search(previous) or not _ONGOING.search(previous):
        return False
    m = _ANAPHORIC_SUBJECT.match(sentence)
    if not m:
        return False
    subject = set(words(m.group(1))) - {"will", "is", "are", "to"}
    stems = {w[:5] for w in words(previous) if len(w) >= 4}
    return any(w[:5] in stems for w in subject if len(w) >= 4)


def _promising_part(sentence: Seg) -> Seg:
    """The clause that promises, without an opening that does not."""
    parts = []
    last = 0
    for m in _CLAUSE.finditer(sentence.text):
        parts.append((last, m.start()))
        last = m.end()
    parts.append((last, len(sentence.text)))
    if len(parts) > 1:
        for start, end in parts:
            if _MARKER.search(sentence.text[start:end]):
                sentence = sentence[start:]
                break
    if (m := _INTRO.match(sentence.text)) and len(m.group(0).split()) >= 8:
        rest = sentence[m.end() :]
        if _MARKER.search(rest.text):
            sentence = rest
    return sentence


def due_date(text: str, context: date | None) -> str | None:
    """The calendar date a promise names, if any (see the module docstring)."""
    promise = _MARKER.search(text)
    for hit in dates.find_dates(text, context, ahead=True):
        before = text[max(0, hit.start - 80) : hit.start]
        if _FUNDING_END.search(before) or _PAST_EVENT.search(before):
            continue
        if (
            promise
            and hit.end <= promise.start()
            and _PAST_VERB.search(text, hit.end, promise.start())
        ):
            continue  # "In September 2022 the Cabinet agreed a plan, which will ..."
        if re.search(r"\bfunded\b[^()]*$", before) and "(" in before:
            continue
        return hit.value
    return None


_CUT_WORDS = frozenset(
    """
    a an and are as at be been by for from has have in into is its not of on or our than that
    the their these this those to was were which who will with would
    """.split()
)


def _joined(paras: list[Para]) -> list[Seg]:
    """Paragraphs, a paragraph cut mid-sentence (by a page or a cell) joined to the next:
    the next starts in lower case, or this one stops on a comma or a word that cannot end
    a sentence ("the", "to", "will"). A line that merely lacks a full stop is a heading
    or a link, not a cut sentence."""
    out: list[Seg] = []
    for p in paras:
        prev = out[-1].text.rstrip() if out else ""
        last = prev.rsplit(None, 1)[-1].casefold() if prev else ""
        if (
            prev
            and not ends_sentence(prev)
            and not p.bullet
            and (p.text[:1].islower() or prev.endswith((",", "-", "–")) or last in _CUT_WORDS)
        ):
            out[-1] = Seg.join([out[-1], p.seg], " ")
        else:
            out.append(p.seg)
    return out


def find_commitments(
    passages: list[tuple[list[Para], str | None, str]], context: date | None
) -> list[Commitment]:
    """Commitments in response texts, each passage with the recommendation it answers
    and the text of its table's timescale column (the due date of a promise that names
    none itself)."""
    out: list[Commitment] = []
    seen: set[tuple[str | None, str]] = set()
    for paras, recommendation, timescale in passages:
        default_due = due_date(timescale, context) if timescale else None
        previous: str | None = None
        last: Commitment | None = None
        for seg in _joined(paras):
            for sentence in sentences(seg):
                text = sentence.text
                if last is not None and _CONTINUES.match(text) and previous == last.seg.text:
                    last.seg = Seg.join([last.seg, sentence], " ")
                    last.due = last.due or due_date(text, context)
                    previous = last.seg.text
                    continue
                if _promises(text) and not _elaborates(text, previous):
                    part = _promising_part(sentence)
                    if m := _PARA_NUMBER.match(part.text):
                        part = part[m.end() :]
                    key = (recommendation, norm(part.text))
                    if key not in seen:
                        seen.add(key)
                        due = due_date(part.text, context) or default_due
                        last = Commitment(part, due, recommendation)
                        out.append(last)
                        previous = part.text
                        continue
                last = None
                previous = text
    return out
