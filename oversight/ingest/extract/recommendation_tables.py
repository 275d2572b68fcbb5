"""Tables of recommendations: the columns a header row names ("No. | Recommendation |
Addressed to", "Recommendation | Cabinet response (March 2024) | Timescale"), and what
a row's cells hold by them. Without a header row the first cell is the recommendation
and the rest its response, and a number opening it counts only where it asks for
something (`NUMBERED_ASK`: "3. We recommend that ..."): a number there may number
anything.
"""

from __future__ import annotations

import re

from .dates import number_token
from .layout import Para, Row
from .people import split_bodies

_HEADER_COLUMNS = {
    "number": re.compile(
        r"^(?:no\.?|number|ref(?:erence)?\.?(?: no\.?)?|#|rec\.?"
        r"|rec(?:ommendation)?\.? (?:no\.?|number|ref(?:erence)?))$",
        re.I,
    ),
    "rec": re.compile(
        r"^(?:(?:scrutiny|commission|panel|committee|review)\s+)?recommendations?"
        r"(?:\s+(?:text|made))?$",
        re.I,
    ),
    "response": re.compile(
        r"^(?:[\w']+\s+){0,2}(?:responses?|comments?)$|^(?:agreed|accepted)"
        r"(?:\s*/\s*(?:not agreed|rejected|partially agreed))*\??$|^decision$"
        # A tracker's progress column is what the responder says since its response.
        r"|^(?:(?:latest|progress|current)\s+)?(?:updates?|progress)(?:\s+on progress)?$",
        re.I,
    ),
    "addressee": re.compile(
        r"^(?:lead|leads|responsible|owner|addressed to|for|directed to"
        r"|lead (?:officer|member|body|organisation|partner)s?)$",
        re.I,
    ),
    "timescale": re.compile(
        r"^(?:timescales?|time ?frame|deadline|target date|by when|completion date|due(?: date)?"
        r"|implementation date|target)$",
        re.I,
    ),
}
NUMBERED = re.compile(r"^(\d{1,3}[a-z]?)[.)]\s+")
NUMBERED_ASK = re.compile(
    r"^\d{1,3}[a-z]?[.)]\s+.{0,80}?\b(?:recommends?|should|asks?|urges?|requests?|calls? (?:on|for)"
    r"|that the|must)\b",
    re.I,
)


def header_columns(row: Row) -> dict[str, list[int]] | None:
    """The columns of a "Recommendation | Response" (or "No. | Recommendation | Addressed
    to") header row, or None."""
    cols: dict[str, list[int]] = {}
    for i, text in enumerate(row.texts):
        # "Cabinet response (March 2024)", "Update (January 2025):"
        text = re.sub(r"\s*\([^)]*\)|:\s*$", "", text).strip()
        if not text or len(text) > 50:
            continue
        # A narrow PDF column can break a header word ("Recommendatio n").
        joined = text.replace(" ", "")
        for name, pattern in _HEADER_COLUMNS.items():
            if pattern.match(text) or pattern.match(joined):
                cols.setdefault(name, []).append(i)
                break
    # A report's own table lists its recommendations with their numbers or addressees
    # ("No. | Recommendation | Addressed to"), without responses.
    if "rec" in cols and ("response" in cols or "addressee" in cols or "number" in cols):
        return cols
    return None


def row_parts(
    row: Row, cols: dict[str, list[int]] | None
) -> tuple[str | None, list[Para], list[Para], list[str], str]:
    """(number, recommendation paragraphs, response paragraphs, addressees, timescale)
    of a row, by the columns its table's header row named (`header_columns`), if any."""
    cells = row.cells
    if cols:

        def take(name: str) -> list[Para]:
            return [p for i in cols.get(name, []) if i < len(cells) for p in cells[i]]

        def text(name: str) -> str:
            return " ".join(p.text for p in take(name)).strip()

        number = number_token(text("number")) if text("number") else None
        lead = text("addressee")
        addressees = split_bodies(lead) if lead else []
        return number, take("rec"), take("response"), addressees, text("timescale")
    # Without a header a number in the first column may number anything (an agenda
    # item); only a "Recommendation N" heading opens a recommendation.
    return None, cells[0], [p for c in cells[1:] for p in c], [], ""
