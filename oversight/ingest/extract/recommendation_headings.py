"""Where a recommendation starts and where it ends.

- a heading opens it: "Recommendation 3 – Title", "Recommendation Seven", "Rec. No. 4",
  "R3:", or with a report's paragraph number before it ("5.2 Recommendation 2 –
  Agreed."); `rec_heading` gives its number and the rest of the line (a title, the
  recommendation itself, or a verdict);
- "Recommendations 8.10 and 8.11" names several answered together (`several_numbers`);
- a short line of bodies ("Metropolitan Police Service and MOPAC", "For: MPS") gives
  the addressees (`addressees_in`);
- a heading, an appendix or a numbered section ends it, and so does a letter's close
  (`ends_entry`); a response's or responder's label is no heading that ends it.
"""

from __future__ import annotations

import re

from .dates import NUMBER_WORDS, number_token
from .layout import Para
from .people import looks_like_body, split_bodies
from .responses import responder_label, response_label
from .text import ends_sentence, squash

REC_HEADING = re.compile(
    rf"^(?i:recommendation|rec\.?)\s+(?i:no\.?\s*)?"
    rf"(?P<num>\d{{1,2}}(?:\.\d{{1,3}}){{1,2}}|\d{{1,3}}[a-z]?|(?i:{NUMBER_WORDS}))\b"
    r"(?:\s*[:.)–—-]+\s*(?P<title>.*)|\s+(?P<title2>[A-Z(].*)|\s*)$",
    re.S,
)
# "Recommendations 8.10 and 8.11", "Recommendations 3, 4 and 5": answered together.
_SEVERAL = re.compile(
    r"^(?i:recommendations?)\s+(?P<nums>\d{1,2}(?:\.\d{1,3}){0,2}[a-z]?"
    r"(?:\s*(?:,|and|&|;)\s*\d{1,2}(?:\.\d{1,3}){0,2}[a-z]?)+)\s*[:.–—-]?\s*(?P<title>.*)$",
    re.S,
)
_R_SHORT = re.compile(r"^R(?P<num>\d{1,3})(?:\s*[:.)–—-]\s*|\s+(?=[A-Z]))(?P<title>.*)$", re.S)
_ADDRESSEE_LABEL = re.compile(
    r"^(?:addressed to|directed (?:at|to)|for|to|lead|responsible|responsible body|owner)"
    r"\s*:\s*(?P<who>.+)$",
    re.I,
)


TERMINATOR = re.compile(
    r"^(?:appendix|appendices|annex|annexe|schedule|part|chapter|section|background papers"
    r"|report author|contact officer|list of appendices|(?:financial|legal|equalit(?:y|ies))"
    r"\s+(?:implications|comments|considerations)|comments of the"
    # A letter's close, after its last response.
    r"|yours (?:sincerely|faithfully)|if you have any (?:further )?questions)\b",
    re.I,
)


_SECTION = re.compile(r"^\d{1,2}\.?\s+[A-Z][^.:;]{2,60}$")


# A report's paragraph number before a heading: "5.2 Recommendation 2 – Agreed."
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?=(?i:recommendation|rec\.?)\s)")


def several_numbers(text: str) -> list[str] | None:
    """The numbers of a heading naming several recommendations answered together."""
    m = _SEVERAL.match(text.strip())
    if not m or len(m["title"].split()) > 15:
        return None
    return re.findall(r"\d{1,2}(?:\.\d{1,3}){0,2}[a-z]?", m["nums"])


def rec_heading(text: str) -> tuple[str, str] | None:
    """(number, title) of a recommendation heading."""
    text = _PARAGRAPH_NUMBER.sub("", text)
    m = REC_HEADING.match(text) or _R_SHORT.match(text)
    if not m:
        return None
    number = m["num"] if "." in m["num"] else number_token(m["num"])
    if number is None:
        return None
    title = m.groupdict().get("title") or m.groupdict().get("title2") or ""
    return number, squash(title).strip(" –—-:")


def addressees_in(text: str) -> list[str] | None:
    if m := _ADDRESSEE_LABEL.match(text):
        text = m["who"]
    elif ends_sentence(text) and not text.endswith(")"):
        return None
    text = text.strip(" ()")
    bodies = split_bodies(text)
    return bodies if all(looks_like_body(b) for b in bodies) else None


def ends_entry(p: Para) -> bool:
    text = p.text.strip()
    if TERMINATOR.match(text):
        return True
    if p.heading and not response_label(text) and not responder_label(text):
        return len(text.split()) <= 15
    return bool(_SECTION.match(text)) and len(text.split()) <= 6
