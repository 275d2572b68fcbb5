"""Who attended a meeting, from the paper's own lists.

Rules (none keyed to one council's wording): the names after "Present:" /
"Attendees:" / "In attendance" / "Officers:" (and the blocks that follow them), one per
line or cell, or in a list, or in a "Name | Title | Organisation" table, each with its
role and organisation when printed ("Name (Org)", "Name - Org", a cell); "(Chair)"
marks the chair."""

from __future__ import annotations

import re

from .layout import Block, Row
from .meetings import ATTENDEE_LABEL, MORE_PRESENT, STOP_LABEL
from .people import looks_like_body, looks_like_person, strip_titles, tidy_name
from .text import Seg, squash


def _split_commas(text: str) -> list[str]:
    """The parts of "Chief Executive, Office of X (Y, Z)" at commas and semicolons outside
    brackets."""
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def _split_inline(text: str) -> list[str]:
    """The entries of an inline list "A (Chair), B, C and D", keeping commas in brackets."""
    parts, depth, cur = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth <= 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    out = []
    for part in parts:
        # "and" between names, not inside brackets ("(Avon and Somerset Police)").
        out.extend(
            p for p in re.split(r"\s+and\s+(?=[A-Z])(?![^()]*\))", part.strip()) if p.strip()
        )
    return out


_CHAIR_ROLE = re.compile(r"^(?:co-|vice[- ])?chair(?:man|person|woman)?$|^in the chair$", re.I)


_ROLE_WORD = re.compile(
    r"\b(?:director|manager|officer|head|lead|nurse|doctor|clinician|consultant|advis[eo]r"
    r"|analyst|clerk|secretary|administrator|assistant|co-?ordinator|worker|practitioner"
    r"|specialist|superintendent|inspector|commander|constable|sergeant|member|portfolio holder"
    r"|chief executive|head ?teacher|teacher|solicitor|lawyer|governor|treasurer|accountant"
    r"|engineer|planner|leader|commissioner|mayor|principal|registrar|surgeon|therapist"
    r"|radiographer|pharmacist|paediatrician|psychologist|chair(?:man|person|woman)?)s?\b",
    re.I,
)


def role_and_organisation(desc: str | None) -> tuple[str | None, str | None]:
    """(role, organisation) from what is printed beside a name: a part naming a job or
    position ("Democratic Services Officer", "Cabinet Member for Housing") is a role;
    the rest ("Metropolitan Police", "Swale BC") is the organisation."""
    if not desc:
        return None, None
    roles, orgs = [], []
    # parted at commas only: "Office of the Police and Crime Commissioner" is one body
    for part in _split_commas(desc) if "," in desc or ";" in desc else [desc]:
        part = squash(part).strip(" .;,")
        if not part:
            continue
        (roles if _ROLE_WORD.search(part) and not looks_like_org_only(part) else orgs).append(part)
    return ", ".join(roles) or None, ", ".join(orgs) or None


def looks_like_org_only(part: str) -> bool:
    """ "Greater London Authority" is a body; "Director of Children's Services" holds a body's
    words but names a job: a body only when no word before its last names a job."""
    return looks_like_body(part) and not _ROLE_WORD.search(part.split(" of ")[0])


# How or for what someone attended ("(minutes)", "(for item 5)", "(virtual)"): a note
# beside the name, no organisation.
_ATTENDANCE_NOTE = re.compile(
    r"^(?:minutes|minute[- ]?taker|note[- ]?taker|notes|observing|observer|virtual|remote(?:ly)?"
    r"|online|via (?:teams|zoom|video)|by (?:phone|video)|part(?: of meeting)?"
    r"|(?:for |from |until )?items? \d+[a-z]?(?:(?: and |, | & | ?- ?)\d+[a-z]?)*)$",
    re.I,
)


