"""The layout of a document's extracted text: paragraphs and table rows.

Every reader produces one text convention, which `parse` turns into blocks:

- a line holding tabs (or `| a | b |`) is a table row; each tab-separated cell may hold
  HTML fragments (`<p>`, `<u>`, `<ul>`/`<li>`, `<b>`), which give the cell's paragraphs.
  A row continued from the previous page starts with an empty cell, and is joined to
  the row it continues when a page break (form feed) parts them; a line of dashes
  (`---\t---`) marks the row above it as the first row of a table: its header row
  (`Row.first`);
- other lines group into paragraphs: a blank line, a bullet ("-", "•", "●", "1."), a
  label ("Action:", "Recommendation 3", "Response") or a line after one that ended a
  sentence starts a new paragraph; a heading (`# `, `## `, ... or a wholly bold line)
  is a paragraph of its own with `heading` set, and `level` its number of `#` (0 for a
  bold one); a list item keeps its label in front of its text ("1. Apologies"), and
  `Para.label` gives it ("1.", "a)", "(iv)"); markdown marks (`**bold**`, `# heading`,
  links, `$\\frac{3}{4}$`) and HTML entities are cleaned away, remembering bold names;
- footnotes ("¹ If enacted ...") and running page headers (the title printed again)
  are dropped.

Each paragraph is a `Seg`, so every rule downstream can report the span it read.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from .text import Seg, ends_sentence, norm

# --- blocks -----------------------------------------------------------------------------


@dataclass
class Para:
    seg: Seg
    bullet: bool = False
    heading: bool = False
    bold: tuple[str, ...] = ()
    column: int | None = None  # the cell's column when the paragraph is in a table row
    level: int = 0  # a heading's level: 1 for `# `, 2 for `## `...; 0 for a bold heading

    @property
    def label(self) -> str:
        """The list item's label it starts with ("1.", "a)", "(iv)"), or ""."""
        m = _LIST_LABEL.match(self.seg.text)
        return m.group(1) if m else ""

    @property
    def text(self) -> str:
        return self.seg.text


@dataclass
class Row:
    cells: list[list[Para]]
    seg: Seg
    texts: list[str] = field(init=False)
    # The first row of a table: a line of dashes follows it (markdown's header rule).
    first: bool = False

    def __post_init__(self):
        self.texts = [" ".join(p.text for p in cell).strip() for cell in self.cells]

    def filled(self) -> list[int]:
        return [i for i, t in enumerate(self.texts) if t]


Block = Para | Row


def paras_of(block: Block) -> list[Para]:
    return [p for cell in block.cells for p in cell] if isinstance(block, Row) else [block]


def flatten(blocks: list[Block]) -> list[Para]:
    return [p for b in blocks for p in paras_of(b)]


def join_paras(paras: list[Para]) -> str:
    """Paragraphs as text; a paragraph cut mid-sentence by a page joins the next."""
    out: list[str] = []
    for p in paras:
        text = p.text.strip()
        if not text:
            continue
        if out and not ends_sentence(out[-1]) and not p.bullet and text[:1].islower():
            out[-1] = f"{out[-1]} {text}"
        elif out and not ends_sentence(out[-1]) and not p.bullet and not out[-1].startswith("- "):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(f"- {text}" if p.bullet else text)
    return "\n".join(out)


