"""Recommendations, responses and commitments in the layouts committee papers use."""

from __future__ import annotations

from oversight.ingest.extract import extract_text


def row(left: list[str], right: list[str]) -> str:
    def cell(paras: list[str]) -> str:
        return " ".join(f"<p>{p}</p>" for p in paras)

    return f"{cell(left)}\t{cell(right)}"


def recs(text: str) -> dict[str, dict]:
    return {r["number"]: r for r in extract_text(text).to_dict()["recommendations"]}


def commitments(text: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (c["recommendation"], c["text"], c["due"])
        for c in extract_text(text).to_dict()["commitments"]
    ]


def test_continued_table_row_joins_previous_response():
    text = "\n".join(
        [
            "Response to the Panel",
            row(
                ["<u>Recommendation 1 – Parks</u>", "We ask that park toilets open daily."],
                ["Response", "Toilets at four parks open daily. The remaining parks are"],
            ),
            "--\t---",
            row([], ["being surveyed and will open by 1 May 2024."]),
        ]
    )
    response = recs(text)["1"]["responses"][0]["text"]
    assert response.endswith("The remaining parks are being surveyed and will open by 1 May 2024.")
    assert commitments(text) == [
        ("1", "The remaining parks are being surveyed and will open by 1 May 2024.", "2024-05-01")
    ]


def test_continued_row_with_left_text_joins_the_recommendation():
    text = "\n".join(
        [
            row(
                ["Recommendation 2 – Libraries", "We ask that libraries open on"],
                ["Response", "Agreed."],
            ),
            row(["Sundays in the school holidays."], ["Sunday opening starts in July 2024."]),
        ]
    )
    rec = recs(text)["2"]
    assert rec["text"] == "We ask that libraries open on Sundays in the school holidays."
    assert rec["responses"][0]["text"] == "Agreed.\nSunday opening starts in July 2024."


def test_paragraphs_that_lost_their_table_go_left_while_the_commission_speaks():
    text = "\n\n".join(
        [
            row(
                ["Recommendation 3 – Youth hubs", "Young people told us about the hubs of"],
                ["Response", "The Council funds six hubs."],
            ),
            "other boroughs.",
            "We ask that a hub opens in every ward.",
            "A review of hub locations is under way and will report in March 2025.",
            row([], ["The review will consult young people."]),
        ]
    )
    rec = recs(text)["3"]
    assert rec["text"] == (
        "Young people told us about the hubs of other boroughs.\n"
        "We ask that a hub opens in every ward."
    )
    assert rec["responses"][0]["text"].endswith(
        "will report in March 2025.\nThe review will consult young people."
    )


def test_paragraphs_after_the_last_row_of_a_table_are_not_part_of_it():
    text = "\n\n".join(
        [
            row(
                ["Recommendation 3 – Youth hubs", "We ask that a hub opens in every ward."],
                ["Response", "The Council funds six hubs."],
            ),
            "Financial implications",
            "There are no new costs; the Council will meet them from existing budgets.",
        ]
    )
    assert recs(text)["3"]["responses"][0]["text"] == "The Council funds six hubs."
    assert commitments(text) == []


def test_several_responders_in_one_cell_become_separate_responses():
    text = row(
        [
            "Recommendation 4 – Stop and search",
            "Metropolitan Police Service and MOPAC",
            "We ask for quarterly data on stop and search.",
        ],
        [
            "MPS: The BCU will publish the data every quarter.",
            "MOPAC: We will fund a community monitoring group.",
            "Hackney Education (HE): Schools will be told about the group.",
        ],
    )
    rec = recs(text)["4"]
    assert rec["addressees"] == ["Metropolitan Police Service", "MOPAC"]
    assert [(r["responder"], r["text"]) for r in rec["responses"]] == [
        ("MPS", "The BCU will publish the data every quarter."),
        ("MOPAC", "We will fund a community monitoring group."),
        ("Hackney Education", "Schools will be told about the group."),
    ]
    assert [c[0] for c in commitments(text)] == ["4", "4", "4"]


