"""Actions and questions as minutes and question papers write them: promises and requests
in running language, what was resolved, action lists with owners and statuses,
questions asked and answered in the text, and tables of issues raised with responses.

Each document is a small paper in the style of another council, board or trust."""

from __future__ import annotations

from oversight.ingest.extract import extract_file, extract_text

from . import documents as D

PARISH_HEADER = [
    ("h", "Wealdbridge District Council"),
    ("h", "Minutes of the Overview and Scrutiny Committee held on Tuesday 4 June 2024"),
    (
        "p",
        "Present: Councillor Ruth Ingram (Chairman), Councillor Dev Sharma, Councillor Ann "
        "Hollis, Councillor Peter Ojo",
    ),
    (
        "p",
        "Officers: Martin Greaves (Head of Planning), Jo Sands (Democratic Services Officer), "
        "Helen Brook (Director of Finance)",
    ),
]


def _minutes(*paras: str, header=PARISH_HEADER) -> dict:
    blocks = [*header, *(("p", p) for p in paras)]
    return extract_text(D.as_text(blocks)).to_dict()


def _actions(data: dict) -> list[tuple[str, str | None]]:
    return [(a["text"], a["owner"]) for a in data["actions"]]


def test_promises_in_running_text_are_actions_owned_by_their_speaker():
    data = _minutes(
        "5. Flood risk. Councillor Sharma agreed to write to the Environment Agency about the "
        "blocked culvert on Mill Lane.",
        "6. The Head of Planning offered to circulate the appeal decisions to all Members.",
        "7. Jo Sands undertook to add the bus service review to the work programme.",
        "8. The Chairman said that she would raise the matter with the Leader.",
    )
    assert _actions(data) == [
        (
            "Councillor Sharma agreed to write to the Environment Agency about the blocked "
            "culvert on Mill Lane.",
            "Dev Sharma",
        ),
        (
            "The Head of Planning offered to circulate the appeal decisions to all Members.",
            "Head of Planning",
        ),
        ("Jo Sands undertook to add the bus service review to the work programme.", "Jo Sands"),
        ("The Chairman said that she would raise the matter with the Leader.", "Ruth Ingram"),
    ]


def test_requests_and_agreements_are_actions_and_a_deadline_reads_forward():
    data = _minutes(
        "The Chairman requested that a briefing note on the leisure contract be circulated.",
        "It was agreed that the Director of Finance would report back on reserves to the "
        "September meeting.",
        "Officers to circulate the revised timetable by 14 June.",
    )
    assert [(a["text"][:40], a["owner"], a["due"]) for a in data["actions"]] == [
        ("The Chairman requested that a briefing n", None, None),
        ("It was agreed that the Director of Finan", "Director of Finance", "2024-09"),
        ("Officers to circulate the revised timeta", "Officers", "2024-06-14"),
    ]


def test_what_was_noted_wished_or_already_done_is_no_action():
    data = _minutes(
        "Members noted the update on the local plan.",
        "Councillor Hollis said that she would like to see more data on void properties.",
        "If funding were available, officers would expand the scheme to other wards.",
        "The Committee agreed to support the recommendations in the report.",
        "Martin Greaves had agreed at the last meeting to visit the site, which he had done.",
        "The report would be helpful to other councils.",
    )
    assert data["actions"] == []


def test_resolved_lists_give_an_action_for_each_item_that_asks_for_work():
    data = _minutes(
        "RESOLVED that the Director of Finance be asked to:",
        "(a) prepare a savings plan for the Cabinet;",
        "(b) note the position on reserves; and",
        "(c) report to the Committee in time for the November Council meeting.",
        "RESOLVED that (a) the report be noted; (b) officers circulate the consultation "
        "responses to Members by 30 June 2024.",
        "AGREED to note the update and REQUEST a further report on void properties.",
    )
    assert [(a["text"], a["owner"], a["due"]) for a in data["actions"]] == [
        ("prepare a savings plan for the Cabinet", "Director of Finance", None),
        (
            "report to the Committee in time for the November Council meeting.",
            "Director of Finance",
            "2024-11",
        ),
        (
            "officers circulate the consultation responses to Members by 30 June 2024",
            "Officers",
            "2024-06-30",
        ),
        ("REQUEST a further report on void properties", None, None),
    ]


def test_resolutions_that_only_decide_give_no_action():
    data = _minutes(
        "RESOLVED that the minutes of the meeting held on 7 May 2024 be approved as a correct "
        "record and signed by the Chairman.",
        "RESOLVED: That the report be noted.",
        "RESOLVED to recommend to Council that the revised Code of Conduct be adopted.",
    )
    assert data["actions"] == []


def test_markdown_action_list_gives_owners_and_statuses_from_brackets():
    text = "\n".join(
        [
            "# Northern Cancer Alliance: Diagnostics Board",
            "",
            "Date: 3 March 2025",
            "",
            "Present: Priya Raman (Chair), Tom Ellis, Grace Okafor",
            "",
            "## Actions",
            "",
            "1. Share the revised referral form with practices [new for Tom Ellis]",
            "2. Audit of two-week-wait breaches [closed]",
            "3. Circulate the capacity model (Ongoing)",
            "4. Draft the patient letter [GO]",
            "",
            "## Discussion",
            "",
            "* The board discussed the capacity model.",
        ]
    )
    data = extract_text(text).to_dict()
    assert [(a["text"], a["owner"], a["update"]) for a in data["actions"]] == [
        ("Share the revised referral form with practices", "Tom Ellis", "new"),
        ("Audit of two-week-wait breaches", None, "closed"),
        ("Circulate the capacity model", None, "Ongoing"),
        ("Draft the patient letter", "Grace Okafor", None),
    ]


