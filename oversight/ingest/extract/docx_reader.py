"""DOCX text through python-docx: paragraphs and tables in document order.

The ZIP container is checked before python-docx opens it: a file that is not a ZIP
archive or is truncated, has no word/document.xml, or would expand to more than
100 MB or more than 100 times its packed size (a zip bomb) is refused with a reason.

Paragraphs and tables in a content control (w:sdt) or custom XML are read in their
place, as Word shows them; a text box's paragraphs come before those of the paragraph
it is anchored in, once (not again from the copy Word keeps for older readers).
Paragraphs become lines separated by blank lines: headings start with "# ", list
paragraphs with "- ", or with the label Word prints for a numbered one ("5.", "(ii)",
"3.2": `docx_numbering.py` counts the lists of numbering.xml as Word does), a
numbered heading keeping its number after the "# "; bold runs are wrapped in `**`.
Each table row becomes one line of tab-separated cells (a line of dashes under a table's
first row), each cell's paragraphs as `<p>...</p>` fragments (bulleted paragraphs as
`<ul><li>...</li></ul>`, numbered ones as `<p>` starting with their label): the same
cell structure as the HTML table fragments of the other sources. Cells merged across
columns count once; a cell continuing a vertical merge is empty, like the first cell
of a table row continued on a new page. A page break starts a new page (form feed).
"""

from __future__ import annotations

import io
import zipfile
from html import escape

from .docx_numbering import Numbering
from .readers import UnreadableDocument

MAX_EXPANDED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100