def test_recommendation_repeated_in_appendix_is_merged_keeping_both_responses():
    text = "\n\n".join(
        [
            row(
                [
                    "Recommendation 5 – Health item",
                    "We suggest the Health Commission reviews waiting times.",
                ],
                ["This is for the Health Commission; see Appendix 1."],
            ),
            "Appendix 1 - Responses from Commission Chairs",
            "Recommendation 5 – Health item",
            "We suggest the Health Commission reviews waiting times.",
            "Response (Cllr Ann Lee, Chair, Health Commission):",
            "The Commission will hold the item in June 2024.",
        ]
    )
    found = extract_text(text).to_dict()["recommendations"]
    assert len(found) == 1
    assert [r["responder"] for r in found[0]["responses"]] == [
        None,
        "Cllr Ann Lee, Chair, Health Commission",
    ]
    assert commitments(text) == [
        ("5", "The Commission will hold the item in June 2024.", "2024-06")
    ]


def test_number_in_words_gives_digits():
    text = row(["Recommendation Twenty-One: Bins", "We ask for more bins."], ["Agreed."])
    assert list(recs(text)) == ["21"]


def test_plain_headings_with_a_response_label_split_text_from_response():
    text = "\n\n".join(
        [
            "Recommendation 6",
            "Better signage in parks",
            "We recommend new signs at every park gate.",
            "Executive Response: Agreed. Signs will be installed by 31/3/2025.",
        ]
    )
    rec = recs(text)["6"]
    assert rec["title"] == "Better signage in parks"
    assert rec["text"] == "We recommend new signs at every park gate."
    assert rec["responses"] == [
        {"responder": None, "text": "Agreed. Signs will be installed by 31/3/2025."}
    ]
    assert commitments(text) == [("6", "Signs will be installed by 31/3/2025.", "2025-03-31")]


def test_commitments_come_from_responses_not_from_the_introduction_or_recommendation():
    text = "\n\n".join(
        [
            "1.1 The Council will welcome the review and will act on it.",
            row(
                [
                    "Recommendation 7 – Lighting",
                    "The Commission will monitor progress on lighting.",
                ],
                ["Response", "New lights will be fitted on the estate."],
            ),
        ]
    )
    assert commitments(text) == [("7", "New lights will be fitted on the estate.", None)]


def test_what_has_happened_or_is_reported_is_no_commitment():
    text = row(
        ["Recommendation 8 – Police numbers", "We ask for more officers."],
        [
            "Response",
            "On 19 October 2019 the government announced that funding will be made available.",
            "In some cases there will be the opportunity to bid for funds.",
            "Their role is to discuss risks. The plan was agreed in May 2019.",
            "The Council will lobby for a fair settlement.",
        ],
    )
    assert commitments(text) == [("8", "The Council will lobby for a fair settlement.", None)]


def test_funding_end_and_past_event_are_no_due_dates():
    text = row(
        ["Recommendation 9 – Mental health", "We ask for a specialist."],
        [
            "Response",
            "Contact will be made with the Trust about the post (funded by the VRU to 31/3/21).",
            "Following the meeting in June 2021, the Commission planned to review this again.",
            "The pathway will be agreed by 30 September 2021.",
        ],
    )
    assert [c[2] for c in commitments(text)] == [None, None, "2021-09-30"]


def test_a_sentence_continuing_a_promise_joins_it():
    text = row(
        ["Recommendation 10 – Updates", "We ask for updates."],
        [
            "The first update is planned for the Commission's meeting in March 2020. "
            "This will cover the points raised."
        ],
    )
    assert commitments(text) == [
        (
            "10",
            "The first update is planned for the Commission's meeting in March 2020. "
            "This will cover the points raised.",
            "2020-03",
        )
    ]


