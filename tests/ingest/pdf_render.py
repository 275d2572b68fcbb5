"""PDFs with the artefacts of papers exported from Word by council systems (ModernGov).

`as_council_pdf(blocks, path, furniture)` writes a PDF whose every page carries running
headers and footers (the committee and date, "Agenda Item 6", "OFFICIAL", "Page 3 of
12" or a page number alone), whose long words are hyphenated where a line ends (soft
hyphens, which the PDF prints as "-" at a line's end only), whose tables are ruled and
repeat their header row on each page, and whose text uses a TrueType font, so curly
quotes, ligatures ("ﬁ") and non-breaking spaces reach the text layer as they are.

Blocks, as in `documents.py` plus:
- ("h", text) a bold heading; ("p", text) a paragraph; ("bold", text) a paragraph
  in bold at the body's size (a committee's recommendation quoted in a response);
  ("small", text) a footnote-sized paragraph; "^1" in a paragraph is a superscript
  footnote mark;
- ("ul", glyph, [items]) a list with that bullet glyph ("•", "▪", "–");
- ("table", rows, widths) a ruled table whose first row is its header, repeated on each
  page; each cell a list of paragraphs ("• " starts a bullet); widths are fractions;
  ("table", rows, widths, "split") splits a row too long for the page's end there, to
  go on on the next page;
- ("unruled", rows, widths) the same table without rules, shading or space between
  its rows (its header row bold);
- ("twocol", [paragraphs], [paragraphs]) running text set in two columns;
- ("ol", [(label, text), ...]) a list with hanging indents: each label ("1.", "a)") at
  the margin, its text from a tab stop, wrapped lines under the text;
- ("columns", [(left, right), ...]) two columns of short lines without rules (a list
  of names set in two columns);
- ("title", text) a heading in large print, not bold; ("spaced", text) a heading
  spaced out letter by letter ("A G E N D A");
- ("contents", [(entry, page), ...]) a contents page's entries, each with a dot leader
  to its page number at the right margin;
- ("break",) a new page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

FONTS = Path("/usr/share/fonts/truetype/liberation")
_NOTE_MARK = re.compile(r"\^(\d+)")
_LONG_WORD = re.compile(r"\b([A-Za-z]{4,})([a-z]{5,})\b")


@dataclass
class Furniture:
    """What each page prints around its text. `top` and `bottom` are lines of
    (left, right) text; "{page}" and "{pages}" are filled in. `notes` are footnotes
    printed at the foot of the page they are keyed by (1-based)."""

    top: list[tuple[str, str]] = field(default_factory=list)
    bottom: list[tuple[str, str]] = field(default_factory=list)
    landscape: bool = False
    notes: dict[int, list[str]] = field(default_factory=dict)


def hyphenable(text: str) -> str:
    """Soft hyphens in long words, where a line may break (as Word's auto-hyphenation
    does): after the first four or more letters, leaving at least five."""
    return _LONG_WORD.sub(lambda m: f"{m.group(1)}\xad{m.group(2)}", text)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Council" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Council", FONTS / "LiberationSans-Regular.ttf"))
        pdfmetrics.registerFont(TTFont("Council-Bold", FONTS / "LiberationSans-Bold.ttf"))


def as_council_pdf(blocks: list[tuple], path: Path, furniture: Furniture) -> Path:
    """Write the blocks as a council PDF (see the module docstring)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        Flowable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    class Drawn(Flowable):
        """Lines drawn straight on the canvas: (x, text, font, size, char_space, align)."""

        def __init__(self, lines: list[tuple], leading: float):
            super().__init__()
            self.lines, self.leading = lines, leading

        def wrap(self, available_width, available_height):
            self.width = available_width
            return available_width, self.leading * len(self.lines) + 4

        def draw(self):
            y = self.leading * (len(self.lines) - 1) + 4
            for parts in self.lines:
                for x, text, font, size, space, align in parts:
                    self.canv.setFont(font, size)
                    if align == "right":
                        self.canv.drawRightString(self.width, y, text)
                    else:
                        t = self.canv.beginText(x, y)
                        t.setFont(font, size)
                        t.setCharSpace(space)
                        t.textOut(text)
                        self.canv.drawText(t)
                y -= self.leading

    _fonts()
    body = ParagraphStyle(
        "body", fontName="Council", fontSize=10.5, leading=13, embeddedHyphenation=1
    )
    bold_body = ParagraphStyle("bold_body", parent=body, fontName="Council-Bold")
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    heading = ParagraphStyle(
        "heading", parent=body, fontName="Council-Bold", fontSize=12, leading=15, spaceAfter=4
    )
    page_size = landscape(A4) if furniture.landscape else A4

    def para(text: str, style=body, glyph: str | None = None):
        # "^1" is a footnote's reference mark, printed as a superscript.
        markup = _NOTE_MARK.sub(r"<super>\1</super>", escape(hyphenable(text), quote=False))
        if glyph:
            return Paragraph(markup, style, bulletText=glyph)
        return Paragraph(markup, style)

    def cell_para(text: str, bold: bool):
        if text.startswith("• "):
            return para(text[2:], cell, "•")
        return para(
            text, ParagraphStyle("b", parent=cell, fontName="Council-Bold") if bold else cell
        )

    def story(width: float):
        out = []
        for block in blocks:
            kind = block[0]
            if kind == "h":
                out.append(para(block[1], heading))
            elif kind == "p":
                out += [para(block[1]), Spacer(1, 6)]
            elif kind == "bold":
                out += [para(block[1], bold_body), Spacer(1, 6)]
            elif kind == "small":
                out += [para(block[1], small), Spacer(1, 4)]
            elif kind == "ul":
                out += [para(item, body, block[1]) for item in block[2]]
                out.append(Spacer(1, 6))
            elif kind == "ol":
                hanging = ParagraphStyle("ol", parent=body, leftIndent=28, bulletIndent=0)
                for label, text in block[1]:
                    out += [para(text, hanging, label), Spacer(1, 5)]
            elif kind == "columns":
                lines = [
                    [(0, a, "Council", 10.5, 0, ""), (width / 2, b, "Council", 10.5, 0, "")]
                    for a, b in block[1]
                ]
                out += [Drawn(lines, 13), Spacer(1, 6)]
            elif kind == "title":
                out += [para(block[1], ParagraphStyle("t", parent=body, fontSize=18, leading=22))]
            elif kind == "spaced":
                # Each letter drawn on its own, apart, as some exporters set a heading
                # with expanded spacing (pdfium reads a space between the letters).
                from reportlab.pdfbase.pdfmetrics import stringWidth

                x, parts = 0.0, []
                for char in block[1]:
                    if char != " ":
                        parts.append((x, char, "Council-Bold", 12, 0, ""))
                    x += stringWidth(char, "Council-Bold", 12) + (12 if char == " " else 5)
                out += [Drawn([parts], 15), Spacer(1, 6)]
            elif kind == "contents":
                lines = []
                for entry, page in block[1]:
                    dots = "." * int((width - 60 - len(entry) * 5.5) / 3)
                    lines.append(
                        [
                            (0, f"{entry} {dots}", "Council", 10.5, 0, ""),
                            (0, str(page), "Council", 10.5, 0, "right"),
                        ]
                    )
                out += [Drawn(lines, 15), Spacer(1, 6)]
            elif kind == "twocol":
                # Running text in two columns, as a newsletter or a report sets it.
                halves = block[1], block[2]
                data = [[[para(t) for t in half] for half in halves]]
                table = Table(data, colWidths=[width / 2, width / 2])
                table.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (1, 0), (1, 0), 14),
                        ]
                    )
                )
                out += [table, Spacer(1, 10)]
            elif kind == "unruled":
                rows, widths = block[1], block[2]
                data = [
                    [[cell_para(p, i == 0) for p in c] for c in row] for i, row in enumerate(rows)
                ]
                table = Table(data, colWidths=[w * width for w in widths])
                # Rows set as Word sets a borderless table: no space between them.
                table.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ]
                    )
                )
                out += [table, Spacer(1, 10)]
            elif kind == "table":
                rows, widths = block[1], block[2]
                data = [
                    [[cell_para(p, i == 0) for p in c] for c in row] for i, row in enumerate(rows)
                ]
                split = 1 if block[3:] == ("split",) else 0
                table = Table(
                    data, colWidths=[w * width for w in widths], repeatRows=1, splitInRow=split
                )
                table.setStyle(
                    TableStyle(
                        [
                            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ]
                    )
                )
                out += [table, Spacer(1, 10)]
            elif kind == "break":
                out.append(PageBreak())
        return out

    def build(pages: int) -> int:
        seen = []

        def decorate(canvas, doc):
            number = doc.page
            seen.append(number)
            w, h = page_size
            canvas.saveState()
            canvas.setFont("Council", 8.5)
            for k, (left, right) in enumerate(furniture.top):
                y = h - 28 - 11 * k
                canvas.drawString(56, y, left.format(page=number, pages=pages))
                canvas.drawRightString(w - 56, y, right.format(page=number, pages=pages))
            for k, (left, right) in enumerate(reversed(furniture.bottom)):
                y = 24 + 11 * k
                if left and not right:
                    canvas.drawCentredString(w / 2, y, left.format(page=number, pages=pages))
                    continue
                canvas.drawString(56, y, left.format(page=number, pages=pages))
                canvas.drawRightString(w - 56, y, right.format(page=number, pages=pages))
            notes = furniture.notes.get(number, [])
            if notes:
                y = 50 + 10 * len(notes)
                canvas.line(56, y + 8, 200, y + 8)
                canvas.setFont("Council", 7.5)
                for note in notes:
                    canvas.drawString(56, y, note)
                    y -= 10
            canvas.restoreState()

        doc = SimpleDocTemplate(
            str(path),
            pagesize=page_size,
            leftMargin=56,
            rightMargin=56,
            topMargin=64,
            bottomMargin=64 + 10 * max((len(n) for n in furniture.notes.values()), default=0),
        )
        doc.build(story(page_size[0] - 112), onFirstPage=decorate, onLaterPages=decorate)
        return max(seen, default=1)

    # Twice: "Page 2 of N" needs N, known only once the pages are laid out.
    build(build(1))
    return path
