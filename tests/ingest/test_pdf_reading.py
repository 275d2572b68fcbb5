"""The PDF reading layer, on PDFs laid out as committee papers are (built here).

Each test builds a small PDF with reportlab (pdf_render.py) in one layout and checks
what the reader makes of it: the text convention (readers.read_file) and the blocks
the recognisers read (layout.parse).
"""

from __future__ import annotations

from oversight.ingest.extract.layout import Para, Row, flatten, parse
from oversight.ingest.extract.readers import read_file

from .pdf_render import Furniture, as_council_pdf

PLAIN = Furniture(bottom=[("Page {page} of {pages}", "")])


def read(tmp_path, blocks, furniture=PLAIN):
    doc = read_file(as_council_pdf(blocks, tmp_path / "paper.pdf", furniture))
    return doc, parse(doc.text)


def test_hanging_indent_numbered_items_stay_paragraphs_with_their_labels(tmp_path):
    items = [
        ("1.", "Apologies for absence"),
        ("2.", "Declarations of interest"),
        (
            "3.",
            "Housing repairs backlog: a report of the Director of Housing on the work "
            "outstanding at the end of the quarter and the plan to clear it by the spring",
        ),
        ("4.", "Any other business"),
    ]
    doc, blocks = read(tmp_path, [("h", "Agenda"), ("ol", items)])
    assert not any(isinstance(b, Row) for b in blocks)
    texts = [p.text for p in flatten(blocks)]
    assert "1. Apologies for absence" in texts
    assert "4. Any other business" in texts
    long = next(t for t in texts if t.startswith("3. "))
    assert long.endswith("clear it by the spring")
    assert [p.label for p in flatten(blocks) if p.label] == ["1.", "2.", "3.", "4."]


def test_lettered_sub_items_keep_their_labels(tmp_path):
    items = [
        ("a)", "note the report"),
        ("b)", "agree the revised timetable"),
        ("c)", "ask for an update in March"),
    ]
    _, blocks = read(tmp_path, [("p", "The Committee is asked to:"), ("ol", items)])
    texts = [p.text for p in flatten(blocks)]
    assert "a) note the report" in texts
    assert "c) ask for an update in March" in texts
    assert not any(isinstance(b, Row) for b in blocks)


def test_two_column_name_list_keeps_each_name_apart(tmp_path):
    names = [
        ("Councillor Ada Brown", "Councillor Ravi Patel"),
        ("Councillor Joan Okafor", "Councillor Tom Reid"),
        ("Councillor Li Wei", "Councillor Sam Hughes"),
    ]
    doc, blocks = read(tmp_path, [("p", "Members of the Panel:"), ("columns", names)])
    for left, right in names:
        assert f"{left} {right}" not in doc.text
    texts = {p.text for p in flatten(blocks)}
    for name in (n for pair in names for n in pair):
        assert name in texts


def test_ruled_table_header_row_is_marked_and_rows_go_on_over_the_page(tmp_path):
    long_answer = " ".join(
        f"Step {k}: the service will review the case files of the quarter and report."
        for k in range(1, 40)
    )
    rows = [
        [["Recommendation"], ["Response"], ["Owner"]],
        *[
            [[f"Recommendation {k}: review the waiting list."], ["Accepted."], ["Head of Housing"]]
            for k in range(1, 16)
        ],
        [["Recommendation 16: publish the results."], [long_answer], ["Director"]],
        [["Recommendation 17: report back in a year."], ["Accepted."], ["Director"]],
    ]
    doc, blocks = read(
        tmp_path, [("p", "The responses follow."), ("table", rows, [0.35, 0.45, 0.2], "split")]
    )
    assert len(doc.page_starts) >= 2
    table = [b for b in blocks if isinstance(b, Row)]
    assert table[0].texts == ["Recommendation", "Response", "Owner"]
    assert table[0].first
    # The header row repeated on the second page is not a row of its own.
    assert [r.texts[0] for r in table].count("Recommendation") == 1
    split = next(r for r in table if r.texts[0].startswith("Recommendation 16"))
    assert split.texts[1] == long_answer
    assert split.texts[2] == "Director"
    assert table[-1].texts[0] == "Recommendation 17: report back in a year."
    assert len(table) == 18  # the header and 17 recommendations


def test_heading_spaced_letter_by_letter_is_read_as_its_words(tmp_path):
    doc, blocks = read(
        tmp_path, [("spaced", "MINUTES OF THE MEETING"), ("p", "The meeting was held in public.")]
    )
    assert flatten(blocks)[0].text == "MINUTES OF THE MEETING"
    assert flatten(blocks)[0].heading


def test_letter_spaced_heading_is_read_as_its_word(tmp_path):
    doc, blocks = read(
        tmp_path, [("spaced", "AGENDA"), ("p", "The meeting will be held in public.")]
    )
    assert flatten(blocks)[0].text == "AGENDA"
    assert "A G E N D A" not in doc.text


def test_heading_in_larger_print_is_marked_with_its_level(tmp_path):
    _, blocks = read(
        tmp_path,
        [
            ("title", "Annual report of the Scrutiny Board"),
            ("p", "This report sets out the work of the Board over the year."),
            ("p", "It was agreed by the Board at its last meeting."),
        ],
    )
    first = flatten(blocks)[0]
    assert first.text == "Annual report of the Scrutiny Board"
    assert first.heading and first.level == 1
    assert not flatten(blocks)[1].heading


