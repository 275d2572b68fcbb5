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
        "ACTION: Martin Ruiz to invite the home care providers' forum to the January meeting.",
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
        "7.1 Members agreed to add an item on GP access to the work programme for February 2025.",
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
                ["Agreed. The first report will be made to the Panel's meeting in June 2025."],
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

# A health department's response to a Commons committee: each recommendation under a
# "Recommendation N" heading, the response under "Government response" in numbered
# paragraphs (PDF).
DHSC_RESPONSE = [
    ("title", "Government response to the Health and Social Care Committee report on dentistry"),
    ("p", "Presented to Parliament by the Secretary of State for Health and Social Care"),
    ("p", "September 2024"),
    ("break",),
    ("h", "Contents"),
    ("p", "Introduction"),
    ("p", "Access to NHS dentistry"),
    ("p", "The dental workforce"),
    ("break",),
    ("h", "Introduction"),
    (
        "p",
        "The Government thanks the Health and Social Care Committee for its report on NHS "
        "dentistry. This command paper responds to the Committee's eight recommendations; "
        "where recommendations are closely related they are answered together.",
    ),
    ("h", "Access to NHS dentistry"),
    ("h", "Recommendation 1"),
    (
        "p",
        "NHS England should publish, every quarter, the number of patients in each "
        "integrated care board area who have seen an NHS dentist in the previous 24 months.",
    ),
    ("h", "Government response"),
    (
        "p",
        "1.1 The Government accepts this recommendation. NHS England already publishes "
        "this figure every year in its dental statistics.",
    ),
    (
        "p",
        "1.2 NHS England will move to quarterly publication from the first quarter of 2025/26.",
    ),
    ("h", "Recommendation 2"),
    (
        "p",
        "The Department should reform the dental contract so that dentists are paid fairly "
        "for treating patients with high needs, and set out a timetable for reform by the "
        "end of 2024.",
    ),
    ("h", "Government response"),
    (
        "p",
        "2.1 The Government partially accepts this recommendation. We agree that the "
        "contract must reward treating patients with high needs. Negotiations with the "
        "British Dental Association began in June 2024.",
    ),
    (
        "p",
        "2.2 The Department will publish a consultation on contract reform by 31 March "
        "2025. We do not think it right to fix a timetable before the negotiations conclude.",
    ),
    ("h", "Recommendation 3"),
    (
        "p",
        "Integrated care boards should be required to spend their whole dental budget on "
        "dentistry, with any underspend carried forward.",
    ),
    ("h", "Government response"),
    (
        "p",
        "3.1 The Government does not accept this recommendation. Dental budgets have been "
        "ring-fenced since April 2024, and any underspend is already returned to dental "
        "services in the following year.",
    ),
    ("h", "The dental workforce"),
    ("h", "Recommendation 4"),
    (
        "p",
        "The Department should introduce a tie-in period for newly qualified dentists, "
        "requiring them to work in the NHS for a minimum number of years.",
    ),
    ("h", "Government response"),
    (
        "p",
        "4.1 The Government accepts this recommendation in principle. The Department will "
        "consult on the design of a tie-in during 2025.",
    ),
    ("h", "Recommendation 5"),
    (
        "p",
        "NHS England should fund an additional 200 dental training places in the areas with "
        "the fewest dentists.",
    ),
    ("h", "Government response"),
    (
        "p",
        "5.1 The Government accepts this recommendation. Funding for 80 additional places "
        "was confirmed in 2024/25, and the remaining 120 places will be funded from "
        "September 2025.",
    ),
]
DHSC_FURNITURE = Furniture(
    bottom=[("Government response: NHS dentistry", "{page}")],
)

# A trust board's agenda: item, subject, purpose, lead and a time range (PDF).
KESTREL_TRUST_AGENDA = [
    ("h", "Kestrel Community Health NHS Trust"),
    ("h", "Agenda: Trust Board meeting in public"),
    ("p", "Date: Tuesday 4 March 2025"),
    ("p", "Time: 13:30 – 16:00"),
    ("p", "Venue: Seminar Room 2, Kestrel House, Mill Lane, Harbury"),
    (
        "table",
        [
            [["Item"], ["Subject"], ["Purpose"], ["Lead"], ["Time"]],
            [["1"], ["Chair's welcome and apologies"], ["To note"], ["Chair"], ["13:30"]],
            [["2"], ["Declarations of interest"], ["To note"], ["Chair"], ["13:32"]],
            [
                ["3"],
                ["Patient story: living with long COVID"],
                ["For information"],
                ["Chief Nurse"],
                ["13:35"],
            ],
            [
                ["4"],
                ["Minutes of the meeting held on 7 January 2025"],
                ["For approval"],
                ["Chair"],
                ["13:55"],
            ],
            [
                ["5"],
                ["Chief Executive's report"],
                ["For assurance"],
                ["Chief Executive"],
                ["14:00"],
            ],
            [
                ["6"],
                ["Community waiting lists: recovery plan"],
                ["For assurance"],
                ["Chief Operating Officer"],
                ["14:20"],
            ],
            [
                ["7"],
                ["Annual plan and budget 2025/26"],
                ["For approval"],
                ["Director of Finance"],
                ["14:50"],
            ],
            [
                ["8"],
                ["Board Assurance Framework"],
                ["For approval"],
                ["Trust Secretary"],
                ["15:30"],
            ],
            [["9"], ["Questions from the public"], ["To note"], ["Chair"], ["15:45"]],
        ],
        [0.07, 0.43, 0.16, 0.22, 0.12],
    ),
    ("p", "Chair: Mrs Deborah Lane"),
]
KESTREL_FURNITURE = Furniture(
    top=[("Trust Board (Public) – 4 March 2025", "")],
    bottom=[("", "Page {page} of {pages}")],
)