def parse_attendee(text: str) -> tuple[str, str | None, bool] | None:
    """(name, description, is chair) from "Name", "Name (Org)", "Name - Role", "Name,
    Role, Org"; None when the text is no name. "Chair" marks the chair. The description
    is split into role and organisation by `role_and_organisation`."""
    text = squash(text).strip(" ;,.").strip("_*").strip()
    name, org = text, None
    for pattern in (
        # "Councillor Rhona Blake (Chair) (Marston District Council)": two brackets
        r"^(?P<n>[^()]+?)\s*\((?P<o>[^)]+)\)(?:\s*\((?P<o3>[^)]+)\))?(?:\s*[-–—,]\s*(?P<o2>.+))?$",
        r"^(?P<n>.+?)\s+[-–—]\s+(?P<o>.+)$",
        r"^(?P<n>[^,]+?),\s*(?P<o>.+)$",
    ):
        m = re.match(pattern, text)
        if m and looks_like_person(m["n"], loose_case=True):
            name = m["n"]
            found = m.groupdict()
            org = ", ".join(x for x in (m["o"], found.get("o3"), found.get("o2")) if x)
            break
    if not looks_like_person(name, loose_case=True):
        return None
    is_chair = False
    if org:
        parts = [squash(x) for x in re.split(r"[,;()]", org) if squash(x)]
        parts = [x for x in parts if not _ATTENDANCE_NOTE.match(x)]
        roles = [x for x in parts if _CHAIR_ROLE.match(x)]
        is_chair = any(not x.casefold().startswith("vice") for x in roles)
        org = ", ".join(x for x in parts if x not in roles) or None
    return tidy_name(strip_titles(name)), org, is_chair


def describe_last(out: list[tuple[dict, Seg]], part: str) -> None:
    """ "Sue Chandler, Cabinet Member for Housing": the role printed after a comma, which
    split it from the name, belongs to the name before it."""
    part = squash(part).strip(" .;,")
    if not out or not part or len(part.split()) > 12 or out[-1][0].get("role"):
        return
    role, org = role_and_organisation(part)
    record = out[-1][0]
    if role:
        record["role"] = role
    if org and not record["organisation"] and looks_like_body(org):
        record["organisation"] = org


def find_attendees(blocks: list[Block]) -> tuple[list[tuple[dict, Seg]], str | None]:
    """([(attendee, seg)], chair named in the list) from the document's attendee lists."""
    out: list[tuple[dict, Seg]] = []
    chair = None
    seen: set[str] = set()

    def add(entry: tuple[str, str | None, bool] | None, seg: Seg, title: str = "") -> bool:
        nonlocal chair
        if entry is None:
            return False
        name, desc, is_chair = entry
        role, org = role_and_organisation(desc)
        role = title or role  # a "Title" column's entry is the role as printed
        if name.casefold() not in seen:
            seen.add(name.casefold())
            record = {"name": name, "organisation": org}
            if role:
                record["role"] = role
            out.append((record, seg))
        if is_chair and chair is None:
            chair = name
        return True

    def add_listed(rest: str, seg: Seg) -> bool:
        """ "A, Director of X; B, Scrutiny Officer": names, each role after its name."""
        parts = _split_inline(rest)
        entries = [parse_attendee(p) for p in parts]
        if not any(entries):
            return False
        for entry, part in zip(entries, parts, strict=True):
            if not add(entry, seg):
                describe_last(out, part)
        return True

    stream = _entries(blocks)
    i = 0
    while i < len(stream):
        text, seg, cells = stream[i]
        m = ATTENDEE_LABEL.match(text)
        if cells and (cols := _name_columns(cells)):
            i = _attendee_table(stream, i + 1, cols, add, _title_column(cells, cols))
            continue
        if not m and out and len(text) < 400:
            # "Officers: ..." after the apologies that closed the list of those present
            m = MORE_PRESENT.match(squash(text))
        if not m or len(text) > 3000:
            i += 1
            continue
        rest = m["rest"].strip().strip("_*").strip()
        if rest:
            # "Councillors Smith (Chair), Jones and Brown": the title covers every name.
            plural = re.match(r"^(?:councillors|cllrs)\.?\s+", rest, re.I)
            for part in _split_inline(rest[plural.end() :] if plural else rest):
                if not add(parse_attendee(f"Cllr {part}" if plural else part), seg):
                    describe_last(out, part)
        i += 1
        while i < len(stream):
            text, seg, cells = stream[i]
            if STOP_LABEL.match(text) or ATTENDEE_LABEL.match(text):
                break
            if cells and _name_columns(cells):
                break  # "Attendance" over a "Name | Organisation" table: read as a table
            if (more := MORE_PRESENT.match(squash(text))) and len(text) < 400:
                if not add_listed(more["rest"], seg):
                    break
                i += 1
                continue
            listed = [parse_attendee(c) for c in cells] if cells and len(cells) >= 2 else []
            described = any(
                _ROLE_WORD.search(c) or _CHAIR_ROLE.match(squash(c)) or looks_like_body(c)
                for c in (cells or [])[1:]
            )
            if listed and all(listed) and not described:
                # members set in two columns, a name in each cell
                for entry in listed:
                    add(entry, seg)
                i += 1
                continue
            if cells and len(cells) >= 2 and looks_like_person(cells[0], loose_case=True):
                # "Dr Ruth Ellison | Chair": the role's cell marks the chair, as "(Chair)"
                # after a name does, and is no role
                chairs = [c for c in cells[1:] if _CHAIR_ROLE.match(squash(c))]
                desc = ", ".join(c for c in cells[1:] if c not in chairs) or None
                is_chair = any(not c.casefold().startswith("vice") for c in chairs)
                entry = (tidy_name(strip_titles(cells[0])), desc, is_chair)
            else:
                # "A, B, C and D" on a line of its own: a list, not "Name, Role".
                pieces = _split_inline(text.strip("_* ")) if "," in text else []
                parts = [parse_attendee(p) for p in pieces]
                if len(pieces) >= 3 and parts[0] and sum(map(bool, parts)) * 2 > len(parts):
                    for part, piece in zip(parts, pieces, strict=True):
                        if not add(part, seg):
                            describe_last(out, piece)
                    i += 1
                    continue
                entry = parse_attendee(text)
            if not add(entry, seg):
                break
            i += 1
    return out, chair


