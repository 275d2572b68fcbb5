"""Probe papers written as an officer writes them in Word, for the Word probe.

`as_officer_docx(blocks, path, furniture)` takes the blocks of `pdf_render.py` and writes
a DOCX with Word's own structure rather than its look:

- the masthead's headings (those before the first paragraph) in "Heading 1", the item
  headings after them in "Heading 2";
- numbers typed at the start of a heading or paragraph ("5 Winter pressures", "52.
  APOLOGIES", "Recommendation 3", "1. The Department should ...", "(ii) That ...",
  "a) ...") become Word's automatic numbering (a numPr pointing at a list whose level
  prints "%1.", "Recommendation %1", "(%1)", ...); a list continues where the paper's
  numbers continue (the recommendations of a response, interrupted by the responses,
  are one list) and restarts where they do not; paragraphs numbered under a numbered
  heading ("5.1", "5.2") are the second level ("%1.%2") of the heading's list; the
  first list of item headings is linked to the "Heading 2" style (the headings carry
  no numPr of their own; an unnumbered "Heading 2" turns it off with numId 0);
- tables are real Word tables ("Table Grid", or borderless for the unruled tables and
  the two columns of names), their first row marked as a header row (repeated on each
  page) and set in bold; a row with text in its first cell only ("In attendance")
  is one cell merged across the table; "• " in a cell is a "List Bullet" paragraph;
- the masthead and the paragraphs after it, up to the first heading after it, are in
  a block content control (w:sdt), as a council template keeps its cover details;
- a label opening a paragraph ("Response:", "RESOLVED:", "Present:") is a bold run;
- the furniture's top lines are the page header (left text, a tab, right text), its
  bottom lines the footer, "{page}" and "{pages}" Word's PAGE and NUMPAGES fields;
- the page is A4 (landscape for a landscape paper); ("break",) is a page break.
"""

from __future__ import annotations

import re
from pathlib import Path

from .pdf_render import Furniture

_TYPED = [
    # (pattern, Word number format, level text): the typed number and what follows it.
    (re.compile(r"(\d{1,3})\.\s+(?=\S)"), "decimal", "%1."),
    (re.compile(r"(\d{1,3})\s+(?=[A-Z])"), "decimal", "%1"),
    (re.compile(r"\(([ivx]{1,5})\)\s+"), "lowerRoman", "(%1)"),
    (re.compile(r"\(([a-h])\)\s+"), "lowerLetter", "(%1)"),
    (re.compile(r"([a-h])\)\s+"), "lowerLetter", "%1)"),
]
# A paragraph numbered under its item's heading: "5.1 The Director ...".
_SUB_NUMBER = re.compile(r"(\d{1,3})\.(\d{1,2})\s+(?=\S)")
# "Recommendation 3" opening a heading: Word's numbering with that word before the number.
_RECOMMENDATION = re.compile(r"(Recommendation) (\d{1,2})\b\s*")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}
_LABEL = re.compile(r"((?:[A-Z][A-Za-z’']*)(?: [A-Za-z’']+){0,3}:)(\s)")
_FIELD = re.compile(r"\{(page|pages)\}")


def _typed_number(text: str, heading: bool = False) -> tuple[str, str, int, str] | None:
    """(format, level text, value, the text after the number) of a typed number; a
    number without a stop ("5 Winter pressures") and "Recommendation 3" only in a
    heading."""
    m = _RECOMMENDATION.match(text) if heading else None
    if m:
        return "decimal", f"{m.group(1)} %1", int(m.group(2)), text[m.end() :]
    for pattern, fmt, level_text in _TYPED:
        m = pattern.match(text)
        if level_text == "%1" and not heading:
            continue
        if not m:
            continue
        token = m.group(1)
        if fmt == "lowerRoman":
            value = _ROMAN.get(token)
        elif fmt == "lowerLetter":
            value = ord(token) - ord("a") + 1
        else:
            value = int(token)
        if value:
            return fmt, level_text, value, text[m.end() :]
    return None