def test_questions_in_running_text_take_the_members_words_and_the_officers_reply():
    data = _minutes(
        "4. Housing Revenue Account",
        "4.1 Helen Brook presented the report.",
        "4.2 Councillor Ojo asked whether the rent increase would apply to sheltered housing. "
        "In response, the Director of Finance said that sheltered rents were set separately. "
        "She added that tenants would be consulted in the autumn.",
        "4.3 A Member queried the level of arrears. He noted that arrears had doubled.",
        "Martin Greaves explained that the figures included former tenants.",
        "4.4 In response to a question about damp and mould, Helen Brook confirmed that a "
        "survey of all homes would be completed by March.",
    )
    assert [(q["text"], q["response"]) for q in data["questions"]] == [
        (
            "Councillor Ojo asked whether the rent increase would apply to sheltered housing.",
            "In response, the Director of Finance said that sheltered rents were set separately. "
            "She added that tenants would be consulted in the autumn.",
        ),
        (
            "A Member queried the level of arrears. He noted that arrears had doubled.",
            "Martin Greaves explained that the figures included former tenants.",
        ),
        (
            "In response to a question about damp and mould",
            "Helen Brook confirmed that a survey of all homes would be completed by March.",
        ),
    ]
    assert all(q["number"] is None for q in data["questions"])


def test_a_question_nobody_answered_and_a_report_asking_the_meeting_are_not_questions():
    data = _minutes(
        "The Cabinet is asked to approve the revised fees and charges.",
        "Members asked about the effect on young people.",
        "The next meeting will be held on 2 July 2024.",
    )
    assert data["questions"] == []


ISSUES = [
    ("h", "Harrowgate Borough Council"),
    ("h", "Library Service Review: consultation responses"),
    ("p", "The table below sets out the issues raised in the consultation and our response."),
    ("h", "Issues raised by residents"),
    (
        "table",
        [
            [["Issue raised"], ["Council response"]],
            [
                ["Opening hours on Saturdays should not be cut."],
                ["Saturday opening is kept at all branches."],
            ],
            [
                ["The mobile library is the only service for villages."],
                ["The mobile library will visit every village fortnightly."],
            ],
        ],
    ),
    ("h", "Issues raised by partners"),
    (
        "table",
        [
            [["Comment"], ["Officer response"]],
            [
                ["Schools value the class visits."],
                ["Class visits continue and can be booked online."],
            ],
        ],
    ),
]


def _issue_rows(data: dict) -> list[tuple[str | None, str, str]]:
    return [(q["number"], q["text"], q["response"]) for q in data["questions"]]


def test_issue_and_response_tables_give_one_question_per_row():
    expected = [
        (
            None,
            "Opening hours on Saturdays should not be cut.",
            "Saturday opening is kept at all branches.",
        ),
        (
            None,
            "The mobile library is the only service for villages.",
            "The mobile library will visit every village fortnightly.",
        ),
        (
            None,
            "Schools value the class visits.",
            "Class visits continue and can be booked online.",
        ),
    ]
    assert _issue_rows(extract_text(D.as_markdown(ISSUES)).to_dict()) == expected
    assert _issue_rows(extract_text(D.as_text(ISSUES)).to_dict()) == expected


def test_issue_table_rows_broken_across_a_pdf_page_stay_one_question(tmp_path):
    long_answer = " ".join(
        f"Point {i}: the council will keep the service under review with partners."
        for i in range(40)
    )
    blocks = [
        ("h", "Consultation feedback and responses"),
        (
            "table",
            [
                [["You said"], ["We did"]],
                [["Keep the youth club open."], ["The youth club stays open on Fridays."]],
                [["Fund the holiday scheme."], [long_answer]],
                [["Publish the equality assessment."], ["It is published with this report."]],
            ],
        ),
    ]
    data = extract_file(D.as_pdf(blocks, tmp_path / "feedback.pdf", split_rows=True)).to_dict()
    rows = [(q["text"], q["response"]) for q in data["questions"]]
    assert [t for t, _ in rows] == [
        "Keep the youth club open.",
        "Fund the holiday scheme.",
        "Publish the equality assessment.",
    ]
    assert rows[1][1].startswith("Point 0:") and "Point 39:" in rows[1][1]


def test_question_paper_with_a_number_line_before_each_question_keeps_one_per_number():
    text = "\n\n".join(
        [
            "Ashworth City Council",
            "Council meeting, 18 July 2024: questions from members of the public",
            "Question 1",
            "Question from Mrs Ella Park to the Cabinet Member for Parks",
            "When will the play area in Brook Park reopen?",
            "Answer",
            "The play area will reopen in September once new surfacing is laid.",
            "Question 2",
            "Question from Mr Sam Dutta to the Leader of the Council",
            "Will the council publish the cost of the new depot?",
            "Reply",
            "Yes. The full cost will be reported to Cabinet in October.",
        ]
    )
    data = extract_text(text).to_dict()
    assert [(q["number"], q["text"], q["response"]) for q in data["questions"]] == [
        (
            "1",
            "When will the play area in Brook Park reopen?",
            "The play area will reopen in September once new surfacing is laid.",
        ),
        (
            "2",
            "Will the council publish the cost of the new depot?",
            "Yes. The full cost will be reported to Cabinet in October.",
        ),
    ]
