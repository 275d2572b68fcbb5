"""Council PDFs and Word files as councils export them, scored against hand-made gold.

The documents (`pdf_council_documents.py`, `word_council_documents.py`) were written in
styles the extractor had not seen, and their gold extractions made by hand before it
read them: ModernGov-style minutes, a landscape executive response table, a
recommendations tracker with updates and RAG statuses, a partnership board's timed
agenda, a Word response with heading styles and numbered lists, and (written after the
rules for those) a scrutiny panel's report, a board's action log and a partnership's
notes set out as tables (`pdf_council_reports.py`). Every PDF page
carries running headers and footers, long words are hyphenated at line ends, tables
repeat their header rows and the text has footnotes, curly quotes, ligatures and
non-breaking spaces.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.ingest.extract import extract_file, extract_text
from oversight.ingest.extract.commitments import due_date
from oversight.ingest.extract.pdf_furniture import SOFT_HYPHEN, is_page_number, mend_hyphens
from oversight.ingest.extract.readers import read_file

from . import pdf_council_documents as P
from .pdf_council_reports import (
    EASTHOLM_FURNITURE,
    EASTHOLM_NOTES,
    KNIFE_CRIME_FURNITURE,
    KNIFE_CRIME_REPORT,
    YOUTH_JUSTICE_ACTION_LOG,
    YOUTH_JUSTICE_FURNITURE,
)
from .pdf_render import as_council_pdf
from .test_samples import scored
from .word_council_documents import LONELINESS_RESPONSE, as_word

CORPUS = Path(__file__).resolve().parent / "corpus"
DOCUMENTS = {
    "harbourside-csp-minutes-2024-03-13": (P.HARBOURSIDE_MINUTES, P.HARBOURSIDE_FURNITURE),
    "westmoor-temporary-accommodation-response-2024": (
        P.WESTMOOR_RESPONSE,
        P.WESTMOOR_FURNITURE,
    ),
    "langdale-youth-services-tracker-2025-01-21": (P.LANGDALE_TRACKER, P.LANGDALE_FURNITURE),
    "wealdshire-safer-partnership-agenda-2025-02-04": (
        P.WEALDSHIRE_AGENDA,
        P.WEALDSHIRE_FURNITURE,
    ),
    # Written after the rules for the four above, to test them on new layouts.
    "kingsbridge-knife-crime-review-2024": (KNIFE_CRIME_REPORT, KNIFE_CRIME_FURNITURE),
    "southmere-youth-justice-action-log-2025-01-20": (
        YOUTH_JUSTICE_ACTION_LOG,
        YOUTH_JUSTICE_FURNITURE,
    ),
    "eastholm-csp-notes-2025-01-09": (EASTHOLM_NOTES, EASTHOLM_FURNITURE),
}


def _pdf(name: str, tmp_path: Path) -> Path:
    blocks, furniture = DOCUMENTS[name]
    return as_council_pdf(blocks, tmp_path / f"{name}.pdf", furniture)


@pytest.mark.parametrize("name", [*DOCUMENTS, "loneliness-cabinet-response-2023"])
def test_council_export_scores_at_least_085(name, tmp_path):
    if name in DOCUMENTS:
        path = _pdf(name, tmp_path)
    else:
        path = as_word(LONELINESS_RESPONSE, tmp_path / f"{name}.docx")
    data = extract_file(path).to_dict()
    score, report = scored(data, CORPUS / f"{name}.gold.json", tmp_path)
    assert score >= 0.85, report


def test_running_headers_footers_and_footnotes_leave_the_text(tmp_path):
    text = read_file(_pdf("westmoor-temporary-accommodation-response-2024", tmp_path)).text
    assert "Agenda Item 7" not in text
    assert "Page 1 of 2" not in text and "OFFICIAL" not in text
    assert "Executive – 10 September 2024" not in text
    # The footnote at the foot of page 1, and its mark after "accommodation.".
    assert "Review of temporary accommodation, Overview" not in text
    assert "temporary\naccommodation.\n" in text
    # The table's header row, repeated on page 2, stays: the table needs it there.
    assert text.split("\f")[1].lstrip().startswith("<p>**No.**</p>")


def test_page_number_alone_is_dropped_even_on_a_page_of_its_own(tmp_path):
    text = read_file(_pdf("langdale-youth-services-tracker-2025-01-21", tmp_path)).text
    assert [page.strip().splitlines()[-1] for page in text.split("\f")] == [
        "■ Delayed (Red): recommendation 4",
        "Contact officer: Priya Nair, Youth Services Manager, youth.services@langdale.gov.uk",
    ]


def test_words_broken_at_line_ends_are_joined_and_compounds_keep_their_hyphen(tmp_path):
    text = read_file(_pdf("westmoor-temporary-accommodation-response-2024", tmp_path)).text
    assert SOFT_HYPHEN not in text
    assert "Partially agreed" in text and "caseworker" in text
    assert "nightly-paid" in text


def test_mend_hyphens_reads_the_document_for_compounds():
    pages = [
        f"the commu{SOFT_HYPHEN}\nnity safety plan and the multi{SOFT_HYPHEN} agency board",
        f"an agency of the Smith{SOFT_HYPHEN}\nJones family; the well{SOFT_HYPHEN}\nbeing and "
        f"well-being of the community; first{SOFT_HYPHEN} time entrants",
    ]
    assert mend_hyphens(pages) == [
        # "community" is spelt whole on page 2: it was broken to fit.
        "the community safety plan and the multi-agency board",
        "an agency of the Smith-Jones family; the well-being and well-being of the community; "
        "first-time entrants",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", True), ("Page 3 of 12", True), ("- 4 -", True), ("Page 7", True), ("2025/26", False)],
)
def test_page_numbers(text, expected):
    assert is_page_number(text) is expected


def test_an_attendee_given_a_job_title_has_it_as_role_not_organisation():
    result = extract_text(
        "Minutes of the Safer Towns Board\n\nMonday 3 June 2024\n\n"
        "Present: Simon Reyes – Head of Community Safety, Karen Doyle (Community Safety "
        "Manager), Ann Lee (Analyst, Metropolitan Police)\n"
    )
    assert [(a["name"], a["organisation"], a.get("role")) for a in result.attendees] == [
        ("Simon Reyes", None, "Head of Community Safety"),
        ("Karen Doyle", None, "Community Safety Manager"),
        ("Ann Lee", "Metropolitan Police", "Analyst"),
    ]


def test_partners_and_officers_lists_follow_those_present():
    result = extract_text(
        "Minutes of the Safer Towns Board\n\nMonday 3 June 2024\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Bob Stone\n\n"
        "Partners: Supt Carol Jones (Kent Police) and Dev Patel (Kent and Medway ICB)\n\n"
        "Officers: Ed Ward – Head of Housing\n\nApologies: Fay Wu\n\n"
        "1. Minutes\n\nAgreed.\n"
    )
    assert [(a["name"], a["organisation"]) for a in result.attendees] == [
        ("Ann Lee", None),
        ("Bob Stone", None),
        ("Carol Jones", "Kent Police"),
        ("Dev Patel", "Kent and Medway ICB"),
        ("Ed Ward", None),
    ]


def test_labelled_actions_give_a_role_as_owner_and_numbered_minutes_run_on():
    result = extract_text(
        "Minutes of the Safer Towns Board\n\nMonday 3 June 2024\n\n"
        "Present: Cllr Ann Lee (Chair), Supt Carol Jones\n\n"
        "**14. Minutes of the last meeting**\n\nAgreed.\n\n"
        "**15. Shoplifting**\n\n15.1 Superintendent Jones agreed to share the figures.\n\n"
        "ACTION: Head of Community Safety to write to retailers by 30 June 2024.\n"
    )
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        ("14", "Minutes of the last meeting"),
        ("15", "Shoplifting"),
    ]
    actions = {a["text"]: (a["owner"], a["due"]) for a in result.actions}
    assert actions == {
        "Superintendent Jones agreed to share the figures.": ("Carol Jones", None),
        "Head of Community Safety to write to retailers by 30 June 2024.": (
            "Head of Community Safety",
            "2024-06-30",
        ),
    }


def test_agenda_table_paper_column_and_breaks():
    result = extract_text(
        "Health Board\n\nAgenda\n\nTuesday 4 March 2025, 2pm\n\n"
        "Item\tTime\tSubject\tLead\tPaper\n---\t---\t---\t---\t---\n"
        "1\t14:00\tWelcome\tChair\tVerbal\n"
        "2\t14:05\tWinter pressures (30 mins)\tJo Hart, Director of Nursing\tPaper A\n"
        "\t14:35\tBreak\t\t\n"
        "3\t14:45\tAny other business\tChair\t–\n"
    )
    items = [
        (i["number"], i["title"], i["duration_minutes"], i["presenters"])
        for i in result.agenda_items
    ]
    assert items == [
        ("1", "Welcome", None, ["Chair"]),
        ("2", "Winter pressures", 30, ["Jo Hart"]),
        ("3", "Any other business", None, ["Chair"]),
    ]


def test_tracker_update_column_is_read_with_the_response():
    result = extract_text(
        "Update on the recommendations\n\n"
        "Rec\tRecommendation\tCabinet response (May 2024)\tUpdate (January 2025):\tRAG\n"
        "---\t---\t---\t---\t---\n"
        "1\tThe Council should open a youth hub.\tAgreed.\tThe hub will open in June 2025.\t"
        "Amber\n"
    )
    rec = result.recommendations[0]
    assert rec["number"] == "1"
    assert "The hub will open in June 2025." in rec["responses"][0]["text"]
    assert "Amber" not in rec["responses"][0]["text"]
    assert [(c["text"], c["due"]) for c in result.commitments] == [
        ("The hub will open in June 2025.", "2025-06")
    ]


def test_a_verdict_after_a_response_label_is_no_response_text():
    result = extract_text(
        "Cabinet response to the review\n\n"
        "Recommendation 1 – Lighting\n\nThe Council should light the park.\n\n"
        "Cabinet response: Agreed\n\nNew lights will be fitted by May 2024.\n\n"
        "Recommendation 2 – Benches\n\nThe Council should add benches.\n\n"
        "Cabinet response: Partially agreed\n\n"
        "Parks Trust: The Trust will fund two benches.\n\n"
        "Recommendation 3 – Toilets\n\nThe Council should open the toilets.\n\n"
        "Cabinet response: Not agreed\n"
    )
    responses = {r["number"]: r["responses"] for r in result.recommendations}
    assert [r["text"] for r in responses["1"]] == ["New lights will be fitted by May 2024."]
    assert [(r["responder"], r["text"]) for r in responses["2"]] == [
        ("Parks Trust", "The Trust will fund two benches.")
    ]
    # Where the verdict is all there is, it is the response.
    assert [r["text"] for r in responses["3"]] == ["Not agreed"]


def test_ligatures_and_non_breaking_spaces_are_read_as_letters_and_spaces():
    result = extract_text(
        "Action notes\n\nPresent: Ann Lee, Bob Stone\n\n1. Finance\n\n"
        "Action: Bob Stone to circulate the \ufb01nal \ufb02ood plan by 30\u00a0June\u00a02024.\n"
    )
    assert [(a["text"], a["due"]) for a in result.actions] == [
        ("Bob Stone to circulate the final flood plan by 30 June 2024.", "2024-06-30")
    ]


def test_an_attendance_table_takes_the_organisation_column_over_the_role():
    result = extract_text(
        "Minutes of the Youth Board\n\n12 March 2024\n\nPresent\n\n"
        "Name\tRole\tOrganisation\n---\t---\t---\n"
        "Ann Lee\tChair\tLambeth Council\n"
        "Bob Stone\tYouth Worker\tStreetwise Trust\n"
        "Cy Patel\tAnalyst\t\n\n"
        "1. Welcome\n\nNoted.\n"
    )
    assert [(a["name"], a["organisation"]) for a in result.attendees] == [
        ("Ann Lee", "Lambeth Council"),
        ("Bob Stone", "Streetwise Trust"),
        ("Cy Patel", None),
    ]


@pytest.mark.parametrize(
    ("first", "second", "number"),
    [("23", "45", "45"), ("45", "23", "45"), ("45", "24", "45"), ("24", "12", "12")],
)
def test_minute_references_give_the_minute_not_the_year(first, second, number):
    result = extract_text(
        "Minutes of the Safer Streets Board\n\nHeld on 12 March 2024\n\n"
        "Present: Cllr Ann Lee (Chair), Bob Stone\n\n"
        f"**CSP {first}/{second} Minutes of the previous meeting**\n\nAgreed.\n"
    )
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        (number, "Minutes of the previous meeting")
    ]


def test_action_log_headers_with_dates_and_responsible_officer():
    result = extract_text(
        "Action log\n\n"
        "Action no.\tAction\tResponsible officer\tTarget date\tUpdate (May 2024):\n"
        "---\t---\t---\t---\t---\n"
        "A1\tPublish the hotspot maps\tHead of Community Safety\t30/06/2024\tOn track\n"
    )
    assert result.actions == [
        {
            "text": "Publish the hotspot maps",
            "owner": "Head of Community Safety",
            "due": "2024-06-30",
            "update": "On track",
        }
    ]


def test_dates_broken_by_a_narrow_column_are_joined_and_presented_is_no_attendee_label(
    tmp_path,
):
    path = _pdf("southmere-youth-justice-action-log-2025-01-20", tmp_path)
    result = extract_file(path)
    assert "<p>31/05/2024</p>" in result.text
    assert result.document["kind"] == "other"
    assert result.attendees == []


def test_a_footnote_is_dropped_but_a_small_table_row_with_its_number_is_kept(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "notes.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("Helvetica", 11)
    for k, line in enumerate(["Knife possession offences rose by a fifth", "in the year."]):
        page.drawString(56, 760 - 14 * k, line)
    page.setFont("Helvetica", 6)
    page.drawString(
        56 + page.stringWidth("Knife possession offences rose by a fifth", "Helvetica", 11),
        764,
        "2",
    )
    page.setFont("Helvetica", 7)
    for k, (ref, text) in enumerate([("1", "First row of the table"), ("2", "Second row of it")]):
        page.drawString(56, 200 - 10 * k, ref)
        page.drawString(140, 200 - 10 * k, text)
    page.drawString(56, 90, "2 Police recorded crime, 2023.")
    page.save()
    text = read_file(path).text
    assert "Police recorded crime" not in text
    assert "Second row of it" in text
    assert "a fifth\nin the year." in text


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # A quarter of a financial year, a season and a financial year name no month.
        ("The plan will be published in Q3 2024/25.", None),
        ("A report will follow in spring 2024.", None),
        ("Funding is held for 2024/25.", None),
        ("The review will be done by Sept 2024.", "2024-09"),
        ("The review will be done by 31/03/2025.", "2025-03-31"),
        # "since" dates what has already begun.
        ("A weekly review has been in place since June 2024 and will continue.", None),
    ],
)
def test_due_dates_of_promises(text, due):
    assert due_date(text, None) == due


def test_a_one_page_paper_loses_its_marked_header_and_reads_its_notes_tables(tmp_path):
    result = extract_file(_pdf("eastholm-csp-notes-2025-01-09", tmp_path))
    assert "OFFICIAL" not in result.text and "Page 1 of 1" not in result.text
    assert result.document["title"] == "Eastholm Community Safety Partnership – Meeting notes"
    assert result.attendees[0] == {"name": "Jo Marsh", "organisation": "Eastholm Council"}
    assert result.meeting["chair"] == "Jo Marsh"
    # The "Notes" column before the actions is the discussion, not a progress update.
    assert [a["update"] for a in result.actions] == [None, None, None]
