"""Agendas and minutes: meeting details, attendees, agenda items, actions and questions."""

from __future__ import annotations

from oversight.ingest.extract import extract_text

HEADER = "\n\n".join(
    [
        "Youth Justice Management Board - Quarter 1, 2024/25",
        "Tuesday 9 July 2024, 10.00 am - 11:30am",
        "Microsoft Teams meeting, please join using the link below https://teams.example/x",
        "Chair: Detective Superintendent Amira Khan",
        "AGENDA",
    ]
)


def agenda(*rows: str) -> dict:
    return extract_text(HEADER + "\n\n" + "\n".join(rows)).to_dict()


def test_meeting_header_gives_body_date_times_venue_and_chair_without_role_words():
    data = agenda("1.\t10.00am\tWelcome\tChair", "2.\t10.10am\tRisks\tChair")
    assert data["meeting"] == {
        "body": "Youth Justice Management Board",
        "date": "2024-07-09",
        "start": "10:00",
        "end": "11:30",
        "venue": "Microsoft Teams meeting",
        "chair": "Amira Khan",
    }
    assert data["document"]["title"] == "Youth Justice Management Board - Quarter 1, 2024/25"
    assert data["document"]["kind"] == "agenda"


def test_agenda_table_gives_number_time_duration_title_and_lead():
    data = agenda(
        "1.\t10.00am\tWelcome and introductions\tChair",
        "\t(10 minutes)\t\t",
        "2.\t10.10am (20 minutes)\tReoffending data\tJoe Bloggs / Ann Green",
    )
    assert data["agenda_items"] == [
        {
            "number": "1",
            "title": "Welcome and introductions",
            "start": "10:00",
            "duration_minutes": 10,
            "presenters": ["Chair"],
        },
        {
            "number": "2",
            "title": "Reoffending data",
            "start": "10:10",
            "duration_minutes": 20,
            "presenters": ["Joe Bloggs", "Ann Green"],
        },
    ]


def test_item_without_a_number_takes_the_next_number():
    data = agenda(
        "1.\t10.00am\tWelcome\tChair",
        "\t10.05am\tDisproportionality review\tAnn Green",
        "3.\t10.40am\tAny other business\tChair",
    )
    assert [(i["number"], i["title"]) for i in data["agenda_items"]] == [
        ("1", "Welcome"),
        ("2", "Disproportionality review"),
        ("3", "Any other business"),
    ]


def test_item_number_and_time_inside_a_paragraph_split_title_and_lead():
    data = agenda(
        "1.\t10.00am\tWelcome\tChair",
        "",
        "Education inclusion update Cllr 2. 10.15am (15 minutes) Okonjo Context: Exclusions rose.",
        "",
        "10.30am Serious violence (30 minutes) Context: This item reviews the quarter.",
        "",
        "**Ann Green** reported a fall in knife crime.",
        "",
        "Joe Bloggs",
    )
    items = data["agenda_items"]
    assert [(i["number"], i["title"], i["start"], i["duration_minutes"]) for i in items[1:]] == [
        ("2", "Education inclusion update", "10:15", 15),
        ("3", "Serious violence", "10:30", 30),
    ]
    assert items[1]["presenters"] == ["Cllr Okonjo"]
    assert items[2]["presenters"] == ["Ann Green", "Joe Bloggs"]


def test_item_number_and_time_alone_take_title_and_lead_from_the_lines_after():
    data = agenda(
        "1.\t10.00am\tWelcome\tChair",
        "",
        "2. 10.20am (25 minutes)",
        "",
        "Annual report of the Safeguarding Board",
        "",
        "Dr Ann Green",
    )
    assert data["agenda_items"][1] == {
        "number": "2",
        "title": "Annual report of the Safeguarding Board",
        "start": "10:20",
        "duration_minutes": 25,
        "presenters": ["Dr Ann Green"],
    }


def test_a_title_after_the_last_items_notes_in_the_same_cell_is_found():
    data = agenda(
        "1.\t10.00am\tWelcome\tChair",
        "2.\t10.15am (15 minutes)\tRole of group: For information Key points: • referrals rose "
        "• we could not progress the audit of case files Transitional Safeguarding update\tAnn "
        "Green",
    )
    assert data["agenda_items"][1]["title"] == "Transitional Safeguarding update"