# A borough cabinet's response to a scrutiny review as labelled paragraphs (PDF).
ELMSTEAD_RESPONSE = [
    ("h", "London Borough of Elmstead"),
    ("h", "Cabinet response: Overview and Scrutiny review of school streets"),
    ("p", "Cabinet meeting: 15 January 2025"),
    ("p", "Cabinet Member: Councillor Nadia Hussain, Cabinet Member for Environment"),
    ("h", "Introduction"),
    (
        "p",
        "The Overview and Scrutiny Committee reviewed the borough's school streets "
        "programme between June and October 2024 and made four recommendations. Cabinet "
        "thanks the Committee for its work. Its response to each recommendation follows.",
    ),
    ("h", "Recommendation 1"),
    (
        "p",
        "Scrutiny recommendation: Every primary school on a road with more than 500 "
        "vehicles an hour at drop-off should be offered a school street by 2026.",
    ),
    (
        "p",
        "Cabinet response: Accepted. A programme of 14 further school streets will be "
        "consulted on this year, starting with the schools with the worst air quality.",
    ),
    ("p", "Lead officer: Head of Highways"),
    ("p", "Target date: September 2026"),
    ("h", "Recommendation 2"),
    (
        "p",
        "Scrutiny recommendation: Residents and blue badge holders living within a school "
        "street should be given permits free of charge.",
    ),
    (
        "p",
        "Cabinet response: Accepted. Permits are already free to residents; from April "
        "2025 they will also be free to carers visiting residents.",
    ),
    ("p", "Lead officer: Parking Services Manager"),
    ("p", "Target date: April 2025"),
    ("h", "Recommendation 3"),
    (
        "p",
        "Scrutiny recommendation: Enforcement should be by camera at every school street, "
        "not by volunteer marshals.",
    ),
    (
        "p",
        "Cabinet response: Partially accepted. Cameras will be installed at the ten busiest "
        "school streets. Marshals will remain at the others, where camera enforcement would "
        "cost more than it raises.",
    ),
    ("p", "Lead officer: Head of Highways"),
    ("p", "Target date: December 2025"),
    ("h", "Recommendation 4"),
    (
        "p",
        "Scrutiny recommendation: The Council should report the results of air quality "
        "monitoring at school streets to the Committee each year.",
    ),
    (
        "p",
        "Cabinet response: Accepted. The first annual report will be presented to the "
        "Committee in November 2025.",
    ),
    ("p", "Lead officer: Air Quality Officer"),
    ("p", "Target date: November 2025"),
]
ELMSTEAD_FURNITURE = Furniture(
    top=[("Cabinet – 15 January 2025", "Agenda Item 7")],
    bottom=[("", "{page}")],
)

# A health and wellbeing board's minutes, with an action table in Markdown pipe form.
STONEBRIDGE_HWB_MINUTES = """# Stonebridge Health and Wellbeing Board

## Minutes of the meeting held on Thursday 27 February 2025

**Time:** 2.00pm to 3.45pm
**Venue:** Council Chamber, Stonebridge Civic Offices

### Present

| Name | Organisation |
|---|---|
| Cllr Aisha Patel (Chair) | Stonebridge Borough Council |
| Dr Niall Fergus | Stonebridge Primary Care Network |
| Rebecca Moore | Stonebridge Borough Council, Director of Public Health |
| Simon Yates | Healthwatch Stonebridge |
| Insp. Karen Walsh | Stonebridge Police |

**Apologies:** Cllr David Brennan

### 1. Welcome and apologies

The Chair welcomed members. Apologies were noted.

### 2. Minutes of the last meeting

The minutes of 28 November 2024 were agreed.

### 3. Joint Health and Wellbeing Strategy refresh

Rebecca Moore presented the draft refresh of the strategy. The Board discussed the
priority on healthy weight. Simon Yates asked whether children and young people had been
consulted. Rebecca Moore replied that two youth forums had been held in January and that
their views were reflected in the draft.

RESOLVED: That the draft strategy be approved for public consultation.

### 4. Better Care Fund quarter 3 return

The Board noted the return, which had been submitted to NHS England on 31 January.

### 5. Any other business

There was none.

### Actions

| No. | Action | Owner | Deadline |
|---|---|---|---|
| 1 | Publish the consultation on the strategy refresh | RM | 14 March 2025 |
| 2 | Share the youth forums' report with Board members | RM | 7 March 2025 |
| 3 | Bring a paper on hospital discharge to the next Board | NF | 22 May 2025 |
| 4 | Circulate the police's data on drug-related admissions | KW | 31 March 2025 |
"""

