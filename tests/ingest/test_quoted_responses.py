# ruff: noqa: E501 -- the documents are written as their lines are printed, unwrapped
"""Responses that quote the recommendations they answer, in the layouts of government
departments, NHS trusts and councils: the recommendation under an unnumbered heading
("Committee recommendation", "Recommendation:"), numbered by the report's paragraph
(4.13), several answered together by one response that opens with a verdict or "The
Department accepts ..." and no label; recommendations a meeting resolved to make to
another body; and the promises those responses make from now on."""

from __future__ import annotations

import pytest

from oversight.ingest.extract import extract_file, extract_text

from .pdf_render import Furniture, as_council_pdf
from .test_formats import FORMATS, extract

# A department's response to a select committee: paragraph-numbered recommendations
# ending on their paragraph references, one response shared by two of them.
DENTISTRY_RESPONSE = [
    ("h", "Government response to the Health and Social Care Committee report on NHS dentistry"),
    (
        "p",
        "The Government welcomes the Committee's report and thanks everyone who gave "
        "evidence to the inquiry.",
    ),
    ("h", "Committee recommendation"),
    (
        "p",
        "4.12 NHS England should publish a recovery plan for dentistry, with milestones, "
        "within six months of this report (Paragraph 41).",
    ),
    ("p", "The Government accepts this recommendation."),
    (
        "p",
        "NHS England published the Dental Recovery Plan in February 2024. NHS England will "
        "publish a progress report on the plan by 31 March 2025.",
    ),
    ("h", "Committee recommendation"),
    (
        "p",
        "4.13 The Department should review the dental contract with the profession (Paragraph 44).",
    ),
    (
        "p",
        "4.14 We recommend that the review considers paying dentists for the following:",
    ),
    (
        "ul",
        [
            "preventive care for children;",
            "the time taken to see patients who have not seen a dentist for two years.",
        ],
    ),
    ("p", "The outcome of the review should be reported to us within a year (Paragraph 45)."),
    (
        "p",
        "Talks with the British Dental Association began in the spring. The contract review "
        "that will follow them is expected to change how preventive care is paid for.",
    ),
    (
        "p",
        "The Department will consult on changes to the contract for children's preventive "
        "care by 30 September 2025.",
    ),
    ("h", "Committee recommendation"),
    (
        "p",
        "4.15 The Department should fund a new dental school in the east of England "
        "(Paragraph 52).",
    ),
    (
        "p",
        "Not accepted. Training places across England will increase by a quarter by 2031, "
        "and it will often take ten years for a new school to train its first dentists.",
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_paragraph_numbered_recommendations_under_a_heading_each_have_their_answer(fmt, tmp_path):
    data = extract(DENTISTRY_RESPONSE, fmt, tmp_path)
    assert data["document"]["kind"] == "scrutiny_response"
    recs = data["recommendations"]
    assert [r["text"].split(" should ")[0].split(" considers")[0] for r in recs] == [
        "NHS England",
        "The Department",
        "We recommend that the review",
        "The Department",
    ]
    # A report's paragraph number is not a recommendation number in the contract.
    assert all(r["number"] is None for r in recs)
    assert recs[0]["responses"][0]["text"].startswith("The Government accepts this")
    # The list and the paragraph after it are the recommendation's, up to its reference.
    assert "preventive care for children" in recs[2]["text"]
    assert recs[2]["text"].endswith("(Paragraph 45).")
    # 4.13 and 4.14 are answered together: each has the whole shared response.
    assert recs[1]["responses"] == recs[2]["responses"]
    assert recs[1]["responses"][0]["text"].startswith("Talks with the British Dental")
    assert recs[3]["responses"][0]["text"].startswith("Not accepted.")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_shared_response_promises_once_and_forecasts_are_not_promises(fmt, tmp_path):
    data = extract(DENTISTRY_RESPONSE, fmt, tmp_path)
    got = {c["text"]: c["due"] for c in data["commitments"]}
    assert got == {
        "NHS England will publish a progress report on the plan by 31 March 2025.": "2025-03-31",
        "The Department will consult on changes to the contract for children's preventive "
        "care by 30 September 2025.": "2025-09-30",
    }


# A council's executive response in plain text: each recommendation under an unnumbered
# "Recommendation:" heading, each answer opening with its verdict.
LIBRARIES_RESPONSE = """Executive response to the Overview and Scrutiny Committee review of library services

Date: 14 November 2024

Recommendation:

That the Council keeps every branch library open for at least five days a week.

Partially accepted. Branch libraries will open five days a week from 1 April, except Eastgate.

Recommendation:

That the mobile library visits every village at least once a fortnight.

Accepted.

The new timetable will start in January and will be reviewed later this year.
"""


def test_unnumbered_recommendation_headings_with_verdicts_and_no_response_label():
    data = extract_text(LIBRARIES_RESPONSE).to_dict()
    recs = data["recommendations"]
    assert [r["text"] for r in recs] == [
        "That the Council keeps every branch library open for at least five days a week.",
        "That the mobile library visits every village at least once a fortnight.",
    ]
    assert recs[0]["responses"][0]["text"].startswith("Partially accepted. Branch libraries")
    assert recs[1]["responses"][0]["text"].startswith("Accepted.")
    # A date without a year is read forward from the document's date.
    assert {c["text"][:30]: c["due"] for c in data["commitments"]} == {
        "Branch libraries will open fiv": "2025-04-01",
        "The new timetable will start i": "2025-01",
    }


# An NHS trust's reply in Markdown: each recommendation quoted in bold, the answer in
# plain text with no label and no verdict.
TRUST_REPLY = """# Response of Northvale Children's Hospital NHS Trust to the Health Scrutiny Panel

## Recommendation 1

**The Trust should publish, every month, how long children wait for a first appointment with the mental health service, by referral route.**

Waiting times are already reported to the Trust Board each quarter. From May 2025 they will also be published on the Trust's website every month.

## Recommendation 2

**The Trust should offer families a named contact while their child waits for a first appointment with the service.**

Every family waiting for a first appointment has a named practitioner now.
"""


def test_recommendation_quoted_in_bold_is_answered_by_the_plain_text_after_it(tmp_path):
    path = tmp_path / "reply.md"
    path.write_text(TRUST_REPLY, encoding="utf-8")
    data = extract_file(path).to_dict()
    recs = {r["number"]: r for r in data["recommendations"]}
    assert recs["1"]["text"].startswith("The Trust should publish, every month")
    assert recs["1"]["text"].endswith("by referral route.")
    assert recs["1"]["responses"][0]["text"].startswith("Waiting times are already")
    assert recs["2"]["responses"][0]["text"].startswith("Every family waiting")
    assert [(c["text"][:25], c["recommendation"]) for c in data["commitments"]] == [
        ("From May 2025 they will a", "1")
    ]


# Several recommendations named in one heading and answered together.
CARERS_RESPONSE = [
    ("h", "Health and Wellbeing Board: response to the scrutiny review of support for carers"),
    ("h", "Recommendations 3 and 4"),
    ("p", "3. The Board should appoint a lead for unpaid carers."),
    ("p", "4. The Board should report on carers' assessments every quarter."),
    (
        "p",
        "Agreed. The Director of Adult Social Care has been appointed as lead, and will "
        "report carers' assessments to the Board every quarter from June 2025.",
    ),
]


@pytest.mark.parametrize("fmt", ["text", "markdown", "pdf"])
def test_recommendations_named_together_share_the_response_and_each_promise_once(fmt, tmp_path):
    data = extract(CARERS_RESPONSE, fmt, tmp_path)
    recs = {r["number"]: r for r in data["recommendations"]}
    assert sorted(recs) == ["3", "4"]
    assert recs["3"]["text"] == "The Board should appoint a lead for unpaid carers."
    assert recs["3"]["responses"] == recs["4"]["responses"]
    assert recs["4"]["responses"][0]["text"].startswith("Agreed.")
    # The promise is read once, for the recommendation it answers (reports each quarter).
    assert [(c["due"], c["recommendation"]) for c in data["commitments"]] == [("2025-06", "4")]


# A department's response in PDF: a response running across a page, a footnote at the
# foot of the page.
ROADS_RESPONSE = [
    ("h", "Department for Transport response to the Transport Committee report on road safety"),
    ("h", "Committee recommendation"),
    (
        "p",
        "2.3 The Department should set a target for reducing deaths on rural roads (Paragraph 19).",
    ),
    ("p", "The Department agrees that deaths on rural roads must fall.^1"),
    *[
        (
            "p",
            "Local highway authorities already publish casualty figures for every road they "
            "manage, and the Department brings these figures together each year in its "
            "annual statistics, which show where rural roads carry the greatest risk.",
        )
    ]
    * 7,
    ("break",),
    (
        "p",
        "The Department will publish a rural road safety action plan by 31 December 2025.",
    ),
    ("h", "Committee recommendation"),
    ("p", "2.4 The Department should fund average speed cameras on rural roads (Paragraph 23)."),
    ("p", "The Department does not accept this recommendation."),
]


def test_pdf_response_continues_across_a_page_without_its_footnote(tmp_path):
    furniture = Furniture(
        bottom=[("Road safety: Government response", "{page}")],
        notes={1: ["1 Reported Road Casualties Great Britain, annual report 2023."]},
    )
    data = extract_file(as_council_pdf(ROADS_RESPONSE, tmp_path / "r.pdf", furniture)).to_dict()
    recs = data["recommendations"]
    assert len(recs) == 2
    response = recs[0]["responses"][0]["text"]
    assert response.startswith("The Department agrees that deaths on rural roads must fall.")
    assert response.endswith("by 31 December 2025.")
    assert "Casualties Great Britain" not in response
    assert recs[1]["responses"][0]["text"] == "The Department does not accept this recommendation."
    assert [c["due"] for c in data["commitments"]] == ["2025-12-31"]


MINUTES = """Minutes of the Environment Overview and Scrutiny Committee held on 9 October 2024

Present: Councillors Patel (Chair), Hughes and Okafor

5. Dark skies

The Committee considered the report of the Head of Planning.

RESOLVED that the Committee recommends to Cabinet that the Council adopts a dark skies policy for new street lighting.

6. Verge cutting

6.1 RESOLVED to recommend to Full Council:

(a) that verges are cut no more than twice a year outside sight lines;

(b) that parish councils may adopt verges as wildflower meadows.

6.2 RESOLVED that the Head of Highways writes to parish councils about the changes.
"""


def test_minutes_resolving_to_recommend_to_another_body_carry_recommendations():
    data = extract_text(MINUTES).to_dict()
    recs = [(r["number"], r["text"][:30], r["addressees"]) for r in data["recommendations"]]
    assert recs == [
        (None, "the Council adopts a dark skie", ["Cabinet"]),
        (None, "that verges are cut no more th", ["Full Council"]),
        (None, "that parish councils may adopt", ["Full Council"]),
    ]
    # The resolution that asks an officer to act is no recommendation.
    assert not any("writes to parish" in r["text"] for r in data["recommendations"])


ANSWERS = """Questions to the Cabinet Member for Highways, County Council, 6 February 2025

Question 1 (Mr Lee): Will the Cabinet Member repair the footway on Mill Lane?

Answer: The footway was inspected in January. Repairs are planned to start by 14 March, and I have asked the area manager to write to residents once the dates are fixed. Unfortunately, some drivers will still park on the verge. The new surface will help pedestrians with pushchairs.
"""


def test_answers_to_questions_give_their_promises_dated_forward():
    data = extract_text(ANSWERS).to_dict()
    got = [(c["text"][:30], c["due"]) for c in data["commitments"]]
    assert got == [("Repairs are planned to start b", "2025-03-14")]
