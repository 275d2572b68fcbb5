"""Recommendations a report states in its running text, without numbers.

- a sentence in which a commission, committee, panel or "we" recommends ("The
  Commission recommended that ...", "It is recommended that ...", "Members also
  recommended ...") is one recommendation;
- when such a sentence ends with a colon, each item of the bulleted or numbered list
  after it ("That guidance is developed ...;") is one instead, as it is after a
  sentence introducing recommendations ("The Commission made these recommendations:");
- a "Recommendation:" label gives the text after it, or the list under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

    def record(self) -> dict:
        return {
            "number": self.number,
            "title": None,
            "text": squash(self.seg.text),
            "addressees": [],
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