def check_zip(data: bytes) -> None:
    """Refuse a DOCX that is no valid ZIP, is no Word document, or is a zip bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(
            "This is not a valid DOCX file: the ZIP archive is damaged or truncated"
        ) from exc
    with archive:
        infos = archive.infolist()
        expanded = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
        if expanded > MAX_EXPANDED_BYTES:
            raise UnreadableDocument(
                f"This DOCX would expand to {expanded / 1024 / 1024:.0f} MB (over 100 MB); "
                "refused as a possible zip bomb"
            )
        if packed and expanded / packed > MAX_RATIO:
            raise UnreadableDocument(
                f"This DOCX is compressed {expanded / packed:.0f} to 1 (over 100 to 1); "
                "refused as a possible zip bomb"
            )
        if "word/document.xml" not in archive.namelist():
            raise UnreadableDocument(
                "This ZIP archive is not a Word document (no word/document.xml)"
            )


def read_docx(data: bytes) -> list[str]:
    """The pages of a DOCX as text (see the module docstring for the convention)."""
    check_zip(data)
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"This DOCX file is damaged and cannot be read ({exc})") from exc
    except Exception as exc:  # lxml raises its own errors for broken XML
        raise UnreadableDocument(f"This DOCX file is damaged and cannot be read ({exc})") from exc
    writer = _Writer(document, qn)
    try:
        for child in _children(document.element.body, qn):
            if child.tag == qn("w:p"):
                writer.paragraph(child)
            elif child.tag == qn("w:tbl"):
                writer.table(child)
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument("This DOCX file is damaged (a part fails its checksum)") from exc
    return writer.pages()


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _own(p, tag: str, qn):
    """The paragraph's own `tag` elements: not those of a text box's paragraphs in it,
    nor those of the copy Word writes for older readers (mc:Fallback)."""
    for el in p.iter(tag):
        parent = el.getparent()
        while parent is not None and parent is not p:
            if parent.tag in (qn("w:p"), _FALLBACK):
                break
            parent = parent.getparent()
        else:
            yield el


def _boxed_paragraphs(p, qn):
    """The paragraphs of text boxes drawn in the paragraph (w:txbxContent), without
    the mc:Fallback copy, not those of boxes inside them (read with their own)."""
    for box in _own(p, qn("w:txbxContent"), qn):
        yield from (c for c in _children(box, qn) if c.tag == qn("w:p"))


def _children(element, qn):
    """The element's children, those inside a content control (w:sdt) or custom XML
    wrapper in their place: a template's cover details, a table's rows or a row's
    cells may be held in one."""
    wrappers = (qn("w:sdt"), qn("w:customXml"))
    for child in element.iterchildren():
        if child.tag in wrappers:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _children(content, qn)
        else:
            yield child


class _Writer:
    def __init__(self, document, qn):
        self.qn = qn
        self.document = document
        self.lines: list[str] = []
        self.page_breaks: list[int] = []
        self.numbering = Numbering(document, qn)

    # -- paragraphs --

    def _runs_text(self, p) -> str:
        """The paragraph's text, its bold stretches wrapped in ** (whitespace outside)."""
        qn = self.qn
        pieces: list[tuple[str, bool]] = []
        for r in _own(p, qn("w:r"), qn):
            text = "".join(
                "\t" if el.tag == qn("w:tab") else (el.text or "") if el.tag == qn("w:t") else "\n"
                for el in r
                if el.tag in (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"))
            )
            if not text:
                continue
            rpr = r.find(qn("w:rPr"))
            b = rpr.find(qn("w:b")) if rpr is not None else None
            bold = b is not None and b.get(qn("w:val")) not in ("0", "false")
            if pieces and pieces[-1][1] == bold:
                pieces[-1] = (pieces[-1][0] + text, bold)
            else:
                pieces.append((text, bold))
        out: list[str] = []
        for text, bold in pieces:
            core = text.strip()
            if bold and core:
                lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
                out.append(f"{lead}**{core}**{trail}")
            else:
                out.append(text)
        return "".join(out)

    def _style(self, p) -> str:
        ppr = p.find(self.qn("w:pPr"))
        style = ppr.find(self.qn("w:pStyle")) if ppr is not None else None
        if style is None:
            return ""
        style_id = style.get(self.qn("w:val")) or ""
        try:
            return self.document.styles.get_by_id(style_id, 1).name or style_id
        except (KeyError, ValueError, AttributeError):
            return style_id

    def _list_marker(self, p, style: str) -> str:
        qn = self.qn
        ppr = p.find(qn("w:pPr"))
        num = ppr.find(qn("w:numPr")) if ppr is not None else None
        style_id = None
        if num is None:
            # Word's "List Number" style, or a heading style linked to a list, numbers
            # its paragraphs from the style itself.
            num, style_id = self._style_numbering(p)
        if num is None:
            return "- " if style.casefold().startswith("list bullet") else ""
        num_id = num.find(qn("w:numId"))
        level = num.find(qn("w:ilvl"))
        list_id = num_id.get(qn("w:val")) if num_id is not None else ""
        if level is not None:
            ilvl = _level(level.get(qn("w:val")))
        else:  # a style's list gives the style its own level ("Heading 2": the second)
            ilvl = self.numbering.style_level(list_id, style_id)
        label = self.numbering.label(list_id, ilvl)
        if label is None:  # a list numbering.xml does not define, or numId 0 (none)
            return "" if num_id is not None and num_id.get(qn("w:val")) == "0" else "- "
        return f"{label} " if label else "- "

    def _style_numbering(self, p):
        """The numPr of the paragraph's style, or of a style it is based on, and the id
        of the style that has it."""
        qn = self.qn
        ppr = p.find(qn("w:pPr"))
        ref = ppr.find(qn("w:pStyle")) if ppr is not None else None
        try:
            style = (
                self.document.styles.get_by_id(ref.get(qn("w:val")), 1) if ref is not None else None
            )
        except (KeyError, ValueError, AttributeError):
            return None, None
        for _ in range(5):  # styles based on styles, a few deep at most
            if style is None:
                return None, None
            spr = style.element.find(qn("w:pPr"))
            num = spr.find(qn("w:numPr")) if spr is not None else None
            if num is not None and num.find(qn("w:numId")) is not None:
                return num, style.style_id
            style = style.base_style
        return None, None

    def _breaks_page(self, p) -> bool:
        qn = self.qn
        return any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))) or any(
            True for _ in p.iter(qn("w:lastRenderedPageBreak"))
        )

    def paragraph(self, p) -> None:
        if self._breaks_page(p) and self.lines:
            self.page_breaks.append(len(self.lines))
        # A text box anchored in the paragraph ("Agenda Item 6" on a cover): its
        # paragraphs are read before the paragraph's own text, once.
        for inner in _boxed_paragraphs(p, self.qn):
            self.paragraph(inner)
        text = self._runs_text(p).replace("\n", " ").strip()
        style = self._style(p)
        # A numbered paragraph counts, and prints its number, even with no text of its
        # own (a heading "Recommendation 3" whose words are all Word's numbering).
        marker = self._list_marker(p, style)
        if marker == "- ":
            marker = "" if not text else marker
        if not text and not marker:
            return
        lowered = style.casefold()
        if lowered.startswith("heading") or lowered == "title":
            # A numbered heading ("5 Winter pressures") keeps the number Word prints.
            text = "# " + (marker if marker != "- " else "") + text.replace("**", "")
        else:
            text = marker + text
        self.lines.append(text.rstrip())

    # -- tables --

    def _cell_html(self, tc) -> str:
        qn = self.qn
        parts: list[str] = []
        for p in tc.iter(qn("w:p")):
            if any(a.tag == _FALLBACK for a in p.iterancestors()):
                continue  # the copy of a text box Word writes for older readers
            text = " ".join(self._runs_text(p).replace("\t", " ").replace("\n", " ").split())
            marker = self._list_marker(p, self._style(p))
            if not text and marker in ("", "- "):
                continue
            text = escape(text, quote=False)
            if marker == "- ":
                parts.append(f"<ul><li>{text}</li></ul>")
            elif marker:  # a numbered paragraph keeps the number Word prints
                parts.append(f"<p>{(marker + text).strip()}</p>")
            else:
                parts.append(f"<p>{text}</p>")
        return " ".join(parts)

    def table(self, tbl) -> None:
        qn = self.qn
        first = True
        for tr in _children(tbl, qn):
            if tr.tag != qn("w:tr"):
                continue  # rows of a nested table are read with their cell
            cells: list[str] = []
            for tc in (c for c in _children(tr, qn) if c.tag == qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"):
                    cells.append("")
                else:
                    cells.append(self._cell_html(tc))
            if any(cells):
                if any(self._breaks_page(p) for p in tr.iter(qn("w:p"))) and self.lines:
                    self.page_breaks.append(len(self.lines))
                line = "\t".join(cells) if len(cells) > 1 else cells[0] + "\t"
                if first:  # the dashes mark a table's first row, as markdown does
                    line += "\n" + "\t".join("---" for _ in cells)
                    first = False
                self.lines.append(line)

    def pages(self) -> list[str]:
        pages: list[str] = []
        start = 0
        for brk in [*sorted(set(self.page_breaks)), len(self.lines)]:
            if brk > start or not pages:
                pages.append("\n\n".join(self.lines[start:brk]))
                start = brk
        return pages


def _level(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
