"""HTML text through BeautifulSoup, in the text convention of layout.py.

Block elements (p, div, li, headings, ...) become paragraphs separated by blank lines;
headings start with "# ", list items with "- ", bold is wrapped in `**`. Each table row
becomes one line of tab-separated cells (a line of dashes under a table's first row),
each cell's paragraphs as `<p>` fragments, so a
"Recommendation / Response" table reads like one from a PDF or DOCX. Scripts, styles
and navigation are dropped. A page nested too deeply to walk is refused.
"""

from __future__ import annotations

import re
from html import escape

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

from .readers import UnreadableDocument

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "svg",
    "button",
    "form",
    "select",
    "iframe",
    "object",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "dl",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "address",
    "caption",
    "body",
    "html",
    "hr",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read_html(data: bytes) -> str:
    """The page's text; a page nested too deeply to walk is refused."""
    try:
        soup = BeautifulSoup(data, "lxml")
        lines: list[str] = []
        walker = _Walker(lines)
        walker.block(soup.body or soup)
        walker.flush()  # text after the last block element
    except RecursionError as exc:
        raise UnreadableDocument("This HTML page is nested too deeply to read") from exc
    return "\n\n".join(ln for ln in lines if ln.strip())


class _Walker:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.inline: list[str] = []
        self.prefix = ""

    def flush(self) -> None:
        text = " ".join("".join(self.inline).split())
        text = re.sub(r"\*\*\s*\*\*", " ", text).strip()
        if text and text != "**":
            self.lines.append(self.prefix + text)
        self.inline.clear()
        self.prefix = ""

    def block(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.inline.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.casefold()
            if name in _SKIP:
                continue
            if name == "table":
                self.flush()
                self.table(child)
            elif name == "br":
                self.flush()
            elif name in _BLOCK:
                self.flush()
                if name in _HEADINGS:
                    self.prefix = "# "
                elif name == "li":
                    self.prefix = "- "
                self.block(child)
                self.flush()
            elif name in {"b", "strong"}:
                inner = child.get_text(" ", strip=True)
                if inner:
                    self.inline.append(f" **{inner}** ")
            else:
                self.block(child)

    def table(self, table: Tag) -> None:
        first = True
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # a nested table's rows are read with their cell
            cells: list[str] = []
            for cell in tr.find_all(["td", "th"], recursive=False):
                cells.append(_cell_html(cell))
                span = cell.get("colspan")
                if span and str(span).isdigit():
                    cells.extend("" for _ in range(min(int(span), 20) - 1))
            if any(cells):
                line = "\t".join(cells) if len(cells) > 1 else cells[0] + "\t"
                if first:  # the dashes mark a table's first row, as markdown does
                    line += "\n" + "\t".join("---" for _ in cells)
                    first = False
                self.lines.append(line)


def _cell_html(cell: Tag) -> str:
    """A table cell's paragraphs as `<p>` / `<ul><li>` fragments on one line."""
    lines: list[str] = []
    walker = _Walker(lines)
    walker.block(cell)
    walker.flush()  # a cell's own text, outside any <p>, is most cells' whole text
    parts = []
    for line in lines:
        text = escape(" ".join(line.replace("\t", " ").split()), quote=False)
        if line.startswith("- "):
            parts.append(f"<ul><li>{text[2:]}</li></ul>")
        else:
            parts.append(f"<p>{text.lstrip('# ')}</p>")
    return " ".join(parts)
