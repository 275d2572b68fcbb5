"""Drawing a PDF page with a passage marked (for ingest/pages.py), kept free of Django
so it can run in a child process within memory and time limits (`render_in_child`,
through sandbox.run_limited):
rendering is a different part of pdfium from reading the text, and a hostile PDF could
make it allocate or loop; the web process must not pay for that.

The passage is found again on the page by its letters and digits alone (`locate`): the
importer's text is not the PDF's own (page furniture dropped, hyphens mended, cells
marked). A passage found only in part is marked where found; one not found at all gives
the page unmarked.
"""

from __future__ import annotations

import io
import unicodedata

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from . import sandbox

# Wide enough to read on the review screen, small enough to draw quickly.
TARGET_WIDTH = 1000
MAX_SCALE = 2.0
# However the page is shaped, the image stays this tall at most (a hostile PDF can
# declare a page kilometres long).
MAX_HEIGHT = 2000
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
        width, height = page.get_size()
        if width <= 0 or height <= 0:
            raise IndexError(page_number)
        scale = min(MAX_SCALE, TARGET_WIDTH / width, MAX_HEIGHT / height)
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


def render_png(pdf: str | bytes, page_number: int, passage: str) -> bytes:
    """`render_marked` as PNG bytes."""
    out = io.BytesIO()
    render_marked(pdf, page_number, passage).save(out, format="PNG", optimize=True)
    return out.getvalue()


def render_in_child(pdf_path: str, page_number: int, passage: str) -> bytes:
    """`render_png` in a child process within the extraction's memory and time limits
    (sandbox.run_limited). Raises IndexError for a page the PDF does not have,
    RuntimeError when it cannot be drawn (sandbox.OutOfLimits when the child ran out of
    its limits or died)."""
    memory, seconds = sandbox.limits()
    try:
        return sandbox.run_limited(
            render_png,
            (pdf_path, page_number, passage),
            memory_bytes=memory,
            cpu_seconds=seconds,
            name="oversight-page-image",
        )
    except (IndexError, RuntimeError):
        raise
    except Exception as exc:  # a PDF pdfium cannot draw
        raise RuntimeError(f"The page could not be drawn: {exc!r}"[:500]) from exc
