"""Council papers in genres the extractor's rules were not written for (third round).

Each was written, and its gold extraction made by hand in `corpus/`, before the
extractor read it: an NHS trust's letter answering a health scrutiny committee in prose
("Recommendation 2 – Title", the recommendation, then "Our response: ..."); a Word
cabinet report whose recommendations are a numbered list in one section and whose
responses ("5.2 Recommendation 2 – Agreed. ...") come in a later one; partnership
minutes whose actions are only in a closing "Summary of actions" table ("Action | Lead |
Deadline"); an HTML agenda with a "Time" column ("6.30pm") and lettered items ("5a");
and a full council's written answers to members' questions ("1. Question from
Councillor X to the Cabinet Member for Y", then "Answer").
"""

from __future__ import annotations

from .pdf_render import Furniture

# An NHS trust's letter to a county health scrutiny committee (PDF).
TRUST_LETTER = [
    ("p", "Greyford University Hospitals NHS Foundation Trust"),
    ("p", "Trust Headquarters, Greyford General Hospital, London Road, Greyford GR1 4AB"),
    ("p", "Councillor Anne Whitfield"),
    ("p", "Chair, Health Scrutiny Committee"),
    ("p", "Greyford County Council"),
    ("p", "12 February 2024"),
    ("p", "Dear Councillor Whitfield"),
    ("h", "Response to the Health Scrutiny Committee’s recommendations on hospital discharge"),
    (
        "p",
        "Thank you for the Committee’s report on delays in discharging patients from "
        "hospital, which was considered at your meeting on 7 December 2023. The Trust "
        "welcomes the report and sets out below its response to each of the Committee’s "
        "five recommendations.",
    ),
    ("h", "Recommendation 1 – Discharge planning from admission"),
    (
        "p",
        "The Committee recommends that the Trust begins planning for every patient’s "
        "discharge within 24 hours of their admission, and records an expected date of "
        "discharge in the patient’s notes.",
    ),
    (
        "p",
        "Our response: Accepted. An expected date of discharge is already recorded for 78% "
        "of patients within 24 hours. A new electronic whiteboard will be installed on every "
        "adult ward by 30 June 2024 so that the expected date is visible to the whole ward "
        "team.",
    ),
    ("h", "Recommendation 2 – Patients waiting for care packages"),
    (
        "p",
        "The Committee recommends that the Trust and the County Council publish a joint "
        "monthly report of the number of patients who are medically fit for discharge but "
        "waiting for a package of care.",
    ),
    (
        "p",
        "Our response: Accepted. The Trust and the Council’s Adult Social Care directorate "
        "have agreed a joint report, which will be published each month on both "
        "organisations’ websites from April 2024.",
    ),
    ("h", "Recommendation 3 – Transport home"),
    (
        "p",
        "The Committee recommends that the Trust reviews its patient transport contract so "
        "that patients are not kept waiting in the discharge lounge for more than two hours.",
    ),
    (
        "p",
        "Our response: Partially accepted. The transport contract runs until March 2026 and "
        "cannot be changed before then. We have, however, added a second vehicle for the "
        "discharge lounge in the evenings since January 2024, and average waits have fallen "
        "from 3 hours 10 minutes to 1 hour 45 minutes.",
    ),
    ("h", "Recommendation 4 – Information for carers"),
    (
        "p",
        "The Committee recommends that every patient and their carer receives a written "
        "discharge plan before they leave hospital.",
    ),
    (
        "p",
        "Our response: Accepted. A discharge leaflet and plan have been written with the "
        "Greyford Carers’ Centre and will be in use on all wards by the end of May 2024.",
    ),
    ("h", "Recommendation 5 – Reporting back to the Committee"),
    (
        "p",
        "The Committee recommends that the Trust reports on progress against these "
        "recommendations in six months.",
    ),
    (
        "p",
        "Our response: Accepted. The Chief Operating Officer will attend the Committee’s "
        "meeting on 10 September 2024 to report on progress.",
    ),
    (
        "p",
        "If you have any questions about this response, please contact Sarah Pike, Head of "
        "Patient Flow, at sarah.pike@greyford.nhs.uk.",
    ),
    ("p", "Yours sincerely"),
    ("p", "Dr Michael Osei"),
    ("p", "Chief Executive"),
]
TRUST_LETTER_FURNITURE = Furniture(
    bottom=[("Chair: Professor Linda Hart   Chief Executive: Dr Michael Osei", "{page}")],
)

