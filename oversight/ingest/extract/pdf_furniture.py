"""What a PDF prints around and inside its text that is not the document's content.

Council papers exported from Word (ModernGov and the like) carry, on every page:
- running headers and footers: the committee and date, "Agenda Item 6", "OFFICIAL",
  "Page 3 of 12" or a page number alone. `running_lines` finds the lines printed in the
  top or bottom margin of several pages (digits aside, so "Page 2 of 9" and "Page 3 of
  9" are one line); `is_page_number` a page number on any page, even a single one, as
  is a margin line with a protective marking ("OFFICIAL") or a stamp ("Agenda Item 6");
- footnote marks (a small raised "1" after a word) and the footnotes at the foot of the
  page: `split_superscripts` takes the marks out of the lines, `footnote_lines` finds
  the notes those marks refer to;
- words hyphenated across lines: pdfium reports a hyphen ending a line as U+FFFE, which
  the reader keeps as a soft hyphen (U+00AD); `mend_hyphens` joins the halves, keeping
  the hyphen of a compound ("anti-social") and dropping that of a word broken to fit
  ("commu-nity") when the document spells the word whole elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

SOFT_HYPHEN = "\xad"
EDGE = 0.08  # the share of the page's height at its top and bottom that is margin

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(]?\s*\d{1,3}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,3})?$|^\d{1,3}\s*\|\s*page$",
    re.I,
)
_MARK = re.compile(r"^[0-9*†‡]{1,3}$")


class _Cell(Protocol):
    text: str
    left: float
    right: float
    top: float
    bottom: float


class _LineLike(Protocol):
    top: float
    bottom: float
    cells: list


def line_text(line: _LineLike) -> str:
    return " ".join(c.text for c in line.cells)


def norm(text: str) -> str:
    """A line's text for comparing across pages: case and numbers aside."""
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())


def at_edge(line: _LineLike, height: float) -> bool:
    return line.top > height * (1 - EDGE) or line.bottom < height * EDGE


def is_page_number(text: str) -> bool:
    """ "3", "Page 3", "Page 3 of 12", "- 3 -", "3 | Page"."""
    return bool(_PAGE_NUMBER.match(" ".join(text.split())))


def running_lines(pages: list[tuple[list[_LineLike], tuple[float, float]]]) -> set[str]:
    """The normalised texts of lines in the top or bottom margin of at least two pages
    and half of them. A line of more than three cells is a table's header row repeated
    on each page, which the table needs, not a running header (left, centre, right)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines, (_, height) in pages:
        counts.update(
            {norm(line_text(ln)) for ln in lines if at_edge(ln, height) and len(ln.cells) <= 3}
        )
    need = max(2, len(pages) / 2)
    return {key for key, n in counts.items() if n >= need}


# A protective marking or a pack's stamp, which only running headers and footers carry.
_STAMP = re.compile(
    r"^(?:official(?:\s*[-–—:]?\s*sensitive)?|not protectively marked|protect|restricted"
    r"|(?:agenda\s+)?item\s+\d{1,2}[a-z]?|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$",
    re.I,
)


def is_furniture(line: _LineLike, height: float, running: set[str]) -> bool:
    """A running header or footer: a line in the page's top or bottom margin printed on
    other pages too, or a page number, or a line with a cell that is a protective
    marking or an item's stamp ("OFFICIAL", "Agenda Item 6"), even on a page alone."""
    if not at_edge(line, height):
        return False
    text = line_text(line)
    if norm(text) in running or is_page_number(text):
        return True
    return len(line.cells) <= 3 and any(_STAMP.match(c.text.strip()) for c in line.cells)


def body_height(lines: list[_LineLike]) -> float:
    """The height of the page's running text: the (lower) median of its one-cell lines,
    or of all its lines where it has too few (a page holding only a table)."""
    single = [ln.top - ln.bottom for ln in lines if len(ln.cells) == 1]
    heights = sorted(single if len(single) >= 3 else [ln.top - ln.bottom for ln in lines])
    return heights[(len(heights) - 1) // 2] if heights else 0.0


def could_be_mark(text: str) -> bool:
    """A cheap first test for a footnote mark's text."""
    return bool(_MARK.match(text))


def is_superscript(mark: _Cell, word: _Cell) -> bool:
    """Is `mark` a footnote mark printed after `word`: one to three digits (or * † ‡),
    smaller than the word, raised above its baseline and touching its end."""
    height = word.top - word.bottom
    return (
        bool(_MARK.match(mark.text))
        and not _MARK.match(word.text)
        and mark.top - mark.bottom < height * 0.8
        and mark.bottom > word.bottom + height * 0.2
        and abs(mark.left - word.right) < height * 0.5
    )


def footnote_lines(lines: list[_LineLike], marks: set[str], height: float) -> set[int]:
    """Indexes of the footnotes in the lower part of the page: a smaller-than-body line
    of one cell starting with one of the page's marks ("1 Review of ..."), and the
    small lines that follow it."""
    if not marks:
        return set()
    body = body_height(lines)
    out: set[int] = set()
    inside = False
    for i, ln in enumerate(lines):
        # A note is running text in small print: one cell (a table's row is no note).
        small = ln.top - ln.bottom < body * 0.85 and len(ln.cells) == 1
        if ln.top > height * 0.35 or not small:
            inside = False
            continue
        first = line_text(ln).split(maxsplit=1)[0] if line_text(ln).split() else ""
        if first in marks or inside:
            out.add(i)
            inside = True
    return out


_HYPHENATED = re.compile(rf"(\w+){SOFT_HYPHEN}[ \n]?(\w+)")
_TAIL = re.compile(rf"{SOFT_HYPHEN}[ \n]?\w*")
# Words never written with a hyphen inside, whose break at a line's end would cost a
# date its month ("Sept-ember") even when the document spells them whole nowhere else.
_CALENDAR_WORDS = frozenset(
    """january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Punctuation around a word ("“community”,"); "-" inside a word keeps a compound whole.
_AROUND = "\"'‘’“”.,;:!?()[]{}<>/\\|*_=+&%$£#@~`^–—…•▪■·-"


def mend_hyphens(pages: list[str]) -> list[str]:
    """Join the words broken at a line's end. Word does not hyphenate unless asked, so
    a hyphen at a line's end is taken for a compound's ("first-time", "multi-agency")
    and stays, unless the word is written whole elsewhere in the document (then it was
    broken to fit: "commu-nity"); a compound written with its hyphen elsewhere, or one
    before a capital or a digit ("Smith-Jones", "year-2025"), keeps it always."""
    if not any(SOFT_HYPHEN in page for page in pages):
        return pages
    # The document's words, without the second halves of broken words (no words).
    tokens = set(_TAIL.sub(" ", "\n".join(pages)).casefold().split())
    vocabulary = {w.strip(_AROUND) for w in tokens}
    vocabulary |= {part for w in vocabulary if "-" in w for part in w.split("-")}

    def join(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        whole = f"{head}{tail}".casefold()
        compound = f"{head}-{tail}".casefold()
        keep = (
            not tail[:1].islower()
            or compound in vocabulary
            or (whole not in vocabulary and whole not in _CALENDAR_WORDS)
        )
        return f"{head}{'-' if keep else ''}{tail}"

    return [
        _HYPHENATED.sub(join, page).replace(SOFT_HYPHEN, "-") if SOFT_HYPHEN in page else page
        for page in pages
    ]
