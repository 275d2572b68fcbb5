"""Committee papers in the layouts of other councils, for the held-out style tests.

Two documents here are built as files by `documents.py`'s renderers, because their
layout only exists in those formats: a Word executive response whose table has the
columns "Recommendation | Accept / Reject | Response | Lead officer | Timescale"
(`EXCLUSIONS_RESPONSE`, read as DOCX), and a two-column "Recommendation | Response"
table with several responders per cell, addressee lines and a recommendation repeated
in an appendix, whose long row breaks across a page (`NTE_RESPONSE`, read as PDF).
Their hand-made gold extractions are in `corpus/`, beside the text, HTML and Markdown
documents.
"""

from __future__ import annotations

EXCLUSIONS_RESPONSE = [
    (
        "h",
        "Cabinet Response to the Scrutiny Review of School Exclusions and Alternative Provision",
    ),
    (
        "table",
        [
            [["Meeting"], ["Cabinet"]],
            [["Date"], ["18 July 2022"]],
            [
                ["Cabinet Member"],
                ["Cllr Priya Desai, Cabinet Member for Children and Young People"],
            ],
            [["Key decision"], ["No"]],
            [["Wards affected"], ["All"]],
        ],
    ),
    ("h", "1. Summary"),
    (
        "p",
        "1.1 This report sets out the Executive's response to the eight recommendations of the "
        "Children and Young People Scrutiny Committee's review of school exclusions and "
        "alternative provision, which the Committee agreed on 15 March 2022.",
    ),
    ("p", "1.2 Cabinet is asked to agree the responses in the table below."),
    ("h", "2. Response to the recommendations"),
    (
        "table",
        [
            [
                ["Recommendation"],
                ["Accept / Reject"],
                ["Response"],
                ["Lead officer"],
                ["Timescale"],
            ],
            [
                [
                    "R1 That the Council publishes termly data on fixed-term and permanent "
                    "exclusions by school, ethnicity and special educational need."
                ],
                ["Accepted"],
                [
                    "Exclusion data is already shared with headteachers each term.",
                    "From the autumn term the Council will publish the data on its website, "
                    "with a commentary on trends.",
                ],
                ["Head of Inclusion"],
                ["December 2022"],
            ],
            [
                [
                    "R2 That every school has a named mental health lead trained by the Mental "
                    "Health Support Team by September 2023."
                ],
                ["Partially accepted"],
                [
                    "The Council cannot require academies to appoint a lead. We will offer the "
                    "training to all schools and will report take-up to the Committee in March "
                    "2023."
                ],
                ["Head of Inclusion / Director of Public Health"],
                ["March 2023"],
            ],
            [
                [
                    "R3 That the Council commissions an independent review of the quality of "
                    "alternative provision placements."
                ],
                ["Accepted"],
                [
                    "An independent review of alternative provision is to be commissioned "
                    "through the Education Partnership Board and will report to Cabinet by 31 "
                    "March 2023."
                ],
                ["Director of Education"],
                ["31 March 2023"],
            ],
            [
                [
                    "R4 That the Council lobbies the Department for Education to end the "
                    "practice of off-rolling."
                ],
                ["Accepted"],
                [
                    "The Cabinet Member wrote to the Secretary of State in May 2022 and raised "
                    "the issue again at the London Councils Executive in June 2022."
                ],
                ["Cabinet Member for Children and Young People"],
                ["Complete"],
            ],
            [
                [
                    "R5 That a transition worker supports each pupil moving from alternative "
                    "provision back to a mainstream school."
                ],
                ["Rejected"],
                [
                    "There is no budget for a dedicated transition worker in 2022/23.",
                    "Instead, the Virtual School will track every pupil's return and the "
                    "Inclusion Panel is planned to review each case after six weeks.",
                ],
                ["Head of the Virtual School"],
                ["Ongoing"],
            ],
            [
                [
                    "R6 That the Committee receives an annual report on exclusions, the first "
                    "in the 2022/23 municipal year."
                ],
                ["Accepted"],
                [
                    "An annual exclusions report will be presented to the Committee each "
                    "January, starting in January 2023."
                ],
                ["Head of Inclusion"],
                ["January 2023"],
            ],
            [
                [
                    "R7 That the Council and its partners agree a protocol for sharing "
                    "information about pupils at risk of exclusion with Children's Social Care "
                    "and the police."
                ],
                ["Accepted"],
                [
                    "Council: A draft protocol will be taken to the Safeguarding Children "
                    "Partnership in October 2022.",
                    "Metropolitan Police (Central East BCU): The BCU will nominate a schools "
                    "officer to contribute to the protocol.",
                ],
                ["Director of Children's Social Care"],
                ["October 2022"],
            ],
            [
                [
                    "R8 That the Cabinet Member for Children and Young People reports back to "
                    "the Committee on progress against these recommendations in twelve months."
                ],
                ["Accepted"],
                [
                    "The Cabinet Member will attend the Committee's meeting in July 2023 to "
                    "report on progress."
                ],
                ["Cabinet Member for Children and Young People"],
                ["July 2023"],
            ],
        ],
    ),
    ("h", "3. Financial implications"),
    (
        "p",
        "3.1 There are no direct financial implications. The review of alternative provision "
        "will be funded from the High Needs Block.",
    ),
    ("p", "Report author: Aisha Karim, Scrutiny Officer"),
]