# An integrated care board's minutes: "Name – Role" lines under "Present:", minutes
# referenced "ICB/25/04", "Action: XX to ..." lines owned by initials (PDF).
WYVERN_ICB_MINUTES = [
    ("h", "NHS Wyvern Integrated Care Board"),
    ("h", "Minutes of the Integrated Care Board meeting held in public"),
    ("p", "Date: 21 January 2025"),
    ("p", "Time: 10:00 – 12:00"),
    ("p", "Venue: Ground Floor Meeting Room, Wyvern House, Quay Street, Porthaven"),
    ("h", "Present:"),
    ("p", "Sir Malcolm Greaves – Chair"),
    ("p", "Dr Imogen Hale – Chief Executive"),
    ("p", "Marcus Oyelaran – Chief Finance Officer"),
    ("p", "Professor Jean Tully – Non-Executive Member"),
    ("p", "Cllr Peter Small – Partner Member, Porthaven City Council"),
    ("h", "In attendance:"),
    ("p", "Fatima Khoury – Director of Corporate Affairs"),
    ("p", "Owen Tate – Board Secretary (minutes)"),
    ("h", "Apologies:"),
    ("p", "Dr Roger Lamb – Medical Director"),
    ("h", "ICB/25/01 Welcome and apologies"),
    (
        "p",
        "The Chair welcomed members and the public to the meeting. Apologies were noted "
        "as above and the meeting was confirmed as quorate.",
    ),
    ("h", "ICB/25/02 Declarations of interest"),
    ("p", "No interests were declared beyond those on the register."),
    ("h", "ICB/25/03 Minutes of the previous meeting and action log"),
    (
        "p",
        "The minutes of the meeting held on 19 November 2024 were approved. Action "
        "ICB/24/88 was closed.",
    ),
    ("h", "ICB/25/04 Chief Executive's report"),
    (
        "p",
        "IH presented her report, which covered the winter pressures on urgent care and "
        "the opening of the new community diagnostic centre. Professor Tully asked when "
        "the centre would offer MRI scans. IH said that MRI would be available from May "
        "2025, once the scanner had been commissioned.",
    ),
    (
        "p",
        "Action: IH to circulate the opening timetable for the community diagnostic centre "
        "to Board members.",
    ),
    ("h", "ICB/25/05 Finance report"),
    (
        "p",
        "MO reported a forecast deficit of £6.3m for the year, against a planned "
        "break-even position. The Board asked for a recovery plan.",
    ),
    ("p", "Action: MO to present a financial recovery plan to the March Board."),
    ("h", "ICB/25/06 Any other business"),
    ("p", "There was no other business."),
    ("p", "Date of next meeting: Tuesday 18 March 2025"),
]
WYVERN_FURNITURE = Furniture(
    top=[("NHS Wyvern ICB Board – 21 January 2025", "Unconfirmed")],
    bottom=[("", "{page}")],
)

# A Home Office response to a Commons committee: "Recommendation N:" inline, then
# "Government response:", two recommendations answered together (PDF).
HOME_OFFICE_RESPONSE = [
    (
        "title",
        "The Government Response to the Home Affairs Committee Report on Neighbourhood Policing",
    ),
    (
        "p",
        "Presented to Parliament by the Secretary of State for the Home Department by "
        "Command of His Majesty",
    ),
    ("p", "November 2024"),
    ("p", "CP 1201"),
    ("break",),
    ("h", "Introduction"),
    (
        "p",
        "The Government welcomes the Committee's report and its conclusion that "
        "neighbourhood policing is the bedrock of public confidence. We respond below to "
        "each of the Committee's recommendations.",
    ),
    (
        "p",
        "Recommendation 1: Forces should publish the number of officers in neighbourhood "
        "roles each quarter, so that the public can see whether the commitment to "
        "neighbourhood policing is being kept. (Paragraph 15)",
    ),
    (
        "p",
        "Government response: The Government agrees. From April 2025 the Home Office will "
        "collect and publish the number of neighbourhood officers in each force every "
        "quarter.",
    ),
    (
        "p",
        "Recommendation 2: The College of Policing should issue guidance on investigating "
        "shop theft, including thefts below £200. (Paragraph 27)",
    ),
    (
        "p",
        "Recommendation 3: The Home Office should continue to fund the national retail "
        "crime unit beyond March 2025. (Paragraph 29)",
    ),
    (
        "p",
        "Government response to Recommendations 2 and 3: The Government agrees with both "
        "recommendations. The College of Policing will publish revised guidance on "
        "investigating shop theft by the summer of 2025. The Home Office will fund the "
        "national retail crime unit for a further two years.",
    ),
    (
        "p",
        "Recommendation 4: Every force should have a named neighbourhood officer for each "
        "secondary school. (Paragraph 34)",
    ),
    (
        "p",
        "Government response: The Government disagrees. Decisions on deploying officers "
        "are for chief constables, who are best placed to judge local need.",
    ),
]
HOME_OFFICE_FURNITURE = Furniture(
    bottom=[("Government response to the Home Affairs Committee", "{page}")],
)

# A district council's agenda front sheet as ModernGov prints it (PDF).
BRACKENDALE_AGENDA = [
    ("p", "Public Document Pack"),
    ("h", "Brackendale District Council"),
    ("title", "Overview and Scrutiny Committee"),
    ("p", "Date: Wednesday, 5 February 2025"),
    ("p", "Time: 6.30 pm"),
    ("p", "Venue: Council Chamber, Brackendale House, High Street, Brackendale"),
    (
        "p",
        "Membership: Councillors Harriet Cole (Chair), Liam Fraser (Vice-Chair), Gita "
        "Mehta, Oliver Ward and Bethany Young",
    ),
    ("p", "Contact: Democratic Services, 01234 567890, democratic.services@brackendale.gov.uk"),
    ("h", "AGENDA"),
    ("h", "1. Apologies for Absence"),
    ("p", "To receive any apologies for absence."),
    ("h", "2. Declarations of Interest"),
    ("p", "To receive any declarations of interest from members."),
    ("h", "3. Minutes (Pages 5 - 10)"),
    ("p", "To approve the minutes of the meeting held on 4 December 2024."),
    ("h", "4. Public Participation"),
    ("h", "5. Leisure Centre Contract Performance (Pages 11 - 30)"),
    ("p", "Report of the Head of Leisure and Culture."),
    ("h", "6. Scrutiny Review of Flooding: Final Report (Pages 31 - 58)"),
    ("p", "Report of the Task and Finish Group."),
    ("h", "7. Work Programme 2024/25 (Pages 59 - 64)"),
    ("h", "8. Exclusion of the Press and Public"),
    (
        "p",
        "To consider passing a resolution to exclude the press and public for the following item.",
    ),
    ("break",),
    ("h", "Minutes of the Overview and Scrutiny Committee, 4 December 2024"),
    (
        "p",
        "Present: Councillors Harriet Cole (Chair), Liam Fraser, Gita Mehta and Oliver Ward",
    ),
    ("p", "1. The minutes of the meeting held on 2 October 2024 were approved."),
    ("p", "2. The Committee received an update on the leisure centre contract."),
]
BRACKENDALE_FURNITURE = Furniture(
    bottom=[("", "Page {page}")],
)

