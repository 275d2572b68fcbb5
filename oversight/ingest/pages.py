"""A PDF page as an image with a passage marked, for the review screen: the officer sees
where a record was read from as the page looks, beside the record.

The provenance gives the page and the passage's span in the text the importer read;
page_render.py finds the passage on the page and draws it, in a child process within
the extraction's limits. Images are kept on disk, one per import, page and span, so
each is drawn once (`page_image`).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from .models import ImportedDocument, readable
from .page_render import render_in_child


def cache_dir(imp: ImportedDocument) -> Path:
    """Where the import's page images are kept (not under MEDIA_URL: they are served
    only through the import's own view, with its access check)."""
    return Path(settings.MEDIA_ROOT) / "import-pages" / str(imp.pk)


def page_image(imp: ImportedDocument, page: int, start: int, end: int) -> Path:
    """The PNG of `page` with the passage `imp.text[start:end]` marked, drawn once and
    then read from disk. Raises FileNotFoundError when the import's file is gone,
    IndexError for a page the PDF does not have, RuntimeError when it cannot be drawn."""
    target = cache_dir(imp) / f"p{page}-{start}-{end}.png"
    if target.exists():
        return target
    if not imp.file:
        raise FileNotFoundError("The import's file was not kept")
    passage = readable(imp.text[start:end])
    target.parent.mkdir(parents=True, exist_ok=True)
    copied = None
    try:
        source = imp.file.path
    except NotImplementedError:  # storage without local files: a copy for the child
        fd, copied = tempfile.mkstemp(dir=target.parent, suffix=".pdf")
        with os.fdopen(fd, "wb") as out, imp.file.open("rb") as stored:
            out.write(stored.read())
        source = copied
    try:
        png = render_in_child(source, page, passage)
    finally:
        if copied:
            os.unlink(copied)
    # Written beside it and moved into place: a reader never sees half an image.
    fd, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(fd, "wb") as out:
        out.write(png)
    os.replace(partial, target)
    return target
