"""Actions written in the running language of minutes, and in what a meeting resolved.

Running language (minutes only), each sentence taken whole as the action's text:
- a speaker who promises: "The Chair agreed to write to ...", "X offered to ...",
  "X undertook to ...", "X volunteered to ...", "X would send ...", "X will circulate
  ...", "Officers to circulate ...", "X was asked to ...", "X mentioned her intention to
  ...", "X said that she would ..."; the speaker is the owner ("The Chair" is the
  meeting's chair);
- a request: "The Chair requested that a copy of the plan be circulated" (no owner),
  "Members asked officers to provide ..." (the officers own it);
- "It was agreed that the Director would ..." (the Director), "It was agreed to ...".
Not actions: what would happen anyway or was wished ("would like", "would be
helpful", "would need"), conditions ("If ..."), and what had already happened.

Resolutions (any document), the owner the one the resolution names:
- "RESOLVED the Leader to:", "RESOLVED to ask the General Counsel to:", "RESOLVED that
  officers be asked to:", "AGREED that:" followed by lettered or bulleted items: each
  item that asks for work is an action ("a) CREATE an Education Cabinet Committee");
- "RESOLVED that officers circulate the plan by 31 March", "AGREED to ask the Director
  to ...", and each part of "RESOLVED to note the report and AGREE that a further
  report come to the Committee": the parts asking for work.
Noting, receiving, approving, endorsing, thanking, signing minutes and recommending to
another body are decisions, not actions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .layout import Para
from .people import People, looks_like_body, looks_like_person, looks_like_role
from .speech import LABEL, strip_label, subject
from .text import Seg, sentences

# "agreed to write", "would send", "offered to", "to circulate" after the speaker.
_PROMISE = re.compile(
    r"^(?:(?:has |have )?agreed to|offered to|undertook to|volunteered to|promised to"
    r"|committed to|would|will|is to|are to|to|(?:was|were|has been|have been) (?:asked|tasked"
    r"|requested) (?:to|with))\s+(?P<verb>[a-z]+)",
)
# "said that she would", "confirmed that officers would", "mentioned her intention to";
# not "said that it would protect ...", which tells what a thing will do.
_REPORTED = re.compile(
    r"^(?:that\s+)?(?:(?:he|she|they|officers|the team|we)\s+(?:would|will)\s+(?P<verb>[a-z]+)"
    r"|(?:his|her|their) intention to\s+(?P<verb2>[a-z]+))",
)
_REPORTING = {
    "said", "stated", "confirmed", "shared", "agreed", "advised", "indicated", "explained",
    "mentioned", "expressed", "added", "assured", "undertook", "informed", "reported",
}  # fmt: skip
# Verbs after "would" that wish, judge or condition: no work promised.
_NOT_WORK = {
    "like", "be", "have", "need", "welcome", "expect", "encourage", "not", "also", "hope",
    "prefer", "appreciate", "suggest", "consider", "continue", "remain", "mean", "help",
    "allow", "ensure", "seem", "appear", "benefit", "depend", "require", "result", "make",
    "happen", "take", "lead", "cost", "impact", "affect", "enable", "include", "usually",
}  # fmt: skip
# "would be circulated", "will be shared": work without an owner.
_PASSIVE_WORK = re.compile(
    r"\b(?:would|will|is to|are to|to) be (?:circulated|shared|sent|provided|distributed"
    r"|forwarded|brought back|reported back|added to|made available|followed up|published"
    r"|arranged|scheduled|emailed|presented to)\b",
    re.I,
)
_REQUEST = re.compile(
    r"^(?:requested|asked)\s+(?:that\s+(?P<that>.+?)\s+(?:be|should be|is|are)\s+"
    r"(?P<pp>[a-z]+ed|sent|shared|brought|written|given|made|done|set)\b"
    r"|(?P<who>officers?|the \w+(?: [A-Z]\w*| of| for){0,6}|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})"
    r"\s+to\s+[a-z]+)",
)
_IT_WAS_AGREED = re.compile(
    r"^it was (?:agreed|resolved|decided) (?:that\s+(?P<who>.+?)\s+(?:would|will|should|to)"
    r"\s+(?P<verb>[a-z]+)|to\s+[a-z]+)",
    re.I,
)
_NOT_ACTION_START = re.compile(r"^(?:if|when|whilst|while|although|should|once|as)\b", re.I)


def running_actions(
    paras: list[Para],
    owner_of: Callable[[str], str | None],
    people: People,
    add: Callable[..., None],
) -> None:
    """Adds every action the minutes' running text states (see the module docstring);
    `owner_of` names the owner a speaker stands for."""
    for p in paras:
        last: str | None = None  # the paragraph's last speaker, for "She agreed to ..."
        for s in sentences(p.seg):
            s = strip_label(s)
            text = s.text
            if "?" in text or _NOT_ACTION_START.match(text) or len(text.split()) < 4:
                continue
            if m := _IT_WAS_AGREED.match(text):
                if m["who"] is None:
                    add(text, s, owner=None)
                elif m["verb"] not in _NOT_WORK and (owner := owner_of(m["who"])):
                    add(text, s, owner=owner)
                continue
            speaker = subject(text, people)
            if speaker is None or (speaker.sort == "pronoun" and last is None):
                continue
            if speaker.shape == "body":
                # "The Board agreed to fund ...": the meeting's own decision, not a task.
                last = None
                continue
            if speaker.sort != "pronoun":
                last = speaker.name
            owner = owner_of(last if speaker.sort == "pronoun" else speaker.name)
            rest = speaker.rest
            tail = f"{speaker.verb} {rest}"
            if m := _PROMISE.match(tail):
                verb = m["verb"]
                if speaker.verb in ("to", "is to", "are to") and speaker.sort != "person":
                    continue
                if verb in _NOT_WORK or (speaker.verb == "to" and not _imperative(verb)):
                    if _PASSIVE_WORK.search(text):
                        add(text, s, owner=None)
                    continue
                if owner:
                    add(text, s, owner=owner)
                continue
            if speaker.verb in _REPORTING and (m := _REPORTED.match(rest)):
                verb = m["verb"] or m["verb2"]
                if verb not in _NOT_WORK and owner:
                    add(text, s, owner=owner)
                continue
            if m := _REQUEST.match(tail):
                who = m["who"]
                add(text, s, owner=owner_of(who) if who else None)
                continue
            if _PASSIVE_WORK.search(text) and not re.search(r"\bhad\b", text):
                add(text, s, owner=None)


def _imperative(verb: str) -> bool:
    """ "Officers to circulate": a verb's plain form, not "to date" or "to the"."""
    return verb not in {"the", "a", "an", "be", "date", "all", "this", "that", "their"}