# A London borough commission's minutes whose attendance blocks are headed "Officers In
# Attendance" and "Other People in Attendance" (PDF).
CLAYBURY_MINUTES = [
    ("h", "Claybury Council"),
    ("h", "Living in Claybury Scrutiny Commission"),
    ("p", "Monday 2 December 2024, 7.00 pm, Council Chamber, Claybury Town Hall"),
    (
        "p",
        "Councillors in attendance: Cllr Sam Rivers (Chair), Cllr Anna Kowalski, Cllr Tunde Bello",
    ),
    ("p", "Apologies: Cllr Mary Doyle"),
    (
        "p",
        "Officers In Attendance: Rachel Amos (Head of Community Safety), Jon Pryce "
        "(Enforcement Manager)",
    ),
    (
        "p",
        "Other People in Attendance: Chief Inspector Dev Sharma (Metropolitan Police "
        "Service), Lola Hart (Claybury Tenants' Federation)",
    ),
    ("h", "1 Apologies for Absence"),
    ("p", "1.1 Apologies were received from Cllr Doyle."),
    ("h", "2 Declarations of Interest"),
    ("p", "2.1 None."),
    ("h", "3 Anti-social Behaviour on Estates"),
    (
        "p",
        "3.1 The Head of Community Safety introduced the report. Reports of anti-social "
        "behaviour on the borough's estates had fallen by 6% in the year.",
    ),
    (
        "p",
        "3.2 A Member asked why residents waited up to a month for a noise nuisance visit. "
        "The Enforcement Manager explained that the out-of-hours service had two officers "
        "for the whole borough, and that a third post would be filled in the new year.",
    ),
    (
        "p",
        "3.3 Chief Inspector Sharma said that the police would share ward-level data with "
        "the Council every month from January.",
    ),
    (
        "p",
        "ACTION: Rachel Amos to bring a report on the out-of-hours noise service to the "
        "Commission in March 2025.",
    ),
    ("h", "4 Minutes of the Meeting held on 7 October 2024"),
    ("p", "RESOLVED: That the minutes be agreed as a correct record."),
    ("h", "5 Work Programme"),
    ("p", "5.1 The Commission noted its work programme."),
    ("p", "Duration of the meeting: 7.00 - 8.40 pm"),
]
CLAYBURY_FURNITURE = Furniture(
    top=[("Monday, 2 December 2024", "")],
    bottom=[("", "{page}")],
)

# A trust board's minutes set as a table of minute references and minutes, with an
# action table "Action No | Minute Ref | Action | Lead | Deadline | Status" (PDF).
HOLLYBANK_BOARD = [
    ("h", "Hollybank Mental Health NHS Trust"),
    ("h", "Minutes of the Trust Board held in public"),
    ("p", "Held on 11 December 2024 at 10.00am, Room 4, Trust Headquarters, Elm Road"),
    (
        "p",
        "Present: Anne Cowley (Chair); Dr Ravi Menon (Chief Executive); Lisa Hurd (Director "
        "of Nursing); Peter Quayle (Non-Executive Director)",
    ),
    ("p", "In attendance: Gemma Stott (Head of Corporate Governance)"),
    (
        "table",
        [
            [["Minute"], ["Item"]],
            [
                ["TB/24/101"],
                ["Apologies and welcome", "Apologies were received from the Director of Finance."],
            ],
            [["TB/24/102"], ["Declarations of interest", "None."]],
            [
                ["TB/24/103"],
                [
                    "Quality and safety report",
                    "LH presented the report. The number of patients placed out of area "
                    "had fallen to 14. The Board asked for the learning from the two "
                    "serious incidents to be shared with staff.",
                ],
            ],
            [
                ["TB/24/104"],
                [
                    "Staff survey 2024",
                    "The Board noted the results. RM agreed to set out the actions on "
                    "bullying and harassment at the February meeting.",
                ],
            ],
            [["TB/24/105"], ["Any other business", "None."]],
        ],
        [0.18, 0.82],
    ),
    ("h", "Actions"),
    (
        "table",
        [
            [["Action No"], ["Minute Ref"], ["Action"], ["Lead"], ["Deadline"], ["Status"]],
            [
                ["1"],
                ["TB/24/103"],
                ["Share the learning from the two serious incidents with all clinical staff"],
                ["LH"],
                ["31 January 2025"],
                ["New"],
            ],
            [
                ["2"],
                ["TB/24/104"],
                ["Set out the actions on bullying and harassment from the staff survey"],
                ["RM"],
                ["February 2025"],
                ["New"],
            ],
        ],
        [0.1, 0.14, 0.4, 0.1, 0.14, 0.12],
    ),
]
HOLLYBANK_FURNITURE = Furniture(
    top=[("Trust Board – 11 December 2024", "Approved")],
    bottom=[("", "{page}")],
)

# A health and wellbeing board's agenda: the time first and no item numbers (PDF).
FARLEIGH_HWB_AGENDA = [
    ("h", "Farleigh Health and Wellbeing Board"),
    ("p", "Thursday 16 January 2025, 2.00pm – 4.00pm"),
    ("p", "The Gallery Room, Farleigh Library, Market Square"),
    ("h", "Agenda"),
    (
        "table",
        [
            [["Time"], ["Item"], ["Lead"]],
            [["2.00pm"], ["Welcome and introductions"], ["Cllr Joanne Pike, Chair"]],
            [["2.05pm"], ["Minutes of the last meeting"], ["Cllr Joanne Pike, Chair"]],
            [
                ["2.10pm"],
                ["Pharmaceutical Needs Assessment 2025"],
                ["Dr Helen Shaw, Director of Public Health"],
            ],
            [["2.40pm"], ["Better Care Fund plan"], ["Mark Ridley, Director of Adult Services"]],
            [["3.20pm"], ["Children's mental health: CAMHS waiting times"], ["Sophie Lane, ICB"]],
            [["3.50pm"], ["Forward plan"], ["Board Manager"]],
        ],
        [0.14, 0.5, 0.36],
    ),
]
FARLEIGH_FURNITURE = Furniture(bottom=[("", "{page}")])

