"""The meeting's chair: a "Chair:" line (`CHAIR_LABEL`, which the header reads at the
top), else the member marked "(Chair)" in a list at the top, the chair named in an
agenda's lead column ("Dame Carol Hughes, Chair"), or "Chair: X" printed under an
agenda's table. Courtesy titles are dropped from the name.
"""

from __future__ import annotations

import re

from .layout import Block, Para, Row
from .people import looks_like_person, strip_titles
from .text import squash

CHAIR_LABEL = re.compile(
    r"^(?:chair(?:ed by)?|chairperson|chairman|in the chair)\s*(?:[:–—-]\s*|\s+)(?P<chair>.+)$",
    re.I,
)


_MARKED_CHAIR = re.compile(r"^(?P<name>.+?)\s*\((?:co-)?chair(?:man|person|woman)?\)$", re.I)


def marked_chair(paras: list[Para]) -> str | None:
    """The member marked "(Chair)" in a list at the top ("Membership: Cllr Sophie Conway
    (Chair), Cllr Margaret Gordon (Vice Chair), ...")."""
    for p in paras:
        if "chair)" not in p.text.casefold():
            continue
        for part in re.split(r"[,;:]", p.text):
            m = _MARKED_CHAIR.match(part.strip())
            if m and looks_like_person(m["name"]):
                return strip_titles(m["name"])
    return None


def labelled_chair_below(blocks: list[Block]) -> str | None:
    """ "Chair: Mrs Deborah Lane" printed under an agenda's table, past the top."""
    for b in blocks:
        if isinstance(b, Para) and (m := CHAIR_LABEL.match(b.text.strip())):
            chair = strip_titles(m["chair"])
            if looks_like_person(m["chair"]) and len(chair.split()) > 1:
                return chair
    return None


_LEAD_CHAIR = re.compile(
    r"^(?P<name>[^,()]+?)\s*(?:,\s*|\()(?:the\s+)?chair(?:man|person|woman)?\)?$", re.I
)


def chair_leading_items(blocks: list[Block]) -> str | None:
    """The chair named in an agenda's lead column ("Dame Carol Hughes, Chair")."""
    for b in blocks:
        if not isinstance(b, Row) or b.first:
            continue
        for text in b.texts:
            m = _LEAD_CHAIR.match(squash(text))
            if m and looks_like_person(m["name"]) and len(strip_titles(m["name"]).split()) > 1:
                return strip_titles(m["name"])
    return None