# --- resolutions ------------------------------------------------------------------------

_RESOLVED = re.compile(
    r"^(?:it was\s+)?(?:(?i:resolved|agreed|decided)|RESOLVED|AGREED|DECISION)\b[:,–—-]?\s*"
    r"(?P<rest>.*)$",
    re.S,
)
# The owner an introduction names: "the Leader to:", "to ask the General Counsel to:",
# "that officers be asked to:".
_INTRO_OWNER = re.compile(
    r"^(?:that\s+)?(?:to\s+(?:ask|request|instruct|invite)\s+)?(?P<who>.+?)\s+"
    r"(?:to|be asked to|be requested to|be instructed to|is asked to|are asked to)\s*[:–—-]?\s*$",
    re.I | re.S,
)
_DECISION_ONLY = re.compile(
    r"^(?:to\s+|that\s+)?(?:the\s+)?(?:\w+\s+){0,8}?(?:(?:be\s+)?(?:note[ds]?|noting|receive[ds]?"
    r"|approved?|endorsed?|thanks?|thanked|welcomed?|accepted?|adopted?|ratified?|signed)\b"
    r"|(?:were|was|are|is) (?:a )?(?:correct|true|accurate) record)"
    r"|^(?:to\s+)?(?:note|noted|receive|approve|endorse|thank|welcome|accept|adopt|comment)\b",
    re.I,
)
_RECOMMENDING = re.compile(r"\brecommend(?:s|ed|ation)?\b", re.I)
# Parts of one resolution: "to note X and AGREE that Y", "(a) ...; (b) ...".
_PARTS = re.compile(r"\s+and\s+(?=[A-Z]{3,}\b)|;\s*(?:and\s+)?|\s+\(?[a-h]\)\s+(?=\S)")
# Work a resolution asks for without an owner: "a further report come to the Committee".
_WORK = re.compile(
    r"\b(?:report|update|review|paper|briefing|plan|proposals?|letter)\b.{0,80}?"
    r"\b(?:be |to be )?(?:brought|come|return|presented|submitted|provided|circulated|prepared"
    r"|written|sent|undertaken|carried out|reported|shared|produced)\b"
    r"|^(?:to\s+)?(?:AGREE|REQUEST|ASK|INSTRUCT|DIRECT)\b",
    re.S,
)
# "officers be asked to", "the Leader to", "the Director write to".
_OWNED_PART = re.compile(
    r"^(?:that\s+)?(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|&)){0,6}"
    r"|officers)\s+(?:(?:be asked to|be requested to|be instructed to|to|will|would|should)\s+"
    r"(?P<verb>[a-z]+)|(?P<plain>[a-z]+(?<![sd]))\b)",
)
# "that officers circulate ...": the plain verb of a resolution, not "officers were".
_NOT_PLAIN = {"be", "note", "notes", "receive", "approve", "endorse", "thank", "welcome"}