# A partnership's notes in Markdown with YAML front matter, actions as a task list.
ALDER_NOTES = """---
title: Alder Vale Food Partnership
date: 2025-03-06
start: "10:00"
end: "11:30"
location: Online (Zoom)
---

# Alder Vale Food Partnership – notes

## Present

- Priya Shah – Alder Vale Community Larder (chair)
- Tom Ellery – Alder Vale Borough Council
- Hannah Brook – Growing Together CIC
- Femi Ade – St Luke's Church Food Bank

## Notes

### 1. Update from the council

Tom said the council's food insecurity survey closes at the end of March.

### 2. Winter food bank use

Femi said demand over winter was the highest the food bank had recorded.

### 3. Community growing sites

Hannah presented the plan for two new growing sites on council land.

## Actions

- [ ] Tom Ellery: share the survey link with all partners
- [ ] Hannah Brook: send the growing sites plan to the council's estates team by 21 March
- [x] Femi Ade: circulate the winter figures (done at the meeting)
"""

# Fifth round. A county's scrutiny committee minutes: minute numbers through the year in
# capitals ("52. APOLOGIES FOR ABSENCE"), members set in two columns, "(in the Chair)"
# (PDF).
WESTSHIRE_MINUTES = [
    ("h", "WESTSHIRE COUNTY COUNCIL"),
    ("h", "ADULT SOCIAL CARE AND HEALTH SCRUTINY COMMITTEE"),
    (
        "p",
        "MINUTES of a meeting of the Adult Social Care and Health Scrutiny Committee held "
        "at County Hall, Westbury on Wednesday, 15 January 2025 at 10.30 am.",
    ),
    ("p", "PRESENT:"),
    (
        "columns",
        [
            ("Councillor G. Hammond (in the Chair)", "Councillor P. Okoro"),
            ("Councillor S. Barnes", "Councillor L. Trent"),
            ("Councillor M. Idris", ""),
        ],
    ),
    (
        "p",
        "Also present: Councillor R. Fielding (Cabinet Member for Adult Social Care), "
        "Karen Holt (Director of Adult Social Care), Neil Sykes (Scrutiny Officer)",
    ),
    ("h", "52. APOLOGIES FOR ABSENCE"),
    ("p", "Apologies were received from Councillor D. Wren."),
    ("h", "53. DECLARATIONS OF INTEREST"),
    ("p", "There were no declarations of interest."),
    ("h", "54. MINUTES"),
    (
        "p",
        "RESOLVED that the minutes of the meeting held on 20 November 2024 be confirmed "
        "and signed by the Chair.",
    ),
    ("h", "55. CARE HOME CAPACITY"),
    (
        "p",
        "The Director of Adult Social Care presented a report on the number of care home "
        "beds in the county. Forty-two beds had closed since April.",
    ),
    (
        "p",
        "Councillor Trent asked whether the Council had assessed the risk of further "
        "closures. The Director replied that a market sustainability assessment was "
        "published in October and would be refreshed in the spring.",
    ),
    (
        "p",
        "RESOLVED that (a) the report be noted; and (b) the Director be asked to report "
        "to the Committee's July meeting on progress with the new extra care schemes.",
    ),
    ("h", "56. WORK PROGRAMME"),
    ("p", "RESOLVED that the work programme be approved."),
    ("p", "The meeting closed at 12.20 pm."),
]
WESTSHIRE_FURNITURE = Furniture(bottom=[("", "{page}")])

# A government response set as a two-column table "Recommendation | Government
# response" (PDF, landscape).
DCMS_RESPONSE = [
    ("title", "Government Response to the Culture, Media and Sport Committee"),
    ("h", "Report on the future of local museums"),
    ("p", "Presented to Parliament by Command of His Majesty, February 2025"),
    (
        "p",
        "The Government thanks the Committee for its inquiry. The table below sets out "
        "each recommendation and the Government's response.",
    ),
    (
        "table",
        [
            [["Recommendation"], ["Government response"]],
            [
                [
                    "1. The Department should set out, within six months, how it will "
                    "support local authority museums facing closure."
                ],
                [
                    "Agreed. The Department will publish a local museums action plan by "
                    "September 2025."
                ],
            ],
            [
                [
                    "2. Arts Council England should simplify its grant application process "
                    "for museums with fewer than five staff."
                ],
                [
                    "Agreed. Arts Council England introduced a shorter application form for "
                    "small museums in January 2025."
                ],
            ],
            [
                ["3. The Government should exempt accredited museums from business rates."],
                [
                    "Not agreed. Most accredited museums already receive charitable relief "
                    "of 80%. Local authorities can already give discretionary relief on the "
                    "remainder."
                ],
            ],
            [
                [
                    "4. The Department should report annually to Parliament on the number "
                    "of museums that have closed."
                ],
                [
                    "Partially agreed. The Department will include museum closures in its "
                    "annual museums sector survey, published each spring, rather than in a "
                    "separate report."
                ],
            ],
        ],
        [0.45, 0.55],
    ),
]
DCMS_FURNITURE = Furniture(bottom=[("", "{page}")], landscape=True)

