"""Text that remembers where it came from, and the small text helpers every rule uses.

A `Seg` is a cleaned piece of the document text (tags, markdown marks and runs of
whitespace removed) that maps every character back to its offset in the document's
extracted text, so that each extracted record can point at the passage it came from.
Slicing, joining, stripping and regex substitution keep that mapping; `span()` gives
the [start, end) offsets in the document text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

# One anchor per run of characters: (position in this text, offset in the document,
# step). Step 1 is copied text; step 0 is text made up here (a space for a line break,
# "3/4" for a LaTeX fraction), which points at one place in the document.
Anchor = tuple[int, int, int]


class Seg:
    """A string plus, for each character, its offset in the document text."""

    __slots__ = ("text", "_anchors", "_keys")

    def __init__(self, text: str, anchors: Iterable[Anchor]):
        self.text = text
        self._anchors = tuple(anchors) or ((0, 0, 0),)
        # Most pieces are one copied run; they need no search table.
        self._keys = [a[0] for a in self._anchors] if len(self._anchors) > 1 else None

    @classmethod
    def of(cls, source: str, start: int = 0, end: int | None = None) -> Seg:
        """The slice [start, end) of the document text itself."""
        end = len(source) if end is None else end
        return cls(source[start:end], ((0, start, 1),))

    @classmethod
    def made(cls, text: str, at: int) -> Seg:
        """Text made up by the extractor, pointing at document offset `at`."""
        return cls(text, ((0, at, 0),))

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Seg({self.text!r} @ {self.span()})"

    def __len__(self) -> int:
        return len(self.text)

    def raw(self, i: int) -> int:
        """Document offset of character i (i == len gives the offset just after the end)."""
        if self.text and i >= len(self.text):
            return self.raw(len(self.text) - 1) + 1
        if self._keys is None:
            pos, raw, step = self._anchors[0]
        else:
            pos, raw, step = self._anchors[max(bisect_right(self._keys, i) - 1, 0)]
        return raw + (i - pos) * step

    def span(self) -> tuple[int, int]:
        if not self.text:
            at = self.raw(0)
            return at, at
        return self.raw(0), self.raw(len(self.text) - 1) + 1

    def __getitem__(self, item: slice) -> Seg:
        start, stop, _ = item.indices(len(self.text))
        stop = max(start, stop)
        anchors: list[Anchor] = []
        self._copy_anchors(start, stop, 0, anchors)
        return Seg(self.text[start:stop], anchors)

    def _copy_anchors(self, start: int, stop: int, at: int, out: list[Anchor]) -> None:
        """Append the anchors of self[start:stop], shifted to begin at position `at`."""
        keys = self._keys
        if keys is None:
            pos, raw, step = self._anchors[0]
            out.append((at, raw + (start - pos) * step, step))
            return
        k = max(bisect_right(keys, start) - 1, 0)
        end = bisect_left(keys, stop, k + 1)
        pos, raw, step = self._anchors[k]
        out.append((at, raw + (start - pos) * step, step))
        for j in range(k + 1, end):
            pos, raw, step = self._anchors[j]
            out.append((at + pos - start, raw, step))

    @staticmethod
    def join(parts: Iterable[Seg], sep: str = " ") -> Seg:
        """Concatenate; each separator points just after the part before it."""
        text: list[str] = []
        anchors: list[Anchor] = []
        n = 0
        prev_end: int | None = None
        for part in parts:
            if prev_end is not None and sep:
                anchors.append((n, prev_end, 0))
                text.append(sep)
                n += len(sep)
            anchors.extend((n + pos, raw, step) for pos, raw, step in part._anchors)
            text.append(part.text)
            n += len(part.text)
            prev_end = part.raw(len(part.text))
        return Seg("".join(text), _tidy(anchors))

    def strip(self, chars: str | None = None) -> Seg:
        if self.text == self.text.strip(chars):
            return self
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self[left:right] if right > left else self[left:left]

    def sub(self, pattern: re.Pattern, repl: str | Callable[[re.Match], Seg | str]) -> Seg:
        """Like re.sub; a replacement string of the same length keeps the positions of
        what it replaces, another points at its start; a replacement Seg keeps its own
        mapping."""
        text = self.text
        pieces: list[str] = []
        anchors: list[Anchor] = []
        n = last = 0
        found = False
        for m in pattern.finditer(text):
            found = True
            start, end = m.span()
            if start > last:
                self._copy_anchors(last, start, n, anchors)
                pieces.append(text[last:start])
                n += start - last
            new = repl(m) if callable(repl) else repl
            if isinstance(new, Seg):
                anchors.extend((n + pos, raw, step) for pos, raw, step in new._anchors)
                new = new.text
            elif len(new) == end - start and new:
                self._copy_anchors(start, end, n, anchors)
            elif new:
                anchors.append((n, self.raw(start), 0))
            pieces.append(new)
            n += len(new)
            last = end
        if not found:
            return self
        if last < len(text) or not anchors:
            self._copy_anchors(last, len(text), n, anchors)
            pieces.append(text[last:])
        return Seg("".join(pieces), _tidy(anchors))

    def group(self, m: re.Match, g: int | str = 0) -> Seg:
        """The Seg of a match group of a match made on self.text."""
        return self[m.start(g) : m.end(g)]

    def split(self, pattern: re.Pattern) -> list[Seg]:
        out, last = [], 0
        for m in pattern.finditer(self.text):
            out.append(self[last : m.start()])
            last = m.end()
        out.append(self[last:])
        return out


def _tidy(anchors: list[Anchor]) -> list[Anchor]:
    """Drop anchors that another at the same position overrides or that only continue
    the run before them."""
    out: list[Anchor] = []
    for a in anchors:
        if out and out[-1][0] == a[0]:
            out[-1] = a
        elif out and a[2] == out[-1][2] == 1 and a[1] == out[-1][1] + (a[0] - out[-1][0]):
            continue
        else:
            out.append(a)
    return out


# --- normalising ------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def squash(s: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return _WS.sub(" ", s).strip()


def norm(s: str | None) -> str:
    """Case-folded words and digits only: for comparing texts, never for output."""
    return " ".join(_NON_WORD.sub(" ", (s or "").casefold().replace("&", " and ")).split())


def words(s: str) -> list[str]:
    return norm(s).split()


TERMINAL = re.compile(r"[.!?;:][\"'’”)\]]*$")


def ends_sentence(s: str) -> bool:
    return bool(TERMINAL.search(s.rstrip()))


# --- sentences --------------------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "e.g",
    "eg",
    "i.e",
    "ie",
    "etc",
    "cllr",
    "dr",
    "mr",
    "mrs",
    "ms",
    "no",
    "nos",
    "st",
    "approx",
    "vs",
    "cf",
    "prof",
    "rev",
    "revd",
    "supt",
    "insp",
    "sgt",
    "dept",
    "govt",
    "inc",
    "ltd",
    "co",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "para",
    "paras",
    "fig",
    "p",
    "pp",
    "al",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9•●])")


def sentences(seg: Seg) -> list[Seg]:
    """Split into sentences at . ! ? followed by a capital, not after abbreviations
    ("e.g.", "Cllr.") or initials ("J. Smith")."""
    out: list[Seg] = []
    start = 0
    text = seg.text
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()].rstrip(".!?\"'’”)]")
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        if last.casefold().rstrip(".") in _ABBREV or re.fullmatch(r"[A-Z]", last):
            continue
        piece = seg[start : m.start()].strip()
        if piece.text:
            out.append(piece)
        start = m.end()
    tail = seg[start:].strip()
    if tail.text:
        out.append(tail)
    return out