# --- cleaning ---------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?/?>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)\s]*\)")
_FRACTION = re.compile(r"\$\s*\\[dt]?frac\{\s*(\d+)\s*\}\{\s*(\d+)\s*\}\s*\$")
_MATH = re.compile(r"\$([^$\n]{1,40})\$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_SUPERSCRIPT = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
# Runs of whitespace become one space; a lone space needs no change.
_SPACE = re.compile(r"[\s\u00a0\u200b]{2,}|[^\S ]|[\u00a0\u200b]")
_BULLET = re.compile(r"^(?:[-•●▪◦■□➢►*–·o]|\d{1,2}[.)](?=\s)|\(?[a-z]\))\s+")
# A list's mark, and a task list's box after it ("- [ ] Tom: share ...", "- [x] ...").
_MARK_BULLET = re.compile(r"^(?:[-•●▪◦■□➢►*–·o])\s+(?:\[[ xX]\]\s+)?")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST_LABEL = re.compile(
    r"^(\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\([a-zA-Z]\)|\(?[ivxIVX]{1,5}[.)])\s+\S"
)
_INLINE_BULLETS = re.compile(r"\s+[•●▪◦■]\s+")


def _unescape(m: re.Match) -> str:
    return html.unescape(m.group(0))


def clean(seg: Seg) -> tuple[Seg, bool, bool, tuple[str, ...]]:
    """(cleaned text, is a bullet, is a heading, bold fragments) of one paragraph."""
    seg, bullet, heading, bold, _ = clean_with_level(seg)
    return seg, bullet, heading, bold


def clean_with_level(seg: Seg) -> tuple[Seg, bool, bool, tuple[str, ...], int]:
    """`clean`, and the heading's level (the number of its `#`, 0 if none)."""
    bold: list[str] = []

    def keep_bold(m: re.Match) -> Seg:
        g = 1 if m.group(1) is not None else 2
        bold.append(" ".join(m.group(g).split()))
        return seg_now.group(m, g)

    seg = seg.sub(_ENTITY, _unescape) if "&" in seg.text else seg
    if "<" in seg.text:
        seg = seg.sub(_TAG, "")
    if "](" in seg.text:
        seg = seg.sub(_IMAGE, "")
        seg_now = seg
        seg = seg.sub(_LINK, lambda m: seg_now.group(m, 1))
    if "$" in seg.text:
        seg = seg.sub(_FRACTION, lambda m: f"{m.group(1)}/{m.group(2)}")
        seg = seg.sub(_MATH, lambda m: re.sub(r"[\\{}]", "", m.group(1)))
    if "*" in seg.text or "__" in seg.text:
        seg_now = seg
        seg = seg.sub(_BOLD, keep_bold)
    if "\\" in seg.text:
        seg_now = seg
        seg = seg.sub(_ESCAPE, lambda m: seg_now.group(m, 1))
    seg = seg.sub(_SUPERSCRIPT, "")
    seg = seg.sub(_SPACE, " ").strip()
    heading = False
    level = 0
    if m := _HEADING.match(seg.text):
        heading = True
        level = seg.text[: m.end()].count("#")
        seg = seg[m.end() :]
    bullet = False
    if m := _MARK_BULLET.match(seg.text):
        bullet = True
        seg = seg[m.end() :].strip()
    if seg.text.startswith("*") and seg.text.endswith("*") and len(seg.text) > 2:
        seg = seg.strip("*").strip()
    whole_bold = bool(bold) and len(bold[0]) >= len(seg.text.strip(" :")) - 1
    return seg, bullet, heading or whole_bold, tuple(bold), level


def make_paras(
    seg: Seg, *, column: int | None = None, bullet: bool = False, heading: bool = False
) -> list[Para]:
    """Clean one paragraph, splitting inline bullets ("Key points: • a • b") apart."""
    out: list[Para] = []
    cleaned, is_bullet, is_heading, bold, level = clean_with_level(seg)
    if not cleaned.text:
        return out
    pieces = cleaned.split(_INLINE_BULLETS) if _INLINE_BULLETS.search(cleaned.text) else [cleaned]
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if i == 0 and piece.text[:1] in "•●▪◦■":
            piece = piece[1:].strip()
            i = 1
        if not piece.text:
            continue
        own_bold = tuple(b for b in bold if b in piece.text)
        out.append(
            Para(
                piece,
                bullet=bullet or is_bullet or i > 0,
                heading=(heading or is_heading) and i == 0,
                bold=own_bold,
                column=column,
                level=level if i == 0 else 0,
            )
        )
    return out


# --- table cells ------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "br",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
}


