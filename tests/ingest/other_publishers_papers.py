"""Committee papers from publishers whose papers the rules were not written from (fourth
round: a probe as a new user would make it).

Each was written, and its gold extraction made by hand in `corpus/`, before the
extractor read them: a London borough scrutiny commission's ModernGov minutes (Present /
Officers / Also in attendance blocks with roles in brackets or after commas, numbered
items with "RESOLVED:" lists and "ACTION:" lines naming officers); an NHS trust board's
minutes (items referenced "TB 24/057", an action log table "Ref | Action | Owner | Due |
Status" whose owners are initials of the people present); an integrated care board's
agenda (a table of time, number, item, presenter and paper); a government department's
response to a Commons select committee (the Committee's recommendations numbered and in
bold, each followed by "The Government agrees / partially agrees / disagrees ..."); a
council cabinet's response to a scrutiny review as a table "Recommendation | Response |
Lead officer | Timescale"; and a Markdown note of a voluntary-sector partnership with
TOML front matter.
"""

from __future__ import annotations

from .pdf_render import Furniture

# A London borough's scrutiny commission, minutes as ModernGov prints them (PDF).
MARLOW_MINUTES = [
    ("h", "London Borough of Marlow Fields"),
    ("h", "Health and Social Care Scrutiny Commission"),
    ("p", "Minutes of the meeting held on Tuesday 8 October 2024 at 7.00 pm"),
    ("p", "Committee Room 3, Marlow Fields Town Hall, Carlton Road, London N17 4QT"),
    (
        "p",
        "Present: Councillor Priya Anand (Chair), Councillor Owen Delaney (Vice-Chair), "
        "Councillor Ruth Mbeki, Councillor Stefan Novak and Councillor Joan Whitaker",
    ),
    ("p", "Apologies: Councillor Imran Qureshi"),
    (
        "p",
        "Officers: Tanya Boateng, Director of Adult Social Care; Dr Colin Hurst, Director "
        "of Public Health; Martin Ruiz, Scrutiny Officer",
    ),
    (
        "p",
        "Also in attendance: Councillor Leah Ford (Cabinet Member for Health and Wellbeing); "
        "Sunita Rao (Place Director, North Central London ICB); Graham Pike (Healthwatch "
        "Marlow Fields)",
    ),
    ("h", "1 Apologies for Absence"),
    ("p", "1.1 Apologies for absence were received from Councillor Qureshi."),
    ("h", "2 Urgent Items"),
    ("p", "2.1 There were no urgent items."),
    ("h", "3 Declarations of Interest"),
    (
        "p",
        "3.1 Councillor Mbeki declared that she is employed by a community pharmacy in the "
        "borough. This was not a pecuniary interest.",
    ),
    ("h", "4 Minutes of the Previous Meeting"),
    (
        "p",
        "4.1 The Commission considered the minutes of the meeting held on 10 July 2024. "
        "The Scrutiny Officer reported that the information on dementia diagnosis rates "
        "requested at that meeting had been circulated.",
    ),
    ("p", "RESOLVED: That the minutes of the meeting held on 10 July 2024 be agreed."),
    ("h", "5 Winter Pressures in Adult Social Care"),
    (
        "p",
        "5.1 The Director of Adult Social Care introduced the report, which set out how "
        "the Council and its NHS partners were preparing for the winter. Demand for home "
        "care after a hospital stay had risen by 11% on the previous year.",
    ),
    (
        "p",
        "5.2 Members asked how many people were waiting for a care assessment. The "
        "Director said that 146 people were waiting, 38 of them for more than 28 days, and "
        "that two agency assessors had been taken on until March.",
    ),
    (
        "p",
        "ACTION: Tanya Boateng to provide the Commission with the monthly number of people "
        "waiting more than 28 days for an assessment, by ward.",
    ),
    (
        "p",
        "5.3 Graham Pike said that residents had told Healthwatch that they did not know "
        "whom to call when a care visit was missed.",
    ),
    (
        "p",
        "ACTION: Martin Ruiz to invite the home care providers' forum to the January "
        "meeting.",
    ),
    ("p", "RESOLVED:"),
    ("p", "(i) That the report be noted; and"),
    (
        "p",
        "(ii) That the Commission recommends to Cabinet that a single telephone number for "
        "missed care visits is published on the Council's website.",
    ),
    ("h", "6 Childhood Immunisations"),
    (
        "p",
        "6.1 The Director of Public Health presented the annual report on childhood "
        "immunisations. Uptake of the second dose of MMR by age five was 74%, against a "
        "national target of 95%.",
    ),
    (
        "p",
        "6.2 Sunita Rao said that the ICB would fund pop-up clinics in children's centres "
        "from November.",
    ),
    (
        "p",
        "ACTION: Dr Hurst to share the list of pop-up clinic dates with ward councillors "
        "before 1 November 2024.",
    ),
    ("p", "RESOLVED: That the report be noted."),
    ("h", "7 Work Programme 2024/25"),
    (
        "p",
        "7.1 Members agreed to add an item on GP access to the work programme for "
        "February 2025.",
    ),
    ("p", "RESOLVED: That the work programme be agreed, as amended."),
    ("p", "Duration of the meeting: 7.00 pm - 9.05 pm"),
    ("p", "Chair"),
]
MARLOW_FURNITURE = Furniture(
    top=[("Health and Social Care Scrutiny Commission", "Tuesday 8 October 2024")],
    bottom=[("", "{page}")],
)

