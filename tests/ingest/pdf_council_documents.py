"""Council papers as real PDFs print them, for the held-out style tests.

Each document is written in a style the extractor had not seen when it was written,
and rendered by `pdf_render.as_council_pdf` with running headers and footers on every
page, hyphenation at line ends, ruled tables repeating their header rows, footnotes,
curly quotes, ligatures and non-breaking spaces. Their hand-made gold extractions,
made before the extractor read them, are in `corpus/`:

- `HARBOURSIDE_MINUTES`: ModernGov-style minutes with minute numbers that continue
  through the year, "RESOLVED:" and "ACTION:" lines, councillors, partners with their
  organisations and officers with their job titles, and an action log table with
  status (RAG) updates;
- `WESTMOOR_RESPONSE`: a landscape executive response table "No. | Recommendation |
  Agreed / Not agreed | Executive response | Responsible officer | Target date" with
  targets such as "Q3 2024/25", "Ongoing", "Sept 2024" and "31/03/2025";
- `LANGDALE_TRACKER`: a committee report with an appendix tracking earlier
  recommendations: the executive's response, an "Update (January 2025)" and a RAG
  status;
- `WEALDSHIRE_AGENDA`: a partnership board agenda with a timed table of items, leads
  and "Paper A/B" references, after a membership list.
"""

from __future__ import annotations

from .pdf_render import Furniture

HARBOURSIDE_MINUTES = [
    ("p", "Public Document Pack"),
    ("h", "HARBOURSIDE BOROUGH COUNCIL"),
    ("h", "MINUTES of the COMMUNITY SAFETY PARTNERSHIP BOARD"),
    (
        "p",
        "Held on Wednesday, 13\u00a0March 2024 at 2.00\u00a0pm in Committee Room 2, "
        "Harbourside Town Hall",
    ),
    (
        "p",
        "PRESENT: Councillor Helen Marsh (Chair), Councillor Tom Aldridge and Councillor "
        "Fatima Rahman",
    ),
    (
        "p",
        "Partners: Superintendent Gareth Lowe (Avon and Somerset Police), Dr Nkechi Obi "
        "(Harbourside Integrated Care Board) and Paula Grant (Probation Service)",
    ),
    (
        "p",
        "Officers: Simon Reyes – Head of Community Safety; Leanne Cho – Democratic Services "
        "Officer",
    ),
    (
        "p",
        "Apologies: Councillor Brian Yates and Mark Fenton (Avon Fire and Rescue Service)",
    ),
    ("h", "31. APOLOGIES FOR ABSENCE AND SUBSTITUTIONS"),
    ("p", "31.1 Apologies were received as recorded above. There were no substitutions."),
    ("h", "32. DECLARATIONS OF INTEREST"),
    (
        "p",
        "32.1 Councillor Rahman declared a non-pecuniary interest in item 36 as a trustee "
        "of a local women’s refuge.",
    ),
    ("h", "33. MINUTES OF THE PREVIOUS MEETING"),
    (
        "p",
        "33.1 The minutes of the meeting held on 6 December 2023 were agreed as a correct "
        "record, subject to the spelling of Ms Grant’s name being corrected in minute 24.",
    ),
    (
        "p",
        "ACTION: Democratic Services Officer to publish the amended minutes on the Council’s "
        "website.",
    ),
    ("h", "34. ANTI-SOCIAL BEHAVIOUR ANNUAL REPORT 2023/24"),
    (
        "p",
        "34.1 The Head of Community Safety introduced the report, which set out the "
        "partnership’s response to anti-social behaviour over the year. Reports to the "
        "police had fallen by 11 per cent, but reports to the Council about nuisance "
        "neighbours had risen for the second year running.",
    ),
    (
        "p",
        "34.2 Members asked why the ﬁgures for the town centre had not improved despite the "
        "additional patrols ﬁnanced through the Safer Streets fund. Superintendent Lowe "
        "explained that the rise reﬂected better reporting by businesses since the new radio "
        "link scheme began.",
    ),
    (
        "p",
        "34.3 Superintendent Lowe agreed to provide a breakdown of repeat callers by ward for "
        "the next meeting.",
    ),
    (
        "p",
        "ACTION: Head of Community Safety to circulate the ward-level hotspot maps to all "
        "Board members by 30 April 2024.",
    ),
    ("p", "RESOLVED: That the annual report be noted."),
    ("h", "35. SERIOUS VIOLENCE DUTY – STRATEGIC NEEDS ASSESSMENT"),
    (
        "p",
        "35.1 The Board received the draft strategic needs assessment prepared under the "
        "Serious Violence Duty. The assessment identiﬁed the night-time economy and the "
        "transport hub as the two locations of greatest concern.",
    ),
    (
        "p",
        "35.2 Dr Obi noted that hospital data on assault admissions had not been included "
        "and offered to supply it.",
    ),
    (
        "p",
        "ACTION: Dr Obi to share the ICB’s data on hospital admissions for assault with the "
        "Serious Violence Duty working group by 31 May 2024.",
    ),
    (
        "p",
        "RESOLVED: (1) That the draft strategic needs assessment be endorsed. (2) That the "
        "final assessment be published once the health data has been added.",
    ),
    ("h", "36. DOMESTIC ABUSE TRAINING FOR FRONTLINE STAFF"),
    (
        "p",
        "36.1 Paula Grant presented an update on the multi-agency domestic abuse training. "
        "Some 214 staff had completed the course since September; take-up among housing "
        "staff remained low.",
    ),
    (
        "p",
        "ACTION: Head of Community Safety to report back on the take-up of the training by "
        "housing staff by 30 June 2024.",
    ),
    ("h", "37. ACTION LOG"),
    ("p", "37.1 The Board reviewed the actions carried forward from previous meetings."),
    (
        "table",
        [
            [["Ref"], ["Action"], ["Owner"], ["Due"], ["Status"]],
            [
                ["23/11"],
                ["Write to the Home Office about the Safer Streets round 5 funding decision"],
                ["Chair"],
                ["Jan 2024"],
                ["Complete – reply received 8 February 2024"],
            ],
            [
                ["23/12"],
                ["Arrange a visit to the new custody suite for Board members"],
                ["Supt Gareth Lowe"],
                ["March 2024"],
                ["On track – visit booked for 22 April 2024"],
            ],
            [
                ["23/14"],
                ["Bring a report on shoplifting trends in the town centre"],
                ["Head of Community Safety"],
                ["June 2024"],
                ["Not started"],
            ],
        ],
        [0.08, 0.42, 0.18, 0.12, 0.2],
    ),
    ("h", "38. FORWARD PLAN"),
    (
        "p",
        "38.1 The Board agreed its forward plan. The next meeting will be held on 12 June 2024.",
    ),
    ("p", "The meeting ended at 4.05\u00a0pm."),
    ("p", "Chair"),
]

