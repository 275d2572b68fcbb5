"""Commitments: what a response promises to do from now on.

A commitment is a sentence of a response (or, in a report with no responses, of its
running text) that promises: "will", "shall", "is to be", "is to form", "is planned
for", "planned to", "it is our intention to", "are happy to", "is committed to", "is
required to", "decided to"; and work under way that will serve ("We are developing a
network of mentors that will help ..."). Each is kept once (a shorter repeat of a
promise already found, as response tables print in row after row, is the same one),
linked to the recommendation it answers, with `due`: the calendar date it names ("by 1
April 2020", "commencing on 1/4/2020", "planned for the meeting in March 2020" gives
"2020-03").

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
from .text import Seg, ends_sentence, norm, sentences, squash, words

_MARKER = re.compile(
    r"\b(?:will|shall|(?:is|are) to (?!the\b|a\b|an\b)\w+|(?:is|are) (?:planned|scheduled|due)"
    r" (?:to|for)|planned (?:to|for)|plans to|planning to|intends? to|intention (?:is )?to"
    r"|(?:we|I|they)\s+plan to|it is our intention|(?:am|is|are) (?:very )?happy to"
    r"|(?:is|are|am) committed to"
    r"|commits? to|undertakes? to|(?:is|are) now required to|decided to|has agreed to"
    r"|have agreed to|going to"
    # "I have asked the Director of Highways to look further into this".
    r"|(?:have|has|I['’]ve|we['’]ve)\s+asked\s+(?:[\w’'-]+\s+){1,6}?to)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:announced|said|stated|reported|confirmed|heard|told|explained|noted|indicated"
    r"|advised|informed|mentioned|suggested|highlights|highlighted|states|says|finds|found"
    r"|shows|showed|warns|warned|argues|argued|claims|claimed)\b",
    re.I,
)
_DESCRIPTIVE = re.compile(
    r"\bthere will be\b|\bwill (?:\w+ly\s+)?be (?:via|through|in place|subject to|dependent on)\b"
    r"|\bwill be expected to\b|\b(?:role|aim|purpose|remit|function|objective|ambition|vision"
    r"|job|task|duty|responsibility|focus|scope)s?(?: of [\w’' -]{1,40}?)? (?:is|are|was|were) to\b"
    # "Part of the funding is to ensure ...": what a thing is for.
    r"|\b(?:is|are) to (?:ensure|enable|help|allow|support|provide|give|promote|encourage)\b",
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
    if (
        sentence.rstrip().endswith((":", "?"))
        or _DESCRIPTIVE.search(sentence)
        or _REGRET.match(sentence)
    ):
        return False
    for m in _MARKER.finditer(sentence):
        before = sentence[: m.start()]
        words_before = before.split()
        if (
            m.group(0).casefold().startswith("plan")
            and words_before
            and (
                words_before[-1].casefold() in _DETERMINER
                or re.match(r"plans? to be \w+ed\b", sentence[m.start() :], re.I)
            )
        ):
            continue  # "their plans to ...", "emergency plans to be created": a noun
        after = sentence[m.end() :]
        if _BUILDING.match(before) and _RELATIVE.search(before):
            return True  # "We are developing a network of mentors that will help ..."
        if _in_relative_clause(before, after) or _quoted(before):
            continue  # "new initiatives that will help us": it describes, not promises
        # "Funding for 80 places was confirmed, and the other 120 will be funded ...":
        # a report in an earlier clause leaves the promise in the last one standing.
        if _REPORTED.search(_LAST_CLAUSE.split(before)[-1]):
            return False
        if m.group(0).casefold() in ("will", "shall") and _predicts(before, after):
            continue
        return True
    return False


_LAST_CLAUSE = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+(?=the\b|we\b|it\b|they\b)", re.I)
# "Unfortunately, some vehicles will choose to ignore signs": a regret, not a promise.
_REGRET = re.compile(r"^(?:unfortunately|regrettably|sadly|inevitably)\b", re.I)
# "The Council agrees that it will ...", "NICE has confirmed that it plans to ...":
# a verb that reports a promise before "that"; any other "that" (a noun's) describes.
_THAT_REPORTS = frozenset(
    """
    agree agrees agreed confirm confirms confirmed undertake undertakes undertook promise
    promises promised commit commits committed understand understands understood expect
    expects expected anticipate anticipates ensure ensures decided decide decides hope hopes
    intend intends assure assures reassure reassured note notes noted can is are and so
    """.split()
)
_RELATIVE = re.compile(
    r"\b(?P<word>that|which|who)\s+(?:(?:also|in turn|then|inevitably)\s+)?$", re.I
)


_BUILDING = re.compile(r"^(?:we|I)\s+(?:are|am)\s+(?:also\s+|now\s+)?\w+ing\b", re.I)


def _in_relative_clause(before: str, after: str) -> bool:
    """The promise word is the verb of a clause describing a thing: "initiatives that
    will help us", "which will inevitably vary"; not "which we intend to" (someone's
    promise), nor "which will also be promoted" (something to be done)."""
    m = _RELATIVE.search(before)
    if not m or re.match(r"\s*(?:also\s+)?be\s+\w+(?:ed|en|wn|ne)\b", after):
        return False
    if m["word"].casefold() != "that":
        return True
    previous = before[: m.start()].split()
    return bool(previous) and previous[-1].casefold().strip(",") not in _THAT_REPORTS


def _quoted(before: str) -> bool:
    """Inside a quotation ("... highlights that: “parents will lack ...")."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Words after "will" that predict or describe rather than promise.