# An NHS trust's board of directors, minutes of its meeting in public (PDF).
ASHCOMBE_BOARD = [
    ("h", "Ashcombe Valley Hospitals NHS Foundation Trust"),
    ("h", "Minutes of the Board of Directors meeting held in public"),
    (
        "p",
        "Thursday 25 July 2024, 09:30 to 12:15, The Boardroom, Ashcombe General Hospital",
    ),
    (
        "table",
        [
            [["Present"], [""]],
            [["Dr Ruth Ellison"], ["Chair"]],
            [["Mark Okafor"], ["Chief Executive"]],
            [["Jane Whitmore"], ["Chief Nurse"]],
            [["Dr Anil Kapoor"], ["Medical Director"]],
            [["Paul Fenton"], ["Chief Finance Officer"]],
            [["Helen Dawes"], ["Non-Executive Director"]],
            [["Tom Byrne"], ["Non-Executive Director"]],
            [["In attendance"], [""]],
            [["Sarah Lyle"], ["Company Secretary (minutes)"]],
            [["Kevin Asante"], ["Director of People"]],
        ],
        [0.35, 0.65],
    ),
    ("h", "TB 24/055 Welcome and apologies"),
    (
        "p",
        "The Chair welcomed everyone to the meeting. Apologies were received from Rachel "
        "Burns, Chief Operating Officer.",
    ),
    ("h", "TB 24/056 Declarations of interest"),
    ("p", "There were no new declarations of interest."),
    ("h", "TB 24/057 Minutes of the previous meeting and action log"),
    (
        "p",
        "The minutes of the meeting held on 23 May 2024 were approved as a true record. "
        "The Board reviewed the action log; actions 24/031 and 24/036 were closed.",
    ),
    ("h", "TB 24/058 Chief Executive's report"),
    (
        "p",
        "MO presented his report. The Trust had met the four-hour emergency department "
        "standard for 76.2% of patients in June, against the national ambition of 78%. "
        "The Board asked for the plan for the new urgent treatment centre to come to its "
        "September meeting.",
    ),
    ("h", "TB 24/059 Integrated performance report"),
    (
        "p",
        "PF reported a deficit of £2.1m at month three, £0.4m worse than plan, because of "
        "the cost of temporary staff. JW reported two never events in the quarter, both "
        "investigated under the Patient Safety Incident Response Framework.",
    ),
    (
        "p",
        "HD asked how many shifts were filled by agency nurses. KA agreed to bring a "
        "breakdown by ward to the People Committee.",
    ),
    ("h", "TB 24/060 Maternity services update"),
    (
        "p",
        "JW presented the quarterly maternity report. The Board noted the progress against "
        "the three-year delivery plan and approved the submission to the Maternity "
        "Incentive Scheme.",
    ),
    ("h", "TB 24/061 Any other business"),
    ("p", "There was no other business."),
    ("h", "Action log"),
    (
        "table",
        [
            [["Ref"], ["Action"], ["Owner"], ["Due"], ["Status"]],
            [
                ["24/041"],
                ["Bring the urgent treatment centre plan to the Board"],
                ["MO"],
                ["September 2024"],
                ["Open"],
            ],
            [
                ["24/042"],
                ["Provide a breakdown of agency nursing shifts by ward to the People Committee"],
                ["KA"],
                ["19/09/2024"],
                ["Open"],
            ],
            [
                ["24/043"],
                ["Circulate the never events learning summary to all Board members"],
                ["JW"],
                ["31/08/2024"],
                ["Open"],
            ],
            [
                ["24/044"],
                ["Publish the revised Board meeting schedule for 2025 on the Trust website"],
                ["SL"],
                ["October 2024"],
                ["Open"],
            ],
        ],
        [0.1, 0.5, 0.1, 0.16, 0.14],
    ),
    ("p", "Date of next meeting: Thursday 26 September 2024"),
]
ASHCOMBE_FURNITURE = Furniture(
    top=[("Board of Directors (Public) – 25 July 2024", "")],
    bottom=[("Ashcombe Valley Hospitals NHS Foundation Trust", "Page {page} of {pages}")],
)

