"""Test documents of other councils, written once and rendered as text, HTML, DOCX and PDF.

A document is a list of blocks:
- ("h", text): a heading; ("p", text): a paragraph; ("ul", [items]): a bulleted list;
- ("table", rows): each row a list of cells, each cell a list of paragraphs; a
  paragraph starting "• " is a bullet. A row whose first cell is empty continues the row
  before it, as a table row broken across a page does.

The renderers write the layouts the importer meets: `as_text` the converted-PDF text of
the samples (cells as `<p>` fragments, tab-separated, a `---` line under a table's first
row), `as_markdown` pipe tables, `as_html` a web page, `as_docx` a Word file made with
python-docx and `as_pdf` a PDF with a text layer made with reportlab.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

Block = tuple


def _cell_fragments(cell: list[str]) -> str:
    parts = []
    for para in cell:
        if para.startswith("• "):
            parts.append(f"<ul><li>{escape(para[2:], quote=False)}</li></ul>")
        else:
            parts.append(f"<p>{escape(para, quote=False)}</p>")
    return " ".join(parts)


def as_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h", "p"):
            out.append(block[1])
        elif kind == "ul":
            out.append("\n".join(f"- {item}" for item in block[1]))
        elif kind == "table":
            lines = []
            for i, row in enumerate(block[1]):
                lines.append("\t".join(_cell_fragments(cell) for cell in row))
                if i == 0:
                    lines.append("\t".join("---" for _ in row))
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def as_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append(f"## {block[1]}")
        elif kind == "p":
            out.append(block[1])
        elif kind == "ul":
            out.append("\n".join(f"* {item}" for item in block[1]))
        elif kind == "table":
            lines = []
            for i, row in enumerate(block[1]):
                cells = [
                    "<br>".join(p if not p.startswith("• ") else "- " + p[2:] for p in cell)
                    for cell in row
                ]
                lines.append("| " + " | ".join(cells) + " |")
                if i == 0:
                    lines.append("|" + "|".join("---" for _ in row) + "|")
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def as_html(blocks: list[Block]) -> str:
    out = [
        "<!DOCTYPE html><html><head><title>Committee papers</title>",
        "<script>var tracking = 1;</script></head><body><nav>Home | Meetings</nav>",
    ]
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append(f"<h2>{escape(block[1])}</h2>")
        elif kind == "p":
            out.append(f"<p>{escape(block[1])}</p>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "table":
            rows = []
            for row in block[1]:
                cells = "".join(f"<td>{_cell_fragments(cell)}</td>" for cell in row)
                rows.append(f"<tr>{cells}</tr>")
            out.append("<table>" + "".join(rows) + "</table>")
    out.append("</body></html>")
    return "\n".join(out)


def as_docx(blocks: list[Block], path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        kind = block[0]
        if kind == "h":
            document.add_heading(block[1], level=2)
        elif kind == "p":
            document.add_paragraph(block[1])
        elif kind == "ul":
            for item in block[1]:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = block[1]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    target = table.cell(r, c)
                    for k, para in enumerate(cell):
                        style = "List Bullet" if para.startswith("• ") else None
                        text = para[2:] if style else para
                        if k == 0:
                            target.paragraphs[0].text = text
                            if style:
                                target.paragraphs[0].style = style
                        else:
                            target.add_paragraph(text, style=style)
    document.save(path)
    return path


def as_pdf(blocks: list[Block], path: Path, *, split_rows: bool = False) -> Path:
    """A PDF with a text layer; with split_rows a table row too long for the rest of a
    page breaks across it (its second part starts the next page), else it moves whole."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()

    def para(text: str, style: str = "Normal"):
        if text.startswith("• "):
            return Paragraph(escape(text[2:], quote=False), styles["Normal"], bulletText="•")
        if text.startswith("Recommendation "):  # headings in tables are bold
            return Paragraph(f"<b>{escape(text, quote=False)}</b>", styles[style])
        return Paragraph(escape(text, quote=False), styles[style])

    story = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            story.append(para(block[1], "Heading3"))
        elif kind == "p":
            story.append(para(block[1]))
            story.append(Spacer(1, 6))
        elif kind == "ul":
            story.extend(para("• " + item) for item in block[1])
            story.append(Spacer(1, 6))
        elif kind == "table":
            data = [[[para(p) for p in cell] for cell in row] for row in block[1]]
            width = 450 / max(len(row) for row in block[1])
            table = Table(
                data,
                colWidths=[width] * max(len(row) for row in block[1]),
                splitByRow=1,
                splitInRow=int(split_rows),
            )
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
            story.append(Spacer(1, 12))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# --- the documents ----------------------------------------------------------------------