def cell_paras(seg: Seg, column: int) -> list[Para]:
    """The paragraphs of one table cell; HTML fragments give the paragraph breaks."""
    if "<" not in seg.text or not _TAG.search(seg.text):
        return make_paras(seg, column=column)
    out: list[Para] = []
    pieces: list[Seg] = []
    state = {"bullet": False, "underline_first": False}

    def flush():
        if pieces:
            joined = Seg.join(pieces, "")
            if joined.text.strip():
                out.extend(
                    make_paras(
                        joined,
                        column=column,
                        bullet=state["bullet"],
                        heading=state["underline_first"],
                    )
                )
        pieces.clear()
        state["underline_first"] = False

    last = 0
    for m in _TAG.finditer(seg.text):
        if m.start() > last:
            pieces.append(seg[last : m.start()])
        last = m.end()
        closing, name = m.group(1) == "/", m.group(2).casefold()
        if name in _BLOCK_TAGS:
            flush()
            if name == "li":
                state["bullet"] = not closing
        elif name == "u" and not closing and not "".join(p.text for p in pieces).strip():
            state["underline_first"] = True
        elif name in {"b", "strong"}:
            pieces.append(Seg.made("**", seg.raw(m.start())))
    if last < len(seg.text):
        pieces.append(seg[last:])
    flush()
    return out


# --- lines to blocks --------------------------------------------------------------------

_BREAK = re.compile(r"[\n\f]")
_SEPARATOR = re.compile(r"^[\s|:+]*-{2,}[\s|:+-]*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_STRUCTURAL = re.compile(
    r"^\s*(?:#{1,6}\s|(?:Recommendation|Rec\.?)\s+\S+|Response\b|Actions?\b|Questions?\b"
    r"|Answer\b|Q\d|Q\s*:|A\s*:|Update\s*:|Chair\b|Present\b|Attendees\b|Apologies\b"
    r"|Item\s+\d|Appendix\b|Annex\b|\*\*|[A-Z][A-Za-z&'’ ]{0,30}:)"
)
_ALL_BOLD = re.compile(r"^\*\*[^*]+\*\*$")
_DOTTED_NUMBER = re.compile(r"^\d{1,2}\.\d{1,3}\.?\s+[A-Z]")
# Repeated lines that are the document's own words, not a running header: a heading
# naming what follows ("Committee Recommendation", "Government response") and a
# sentence ("The Government agrees with the Committee's conclusion.").
_REPEATED_CONTENT = re.compile(
    r"\b(?:recommendations?|conclusions?|responses?|replies|answers?)\b\W*$"
    r"|^[A-Z][^.!?]*\s[^.!?]*\s[^.!?]*[a-z)][.!]$",
    re.I,
)
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.I)


def _lines(text: str):
    """(start, end) of each line, without its line break (a form feed also breaks)."""
    start = 0
    for m in _BREAK.finditer(text):
        end = m.start()
        yield start, end - 1 if end > start and text[end - 1] == "\r" else end
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _row(text: str, start: int, end: int) -> Row | None:
    if text.find("\t", start, end) < 0 and text.find("|", start, end) < 0:
        return None
    line = Seg.of(text, start, end)
    if "\t" in line.text:
        raw_cells = line.split(re.compile(r"\t"))
    elif _PIPE_ROW.match(line.text):
        inner = line.strip()
        inner = inner[1 : len(inner) - 1] if inner.text.endswith("|") else inner[1:]
        raw_cells = inner.split(re.compile(r"(?<!\\)\|"))
    else:
        return None
    cells = [cell_paras(c, i) for i, c in enumerate(raw_cells)]
    if not any(cells):
        return None
    return Row(cells, line.strip())


_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table)", re.S | re.I)
_HTML_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)(?=<t[dh]\b|</tr|<tr\b|</table)", re.S | re.I)


def _html_table_rows(text: str, start: int, end: int) -> list[Row]:
    """Rows of an HTML `<table>` written into the text (some converters keep tables so)."""
    table = Seg.of(text, start, end)
    rows: list[Row] = []
    for r in _HTML_ROW.finditer(table.text):
        row_seg = table.group(r, 1)
        cells = [
            cell_paras(row_seg.group(c, 1), i)
            for i, c in enumerate(_HTML_CELL.finditer(row_seg.text))
        ]
        if any(cells):
            rows.append(Row(cells, row_seg.strip()))
    if rows:
        rows[0].first = True
    return rows


