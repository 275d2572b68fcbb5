"""Committee papers in other councils' layouts, scored against hand-made gold files.

The extractor is graded on documents it has never seen, so these documents were written
in the styles other councils use, each with its gold extraction made by hand before the
extractor read it: an HTML page of minutes with an action log, a text agenda of "Item 4
– 18:40 – Title (15 mins) – Lead" lines, a Markdown briefing of questions and answers, a
Markdown scrutiny report, a text response with responders' labels and an appendix,
a text set of action notes, a Word response table with timescales, and a PDF response
table whose rows break across a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.ingest.extract import extract_file, extract_text

from . import council_documents as C
from . import documents as D
from .test_samples import scored

CORPUS = Path(__file__).resolve().parent / "corpus"
WRITTEN = {
    "northbrook-safer-partnership-minutes-2023-03-15": "html",
    "eastfield-cyp-scrutiny-agenda-2022-11-07": "txt",
    "westvale-health-scrutiny-questions-2023-09-21": "md",
    "ashford-vale-youth-panel-report-2023": "md",
    "riverside-stop-search-response-2022": "txt",
    "kingsmead-youth-justice-board-notes-q2-2023-24": "txt",
}


def _built(name: str, tmp_path: Path) -> Path:
    if name == "exclusions-cabinet-response-2022":
        return D.as_docx(C.EXCLUSIONS_RESPONSE, tmp_path / f"{name}.docx")
    return D.as_pdf(C.NTE_RESPONSE, tmp_path / f"{name}.pdf", split_rows=True)


@pytest.mark.parametrize(
    "name",
    [*WRITTEN, "exclusions-cabinet-response-2022", "nte-womens-safety-response-2021"],
)
def test_document_of_another_council_scores_at_least_085(name, tmp_path):
    source = CORPUS / f"{name}.{WRITTEN[name]}" if name in WRITTEN else _built(name, tmp_path)
    data = extract_file(source).to_dict()
    score, report = scored(data, CORPUS / f"{name}.gold.json", tmp_path)
    assert score >= 0.85, report


def test_pdf_row_broken_across_a_page_keeps_its_responders_and_appendix_response(tmp_path):
    path = D.as_pdf(C.NTE_RESPONSE, tmp_path / "nte.pdf", split_rows=True)
    result = extract_file(path)
    assert len(result.pages) == 2
    rec = {r["number"]: r for r in result.recommendations}["3"]
    assert rec["addressees"] == ["Metropolitan Police Service", "MOPAC"]
    assert [r["responder"] for r in rec["responses"]] == [
        "MPS",
        "MOPAC",
        "British Transport Police",
    ]
    assert rec["text"].endswith("that MOPAC includes this data in its public dashboard.")
    # The words either side of the page break, in one recommendation.
    assert "offences happen. Women told us" in " ".join(rec["text"].split())


def test_cover_table_above_a_response_table_does_not_split_its_columns(tmp_path):
    path = D.as_pdf(C.EXCLUSIONS_RESPONSE, tmp_path / "exclusions.pdf")
    recs = {r["number"]: r for r in extract_file(path).recommendations}
    assert recs["7"]["responses"][0]["responder"] == "Council"
    assert recs["7"]["responses"][1]["responder"] == "Metropolitan Police"
    assert recs["3"]["title"] is None
    assert recs["3"]["text"].startswith("That the Council commissions an independent review")


def test_html_table_cells_without_paragraph_tags_are_read():
    html = (
        "<html><body><p>Actions</p><table><tr><th>Ref</th><th>Action</th><th>Owner</th></tr>"
        "<tr><td>1</td><td>Circulate the strategy to partners</td><td>Sam Okoye</td></tr>"
        "</table></body></html>"
    )
    from oversight.ingest.extract.html_reader import read_html

    text = read_html(html.encode())
    assert "Circulate the strategy to partners" in text
    assert "Sam Okoye" in text


def test_dash_separated_agenda_lines_give_number_time_duration_and_lead():
    result = extract_text(
        "Housing Scrutiny Panel\n\nAGENDA\n\nTuesday 3 October 2023, 6.30pm\n\n"
        "Item 1 – 18:30 – Apologies for absence\n\n"
        "Item 2 – 18:35 – Damp and mould action plan (30 mins) – Joe Bloggs, Director of "
        "Housing; Head of Repairs\n\n"
        "– 19:05 – Work programme (10 mins) – Scrutiny Officer\n"
    )
    items = result.agenda_items
    assert [(i["number"], i["start"], i["duration_minutes"]) for i in items] == [
        ("1", "18:30", None),
        ("2", "18:35", 30),
        ("3", "19:05", 10),
    ]
    assert items[1]["title"] == "Damp and mould action plan"
    assert items[1]["presenters"] == ["Joe Bloggs", "Head of Repairs"]
    assert items[2]["presenters"] == ["Scrutiny Officer"]


def test_minutes_give_the_closing_time_a_weekday_year_and_month_deadlines():
    result = extract_text(
        "Safer Streets Board - Q3 2023/24\n\nAction notes\n\n"
        "Thursday 11 January, 10am – 12 noon, Microsoft Teams\n\n"
        "Present: Ann Lee (Chair), Bob Stone\n\n"
        "1. Performance\n\nBob Stone will bring the burglary figures to the March meeting.\n\n"
        "Ann agreed to write to the Home Office by the end of February.\n\n"
        "The meeting closed at 11.50am.\n"
    )
    meeting = result.meeting
    assert (meeting["date"], meeting["start"], meeting["end"]) == (
        "2024-01-11",
        "10:00",
        "11:50",
    )
    assert meeting["venue"] == "Microsoft Teams"
    dues = {a["owner"]: a["due"] for a in result.actions}
    assert dues == {"Bob Stone": "2024-03", "Ann Lee": "2024-02"}


def test_question_and_response_labels_alone_on_their_lines():
    result = extract_text(
        "Written answers\n\n**Question 4**\n\nHow many referrals were made?\n\n**Response**\n\n"
        "There were 212 referrals.\n\nQuestion 5\n\nWhen will the service reopen?\n\n"
        "Response\n\nIn April 2024.\n"
    )
    assert [(q["number"], q["response"]) for q in result.questions] == [
        ("4", "There were 212 referrals."),
        ("5", "In April 2024."),
    ]
