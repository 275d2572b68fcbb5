"""The same documents of other councils, read from every format, give the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from oversight.ingest.extract import extract_file

from . import documents as D

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "docs" / "contracts" / "extraction.schema.json"
    ).read_text()
)
FORMATS = ["text", "markdown", "html", "docx", "pdf"]


def extract(blocks, fmt: str, tmp_path: Path) -> dict:
    if fmt == "text":
        path = tmp_path / "doc.txt"
        path.write_text(D.as_text(blocks), encoding="utf-8")
    elif fmt == "markdown":
        path = tmp_path / "doc.md"
        path.write_text(D.as_markdown(blocks), encoding="utf-8")
    elif fmt == "html":
        path = tmp_path / "doc.html"
        path.write_text(D.as_html(blocks), encoding="utf-8")
    elif fmt == "docx":
        path = D.as_docx(blocks, tmp_path / "doc.docx")
    else:
        path = D.as_pdf(blocks, tmp_path / "doc.pdf")
    data = extract_file(path).to_dict()
    assert not list(Draft202012Validator(SCHEMA).iter_errors(data))
    return data


def by_number(data: dict) -> dict[str, dict]:
    return {r["number"]: r for r in data["recommendations"]}


@pytest.mark.parametrize("fmt", FORMATS)
def test_response_table_gives_recommendations_responders_and_commitments(fmt, tmp_path):
    data = extract(D.RESPONSE, fmt, tmp_path)
    assert data["document"]["kind"] == "scrutiny_response"
    assert data["document"]["date"] == "2023-03-14"
    assert data["meeting"]["body"] == "Executive"
    recs = by_number(data)
    assert sorted(recs, key=int) == ["1", "2", "3", "4"]
    assert recs["1"]["title"] == "School streets for every primary school"
    assert recs["2"]["addressees"] == ["Metropolitan Police Service", "Transport for London"]
    assert [r["responder"] for r in recs["2"]["responses"]] == ["MPS", "TfL"]
    assert [r["responder"] for r in recs["3"]["responses"]] == ["Islington Education"]
    assert recs["3"]["text"].endswith("the Council works with parents on anti-idling campaigns.")
    assert [r["responder"] for r in recs["4"]["responses"]] == [
        None,
        "Cllr Maria Lopez, Chair, Health Scrutiny Committee",
    ]
    commitments = {(c["recommendation"], c["text"]): c["due"] for c in data["commitments"]}
    assert commitments == {
        (
            "1",
            "The Council will consult on twelve new school streets by 30th June 2023.",
        ): "2023-06-30",
        ("2", "The MPS is to brief every Safer Neighbourhood Team in September 2023."): "2023-09",
        ("2", "TfL will share its roadside monitoring data with the Committee."): None,
        ("3", "We are happy to provide teaching packs to every primary school."): None,
        (
            "3",
            "It is our intention to extend the pilot to secondary schools from Monday 4 September.",
        ): "2023-09-04",
        (
            "4",
            "The Committee will add childhood asthma admissions to its work programme for 2023/24.",
        ): None,
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_running_text_responses_split_at_labels_and_verdicts(fmt, tmp_path):
    data = extract(D.PLAIN_RESPONSE, fmt, tmp_path)
    recs = by_number(data)
    assert recs["1"]["title"] == "Greater oversight of temporary accommodation standards"
    assert recs["1"]["responses"][0]["responder"] == "Cabinet"
    assert recs["2"]["addressees"] == ["Hackney Education", "Children and Families Service"]
    assert [r["responder"] for r in recs["2"]["responses"]] == [
        "Hackney Education",
        "Children and Families Service",
    ]
    assert recs["3"]["text"].startswith("We recommend that no family stays")
    assert recs["3"]["responses"][0]["text"].startswith("Partially agreed.")
    dues = {c["recommendation"]: c["due"] for c in data["commitments"] if c["due"]}
    assert dues == {"1": "2023-04", "2": "2022-09", "3": "2024-03"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_minutes_give_meeting_attendees_agenda_questions_and_actions(fmt, tmp_path):
    data = extract(D.MINUTES, fmt, tmp_path)
    assert data["document"]["kind"] == "minutes"
    assert data["meeting"] == {
        "body": "Camden Community Safety Board",
        "date": "2023-10-12",
        "start": "10:00",
        "end": "12:00",
        "venue": "Committee Room 2, Camden Town Hall",
        "chair": "Sarah O'Neill",
    }
    assert data["attendees"][1] == {"name": "Tom Becker", "organisation": "Camden Council"}
    assert [(i["number"], i["start"], i["duration_minutes"]) for i in data["agenda_items"]] == [
        ("1", "10:00", 5),
        ("2", "10:05", 15),
        ("3", "10:20", 30),
        ("4", "10:50", 30),
        ("5", "11:20", None),
    ]
    assert data["agenda_items"][3]["presenters"] == ["Cllr Tom Becker"]
    assert [(q["number"], q["response"][:20]) for q in data["questions"]] == [
        ("1", "The camera will be r"),
        ("2", "143 hate crimes were"),
    ]
    actions = {a["text"][:25]: (a["owner"], a["due"], a["update"]) for a in data["actions"]}
    assert actions == {
        "Sarah to circulate the re": ("Sarah O'Neill", "2023-11-30", None),
        "DO to share the referral ": ("Daniel Okafor", "2023-10-20", None),
        "Priya agreed to present t": ("Priya Shah", None, None),
        "Publish the board's annua": ("Tom Becker", None, "Complete – published in September"),
        "Review street lighting on": ("Priya Shah", None, "Ongoing"),
    }
    assert data["commitments"] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_recommendations_in_running_text_and_lists(fmt, tmp_path):
    data = extract(D.REPORT, fmt, tmp_path)
    assert data["document"]["kind"] == "scrutiny_report"
    texts = [r["text"] for r in data["recommendations"]]
    assert texts == [
        "The Sub-Committee recommends that the Council publishes clear guidance for families "
        "considering elective home education.",
        "That a named officer is appointed as a single point of contact for home educating "
        "families;",
        "That the Council shares data on elective home education with schools every term;",
        "That the Cabinet Member reports back to the Sub-Committee within six months.",
    ]
    assert data["commitments"] == [
        {
            "text": "The Council will publish its revised home education policy by 1 September "
            "2022.",
            "due": "2022-09-01",
            "recommendation": None,
        }
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_headings_of_minutes_are_agenda_items(fmt, tmp_path):
    data = extract(D.NUMBERED_MINUTES, fmt, tmp_path)
    assert data["meeting"]["body"] == "Health and Wellbeing Board"
    assert data["meeting"]["date"] == "2024-03-05"
    assert data["meeting"]["chair"] == "Ahmed"
    assert [i["title"] for i in data["agenda_items"]] == [
        "Apologies for absence",
        "Minutes of the previous meeting",
        "Better Care Fund plan",
        "Any other business",
    ]
    assert {"name": "Helen Ward", "organisation": "NHS North Central London"} in data["attendees"]
    assert [(a["owner"], a["due"]) for a in data["actions"]] == [("Helen Ward", "2024-03-31")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_with_header_numbers_rows_from_its_number_column(fmt, tmp_path):
    data = extract(D.HEADED_TABLE, fmt, tmp_path)
    recs = by_number(data)
    assert recs["1"]["text"] == "The Council should keep all youth centres open in the evenings."
    assert recs["2"]["responses"][0]["text"].endswith(
        "Young people will sit on the commissioning board."
    )
    assert [(c["recommendation"], c["due"]) for c in data["commitments"]] == [
        ("1", "2025-01"),
        ("2", "2024-12-01"),
        ("2", None),
    ]


def test_docx_vertically_merged_recommendation_cell_continues_its_row(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Cabinet response to the Scrutiny Panel", level=1)
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Recommendation 1 – Street trees"
    table.cell(0, 0).add_paragraph("We ask for a tree in every street.")
    table.cell(0, 1).text = "Response"
    table.cell(0, 1).add_paragraph("Agreed. 500 trees will be planted by March 2025.")
    table.cell(1, 0).merge(table.cell(0, 0))
    table.cell(1, 1).text = "MPS: Officers will report damaged trees."
    table.cell(2, 0).text = "Recommendation 2 – Verges"
    table.cell(2, 1).text = "Verges will be left to grow in May 2025."
    document.add_heading("Financial implications", level=2)
    document.add_paragraph("The Council will fund the trees from its capital budget.")
    path = tmp_path / "merged.docx"
    document.save(path)
    data = extract_file(path).to_dict()
    recs = by_number(data)
    assert [r["responder"] for r in recs["1"]["responses"]] == [None, "MPS"]
    assert recs["2"]["responses"][0]["text"] == "Verges will be left to grow in May 2025."
    assert [(c["recommendation"], c["due"]) for c in data["commitments"]] == [
        ("1", "2025-03"),
        ("1", None),
        ("2", "2025-05"),
    ]


def test_docx_bold_names_give_presenters_of_an_item_without_a_lead_column(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Health and Care Board - Agenda")
    document.add_paragraph("Tuesday 3 September 2024, 4pm - 6pm")
    document.add_paragraph("AGENDA")
    document.add_paragraph("1. 4.00pm Welcome (5 minutes)")
    document.add_paragraph("2. 4.05pm Winter planning (30 minutes)")
    notes = document.add_paragraph("Hospital discharge: ")
    notes.add_run("Nadia Rahman").bold = True
    notes.add_run(" reported delays.")
    path = tmp_path / "agenda.docx"
    document.save(path)
    items = extract_file(path).to_dict()["agenda_items"]
    assert [(i["number"], i["title"], i["presenters"]) for i in items] == [
        ("1", "Welcome", []),
        ("2", "Winter planning", ["Nadia Rahman"]),
    ]


def test_pdf_bold_heading_that_fills_its_cell_stays_apart_from_the_text(tmp_path):
    blocks = [
        ("h", "Executive response to the Scrutiny Commission"),
        (
            "table",
            [
                [
                    [
                        "Recommendation 1 – Greater representation of Children and Families in "
                        "the unit",
                        "Children aged under 18 make up a growing share of the cohort.",
                    ],
                    ["Response", "Agreed. The service will join the unit by April 2025."],
                ],
            ],
        ),
    ]
    rec = extract(blocks, "pdf", tmp_path)["recommendations"][0]
    assert rec["title"] == "Greater representation of Children and Families in the unit"
    assert rec["text"] == "Children aged under 18 make up a growing share of the cohort."