RESPONSE = [
    (
        "h",
        "Executive Response to the Environment Scrutiny Committee Review of Air Quality around "
        "Schools",
    ),
    ("p", "EXECUTIVE MEETING DATE"),
    ("p", "14 March 2023"),
    ("h", "1. Introduction"),
    (
        "p",
        "1.1 The Executive thanks the Committee for its work. The Council will publish a new air "
        "quality plan.",
    ),
    ("p", "Executive response to the recommendations"),
    (
        "table",
        [
            [
                [
                    "Recommendation One: School streets for every primary school",
                    "We recommend that a school street is introduced at every primary school where "
                    "it is feasible.",
                ],
                [
                    "Executive response",
                    "Agreed. The Council will consult on twelve new school streets by 30th June "
                    "2023.",
                    "Funding for the programme is available until 31 March 2024.",
                ],
            ],
            [
                [
                    "Recommendation Two – Enforcement against idling",
                    "Metropolitan Police Service and Transport for London",
                    "We ask that enforcement against engine idling outside schools is increased.",
                ],
                [
                    "MPS: The MPS is to brief every Safer Neighbourhood Team in September 2023.",
                    "TfL: TfL will share its roadside monitoring data with the Committee.",
                ],
            ],
            [
                [
                    "Recommendation 3 – Clean air lessons",
                    "We ask that schools are supported to teach pupils about air pollution and "
                    "that",
                ],
                [
                    "Response",
                    "Islington Education (IE): We are happy to provide teaching packs to every "
                    "primary school.",
                ],
            ],
            [
                ["the Council works with parents on anti-idling campaigns."],
                [
                    "The packs were piloted in 2022. It is our intention to extend the pilot to "
                    "secondary "
                    "schools from Monday 4 September."
                ],
            ],
            [
                [
                    "Recommendation 4 – Asthma admissions",
                    "We suggest the Health Scrutiny Committee reviews childhood asthma admissions.",
                ],
                [
                    "This recommendation is directed at the Health Scrutiny Committee and is "
                    "answered in Appendix A."
                ],
            ],
        ],
    ),
    ("h", "Appendix A – Response from the Health Scrutiny Committee"),
    (
        "table",
        [
            [
                [
                    "Recommendation 4 – Asthma admissions",
                    "We suggest the Health Scrutiny Committee reviews childhood asthma admissions.",
                ],
                [
                    "Response (Cllr Maria Lopez, Chair, Health Scrutiny Committee):",
                    "The Committee will add childhood asthma admissions to its work programme for "
                    "2023/24.",
                ],
            ],
        ],
    ),
]

PLAIN_RESPONSE = [
    ("h", "Cabinet response to the Housing Scrutiny Commission review of temporary accommodation"),
    ("p", "Date: 7 June 2022"),
    ("h", "Recommendation 1"),
    ("p", "Greater oversight of temporary accommodation standards"),
    (
        "p",
        "The Commission recommends that the Council inspects every temporary accommodation "
        "property at least once a year.",
    ),
    ("p", "Cabinet response: Agreed. Annual inspections will begin in April 2023."),
    ("h", "Recommendation 2: Support for families placed out of borough"),
    ("p", "Hackney Education and the Children and Families Service"),
    (
        "p",
        "We ask that families placed outside the borough are offered a school place within "
        "20 school days.",
    ),
    (
        "p",
        "Hackney Education: We will track school places for every child placed out of borough "
        "from September 2022.",
    ),
    (
        "p",
        "Children and Families Service: Agreed in principle. A family support worker is to be "
        "assigned to each family.",
    ),
    ("h", "Recommendation Three – Reducing the use of bed and breakfast"),
    (
        "p",
        "We recommend that no family stays in bed and breakfast accommodation for more than six "
        "weeks.",
    ),
    (
        "p",
        "Partially agreed. The Council has reduced the number of families in bed and breakfast "
        "by 40%. We are committed to ending the use of bed and breakfast for families by March "
        "2024.",
    ),
]