def resolutions(
    paras: list[Para], owner_of: Callable[[str], str | None], add: Callable[..., None]
) -> set[int]:
    """Adds the actions of what a meeting resolved or agreed; returns the paragraphs
    read (so the running-text rules do not read them again)."""
    read: set[int] = set()
    i = 0
    while i < len(paras):
        p = paras[i]
        seg = strip_label(p.seg)
        m = _RESOLVED.match(seg.text)
        if m is None:
            i += 1
            continue
        read.add(id(p))
        rest = seg[m.start("rest") :]
        intro = rest.text.rstrip()
        if intro.endswith((":", "–", "—", "-")) or not intro:
            if _RECOMMENDING.search(intro):
                i += 1
                continue
            o = _INTRO_OWNER.match(intro)
            owner = owner_of(o["who"]) if o and o["who"] else None
            j = i + 1
            own_label = LABEL.match(p.text)
            while j < len(paras) and _is_item(paras[j], own_label):
                item = paras[j]
                read.add(id(item))
                text_seg = strip_label(item.seg)
                if LABEL.match(item.text.strip() + " ") and len(item.text.split()) == 1:
                    text_seg = text_seg[len(text_seg) :]
                if not text_seg.text and j + 1 < len(paras):
                    # A label on its own ("a)") with the item's words after it.
                    j += 1
                    text_seg = strip_label(paras[j].seg)
                    read.add(id(paras[j]))
                _part(text_seg, owner, owner_of, add, listed=True)
                j += 1
            i = j
            continue
        for part in rest.split(_PARTS):
            _part(part.strip(" .;,"), None, owner_of, add, listed=False)
        i += 1
    return read


def _is_item(p: Para, own_label: re.Match | None) -> bool:
    m = LABEL.match(p.text + " ")
    if p.heading or not (m or p.bullet):
        return False
    # "8. RESOLVED ..." after "7. RESOLVED ...:" and its "a)" items: the next paragraph.
    return not (own_label and m and own_label.group(0)[:1].isdigit() == m.group(0)[:1].isdigit())


# "(a) prepare a plan; and": the list's joining words are no part of the item.
_LIST_JOIN = re.compile(r"\s*[;,]\s*(?:and|or)?\s*$")


def _part(
    seg: Seg,
    owner: str | None,
    owner_of: Callable[[str], str | None],
    add: Callable[..., None],
    *,
    listed: bool,
) -> None:
    """One resolved part: an action unless it only decides ("note", "approve")."""
    seg = seg.sub(_LIST_JOIN, "").strip()
    if seg.text.casefold().startswith("that "):
        seg = seg[5:].strip()
    seg = strip_label(seg)
    text = seg.text
    if len(text.split()) < 3 or _DECISION_ONLY.match(text) or _RECOMMENDING.search(text[:60]):
        return
    if m := _OWNED_PART.match(text):
        who = owner_of(m["who"])
        verb = m["verb"] or m["plain"]
        # A plain verb follows only a plain subject: "officers circulate", "the Director
        # write"; "REQUEST a report" is the verb itself.
        plain_subject = not m["plain"] or re.match(r"(?i:the\s|officers)", m["who"])
        if who and plain_subject and verb not in _NOT_WORK and verb not in _NOT_PLAIN:
            add(seg.text, seg, owner=who)
            return
    if listed:
        add(seg.text, seg, owner=owner)
    elif _WORK.search(text):
        add(seg.text, seg, owner=owner)


def owner_resolver(people: People, chair: str | None) -> Callable[[str], str | None]:
    """How a speaker or a resolution's subject names an owner: "The Chair" is the
    chair, a name on the attendee list its full name, a role or body as printed."""

    def owner_of(who: str) -> str | None:
        who = re.sub(r"^(?:that|the)\s+", "", who.strip(" ,.:;"), flags=re.I).strip()
        if not who:
            return None
        if re.fullmatch(r"(?:vice[- ]|deputy\s+)?chair(?:man|woman|person)?", who, re.I):
            if chair and not re.match(r"(?:vice|deputy)", who, re.I):
                return chair
            return who[:1].upper() + who[1:]
        if found := people.resolve_one(who):
            return found
        if re.fullmatch(r"(?:officers?|members?|the team|all members)", who, re.I):
            return who[:1].upper() + who[1:]
        if looks_like_person(who) or looks_like_role(who) or looks_like_body(who):
            return who
        if len(who.split()) <= 4 and who[:1].isupper() and not re.search(r"[.;:!?]", who):
            return who
        return None

    return owner_of