_NOT_SURE = frozenset(
    """
    often usually generally inevitably typically sometimes always likely probably rarely
    never undoubtedly invariably naturally normally obviously
    """.split()
)
# What a thing (not a person or body) "will" do: its effect, foreseen.
_EFFECTS = frozenset(
    """
    help helps allow enable mean have take come lead result remove vary lack choose impact
    affect benefit depend cost save mirror continue interfere alleviate assist make give
    ensure support reduce increase improve bring create change not still
    """.split()
)
# Who can promise: a person or a body, named, as "we", or by its initials ("KCC").
_ACTORS = frozenset(
    """
    we i us our officers officer staff team teams council councils department departments
    government ministry trust board partnership cabinet committee agency police mayor
    minister ministers secretary director manager managers workers commissioner commissioners
    authority authorities executive partners panel directorate office providers provider
    colleagues member members leader chair
    """.split()
)
_INITIALS = re.compile(r"[A-Z]{2,}|D[a-z][A-Z]")
_SKIP = frozenset("also therefore further then now in turn".split())
_FORESEEN = re.compile(
    r"^(?:also\s+)?have (?:a|an|no|some|little|any)\s+(?:\w+\s+)?(?:impact|effect|bearing)\b",
    re.I,
)


def _predicts(before: str, after: str) -> bool:
    """Does "will" foresee rather than promise? "will often need to", "will be able to",
    "it will be difficult to", "will have a dramatic impact"; and, for a thing as the
    subject ("the pledges will allow us ...", "the grant will also help ..."), an effect."""
    following = [w.casefold().strip(",") for w in after.split()[:6]]
    following = [w for w in following if w not in _SKIP]
    if not following:
        return False
    if following[0] in _NOT_SURE or following[:2] == ["need", "to"]:
        return True
    if following[:3] == ["be", "able", "to"] or _FORESEEN.match(after.strip()):
        return True
    clause = re.split(r"[;,]\s+|\b(?:and|but)\s+", before)[-1]
    if re.search(r"(?:^|\s)it\s*$", clause, re.I) and following[0] == "be":
        return True  # "it will be difficult to ..."
    if following[0] not in _EFFECTS:
        return False
    words = re.findall(r"[\w’']+", clause)
    actor = any(w.casefold() in _ACTORS or _INITIALS.fullmatch(w) for w in words)
    return not actor


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
    # A month alone after a deadline's word, read forward from the document's date:
    # "by the end of March", "will start in January" (none in an undated document).
    for m in _MONTH_DEADLINE.finditer(text):
        if month := dates.month_ahead(text[m.end() :], context):
            return month
    return None


_MONTH_DEADLINE = re.compile(
    r"\b(?:by|in|from|before|until|during|starting|start(?:ing)? in)\s+"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle) of\s+)?(?=[A-Z][a-z]+\b(?!\s+\d))"
)


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


def _repeats(promise: str, answers: str | None, found: list[Commitment]) -> bool:
    """The promise says nothing a promise already found for the same recommendation does
    not: a table answering like feedback in several rows repeats its sentence, sometimes
    shortened ("... families used to accessing services at X" after "... accessing
    Family Hub services at X")."""
    mine = set(words(promise))
    return any(c.recommendation == answers and mine <= set(words(c.seg.text)) for c in found)


@dataclass
class Passage:
    """A response (or a report's running text) to read promises from: the numbers and
    texts of the recommendations it answers (several when they share one response),
    and its table's timescale column, the due date of a promise that names none."""

    paras: list[Para]
    answers: list[tuple[str | None, str]]
    timescale: str = ""


def _answered(promise: str, answers: list[tuple[str | None, str]]) -> str | None:
    """The recommendation a promise answers: of several, the one it shares most words
    with ("NICE will review its guidance" answers the one asking NICE to)."""
    if len(answers) < 2:
        return answers[0][0] if answers else None
    mine = {w[:6] for w in words(promise) if len(w) > 3}
    best = max(answers, key=lambda a: len(mine & {w[:6] for w in words(a[1]) if len(w) > 3}))
    return best[0]


_OWN_YEAR = re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b")
# "Target date: September 2026" printed under a response: when its promises fall due.
_TIMESCALE_LABEL = re.compile(
    r"\b(?:target date|timescales?|time ?frame|deadline|completion date|due date|by when"
    r"|implementation date|target)\s*:\s*(?P<when>[^:]{1,60}?)\s*(?=$|\b[A-Z][a-z ]{2,30}:)",
    re.I,
)


def _labelled_timescale(paras: list[Para]) -> str:
    for p in paras:
        if m := _TIMESCALE_LABEL.search(squash(p.text)):
            return m["when"]
    return ""


def find_commitments(passages: list[Passage], context: date | None) -> list[Commitment]:
    """Commitments in response texts, each promise once, with the recommendation it
    answers."""
    out: list[Commitment] = []
    seen: set[tuple[str | None, str]] = set()
    for passage in passages:
        timescale = passage.timescale or _labelled_timescale(passage.paras)
        default_due = due_date(timescale, context) if timescale else None
        previous: str | None = None
        last: Commitment | None = None
        for seg in _joined(passage.paras):
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
                    answers = _answered(part.text, passage.answers)
                    key = (answers, norm(part.text))
                    if key not in seen and not _repeats(part.text, answers, out):
                        seen.add(key)
                        # a promise timed by its own year ("in the 2026/27 budget")
                        # is not given the column's date
                        own = _OWN_YEAR.search(part.text)
                        due = due_date(part.text, context) or (None if own else default_due)
                        last = Commitment(part, due, answers)
                        out.append(last)
                        previous = part.text
                        continue
                last = None
                previous = text
    return out