def test_only_the_promising_clause_of_a_sentence_is_kept():
    text = row(
        ["Recommendation 11 – Early help", "We ask for a review."],
        [
            "With regards to the recommendation, the Council is currently reviewing early help; "
            "this recommendation will be considered as part of that review."
        ],
    )
    assert commitments(text) == [
        ("11", "this recommendation will be considered as part of that review.", None)
    ]


def test_elaborating_ongoing_work_is_no_new_promise():
    text = row(
        ["Recommendation 12 – Adolescents", "We ask for a review."],
        [
            "Children's services are currently carrying out a review of services. "
            "This review will be undertaken with partners.",
            "We will report the findings to the Commission.",
        ],
    )
    assert [c[1] for c in commitments(text)] == ["We will report the findings to the Commission."]


def test_report_recommends_in_running_text_and_in_the_list_after_a_colon():
    text = "\n\n".join(
        [
            "Scrutiny review of school exclusions",
            "In light of this data, the Commission recommended improved oversight of exclusions.",
            "The Commission also recommended that:",
            "- That guidance is developed for schools;",
            "- At the point of exclusion, social care is notified.",
            "Hackney Education is now required to report annually to the Commission.",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["document"]["kind"] == "scrutiny_report"
    assert [r["text"] for r in data["recommendations"]] == [
        "In light of this data, the Commission recommended improved oversight of exclusions.",
        "That guidance is developed for schools;",
        "At the point of exclusion, social care is notified.",
    ]
    assert [c["text"] for c in data["commitments"]] == [
        "Hackney Education is now required to report annually to the Commission."
    ]


def test_numbered_lists_in_a_report_are_not_agenda_items():
    text = "\n\n".join(
        [
            "Work of the Living Scrutiny Commission",
            "The Commission remained concerned about the following:",
            "1. Use of handcuffs on children",
            "2. Training of officers",
            "The Commission recommended that training is reviewed.",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["agenda_items"] == [] and data["questions"] == []
    assert len(data["recommendations"]) == 1


def test_verdict_in_brackets_after_response_names_no_responder():
    text = row(
        ["Recommendation 13 – Play streets", "We ask for play streets."],
        ["Response (Agreed in part):", "Two play streets will open."],
    )
    assert recs(text)["13"]["responses"] == [
        {"responder": None, "text": "Two play streets will open."}
    ]


def test_body_named_with_its_own_abbreviation_is_a_responder():
    text = row(
        ["Recommendation 14 – Youth work", "We ask for detached youth work."],
        ["Young Hackney (YH): Detached teams will work on Friday evenings."],
    )
    assert recs(text)["14"]["responses"][0]["responder"] == "Young Hackney"


def test_numbered_request_beside_a_response_is_a_recommendation_without_a_header():
    text = "\n".join(
        [
            "Cabinet response to the Scrutiny Panel",
            row(
                ["1. We recommend that the Council publishes repair times."],
                ["Agreed. Repair times will be published quarterly."],
            ),
            row(
                ["2. The Council should survey tenants every year."],
                ["Agreed. The survey will run each spring."],
            ),
        ]
    )
    found = recs(text)
    assert found["1"]["text"] == "We recommend that the Council publishes repair times."
    assert found["2"]["responses"][0]["text"].startswith("Agreed.")


def test_timescale_column_dates_the_promises_of_its_row():
    text = "\n".join(
        [
            "Executive response to the Transport Scrutiny Panel",
            "Recommendation\tResponse\tLead\tTimescale",
            "---\t---\t---\t---",
            "We recommend more cycle hangars.\tAgreed. We will install forty hangars.\t"
            "Highways Service\tMarch 2025",
            "We recommend safer crossings.\tAgreed. Two crossings will be built by June 2024.\t"
            "Highways Service\tDecember 2024",
        ]
    )
    data = extract_text(text).to_dict()
    assert [r["addressees"] for r in data["recommendations"]] == [
        ["Highways Service"],
        ["Highways Service"],
    ]
    assert [(c["text"], c["due"]) for c in data["commitments"]] == [
        ("We will install forty hangars.", "2025-03"),
        ("Two crossings will be built by June 2024.", "2024-06"),
    ]


def test_short_r_numbers_open_recommendations():
    text = "\n\n".join(
        [
            "Report of the Scrutiny Panel",
            "R1 Bus shelters",
            "We recommend that every stop has a shelter.",
            "R2: Real-time information",
            "We recommend real-time signs at busy stops.",
        ]
    )
    found = recs(text)
    assert [(n, r["title"]) for n, r in found.items()] == [
        ("1", "Bus shelters"),
        ("2", "Real-time information"),
    ]
    assert extract_text(text).to_dict()["document"]["kind"] == "scrutiny_report"


def test_elaboration_of_ongoing_work_is_matched_by_word_stem():
    text = row(
        ["Recommendation 15 – Youth offer", "We ask for weekend youth work."],
        [
            "The Council is currently reviewing its youth offer. This review will be "
            "completed with young people. It is our intention to pilot weekend work."
        ],
    )
    assert [c[1] for c in commitments(text)] == ["It is our intention to pilot weekend work."]


def test_html_table_written_into_the_text_gives_its_rows():
    text = "\n".join(
        [
            "Cabinet response to the Panel",
            "<table>",
            "<tr><th>Recommendation</th><th>Response</th></tr>",
            "<tr><td><p><strong>Recommendation 1 - Parks</strong></p><p>We ask for parks.</p></td>",
            "<td><p>Agreed. Parks will open by 1 May 2024.</p></td></tr>",
            "<tr><td>Recommendation 2 - Libraries</td><td>MPS: We will help.</td></tr>",
            "</table>",
            "",
            "Background papers: none.",
        ]
    )
    found = recs(text)
    assert found["1"]["text"] == "We ask for parks."
    assert found["2"]["responses"] == [{"responder": "MPS", "text": "We will help."}]
    assert commitments(text)[0] == ("1", "Parks will open by 1 May 2024.", "2024-05-01")


def test_body_name_alone_in_bold_labels_the_response_after_it():
    text = row(
        [
            "Recommendation 16 – Strip searches",
            "Metropolitan Police Service and MOPAC",
            "We ask for an audit of strip searches of children.",
        ],
        [
            "**MPS**",
            "An audit will be completed by 31 July 2024.",
            "<u>MOPAC</u>",
            "MOPAC will publish the audit.",
        ],
    )
    rec = recs(text)["16"]
    assert [(r["responder"], r["text"]) for r in rec["responses"]] == [
        ("MPS", "An audit will be completed by 31 July 2024."),
        ("MOPAC", "MOPAC will publish the audit."),
    ]


def test_list_after_a_sentence_introducing_recommendations_gives_one_each():
    text = "\n\n".join(
        [
            "Review of temporary accommodation",
            "Having heard the evidence, the Panel made the following recommendations:",
            "1. The Council should inspect every property each year.",
            "2. Families should be placed within the borough where possible.",
            "The Panel thanks all who gave evidence.",
        ]
    )
    found = extract_text(text).to_dict()["recommendations"]
    assert [(r["number"], r["text"]) for r in found] == [
        ("1", "The Council should inspect every property each year."),
        ("2", "Families should be placed within the borough where possible."),
    ]


def test_agenda_item_stamp_on_a_report_does_not_make_it_an_agenda():
    text = "\n\n".join(
        [
            "Agenda Item 6",
            "Report of the Living in Hackney Scrutiny Commission",
            "The Commission recommends that the Council publishes repair times.",
        ]
    )
    data = extract_text(text).to_dict()
    assert data["document"]["title"] == "Report of the Living in Hackney Scrutiny Commission"
    assert data["document"]["kind"] == "scrutiny_report"
    assert len(data["recommendations"]) == 1
