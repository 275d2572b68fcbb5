"""Council papers written after the rules for the other council PDFs, for the held-out
style tests: a scrutiny panel's report, a board's action log and a partnership's notes.

`KNIFE_CRIME_REPORT`, `YOUTH_JUSTICE_ACTION_LOG` and `EASTHOLM_NOTES` test the rules on
layouts they were not made for: a cover, a summary table of the recommendations ("No. |
Recommendation | Addressed to"), findings in numbered paragraphs ("3.2") with
footnotes, and each recommendation stated again in the findings; a one-page action log
with RAG statuses and deadlines such as "Q3 2024/25", "TBC" and "Ongoing"; and one page
of meeting notes laid out as an attendance table and an "Item | Notes | Actions" table.
Rendered by `pdf_render.as_council_pdf` with a running header and a footer on each page;
their hand-made gold extractions are in `corpus/`.
"""

from __future__ import annotations

from .pdf_render import Furniture

KNIFE_CRIME_REPORT = [
    ("h", "Kingsbridge Borough Council"),
    ("h", "Children and Young People Scrutiny Panel"),
    ("h", "Review of knife crime prevention in schools"),
    ("p", "Final report"),
    ("p", "March 2024"),
    ("h", "1. Chair’s foreword"),
    (
        "p",
        "1.1 Over six months the Panel heard from pupils, parents, teachers, youth workers "
        "and the police about how schools can help young people stay safe from knife crime. "
        "I thank everyone who gave their time.",
    ),
    ("p", "Councillor Maria Okafor, Chair of the Panel"),
    ("h", "2. Summary of recommendations"),
    (
        "table",
        [
            [["No."], ["Recommendation"], ["Addressed to"]],
            [
                ["1"],
                [
                    "That every secondary school in the borough delivers a knife crime "
                    "awareness session to Year 8 pupils each year."
                ],
                ["Kingsbridge Education Partnership"],
            ],
            [
                ["2"],
                [
                    "That the Metropolitan Police assigns a named Safer Schools officer to each "
                    "secondary school and pupil referral unit."
                ],
                ["Metropolitan Police"],
            ],
            [
                ["3"],
                [
                    "That the Council funds youth workers in the emergency departments of the "
                    "two local hospitals."
                ],
                ["Cabinet"],
            ],
            [
                ["4"],
                [
                    "That schools share information about pupils at risk of exclusion with the "
                    "Youth Justice Service within five working days."
                ],
                ["Kingsbridge Education Partnership"],
            ],
            [
                ["5"],
                [
                    "That the Council publishes an annual report on knife crime involving young "
                    "people, broken down by ward."
                ],
                ["Cabinet"],
            ],
        ],
        [0.08, 0.62, 0.3],
    ),
    ("h", "3. Findings"),
    ("h", "Awareness in schools"),
    (
        "p",
        "3.1 Knife possession offences by under-18s in Kingsbridge rose by 22 per cent between "
        "2021/22 and 2022/23.^1 Pupils told us that the sessions they remembered were those "
        "led by people with lived experience.",
    ),
    (
        "p",
        "3.2 Only nine of the borough’s fourteen secondary schools currently offer any session "
        "on knife crime, and most reach only one year group.",
    ),
    (
        "p",
        "Recommendation 1: That every secondary school in the borough delivers a knife crime "
        "awareness session to Year 8 pupils each year.",
    ),
    ("h", "Policing and schools"),
    (
        "p",
        "3.3 Head teachers valued the Safer Schools officers but said that officers are often "
        "moved without notice. Four schools have had three different officers in two years.",
    ),
    (
        "p",
        "Recommendation 2: That the Metropolitan Police assigns a named Safer Schools officer to "
        "each secondary school and pupil referral unit.",
    ),
    ("h", "Hospitals and youth work"),
    (
        "p",
        "3.4 Youth workers based in emergency departments reach young people at a “teachable "
        "moment”. Neighbouring boroughs fund such posts; Kingsbridge does not.^2",
    ),
    (
        "p",
        "Recommendation 3: That the Council funds youth workers in the emergency departments of "
        "the two local hospitals.",
    ),
    ("h", "Exclusions"),
    (
        "p",
        "3.5 Young people excluded from school are at greater risk of exploitation. The Youth "
        "Justice Service told us that it often learns of an exclusion weeks after it happens.",
    ),
    (
        "p",
        "Recommendation 4: That schools share information about pupils at risk of exclusion "
        "with the Youth Justice Service within five working days.",
    ),
    ("h", "Data"),
    (
        "p",
        "3.6 The Panel found it hard to obtain figures for the borough by ward. Residents want "
        "to know what is happening in their area.",
    ),
    (
        "p",
        "Recommendation 5: That the Council publishes an annual report on knife crime involving "
        "young people, broken down by ward.",
    ),
    ("h", "4. Next steps"),
    (
        "p",
        "4.1 This report will be presented to Cabinet on 16 April 2024. The Panel will review "
        "progress against its recommendations in March 2025.",
    ),
]