# A community safety partnership's minutes in Markdown, attendees listed in YAML front
# matter.
MEADOWBANK_MINUTES = """---
title: Meadowbank Safer Neighbourhoods Board
date: 2024-11-20
time: 18:30 - 20:00
venue: Meadowbank Community Centre, Oak Road
chair: Linda Foster
attendees:
  - Linda Foster (Chair, Meadowbank Residents' Association)
  - Insp. Gary Lund (Metropolitan Police)
  - Aisha Noor (Meadowbank Council)
  - Kwame Asante (Victim Support)
---

# Meadowbank Safer Neighbourhoods Board

Minutes of the meeting of 20 November 2024

## 1. Police update

Insp. Lund reported that burglary had fallen by 12% on the year. Residents raised
concerns about e-scooters on the high street.

**Action:** Gary Lund to arrange a speed check operation on the high street before
Christmas.

## 2. Funding for ward panels

Aisha explained that the council's community safety fund had £8,000 left this year.

**Action:** Aisha Noor to circulate the application form for ward panel projects by
6 December 2024.

## 3. Victim support services

Kwame described the new hate crime advocacy service.

## 4. Any other business

None.
"""

# A joint health scrutiny committee's agenda: a "Time allocated" column in minutes (PDF).
JHOSC_AGENDA = [
    ("h", "South Downs and Coast Joint Health Overview and Scrutiny Committee"),
    ("p", "Friday 7 March 2025 at 10.00am"),
    ("p", "Venue: Committee Room 1, Lewes House, 32 High Street, Lewes"),
    (
        "table",
        [
            [["Item"], ["Subject"], ["Presented by"], ["Time allocated"]],
            [["1"], ["Apologies and substitutions"], ["Chair"], ["5 mins"]],
            [["2"], ["Declarations of interest"], ["Chair"], ["5 mins"]],
            [
                ["3"],
                ["Stroke services reconfiguration: outcome of consultation"],
                ["Dr Fiona Marsh, Medical Director, Sussex ICB"],
                ["45 mins"],
            ],
            [
                ["4"],
                ["NHS 111 performance"],
                ["James Ward, South East Coast Ambulance Service"],
                ["30 mins"],
            ],
            [["5"], ["Work programme"], ["Scrutiny Officer"], ["10 mins"]],
        ],
        [0.08, 0.47, 0.3, 0.15],
    ),
]
JHOSC_FURNITURE = Furniture(bottom=[("", "{page}")])

# Sixth round. A police and crime panel's minutes: councillors with their councils in a
# second pair of brackets, questions put to the Commissioner (PDF).
THAMESMEAD_PCP_MINUTES = [
    ("h", "Vale and Downs Police and Crime Panel"),
    (
        "p",
        "Minutes of the meeting of the Police and Crime Panel held on Thursday 6 February "
        "2025 at 2.00 pm in the Council Chamber, Abbey House, Vale Road, Marston",
    ),
    (
        "p",
        "PRESENT: Councillor Rhona Blake (Chair) (Marston District Council), Councillor "
        "Ian Pell (Vice-Chair) (Downs County Council), Councillor Chloe Ward (Eastleigh "
        "Borough Council), Mr Victor Osei (Independent Member)",
    ),
    (
        "p",
        "ALSO IN ATTENDANCE: Donna Hale (Police and Crime Commissioner), Chief Constable "
        "Adam Price (Vale and Downs Police), Ruth Kerr (Chief Executive, Office of the "
        "Police and Crime Commissioner)",
    ),
    ("h", "1. APOLOGIES"),
    ("p", "Apologies were received from Councillor Tom Reeve."),
    ("h", "2. DECLARATIONS OF INTEREST"),
    ("p", "None."),
    ("h", "3. PROPOSED POLICE PRECEPT 2025/26"),
    (
        "p",
        "The Commissioner presented her proposal to increase the policing part of the "
        "council tax by £14 a year for a Band D property.",
    ),
    (
        "p",
        "Councillor Ward asked how many more officers the increase would pay for. The "
        "Commissioner said that it would protect the 40 neighbourhood officers recruited "
        "last year rather than fund new posts.",
    ),
    (
        "p",
        "Mr Osei asked whether residents had been consulted. The Chief Executive replied "
        "that 2,140 residents had answered the precept survey, and 61% had supported the "
        "increase.",
    ),
    ("p", "RESOLVED: That the Panel supports the proposed precept of £14 for a Band D property."),
    ("h", "4. POLICE AND CRIME PLAN PERFORMANCE"),
    (
        "p",
        "The Chief Constable presented the performance report. The Commissioner agreed to "
        "provide the Panel with figures on the time taken to answer 101 calls at its next "
        "meeting.",
    ),
    ("h", "5. DATE OF NEXT MEETING"),
    ("p", "The next meeting will be held on 10 April 2025."),
    ("p", "The meeting ended at 3.35 pm."),
]
THAMESMEAD_FURNITURE = Furniture(bottom=[("Police and Crime Panel – 6 February 2025", "{page}")])

# An ICB's board agenda in Markdown: a pipe table without a number column.
NORTHFIELD_ICB_AGENDA = """# NHS Northfield Integrated Care Board

## Board meeting in public – agenda

**Date:** Tuesday 25 March 2025
**Time:** 09:30 – 12:00
**Venue:** Board Room, Northfield House, Quay Street

| Time | Item | Lead | Paper |
|---|---|---|---|
| 09:30 | Welcome and apologies | Dame Carol Hughes, Chair | Verbal |
| 09:35 | Minutes of 28 January 2025 and matters arising | Dame Carol Hughes, Chair | A |
| 09:40 | Chief Executive's report | Paul Stanton, Chief Executive | B |
| 10:10 | Urgent and emergency care recovery plan (for decision) | Dr Nia Roberts, CMO | C |
| 10:50 | Break | | |
| 11:00 | Operating plan 2025/26 (for approval) | Sean Doyle, Chief Finance Officer | D |
| 11:45 | Questions from the public | Dame Carol Hughes, Chair | Verbal |
"""