_NAME_HEADER = re.compile(r"^(?:names?|attendees?|members?|present)$", re.I)
_ORG_HEADER = re.compile(
    r"^(?:organi[sz]ations?|agency|agencies|representing|service|department|body)$", re.I
)
_ROLE_HEADER = re.compile(r"^(?:role|title|job title|position|designation)$", re.I)


def _name_columns(cells: list[str]) -> tuple[int, int] | None:
    """(name column, organisation column) of a "Name | Organisation" header row; a
    "Role" column stands in for the organisation only where there is none (its job
    titles are no organisation and are dropped)."""
    name = next((i for i, c in enumerate(cells) if _NAME_HEADER.match(c.strip())), None)
    org = next((i for i, c in enumerate(cells) if _ORG_HEADER.match(c.strip())), None)
    if org is None:
        org = next((i for i, c in enumerate(cells) if _ROLE_HEADER.match(c.strip())), None)
    return (name, org) if name is not None and org is not None else None


_CHAIR_MARK = re.compile(r"\s*\((?:co-)?chair(?:man|person|woman)?\)", re.I)


def _title_column(cells: list[str], cols: tuple[int, int]) -> int | None:
    """A "Title" / "Role" column beside the name and organisation columns."""
    return next(
        (i for i, c in enumerate(cells) if i not in cols and _ROLE_HEADER.match(c.strip())),
        None,
    )


def _attendee_table(
    stream, i: int, cols: tuple[int, int], add, title_col: int | None = None
) -> int:
    while i < len(stream):
        text, seg, cells = stream[i]
        if not cells or cols[0] >= len(cells):
            break
        entry = parse_attendee(cells[cols[0]])
        if entry is None:
            break
        name, org, is_chair = entry
        # A row's empty cells are left out of `cells`: a missing last one is no organisation.
        given = cells[cols[1]] if cols[1] < len(cells) else ""
        title = cells[title_col] if title_col is not None and title_col < len(cells) else ""
        # "Non-Executive Director (Chair)" in the role's cell marks the chair
        marked = _CHAIR_MARK.search(given)
        if marked:
            given, is_chair = squash(given[: marked.start()] + given[marked.end() :]), True
        add((name, squash(given) or org, is_chair), seg, squash(title))
        i += 1
    return i


def _entries(blocks: list[Block]) -> list[tuple[str, Seg, list[str] | None]]:
    """Lines to read lists from: each paragraph, and each table row as its cells."""
    out: list[tuple[str, Seg, list[str] | None]] = []
    for b in blocks:
        if isinstance(b, Row):
            filled = [b.texts[i] for i in b.filled()]
            if len(filled) == 1:
                for p in b.cells[b.filled()[0]]:
                    out.append((p.text, p.seg, None))
            elif filled:
                out.append((" ".join(filled), b.seg, filled))
        else:
            out.append((b.text, b.seg, None))
    return out