# An integrated care board's agenda: time, item, presenter and paper in a table (PDF).
NORTHMERE_ICB_AGENDA = [
    ("h", "NHS Northmere and Danby Integrated Care Board"),
    ("h", "Meeting of the Board in public"),
    (
        "p",
        "Wednesday 13 November 2024, 10:00 – 12:30, Conference Suite, Danby Civic Centre, "
        "Station Road, Danby",
    ),
    ("p", "Chair: Professor Alan Reid"),
    (
        "table",
        [
            [["Time"], ["No."], ["Item"], ["Presenter"], ["Paper"]],
            [["10:00"], ["1"], ["Welcome, apologies and quoracy"], ["Alan Reid"], ["Verbal"]],
            [["10:05"], ["2"], ["Declarations of interest"], ["Alan Reid"], ["A"]],
            [
                ["10:10"],
                ["3"],
                ["Minutes of the meeting held on 11 September 2024 and action log"],
                ["Alan Reid"],
                ["B"],
            ],
            [["10:15"], ["4"], ["Chief Executive's report"], ["Fiona Grant"], ["C"]],
            [
                ["10:35"],
                ["5"],
                ["Winter resilience plan 2024/25"],
                ["Dr Samuel Otto"],
                ["D"],
            ],
            [
                ["11:05"],
                ["6"],
                ["Joint forward plan: annual refresh"],
                ["Leanne Hughes"],
                ["E"],
            ],
            [
                ["11:35"],
                ["7"],
                ["Finance report: month 6"],
                ["Christopher Moss"],
                ["F"],
            ],
            [
                ["12:00"],
                ["8"],
                ["Quality and performance report"],
                ["Dr Samuel Otto and Ayesha Khan"],
                ["G"],
            ],
            [["12:25"], ["9"], ["Any other business"], ["Alan Reid"], ["Verbal"]],
        ],
        [0.1, 0.07, 0.47, 0.24, 0.12],
    ),
    ("p", "Date of next meeting: Wednesday 15 January 2025"),
]
NORTHMERE_FURNITURE = Furniture(
    top=[("", "NHS Northmere and Danby ICB")],
    bottom=[("Board meeting in public – 13 November 2024", "{page}")],
)