# A borough scrutiny commission's review report: findings, then its recommendations (PDF).
GREENWAY_REVIEW = [
    ("title", "Scrutiny Review: Access to GP Appointments"),
    ("p", "Health in Greenway Scrutiny Commission"),
    ("p", "Final report, October 2024"),
    ("h", "1. Introduction"),
    (
        "p",
        "1.1 The Commission chose GP access as its review for 2023/24 after residents told "
        "members that they could not get through to their practice by phone.",
    ),
    (
        "p",
        "1.2 The Commission heard evidence from the ICB, three GP practices, Healthwatch "
        "and 312 residents who answered its survey.",
    ),
    ("h", "2. Findings"),
    (
        "p",
        "2.1 Half of the residents surveyed had waited more than 20 minutes on the phone "
        "at 8am. Practices with a call-back system had fewer complaints.",
    ),
    (
        "p",
        "2.2 Few residents knew that community pharmacies could treat seven common "
        "conditions without a GP appointment.",
    ),
    ("h", "3. Recommendations"),
    (
        "p",
        "Recommendation 1: The ICB should fund a call-back telephone system in every GP "
        "practice in the borough that does not have one by April 2025.",
    ),
    (
        "p",
        "Recommendation 2: The Council and the ICB should run a joint campaign to tell "
        "residents what community pharmacies can treat.",
    ),
    (
        "p",
        "Recommendation 3: The ICB should publish each practice's average telephone answer "
        "time every quarter.",
    ),
    ("h", "4. Next steps"),
    (
        "p",
        "4.1 The report will be sent to the ICB and to Cabinet, who are asked to respond "
        "within two months.",
    ),
]
GREENWAY_FURNITURE = Furniture(bottom=[("Scrutiny Review: Access to GP Appointments", "{page}")])

# Seventh round. A department's response with "Recommendation 3 (paragraph 45)"
# headings, the Committee's words and then "Government response" headings (PDF).
DLUHC_RESPONSE = [
    ("title", "Government response to the Levelling Up Committee report: Social housing repairs"),
    ("p", "CP 1322, March 2025"),
    ("h", "Introduction"),
    (
        "p",
        "The Government is grateful to the Committee for its report. Our responses to its "
        "recommendations follow, in the order in which the report makes them.",
    ),
    ("h", "Recommendation 1 (paragraph 18)"),
    (
        "p",
        "Landlords should be required to publish the average time they take to complete "
        "an emergency repair.",
    ),
    ("h", "Government response"),
    (
        "p",
        "We accept this recommendation. The Regulator of Social Housing will add repair "
        "times to the tenant satisfaction measures from April 2026.",
    ),
    ("h", "Recommendation 2 (paragraph 26)"),
    (
        "p",
        "The Government should fund a national scheme to train 2,000 more repairs "
        "operatives each year.",
    ),
    ("h", "Government response"),
    (
        "p",
        "We do not accept this recommendation. Training is a matter for landlords and "
        "their contractors, and the construction skills levy already funds such places.",
    ),
    ("h", "Recommendation 3 (paragraph 31)"),
    (
        "p",
        "The Housing Ombudsman should be able to order a landlord to carry out a repair.",
    ),
    ("h", "Government response"),
    (
        "p",
        "We partially accept this recommendation. The Ombudsman can already order "
        "landlords to put things right. We will consult on giving it a specific power to "
        "order repairs by the end of 2025.",
    ),
]
DLUHC_FURNITURE = Furniture(bottom=[("", "{page}")])

# An ICB's minutes with a three-column attendance table "Name | Title | Organisation",
# its apologies a row heading further down the same table, actions noted by initials
# after the sentence that agrees them (PDF).
SEVERN_ICB_MINUTES = [
    ("h", "NHS Severn Vale Integrated Care Board"),
    ("h", "Minutes of the Primary Care Commissioning Committee"),
    ("p", "Wednesday 12 February 2025, 14:00 – 15:30, via Microsoft Teams"),
    (
        "table",
        [
            [["Name"], ["Title"], ["Organisation"]],
            [["Julia Barton (Chair)"], ["Non-Executive Member"], ["NHS Severn Vale ICB"]],
            [["Dr Owen Fisher"], ["Clinical Director"], ["Riverside Primary Care Network"]],
            [["Meera Pillai"], ["Head of Primary Care"], ["NHS Severn Vale ICB"]],
            [["Tom Granger"], ["Healthwatch Representative"], ["Healthwatch Severn Vale"]],
            [["Apologies"], [""], [""]],
            [["Rob Neale"], ["Director of Finance"], ["NHS Severn Vale ICB"]],
        ],
        [0.3, 0.35, 0.35],
    ),
    ("h", "1. Welcome and apologies"),
    ("p", "The Chair welcomed members. Apologies were noted as above."),
    ("h", "2. GP access improvement plan"),
    (
        "p",
        "MP presented the plan. Practices in the east of the county had the longest waits. "
        "The Committee asked for a list of the practices that had not yet moved to cloud "
        "telephony. ACTION: MP",
    ),
    ("h", "3. Pharmacy First update"),
    (
        "p",
        "OF reported that 4,100 consultations had been delivered under Pharmacy First "
        "since October. TG asked that the Committee receive patient feedback on the "
        "service at its next meeting. ACTION: TG and MP",
    ),
    ("h", "4. Any other business"),
    ("p", "None."),
]
SEVERN_FURNITURE = Furniture(bottom=[("", "{page}")])