# A cabinet report (Word): the Group's recommendations as a numbered list in section 3,
# the responses in section 5 referring back to them by number.
FLY_TIPPING_RESPONSE = [
    ("title", "Response to the Overview and Scrutiny Task and Finish Group on Fly-tipping"),
    ("p", "Report to: Cabinet"),
    ("p", "Date of meeting: 18 July 2023"),
    ("p", "Report of: Cabinet Member for Environment and Climate, Councillor Ravi Shah"),
    ("p", "Wards affected: All"),
    ("h1", "1. Purpose of report"),
    (
        "p",
        "1.1 To set out the Cabinet’s response to the six recommendations of the Overview "
        "and Scrutiny Task and Finish Group on fly-tipping, whose final report was presented "
        "to the Overview and Scrutiny Committee on 6 June 2023.",
    ),
    ("h1", "2. Recommendation"),
    (
        "p",
        "2.1 That Cabinet approves the responses to the Task and Finish Group’s "
        "recommendations set out in section 5 of this report.",
    ),
    ("h1", "3. The Task and Finish Group’s recommendations"),
    ("p", "3.1 The Group made the following recommendations:"),
    (
        "ol",
        [
            "That the Council installs covert cameras at the ten worst fly-tipping hotspots "
            "identified in the Group’s report.",
            "That the fixed penalty for fly-tipping is increased to the statutory maximum of "
            "£1,000.",
            "That the bulky waste collection charge is reduced for residents in receipt of "
            "Council Tax Support.",
            "That the Council runs a publicity campaign on the householder’s duty of care "
            "when paying someone to take waste away.",
            "That landlords of houses in multiple occupation are reminded of their waste "
            "responsibilities at licence renewal.",
            "That the Overview and Scrutiny Committee receives a report on fly-tipping "
            "figures twelve months after Cabinet’s response.",
        ],
    ),
    ("h1", "4. Background"),
    (
        "p",
        "4.1 Reported fly-tipping incidents rose from 2,140 in 2020/21 to 3,015 in 2022/23. "
        "Most incidents are household waste left in alleys and on the edges of rural lanes.",
    ),
    ("h1", "5. Response to the recommendations"),
    (
        "p",
        "5.1 Recommendation 1 – Agreed. Six mobile covert cameras were bought in 2022. A "
        "further four cameras will be bought from the existing enforcement budget and "
        "deployed by October 2023.",
    ),
    (
        "p",
        "5.2 Recommendation 2 – Agreed. The fixed penalty will rise from £400 to £1,000 from "
        "1 September 2023, with a discount to £600 for early payment.",
    ),
    (
        "p",
        "5.3 Recommendation 3 – Not agreed. The bulky waste service already runs at a loss "
        "of £85,000 a year, and a reduced charge would increase it. Residents in receipt of "
        "Council Tax Support can already have up to three items collected free once a year.",
    ),
    (
        "p",
        "5.4 Recommendation 4 – Agreed. A ‘Know where your waste goes’ campaign will run in "
        "autumn 2023 on social media, in the residents’ magazine and on refuse vehicles.",
    ),
    (
        "p",
        "5.5 Recommendation 5 – Agreed. The private sector housing team has added waste "
        "duties to the licence conditions for houses in multiple occupation, and reminds "
        "landlords of them at every renewal.",
    ),
    (
        "p",
        "5.6 Recommendation 6 – Agreed. A report will be taken to the Overview and Scrutiny "
        "Committee in July 2024.",
    ),
    ("h1", "6. Financial implications"),
    (
        "p",
        "6.1 The cost of the four additional cameras, about £12,000, will be met from the "
        "enforcement budget. The higher fixed penalty is expected to bring in about £20,000 "
        "a year.",
    ),
    ("h1", "7. Legal implications"),
    (
        "p",
        "7.1 Section 33ZA of the Environmental Protection Act 1990 allows a waste collection "
        "authority to set the amount of a fixed penalty for fly-tipping up to £1,000.",
    ),
    ("p", "Contact officer: Jo Barker, Environmental Enforcement Manager"),
]