KNIFE_CRIME_FURNITURE = Furniture(
    top=[("Knife crime prevention in schools – Scrutiny review", "OFFICIAL")],
    bottom=[("Kingsbridge Borough Council", "Page {page}")],
    notes={
        1: [
            "1 Metropolitan Police crime data, financial years 2021/22 and 2022/23.",
            "2 Youth work in emergency departments, Redthorne Violence Reduction Unit, 2023.",
        ]
    },
)

# A board's action log alone, on one page: a table "Ref | Date raised | Action | Lead |
# Deadline | RAG | Update" under the board's running header.
_LOG_ROWS = [
    (
        "YJ24/01",
        "15/04/2024",
        "Circulate the refreshed out-of-court disposals protocol to all Board members for comment.",
        "Head of Youth Justice",
        "31/05/2024",
        "Complete",
        "Circulated on 20 May 2024; comments from the police and health received and included.",
    ),
    (
        "YJ24/02",
        "15/04/2024",
        "Provide a breakdown of first-time entrants by ethnicity and ward for the last three "
        "years.",
        "Performance Manager",
        "July 2024",
        "Complete",
        "Presented at the July Board; see the performance report.",
    ),
    (
        "YJ24/03",
        "15/04/2024",
        "Agree a joint protocol with the Metropolitan Police on the use of stop and search with "
        "children known to the service.",
        "Supt Dean Harlow",
        "30/09/2024",
        "Amber",
        "Draft protocol discussed with the BCU; sign-off delayed by a change of Superintendent. "
        "Now expected in February 2025.",
    ),
    (
        "YJ24/04",
        "08/07/2024",
        "Arrange speech and language screening for every child starting an intervention.",
        "Health Lead, ICB",
        "Q3 2024/25",
        "Green",
        "Screening began on 1 October 2024; 46 children screened so far.",
    ),
    (
        "YJ24/05",
        "08/07/2024",
        "Report on the education, employment and training status of children on court orders.",
        "Virtual School Head",
        "October 2024",
        "Red",
        "Data-sharing agreement with the colleges still not in place; report deferred to the "
        "April 2025 Board.",
    ),
    (
        "YJ24/06",
        "14/10/2024",
        "Invite the new Youth Court chair to a future Board meeting.",
        "Chair",
        "TBC",
        "Green",
        "Invitation sent; date to be confirmed.",
    ),
    (
        "YJ24/07",
        "14/10/2024",
        "Review the service’s remand figures with the Local Authority Designated Officer and "
        "report on any patterns by age.",
        "Head of Youth Justice",
        "31/01/2025",
        "Green",
        "Review under way; on track for the January Board.",
    ),
    (
        "YJ24/08",
        "14/10/2024",
        "Share the HMIP thematic inspection on serious youth violence with schools through "
        "the Education Partnership.",
        "Director of Education",
        "Ongoing",
        "Amber",
        "Shared with secondary heads in November; primary heads to follow.",
    ),
]

