"""The structure of meeting papers as councils, boards and trusts lay them out: front
matter, front sheets, minutes headed "(Item N)", numbered paragraphs under items,
attendance blocks with roles, and a document's kind decided by what was found.

Each document is a small paper written in the style of another publisher."""

from __future__ import annotations

from oversight.ingest.extract import extract_text


def test_toml_front_matter_gives_the_meetings_title_date_times_and_venue():
    result = extract_text(
        "+++\n"
        'title = "Autumn Stroke Network Board"\n'
        'start = "2023-10-04T09:30"\n'
        'end = "2023-10-04T11:00"\n'
        'venue = "Board Room, Riverside House"\n'
        'tags = ["stroke"]\n'
        "+++\n\n"
        "## Attendance\n\nPriya Shah, Tom Ellis, Grace Moore\n\n"
        "## Agenda\n\n- Welcome\n- Thrombectomy service update\n- Any other business\n"
    )
    assert result.document["title"] == "Autumn Stroke Network Board"
    assert result.document["kind"] == "agenda"
    assert result.meeting["date"] == "2023-10-04"
    assert (result.meeting["start"], result.meeting["end"]) == ("09:30", "11:00")
    assert result.meeting["venue"] == "Board Room, Riverside House"
    assert result.meeting["body"] == "Stroke Network Board"
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        ("1", "Welcome"),
        ("2", "Thrombectomy service update"),
        ("3", "Any other business"),
    ]
    assert [a["name"] for a in result.attendees] == ["Priya Shah", "Tom Ellis", "Grace Moore"]


def test_a_numbered_list_under_actions_is_no_agenda_item():
    result = extract_text(
        "---\ntitle: Imaging Network Meeting\nstart: 2022-02-01T13:00\n---\n\n"
        "## Agenda\n\n* Protocol review\n* Training day\n\n"
        "### Actions\n\n1. Share the protocols [new for Ann Bell]\n"
        "2. Book the venue [closed]\n"
    )
    assert [i["title"] for i in result.agenda_items] == ["Protocol review", "Training day"]


MARKED_MINUTES = (
    "MINUTES OF A MEETING OF THE HEALTH AND WELLBEING BOARD held in Committee Room 2, "
    "Civic Offices, Market Street, Elmford on Wednesday 5 March 2025 at 6.30 pm\n\n"
    "Present: Cllr Joan Webb (Chair), Dr Imran Patel, Mrs Carol Dunn\n\n"
    "Also present: Mr Alan Smith (Democratic Services Officer), Cllr Beth Jones, "
    "Cabinet Member for Adult Social Care\n"
    """
Apologies: Cllr Ray Hunt

**Declarations of Interest**

(Item 1)

1. There were no declarations.

**Joint Health and Wellbeing Strategy Refresh**

(Item 2)

1. The Director of Public Health introduced the report.

2. Members asked how the priorities had been chosen.

3. RESOLVED that the refresh be endorsed.

**Better Care Fund Plan 2025-26** (Item 3)

1. The plan was noted.
"""
)


def test_minutes_items_are_the_headings_marked_item_n_not_their_numbered_paragraphs():
    result = extract_text(MARKED_MINUTES)
    assert result.document["kind"] == "minutes"
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        ("1", "Declarations of Interest"),
        ("2", "Joint Health and Wellbeing Strategy Refresh"),
        ("3", "Better Care Fund Plan 2025-26"),
    ]


def test_the_body_comes_from_the_minutes_heading_without_its_shouting_case():
    result = extract_text(MARKED_MINUTES)
    assert result.meeting["body"] == "Health and Wellbeing Board"
    assert result.meeting["date"] == "2025-03-05"
    assert result.meeting["venue"] == "Committee Room 2, Civic Offices, Market Street, Elmford"
    assert result.meeting["chair"] == "Joan Webb"


def test_attendees_lose_their_titles_and_keep_job_titles_as_roles():
    attendees = {a["name"]: a for a in extract_text(MARKED_MINUTES).attendees}
    assert list(attendees) == ["Joan Webb", "Imran Patel", "Carol Dunn", "Alan Smith", "Beth Jones"]
    assert attendees["Alan Smith"]["role"] == "Democratic Services Officer"
    assert attendees["Alan Smith"]["organisation"] is None
    assert attendees["Beth Jones"]["role"] == "Cabinet Member for Adult Social Care"
    assert "Ray Hunt" not in attendees  # sent apologies: not present


def test_a_front_sheet_gives_committee_date_time_and_venue_not_the_contact_block():
    result = extract_text(
        "AGENDA\n\n# PLANNING COMMITTEE\n\n"
        "Tuesday 10 December 2024 at 2.00 pm\tContact:\tSam Reid\n"
        "Council Chamber, Civic Centre,\tTelephone:\t01632 960123\n"
        "Station Road, Ashworth\t\tEmail: sam.reid@example.gov.uk\n\n"
        "1. Apologies for absence\n\n2. Minutes of the meeting held on 12 November 2024\n\n"
        "3. 24/0456/FUL - Land at Mill Lane\n"
    )
    assert result.document["kind"] == "agenda"
    assert result.meeting["body"] == "Planning Committee"
    assert (result.meeting["date"], result.meeting["start"]) == ("2024-12-10", "14:00")
    assert result.meeting["venue"] == "Council Chamber, Civic Centre, Station Road, Ashworth"
    assert "Planning Committee" in result.document["title"]
    assert [i["number"] for i in result.agenda_items] == ["1", "2", "3"]


def test_numbered_agenda_items_skip_sub_paragraphs_and_sentences():
    result = extract_text(
        "Minutes of the Licensing Sub-Committee\n\nMonday 3 February 2025\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Bob Stone\n\n"
        "1. Election of Chair\n\n1.1 Cllr Lee was elected.\n\n"
        "2. Application for a premises licence, The Crown\n\n"
        "2.1 The applicant addressed the Sub-Committee.\n\n"
        "3. The Sub-Committee retired to consider the application and all the evidence.\n"
    )
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        ("1", "Election of Chair"),
        ("2", "Application for a premises licence, The Crown"),
    ]


def test_a_report_with_numbered_sections_and_a_meeting_date_is_not_an_agenda():
    result = extract_text(
        "Report to: Overview and Scrutiny Committee\n\nDate: 14 January 2025\n\n"
        "Scrutiny Review of Home to School Transport\n\n"
        "1. Introduction\n\nThis report sets out the findings of the review.\n\n"
        "2. Background\n\nThe service carries 2,400 pupils a day.\n\n"
        "3. Findings\n\nThe review found that routes are planned late.\n"
    )
    assert result.document["kind"] != "agenda"
    assert result.agenda_items == []


def test_an_item_heading_names_its_item_anywhere_in_the_numbering():
    result = extract_text(
        "Extract from the minutes of the Audit and Governance Committee - 20 May 2024\n\n"
        "Item 7 – Internal Audit Annual Opinion\n\n"
        "1. The Head of Internal Audit presented the report.\n\n"
        "2. RESOLVED that the opinion be noted.\n"
    )
    assert result.document["kind"] == "minutes"
    assert [(i["number"], i["title"]) for i in result.agenda_items] == [
        ("7", "Internal Audit Annual Opinion")
    ]
    assert result.meeting["body"] == "Audit and Governance Committee"