# Partnership minutes (PDF) whose actions are only in the closing table.
THORNBURY_MINUTES = [
    ("h", "Thornbury Community Safety Partnership"),
    (
        "p",
        "Minutes of the meeting held on Wednesday 12 June 2024 at 10.00am in the Council "
        "Chamber, Thornbury House, Castle Street",
    ),
    ("h", "Present"),
    (
        "ul",
        "•",
        [
            "Councillor Peter Lang (Chair) – Thornbury District Council",
            "Chief Inspector Amy Walsh – Avon and Somerset Police",
            "Daniel Frost – Thornbury District Council",
            "Grace Ndlovu – Probation Service",
            "Mark Ellis – Avon Fire and Rescue Service",
            "Helen Cho – Integrated Care Board",
        ],
    ),
    ("p", "In attendance: Lisa Bond, Community Safety Officer (minutes)"),
    ("p", "Apologies: Sue Grant (Thornbury Housing Association)"),
    ("h", "1. Welcome and apologies"),
    ("p", "The Chair welcomed members. Apologies were noted as above."),
    ("h", "2. Minutes of the meeting held on 13 March 2024"),
    ("p", "The minutes were agreed as a correct record."),
    ("h", "3. Anti-social behaviour in Thornbury town centre"),
    (
        "p",
        "Chief Inspector Walsh reported a 12% rise in reports of anti-social behaviour in the "
        "town centre since January, most of them around the bus station. The Partnership "
        "discussed the case for a Public Spaces Protection Order. Members asked for the "
        "evidence to be brought together before any decision is taken.",
    ),
    ("h", "4. Domestic abuse: refuge provision"),
    (
        "p",
        "Daniel Frost explained that the district’s refuge has eight places and is almost "
        "always full. Members were concerned about women being placed outside the district "
        "and asked how many referrals had been turned away.",
    ),
    ("h", "5. Partnership Plan 2024-27"),
    (
        "p",
        "Lisa Bond presented the draft priorities: anti-social behaviour, domestic abuse, "
        "and exploitation of young people. The Partnership agreed the priorities.",
    ),
    ("h", "6. Any other business"),
    (
        "p",
        "Mark Ellis reported that two new supported housing schemes will open in the summer. "
        "Helen Cho said that the ICB has revised its mental health crisis pathway.",
    ),
    ("h", "7. Date of next meeting"),
    ("p", "The next meeting will be held on Wednesday 11 September 2024 at 10.00am."),
    ("p", "The meeting closed at 11.50am."),
    ("h", "Summary of actions"),
    (
        "table",
        [
            [["Action"], ["Lead"], ["Deadline"]],
            [
                [
                    "Bring together the evidence on anti-social behaviour at the bus station "
                    "to support a consultation on a Public Spaces Protection Order"
                ],
                ["Chief Inspector Walsh"],
                ["31 July 2024"],
            ],
            [
                ["Report the number of refuge places and the referrals turned away in 2023/24"],
                ["Daniel Frost"],
                ["11 September 2024"],
            ],
            [
                ["Circulate the draft Partnership Plan 2024-27 to members for comment"],
                ["Lisa Bond"],
                ["28 June 2024"],
            ],
            [
                [
                    "Arrange fire safety visits for residents of the two new supported "
                    "housing schemes"
                ],
                ["Mark Ellis"],
                ["August 2024"],
            ],
            [
                ["Share the ICB’s revised mental health crisis pathway with the Partnership"],
                ["Helen Cho"],
                ["Next meeting"],
            ],
        ],
        [0.6, 0.22, 0.18],
    ),
]
THORNBURY_FURNITURE = Furniture(
    top=[("Thornbury CSP – 12 June 2024", "")],
    bottom=[("", "Page {page} of {pages}")],
)