YOUTH_JUSTICE_ACTION_LOG = [
    ("h", "Southmere Youth Justice Management Board"),
    ("h", "Action log – updated 20 January 2025"),
    (
        "p",
        "Actions marked Complete at the last meeting have been removed. RAG: Green – on track; "
        "Amber – at risk; Red – overdue.",
    ),
    (
        "table",
        [
            [["Ref"], ["Date raised"], ["Action"], ["Lead"], ["Deadline"], ["RAG"], ["Update"]],
            *[[[cell] for cell in row] for row in _LOG_ROWS],
        ],
        [0.09, 0.11, 0.27, 0.12, 0.11, 0.08, 0.22],
    ),
]

YOUTH_JUSTICE_FURNITURE = Furniture(
    top=[("Southmere Youth Justice Management Board", "Action log")],
    bottom=[("OFFICIAL – SENSITIVE", "Page {page} of {pages}")],
)

# A partnership's meeting notes as tables: who attended ("Name | Organisation") and
# the notes ("Item | Notes | Actions"), the actions in a column of their own.
EASTHOLM_NOTES = [
    ("h", "Eastholm Community Safety Partnership – Meeting notes"),
    ("p", "Thursday 9 January 2025, 2pm – 4pm, MS Teams"),
    ("h", "Attendance"),
    (
        "table",
        [
            [["Name"], ["Organisation"]],
            [["Jo Marsh (Chair)"], ["Eastholm Council"]],
            [["DCI Priya Shah"], ["Metropolitan Police"]],
            [["Tom Reilly"], ["London Fire Brigade"]],
            [["Grace Obi"], ["Probation Service"]],
            [["Sam Cole"], ["Eastholm Council"]],
        ],
        [0.4, 0.6],
    ),
    ("p", "Apologies: Mark Lane (NHS North East London)"),
    ("h", "Notes"),
    (
        "table",
        [
            [["Item"], ["Notes"], ["Actions"]],
            [
                ["1. Welcome and apologies"],
                ["Jo welcomed members to the first meeting of the year. Apologies were noted."],
                ["–"],
            ],
            [
                ["2. Notes and actions of the last meeting"],
                [
                    "The notes of the meeting on 3 October 2024 were agreed. All actions are "
                    "complete except the mapping of empty properties, which is covered under "
                    "item 4."
                ],
                ["–"],
            ],
            [
                ["3. Violence reduction plan 2025–28"],
                [
                    "Sam presented the draft plan, which was shaped by the strategic needs "
                    "assessment and by a survey of 640 residents. The three priorities are "
                    "violence in the night-time economy, violence against women and girls, and "
                    "serious youth violence.",
                    "Members welcomed the draft but asked for clearer targets and for the "
                    "measures to be agreed with each partner before the plan goes to Cabinet.",
                ],
                ["Sam Cole to circulate a revised draft with targets by 31 January 2025."],
            ],
            [
                ["4. Arson in empty properties"],
                [
                    "Tom reported 14 deliberate fires in empty buildings since October, most in "
                    "two wards. The Brigade has visited the owners of the buildings concerned "
                    "and secured six of them.",
                ],
                [
                    "Tom Reilly and Sam Cole to map empty properties with the Council’s empty "
                    "homes team by the March meeting."
                ],
            ],
            [
                ["5. Probation update"],
                [
                    "Grace described the new approved premises that opens in the borough in "
                    "February, and the arrangements agreed with the police for managing "
                    "residents who breach their licence conditions.",
                ],
                ["Grace Obi to share the approved premises protocol with members."],
            ],
            [["6. Any other business"], ["None."], ["–"]],
        ],
        [0.22, 0.5, 0.28],
    ),
    ("p", "Next meeting: Thursday 3 April 2025, 2pm, MS Teams"),
]

EASTHOLM_FURNITURE = Furniture(
    top=[("Eastholm CSP – notes – 9 January 2025", "OFFICIAL")],
    bottom=[("Page {page} of {pages}", "")],
)