HARBOURSIDE_FURNITURE = Furniture(
    top=[("Community Safety Partnership Board – 13 March 2024", "OFFICIAL")],
    bottom=[("Page {page} of {pages}", "")],
)

WESTMOOR_RESPONSE = [
    ("h", "Westmoor District Council"),
    ("h", "Executive response to the scrutiny review of temporary accommodation"),
    (
        "table",
        [
            [["Report to"], ["Executive"]],
            [["Date of meeting"], ["10 September 2024"]],
            [["Portfolio holder"], ["Councillor Dana Whitfield, Housing and Homelessness"]],
            [["Report author"], ["Head of Housing Options"]],
        ],
        [0.25, 0.75],
    ),
    ("h", "1. Purpose of the report"),
    (
        "p",
        "1.1 This report sets out the Executive’s response to the seven recommendations of "
        "the Overview and Scrutiny Committee’s review of temporary accommodation.^1",
    ),
    (
        "p",
        "1.2 The review heard from residents who had lived in “nightly-paid” rooms, from "
        "housing officers and from the voluntary sector. The Executive thanks everyone who "
        "took part.",
    ),
    ("h", "2. Recommendation to the Executive"),
    ("p", "2.1 That the Executive agrees the responses set out in the table in section 3."),
    ("h", "3. Response to the recommendations"),
    (
        "table",
        [
            [
                ["No."],
                ["Recommendation"],
                ["Agreed / Not agreed / Partially agreed"],
                ["Executive response"],
                ["Responsible officer"],
                ["Target date"],
            ],
            [
                ["1"],
                [
                    "That the Council publishes a quarterly dashboard of households in "
                    "temporary accommodation, including the number of children and the length "
                    "of stay."
                ],
                ["Agreed"],
                [
                    "A quarterly dashboard will be added to the Council’s housing performance "
                    "pages, with the first edition published in October 2024."
                ],
                ["Head of Housing Options"],
                ["Q3 2024/25"],
            ],
            [
                ["2"],
                [
                    "That no family with children is placed in bed and breakfast accommodation "
                    "for longer than the six-week legal limit."
                ],
                ["Agreed"],
                [
                    "The Council already meets this limit in most cases. A weekly review of "
                    "every family in bed and breakfast has been in place since June 2024 and "
                    "will continue."
                ],
                ["Housing Needs Manager"],
                ["Ongoing"],
            ],
            [
                ["3"],
                [
                    "That the Council works with neighbouring districts to agree a common rate "
                    "for nightly-paid accommodation."
                ],
                ["Partially agreed"],
                [
                    "The Council will propose a common rate at the county Housing Officers’ "
                    "Group in September 2024.",
                    "It cannot commit other districts to a rate.",
                ],
                ["Director of Housing"],
                ["Sept 2024"],
            ],
            [
                ["4"],
                [
                    "That every household in temporary accommodation is given a named "
                    "caseworker and a written personal housing plan within ten working days."
                ],
                ["Agreed"],
                [
                    "Every household already has a named caseworker. Written plans will be "
                    "issued within ten working days from 1 November 2024, once the new case "
                    "management system is live."
                ],
                ["Head of Housing Options"],
                ["Nov 2024"],
            ],
            [
                ["5"],
                [
                    "That the Council buys homes to use as temporary accommodation instead of "
                    "relying on nightly-paid rooms."
                ],
                ["Not agreed"],
                [
                    "The Council does not have the capital to buy homes at the scale proposed.",
                    "Instead, the Council will bid to the Local Authority Housing Fund for "
                    "twelve homes.",
                ],
                ["Director of Housing"],
                ["31/03/2025"],
            ],
            [
                ["6"],
                [
                    "That the Overview and Scrutiny Committee receives a report on progress "
                    "against these recommendations in twelve months’ time."
                ],
                ["Agreed"],
                ["A progress report will be brought to the Committee in September 2025."],
                ["Democratic Services Manager"],
                ["Sept 2025"],
            ],
            [
                ["7"],
                [
                    "That the Council improves the information given to households about "
                    "their rights while they are in temporary accommodation."
                ],
                ["Agreed"],
                [
                    "A new leaﬂet and web page, written with residents who have lived in "
                    "temporary accommodation, will be published."
                ],
                ["Head of Housing Options"],
                ["Q4 2024/25"],
            ],
        ],
        [0.05, 0.25, 0.11, 0.33, 0.14, 0.12],
    ),
    ("h", "4. Financial implications"),
    (
        "p",
        "4.1 The dashboard and the leaﬂet will be met from existing budgets. The bid to the "
        "Local Authority Housing Fund would require match funding of £1.2m in 2025/26.",
    ),
]

