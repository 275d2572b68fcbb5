"""A PDF page's text runs made into lines, words and cells (see pdf_reader.py).

A `Run` is the box of one stretch of text with its font size and weight; `page_lines`
makes the runs on one baseline a `Line`, joining runs into words by the gaps between
them and parting cells at wider gaps or where a column of text starts; `paragraphs`
makes a cell's lines paragraphs; `marked` writes them in the text convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from . import pdf_furniture as furniture


@dataclass
class Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    bold: bool = False
    size: float = 0.0  # the font's size in points
    space_before: bool = False  # pdfium put a space between this run and the one before
    labelled: bool = False  # a list label hung before the text ("1.", "a)") starts it
    cut: bool = False  # the rest of a word cut at the line before's end (see paragraphs)


@dataclass
class Line:
    top: float
    bottom: float
    cells: list[Run]

    @property
    def size(self) -> float:
        return max((c.size for c in self.cells), default=0.0)


_MARKER = re.compile(r"^[•●▪◦■–*➢►□o·-]$")


# A list item's label hung before its text: "1.", "12)", "a.", "(b)", "iv.", "(ii)", "•".
_LABEL = re.compile(
    r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxIVX]{1,5}[.)]"
    r"|[•●▪◦■–*➢►□·-])$"
)


_CLOSING = ".,;:)]!?%’”"  # a mark set close after a word, in justified text a little apart


NARROW = 0.3  # a word space is about a quarter of the font size, rarely set narrower


WORD = 1.6  # a gap wider than this many times the line's height parts two cells


def band_lines(runs: list[Run]) -> list[Line]:
    """Runs sharing a baseline band make one line (top to bottom, runs left to right)."""
    lines: list[Line] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        mid = (run.top + run.bottom) / 2
        for line in reversed(lines[-3:]):
            if line.bottom <= mid <= line.top:
                line.cells.append(run)
                line.top, line.bottom = max(line.top, run.top), min(line.bottom, run.bottom)
                break
        else:
            lines.append(Line(run.top, run.bottom, [run]))
    for line in lines:
        line.cells.sort(key=lambda r: r.left)
    return lines


def page_lines(runs: list[Run]) -> tuple[list[Line], set[str]]:
    """The page's lines, each with its runs joined into words and cells (see
    `join_runs`). Footnote marks are taken out and returned apart."""
    lines, marks = _without_superscripts(band_lines(runs))
    aligned = _column_starts(lines)
    for line in lines:
        line.cells = join_runs(line.cells, columns=aligned)
    return lines, marks


def _column_starts(lines: list[Line]) -> set[int]:
    """The runs that start a column of text set without rules: a run after a gap wider
    than a word space whose left edge a run on a line next to it shares, also after
    such a gap ("Ask for:" over "Telephone:" beside a meeting's date and venue)."""
    after_gap: list[list[Run]] = []
    for line in lines:
        found = []
        for prev, run in pairwise(line.cells):
            em = max(run.size, prev.size, 4.0)
            if run.left - prev.right >= 0.5 * em:
                found.append(run)
        after_gap.append(found)
    out: set[int] = set()
    for i, found in enumerate(after_gap):
        near = [
            r for k in (i - 2, i - 1, i + 1, i + 2) if 0 <= k < len(lines) for r in after_gap[k]
        ]
        out.update(id(run) for run in found if any(abs(run.left - r.left) <= 2 for r in near))
    return out


def join_runs(
    runs: list[Run], *, one_cell: bool = False, columns: frozenset[int] | set[int] = frozenset()
) -> list[Run]:
    """A line's runs joined into cells, by the gaps between them: touching runs are one
    word, a word space joins with a space, a wider gap, or a run in `columns` (ids of
    runs starting a column), starts a new cell (unless `one_cell`); a list label at the
    start of the line joins the text hung after it."""
    merged: list[Run] = []
    for run in _letters_joined(runs):
        prev = merged[-1] if merged else None
        if prev is None:
            merged.append(Run(**vars(run)))
            continue
        gap = run.left - prev.right
        height = max(run.top - run.bottom, prev.top - prev.bottom, 4.0)
        em = max(run.size, prev.size, height * 0.8)
        label = len(merged) == 1 and _LABEL.match(prev.text) and gap < 8 * em
        apart = gap >= WORD * height or id(run) in columns
        if one_cell or not apart or label or _MARKER.match(prev.text):
            glue = _glue(prev, run, gap, em)
            prev.labelled = prev.labelled or bool(label)
            # A list label hung before its text ("1.", "•") is set in the list's weight,
            # which need not be its text's (Word numbers a bold paragraph in plain).
            hung = label or _MARKER.match(prev.text)
            prev.bold = run.bold if hung else prev.bold and run.bold
            prev.text = f"{prev.text}{glue}{run.text}"
            prev.right = max(prev.right, run.right)
            prev.top, prev.bottom = max(prev.top, run.top), min(prev.bottom, run.bottom)
            prev.size = max(prev.size, run.size)
        else:
            merged.append(Run(**vars(run)))
    for cell in merged:
        cell.text = unspaced(cell.text)
    return merged


def _letters_joined(runs: list[Run]) -> list[Run]:
    """A heading drawn letter by letter with wide spacing ("M I N U T E S   O F"): each
    stretch of three or more one-letter runs made words, parted where the gap is wider
    than the spacing between its letters."""
    out: list[Run] = []
    k = 0
    while k < len(runs):
        end = k
        while end < len(runs) and len(runs[end].text) == 1 and runs[end].text.isalpha():
            end += 1
        letters = runs[k:end]
        gaps = [b.left - a.right for a, b in pairwise(letters)]
        spacing = sorted(gaps)[len(gaps) // 3] if gaps else 0.0
        # Letters a column apart ("Y", "N" in a table's columns) are no heading.
        if end - k < 3 or spacing > max(letters[0].size, 4.0):
            out.append(runs[k])
            k += 1
            continue
        word = Run(**vars(letters[0]))
        for gap, letter in zip(gaps, letters[1:], strict=True):
            if gap > spacing * 1.8 + 1:
                out.append(word)
                word = Run(**vars(letter))
                word.space_before = True
            else:
                word.text += letter.text
                word.right = max(word.right, letter.right)
                word.top, word.bottom = max(word.top, letter.top), min(word.bottom, letter.bottom)
                word.bold = word.bold and letter.bold
        out.append(word)
        k = end
    return out


def _glue(prev: Run, run: Run, gap: float, em: float) -> str:
    """What goes between two runs of a line: pdfium puts a space between text objects
    where the gap is a space of the font's; without one, a gap under a narrow word
    space is inside a word ("influ" + "ence"). A stop or comma set a little apart in
    justified text belongs to the word before it."""
    if gap < NARROW * em and run.text[:1] in _CLOSING:
        return ""
    if run.space_before:
        return " "
    return "" if gap < NARROW * em else " "


_SPACED_OUT = re.compile(r"^(?:\S ){2,}\S$")


def unspaced(text: str) -> str:
    """A heading typed letter by letter ("A G E N D A") as its word; words apart by a
    wider space ("M I N U T E S   O F") are parted by two spaces or more."""
    if not _SPACED_OUT.match(" ".join(text.split())) or not any(c.isalpha() for c in text):
        return " ".join(text.split())
    return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", text.strip()))


def _without_superscripts(lines: list[Line]) -> tuple[list[Line], set[str]]:
    """The lines without their footnote marks, and the marks. A mark raised above its
    line's band makes a line of its own, beside the line it belongs to."""
    marks: set[str] = set()
    out: list[Line] = []
    for i, line in enumerate(lines):
        if all(len(c.text) > 3 or not furniture.could_be_mark(c.text) for c in line.cells):
            out.append(line)
            continue
        near = [c for n in lines[max(i - 1, 0) : i + 2] for c in n.cells]
        raised = [c for c in line.cells if any(furniture.is_superscript(c, w) for w in near)]
        if not raised:
            out.append(line)
            continue
        marks.update(c.text for c in raised)
        line.cells = [c for c in line.cells if all(c is not r for r in raised)]
        if line.cells:
            line.top = max(c.top for c in line.cells)
            line.bottom = min(c.bottom for c in line.cells)
            out.append(line)
    return out, marks


def paragraphs(lines: list[Run], right: float, *, cut_words: bool = False) -> list[list[Run]]:
    """A cell's lines as paragraphs: a line ends its paragraph when the next line's
    first word would have fitted after it, where bold meets plain, or at a gap.

    With `cut_words` (`right` a ruled cell's edge), a word too long for its cell's width
    goes on on the next line without a hyphen, as Word and LibreOffice cut it: a line
    of one word that left less than about an em and a half before the rule (the
    cell's padding and a letter), followed by lower-case letters after a letter
    ("Own" / "er", "Septembe" / "r 2024"), digits after a digit ("10:0" / "0") or a
    stop ("No" / "."), is one word. A word wrapped whole leaves room for less than
    the next word and a space, more than that room unless the next word is "a"."""
    out: list[list[Run]] = []
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else None
        # Lines of a paragraph are set at its leading (about 1.2 times the font size;
        # glyphs' boxes vary with their descenders), a paragraph's spacing adds more.
        spaced = prev is not None and prev.bottom - line.bottom > 1.55 * (
            prev.size or prev.top - prev.bottom
        )
        if prev and wrapped(prev, line, right) and prev.bold == line.bold and not spaced:
            line.cut = cut_words and _cut_word(prev, line, right)
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _cut_word(prev: Run, run: Run, right: float) -> bool:
    word, rest = prev.text.strip(), run.text
    if " " in word or not word or not rest:
        return False
    goes_on = (
        (word[-1].isalpha() and rest[0].islower() and not rest.startswith("a "))
        or (word[-1].isdigit() and rest[0].isdigit())  # "10:0" / "0"
        or rest[0] in ".,;:)%"  # no line starts with a stop but a cut word's end
    )
    # The cell's padding (about half an em) and the widest letter (about an em).
    return goes_on and right - prev.right < 1.45 * (prev.size or prev.top - prev.bottom)


def marked(runs: list[Run]) -> str:
    """The runs' text, escaped (the layout reads HTML entities), in ** when all of it is
    bold. A number broken where a narrow column ran out ("31/05/202" over "4") is
    joined again, and so is an address broken at its dot ("kent" over ".gov.uk")."""
    parts = [runs[0].text] if runs else []
    for prev, run in pairwise(runs):
        broken = (
            (run.text[:1].isdigit() and _BROKEN_NUMBER.search(prev.text) and " " not in prev.text)
            or (run.text[:1] in "./@" and _ADDRESS.search(prev.text))
            or run.cut
        )
        parts.append(run.text if broken else " " + run.text)
    text = escape("".join(parts), quote=False)
    return f"**{text}**" if all(r.bold for r in runs) and text else text


# The start of a date or reference cut at a line's end: "31/05/202", "YJ24/0".
_BROKEN_NUMBER = re.compile(r"\d[/.-]\d*$")


# An e-mail or web address cut at a line's end: "name@council", "www.council".
_ADDRESS = re.compile(r"(?:^|\s)\S*[@.]\S*\w$|(?:^|\s)www\w*$")


def wrapped(prev: Run, run: Run, right: float) -> bool:
    """Did `prev` end only because `run`'s first word did not fit on its line?"""
    if prev.text.endswith(furniture.SOFT_HYPHEN):
        return True
    if _MARKER.match(run.text[:1]) and run.text[1:2] == " ":
        return False
    first = run.text.split()[0] if run.text.split() else ""
    if _LABEL.match(first) and not first.isdigit():
        return False  # a list item's label starts its own paragraph
    if first.endswith(":"):
        return False  # "MPS: ..." opens a responder's paragraph
    # The line's mean character width, spaces included, is less than a word's: capitals
    # and "m" are wider ("December" is 1.2 times as wide as eight average characters).
    char = (prev.right - prev.left) / max(len(prev.text), 1)
    return (len(first) + 1) * char * 1.2 > right - prev.right
