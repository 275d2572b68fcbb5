"""Writing one ModernGov meeting into Oversight's meeting records, in one transaction.

The meeting, its agenda items (numbers and titles as ModernGov gives them: its agenda is
the authority), attendance (each attendee matched to a person in the directory, or
created, with their seat on the body), the published decisions and minutes, and the
papers found (downloaded later, papers.py). Rows are written directly rather than through
`oversight.meetings.operations`, whose agenda functions renumber and retime items as a
clerk builds an agenda: here the numbers are ModernGov's. Every save names ModernGov as
its source in the history (`_change_reason`).

A person may have changed a record since the last sync. Each value written is kept in
`SyncedMeeting.written`; a value that differs from it now was changed in Oversight.
Then a new value from ModernGov is not written over it: a `Conflict` keeps both for an
officer to choose. Approved minutes are never rewritten: a change to them in ModernGov
is appended as a correction.
"""

from __future__ import annotations

from datetime import date, time

from django.db import transaction
from django.utils import timezone

from oversight.directory.models import Body, Membership, Person
from oversight.ingest.loading.base import slug
from oversight.ingest.loading.names import known_person, ordinary_case, person_key
from oversight.meetings.models import AgendaItem, Attendance, Correction, Decision, Meeting, Paper
from oversight.tracker.models import TrackedItem

from .models import Conflict, FollowedCommittee, Member, SyncedMeeting, SyncedPaper
from .replies import AgendaEntry, Attendee, LinkedDocument, MeetingDetail, MeetingListed

_MISSING = object()
# What each kind of attendance in ModernGov is in Oversight.
_ABSENT_WORDS = ("absent", "not required", "did not attend")


def attendance_status(value: str) -> str:
    """'Present, as expected', 'In attendance', 'Present as substitute' -> present;
    'Apologies', 'Apologies, sent substitute' -> apologies; 'Absent' -> absent."""
    v = value.casefold()
    if "apolog" in v:
        return Attendance.Status.APOLOGIES
    if any(w in v for w in _ABSENT_WORDS):
        return Attendance.Status.ABSENT
    return Attendance.Status.PRESENT


def seat_of(role: str) -> str:
    """A ModernGov role ('Chair', 'Vice-Chair', 'Committee Member', 'Officer') as a seat."""
    r = role.casefold().replace("-", " ")
    if "vice chair" in r:
        return Membership.Role.VICE_CHAIR
    if r.startswith("chair") or r == "chairman":
        return Membership.Role.CHAIR
    if "officer" in r or "in attendance" in r:
        return Membership.Role.OFFICER
    return Membership.Role.MEMBER


def meeting_status(status: str, on: date) -> str:
    s = status.casefold()
    if any(w in s for w in ("cancel", "postpone", "withdrawn")):
        return Meeting.Status.CANCELLED
    return Meeting.Status.HELD if on < timezone.localdate() else Meeting.Status.SCHEDULED


def _json(value):
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


class People:
    """Finds the person a ModernGov attendee is, once per sync: by member id first
    (kept in `Member`), then by name without titles ('Councillor X' is X), else a new
    person in the directory."""

    def __init__(self, committee: FollowedCommittee, reason: str):
        self.site = committee.site
        self.reason = reason
        self.by_member = dict(
            Member.objects.filter(site=self.site).values_list("member_id", "person_id")
        )
        self.found: dict[str, Person] = {}

    def find(self, attendee: Attendee) -> Person:
        key = attendee.member_id or f"name:{attendee.name}"
        if key not in self.found:
            self.found[key] = self._find(attendee)
        return self.found[key]

    def _find(self, attendee: Attendee) -> Person:
        if attendee.member_id and attendee.member_id in self.by_member:
            person = Person.objects.filter(pk=self.by_member[attendee.member_id]).first()
            if person is not None:
                return person
        person = known_person(attendee.name)
        if person is None:
            wanted = person_key(attendee.name)
            words = attendee.name.split()
            while len(words) > 1 and person_key(" ".join(words[1:])) == wanted:
                words.pop(0)  # "Councillor Jane Smith" is filed as Jane Smith
            person = Person(name=ordinary_case(" ".join(words))[:200])
            person._change_reason = self.reason
            person.save()
        if attendee.member_id:
            Member.objects.update_or_create(
                site=self.site, member_id=attendee.member_id, defaults={"person": person}
            )
            self.by_member[attendee.member_id] = person.pk
        return person