def test_attendee_list_without_organisations_takes_one_name_per_line():
    data = agenda(
        "1.\t10.00am\tWelcome\tChair",
        "\t\tAttendees:\t",
        "\t\tAmira Khan\t",
        "\t\tjoe bloggs\t",
        "\t\tAnn Green\t",
        "2.\t10.10am\tRisks\tChair",
    )
    assert data["attendees"] == [
        {"name": "Amira Khan", "organisation": None},
        {"name": "Joe Bloggs", "organisation": None},
        {"name": "Ann Green", "organisation": None},
    ]


def test_attendees_with_organisations_in_a_name_organisation_table():
    text = "\n\n".join(
        [
            "Minutes of the Safer Streets Partnership held on 3 May 2024",
            "Name\tOrganisation",
            "Ann Green\tLondon Fire Brigade",
            "Cllr Raj Patel (Chair)\tBrent Council",
            "1. Welcome",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["attendees"] == [
        {"name": "Ann Green", "organisation": "London Fire Brigade"},
        {"name": "Raj Patel", "organisation": "Brent Council"},
    ]
    assert data["meeting"]["chair"] == "Raj Patel"
    assert data["meeting"]["body"] == "Safer Streets Partnership"


def test_carried_actions_keep_their_owner_and_update_note():
    data = agenda(
        "\t\tAttendees:\t",
        "\t\tMaurice Mason\t",
        "\t\tJason Davis\t",
        "1.\t10.00am\tActions from last meeting\tChair",
        "\t\tRole of the group: Agree the actions\t",
        "\t\tOperation Adder to be a standing item on the\t",
        "\t\tsub group agenda Update: Done at the June\t",
        "\t\tmeeting.\t",
        "\t\tReview of lighting to be shared with residents - Maurice\t",
        "\t\tMasson\t",
        "\t\tUpdate: Lessons will follow\t",
        "\t\tCRP membership to be reviewed Jason Davis Update: date in diary\t",
        "\t\tPapers:\t",
    )
    assert [(a["text"], a["owner"], a["update"]) for a in data["actions"]] == [
        (
            "Operation Adder to be a standing item on the sub group agenda",
            None,
            "Done at the June meeting.",
        ),
        ("Review of lighting to be shared with residents", "Maurice Mason", "Lessons will follow"),
        ("CRP membership to be reviewed", "Jason Davis", "date in diary"),
    ]


def test_action_owners_by_first_name_initials_or_name_before_a_dash_resolve_to_attendees():
    data = agenda(
        "\t\tPresent:\t",
        "\t\tMaurice Mason\t",
        "\t\tJason Davis\t",
        "1.\t10.00am\tUpdates\tChair",
        "",
        "Action: Maurice to send the submission to Ian for approval",
        "",
        "Action: JD to book the venue by Friday 19 July.",
        "",
        "Action: Jason Davis - brief the schools on the pilot",
        "",
        "Action: Trust and confidence to become a standing item",
    )
    assert [(a["text"], a["owner"], a["due"]) for a in data["actions"]] == [
        ("Maurice to send the submission to Ian for approval", "Maurice Mason", None),
        ("JD to book the venue by Friday 19 July.", "Jason Davis", "2024-07-19"),
        ("brief the schools on the pilot", "Jason Davis", None),
        ("Trust and confidence to become a standing item", None, None),
    ]
    assert data["document"]["kind"] == "minutes"


def test_actions_agreed_in_running_text_of_minutes_name_the_attendee():
    data = agenda(
        "\t\tPresent:\t",
        "\t\tSarah Jones\t",
        "1.\t10.00am\tUpdates\tChair",
        "",
        "The board discussed the data. Sarah agreed to circulate the dashboard monthly.",
        "",
        "Funding to be confirmed in the autumn.",
    )
    assert [(a["text"], a["owner"]) for a in data["actions"]] == [
        ("Sarah agreed to circulate the dashboard monthly.", "Sarah Jones")
    ]


def test_action_table_rows_give_owner_due_and_status_as_update():
    text = "\n".join(
        [
            "Minutes of the Tenants Panel held on 2 April 2024",
            "",
            "Present: Amy Lowe (Chair), Ben Ode",
            "",
            "Ref\tAction\tOwner\tDue\tStatus",
            "---\t---\t---\t---\t---",
            "A1\tRepair the lifts in Block C\tBO\t31/5/2024\tIn progress",
            "\tand report back to tenants\t\t\t",
            "A2\tPublish the survey results\tAmy\tJune 2024\tComplete",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["actions"] == [
        {
            "text": "Repair the lifts in Block C and report back to tenants",
            "owner": "Ben Ode",
            "due": "2024-05-31",
            "update": "In progress",
        },
        {
            "text": "Publish the survey results",
            "owner": "Amy Lowe",
            "due": "2024-06",
            "update": "Complete",
        },
    ]
    assert data["meeting"]["chair"] == "Amy Lowe"


def test_questions_are_paired_with_their_answers():
    text = "\n\n".join(
        [
            "Minutes of the Police and Crime Panel held on 5 June 2024",
            "Public questions",
            "Question 1 (Ms Ade): How many officers patrol the estate?",
            "Answer: Six officers patrol the estate at night.",
            "Q2. Will the station reopen?",
            "A: The station will reopen in October.",
            "1. Any other business",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["questions"] == [
        {
            "number": "1",
            "text": "How many officers patrol the estate?",
            "response": "Six officers patrol the estate at night.",
        },
        {
            "number": "2",
            "text": "Will the station reopen?",
            "response": "The station will reopen in October.",
        },
    ]
    assert data["commitments"] == []


def test_lead_column_text_is_kept_as_printed_when_it_names_no_person():
    data = agenda("1.\t10.00am\tPublic health annual report\tDirector of Public Health")
    assert data["agenda_items"][0]["presenters"] == ["Director of Public Health"]


def test_first_item_of_a_table_without_numbers_is_item_one():
    data = agenda("10.00am\tWelcome\tChair", "10.10am\tBudget monitoring\tFinance lead")
    assert [(i["number"], i["title"]) for i in data["agenda_items"]] == [
        ("1", "Welcome"),
        ("2", "Budget monitoring"),
    ]


def test_numbered_list_under_an_actions_heading_gives_actions():
    text = "\n\n".join(
        [
            "Minutes of the Carers Forum held on 4 March 2024",
            "Present: Ann Lee, Bob Ray",
            "Actions:",
            "1. Ann to write to the carers centre",
            "2. Bob Ray to chase the funding bid by 29 March 2024",
        ]
    )
    actions = extract_text(text).to_dict()["actions"]
    assert [(a["text"], a["owner"], a["due"]) for a in actions] == [
        ("Ann to write to the carers centre", "Ann Lee", None),
        ("Bob Ray to chase the funding bid by 29 March 2024", "Bob Ray", "2024-03-29"),
    ]


def test_cover_sheet_table_and_held_at_give_title_date_and_venue():
    text = "\n".join(
        [
            "Title of report\tMinutes of the Licensing Committee",
            "Meeting date\t12 June 2024",
            "Time\t7.00pm",
            "",
            "The meeting was held at the Council Chamber, Town Hall, Mare Street.",
            "",
            "1. Apologies",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["document"]["title"] == "Minutes of the Licensing Committee"
    assert data["meeting"]["body"] == "Licensing Committee"
    assert (data["meeting"]["date"], data["meeting"]["start"]) == ("2024-06-12", "19:00")
    assert data["meeting"]["venue"] == "Council Chamber, Town Hall, Mare Street"


def test_action_label_inside_a_paragraph_gives_the_action_after_it():
    data = agenda(
        "\t\tPresent:\t",
        "\t\tHannah Ode\t",
        "\t\tJoe Bloggs\t",
        "1.\t10.00am\tFund\tChair",
        "",
        "The Board agreed to fund three projects. Action: Hannah Ode - write to the applicants",
        "",
        "The report will be circulated to members. Action: JB",
    )
    assert [(a["text"], a["owner"]) for a in data["actions"]] == [
        ("write to the applicants", "Hannah Ode"),
        ("The report will be circulated to members.", "Joe Bloggs"),
    ]
