"""Word's automatic numbering, printed as Word prints it.

A numbered paragraph carries no number in its text: its numPr names a list (numId) and
a level (ilvl), and numbering.xml gives each level of the list's abstract definition a
format (decimal, lowerRoman, upperLetter, bullet, ...), a start value and a level text
("%1.", "(%1)", "%1.%2"), which a list instance may override (startOverride); a level
may belong to a paragraph style (a heading style linked to a list). Word
counts each list instance's levels in document order, a level restarting when a level
above it counts on; `Numbering.label` does the same and returns the label Word prints
("5.", "(ii)", "3.2") or "" for a bullet or an unnumbered level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEVEL_REF = re.compile(r"%([1-9])")
_ROMAN = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
]


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    style: str = ""  # the paragraph style the level belongs to (w:pStyle), if any


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word's letters run a..z, then aa..zz, bbb...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(n: int, fmt: str) -> str:
    """The value `n` in Word's number format `fmt`."""
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """The lists of a document's numbering.xml, counted as paragraphs ask for labels."""

    def __init__(self, document, qn):
        self.qn = qn
        self.levels: dict[str, dict[int, Level]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {
            an.get(qn("w:abstractNumId")): self._levels(an)
            for an in root.findall(qn("w:abstractNum"))
        }
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            base = abstract.get(ref.get(qn("w:val")) if ref is not None else "", {})
            levels = {k: Level(v.fmt, v.text, v.start, v.style) for k, v in base.items()}
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                own = override.find(qn("w:lvl"))
                if own is not None:
                    levels[ilvl] = self._level(own)
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    levels.setdefault(ilvl, Level()).start = _int(start.get(qn("w:val")), 1)
            self.levels[num.get(qn("w:numId"))] = levels

    def _level(self, lvl) -> Level:
        qn = self.qn
        fmt, text, start = (
            lvl.find(qn("w:numFmt")),
            lvl.find(qn("w:lvlText")),
            lvl.find(qn("w:start")),
        )
        style = lvl.find(qn("w:pStyle"))
        return Level(
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            _int(start.get(qn("w:val")) if start is not None else None, 1),
            (style.get(qn("w:val")) or "") if style is not None else "",
        )

    def _levels(self, abstract) -> dict[int, Level]:
        return {
            _int(lvl.get(self.qn("w:ilvl")), 0): self._level(lvl)
            for lvl in abstract.findall(self.qn("w:lvl"))
        }

    def style_level(self, num_id: str, style_id: str | None) -> int:
        """The level of the list that belongs to the paragraph style (0 if none does):
        a heading style linked to a list names its level, not the style its list."""
        for ilvl, level in sorted(self.levels.get(num_id, {}).items()):
            if style_id and level.style == style_id:
                return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label Word prints for the next paragraph at this list's level: "" for a
        bullet or a level that prints no number, None for a list not defined."""
        levels = self.levels.get(num_id)
        if levels is None or ilvl not in levels:
            return None
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a level restarts when one above it counts on

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            own = levels.get(k, Level())
            return formatted(counts.get(k, own.start), own.fmt)

        return _LEVEL_REF.sub(value, level.text).strip()


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
