"""How papers laid before a meeting are headed, written as other councils print them:
a masthead naming the meeting and its date over a run of like items (a question pack),
a draft stamp above the title, and a capitalised title that names no body. And the
promises of a response table that answers like feedback in several rows."""

from __future__ import annotations

from oversight.ingest.extract import extract_file, extract_text

from .pdf_render import Furniture, as_council_pdf

ANSWER = (
    "Answer",
    "The Council resurfaced 14 miles of road last year. We will publish the list of "
    "roads to be resurfaced next year on the Council’s website by 30 April 2025.",
)


def _question_pack(masthead: list[tuple]) -> list[tuple]:
    return [
        *masthead,
        ("h", "Question by Councillor Priya Shah to Councillor Tom Hale, Cabinet Member for Roads"),
        ("p", "How many miles of road did the Council resurface last year?"),
        ("h", ANSWER[0]),
        ("p", ANSWER[1]),
        ("h", "Question by Councillor Ben Ortiz to Councillor Ruth Lee, Leader of the Council"),
        ("p", "What is the Leader doing to fill vacancies in children’s social work?"),
        ("h", "Answer"),
        ("p", "Vacancies fell from 42 to 31 this year after the recruitment campaign."),
        ("h", "Question by Councillor Amy Dunn to Councillor Tom Hale, Cabinet Member for Roads"),
        ("p", "When will the footway on Mill Lane be repaired?"),
        ("h", "Answer"),
        ("p", "The footway on Mill Lane was repaired in January."),
    ]


def test_question_pack_under_a_masthead_is_a_meeting_titled_by_the_masthead(tmp_path):
    """An officer uploading the written answers to a full council meeting gets the
    meeting and its date, and a title naming them, not the first question's heading."""
    blocks = _question_pack([("h", "FULL COUNCIL"), ("h", "Wednesday 5 February 2025")])
    path = as_council_pdf(
        blocks,
        tmp_path / "questions.pdf",
        Furniture(bottom=[("Ashcombe Borough Council", "Page {page} of {pages}")]),
    )
    data = extract_file(path).to_dict()
    assert data["meeting"]["body"] == "Full Council"
    assert data["meeting"]["date"] == "2025-02-05"
    assert data["document"]["title"] == "Full Council – Wednesday 5 February 2025"
    assert len(data["questions"]) == 3


def test_a_councils_own_name_over_a_date_is_a_letterhead_not_a_meeting():
    """A report headed by the authority's name and a date was not written for a meeting
    of the authority: no meeting is made from the letterhead."""
    text = "\n\n".join(
        [
            "**Ashcombe Borough Council**",
            "**12 March 2025**",
            "**Annual Review of Community Safety**",
            "This report reviews the year. The Council will publish a new plan in June 2025.",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["meeting"] is None
    assert data["document"]["title"] == "Annual Review of Community Safety"


def test_draft_stamp_is_not_the_title_and_a_capitalised_title_is_not_a_body(tmp_path):
    """'DRAFT FOR COMMENT' above a consultation response table is a stamp; the title in
    capitals under it names no committee, so no meeting is invented from it."""
    blocks = [
        ("h", "DRAFT FOR COMMENT"),
        ("h", "LIBRARY OPENING HOURS CONSULTATION RESPONSES"),
        ("p", "The table below sets out what residents told us and the draft response."),
        (
            "table",
            [
                [["You said"], ["Draft response"]],
                [
                    ["Evening opening matters to working parents"],
                    ["We will keep two evenings a week at the central library."],
                ],
                [["Saturday opening should stay"], ["Saturday hours are unchanged."]],
            ],
            [0.5, 0.5],
        ),
    ]
    path = as_council_pdf(blocks, tmp_path / "consultation.pdf", Furniture())
    data = extract_file(path).to_dict()
    assert data["document"]["title"].casefold() == "library opening hours consultation responses"
    assert data["meeting"] is None


def test_ongoing_work_that_will_help_is_a_promise_and_a_repeat_is_kept_once():
    """'We are developing X that will help' promises the work; the same promise printed
    again, shorter, in a later row of the table is one commitment, not two."""
    text = "\n".join(
        [
            "**Consultation feedback**\t**Response**",
            "The centre is a lifeline\tOur outreach team will work with families who use "
            "the Riverside centre today and support their move.",
            "Families will lose friends\tWe are also developing a network of parent "
            "volunteers that will help keep families in touch.",
            "The centre is close to home\tOur outreach team will work with families who use "
            "the centre today and support their move.",
        ]
    )
    texts = [c["text"] for c in extract_text(text).to_dict()["commitments"]]
    assert (
        "We are also developing a network of parent volunteers that will help keep "
        "families in touch." in texts
    )
    assert sum(t.startswith("Our outreach team will work") for t in texts) == 1


def _minutes_extract(meeting_line: str) -> dict:
    text = "\n\n".join(
        [
            "**Constitution Review Appendix B – Full Council 20 May 2025**",
            f"**Extract from the minutes of the Standards Committee – {meeting_line}**",
            "Item 4 – Code of Conduct",
            "1. The Monitoring Officer introduced the report on the revised Code of Conduct.",
            "2. RESOLVED that the Committee recommends Full Council adopts the revised Code.",
        ]
    )
    return extract_text(text).to_dict()


def test_minutes_extracted_into_a_later_paper_keep_their_own_meeting_date():
    """The paper is dated for the council meeting it goes to; the meeting minuted in it
    is the committee's, on the committee's date."""
    data = _minutes_extract("3 February 2025")
    assert data["document"]["date"] == "2025-05-20"
    assert data["meeting"]["body"] == "Standards Committee"
    assert data["meeting"]["date"] == "2025-02-03"


def test_a_minuted_meeting_printed_after_its_paper_has_its_year_misprinted():
    """A December meeting reported in a May paper but printed with the paper's year
    happened the December before: minutes cannot postdate the paper carrying them."""
    data = _minutes_extract("9 December 2025")
    assert data["meeting"]["date"] == "2024-12-09"
