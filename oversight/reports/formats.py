"""Draw a ReportContent as HTML (GOV.UK Frontend markup), DOCX (python-docx) or PDF
(reportlab), with the same headings in each.

- HTML: one self-contained file (the site's stylesheet inlined), headings h1 to h4, tables
  with header cells and captions; the restricted version opens with its banner.
- DOCX: Word's own Title and Heading 1-3 styles, so the navigation pane and screen
  readers find the structure; each table's header row repeats on every page; the
  restricted banner is in the page header, so it is on every page.
- PDF: the same headings, the title, author and language in the document properties,
  and an outline (bookmarks) of sections, recommendations and items; the restricted
  banner at the top of every page. reportlab cannot write a tagged PDF (no structure
  tree), so a screen reader reads the PDF as text in order: the HTML and DOCX are the
  accessible versions (docs/architecture.md).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from .content import ItemSection, RecommendationSection, ReportContent

FORMATS = {
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "html": ("text/html; charset=utf-8", "html"),
}


def render(report: ReportContent, fmt: str) -> bytes:
    """The report in `fmt` (a key of FORMATS)."""
    return {"pdf": to_pdf, "docx": to_docx, "html": to_html}[fmt](report)


# --- what every format says ------------------------------------------------------------


def summary_rows(report: ReportContent) -> tuple[list[list[str]], list[list[str]]]:
    positions = [[label, str(n)] for label, n in report.summary.positions]
    rags = [[rag.label, str(n)] for rag, n in report.summary.rags]
    return positions, rags


def change_lists(report: ReportContent) -> list[tuple[str, list[str]]]:
    """(heading, lines) for each kind of change there was."""
    c = report.changes
    lists = [
        (
            "Recommendations that moved",
            [f"{m.item}: {m.before} to {m.after}" for m in c.recommendation_movements],
        ),
        ("Status movements", [f"{m.item}: {m.before} to {m.after}" for m in c.status_movements]),
        ("Newly verified", [i.item for i in c.newly_verified]),
        ("Newly overdue", [i.item for i in c.newly_overdue]),
        ("New commitments and actions", [i.item for i in c.new_items]),
        (
            "New updates",
            [
                f"{n.item}: {n.update.narrative} ({n.update.author}, {n.update.on:%-d %B %Y})"
                for n in c.new_updates
            ],
        ),
    ]
    return [(heading, lines) for heading, lines in lists if lines]


def changes_intro(report: ReportContent) -> str:
    c = report.changes
    if c.first:
        return "This is the first update report on this review."
    if c.nothing:
        return f"Nothing has changed since the report of {c.previous_date:%-d %B %Y}."
    return f"Since the report of {c.previous_date:%-d %B %Y}:"


def cover_pairs(report: ReportContent) -> list[tuple[str, str]]:
    pairs = [("Review", report.review_title), ("Commission", report.commission)]
    if report.review_date:
        pairs.append(("Review published", f"{report.review_date:%-d %B %Y}"))
    pairs.append(("Report date", f"{report.report_date:%-d %B %Y}"))
    pairs.append(
        (
            "Version",
            report.banner if report.restricted else "Public: restricted records are left out",
        )
    )
    return pairs


def recommendation_pairs(rec: RecommendationSection) -> list[tuple[str, str]]:
    pairs = [("Addressed to", ", ".join(rec.addressees))] if rec.addressees else []
    return pairs + [("Response", rec.position), ("Status", rec.status_label)]


def item_pairs(item: ItemSection) -> list[tuple[str, str]]:
    u = item.latest_update
    return [
        ("Owner", item.owner),
        ("Due", item.due),
        ("Status", f"{item.status_label} ({item.progress}%)"),
        ("RAG", item.rag.label),
        ("Latest update", f"{u.narrative} ({u.author}, {u.on:%-d %B %Y})" if u else "None yet"),
        ("Verification", str(item.verification) if item.verification else "Not verified"),
        ("Evidence", "; ".join(str(e) for e in item.evidence) or "None listed"),
    ]


def heading_with_flag(text: str, restricted: bool) -> str:
    return f"{text} (restricted)" if restricted else text


# --- HTML ------------------------------------------------------------------------------


def _stylesheet() -> str:
    path = finders.find("oversight/oversight.css")
    return Path(path).read_text() if path else ""


def to_html(report: ReportContent) -> bytes:
    return render_to_string(
        "reports/update_report.html", {"report": report, "css": _stylesheet()}
    ).encode()


# --- DOCX ------------------------------------------------------------------------------


def _repeat_header(row) -> None:
    """Mark a table row as its header row, repeated on every page (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def to_docx(report: ReportContent) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    out = Document()
    out.core_properties.title = report.title
    out.core_properties.subject = report.commission
    out.core_properties.author = settings.COUNCIL_NAME
    out.core_properties.language = "en-GB"
    out.styles["Normal"].font.name = "Arial"
    out.styles["Normal"].font.size = Pt(11)
    if report.restricted:
        header = out.sections[0].header.paragraphs[0]
        run = header.add_run(report.banner)
        run.bold = True
        run.font.color.rgb = RGBColor(0xD4, 0x35, 0x1C)

    def pairs(rows):
        for label, value in rows:
            p = out.add_paragraph()
            p.add_run(f"{label}: ").bold = True
            p.add_run(value)

    def table(caption, headers, rows):
        out.add_paragraph(caption, style="Caption")
        t = out.add_table(rows=1, cols=len(headers))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, headers, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        _repeat_header(t.rows[0])
        for row in rows:
            for cell, value in zip(t.add_row().cells, row, strict=True):
                cell.text = value

    def item(i: ItemSection, level: int):
        out.add_heading(heading_with_flag(i.heading, i.restricted), level=level)
        pairs(item_pairs(i))

    out.add_paragraph(report.commission, style="Subtitle")
    out.add_heading(report.title, level=0)
    if report.restricted:
        out.add_paragraph().add_run(report.banner).bold = True
    pairs(cover_pairs(report))

    out.add_heading("Summary", level=1)
    positions, rags = summary_rows(report)
    s = report.summary
    table(
        f"Recommendations by response ({s.recommendations} in all)",
        ["Response", "Recommendations"],
        positions,
    )
    table(
        f"Commitments and actions by RAG ({s.items} in all, {s.verified} verified)",
        ["RAG", "Items"],
        rags,
    )

    out.add_heading("What has changed since the previous report", level=1)
    out.add_paragraph(changes_intro(report))
    for heading, lines in change_lists(report):
        out.add_heading(heading, level=2)
        for line in lines:
            out.add_paragraph(line, style="List Bullet")

    out.add_heading("Recommendations", level=1)
    for rec in report.recommendations:
        out.add_heading(heading_with_flag(rec.heading, rec.restricted), level=2)
        out.add_paragraph(rec.text)
        pairs(recommendation_pairs(rec))
        if rec.responses:
            out.add_heading("Responses", level=3)
            for r in rec.responses:
                p = out.add_paragraph()
                on = f", {r.on:%-d %B %Y}" if r.on else ""
                flag = " (restricted)" if r.restricted else ""
                p.add_run(f"{r.responder}: {r.position_label}{on}{flag}. ").bold = True
                p.add_run(r.text)
        for i in rec.items:
            item(i, 3)
    if report.review_items:
        out.add_heading("Follow-up the review itself asked for", level=1)
        for i in report.review_items:
            item(i, 2)
    buf = BytesIO()
    out.save(buf)
    return buf.getvalue()


# --- PDF -------------------------------------------------------------------------------

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """DejaVu Sans where installed (it has every character a report may hold, the dash
    of the banner included), else the built-in Helvetica (Latin-1 only)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "ReportSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ReportSans", str(regular)))
        pdfmetrics.registerFont(TTFont("ReportSans-Bold", str(bold)))
        pdfmetrics.registerFontFamily(
            "ReportSans",
            normal="ReportSans",
            bold="ReportSans-Bold",
            italic="ReportSans",
            boldItalic="ReportSans-Bold",
        )
    return "ReportSans", "ReportSans-Bold"


class Story:
    """The flowables of a PDF as reportlab consumes them: from the front, one at a
    time (`del flowables[0]`), putting split parts back at the front. On a list that
    costs the whole list each time, so a long report took quadratic time; kept here in
    reverse order, the front is the cheap end. Only the operations reportlab's
    doctemplate uses on its story are supported."""

    def __init__(self, flowables: list):
        self._reversed = flowables[::-1]

    def __len__(self) -> int:
        return len(self._reversed)

    def _at(self, index: int) -> int:
        n = len(self._reversed)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        return n - 1 - index

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(len(self)))]
        return self._reversed[self._at(key)]

    def __setitem__(self, key, value) -> None:
        if isinstance(key, slice):
            if key.indices(len(self))[:2] != (0, 0):
                raise NotImplementedError("only insertion at the front")
            self._reversed.extend(list(value)[::-1])
        else:
            self._reversed[self._at(key)] = value

    def __delitem__(self, key) -> None:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if start != 0 or step != 1:
                raise NotImplementedError("only deletion from the front")
            del self._reversed[len(self) - stop :]
        elif key == 0:
            self._reversed.pop()
        else:
            del self._reversed[self._at(key)]

    def insert(self, index: int, value) -> None:
        self._reversed.insert(len(self) - index, value)


def to_pdf(report: ReportContent) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    regular, bold = _fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13)
    grey = colors.HexColor("#505a5f")
    styles = {
        "subtitle": ParagraphStyle("subtitle", base, fontSize=11, textColor=grey),
        "title": ParagraphStyle(
            "title", base, fontName=bold, fontSize=20, leading=24, spaceAfter=8
        ),
        1: ParagraphStyle(
            "h1", base, fontName=bold, fontSize=16, leading=20, spaceBefore=12, spaceAfter=4
        ),
        2: ParagraphStyle(
            "h2", base, fontName=bold, fontSize=13, leading=17, spaceBefore=10, spaceAfter=4
        ),
        3: ParagraphStyle(
            "h3", base, fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=2
        ),
        "body": ParagraphStyle("body", base, spaceAfter=4),
        "banner": ParagraphStyle(
            "banner", base, fontName=bold, textColor=colors.HexColor("#d4351c")
        ),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11),
        "head": ParagraphStyle("head", base, fontName=bold, fontSize=9, leading=11),
        "caption": ParagraphStyle("caption", base, fontName=bold, fontSize=9, spaceBefore=4),
        "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=2),
    }

    def text(value: str) -> str:
        return escape(str(value)).replace("\n", "<br/>")

    def p(value, style="body"):
        return Paragraph(text(value), styles[style])

    key_count = [0]

    def heading(value: str, level: int):
        """A heading that is also an entry in the outline, at its level (0 = sections)."""
        para = p(value, level)
        key_count[0] += 1
        para.outline = (value, f"h{key_count[0]}", level - 1)
        return para

    def pairs(rows):
        # One paragraph of lines, not one per line: a big report has tens of thousands
        # of these, and reportlab's cost is per flowable as much as per word.
        lines = "<br/>".join(f"<b>{text(label)}:</b> {text(value)}" for label, value in rows)
        return [Paragraph(lines, styles["body"])]

    def table(caption, headers, rows, width):
        t = PdfTable(
            [[p(h, "head") for h in headers]] + [[p(c, "cell") for c in row] for row in rows],
            colWidths=[width * 0.7, width * 0.3],
            repeatRows=1,
        )
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#b1b4b6")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return [p(caption, "caption"), t, Spacer(1, 4 * mm)]

    class OutlinedDoc(SimpleDocTemplate):
        def afterFlowable(self, flowable):
            outline = getattr(flowable, "outline", None)
            if outline:
                title, key, level = outline
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)

    buf = BytesIO()
    pdf = OutlinedDoc(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
        title=report.title,
        subject=report.commission,
        author=settings.COUNCIL_NAME,
        creator="Oversight",
        lang="en-GB",
        displayDocTitle=True,
    )
    width = pdf.width
    story = [p(report.commission, "subtitle"), p(report.title, "title")]
    if report.restricted:
        story.append(p(report.banner, "banner"))
    story += pairs(cover_pairs(report))

    story.append(heading("Summary", 1))
    positions, rags = summary_rows(report)
    s = report.summary
    story += table(
        f"Recommendations by response ({s.recommendations} in all)",
        ["Response", "Recommendations"],
        positions,
        width,
    )
    story += table(
        f"Commitments and actions by RAG ({s.items} in all, {s.verified} verified)",
        ["RAG", "Items"],
        rags,
        width,
    )

    story.append(heading("What has changed since the previous report", 1))
    story.append(p(changes_intro(report)))
    for title, lines in change_lists(report):
        story.append(heading(title, 2))
        story += [Paragraph(text(line), styles["bullet"], bulletText="•") for line in lines]

    def item(i: ItemSection, level: int):
        story.append(heading(heading_with_flag(i.heading, i.restricted), level))
        story.extend(pairs(item_pairs(i)))

    story.append(heading("Recommendations", 1))
    for rec in report.recommendations:
        story.append(heading(heading_with_flag(rec.heading, rec.restricted), 2))
        story.append(p(rec.text))
        story += pairs(recommendation_pairs(rec))
        if rec.responses:
            story.append(p("Responses", 3))
            for r in rec.responses:
                on = f", {r.on:%-d %B %Y}" if r.on else ""
                flag = " (restricted)" if r.restricted else ""
                story.append(
                    Paragraph(
                        f"<b>{text(r.responder)}: {text(r.position_label)}{on}{flag}.</b> "
                        f"{text(r.text)}",
                        styles["body"],
                    )
                )
        for i in rec.items:
            item(i, 3)
    if report.review_items:
        story.append(heading("Follow-up the review itself asked for", 1))
        for i in report.review_items:
            item(i, 2)

    def page(canvas, document):
        canvas.saveState()
        if report.restricted:
            canvas.setFont(bold, 10)
            canvas.setFillColor(colors.HexColor("#d4351c"))
            canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, report.banner)
            canvas.setFillColor(colors.black)
        canvas.setFont(regular, 8)
        canvas.drawString(18 * mm, 10 * mm, report.title[:110])
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {document.page}")
        canvas.restoreState()

    pdf.build(Story(story), onFirstPage=page, onLaterPages=page)
    return buf.getvalue()