# A government department's response to a Commons select committee (PDF).
GOV_RESPONSE = [
    ("title", "Government response to the Transport Committee's report: Rural bus services"),
    ("p", "Presented to Parliament by the Secretary of State for Transport"),
    ("p", "by Command of His Majesty"),
    ("p", "June 2024"),
    ("p", "CP 1089"),
    ("break",),
    ("h", "Introduction"),
    (
        "p",
        "The Government welcomes the Transport Committee's report on rural bus services, "
        "published on 14 March 2024, and is grateful to everyone who gave evidence. Buses "
        "are the most used form of public transport, and in rural areas a bus is often the "
        "only way to reach work, school or a hospital.",
    ),
    (
        "p",
        "The Committee concluded that the decline of rural services over the last decade "
        "had left many villages without any bus at all. The Government shares that concern. "
        "The Committee's recommendations are set out below in bold, followed by the "
        "Government's response to each.",
    ),
    ("h", "Funding"),
    (
        "bold",
        "1. The Department should confirm bus service improvement funding for local "
        "transport authorities for at least three years at a time, so that authorities can "
        "let longer contracts. (Paragraph 18)",
    ),
    (
        "p",
        "The Government partially agrees with this recommendation. Funding for 2025/26 "
        "will be confirmed in the autumn, and the Department will set out its approach to "
        "longer-term settlements at the next Spending Review.",
    ),
    (
        "bold",
        "2. The Department should publish, for each local transport authority, the amount "
        "of bus funding it has received since 2020 and what it was spent on. (Paragraph 21)",
    ),
    (
        "p",
        "The Government agrees. The Department will publish a table of allocations and "
        "reported spending for each authority by the end of September 2024.",
    ),
    ("h", "Demand responsive transport"),
    (
        "bold",
        "3. The Department should evaluate the Rural Mobility Fund pilots and publish the "
        "evaluation before any further funding is awarded. (Paragraph 34)",
    ),
    (
        "p",
        "The Government agrees with this recommendation. An independent evaluation of the "
        "17 pilots was commissioned in 2023. The final report will be published in spring "
        "2025.",
    ),
    (
        "bold",
        "4. The Government should require every demand responsive service funded by the "
        "Department to accept concessionary passes. (Paragraph 37)",
    ),
    (
        "p",
        "The Government disagrees with this recommendation. Most funded services already "
        "accept concessionary passes, and making this a condition of funding would add "
        "cost for authorities whose services carry few concessionary passengers.",
    ),
    ("h", "Accessibility"),
    (
        "bold",
        "5. The Department should bring forward the deadline by which all buses must provide "
        "audible and visible next stop information. (Paragraph 45)",
    ),
    (
        "p",
        "The Government notes the Committee's recommendation. The Accessible Information "
        "Regulations already require new buses to provide this information from October "
        "2024, and older vehicles from October 2026. Bringing the deadline forward would "
        "require operators to refit vehicles at short notice.",
    ),
    (
        "bold",
        "6. The Department should write to the Committee within six months setting out "
        "the progress made on each of these recommendations. (Paragraph 52)",
    ),
    (
        "p",
        "The Government agrees. The Minister for Roads and Local Transport will write to "
        "the Committee by December 2024.",
    ),
]
GOV_RESPONSE_FURNITURE = Furniture(
    bottom=[("Government response: Rural bus services", "{page}")],
)