def test_contents_page_entries_are_not_read_as_headings(tmp_path):
    entries = [("Introduction", 3), ("Findings", 5), ("Recommendations", 9), ("Appendix A", 12)]
    doc, blocks = read(
        tmp_path,
        [
            ("h", "Contents"),
            ("contents", entries),
            ("break",),
            ("h", "Introduction"),
            ("p", "The review looked at how the council answers complaints."),
        ],
    )
    assert "...." not in doc.text
    texts = [p.text for p in flatten(blocks)]
    assert texts.count("Introduction") == 1
    assert "Findings" not in " ".join(texts)


def test_footnote_at_the_foot_of_the_page_stays_out_of_the_text(tmp_path):
    furniture = Furniture(
        bottom=[("Page {page} of {pages}", "")],
        notes={1: ["1 Figures from the quarterly housing return, unaudited."]},
    )
    doc, blocks = read(
        tmp_path,
        [
            ("h", "Response"),
            ("p", "The council agrees and will publish the waiting times^1 each quarter."),
        ],
        furniture,
    )
    assert "unaudited" not in doc.text
    texts = [p.text for p in flatten(blocks)]
    assert "The council agrees and will publish the waiting times each quarter." in texts


def test_words_are_spaced_by_the_gaps_on_the_page(tmp_path):
    doc, _ = read(
        tmp_path,
        [
            (
                "p",
                "The whole-system review found problems with the address www.example.gov.uk.",
            )
        ],
    )
    assert "whole-system review found problems" in doc.text
    assert "www.example.gov.uk." in doc.text


def test_reading_keeps_each_paragraph_on_its_page(tmp_path):
    doc, blocks = read(
        tmp_path,
        [
            ("p", "First page paragraph."),
            ("break",),
            ("h", "Second page heading"),
            ("p", "Second page paragraph."),
        ],
    )
    heading = next(
        p for p in flatten(blocks) if isinstance(p, Para) and p.text == "Second page heading"
    )
    assert doc.page_of(heading.seg.span()[0]) == 2


def test_table_aligned_without_rules_gives_rows_under_its_bold_header(tmp_path):
    rows = [
        [["Action"], ["Owner"], ["Due"]],
        [
            ["Write to the bus operators about the evening timetable"],
            ["Head of Transport"],
            ["31 March 2025"],
        ],
        [["Report the survey results to the Board"], ["Policy Officer"], ["30 April 2025"]],
        [["Publish the revised leaflet"], ["Communications Lead"], ["31 May 2025"]],
        [["Agree the date of the next review"], ["Chair"], ["30 June 2025"]],
    ]
    _, blocks = read(tmp_path, [("h", "Action log"), ("unruled", rows, [0.5, 0.3, 0.2])])
    table = [b for b in blocks if isinstance(b, Row)]
    assert table[0].texts == ["Action", "Owner", "Due"]
    assert table[0].first
    assert [r.texts for r in table[1:]] == [[c[0] for c in row] for row in rows[1:]]


def test_running_text_in_two_columns_is_read_down_each_column(tmp_path):
    left = [
        "The panel met four times this year and heard from residents, officers and the "
        "police about the safety of the town centre after dark.",
        "Residents told the panel that poor lighting in the bus station made them feel "
        "unsafe, and that reports of damage were slow to be answered.",
    ]
    right = [
        "The panel recommends that the council replaces the lighting in the bus station "
        "before the winter and reports progress to the panel in March.",
        "The panel also recommends that reports of damage are answered within five "
        "working days, with the figures published each quarter.",
    ]
    doc, blocks = read(tmp_path, [("h", "Town centre safety"), ("twocol", left, right)])
    assert not any(isinstance(b, Row) for b in blocks)
    text = " ".join(p.text for p in flatten(blocks))
    for paragraph in left + right:
        assert paragraph in text
    assert text.index(left[1]) < text.index(right[0])


def test_long_text_table_without_rules_keeps_each_row_together(tmp_path):
    rows = [
        [["Issue raised"], ["Response"]],
        [
            [
                "Residents asked why the library would close on Saturdays when most "
                "families use it then."
            ],
            [
                "The library will stay open on Saturday mornings; the afternoon hours "
                "move to Thursday evenings."
            ],
        ],
        [
            ["Parents said the new opening hours clash with the school run in the afternoons."],
            [
                "The service will review the hours with the schools nearby and report "
                "back in the spring."
            ],
        ],
        [
            ["Several people asked whether the mobile library would still visit the villages."],
            [
                "The mobile library timetable is unchanged and will be published on the "
                "council website."
            ],
        ],
    ]
    _, blocks = read(tmp_path, [("unruled", rows, [0.5, 0.5])])
    table = [b for b in blocks if isinstance(b, Row)]
    # (Line-end hyphens in words the document spells nowhere else stay: not the point.)
    unhyphenated = [[t.replace("-", "") for t in r.texts] for r in table]
    assert unhyphenated == [[c[0] for c in row] for row in rows]
    assert table[0].first