# Eighth round. A borough commission's agenda: "Item No. | Title | Page No." (PDF).
RAVENHILL_AGENDA = [
    ("p", "Public Document Pack"),
    ("h", "London Borough of Ravenhill"),
    ("title", "Children and Young People Scrutiny Commission"),
    ("p", "Tuesday 11 March 2025 at 7.00 pm"),
    ("p", "Committee Room 1, Ravenhill Town Hall, Church Street, E9 2QA"),
    ("p", "Members: Cllr Sade Etti (Chair), Cllr Margaret Fell, Cllr Anil Rao, Cllr Joe Brady"),
    ("h", "Agenda"),
    (
        "table",
        [
            [["Item No."], ["Title"], ["Page No."]],
            [["1"], ["Apologies for Absence"], [""]],
            [["2"], ["Urgent Items / Order of Business"], [""]],
            [["3"], ["Declarations of Interest"], [""]],
            [["4"], ["School Exclusions and Alternative Provision"], ["7 - 34"]],
            [["5"], ["Youth Justice Plan 2025/26"], ["35 - 62"]],
            [["6"], ["Minutes of the Previous Meeting"], ["63 - 74"]],
            [["7"], ["Work Programme 2024/25"], ["75 - 86"]],
            [["8"], ["Any Other Business"], [""]],
        ],
        [0.15, 0.65, 0.2],
    ),
]
RAVENHILL_FURNITURE = Furniture(bottom=[("", "{page}")])

# A trust's quality committee minutes with an action log carrying updates (PDF).
ORCHARD_QUALITY_MINUTES = [
    ("h", "Orchard Hospitals NHS Trust"),
    ("h", "Quality and Safety Committee – minutes"),
    ("p", "Monday 3 March 2025, 13:00 – 15:00, Meeting Room 2, Orchard House"),
    ("p", "Present:"),
    (
        "table",
        [
            [["Name"], ["Role"]],
            [["Prof. Sunil Varma"], ["Non-Executive Director (Chair)"]],
            [["Claire Dunn"], ["Chief Nurse"]],
            [["Dr Ben Olsen"], ["Medical Director"]],
            [["Yasmin Ali"], ["Head of Patient Safety"]],
        ],
        [0.4, 0.6],
    ),
    ("h", "1. Apologies"),
    ("p", "None."),
    ("h", "2. Action log"),
    (
        "table",
        [
            [["No."], ["Date raised"], ["Action"], ["Owner"], ["Due date"], ["Update"]],
            [
                ["QS/31"],
                ["06/01/2025"],
                ["Report on falls with harm in the older people's wards"],
                ["CD"],
                ["03/03/2025"],
                ["Complete – on this agenda at item 4"],
            ],
            [
                ["QS/32"],
                ["06/01/2025"],
                ["Audit of sepsis screening in the emergency department"],
                ["BO"],
                ["05/05/2025"],
                ["On track – audit under way, results in April"],
            ],
        ],
        [0.09, 0.13, 0.32, 0.09, 0.13, 0.24],
    ),
    ("h", "3. Patient safety incident report"),
    (
        "p",
        "YA presented the report. Two patient safety incident investigations had been "
        "opened in February. Action: YA to share the learning summary from both "
        "investigations with the divisions by 31 March 2025.",
    ),
    ("h", "4. Falls with harm"),
    ("p", "CD presented the report on falls. The Committee noted the improvement plan."),
]
ORCHARD_FURNITURE = Furniture(bottom=[("", "{page}")])

# Ninth round. An executive's response table running over two pages, a long row split at
# the page's end (PDF).
KINGSTOWE_RESPONSE = [
    ("h", "Kingstowe Borough Council"),
    ("h", "Executive response to the Scrutiny Task Group review of youth services"),
    ("p", "Executive, 20 February 2025"),
    (
        "table",
        [
            [["No."], ["Recommendation"], ["Executive response"], ["Lead"], ["By when"]],
            [
                ["1"],
                ["Reopen a youth centre in each of the borough's four localities."],
                [
                    "Partly agreed. Two centres will reopen in September 2025, funded by the "
                    "youth investment fund. A decision on the other two will be taken in the "
                    "2026/27 budget."
                ],
                ["Head of Youth Services"],
                ["September 2025"],
            ],
            [
                ["2"],
                ["Involve young people in the recruitment of youth workers."],
                ["Agreed. Young people already sit on every interview panel."],
                ["Head of Youth Services"],
                ["In place"],
            ],
            [
                ["3"],
                ["Publish a directory of youth activities, online and in print, every term."],
                [
                    "Agreed. " + "The directory will be produced with the voluntary sector and "
                    "published on the council's website before each school term, with "
                    "printed copies in libraries, schools and leisure centres. "
                    * 6
                    + "The first edition will be published in April 2025."
                ],
                ["Communications Manager"],
                ["April 2025"],
            ],
            [
                ["4"],
                ["Report progress to the Task Group in twelve months."],
                ["Agreed. A progress report will be taken to the Task Group in February 2026."],
                ["Scrutiny Officer"],
                ["February 2026"],
            ],
        ],
        [0.06, 0.28, 0.38, 0.16, 0.12],
        "split",
    ),
]
KINGSTOWE_FURNITURE = Furniture(
    top=[("Executive – 20 February 2025", "Item 8")],
    bottom=[("", "Page {page} of {pages}")],
    landscape=True,
)

# A partnership's minutes in Markdown with items as bold lines and "ACTION – Name –
# text" lines.
BRIDGEMOUTH_MINUTES = """# Bridgemouth Homelessness Forum

Minutes of the meeting held on Wednesday 9 April 2025, 10am – 12pm, Bridgemouth Library

**Attendees:** Janet Cole (Chair, Bridgemouth Council), Reza Kamali (Shelter), Olivia Grant
(Bridgemouth Foundation Trust), Sam Pryor (St Mungo's)

**Item 1: Welcome and apologies**

Janet welcomed everyone. Apologies from Neil Ashton (DWP).

**Item 2: Rough sleeping count**

Reza reported that the autumn count found 23 people sleeping rough, up from 17.

ACTION – Reza Kamali – share the count methodology with the forum.

**Item 3: Hospital discharge protocol**

Olivia described the new protocol for patients with no fixed abode.

ACTION – Olivia Grant – circulate the protocol to members by 25 April 2025.

**Item 4: AOB**

None.
"""
