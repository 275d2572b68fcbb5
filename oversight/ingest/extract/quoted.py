"""Recommendations quoted in a response, each group followed by the answer it shares.

A government or executive response often quotes the report's recommendations under a
heading that carries no number ("Recommendation", "Committee recommendation",
"Conclusions and recommendations", "Recommendation:") and answers them in plain text
after, without any "Response" label:

- each numbered paragraph under the heading ("8.1. We recommend ...", "12 The
  Department should ...") is one recommendation, numbered as printed; its bullets and
  the paragraphs that go on with it (after a colon, in lower case, or, where the
  report ends each recommendation with its paragraph reference, until "(paragraph
  4.23)") are its text; an unnumbered paragraph under the heading is a recommendation
  without a number;
- the first paragraph after them that is not part of them opens the response: a
  response label, a verdict ("Accepted.", "Partially accepted", "Not agreed"), a
  responder speaking ("The Government agrees ...", "The Department accepts ...", "We
  welcome ...") or plain text. The response runs across pages until the next such
  heading, the next recommendation of the same numbering (8.12 after 8.11), or the end
  of the section;
- several recommendations quoted together share one response: each has the whole of
  it ("8.10 and 8.11" answered together);
- where no heading is printed (or it was lost), a numbered paragraph that recommends
  and ends on its paragraph reference, or that a responder's answer follows, opens
  such a group too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import Para
from .responses import Response, response_label, strip_label
from .text import ends_sentence

# "Recommendation", "HoL Inquiry Recommendation", "Committee's recommendations",
# "Conclusions and recommendations", "Recommendation:" (nothing after the colon).
_GROUP_HEADING = re.compile(
    r"^(?:[A-Z][\w'’.&-]*\s+){0,5}?(?:(?:conclusions?|findings?)\s+(?:and|&)\s+)?"
    r"(?i:recommendations?|conclusions?)(?:\s+(?i:and|&)\s+(?i:conclusions?|responses?))?\s*:?$"
)
_BROKEN_HEADING = re.compile(
    r"(?i:r\s?e\s?c\s?o\s?m\s?m\s?e\s?n\s?d\s?a\s?t\s?i\s?o\s?n\s?s?)\s*:?$"
)
# A number at the start of a paragraph: "8.1.", "8.26", "12.", "3)", "12 " before a capital.
_NUMBER = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,3}){1,2}|\d{1,3})(?:\s?\.?\s+(?=\S)|[.)]\s*(?=\S))"
)
# The report's paragraph a recommendation was drawn from, printed at its end.
PARAGRAPH_REFERENCE = re.compile(
    r"\(\s*(?i:paragraphs?|paras?\.?|section|chapter)\s+[\d.,;\sand&–-]+\)\W*$"
)
_VERDICT = (
    r"(?:(?:not|partially|partly|fully)\s+)?(?:accepted|agreed|supported|rejected|noted)"
    r"(?:\s+in\s+(?:part|principle|full))?"
)
_RESPONDER = (
    r"(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){0,5}?(?i:government|department|ministry|council"
    r"|cabinet|executive|trust|board|authority|service|partnership|mayor|secretary of state"
    r"|minister|office|agency|directorate|team|icb|commissioner|force|nhs)"
    r"(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and))*"
)
_ANSWER_VERB = (
    r"(?:also\s+|fully\s+|strongly\s+|therefore\s+|broadly\s+|partially\s+|partly\s+)?"
    r"(?:agrees?|accepts?|welcomes?|supports?|acknowledges?|recognises?|rejects?|disagrees?"
    r"|notes?|endorses?|shares?|thanks?|does not|do not|cannot|is (?:pleased|grateful|committed"
    r"|happy|content|already|currently)|are (?:pleased|grateful|committed|happy|content"
    r"|already|currently)|has (?:already|considered|noted))\b"
)
# Verbs only a responder uses of a recommendation ("We accept ..."); a committee's "we"
# also welcomes, notes and recognises.
_ANSWER_ONLY = (
    r"(?:also\s+|fully\s+|therefore\s+|broadly\s+|partially\s+|partly\s+)?"
    r"(?:agree|accept|reject|disagree|do not (?:agree|accept|support)|cannot (?:agree|accept)"
    r"|are (?:pleased|happy|content) to)\b"
)
# A responder answering: a verdict, "The Government agrees ...", "We accept ...".
ANSWER = re.compile(
    rf"^(?i:{_VERDICT})(?:[.:;,–—-]|\s*$|\s+(?:and|but|with)\b)"
    rf"|^{_RESPONDER}\s+{_ANSWER_VERB}"
    rf"|^(?i:we|I)\s+{_ANSWER_ONLY}",
)
# What only a response says: a verdict, or a responder taking a position on the
# recommendation ("The Department accepts ...", "We do not agree ...").
RESPONDS = re.compile(
    rf"^(?i:{_VERDICT})(?:[.:;,–—-]|\s*$|\s+(?:and|but|with)\b)"
    rf"|^(?:{_RESPONDER}|(?i:we))\s+{_ANSWER_ONLY}"
    rf"|^{_RESPONDER}\s+(?:\w+\s+)?(?:welcomes?|supports?|notes?|acknowledges?)\s+(?:the|this|these)"
    r"\s+(?:\w+\s+){0,3}(?i:recommendations?|conclusions?|report|committee'?s?|findings?)\b"
)
# A paragraph in the words of a recommendation.
_RECOMMENDS = re.compile(
    r"\b(?:recommend|recommends|recommended|should|must|urge|urges|ask|asks|call on|calls on"
    r"|invite|invites|encourage|encourages|need to|needs to)\b",
    re.I,
)


def group_heading(p: Para) -> bool:
    """A heading that announces quoted recommendations without numbering them."""
    text = p.text.strip()
    if len(text.split()) > 7 or ends_sentence(text.rstrip(":")) and not text.endswith(":"):
        return False
    # Marked as a heading, or a line on its own in plain text.
    if not (p.heading or text.endswith(":") or len(text.split()) <= 4):
        return False
    # A PDF may break a heading's word ("Recommend ation").
    return bool(_GROUP_HEADING.match(text) or (p.heading and _BROKEN_HEADING.search(text)))


def paragraph_number(text: str) -> tuple[str, str] | None:
    """(number, the text after it) of a numbered paragraph."""
    m = _NUMBER.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    # "12 months ...": a bare number before a word in lower case is a quantity.
    if "." not in m.group(0) and ")" not in m.group(0) and not rest[:1].isupper():
        return None
    return m["num"], rest


def recommends(text: str) -> bool:
    return bool(_RECOMMENDS.search(text[:400]))


def same_series(number: str, previous: str) -> bool:
    """8.12 goes on from 8.11, 4 from 3: the same depth and prefix, and further on."""
    a, b = number.split("."), previous.split(".")
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    return int(a[-1]) > int(b[-1])


@dataclass
class Group:
    """Recommendations quoted together and the response they share."""

    numbered: bool = False
    references: bool = False  # the document ends recommendations on "(paragraph N)"
    entries: list = field(default_factory=list)
    response: Response | None = None
    current: object = None  # the recommendation being read
    last_number: str | None = None

    def continues(self, p: Para) -> bool:
        """Does `p` go on with the recommendation before it?"""
        entry = self.current
        if not entry.text:
            return not ANSWER.match(p.text) and response_label(p.text) is None
        last = entry.text[-1].text.rstrip()
        if p.bullet or p.text[:1].islower():
            return True
        if ANSWER.match(p.text) or response_label(p.text) is not None:
            return False
        if last.endswith((":", ";", ",")) or not ends_sentence(last):
            return True
        # A paragraph that ends on the report's paragraph reference closes the
        # recommendation it goes on with.
        return bool(
            self.references
            and PARAGRAPH_REFERENCE.search(p.text)
            and not any(PARAGRAPH_REFERENCE.search(q.text) for q in entry.text)
        )

    def answer(self, p: Para) -> None:
        """Add `p` to the response the group's recommendations share."""
        if self.response is None:
            label = response_label(p.text)
            who, rest = label if label is not None else (None, p.text)
            self.response = Response(who, [], p.seg if label is not None else None)
            for entry in self.entries:
                entry.responses.append(self.response)
                entry.side = "right"
            if label is not None:
                if rest:
                    self.response.paras.append(strip_label(p, rest))
                return
        self.response.paras.append(p)
