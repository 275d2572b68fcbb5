"""Actions: what someone was asked or agreed to do, with owner, due date and update.

Where actions are found:
- labelled lines: "Action: Maurice to support ...", "ACTION (JD): circulate ...",
  "Actions:" followed by a list, or a sentence ending in "Action: MM";
- action tables: a header row naming an action column and any of ref, owner/lead,
  due/deadline, status, update; a row with an empty first cell continues the row
  before it;
- carried-forward actions followed by "Update:" notes (the "notes and actions" item of
  a meeting): each action is the text since the last label or finished update;
- in running text of minutes, sentences whose subject is a person on the attendee list
  ("Maurice agreed to ...", "JD to ...", "Sarah will ...").

Due dates follow "by", "before" or "due" ("by 30 April 2023"; "by the end of April" and
"to the January meeting" give the month, the next one from the meeting's date).

Owners are resolved against the attendee list ("Maurice" -> "Maurice Mason", "MM",
"Miker Hamer" read by OCR); a name before a dash ("Mike Hamer - ensure ...") or after the
text ("... - Mike Hamer", "(MM)") is taken off the text as the owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import dates, undertakings
from .layout import Block, Para, Row, paras_of
from .people import People, looks_like_body, looks_like_role
from .text import Seg, ends_sentence, norm, sentences, squash

_ACTION = re.compile(
    r"^(?:agreed\s+)?(?i:actions?|action points?)(?:\s*\((?P<who>[^)]{1,60})\))?"
    r"(?:\s+(?i:for|on)\s+(?P<for>[^:]{1,60}?))?\s*[:–—-]\s*(?P<rest>.*)$",
    re.S,
)
# "... projects. Action: Hannah Ode - write to ..." or "... circulated. Action: JD".
_INNER_ACTION = re.compile(r"(?<=[.!?])\s+(?i:actions?)\s*[:–—-]\s*(?P<rest>\S.*)$", re.S)
_PARA_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=[A-Z])")
_LIST_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s+")
_UPDATE = re.compile(r"\b(?i:update|progress)\s*:\s*")
_LABEL = re.compile(r"^[A-Z][A-Za-z/&'’ ()-]{1,40}?\s*:")
# A person, body or role: "Head of Community Safety" joins capitalised words with "of".
_WHO = r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|of|for|&|/)){0,5}?)"
_LEADING_DASH = re.compile(rf"^{_WHO}\s*[-–—:]\s+(?P<rest>\S.*)$", re.S)
_LEADING_TO = re.compile(rf"^{_WHO}\s+(?:agreed to|has agreed to|to|will|is to)\s+[a-z]", re.S)
_TRAILING_WHO = re.compile(
    r"\s*(?:\((?P<a>[^()]{1,40})\)|\s[-–—]\s*(?P<b>[A-Z][\w'’ ./&-]{1,40}))\s*\.?$"
)
_DUE = re.compile(
    r"\b(?:by|before|no later than|deadline:?|due:?)\s+(?:the\s+)?(?:end of\s+)?", re.I
)
# "to the January meeting", "in time for the March County Council", "ahead of the May
# Cabinet": the month of the meeting named.
_MONTH_MEETING = re.compile(
    r"\b(?:to|at|for|by|before|ahead of|in time for|until)\s+the\s+"
    r"(?:[A-Z][\w-]*['’]s\s+)?(?P<month>[A-Z][a-z]+)"  # "the Committee's July meeting"
    r"\s+(?:[A-Z][\w-]*\s+){0,3}?(?i:meeting|board|committee|session|council|cabinet|panel"
    r"|forum|group|partnership|assembly)\b"
)
_COLUMNS = {
    "ref": re.compile(
        r"^(?:ref(?:erence)?\.?(?: no\.?)?|no\.?|#|item|number|action (?:no\.?|number|ref))$", re.I
    ),
    "action": re.compile(
        r"^(?:actions?|actions? agreed|agreed actions?|action points?|actions? required"
        r"|description(?: of action)?)$",
        re.I,
    ),
    "owner": re.compile(
        r"^(?:owners?|leads?|responsible|by whom|who|action (?:owner|by|lead)|assigned to"
        r"|(?:lead|responsible)\s+(?:officers?|person|members?|organisation|agency|partner|body)"
        r"|officers?)(?:\s*\(s\))?$",
        re.I,
    ),
    "due": re.compile(
        r"^(?:due|due date|date due|due by|deadline|by when|date|target date|target"
        r"|completion date|timescales?|when)$",
        re.I,
    ),
    "status": re.compile(r"^(?:(?:current\s+)?status|rag|rag status|complete\??|done\??)$", re.I),
    "update": re.compile(
        r"^(?:updates?|progress|progress update|comments?|notes?|latest update|latest position"
        r"|current position)$",
        re.I,
    ),
}
# "Update (January 2025)", "Owner:": a header's date or colon is no part of its name.
_HEADER_NOISE = re.compile(r"\s*\([^)]*\)|:\s*$")


@dataclass
class Action:
    text: str
    owner: str | None
    due: str | None
    update: str | None
    seg: Seg

    def record(self) -> dict:
        return {"text": self.text, "owner": self.owner, "due": self.due, "update": self.update}


def _owner(who: str, people: People, *, strict: bool) -> str | None:
    """A person or body named as an owner. Strict (a subject in running text): only
    people on the list, or initials."""
    who = squash(who).strip(" .,;:")
    if not who or len(who.split()) > 8:
        return None
    if people.names:
        found = [people.resolve_one(p) for p in re.split(r"\s*(?:/|,|&|\band\b)\s*", who) if p]
        if found and all(found):
            return " / ".join(dict.fromkeys(found))
        if strict:
            return None
    resolved = people.resolve(who)
    if resolved:
        return resolved
    return who if not strict and (looks_like_body(who) or looks_like_role(who)) else None


def split_owner(text: str, people: People, *, labelled: bool = False) -> tuple[str, str | None]:
    """(text, owner) with a leading or trailing owner taken off the text. After an
    "Action:" label the subject of "X to do Y" is the owner even when it is a role or
    a body ("Head of Community Safety to circulate ...")."""
    text = squash(text)
    if m := _LEADING_DASH.match(text):
        if owner := _owner(m["who"], people, strict=False):
            return m["rest"], owner
    if m := _LEADING_TO.match(text):
        if owner := _owner(m["who"], people, strict=not labelled):
            return text, owner
    if m := _TRAILING_WHO.search(text):
        who = m["a"] or m["b"]
        if owner := _owner(who, people, strict=bool(m["a"]) and not people.names):
            return text[: m.start()].rstrip(" -–—,"), owner
    lowered = text.casefold()
    for name in sorted(people.names, key=len, reverse=True):
        if lowered.endswith(" " + name.casefold()):
            return text[: -len(name)].rstrip(" -–—,"), name
    return text, None


def _due(text: str, context: date | None) -> str | None:
    """The date after "by", "before", "due": a full date, or a month ("by the end of
    April" in minutes of March 2023 gives "2023-04"; so does "to the April meeting")."""
    for m in _DUE.finditer(text):
        after = text[m.end() : m.end() + 40]
        hit = dates.find_dates(after, context, ahead=True)
        if hit and hit[0].start == 0:
            return hit[0].value
        if month := dates.month_ahead(after, context):
            return month
    if m := _MONTH_MEETING.search(text):
        return dates.month_ahead(m["month"], context)
    if m := _TO_MEETING_IN.search(text):
        hit = dates.find_dates(text[m.end() : m.end() + 40], context, ahead=True)
        if hit and hit[0].start == 0:
            return hit[0].value
    return None


# "bring a report to the Commission in March 2025": the meeting it comes to.
_TO_MEETING_IN = re.compile(
    r"\bto\s+(?:the|its|a)\s+(?:[A-Z][\w-]*\s+){0,3}?(?i:meeting|board|committee|commission"
    r"|panel|cabinet|council|forum|partnership|group)(?:'s\s+meeting)?\s+(?:in|on)\s+"
)


class _Collector:
    def __init__(self, people: People, context: date | None):
        self.people = people
        self.context = context
        self.found: list[Action] = []
        self.tabled: list[Action] = []  # those read from an action table (a log)

    def add(
        self,
        text: str,
        seg: Seg,
        *,
        owner: str | None = None,
        update: str | None = None,
        due: str | None = None,
        labelled: bool = False,
    ) -> None:
        text = squash(text).strip(" ;")
        if len(text) < 4:
            return
        if owner is None:
            text, owner = split_owner(text, self.people, labelled=labelled)
        key = norm(text)
        for a in self.found:
            old = norm(a.text)
            if key == old or (len(key) > 30 and (key in old or old in key)):
                a.update = a.update or update
                a.owner = a.owner or owner
                return
        self.found.append(
            Action(
                text,
                owner,
                due or _due(text, self.context),
                squash(update) if update else None,
                seg,
            )
        )


def _table(rows: list[Row], columns: dict[str, int], out: _Collector) -> None:
    """Actions of an action table; a row without an action (or a ref, where the table
    has refs) continues the row before it."""
    records: list[dict] = []
    for row in rows:
        values = {name: row.texts[i] if i < len(row.texts) else "" for name, i in columns.items()}
        if records and (not values.get("action") or ("ref" in columns and not values.get("ref"))):
            for name, value in values.items():
                if value:
                    records[-1][name] = f"{records[-1].get(name, '')} {value}".strip()
            records[-1]["segs"].append(row.seg)
            continue
        if len(re.findall(r"[A-Za-z]{2,}", values.get("action", ""))) >= 2:
            values["segs"] = [row.seg]
            records.append(values)
    for r in records:
        owner = _owner(r["owner"], out.people, strict=False) if r.get("owner") else None
        update = " – ".join(x for x in (r.get("status"), r.get("update")) if x) or None
        due = dates.first_date(r["due"], out.context, ahead=True) if r.get("due") else None
        count = len(out.found)
        out.add(r["action"], Seg.join(r["segs"], " "), owner=owner, update=update, due=due)
        out.tabled.extend(out.found[count:])


def _table_columns(row: Row) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for i, t in enumerate(row.texts):
        t = _HEADER_NOISE.sub("", t).strip()
        for name, pattern in _COLUMNS.items():
            if name not in columns and pattern.match(t):
                columns[name] = i
                break
    if "action" not in columns:
        return None
    # Progress is noted after the action; "Notes" before it ("Item | Notes | Actions") are
    # what the meeting discussed.
    if columns.get("update", len(row.texts)) < columns["action"]:
        del columns["update"]
    return columns if len(columns) >= 2 else None


def _updates(paras: list[Para], out: _Collector) -> None:
    """Carried-forward actions, each followed by an "Update:" note."""
    pending: list[Seg] = []
    current: Action | None = None
    for p in paras:
        text = p.text
        m = _UPDATE.search(text)
        if _LABEL.match(text) and not m and not _ACTION.match(text):
            pending, current = [], None
            continue
        if m:
            before, after = p.seg[: m.start()].strip(), p.seg[m.end() :].strip()
            if before.text:
                pending = [*pending, before] if current is None else [before]
            if pending:
                seg = Seg.join(pending, " ")
                count = len(out.found)
                out.add(seg.text, seg, update=after.text or None)
                current = out.found[-1] if len(out.found) > count else None
            elif current is not None and after.text:
                current.update = squash(f"{current.update or ''} {after.text}")
            pending = []
            continue
        if current is not None:
            if current.update and not ends_sentence(current.update):
                current.update = squash(f"{current.update} {text}")
                continue
            current = None
        if pending and ends_sentence(pending[-1].text):
            pending = []
        pending.append(p.seg)


def find_actions(
    blocks: list[Block],
    people: People,
    context: date | None,
    *,
    meeting: bool,
    skip: set[int],
    chair: str | None = None,
) -> list[Action]:
    """Actions of the document; running-text and "Update:" forms only in minutes.
    `chair` is the meeting's chair, the owner where minutes say "The Chair"."""
    out = _Collector(people, context)
    columns: dict[str, int] | None = None
    table_rows: list[Row] = []
    flat: list[Para] = []
    list_open = False
    for b in blocks:
        if isinstance(b, Row):
            if (found := _table_columns(b)) is not None:
                if table_rows:
                    _table(table_rows, columns, out)
                columns, table_rows = found, []
                continue
            if columns is not None and not b.first:
                table_rows.append(b)
                continue
            if columns is not None:
                _table(table_rows, columns, out)
                columns, table_rows = None, []
        elif columns is not None and table_rows:
            _table(table_rows, columns, out)
            columns, table_rows = None, []
        for p in paras_of(b):
            if id(p) in skip:
                continue
            flat.append(p)
            list_open = _labelled(p, out, list_open)
    if columns is not None and table_rows:
        _table(table_rows, columns, out)
    owner_of = undertakings.owner_resolver(people, chair)
    resolved = undertakings.resolutions(flat, owner_of, out.add)
    if meeting:
        _updates(flat, out)
        undertakings.running_actions(
            [p for p in flat if id(p) not in resolved], owner_of, people, out.add
        )
        for p in flat:
            for sentence in sentences(p.seg):
                # "34.3 Superintendent Lowe agreed to ...": the paragraph's number aside.
                if number := _PARA_NUMBER.match(sentence.text):
                    sentence = sentence[number.end() :]
                m = _LEADING_TO.match(sentence.text)
                if m and _owner(m["who"], people, strict=True):
                    out.add(sentence.text, sentence)
    return [a for a in out.found if a in out.tabled or not _logged(a, out.tabled)]


def _words(text: str) -> set[str]:
    return {w for w in norm(text).split() if len(w) > 3}


def _logged(action: Action, tabled: list[Action]) -> bool:
    """Whether the action log holds this action of the minutes' text: the same owner
    and most of its words ("KA agreed to bring a breakdown by ward" is the log's
    "Provide a breakdown of agency shifts by ward", owner KA). A log lists what was
    agreed, so the sentence recording it is the same action, not a second."""
    words = _words(action.text)
    return bool(action.owner and words) and any(
        t.owner == action.owner and len(words & _words(t.text)) * 2 >= len(words) for t in tabled
    )


def _labelled(p: Para, out: _Collector, list_open: bool) -> bool:
    """Adds the action a labelled paragraph states; True while an "Actions:" list runs."""
    text = p.text
    if list_open:
        number = _LIST_NUMBER.match(text)
        if p.bullet or number:
            seg = p.seg[number.end() :] if number else p.seg
            item, owner, status = _with_status(seg.text, out.people)
            out.add(item, seg, owner=owner, update=status)
            return True
    if _ACTIONS_HEADING.match(text) and (p.heading or len(text) < 40):
        return True
    m = _ACTION.match(text)
    if m:
        rest = m["rest"].strip()
        if not rest:
            return True
        _add_labelled(p.seg[m.start("rest") :], m["who"] or m["for"], out)
        return False
    m = _INNER_ACTION.search(text)
    if m is None:
        return False
    who = m["rest"].strip(" .")
    if len(who.split()) <= 4 and (owner := _owner(who, out.people, strict=False)):
        # "The report will be circulated. Action: JD": the sentence before is the action.
        before = sentences(p.seg[: m.start()])
        if before:
            out.add(before[-1].text, before[-1], owner=owner)
    else:
        _add_labelled(p.seg[m.start("rest") :], None, out)
    return False


# A heading over a list of actions: "Actions", "Action log", "Actions from the last
# meeting", "Agreed actions:".
_ACTIONS_HEADING = re.compile(
    r"^(?:(?:agreed|new|outstanding|open|summary of|matters arising and)\s+)?"
    r"(?:actions?|action points?)(?:\s+(?:log|list|agreed|arising|tracker|register|required"
    r"|summary|from (?:the )?(?:last|previous) meeting))?\s*:?$",
    re.I,
)
_STATUS_WORDS = (
    r"closed|complete(?:d)?|done|open|ongoing|in progress|new|carried forward|c/f|on hold"
    r"|overdue|deferred|superseded|not started|pending|outstanding|red|amber|green"
)
# "... [closed]", "... [new for Caitlin Burke]", "... (Ongoing)", "... - Complete".
_STATUS = re.compile(
    rf"\s*(?:\[(?P<a>[^\]]{{1,80}})\]|\((?P<b>(?i:{_STATUS_WORDS})\b[^)]{{0,60}})\)"
    rf"|\s[-–—]\s*(?P<c>(?i:{_STATUS_WORDS})))\s*\.?$"
)
_STATUS_FOR = re.compile(
    rf"^(?:(?P<status>(?i:{_STATUS_WORDS}))\b\s*[,;:-]?\s*)?(?:(?i:for|owner:?|lead:?|with)\s+"
    r"(?P<who>.{2,60}))?$"
)


def _with_status(text: str, people: People) -> tuple[str, str | None, str | None]:
    """(text, owner, status) of an action list's item with its status in brackets."""
    m = _STATUS.search(text)
    if m is None:
        return text, None, None
    tag = (m["a"] or m["b"] or m["c"]).strip()
    f = _STATUS_FOR.match(tag)
    if f is None or not (f["status"] or f["who"]):
        # "[JS]", "[Maurice]": initials or a name in brackets are the owner.
        owner = _owner(tag, people, strict=False)
        return (text[: m.start()], owner, None) if owner else (text, None, None)
    owner = None
    if f["who"]:
        who = f["who"].strip(" .")
        owner = _owner(who, people, strict=False) or who
    return text[: m.start()], owner, f["status"]


def _add_labelled(seg: Seg, owner_hint: str | None, out: _Collector) -> None:
    """The action after an "Action:" label, with an "Update:" note split off."""
    owner = _owner(owner_hint, out.people, strict=False) if owner_hint else None
    rest, update = seg.text, None
    if u := _UPDATE.search(rest):
        rest, update = rest[: u.start()], rest[u.end() :]
    out.add(rest, seg, owner=owner, update=update, labelled=True)
