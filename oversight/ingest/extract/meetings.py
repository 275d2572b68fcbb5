"""The meeting a document was written for: title, date, body, times, venue, chair and
attendees.

Rules (none keyed to one council's wording):
- title: the first paragraph that is not a letterhead, stamp or cover-sheet field
  ("London Borough of ...", "AGENDA", "Report to: Cabinet"), or the report's title
  heading under a committee's name;
- date: a date under or beside a date label ("CABINET MEETING DATE", "Date:"), else the
  first full date near the top, a weekday date without a year ("Thursday 12 October")
  placed by the year or financial year the top names ("Q2 2023/24"); times: the time
  range beside it ("2pm - 4pm", "10am – 12 noon"); the end is the closing time minutes
  record ("The meeting ended at 4.05 pm") where they do;
- body: "X MEETING DATE" / "Meeting: X" / "Report to: X" labels, else the title without
  its date or quarter ("... Group - Quarter 2, 2021/22") or "Minutes of the X held on",
  else a masthead: a body's name heading the paper over the date alone ("COUNTY COUNCIL"
  / "Thursday 13 March 2025"); a paper whose first heading is one of a run of like items
  ("Question by A to B", ...) is then titled by its masthead. An authority's own name
  ("Kent County Council") is a letterhead, a stamp ("DRAFT VERSION") is no title, and a
  heading in capitals names a body only with a body's word in it (see `bodies`);
- venue and chair: labelled lines, the rest of the date's line or the line after it
  naming a room, a hall or a video call; the member marked "(Chair)" in a list at the
  top (see `chair`); role words are dropped from the chair ("BCU Commander ...");
- attendees: see `attendees`; Markdown front matter: see `front_matter`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .bodies import (
    LETTERHEAD,
    MINUTES_TITLE,
    body_from_title,
    body_heading,
    find_masthead,
    plain_case,
    without_date,
)
from .chair import CHAIR_LABEL, chair_leading_items, labelled_chair_below, marked_chair
from .layout import Block, Para, Row, flatten
from .people import looks_like_body, looks_like_person, strip_titles
from .text import Seg, ends_sentence, squash

# A stamp printed at a header's right ("Appendix A", "Agenda Item 6", "Annex 2").
_STAMP_TAIL = re.compile(
    r"\s+(?:(?:agenda\s+)?item\s+\d+\w?|appendix\s+\w+|annex\s+\w+|unconfirmed|draft"
    r"|official(?:[- ]sensitive)?|confidential)$",
    re.I,
)
LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z/&'’ ()-]{1,40}?)\s*:\s*(?P<rest>.*)$", re.S)
_DATE_LABEL = re.compile(
    r"^(?:(?P<body>.+?)\s+(?=meeting\s))?(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?meeting)?"
    r"\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_TITLE_LABEL = re.compile(
    r"^(?:report\s+title|title(?:\s+of\s+(?:the\s+)?report)?|subject|report)\s*:\s*(?P<title>\S.*)$",
    re.I,
)
_TIME_LABEL = re.compile(r"^(?:time|start time|meeting time)\s*:", re.I)
# "held in the Darent Room, Sessions House, County Hall, Maidstone on ...": the venue
# runs, commas and all, to the date, the time or the sentence's end.
_HELD_AT = re.compile(
    r"\bheld\s+(?:at|in)\s+(?:the\s+)?(?P<venue>[A-Z][^;]*?)"
    r"(?=\s+on\s|\s+at\s+\d|\s+commencing\b|\s+from\s+\d|\s*[,;]?\s+(?:at\s+)?\d{1,2}[.:]\d\d"
    r"|\s*[;.]\s|\.?\s*$)"
)
_BODY_LABEL = re.compile(
    r"^(?:meeting|committee|board|body|meeting of|forum|panel|report to|reporting to"
    r"|submitted to|decision maker|decision taker)\s*:\s*(?P<body>.+)$",
    re.I,
)
_VENUE_LABEL = re.compile(
    r"^(?:venue|location|place|where|meeting (?:room|venue)|address)\s*:\s*(?P<venue>.+)$", re.I
)
_VENUE_WORDS = re.compile(
    r"\b(?:room|hall|town hall|civic centre|chambers?|library|house|building|centre|street|road"
    r"|boardroom|board room|suite|hub|offices|hospital|pavilion"
    r"|conferenc\w*|microsoft teams|teams|zoom|google meets?|webex|online|virtual|remote)\b",
    re.I,
)
_VENUE_END = re.compile(
    r"(?:,?\s+(?:please|click|join|dial|to join)\b|\s+https?://|\s+\S+\.(?:com|org|uk)/).*$", re.I
)
ATTENDEE_LABEL = re.compile(
    r"^(?:attendees|present|in attendance|also present|also in attendance|attendance"
    r"|members present|officers present|participants|those present"
    # "Councillors in attendance:", "Other People in Attendance:"
    r"|(?:councillors|cllrs|members|officers|other people|others|people|guests|partners)"
    r"\s+(?:present|in attendance|attending))\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
# A further list of those present, after the first ("Officers: ...", "Partners: ...").
MORE_PRESENT = re.compile(
    r"^(?:(?:council|partner|co-opted|independent|external|other)\s+)?(?:officers?|partners?"
    r"|members?|councillors|cllrs|advis[eo]rs?|guests?|representatives?|observers?|witnesses"
    r"|agencies)(?:\s+(?:present|in attendance|attending))?\s*:\s*(?P<rest>\S.*)$",
    re.I,
)
STOP_LABEL = re.compile(
    r"^(?:apologies|absent|apologies for absence|not present|distribution)\b", re.I
)
_PRESENTED = re.compile(r"^presented to parliament\b", re.I)


@dataclass
class Header:
    title: Para | None = None
    date: str | None = None
    date_seg: Seg | None = None
    start: str | None = None
    end: str | None = None
    body: str | None = None
    venue: str | None = None
    chair: str | None = None
    labelled_meeting: bool = False
    title_text: str | None = None  # a title given as data (front matter), not a paragraph
    # The meeting's own date where it differs from the paper's: minutes extracted into a
    # later paper ("Appendix 1 – Council 13 March" / "Minutes from X – 13 December").
    meeting_date: str | None = None


def _top_paras(blocks: list[Block], limit: int = 40) -> list[Para]:
    """The paragraphs before the body. A table of "Label | value" rows at the top (a
    report's cover sheet) reads as "Label: value" lines; any other table ends the top."""
    out: list[Para] = []
    columns: list[list[Para]] = []  # a front sheet's columns, read one after the other

    def flush_columns():
        for column in columns:
            out.extend(p for p in column if p.text)
        columns.clear()

    for b in blocks[:limit]:
        if not isinstance(b, Row):
            flush_columns()
        if isinstance(b, Row):
            filled = b.filled()
            label = b.texts[filled[0]] if filled else ""
            if columns or (len(out) <= 6 and dates.find_dates(label) and len(filled) <= 3):
                # A front sheet set in columns: the date, time and venue on the left, an
                # "Ask for:" contact block on the right; each column reads as its lines.
                for i, cell in enumerate(b.cells):
                    while len(columns) <= i:
                        columns.append([])
                    columns[i].extend(_without_contact(p) for p in cell)
                continue
            if len(filled) == 1:
                out.extend(b.cells[filled[0]])
                continue
            if len(filled) != 2 or len(label.split()) > 5 or dates.find_dates(label):
                break
            cells = [Seg.join([p.seg for p in b.cells[i]], " ") for i in filled]
            out.append(Para(Seg.join([cells[0].strip().strip(":"), cells[1]], ": ")))
            continue
        out.append(b)
    flush_columns()
    return out


# A contact block's labels ("Ask for:", "Telephone:"), printed beside the venue.
_CONTACT = re.compile(
    r"\b(?:ask for|contact(?: officer)?|enquiries(?: to)?|telephone|tel|phone|direct line"
    r"|e-?mail|mobile)\s*:\s*(?:[\d\s]{6,}\d|\S+@\S+)?",
    re.I,
)


def _without_contact(p: Para) -> Para:
    """A line without the contact labels that a column layout ran into it."""
    if not _CONTACT.search(p.text):
        return p
    return Para(p.seg.sub(_CONTACT, "").strip(" ,;"), p.bullet, p.heading, p.bold, p.column)


_FIELD_NAMES = re.compile(
    r"^(?:date|time|venue|location|meeting|report|classification|wards?|key decision|contact"
    r"|author|cabinet member|lead|purpose|summary|present|chair|agenda|status|version|ref"
    r"|directorate|portfolio|decision|recommendations?|from|to|attendees|apologies|minutes"
    r"|members?|membership|officers?|enquiries|email|telephone|tel|published)\b",
    re.I,
)


def _field_label(m: re.Match) -> bool:
    """A field of a cover sheet ("Report to: Cabinet"), not a title holding a colon
    ("Women's Safety in the Night-Time Economy: Responses to the Recommendations")."""
    return bool(_FIELD_NAMES.match(m["label"])) or len(m["rest"].split()) < 3


_REPORT_TITLE = re.compile(
    r"\b(?:review|report|response|inquiry|investigation|briefing|update|findings)\b", re.I
)


_SALUTATION = re.compile(r"^dear\s+\S", re.I)


def _letter_subject(paras: list[Para]) -> Para | None:
    """A letter's subject: the line under "Dear ...". Its letterhead, addresses and date
    come first, so the first line of a letter is the sender's name, not its title."""
    for i, p in enumerate(paras[:-1]):
        if _SALUTATION.match(p.text) and len(p.text.split()) <= 6:
            subject = paras[i + 1]
            words = len(subject.text.split())
            if 2 <= words <= 30 and (subject.heading or not ends_sentence(subject.text)):
                return subject
            return None
    return None


def find_title(blocks: list[Block]) -> Para | None:
    """The document's title. A cover page may print the committee above the title of a
    report ("Overview and Scrutiny Committee" over "Scrutiny Review: Youth Services"):
    a bare body's name followed by a heading that names a review or report gives way."""
    found: Para | None = None
    top = _top_paras(blocks, 25)
    if subject := _letter_subject(top):
        return subject
    for b in top:
        text = b.text.strip()
        if m := _TITLE_LABEL.match(text):
            return Para(b.seg[m.start("title") :])
        if LETTERHEAD.match(text) or len(text.split()) < 2 or len(text.split()) > 45:
            continue
        if (m := LABEL.match(text)) and not b.heading and _field_label(m):
            continue
        # "Cabinet – 4 December 2024    Appendix A": a page's header, its stamp aside;
        # in plain print above the paper's headings, "Board – 21 January 2025" is one too
        core = _STAMP_TAIL.sub("", text)
        if dates.find_dates(text) and (
            len(core.split()) <= 6 or (not b.heading and _running_header(core))
        ):
            continue
        if found is None:
            bare = without_date(text)
            if not (b.heading and looks_like_body(bare) and len(bare.split()) <= 8):
                return b
            found = b
            continue
        # "Minutes of the Board ..." under the trust's name is the paper's title
        minutes = MINUTES_TITLE.match(text)
        titled = (
            _REPORT_TITLE.search(text)
            or (minutes and looks_like_body(minutes["body"]))
            or _PAPER_OF.match(text)
            or ((after := _PAPER_AFTER.match(text)) and looks_like_body(after["body"]))
        )
        return b if b.heading and titled else found
    return found


# "Agenda: Trust Board meeting in public": a paper of a meeting, named as a label.
# "Quality and Safety Committee – minutes": a body's name, then the paper it heads.
_PAPER_AFTER = re.compile(r"^(?P<body>.+?)\s+[-–—:]\s+(?:minutes|agenda|notes|action notes)$", re.I)
_PAPER_OF = re.compile(r"^(?:agenda|minutes|notes)\s*[:–—-]\s*\S", re.I)


_ENCLOSED_MINUTES = re.compile(
    r"^(?:draft\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+|a\s+)?\S", re.I
)


def pack_end(blocks: list[Block], meeting_date: str | None) -> int:
    """Where an agenda pack's enclosed papers begin: after an "Agenda" heading, the
    minutes of an earlier meeting under a heading of their own ("Minutes of the
    Committee, 4 December 2024") are a paper for this meeting, and who was present at
    that one, and what it did, are not this meeting's. The blocks' length if none."""
    after_agenda = False
    for i, b in enumerate(blocks):
        if not isinstance(b, Para):
            continue
        text = b.text.strip()
        if b.heading and text.casefold() in ("agenda", "agenda items", "business"):
            after_agenda = True
            continue
        if not (after_agenda and meeting_date and b.heading and _ENCLOSED_MINUTES.match(text)):
            continue
        found = [hit.value for hit in dates.find_dates(text)]
        if found and all(len(d) == 10 and d < meeting_date for d in found):
            return i
    return len(blocks)


def _running_header(text: str) -> bool:
    """ "NHS Wyvern ICB Board – 21 January 2025": a body's name and the date, as a page's
    header prints them, naming no paper ("Extract from the minutes of ..." is a title)."""
    bare = without_date(text)
    return bare != text and not (
        MINUTES_TITLE.match(bare) or _REPORT_TITLE.search(bare) or _PAPER_OF.match(bare)
    )


def read_header(blocks: list[Block]) -> Header:
    """Title, date, times, body, venue and chair from the top of the document."""
    h = Header(title=find_title(blocks))
    paras = _top_paras(blocks)
    # "Thursday 12 October" under a title naming "2023/24": the weekday fixes the year.
    context = dates.year_context([p.text for p in paras[:8]])
    date_index = None
    for i, p in enumerate(paras):
        text = p.text
        m = _DATE_LABEL.match(text)
        if m and len(text.split()) <= 8 + len(m["rest"].split()) and "next" not in text.casefold():
            candidates = [(m["rest"], p)] if m["rest"] else []
            candidates += [(q.text, q) for q in paras[i + 1 : i + 2]]
            for candidate, q in candidates:
                found = dates.first_date(candidate, context, whole_day=True)
                if found:
                    h.date, h.date_seg, date_index = found, q.seg, paras.index(q)
                    body = m["body"]
                    if body and "meeting" in text.casefold() and not re.search(r"\d", body):
                        h.body = plain_case(body)
                        h.labelled_meeting = True
                    break
            if h.date:
                break
    if h.date is None:
        for i, p in enumerate(paras[:8]):
            if "next" in p.text.casefold():
                continue
            found = dates.first_date(p.text, context, whole_day=True)
            # A long line may still be the meeting's own: "Minutes of the meeting held on
            # Wednesday 12 June 2024 at 10.00am in the Council Chamber, ..."
            if found and (
                len(p.text.split()) <= 16
                or dates.find_time_range(p.text)
                or re.search(r"\bheld\s+(?:on|at|in)\b", p.text, re.I)
            ):
                h.date, h.date_seg, date_index = found, p.seg, i
                # A page's header may print the date alone above the line that gives it
                # with the time and the venue ("Monday 2 December 2024, 7.00 pm, ...").
                for j in range(i + 1, min(i + 5, len(paras))):
                    q = paras[j].text
                    if dates.find_times(q) and dates.first_date(q, context) == found:
                        h.date_seg, date_index = paras[j].seg, j
                        break
                break
    if h.date is None:
        # A report dated by its month alone ("March 2020" on a line of its own).
        for p in paras[:8]:
            # "Presented to Parliament by Command of His Majesty, February 2025" dates a
            # command paper as a line of its own would
            short = len(p.text.split()) <= 6 or _PRESENTED.match(p.text)
            if short and (found := dates.first_date(p.text)):
                h.date, h.date_seg = found, p.seg
                break
    if date_index is not None:
        for p in paras[date_index : date_index + 3]:
            rng = dates.find_time_range(p.text)
            if rng:
                h.start, h.end = rng
                break
            times = dates.find_times(p.text)
            if times and h.start is None:
                h.start = times[0][2]
    for p in paras:
        text = p.text
        if h.start is None and _TIME_LABEL.match(text):
            rng = dates.find_time_range(text)
            times = dates.find_times(text)
            h.start, h.end = rng if rng else (times[0][2] if times else None, h.end)
        if h.body is None and (m := _BODY_LABEL.match(text)):
            h.body = plain_case(squash(m["body"]))
            h.labelled_meeting = True
        if h.venue is None and (m := _VENUE_LABEL.match(text)):
            h.venue = tidy_venue(m["venue"])
        if h.chair is None and (m := CHAIR_LABEL.match(text)):
            chair = strip_titles(m["chair"])
            if looks_like_person(chair) or looks_like_person(m["chair"]):
                h.chair = chair
    if h.venue is None:
        for p in paras[:8]:
            if (m := _HELD_AT.search(p.text)) and _VENUE_WORDS.search(m["venue"]):
                h.venue = tidy_venue(m["venue"])
                break
    if h.venue is None and date_index is not None:
        line = paras[date_index].text
        if line.rstrip().endswith(",") and date_index + 1 < len(paras):
            line = f"{line} {paras[date_index + 1].text}"
        h.venue = _venue_after_date(line)
    if h.venue is None and date_index is not None:
        for k, p in enumerate(paras[date_index + 1 : date_index + 3], date_index + 1):
            text = p.text
            if _VENUE_WORDS.search(text) and not LABEL.match(text) and len(text.split()) <= 15:
                # "Council Chamber, Sessions House," goes on over the next line.
                if text.rstrip().endswith(",") and k + 1 < len(paras):
                    text = f"{text} {paras[k + 1].text}"
                h.venue = tidy_venue(text)
                break
    if h.chair is None:
        h.chair = marked_chair(paras) or chair_leading_items(blocks) or labelled_chair_below(blocks)
    if h.body is None and date_index is not None:
        # "Overview and Scrutiny Committee – 21 January 2025" above a report's title.
        line = paras[date_index].text
        if (bare := without_date(line)) != line and looks_like_body(bare):
            h.body = plain_case(squash(bare))
    if h.body is None and h.title is not None:
        h.body = body_from_title(h.title.text)
    if h.body is None:
        # A paper's appendix holding "Minutes extract from the X Committee – 13 December".
        for p in paras[:6]:
            if MINUTES_TITLE.match(p.text.strip()) and (found := body_from_title(p.text)):
                h.body = found
                if p.seg is not h.date_seg:
                    h.meeting_date = _minuted_before(
                        dates.first_date(p.text, whole_day=True), h.date
                    )
                break
    if h.body is None:
        h.body = body_heading(paras)
    masthead = find_masthead(paras, blocks)
    if masthead and h.body is None:
        h.body = masthead[0]
    h.title_text = _front_sheet_title(paras, h) or (
        f"{masthead[0]} – {masthead[1]}" if masthead and _item_heading(h.title, blocks) else None
    )
    # Minutes record when the meeting actually closed, which outranks the time planned.
    h.end = _closing_time(blocks) or h.end
    return h


def _minuted_before(day: str | None, paper: str | None) -> str | None:
    """The date of a meeting whose minutes a paper dated `paper` carries. Minutes cannot
    come after the paper that reports them, so a date after it has its year misprinted
    (a December meeting in a March paper printed with the March year): the same day a
    year earlier."""
    when, limit = dates.as_date(day), dates.as_date(paper)
    if when is None or limit is None or when <= limit:
        return day
    try:
        return when.replace(year=when.year - 1).isoformat()
    except ValueError:  # 29 February
        return when.replace(year=when.year - 1, day=28).isoformat()


def _venue_after_date(text: str) -> str | None:
    """The venue printed after the date and time on the date's own line ("Monday 7
    November 2022 at 7.00pm, Council Chamber, Town Hall")."""
    ends = [hit.end for hit in dates.find_dates(text)] + [t[1] for t in dates.find_times(text)]
    if not ends:
        return None
    rest = re.sub(r"^[\s,;:–—-]*(?:(?:in|at)\s+(?:the\s+)?)?", "", text[max(ends) :]).strip()
    if rest and _VENUE_WORDS.search(rest) and len(rest.split()) <= 15 and not LABEL.match(rest):
        return tidy_venue(rest)
    return None


_CLOSED_AT = re.compile(
    r"\b(?:meeting|it)\s+(?:ended|closed|finished|concluded|rose)\b|^(?:meeting\s+)?(?:closed|ended)\s*:",
    re.I,
)


# "Duration of the meeting: 7.00 pm - 9.05 pm": the meeting's times, its end the last.
_DURATION_LINE = re.compile(r"^(?:duration|times?)\s+of\s+(?:the\s+)?meeting\b", re.I)


def _closing_time(blocks: list[Block]) -> str | None:
    """When the meeting ended, from the closing line of minutes ("The meeting ended at
    4.05 pm", "Meeting closed: 21:10", "Duration of the meeting: 7.00 - 9.05 pm")."""
    tail = [b for b in blocks[-40:] if isinstance(b, Para) and len(b.text) < 200]
    for p in reversed(tail):
        if (m := _CLOSED_AT.search(p.text)) and (times := dates.find_times(p.text[m.end() :])):
            return times[0][2]
        if _DURATION_LINE.match(p.text):
            if rng := dates.find_time_range(p.text):
                return rng[1]
            if len(times := dates.find_times(p.text)) >= 2:
                return times[-1][2]
    return None


def tidy_venue(text: str) -> str:
    return squash(_VENUE_END.sub("", text)).strip(" ,;:-")


_STAMP = re.compile(r"^(?:agenda|minutes|supplementary agenda|summons(?: and agenda)?)$", re.I)


def _front_sheet_title(paras: list[Para], h: Header) -> str | None:
    """A front sheet's title: its "AGENDA" stamp, the committee under it and the date
    ("Agenda – Cabinet – Thursday, 30th January, 2025"), not the date line that runs
    into the venue."""
    top = [p.text.strip(" .") for p in paras[:3]]
    if len(top) < 2 or not _STAMP.match(top[0]) or not h.body or h.date_seg is None:
        return None
    if plain_case(top[1]) != h.body:
        return None
    hits = dates.find_dates(h.date_seg.text)
    day = h.date_seg.text[: hits[0].end].strip(" ,") if hits else ""
    return " – ".join(x for x in (top[0].capitalize(), h.body, day) if x)


def _item_heading(title: Para | None, blocks: list[Block]) -> bool:
    """Whether the heading taken for the title is the first of a run of like headings
    ("Question by A to B", "Question by C to D", ...): one item of the paper, not its
    title."""
    if title is None or not title.heading:
        return False
    lead = title.text.split()[:2]
    if len(lead) < 2:
        return False
    alike = [
        p for p in flatten(blocks) if p.heading and p.text.split()[:2] == lead and p is not title
    ]
    return len(alike) >= 2
