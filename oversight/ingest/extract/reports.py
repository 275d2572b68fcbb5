"""Recommendations a report states in its running text, without numbers.

- a sentence in which a commission, committee, panel or "we" recommends ("The
  Commission recommended that ...", "It is recommended that ...", "Members also
  recommended ...") is one recommendation;
- when such a sentence ends with a colon, each item of the bulleted or numbered list
  after it ("That guidance is developed ...;") is one instead, as it is after a
  sentence introducing recommendations ("The Commission made these recommendations:");
- a "Recommendation:" label gives the text after it, or the list under it.

Minutes carry recommendations to another body in their resolutions (`find_resolved`):
"RESOLVED that the Committee recommend to County Council that ..." is one, addressed
to the County Council; "7. RESOLVED Members to recommend to the County Council:" makes
each item of the list under it one ("a) To AMEND the constitution ..."), numbered by
the paragraph and the item ("7a").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Block, Para
from .text import Seg, sentences, squash

_NUMBERED = re.compile(r"^(\d{1,3}[a-z]?)[.)]\s+")
_REC_LABEL = re.compile(r"^(?i:recommendations?)\s*:\s*(?P<rest>.*)$", re.S)
# "The Commission made the following recommendations:", "Our recommendations are:".
_LIST_OF_RECOMMENDATIONS = re.compile(r"\brecommendations\b[^:]{0,60}:$|\brecommendations?:$", re.I)
_RECOMMENDS = re.compile(
    r"\b(?:we|commission|committee|panel|board|group|review|inquiry|report|members|council"
    r"|sub-committee|scrutiny|it)\s+(?:also\s+|therefore\s+|further\s+|strongly\s+|would\s+)?"
    r"(?:recommended|recommends|recommend|is recommended|was recommended)\b",
    re.I,
)


@dataclass
class Unnumbered:
    seg: Seg
    number: str | None = None
    addressees: list[str] = field(default_factory=list)

    def record(self) -> dict:
        return {
            "number": self.number,
            "title": None,
            "text": squash(self.seg.text),
            "addressees": list(self.addressees),
            "responses": [],
        }


def find_unnumbered(blocks: list[Block], used: set[int]) -> list[Unnumbered]:
    """Recommendations a report states in running text (see the module docstring)."""
    paras = [b for b in blocks if isinstance(b, Para) and id(b) not in used]
    out: list[Unnumbered] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        i += 1
        if p.bullet:
            continue
        if m := _REC_LABEL.match(p.text):
            if m["rest"]:
                out.append(Unnumbered(p.seg[m.start("rest") :]))
            else:
                i = _list_items(paras, i, out)
            continue
        found = sentences(p.seg)
        for k, sentence in enumerate(found):
            text = sentence.text.rstrip()
            introduces = text.endswith(":") and k == len(found) - 1
            if introduces and (_RECOMMENDS.search(text) or _LIST_OF_RECOMMENDATIONS.search(text)):
                i = _list_items(paras, i, out)
            elif _RECOMMENDS.search(text) and not introduces:
                out.append(Unnumbered(sentence))
    return out


def _list_items(paras: list[Para], i: int, out: list[Unnumbered]) -> int:
    """The bulleted or numbered items from paras[i] on, each a recommendation."""
    # A numbered heading after the list ("4. Background") is the next section's.
    while (
        i < len(paras)
        and not paras[i].heading
        and (paras[i].bullet or _NUMBERED.match(paras[i].text))
    ):
        item = paras[i]
        m = _NUMBERED.match(item.text)
        out.append(Unnumbered(item.seg[m.end() :] if m else item.seg, m.group(1) if m else None))
        i += 1
    return i


# "RESOLVED that the Committee recommend to County Council that ...", "AGREED to
# RECOMMEND to Cabinet:", "Members resolved to recommend to the Council:".
_RESOLVED_TO_RECOMMEND = re.compile(
    r"\b(?i:resolved|agreed)\b[^.:;]{0,80}?\b(?i:recommends?|recommended)\s+(?i:to)\s+"
    r"(?:(?i:the)\s+)?(?P<to>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for))*)"
    r"\s*(?:(?i:that)\s+(?P<rest>\S.*)|:\s*$|\.?\s*$)",
    re.S,
)
_PARAGRAPH = re.compile(r"^(\d{1,3})[.)]?\s+")
_ITEM = re.compile(r"^\(?(?P<label>[a-z]|\d{1,2})[.)]\s+(?P<rest>\S.*)$", re.S)


def find_resolved(blocks: list[Block]) -> tuple[list[Unnumbered], set[int]]:
    """Recommendations a meeting's resolutions make to another body (see the module
    docstring), and the ids of the paragraphs they took."""
    paras = [b for b in blocks if isinstance(b, Para)]
    out: list[Unnumbered] = []
    used: set[int] = set()
    i = 0
    while i < len(paras):
        p = paras[i]
        i += 1
        m = _RESOLVED_TO_RECOMMEND.search(p.text)
        if not m:
            continue
        to = [m["to"].strip()]
        own = _PARAGRAPH.match(p.text)
        if m["rest"]:
            out.append(Unnumbered(p.seg[m.start("rest") :], own.group(1) if own else None, to))
            used.add(id(p))
            continue
        used.add(id(p))
        while i < len(paras) and not paras[i].heading:
            item = paras[i]
            im = _ITEM.match(item.text)
            # Under a numbered paragraph, the next number is the next paragraph.
            if not (im or item.bullet) or (im and own and im["label"].isdigit()):
                break
            number = None
            if im and im["label"].isdigit():
                number = im["label"]
            elif im and own:
                number = f"{own.group(1)}{im['label']}"
            out.append(Unnumbered(item.seg[im.start("rest") :] if im else item.seg, number, to))
            used.add(id(item))
            i += 1
    return out, used
