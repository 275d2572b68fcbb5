"""Forms for importing a document: the upload, and the review of the records read from
it, one section at a time (the document and its meeting, recommendations with their
responses, commitments, questions, actions, attendees, agenda items).

Each record is a small form in a formset whose forms line up, by position, with the
import's stored records and their provenance (the import's `revision` guards that: see
operations.save_corrections). A record can be corrected, dropped ("Do not import") or
added (the empty form at the end of each list). `SectionEditor.result()` turns the
section's forms back into the contract JSON (docs/contracts/extraction.md) with its
provenance still aligned. Every field is checked as the contract's schema checks it,
with messages a person can act on; what was typed is kept on any error (Django's
widgets re-render the submitted data).
"""

from .sections import SECTION_OF_ROOT, SECTIONS, SECTIONS_BY_SLUG, SectionEditor
from .upload import UploadForm, size_label, too_big_message

__all__ = [
    "SECTION_OF_ROOT",
    "SECTIONS",
    "SECTIONS_BY_SLUG",
    "SectionEditor",
    "UploadForm",
    "size_label",
    "too_big_message",
]