MINUTES = [
    ("h", "Camden Community Safety Board - Quarter 3, 2023/24"),
    ("p", "Thursday 12 October 2023, 10.00am - 12.00pm"),
    ("p", "Venue: Committee Room 2, Camden Town Hall"),
    ("p", "Chair: Detective Chief Superintendent Sarah O'Neill"),
    ("p", "Minutes"),
    ("p", "Present:"),
    (
        "ul",
        [
            "Sarah O'Neill – Metropolitan Police",
            "Cllr Tom Becker – Camden Council",
            "Priya Shah – Public Health",
            "Daniel Okafor – Probation Service",
        ],
    ),
    ("p", "Apologies: Mark Lewis"),
    (
        "table",
        [
            [["1."], ["10.00am"], ["Welcome and apologies"], ["Chair"]],
            [[], ["(5 minutes)"], [], []],
            [["2."], ["10.05am"], ["Minutes and action log"], ["Chair"]],
            [
                [],
                ["(15 minutes)"],
                ["Sarah to circulate the revised terms of reference by 30 November."],
                [],
            ],
            [["3."], ["10.20am (30 minutes)"], ["Youth violence update"], ["Daniel Okafor"]],
        ],
    ),
    ("p", "Action: DO to share the referral pathway with Public Health by Friday 20 October."),
    ("p", "Priya agreed to present the hospital admissions data at the next meeting."),
    (
        "table",
        [
            [[], ["10.50am"], ["Hate crime partnership plan"], ["Cllr Tom Becker"]],
            [[], ["(30 minutes)"], [], []],
        ],
    ),
    ("p", "Questions from the public"),
    (
        "p",
        "Question 1 (from a resident): When will the CCTV camera on Kentish Town Road be repaired?",
    ),
    ("p", "Answer: The camera will be repaired by the end of November."),
    ("p", "Q2: How many hate crimes were reported this quarter?"),
    ("p", "A: 143 hate crimes were reported, a fall of 8% on the last quarter."),
    (
        "table",
        [
            [["Ref"], ["Action"], ["Owner"], ["Status"]],
            [
                ["A1"],
                ["Publish the board's annual report"],
                ["TB"],
                ["Complete – published in September"],
            ],
            [["A2"], ["Review street lighting on the Regent's Park estate"], ["PS"], ["Ongoing"]],
        ],
    ),
    (
        "table",
        [
            [["5."], ["11.20am"], ["Any other business"], ["Chair"]],
        ],
    ),
]

REPORT = [
    (
        "h",
        "Report of the Children's Services Scrutiny Sub-Committee: Review of Elective Home "
        "Education",
    ),
    ("h", "Background"),
    ("p", "The Sub-Committee held four evidence sessions between January and March 2022."),
    (
        "p",
        "Officers confirmed that the register of home educated children was updated in March 2022.",
    ),
    ("h", "Findings and recommendations"),
    (
        "p",
        "The Sub-Committee recommends that the Council publishes clear guidance for families "
        "considering elective home education.",
    ),
    ("p", "Having heard from parents, Members also recommended:"),
    (
        "ul",
        [
            "That a named officer is appointed as a single point of contact for home educating "
            "families;",
            "That the Council shares data on elective home education with schools every term;",
        ],
    ),
    (
        "p",
        "Recommendation: That the Cabinet Member reports back to the Sub-Committee within six "
        "months.",
    ),
    ("p", "The Council will publish its revised home education policy by 1 September 2022."),
]

NUMBERED_MINUTES = [
    ("h", "Minutes of the Health and Wellbeing Board held on Tuesday 5 March 2024"),
    (
        "p",
        "Present: Councillors Ahmed (Chair), Brown and Clarke; Dr Helen Ward (NHS North Central "
        "London)",
    ),
    ("h", "1. Apologies for absence"),
    ("p", "Apologies were received from Cllr Davies."),
    ("h", "2. Minutes of the previous meeting"),
    ("p", "The minutes of the meeting held on 6 February 2024 were agreed as a correct record."),
    ("h", "3. Better Care Fund plan"),
    ("p", "The Board noted the plan."),
    ("p", "Action: Helen Ward to circulate the plan to partners by 31 March 2024."),
    ("h", "4. Any other business"),
    ("p", "There was no other business."),
]

HEADED_TABLE = [
    ("h", "Mayoral response to the Scrutiny Panel review of youth services"),
    (
        "table",
        [
            [["No."], ["Recommendation"], ["Response"]],
            [
                ["1"],
                ["The Council should keep all youth centres open in the evenings."],
                ["Agreed. Evening opening will start in January 2025."],
            ],
            [
                ["2"],
                ["The Council should co-design youth services with young people."],
                ["Agreed. A youth panel will be set up by 1 December 2024."],
            ],
            [[], [], ["Young people will sit on the commissioning board."]],
        ],
    ),
]