WESTMOOR_FURNITURE = Furniture(
    top=[("Executive – 10 September 2024", "Agenda Item 7")],
    bottom=[("OFFICIAL", "Page {page} of {pages}")],
    landscape=True,
    notes={
        1: ["1 Review of temporary accommodation, Overview and Scrutiny Committee, 9 May 2024."]
    },
)

LANGDALE_TRACKER = [
    ("h", "Langdale City Council"),
    ("h", "Overview and Scrutiny Committee – 21 January 2025"),
    ("h", "Scrutiny review of youth services: update on the recommendations"),
    ("p", "Report of the Director of Children’s Services"),
    ("h", "1. Purpose"),
    (
        "p",
        "1.1 In March 2024 the Cabinet agreed its response to the six recommendations of the "
        "Committee’s review of youth services. This report sets out progress against each "
        "recommendation, with a RAG status, in Appendix A.",
    ),
    ("h", "2. Decision required"),
    ("p", "2.1 The Committee is asked to note the progress set out in Appendix A."),
    ("h", "3. Summary of progress"),
    (
        "p",
        "3.1 Three recommendations are complete, two are on track and one is delayed. The "
        "delay to the youth hub in Eastgate is explained in the update to recommendation 4.",
    ),
    (
        "ul",
        "▪",
        [
            "Complete (Green): recommendations 1, 2 and 5",
            "On track (Amber): recommendations 3 and 6",
            "Delayed (Red): recommendation 4",
        ],
    ),
    ("break",),
    ("h", "Appendix A – Recommendations tracker"),
    (
        "table",
        [
            [
                ["Rec"],
                ["Recommendation"],
                ["Cabinet response (March 2024)"],
                ["Update (January 2025)"],
                ["RAG status"],
            ],
            [
                ["1"],
                [
                    "The Council should publish a youth offer for each ward, listing every "
                    "youth club, activity and service open to young people."
                ],
                ["Agreed. The ward youth offers will be published on the Council’s website."],
                ["All 18 ward youth offers were published in September 2024."],
                ["Complete"],
            ],
            [
                ["2"],
                [
                    "The Council should set up a Young People’s Advisory Board to take part in "
                    "commissioning decisions."
                ],
                ["Agreed. The Advisory Board will be recruited through schools and youth clubs."],
                ["The Advisory Board of 14 young people first met in June 2024."],
                ["Complete"],
            ],
            [
                ["3"],
                [
                    "Detached youth work should be extended to the three wards with the "
                    "highest rates of anti-social behaviour."
                ],
                ["Partially agreed. Funding allows detached youth work in two of the three wards."],
                [
                    "Detached youth work began in Millbrook and Castle wards in October 2024.",
                    "An evaluation report will be presented to the Committee in July 2025.",
                ],
                ["On track"],
            ],
            [
                ["4"],
                [
                    "The Council should open a youth hub in Eastgate, where there is no "
                    "youth provision at present."
                ],
                ["Agreed, subject to the capital bid being successful."],
                [
                    "The capital bid succeeded but the building works have been delayed by "
                    "asbestos removal.",
                    "The youth hub is now expected to open in September 2025.",
                ],
                ["Delayed"],
            ],
            [
                ["5"],
                ["Youth workers should receive training in trauma-informed practice."],
                ["Agreed."],
                ["All 42 youth workers completed the training by December 2024."],
                ["Complete"],
            ],
            [
                ["6"],
                [
                    "The Council should report the number of young people reached by its youth "
                    "services to this Committee every six months."
                ],
                ["Agreed."],
                [
                    "The first six-monthly report was taken in October 2024. The next report "
                    "will be brought to the Committee in April 2025."
                ],
                ["On track"],
            ],
        ],
        [0.05, 0.3, 0.22, 0.31, 0.12],
    ),
    (
        "small",
        "Contact officer: Priya Nair, Youth Services Manager, youth.services@langdale.gov.uk",
    ),
]