# An agenda (HTML) whose times are a column of their own and whose items are lettered.
FENWICK_AGENDA = [
    ("h", "Fenwick Borough Council"),
    ("h", "Children’s Services Scrutiny Committee"),
    ("p", "Tuesday 15 October 2024, 6.30pm"),
    ("p", "Committee Room 1, Fenwick Town Hall, Market Place"),
    (
        "p",
        "Membership: Councillors Nadia Hussain (Chair), Tom Reeve (Vice-Chair), Asha Patel, "
        "Glen Murray and Kate Sumner",
    ),
    ("p", "Contact: Owen Price, Democratic Services, 01632 960123"),
    ("h", "Agenda"),
    (
        "table",
        [
            [["Item"], ["Time"], ["Business"], ["Lead"]],
            [["1"], ["6.30pm"], ["Apologies for absence and substitutions"], [""]],
            [["2"], ["6.32pm"], ["Declarations of interest"], [""]],
            [["3"], ["6.35pm"], ["Minutes of the meeting held on 10 September 2024"], ["Chair"]],
            [["4"], ["6.40pm"], ["Public questions"], [""]],
            [
                ["5a"],
                ["6.50pm"],
                ["Children’s social care: quarter 1 performance report 2024/25"],
                ["Rebecca Lowe, Director of Children’s Services"],
            ],
            [
                ["5b"],
                ["7.20pm"],
                ["Children’s social care: Ofsted focused visit action plan"],
                ["Rebecca Lowe, Director of Children’s Services"],
            ],
            [
                ["6"],
                ["7.45pm"],
                ["Home to school transport for pupils with special educational needs"],
                ["Imran Qureshi, Head of SEND"],
            ],
            [["7"], ["8.15pm"], ["Work programme 2024/25"], ["Scrutiny Officer"]],
            [["8"], ["8.25pm"], ["Any other business"], [""]],
        ],
    ),
    (
        "p",
        "Members of the public may attend. Papers for each item are published on the "
        "Council’s website five working days before the meeting.",
    ),
]

# A full council's written answers to members' questions (PDF).
MEMBERS_QUESTIONS = [
    ("h", "Ravensworth Borough Council"),
    ("h", "Council – 22 February 2024"),
    ("h", "Questions from Members"),
    (
        "p",
        "The following questions have been submitted under Council Procedure Rule 12. The "
        "written answers of the Leader and Cabinet Members are set out below each question.",
    ),
    (
        "h",
        "1. Question from Councillor Joan Miller to the Cabinet Member for Housing, "
        "Councillor Sam Taylor",
    ),
    (
        "p",
        "How many households were living in temporary accommodation on 31 December 2023, "
        "and how many of them had been there for more than a year?",
    ),
    ("h", "Answer"),
    (
        "p",
        "On 31 December 2023 there were 412 households in temporary accommodation, of whom 96 "
        "had been there for more than a year. A further 40 homes will be bought for use as "
        "temporary accommodation by March 2025 under the Council’s acquisitions programme.",
    ),
    (
        "h",
        "2. Question from Councillor Imran Ali to the Leader of the Council, Councillor "
        "Rachel Dunn",
    ),
    (
        "p",
        "Will the Leader ask the Police and Crime Commissioner to restore the police front "
        "counter at Ravensworth police station?",
    ),
    ("h", "Answer"),
    (
        "p",
        "I wrote to the Police and Crime Commissioner on 5 February 2024 asking for the front "
        "counter to reopen at least three days a week. I will report her reply to Council at "
        "its meeting on 18 April 2024.",
    ),
    (
        "h",
        "3. Question from Councillor Beth Rowe to the Cabinet Member for Communities, "
        "Councillor Lee Grant",
    ),
    (
        "p",
        "What funding is available in 2024/25 for youth clubs run by voluntary groups?",
    ),
    ("h", "Answer"),
    (
        "p",
        "The Community Grants Fund has £150,000 for 2024/25, of which £40,000 is set aside "
        "for youth provision. Applications open on 1 March 2024 and close on 12 April 2024.",
    ),
    (
        "h",
        "4. Question from Councillor Joan Miller to the Cabinet Member for Environment, "
        "Councillor Priya Desai",
    ),
    (
        "p",
        "When will the second phase of on-street electric vehicle charging points be installed?",
    ),
    ("h", "Answer"),
    (
        "p",
        "Phase two, of 60 charging points in 14 streets, will be installed by the end of "
        "August 2024. Ward councillors will be told of the locations before work starts.",
    ),
]
MEMBERS_QUESTIONS_FURNITURE = Furniture(
    top=[("Council – 22 February 2024", "Agenda Item 9")],
    bottom=[("Ravensworth Borough Council", "Page {page} of {pages}")],
)