_BACKGROUND = [
    "The Community Safety Scrutiny Panel held five evidence sessions between June and "
    "September 2021. It heard from women who use the town centre at night, licensees, door "
    "supervisors, the Metropolitan Police Service, the Mayor's Office for Policing and Crime, "
    "Transport for London and the Council's licensing and community safety teams.",
    "The Panel's report was agreed by the Overview and Scrutiny Committee in October 2021 and "
    "sent to the Council, the police and partners for response. Partners were asked to "
    "respond by 29 October 2021. The responses received are set out in the table below, in "
    "the words of each organisation.",
    "The Panel found that most women who had been harassed in the night-time economy had not "
    "reported it, that staff in licensed premises were often unsure how to help a customer "
    "who was vulnerable, and that the walk from the town centre to the station and the night "
    "bus stops was poorly lit in places.",
    "Members welcomed the joint work already under way between the police and the licensing "
    "team, including the Safer Nights scheme, and noted the funding that the Mayor of London "
    "has made available for projects to improve women's safety at night.",
    "The Overview and Scrutiny Committee is asked to note the responses and to agree that the "
    "Panel monitors their implementation through its work programme for 2022/23.",
]

NTE_RESPONSE = [
    (
        "h",
        "Women's Safety in the Night-Time Economy: Responses to the Recommendations of the "
        "Community Safety Scrutiny Panel",
    ),
    ("p", "Report to: Overview and Scrutiny Committee"),
    ("p", "Date of meeting: 9th November 2021"),
    ("p", "Report of: Director of Community Safety and Regulatory Services"),
    ("h", "1. Background"),
    *[("p", f"1.{i} {text}") for i, text in enumerate(_BACKGROUND, 1)],
    ("h", "2. Responses to the recommendations"),
    (
        "table",
        [
            [["Recommendation"], ["Response"]],
            [
                [
                    "Recommendation 1: WAVE training for licensed premises",
                    "Council and Metropolitan Police Service",
                    "The Panel recommends that every licensed premises open after midnight has at "
                    "least one member of staff on each shift trained in Welfare and Vulnerability "
                    "Engagement (WAVE).",
                ],
                [
                    "Council: Agreed. WAVE training will be made a condition of new late-night "
                    "licences from April 2022. The licensing team is to write to all existing "
                    "premises licence holders by 31 December 2021.",
                    "MPS: The MPS licensing team will continue to deliver free WAVE sessions "
                    "every month and will offer a session to every premises in the cumulative "
                    "impact zone.",
                ],
            ],
            [
                [
                    "Recommendation 2: Safe spaces",
                    "MOPAC",
                    "We recommend that MOPAC funds a pilot of a safe space in the town centre on "
                    "Friday and Saturday nights, staffed by trained volunteers.",
                ],
                [
                    "MOPAC: MOPAC has funded two safe space pilots in other boroughs through the "
                    "Violence Against Women and Girls Fund. It is our intention to invite a bid "
                    "from the borough in the next funding round, which opens in January 2022.",
                ],
            ],
            [
                [
                    "Recommendation 3: Reporting and data",
                    "Metropolitan Police Service and MOPAC",
                    "The Panel heard that many women do not report harassment in the night-time "
                    "economy because they do not expect it to be taken seriously, and that the "
                    "figures published for the borough do not show where or when offences "
                    "happen.",
                    "Women told us that they would be more confident to report if they could "
                    "see that reports led to action, and licensees said that they would use "
                    "better data to plan their staffing and their door teams.",
                    "We recommend that the MPS publishes quarterly data on sexual offences and "
                    "harassment reported in the night-time economy, broken down by ward, and "
                    "that MOPAC includes this data in its public dashboard.",
                ],
                [
                    "MPS: Agreed. The Central West BCU will publish quarterly data on sexual "
                    "offences in the night-time economy from April 2022.",
                    "Harassment that is not a crime is recorded differently, and the BCU will "
                    "work with the Council to agree how it can be shown.",
                    "The BCU already shares a weekly briefing on violence in the night-time "
                    "economy with the Council's licensing team and the Safer Nights scheme, and "
                    "this has been used to target patrols on Friday and Saturday nights.",
                    "MOPAC: The MOPAC dashboard is built from data held centrally and shows "
                    "offences by borough, not by ward.",
                    "MOPAC will explore adding a night-time economy filter when the dashboard "
                    "is refreshed in April 2022.",
                ],
            ],
            [
                [
                    "Recommendation 4: Street lighting",
                    "Council",
                    "The Panel recommends that the Council audits street lighting on the main "
                    "walking routes from the town centre to the station and the night bus stops.",
                ],
                [
                    "Partially agreed. A lighting audit of the three busiest routes will be "
                    "completed by March 2022. Wider improvements depend on capital funding, "
                    "which will be considered in the budget for 2022/23.",
                ],
            ],
            [
                [
                    "Recommendation 5: Getting home safely",
                    "Transport for London",
                    "We recommend that Transport for London increases the frequency of night bus "
                    "services from the town centre on Friday and Saturday nights.",
                ],
                [
                    "Transport for London: TfL reviews night bus frequencies every year and is "
                    "to consider the Panel's evidence in its next review.",
                ],
            ],
            [
                [
                    "Recommendation 6: Reporting back",
                    "The Panel asks that all partners report back on progress in twelve months.",
                ],
                ["All partners have agreed to attend the Panel's meeting in November 2022."],
            ],
        ],
    ),
    ("h", "Appendix A – Further response received after the deadline"),
    (
        "p",
        "A further response to Recommendation 3 was received from the British Transport Police "
        "on 2 November 2021.",
    ),
    (
        "table",
        [
            [["Recommendation"], ["Response"]],
            [
                [
                    "Recommendation 3: Reporting and data",
                    "We recommend that the MPS publishes quarterly data on sexual offences and "
                    "harassment reported in the night-time economy, broken down by ward.",
                ],
                [
                    "British Transport Police: BTP will share data on sexual offences reported "
                    "at the borough's stations with the MPS each quarter from January 2022.",
                ],
            ],
        ],
    ),
    ("h", "Background papers"),
    (
        "p",
        "Community Safety Scrutiny Panel: Women's Safety in the Night-Time Economy, October 2021",
    ),
]
