"""Who speaks in a sentence of minutes, and how: the subject and its reporting verb.

Minutes report what was said in the third person: "A Member asked whether ...",
"Caroline Smith, Assistant Director, explained that ...", "The Chair agreed to write to
...", "Officers to circulate ...". `subject(sentence)` finds the speaker before the first
reporting verb and tells its sort:

- `member`: "A Member", "Members", "One Member", a panel or committee member: the
  ones who ask and never answer;
- `councillor`: "Cllr Lee", "Councillor Lee": who may ask, or answer as a Cabinet
  Member;
- `person`: a name ("Sarah Hammond", "Dr Patel"), a role ("The Director of Highways",
  "The Cabinet Member for Housing", "Officers", "The team"), or a body ("The Council");
- `chair`: "The Chair", "The Chairman", "The Vice-Chair";
- `pronoun`: "He", "She", "They": the speaker of the sentence before.

A paragraph's own number or letter ("3.", "a)", "(ii)") is no part of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .people import People, looks_like_body, looks_like_person, looks_like_role
from .text import Seg

# "3. ", "a) ", "(ii) ", "b. ": a paragraph's label before its sentence.
LABEL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})+\.?|\(?\d{1,3}[.)]|\(?[a-z]{1,2}[.)]|\([ivx]{1,5}\)"
    r"|[ivx]{1,5}[.)])\s+"
)

# Words that report speech or a promise, after the speaker.
VERBS = (
    r"asked|questioned|queried|inquired|enquired|sought|wanted|wished|raised|challenged"
    r"|requested|expressed|was concerned|were concerned|noted|explained|said|stated|replied"
    r"|responded|confirmed|clarified|advised|added|shared|informed|assured|reassured|reported"
    r"|answered|agreed|acknowledged|highlighted|indicated|commented|outlined|emphasi[sz]ed"
    r"|mentioned|suggested|invited|offered|undertook|volunteered|promised|committed|accepted"
    r"|recognised|recognized|told|felt|believed|described|pointed|set out|stressed|thanked"
    r"|praised|reminded|reiterated|welcomed|proposed|gave|provided|spoke|presented|introduced"
    r"|would|will|is to|are to|to|was asked|were asked|has been asked|have been asked"
    r"|was tasked|were tasked|has agreed|have agreed|had|has|have|was|were|is|are"
)
_VERB = re.compile(rf"(?:,\s*|\s+)(?P<verb>{VERBS})\b")

_MEMBER = re.compile(
    r"^(?:(?:an?|one|another|other|some|several|two|three|many|the)\s+)?"
    r"(?:(?:panel|committee|board|cabinet|council|opposition|independent|co-opted|lay)\s+)?"
    r"(?:members?|councillors?|member of the public|members of the public)$",
    re.I,
)
_COUNCILLOR = re.compile(r"^(?:cllrs?\.?|councillors?)\s+[A-Z]", re.I)
_CHAIR = re.compile(r"^(?:the\s+)?(?:vice[- ]|deputy\s+)?chair(?:man|woman|person)?$", re.I)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.I)
_SMALL = {"of", "for", "and", "the", "&", "to", "on", "in", "at", "from"}


@dataclass
class Speaker:
    """The subject of a sentence: `sort` is member, person, chair or pronoun; `name`
    the speaker as printed, without "The" or the role after a comma; `verb` the
    reporting verb and `rest` the words after it."""

    sort: str
    name: str
    verb: str
    rest: str
    role: str | None = None
    shape: str = "name"  # "name", "role" or "body" for a person-sort speaker


def strip_label(seg: Seg) -> Seg:
    """The sentence without its paragraph's number or letter."""
    m = LABEL.match(seg.text)
    return seg[m.end() :] if m else seg


def _shaped(words: list[str]) -> bool:
    """Words that can name a speaker: capitalised, or joining words between."""
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(
            w[:1].isupper() or w.casefold() in _SMALL or w[:1].isdigit() or w in {"-", "–"}
            for w in words[1:]
        )
    )


def subject(text: str, people: People | None = None) -> Speaker | None:
    """The speaker of a sentence and its verb; None when it does not start with one.
    Names on the attendee list count even alone ("Maurice said ...")."""
    m = _VERB.search(text)
    if m is None or m.start() == 0:
        return None
    before = text[: m.start()].strip()
    role = None
    # "Hayley Bodiam, Service Manager Quality Assurance, added that ...": the name
    # before the comma, the role between.
    if "," in before:
        before, role = (s.strip() for s in before.split(",", 1))
        role = role.strip(" ,") or None
    words = before.split()
    if not words or len(words) > 9:
        return None
    rest = text[m.end() :].strip()
    verb = m["verb"]
    if _PRONOUN.match(before):
        return Speaker("pronoun", before, verb, rest)
    if _CHAIR.match(before):
        return Speaker("chair", re.sub(r"^the\s+", "", before, flags=re.I), verb, rest)
    if _MEMBER.match(before) and len(words) <= 4:
        return Speaker("member", before, verb, rest, role)
    if _COUNCILLOR.match(before) and len(words) <= 4:
        return Speaker("councillor", before, verb, rest, role)
    if not _shaped(words):
        return None
    bare = re.sub(r"^the\s+", "", before, flags=re.I)
    if looks_like_person(before) or (people is not None and people.resolve_one(before)):
        return Speaker("person", bare, verb, rest, role)
    if looks_like_role(bare) or re.fullmatch(r"(?:the\s+)?officers?", before, re.I):
        return Speaker("person", bare, verb, rest, role, shape="role")
    if looks_like_body(bare) or re.fullmatch(r"(?:the\s+)?(?:team|service)", before, re.I):
        return Speaker("person", bare, verb, rest, role, shape="body")
    return None
