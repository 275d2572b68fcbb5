"""A PDF page as an image with a passage marked, for the review screen: the officer sees
where a record was read from as the page looks, beside the record.

The provenance gives the page and the passage's span in the text the importer read,
which is not the PDF's own text (page furniture dropped, hyphens mended, cells
marked), so the passage is found again on the page by its letters and digits alone
(`locate`), then the boxes of those characters are drawn over the rendered page. A
passage found only in part is marked where found; one not found at all gives the page
unmarked. Images are kept on disk, one per import, page and span, so each is drawn
once (`page_image`).
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from django.conf import settings
from PIL import Image, ImageDraw

from .models import ImportedDocument, readable

# Wide enough to read on the review screen, small enough to draw quickly.
TARGET_WIDTH = 1000
MAX_SCALE = 2.0
# A passage not found whole is looked for in pieces of this many letters.
PIECE = 24
MARK_FILL = (255, 221, 0, 110)  # GOV.UK yellow, see-through
MARK_EDGE = (11, 12, 12, 255)


def _letters(text: str) -> tuple[str, list[int]]:
    """The letters and digits of `text`, folded (ligatures split, case dropped), with
    the index in `text` each came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch):
            if c.isalnum():
                out.append(c.casefold())
                where.append(i)
    return "".join(out), where


def locate(passage: str, page_text: str) -> list[int]:
    """Indices of `page_text` that make up `passage`: the whole passage where it is
    found as it is, else each piece of it found in order."""
    wanted, _ = _letters(passage)
    have, where = _letters(page_text)
    if not wanted or not have:
        return []
    at = have.find(wanted)
    if at >= 0:
        return sorted({where[i] for i in range(at, at + len(wanted))})
    found: set[int] = set()
    cursor = 0
    for piece_start in range(0, len(wanted), PIECE):
        piece = wanted[piece_start : piece_start + PIECE]
        if len(piece) < 6:
            break
        at = have.find(piece, cursor)
        if at < 0:
            continue
        found.update(where[i] for i in range(at, at + len(piece)))
        cursor = at + len(piece)
    return sorted(found)


def _line_boxes(boxes: list[tuple[float, float, float, float]]) -> list[list[float]]:
    """Characters' boxes (left, bottom, right, top), in reading order, merged into one
    box per run of a line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left or top <= bottom:
            continue
        if lines:
            cur = lines[-1]
            middle = (bottom + top) / 2
            if cur[1] <= middle <= cur[3] and left >= cur[0] - 2:
                cur[0], cur[1] = min(cur[0], left), min(cur[1], bottom)
                cur[2], cur[3] = max(cur[2], right), max(cur[3], top)
                continue
        lines.append([left, bottom, right, top])
    return lines


def render_marked(pdf: str | bytes, page_number: int, passage: str) -> Image.Image:
    """Page `page_number` (from 1) of the PDF (a path or its bytes) with the characters
    of `passage` marked. Raises IndexError for a page the PDF does not have."""
    pdf = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= page_number <= len(pdf):
            raise IndexError(page_number)
        page = pdf[page_number - 1]
        width, _ = page.get_size()
        scale = min(MAX_SCALE, TARGET_WIDTH / width) if width else 1.0
        textpage = page.get_textpage()
        count = textpage.count_chars()
        page_text = textpage.get_text_range(0, count) if count else ""
        marked = locate(passage, page_text) if len(page_text) == count else []
        boxes = [textpage.get_charbox(i) for i in marked]
        left, _, _, top = page.get_cropbox()
        image = page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGBA")
    finally:
        pdf.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    pad = 2
    for x0, y0, x1, y1 in _line_boxes(boxes):
        draw.rectangle(
            [
                (x0 - left) * scale - pad,
                (top - y1) * scale - pad,
                (x1 - left) * scale + pad,
                (top - y0) * scale + pad,
            ],
            fill=MARK_FILL,
            outline=MARK_EDGE,
            width=2,
        )
    return Image.alpha_composite(image, overlay).convert("RGB")


def cache_dir(imp: ImportedDocument) -> Path:
    """Where the import's page images are kept (not under MEDIA_URL: they are served
    only through the import's own view, with its access check)."""
    return Path(settings.MEDIA_ROOT) / "import-pages" / str(imp.pk)


def page_image(imp: ImportedDocument, page: int, start: int, end: int) -> Path:
    """The PNG of `page` with the passage `imp.text[start:end]` marked, drawn once and
    then read from disk. Raises FileNotFoundError when the import's file is gone,
    IndexError for a page the PDF does not have."""
    target = cache_dir(imp) / f"p{page}-{start}-{end}.png"
    if target.exists():
        return target
    if not imp.file:
        raise FileNotFoundError("The import's file was not kept")
    passage = readable(imp.text[start:end])
    try:
        source: str | bytes = imp.file.path
    except NotImplementedError:  # storage without local files
        with imp.file.open("rb") as stored:
            source = stored.read()
    image = render_marked(source, page, passage)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside it and moved into place: a reader never sees half an image.
    fd, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        image.save(out, format="PNG", optimize=True)
    os.replace(partial, target)
    return target
