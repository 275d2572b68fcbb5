"""The body a paper was written for, named from its words: "Minutes of the X held on
...", "X - Quarter 2", "X Agenda", the body that responds ("Cabinet Response to ..."),
a masthead (a body's name heading the paper over the date alone) or a short heading at
the top of a front sheet. An authority's own name ("Kent County Council") is a
letterhead, a stamp ("DRAFT VERSION") is no body, and a heading in capitals names a
body only with a body's word in it. Names printed in capitals are given ordinary case
(`plain_case`), acronyms kept.
"""

from __future__ import annotations

import re

from . import dates
from .layout import Block, Para
from .people import BODY_WORDS, looks_like_body
from .text import squash

# Letterheads and stamps at the top of a paper: neither its title nor its body.


LETTERHEAD = re.compile(
    r"^(?:(?:the\s+)?(?:london\s+|royal\s+)?borough\s+of\s+[\w\s&-]+|[\w\s&-]*\bcouncil"
    r"|agenda|minutes|public document pack|official(?:[- ]sensitive)?|not protectively marked"
    r"|part\s+(?:i|1|one)|open|draft(?:\s+(?:version|copy|for\s+(?:comment|consultation|discussion)))?|(?:version|v)\s*\d+(?:\.\d+)*|final(?:\s+version)?|confidential|restricted|(?:agenda\s+)?item\s+\d+\w?|appendix\s+\w+"
    r"|supplementary agenda|page\s+\d+|classification|report)\.?$",
    re.I,
)


_RESPONDING_BODY = re.compile(
    r"^(?P<body>Cabinet|Executive|Mayor(?:al)?|Council|Mayor and Cabinet)(?:'s)?\s+responses?\b",
    re.I,
)


MINUTES_TITLE = re.compile(
    r"^(?:draft\s+|unconfirmed\s+)?(?:(?:extract|excerpt)s?\s+(?:from|of)\s+(?:the\s+)?)?"
    r"(?:minutes|notes|action notes|agenda|summary)"
    r"\s+(?:(?:extract|excerpt|except)\s+)?(?:of|for|from)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:(?:\w+\s+)?meeting|proceedings)\s+of\s+(?:the\s+)?)?(?P<body>.+?)"
    r"(?:\s+(?:meeting\s+)?(?:held|on|at)\b.*|,.*)?$",
    re.I,
)


_DATE_TAIL = re.compile(r"^(?P<head>.+?)\s*[-–—,|]\s*(?P<tail>[^-–—,|]+)$")


def without_date(text: str) -> str:
    """ "Overview and Scrutiny Committee – 21 January 2025" without its date."""
    m = _DATE_TAIL.match(text)
    if m and len(m["tail"].split()) <= 5 and dates.find_dates(m["tail"]):
        return m["head"]
    return text


def clean_title(text: str) -> str:
    return squash(text).rstrip(".").strip()


def body_from_title(title: str) -> str | None:
    """The body a title names: "Minutes of the X held on ...", "X - Quarter 2", "X
    Agenda", or the body that responds ("Cabinet Response to ..."); None for a report."""
    title = clean_title(title)
    if m := _RESPONDING_BODY.match(title):
        return plain_case(m["body"])
    if re.search(r"\b(?:responses?|reports?|review|briefing|work of|update on)\b", title, re.I):
        return None
    m = MINUTES_TITLE.match(title)
    candidate = without_date(m["body"]) if m else re.split(r"\s+[-–—|:]\s+|,\s+", title)[0]
    candidate = re.sub(r"\s+(?:meeting|agenda|minutes|notes)$", "", candidate, flags=re.I)
    candidate = re.sub(r"^(?:agenda|minutes)\s*[-–:]?\s*", "", candidate, flags=re.I)
    # "Summer Paediatric Group Meeting", "Annual Meeting of ...": the occasion is no body.
    candidate = _OCCASION.sub("", candidate)
    if dates.find_dates(candidate):
        return None
    words = [w.casefold() for w in candidate.split()]
    if words and any(
        w
        in {
            "partnership",
            "group",
            "board",
            "committee",
            "commission",
            "panel",
            "forum",
            "cabinet",
            "council",
            "sub-committee",
            "subcommittee",
            "network",
            "executive",
            "assembly",
            "meeting",
        }
        for w in words
    ):
        return plain_case(squash(candidate))
    return None


_OCCASION = re.compile(
    r"^(?:(?:spring|summer|autumn|winter|annual|quarterly|monthly|extraordinary|special"
    r"|ordinary|inaugural|informal|joint|q[1-4])\s+)+(?=\S+\s)",
    re.I,
)


def plain_case(name: str) -> str:
    """A name as a reader writes it: "CORPORATE PARENTING PANEL" becomes "Corporate
    Parenting Panel"; short acronyms ("NHS", "SEND") and mixed case stay as printed."""
    name = squash(name)
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name
    if len(name.split()) < 2 and name.casefold() not in BODY_WORDS:
        return name  # "MOPAC", "NHS": an acronym
    small = {"of", "and", "for", "the", "in", "on", "to", "at", "with"}
    words = []
    for k, w in enumerate(name.split()):
        low = w.casefold()
        words.append(low if k and low in small else w.capitalize())
    return " ".join(words)


_BODY_HEADING = re.compile(r"^[A-Z][A-Za-z&'’ -]{2,60}$")
# A council meeting's generic name ("County Council", "Full Council"), not an authority's
# letterhead ("Kent County Council"): no place in it.
_COUNCIL_MEETING = re.compile(
    r"^(?:the\s+)?(?:full\s+|county\s+|city\s+|borough\s+|district\s+|town\s+|parish\s+)*council$",
    re.I,
)


def find_masthead(paras: list[Para], blocks: list[Block]) -> tuple[str, str] | None:
    """(body, date) from a masthead: the body's name heading the first page with the
    meeting's date alone on the next line ("COUNTY COUNCIL" / "Thursday 13 March 2025"),
    as papers laid before a meeting (questions and answers, supplements) are headed."""
    if len(paras) < 2:
        return None
    first, second = (p.text.strip(" .") for p in paras[:2])
    if not (_BODY_HEADING.match(first) and len(first.split()) <= 8):
        return None
    if not (_names_body(first) and not LETTERHEAD.match(first)) and not _COUNCIL_MEETING.match(
        first
    ):
        return None
    hits = dates.find_dates(second)
    if len(second.split()) > 6 or not hits or second[hits[0].end :].strip(" ,"):
        return None
    return plain_case(first), second[: hits[0].end].strip(" ,")


def body_heading(paras: list[Para]) -> str | None:
    """A front sheet's committee: a short heading at the top naming a body ("CABINET",
    "Health and Wellbeing Board") under the "AGENDA" stamp."""
    for p in paras[:6]:
        text = p.text.strip(" .")
        if LETTERHEAD.match(text) or not _BODY_HEADING.match(text) or len(text.split()) > 8:
            continue
        if _names_body(text) and not re.search(r"\bcouncil$", text, re.I):
            return plain_case(text)
    return None


def _names_body(text: str) -> bool:
    """A heading that names a body by a body's word ("CORPORATE PARENTING PANEL",
    "Cabinet"), not any heading in capitals ("CONSULTATION FEEDBACK DRAFT RESPONSES")."""
    tokens = [re.sub(r"['’]s?$", "", t.casefold()) for t in text.split()]
    return looks_like_body(text) and any(t in BODY_WORDS for t in tokens)