LANGDALE_FURNITURE = Furniture(
    top=[("Overview and Scrutiny Committee", "21 January 2025"), ("", "Agenda Item 9")],
    bottom=[("{page}", "")],
)

WEALDSHIRE_AGENDA = [
    ("h", "Safer Wealdshire Partnership Board"),
    ("h", "Agenda"),
    (
        "table",
        [
            [["Date"], ["Tuesday 4 February 2025"]],
            [["Time"], ["10.00am – 12.00pm"]],
            [["Venue"], ["Council Chamber, Wealdshire House, Horsham Road"]],
            [["Chair"], ["Cllr Jane Whitlock"]],
        ],
        [0.2, 0.8],
    ),
    ("h", "Membership"),
    (
        "ul",
        "–",
        [
            "Cllr Jane Whitlock, Cabinet Member for Communities (Chair)",
            "Chief Inspector Rob Fenwick, Sussex Police",
            "Karen Doyle, Community Safety Manager",
            "Dr Amira Haddad, University of Wealdshire",
            "Tom Becker, Partnership Officer",
        ],
    ),
    (
        "p",
        "Papers are circulated a week before the meeting. Please send apologies to "
        "community.safety@wealdshire.gov.uk.",
    ),
    ("break",),
    ("h", "Agenda"),
    (
        "table",
        [
            [["Item"], ["Time"], ["Subject"], ["Lead"], ["Paper"]],
            [["1"], ["10:00"], ["Welcome, introductions and apologies"], ["Chair"], ["Verbal"]],
            [
                ["2"],
                ["10:05"],
                ["Minutes and action log of the meeting on 5 November 2024"],
                ["Chair"],
                ["Paper A"],
            ],
            [
                ["3"],
                ["10:15"],
                ["Serious Violence Duty: refresh of the response strategy (20 mins)"],
                ["Karen Doyle, Community Safety Manager"],
                ["Paper B"],
            ],
            [
                ["4"],
                ["10:35"],
                ["Violence against women and girls – delivery plan update (25 mins)"],
                ["Chief Inspector Rob Fenwick, Sussex Police"],
                ["Paper C"],
            ],
            [[""], ["11:00"], ["Comfort break"], [""], [""]],
            [
                ["5"],
                ["11:10"],
                ["Youth diversion: evaluation of the Reach programme (20 mins)"],
                ["Dr Amira Haddad, University of Wealdshire"],
                ["Paper D"],
            ],
            [["6"], ["11:30"], ["Partnership risk register"], ["Tom Becker"], ["Paper E"]],
            [["7"], ["11:45"], ["Any other business"], ["All"], ["Verbal"]],
        ],
        [0.07, 0.09, 0.46, 0.26, 0.12],
    ),
    ("p", "Date of next meeting: Tuesday 6 May 2025, 10.00am"),
]

WEALDSHIRE_FURNITURE = Furniture(
    top=[("Safer Wealdshire Partnership Board", "4 February 2025")],
    bottom=[("OFFICIAL", ""), ("Page {page} of {pages}", "")],
)