class _Numbering:
    """Lists in numbering.xml: one per kind of number, continued while the numbers
    follow on. A heading's list has a second level ("%1.%2") for the paragraphs
    numbered under it ("5.1", "5.2")."""

    def __init__(self, document):
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.parse, self.ns = parse_xml, nsdecls("w")
        self.root = document.part.numbering_part.element
        self.next_id = 900
        self.current: dict[tuple[str, str], tuple[int, list[int]]] = {}  # numId, counts
        self.document = document
        self.style_list = 0  # the list "Heading 2" is linked to, once there is one
        self.by_style: list = []  # the headings numbered by their style

    def _new_list(self, levels: list[tuple[str, str]], start: int, style: str = "") -> int:
        self.next_id += 1
        n = self.next_id
        kind = "singleLevel" if len(levels) == 1 else "multilevel"
        own = f'<w:pStyle w:val="{style}"/>' if style else ""
        lvls = "".join(
            f'<w:lvl w:ilvl="{k}"><w:start w:val="{start if k == 0 else 1}"/>'
            + (own if k == 0 else "")
            + f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{567 * (k + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
            for k, (fmt, text) in enumerate(levels)
        )
        abstract = self.parse(
            f'<w:abstractNum {self.ns} w:abstractNumId="{n}">'
            f'<w:multiLevelType w:val="{kind}"/>{lvls}</w:abstractNum>'
        )
        first_num = self.root.find(f"{{{self.root.nsmap['w']}}}num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.root.append(
            self.parse(f'<w:num {self.ns} w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>')
        )
        return n

    def number(self, paragraph, fmt: str, level_text: str, value: int) -> None:
        """Number the paragraph `value` in a list of that format. The first list of
        item headings numbers them from the "Heading 2" style, as a template does (the
        style linked to the list's first level); later lists number them directly."""
        key = (fmt, level_text)
        heading = level_text in ("%1", "%1.")  # a heading's number: paragraphs go under it
        linkable = heading and paragraph.style.name == "Heading 2" and not self.style_list
        num_id, counts = self.current.get(key, (0, [0]))
        if not num_id or value != counts[0] + 1:
            levels = [(fmt, level_text)] + ([("decimal", "%1.%2")] if heading else [])
            num_id = self._new_list(levels, value, "Heading2" if linkable else "")
            if linkable:
                self.style_list = num_id
                style = self.document.styles["Heading 2"].element.get_or_add_pPr()
                style.append(
                    self.parse(f'<w:numPr {self.ns}><w:numId w:val="{num_id}"/></w:numPr>')
                )
        self.current[key] = (num_id, [value])
        if num_id == self.style_list and paragraph.style.name == "Heading 2":
            self.by_style.append(paragraph._p)
        else:
            self._mark(paragraph, num_id, 0)

    def unnumbered_headings(self) -> None:
        """A "Heading 2" the paper does not number turns its style's numbering off."""
        if not self.style_list:
            return
        for paragraph in self.document.paragraphs:
            if paragraph.style.name != "Heading 2" or any(paragraph._p is p for p in self.by_style):
                continue
            if paragraph._p.pPr is None or paragraph._p.pPr.numPr is None:
                self._mark(paragraph, 0, 0)

    def number_under(self, paragraph, parent: int, value: int) -> bool:
        """Number the paragraph "parent.value" under its heading, if the heading was
        numbered `parent` and the paragraph is the next under it."""
        for key in (("decimal", "%1"), ("decimal", "%1.")):
            num_id, counts = self.current.get(key, (0, [0]))
            if num_id and counts[0] == parent and value == (counts[1:] or [0])[0] + 1:
                self.current[key] = (num_id, [parent, value])
                self._mark(paragraph, num_id, 1)
                return True
        return False

    def _mark(self, paragraph, num_id: int, level: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(
            self.parse(
                f'<w:numPr {self.ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )


def _add_text(paragraph, text: str, *, bold: bool = False, label: bool = True) -> None:
    """The text as runs, a label opening it ("Response:") in bold."""
    m = _LABEL.match(text) if label and not bold else None
    if m and len(m.group(1)) <= 40:
        paragraph.add_run(m.group(1)).bold = True
        text = text[m.end(1) :]
    run = paragraph.add_run(text)
    if bold:
        run.bold = True


def _numbered(document, numbering, text: str, style: str | None, *, bold=False):
    typed = _typed_number(text, heading=style is not None)
    paragraph = document.add_paragraph(style=style)
    sub = _SUB_NUMBER.match(text) if style is None else None
    if sub and numbering.number_under(paragraph, int(sub.group(1)), int(sub.group(2))):
        text = text[sub.end() :]
    elif typed:
        fmt, level_text, value, text = typed
        numbering.number(paragraph, fmt, level_text, value)
    _add_text(paragraph, text, bold=bold, label=style is None)
    return paragraph


def _field(paragraph, name: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ns = nsdecls("w")
    for xml in (
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {ns}><w:instrText xml:space="preserve"> {name} </w:instrText></w:r>',
        f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {ns}><w:t>1</w:t></w:r>",
        f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def _furniture_line(paragraph, left: str, right: str, width) -> None:
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT

    if left and not right and "{page" in left:
        paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        right, left = left, ""
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    text = f"{left}\t{right}" if left else f"\t{right}" if right else ""
    if paragraph.alignment is not None:
        text = right
    for k, piece in enumerate(_FIELD.split(text)):
        if k % 2:
            _field(paragraph, "PAGE" if piece == "page" else "NUMPAGES")
        elif piece:
            paragraph.add_run(piece)


def _furniture(document, furniture: Furniture) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = document.sections[0]
    # A4, as councils in the UK print (python-docx's template is US Letter).
    section.page_width, section.page_height = Mm(210), Mm(297)
    if furniture.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    width = section.page_width - section.left_margin - section.right_margin
    for part, lines in ((section.header, furniture.top), (section.footer, furniture.bottom)):
        if not lines:
            continue
        part.is_linked_to_previous = False
        first = part.paragraphs[0]
        for k, (left, right) in enumerate(lines):
            _furniture_line(first if k == 0 else part.add_paragraph(), left, right, width)


def _table(document, numbering, rows, widths, *, ruled: bool, header: bool = True) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Emu

    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    columns = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    if ruled:
        table.style = "Table Grid"
    if widths:  # the columns' widths, as the officer set them
        table.autofit = False
        for c, share in enumerate(widths):
            table.columns[c].width = Emu(int(width * share))
    for r, row in enumerate(rows):
        if r == 0 and header:  # the header row, repeated on each page
            table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        if len(row) > 1 and any(row[0]) and not any(t for cell in row[1:] for t in cell):
            # A row naming a group ("In attendance"): one cell merged across the table.
            table.cell(r, 0).merge(table.cell(r, len(row) - 1))
            row = row[:1]
        for c, cell in enumerate(row):
            target = table.cell(r, c)
            if widths and len(row) == len(widths):
                target.width = Emu(int(width * widths[c]))
            for k, text in enumerate(cell):
                bullet = text.startswith("• ")
                paragraph = target.paragraphs[0] if k == 0 else target.add_paragraph()
                if bullet:
                    paragraph.style = "List Bullet"
                    text = text[2:]
                typed = None if bullet or r == 0 else _typed_number(text)
                if typed:
                    fmt, level_text, value, text = typed
                    numbering.number(paragraph, fmt, level_text, value)
                _add_text(paragraph, text, bold=r == 0 and header, label=not bullet)


def _cover_control(document, ends: int | None) -> None:
    """The masthead (up to the first heading after it) in a block content control, as
    a council's template holds its cover details."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    body = document.element.body
    if not ends:
        return
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Meeting details"/>'
        '<w:tag w:val="cover"/></w:sdtPr><w:sdtContent/></w:sdt>'
    )
    content = sdt[1]
    for element in list(body)[:ends]:
        content.append(element)
    body.insert(0, sdt)


def as_officer_docx(blocks: list[tuple], path: Path, furniture: Furniture) -> Path:
    """Write the blocks as an officer's Word document (see the module docstring)."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    numbering = _Numbering(document)
    _furniture(document, furniture)
    masthead = True
    cover_ends = None  # the body's element count when the masthead's paragraphs end
    for block in blocks:
        if cover_ends is None and not masthead and block[0] == "h":
            cover_ends = len(document.element.body) - 1  # the section's properties last
        kind = block[0]
        if kind == "title":
            document.add_paragraph(block[1], style="Title")
        elif kind == "h":
            style = "Heading 1" if masthead else "Heading 2"
            _numbered(document, numbering, block[1], style)
        elif kind in ("p", "bold"):
            masthead = False
            _numbered(document, numbering, block[1], None, bold=kind == "bold")
        elif kind == "ul":
            masthead = False
            for item in block[2]:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "ol":
            masthead = False
            for label, text in block[1]:
                _numbered(document, numbering, f"{label} {text}", None)
        elif kind in ("table", "unruled"):
            masthead = False
            _table(document, numbering, block[1], block[2], ruled=kind == "table")
        elif kind == "columns":
            masthead = False
            rows = [[[a], [b]] for a, b in block[1]]
            _table(document, numbering, rows, [0.5, 0.5], ruled=False, header=False)
        elif kind == "break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(f"no Word form for block {kind!r}")
    numbering.unnumbered_headings()
    _cover_control(document, cover_ends)
    document.save(path)
    return path
