"""A council response as Word writes it, for the held-out style tests.

`LONELINESS_RESPONSE` is a cabinet response whose recommendations are Word headings
("Heading 2": "Recommendation 2 – Befriending services"), each followed by the
recommendation, a position line ("Cabinet response: Partially agreed") and the response
as a Word numbered list ("List Number": the numbers live in the style, not in the
text) or as paragraphs labelled with the responding body. Its hand-made gold
extraction, made before the extractor read it, is in `corpus/`.

Blocks: ("title", text) the document's title (Word's "Title" style); ("h1"/"h2",
text) headings; ("p", text) a paragraph, "**" around it for bold; ("ol", [items]) a
numbered list; ("ul", [items]) a bulleted list.
"""

from __future__ import annotations

from pathlib import Path

LONELINESS_RESPONSE = [
    (
        "title",
        "Response to the Health and Adult Social Care Scrutiny Commission’s review of "
        "loneliness in later life",
    ),
    ("p", "Cabinet, 14 November 2023"),
    ("h1", "Introduction"),
    (
        "p",
        "The Commission’s review heard from more than 200 older residents. Cabinet welcomes "
        "the review and responds to its four recommendations below, with the Integrated Care "
        "Board where a recommendation concerns the NHS.",
    ),
    ("h1", "Responses to the recommendations"),
    ("h2", "Recommendation 1 – A joint loneliness strategy"),
    (
        "p",
        "The Council should adopt a loneliness strategy jointly with the NHS by the end of 2024.",
    ),
    ("p", "**Cabinet response: Agreed**"),
    (
        "ol",
        [
            "The Council will draft a joint strategy with the Integrated Care Board, to be "
            "agreed by Cabinet in September 2024.",
            "Engagement with older residents on the draft will begin in January 2024.",
        ],
    ),
    ("h2", "Recommendation 2 – Befriending services"),
    ("p", "Funding for befriending services should be protected in the 2024/25 budget."),
    ("p", "**Cabinet response: Partially agreed**"),
    (
        "p",
        "Council: Funding will be held at the 2023/24 level in 2024/25; an increase is not "
        "affordable.",
    ),
    (
        "p",
        "Integrated Care Board: The ICB will contribute £40,000 to befriending services from "
        "April 2024.",
    ),
    ("h2", "Recommendation 3 – Social prescribing"),
    (
        "p",
        "GP practices should refer isolated older people to social prescribing link workers.",
    ),
    ("p", "**Cabinet response: Agreed**"),
    (
        "p",
        "Integrated Care Board: All primary care networks already employ link workers. The "
        "ICB will publish referral figures by practice each quarter, starting in spring 2024.",
    ),
    ("h2", "Recommendation 4 – Community transport"),
    (
        "p",
        "The Council should extend the community transport scheme to evenings and weekends.",
    ),
    ("p", "**Cabinet response: Not agreed**"),
    (
        "ol",
        [
            "The scheme’s operator cannot staff evening services.",
            "The Council will instead review the taxi voucher scheme and report to the "
            "Commission by 31 March 2024.",
        ],
    ),
    ("h1", "Next steps"),
    (
        "ul",
        [
            "The Commission will receive an update on all four recommendations in twelve months.",
        ],
    ),
]


def as_word(blocks: list[tuple], path: Path) -> Path:
    """Write the blocks as a DOCX with Word's own styles (see the module docstring)."""
    import docx

    document = docx.Document()
    for block in blocks:
        kind, value = block
        if kind == "title":
            document.add_heading(value, level=0)
        elif kind in ("h1", "h2"):
            document.add_heading(value, level=int(kind[1]))
        elif kind == "p":
            bold = value.startswith("**") and value.endswith("**")
            paragraph = document.add_paragraph()
            paragraph.add_run(value.strip("*") if bold else value).bold = bold or None
        elif kind in ("ol", "ul"):
            style = "List Number" if kind == "ol" else "List Bullet"
            for item in value:
                document.add_paragraph(item, style=style)
    document.save(path)
    return path