def parse(text: str) -> list[Block]:
    """The paragraphs and table rows of a document's extracted text, in order."""
    blocks: list[Block] = []
    pending: list[Seg] = []

    def flush():
        if pending:
            blocks.extend(make_paras(Seg.join(pending, " ")))
            pending.clear()

    tables = [(m.start(), m.end()) for m in _HTML_TABLE.finditer(text)] if "<table" in text else []
    skip_until = -1
    for start, end in _lines(text):
        if start < skip_until:
            continue
        if tables and end > tables[0][0]:
            # A whole HTML table in the text: its rows, at its first line.
            flush()
            table_start, skip_until = tables.pop(0)
            blocks.extend(_html_table_rows(text, table_start, skip_until))
            continue
        line = text[start:end]
        if not line.strip():
            flush()
            continue
        if _SEPARATOR.match(line):
            flush()
            if blocks and isinstance(blocks[-1], Row):
                blocks[-1].first = True
            continue
        row = _row(text, start, end)
        if row is not None:
            flush()
            if not _continues(blocks, row, text):
                blocks.append(row)
            continue
        seg = Seg.of(text, start, end).strip()
        stripped = seg.text.lstrip("> ").strip()
        starts_new = bool(
            _BULLET.match(stripped)
            or _STRUCTURAL.match(stripped)
            or (
                pending
                and ends_sentence(pending[-1].text)
                and re.match(r"[\"'‘“(]?[A-Z0-9]", stripped)
            )
            or (pending and _HEADING.match(pending[-1].text))
            or (pending and _ALL_BOLD.match(pending[-1].text))
            # A report's numbered paragraph ("8.26. We recommend"), under a short title.
            or (pending and _DOTTED_NUMBER.match(stripped) and not ends_sentence(pending[-1].text))
        )
        if starts_new:
            flush()
        if seg.text.startswith(">"):
            seg = seg[1:].strip()
        pending.append(seg)
    flush()
    return _drop_furniture(blocks)


def _continues(blocks: list[Block], row: Row, text: str) -> bool:
    """Join `row` to the table row before it when it goes on from it across a page
    break: nothing in its first cell, as many cells, and a form feed between them."""
    prev = blocks[-1] if blocks else None
    if (
        not isinstance(prev, Row)
        or row.texts[0]
        or not any(row.texts)
        or len(row.cells) != len(prev.cells)
        or "\f" not in text[prev.seg.span()[1] : row.seg.span()[0]]
    ):
        return False
    for mine, more in zip(prev.cells, row.cells, strict=True):
        mine.extend(more)
    prev.texts = [" ".join(p.text for p in cell).strip() for cell in prev.cells]
    return True


# How many paragraphs at the top make the document's heading (see _drop_furniture).
_HEAD_PARAS = 3


def _drop_furniture(blocks: list[Block]) -> list[Block]:
    """Footnotes, page numbers and running headers are not part of the content. A
    header printed again on every page is kept once where it heads the document (its
    first paragraphs: the body and the date of a pack of questions, say)."""
    top = [b for b in blocks if isinstance(b, Para)]
    heading_keys = {norm(b.text) for b in top[:_HEAD_PARAS]}
    counts = Counter(norm(b.text) for b in top if len(b.text.split()) <= 8)
    out: list[Block] = []
    seen: set[str] = set()
    for b in blocks:
        if isinstance(b, Para):
            key = norm(b.text)
            if _FOOTNOTE.match(b.text) or _PAGE_NUMBER.match(b.text.strip()):
                continue
            if key and key in heading_keys and not _REPEATED_CONTENT.search(b.text):
                if key in seen:
                    continue
                seen.add(key)
            elif (
                counts.get(key, 0) >= 3
                and not b.bullet
                and not _STRUCTURAL.match(b.text)
                and not _REPEATED_CONTENT.search(b.text)
                and len(key) > 2
            ):
                continue
        out.append(b)
    return out
