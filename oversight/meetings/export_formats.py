"""Write an exports.Document as DOCX (python-docx) or PDF (reportlab).

Both keep the structure a screen reader needs: real headings, tables with a header
row that repeats on each page, the document title in the file's properties.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings

from .exports import Bullets, Details, Document, Heading, Para, Table

# --- DOCX -----------------------------------------------------------------------------


def _repeat_header(row) -> None:
    """Mark a table row as the header row, repeated on every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def to_docx(doc: Document) -> bytes:
    from docx import Document as Docx
    from docx.shared import Pt

    out = Docx()
    out.core_properties.title = doc.title
    out.core_properties.subject = doc.subtitle
    out.core_properties.author = settings.COUNCIL_NAME
    out.styles["Normal"].font.name = "Arial"
    out.styles["Normal"].font.size = Pt(11)
    out.add_paragraph(doc.subtitle, style="Subtitle")
    out.add_heading(doc.title, level=1)
    if doc.status_note:
        out.add_paragraph().add_run(doc.status_note).bold = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            # The document title is the one heading 1; the structure's levels shift down.
            out.add_heading(block.text, level=min(block.level, 4))
        elif isinstance(block, Para):
            p = out.add_paragraph()
            run = p.add_run(block.text)
            run.italic = block.style in {"note", "small"}
        elif isinstance(block, Bullets):
            for item in block.items:
                out.add_paragraph(str(item), style="List Bullet")
        elif isinstance(block, Details):
            for label, value in block.pairs:
                p = out.add_paragraph()
                p.add_run(f"{label}: ").bold = True
                p.add_run(str(value))
        elif isinstance(block, Table):
            out.add_paragraph(block.caption, style="Caption")
            table = out.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            _repeat_header(table.rows[0])
            for row in block.rows:
                cells = table.add_row().cells
                for cell, value in zip(cells, row, strict=True):
                    cell.text = str(value)
    buf = BytesIO()
    out.save(buf)
    return buf.getvalue()


# --- PDF ------------------------------------------------------------------------------

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """DejaVu Sans where installed (it has every character the documents use), else
    the built-in Helvetica (Latin-1 only)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "OversightSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("OversightSans", str(regular)))
        pdfmetrics.registerFont(TTFont("OversightSans-Bold", str(bold)))
        # So that <b> in a paragraph finds the bold face.
        pdfmetrics.registerFontFamily(
            "OversightSans",
            normal="OversightSans",
            bold="OversightSans-Bold",
            italic="OversightSans",
            boldItalic="OversightSans-Bold",
        )
    return "OversightSans", "OversightSans-Bold"


def _widths(table: Table, total: float, char_width: float = 5.2) -> list[float]:
    """Column widths: each at least as wide as its longest word (so that no word is
    broken across lines), the rest shared in proportion to how much each column says."""
    columns = [[h, *(str(r[n]) for r in table.rows)] for n, h in enumerate(table.headers)]
    mins = [
        min(total * 0.4, max(len(w) for c in col for w in (c.split() or [""])) * char_width + 12)
        for col in columns
    ]
    if sum(mins) >= total:
        return [m * total / sum(mins) for m in mins]
    weights = [max(1.0, sum(len(c) for c in col) / len(col)) for col in columns]
    spare = total - sum(mins)
    return [m + spare * w / sum(weights) for m, w in zip(mins, weights, strict=True)]


def to_pdf(doc: Document) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as PdfTable

    regular, bold = _fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13, alignment=TA_LEFT)
    styles = {
        "subtitle": ParagraphStyle(
            "subtitle", base, fontSize=11, textColor=colors.HexColor("#505a5f")
        ),
        "title": ParagraphStyle(
            "title", base, fontName=bold, fontSize=18, leading=22, spaceAfter=6
        ),
        1: ParagraphStyle(
            "h1", base, fontName=bold, fontSize=15, leading=19, spaceBefore=10, spaceAfter=4
        ),
        2: ParagraphStyle(
            "h2", base, fontName=bold, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4
        ),
        3: ParagraphStyle(
            "h3", base, fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=2
        ),
        "body": ParagraphStyle("body", base, spaceAfter=4),
        "note": ParagraphStyle("note", base, fontName=bold, spaceAfter=6),
        "small": ParagraphStyle("small", base, fontSize=9, textColor=colors.HexColor("#505a5f")),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11),
        "head": ParagraphStyle("head", base, fontName=bold, fontSize=9, leading=11),
        "caption": ParagraphStyle("caption", base, fontName=bold, fontSize=9, spaceBefore=4),
    }

    def p(text, style="body"):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), styles[style])

    buf = BytesIO()
    pdf = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=doc.title,
        subject=doc.subtitle,
        author=settings.COUNCIL_NAME,
        creator="Oversight",
        lang="en-GB",
        displayDocTitle=True,
    )
    width = pdf.width
    story = [p(doc.subtitle, "subtitle"), p(doc.title, "title")]
    if doc.status_note:
        story.append(p(doc.status_note, "note"))
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(p(block.text, min(block.level, 3)))
        elif isinstance(block, Para):
            story.append(p(block.text, {"note": "note", "small": "small"}.get(block.style, "body")))
        elif isinstance(block, Bullets):
            story.append(
                ListFlowable(
                    [ListItem(p(i), leftIndent=12) for i in block.items],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                    bulletFontName=regular,
                )
            )
        elif isinstance(block, Details):
            for label, value in block.pairs:
                story.append(
                    Paragraph(
                        f"<b>{escape(label)}:</b> {escape(str(value))}",
                        ParagraphStyle("detail", styles["body"], fontName=regular),
                    )
                )
        elif isinstance(block, Table):
            story.append(p(block.caption, "caption"))
            data = [[p(h, "head") for h in block.headers]]
            data += [[p(c, "cell") for c in row] for row in block.rows]
            t = PdfTable(data, colWidths=_widths(block, width), repeatRows=1)
            t.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#b1b4b6")),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(t)
            story.append(Spacer(1, 4 * mm))

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(18 * mm, 10 * mm, doc.title[:120])
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {document.page}")
        canvas.restoreState()

    pdf.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()