class MeetingWriter:
    """Writes one meeting's reply. Use `write()` inside a transaction (`apply_meeting`)."""

    def __init__(self, committee: FollowedCommittee, people: People, reason: str):
        self.committee = committee
        self.body: Body = committee.body
        self.people = people
        self.reason = reason
        self.conflicts = 0
        self.papers_found = 0
        # Each person's open seat on the body, read once per sync.
        self.seats = {
            m.person_id: m
            for m in Membership.objects.filter(body=self.body, end__isnull=True).order_by("-pk")
        }

    # --- the rule for every value ---------------------------------------------------------

    def _put(self, obj, label: str, record: str, field: str, new, before: dict, after: dict):
        """Set `obj.field` to ModernGov's `new` unless a person changed it since the last
        sync (it then differs from `before`): then keep theirs, and raise a conflict
        when ModernGov's value has changed too. Returns True when `obj` changed."""
        new_j = _json(new)
        after[field] = new_j
        current = _json(getattr(obj, field))
        if current == new_j:
            return False
        last = before.get(field, _MISSING)
        if last is _MISSING or current == last:
            setattr(obj, field, new)
            return True
        if new_j != last:
            self._conflict(record, obj.pk, label, field, current, new_j)
        return False

    def _conflict(self, record: str, pk: int, label: str, field: str, ours, theirs) -> None:
        open_ = Conflict.objects.filter(
            synced_meeting=self.synced, record=record, record_pk=pk, field_name=field, resolution=""
        ).first()
        if open_ is not None:
            if open_.moderngov_value != theirs:
                open_.moderngov_value = theirs
                open_._change_reason = self.reason
                open_.save(update_fields=["moderngov_value"])
            return
        conflict = Conflict(
            synced_meeting=self.synced,
            record=record,
            record_pk=pk,
            label=label[:300],
            field_name=field,
            oversight_value=ours,
            moderngov_value=theirs,
        )
        conflict._change_reason = self.reason
        conflict.save()
        self.conflicts += 1

    def _save(self, obj, fields: list[str] | None = None) -> None:
        obj._change_reason = self.reason
        obj.save(update_fields=fields) if fields else obj.save()

    # --- the meeting ----------------------------------------------------------------------

    def write(
        self, synced: SyncedMeeting | None, listed: MeetingListed, detail: MeetingDetail, fp: str
    ) -> str:
        """Write the meeting; "new" or "changed"."""
        on = detail.date or listed.date
        start, end = detail.start, detail.end
        if start and end and end <= start:
            end = None
        values = {
            "date": on,
            "start": start,
            "end": end,
            "venue": detail.venue,
            "status": meeting_status(detail.status or listed.status, on),
        }
        outcome = "changed"
        if synced is None:
            meeting = Meeting(body=self.body, published=True, chair=self._chair(detail), **values)
            meeting.source_key = self._meeting_key(on, detail.id)
            self._save(meeting)
            synced = SyncedMeeting(
                committee=self.committee, moderngov_id=detail.id, meeting=meeting
            )
            synced.save()
            outcome = "new"
            before: dict = {}
        else:
            meeting = Meeting.private_objects.select_for_update().get(pk=synced.meeting_id)
            before = synced.written or {}
        self.synced = synced
        written: dict = {"meeting": {}, "items": {}, "attendance": {}, "decisions": {}}
        label = f"Meeting of {on:%d %B %Y}"
        changed = [
            f
            for f, v in values.items()
            if self._put(
                meeting, label, "meeting", f, v, before.get("meeting", {}), written["meeting"]
            )
        ]
        if "date" in changed:
            meeting.source_key = self._meeting_key(meeting.date, detail.id)
            changed.append("source_key")
        if changed and outcome != "new":
            self._save(meeting, changed)

        items = self._write_items(meeting, detail, before.get("items", {}), written["items"])
        self._write_attendance(meeting, detail, before.get("attendance", {}), written["attendance"])
        if detail.decisions_published or detail.minutes_published:
            self._write_decisions(meeting, detail, items, before.get("decisions", {}), written)
        if (
            detail.minutes_published
            and not meeting.minutes_locked
            and meeting.status == Meeting.Status.HELD
        ):
            # Minutes ModernGov publishes are the council's record: public, and locked
            # (a later change there is appended as a correction).
            meeting.minutes_approved_on = timezone.localdate()
            meeting._change_reason = f"{self.reason}: minutes published"
            meeting.save(update_fields=["minutes_approved_on"])
        self._note_papers(synced, detail, items)

        synced.fingerprint = fp
        synced.written = written
        synced.synced_at = timezone.now()
        synced.last_error = ""
        synced.save()
        return outcome

    def _meeting_key(self, on: date, moderngov_id: int) -> str:
        # The importer's key for a meeting of this body on this day, so that publishing
        # one of its papers files the records under this meeting, not a copy of it.
        key = f"meeting:{slug(self.body.name, 80)}:{on.isoformat()}"
        taken = Meeting.private_objects.filter(source_key=key).exclude(
            moderngov__moderngov_id=moderngov_id
        )
        return f"{key}:mg{moderngov_id}" if taken.exists() else key

    # --- agenda ---------------------------------------------------------------------------

    def _write_items(self, meeting: Meeting, detail: MeetingDetail, before: dict, after: dict):
        """The agenda items, in ModernGov's order; returns {ModernGov id: AgendaItem}."""
        existing = {i.pk: i for i in AgendaItem.private_objects.filter(meeting=meeting)}
        out: dict[int, AgendaItem] = {}
        used: set[str] = set()
        for position, entry in enumerate(detail.items, start=1):
            source_key = self._item_key(meeting, entry.number or f"p{position}", used)
            key = str(entry.id)
            was = before.get(key, {})
            item = existing.get(was.get("pk"))
            values = {
                "number": entry.number,
                "position": position,
                "title": entry.title,
                "restricted": entry.restricted,
            }
            minutes = entry.minutes if detail.minutes_published else ""
            if item is None:
                item = AgendaItem(
                    meeting=meeting,
                    purpose=AgendaItem.Purpose.DECISION if entry.is_decision else "",
                    notes=minutes,
                    source_key=source_key,
                    **values,
                )
                self._save(item)
                after[key] = {
                    "pk": item.pk,
                    "notes": minutes,
                    **{k: _json(v) for k, v in values.items()},
                }
            else:
                mine = {"pk": item.pk}
                label = f"Item {item.number or position}: {item.title}"[:300]
                changed = [
                    f
                    for f, v in values.items()
                    if self._put(item, label, "agenda_item", f, v, was, mine)
                ]
                if meeting.minutes_locked:
                    mine["notes"] = was.get("notes", item.notes)
                    if minutes and minutes != mine["notes"]:
                        self._correct(meeting, item, minutes)
                        mine["notes"] = minutes
                elif self._put(item, label, "agenda_item", "notes", minutes, was, mine):
                    changed.append("notes")
                if item.source_key != source_key:  # renumbered, or the meeting moved
                    item.source_key = source_key
                    changed.append("source_key")
                if changed:
                    self._save(item, changed)
                after[key] = mine
            out[entry.id] = item
        self._remove_items(meeting, existing, before, after, out)
        return out

    @staticmethod
    def _item_key(meeting: Meeting, number: str, used: set[str]) -> str:
        # The importer's key for the item of this number on this meeting's agenda, so
        # that publishing the meeting's agenda or minutes finds these items rather than
        # adding them again (the same number twice gets ':2', as the importer does).
        base = f"{meeting.source_key}:agenda:{number}"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}:{n}"
        used.add(key)
        return key[:300]

    def _remove_items(self, meeting, existing, before, after, kept) -> None:
        """Items gone from ModernGov's agenda go from Oversight's, unless something was
        recorded under them here (or the minutes are approved): then a conflict."""
        kept_pks = {i.pk for i in kept.values()}
        for key, was in before.items():
            item = existing.get(was.get("pk"))
            if item is None or item.pk in kept_pks:
                continue
            recorded = (
                meeting.minutes_locked
                or TrackedItem.private_objects.filter(agenda_item=item).exists()
                or Paper.private_objects.filter(
                    agenda_item=item, uploaded_by__isnull=False
                ).exists()
            )
            if recorded:
                self._conflict(
                    "agenda_item",
                    item.pk,
                    f"Item {item.number}: {item.title}",
                    "removed",
                    False,
                    True,
                )
                after[key] = was
                continue
            Decision.private_objects.filter(agenda_item=item).delete()
            item._change_reason = f"{self.reason}: taken off the agenda"
            item.delete()

    def _correct(self, meeting: Meeting, item: AgendaItem | None, text: str) -> None:
        Correction.objects.create(
            meeting=meeting, agenda_item=item, text=text, reason=f"{self.reason}: changed there"
        )

    # --- decisions ------------------------------------------------------------------------

    def _write_decisions(self, meeting, detail, items, before: dict, written: dict) -> None:
        after = written["decisions"]
        existing = {d.pk: d for d in Decision.private_objects.filter(meeting=meeting)}
        for entry in detail.items:
            if not entry.decision:
                continue
            key = str(entry.id)
            was = before.get(key, {})
            decision = existing.get(was.get("pk"))
            item = items[entry.id]
            if decision is None and not meeting.minutes_locked:
                decision = Decision(
                    meeting=meeting,
                    agenda_item=item,
                    text=entry.decision,
                    restricted=item.restricted,
                )
                self._save(decision)
                after[key] = {"pk": decision.pk, "text": entry.decision}
            elif decision is None or meeting.minutes_locked:
                if entry.decision != was.get("text"):
                    self._correct(meeting, item, entry.decision)
                after[key] = {"pk": was.get("pk"), "text": entry.decision}
            else:
                mine = {"pk": decision.pk}
                label = f"Decision on item {item.number}"
                if self._put(decision, label, "decision", "text", entry.decision, was, mine):
                    self._save(decision, ["text"])
                after[key] = mine

    # --- attendance -----------------------------------------------------------------------

    def _write_attendance(self, meeting, detail: MeetingDetail, before: dict, after: dict) -> None:
        existing = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
        seen: set[int] = set()
        for attendee in detail.attendees:
            person = self.people.find(attendee)
            if person.pk in seen:
                continue
            seen.add(person.pk)
            key = str(person.pk)
            status = attendance_status(attendee.attendance)
            was = before.get(key, {})
            row = existing.get(person.pk)
            mine = {"as": attendee.attendance, "role": attendee.role}
            if row is None:
                row = Attendance(meeting=meeting, person=person, status=status)
                self._save(row)
                mine["status"] = status
            elif self._put(
                row, f"Attendance of {person}", "attendance", "status", status, was, mine
            ):
                self._save(row, ["status"])
            after[key] = mine
            self._seat(person, attendee.role)
        for person_id, row in existing.items():
            if (
                person_id not in seen
                and str(person_id) in before
                and row.status == before[str(person_id)].get("status")
            ):
                row._change_reason = self.reason
                row.delete()
        if meeting.chair_id is None and (chair := self._chair(detail)) is not None:
            meeting.chair = chair  # a chair named only once the meeting was held
            self._save(meeting, ["chair"])

    def _chair(self, detail: MeetingDetail) -> Person | None:
        for attendee in detail.attendees:
            if (
                seat_of(attendee.role) == Membership.Role.CHAIR
                and attendance_status(attendee.attendance) == Attendance.Status.PRESENT
            ):
                return self.people.find(attendee)
        return None

    def _seat(self, person: Person, role: str) -> None:
        if not role:
            return
        seat = seat_of(role)
        current = self.seats.get(person.pk)
        if current is None:
            current = Membership(person=person, body=self.body, role=seat)
            self._save(current)
            self.seats[person.pk] = current
        elif current.role != seat and seat != Membership.Role.OFFICER:
            current.role = seat
            self._save(current, ["role"])

    # --- papers ---------------------------------------------------------------------------

    def _note_papers(self, synced: SyncedMeeting, detail: MeetingDetail, items) -> None:
        """Each linked document is noted once; papers.py downloads the new ones."""
        known = {p.attachment_id: p for p in SyncedPaper.objects.filter(synced_meeting=synced)}
        wanted: list[tuple[LinkedDocument, AgendaEntry | None]] = [
            (d, None) for d in detail.documents
        ]
        for entry in detail.items:
            wanted += [(d, entry) for d in entry.documents]
        for doc, entry in wanted:
            item = items.get(entry.id) if entry else None
            restricted = doc.restricted or bool(entry and entry.restricted)
            paper = known.get(doc.id)
            if paper is None:
                paper = SyncedPaper(
                    synced_meeting=synced,
                    attachment_id=doc.id,
                    agenda_item=item,
                    title=doc.title[:300],
                    url=doc.url[:1000],
                    restricted=restricted,
                    status=SyncedPaper.Status.LINK if doc.is_link else SyncedPaper.Status.NEW,
                )
                self._save(paper)
                known[doc.id] = paper
                self.papers_found += 1
            elif restricted and not paper.restricted:
                paper.restricted = True
                self._save(paper, ["restricted"])
                if paper.paper_id:
                    p = Paper.private_objects.get(pk=paper.paper_id)
                    p.restricted = True
                    self._save(p, ["restricted"])


def apply_meeting(
    writer: MeetingWriter, listed: MeetingListed, detail: MeetingDetail, fingerprint: str
) -> str:
    """Write one meeting whole or not at all: "new" or "changed"."""
    with transaction.atomic():
        synced = (
            SyncedMeeting.objects.select_for_update()
            .filter(committee=writer.committee, moderngov_id=detail.id)
            .first()
        )
        return writer.write(synced, listed, detail, fingerprint)