# A council cabinet's response to a scrutiny review, as a table (PDF, landscape).
OAKHAVEN_RESPONSE = [
    ("h", "Oakhaven City Council"),
    ("h", "Cabinet response to the Scrutiny Review of Empty Homes"),
    ("p", "Cabinet, 4 December 2024"),
    (
        "p",
        "The Housing Scrutiny Panel's review of empty homes was reported to Cabinet on 6 "
        "November 2024. The table below sets out Cabinet's response to each of the "
        "Panel's recommendations, the officer who will lead on it and when it will be done.",
    ),
    (
        "table",
        [
            [["Recommendation"], ["Response"], ["Lead officer"], ["Timescale"]],
            [
                [
                    "1. That the Council appoints a dedicated Empty Homes Officer to bring "
                    "long-term empty properties back into use."
                ],
                [
                    "Agreed. A fixed-term Empty Homes Officer post will be advertised in "
                    "January 2025, funded from the premium on long-term empty homes."
                ],
                ["Head of Private Sector Housing"],
                ["April 2025"],
            ],
            [
                [
                    "2. That the council tax premium on homes empty for more than two years "
                    "is raised to the maximum permitted."
                ],
                [
                    "Agreed in part. The premium for homes empty for more than five years "
                    "is already at the maximum. Cabinet will consult on raising the premium "
                    "for homes empty between two and five years."
                ],
                ["Director of Finance"],
                ["Consultation by 31 March 2025"],
            ],
            [
                [
                    "3. That an interest-free loan is offered to owners to bring empty homes "
                    "up to the lettable standard, in return for nominations rights."
                ],
                [
                    "Not agreed. The Council's capital programme cannot fund a loan scheme "
                    "in 2025/26. Owners will instead be referred to the regional home "
                    "improvement agency."
                ],
                ["Head of Private Sector Housing"],
                ["N/A"],
            ],
            [
                [
                    "4. That the Council reports the number of long-term empty homes "
                    "brought back into use to the Panel every six months."
                ],
                [
                    "Agreed. The first report will be made to the Panel's meeting in "
                    "June 2025."
                ],
                ["Scrutiny Officer"],
                ["June 2025"],
            ],
        ],
        [0.32, 0.4, 0.15, 0.13],
    ),
]
OAKHAVEN_FURNITURE = Furniture(
    top=[("Cabinet – 4 December 2024", "Appendix A")],
    bottom=[("", "Page {page}")],
    landscape=True,
)

# A voluntary-sector partnership's note of its meeting (Markdown, TOML front matter).
HADLEY_VCS_NOTE = """+++
title = "Hadley Green Voluntary Sector Partnership"
date = 2024-05-16
start = "14:00"
end = "15:30"
venue = "The Old Library Community Hub, Bridge Street"
+++

# Hadley Green Voluntary Sector Partnership

Note of the meeting held on 16 May 2024

## Attendees

- Maggie O'Neill (Chair), Hadley Green Age Concern
- Yusuf Khan, Hadley Green Food Bank
- Carol Jennings, Citizens Advice Hadley Green
- Ben Adeyemi, Hadley Green Youth Trust
- Lucy Grey, Hadley Green District Council

**Apologies:** Peter Hale (Hadley Green Carers)

## 1. Welcome and introductions

Maggie welcomed everyone, and introduced Ben, who has joined the Youth Trust as its new
manager.

## 2. Notes and actions from the last meeting

The notes of 14 March were agreed. The directory of warm spaces has been published, so
that action is closed.

## 3. Cost of living support

Yusuf reported that the food bank gave out 1,240 parcels between January and March, a
rise of a fifth on last year. Carol said debt advice appointments were booked three
weeks ahead.

- **Action:** Carol to share the Citizens Advice referral form with all members.
- **Action:** Yusuf and Lucy to look at whether the council's household support fund
  can pay for fresh food vouchers, and report back at the next meeting.

## 4. Summer holiday activities

Ben described the Youth Trust's plans for the holiday activities programme. Lucy
confirmed that the council's grant of £45,000 has been approved.

- **Action:** Ben to send the programme timetable to members by 7 June.

## 5. Any other business

None.

## Date of next meeting

Thursday 18 July 2024, 2pm, at the Community Hub.
"""
