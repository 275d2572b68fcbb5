"""Meetings: an agenda or minutes becomes a `Meeting` of its body (the one it names, or
the one the officer chose), with its attendees, agenda items, questions and the actions
agreed."""

from __future__ import annotations

import re

from django.utils import timezone

from oversight.meetings.models import AgendaItem, Attendance, Meeting

from .base import slug
from .checking import as_date, as_time

_URL = re.compile(
    r"(?:https?://\S+|www\.\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|uk|net|gov|nhs|io)/\S*)",
    re.IGNORECASE,
)


class MeetingRecords:
    """The loader's part that writes a meeting and what hangs from it."""

    meeting_key = ""

    def load_meeting(self) -> Meeting:
        m = self.data["meeting"] or {}
        body = self.chosen_body() or self.body(m["body"])
        on = as_date(m.get("date")) or self.doc_date
        self.meeting_key = f"meeting:{slug(body.name, 80)}:{on.isoformat()}"
        venue = (m.get("venue") or "").strip()
        link = ""
        if venue and _URL.fullmatch(venue):
            link, venue = venue, ""
        if link and not link.lower().startswith(("http://", "https://")):
            link = "https://" + link
        chair = self.person(m["chair"]) if m.get("chair") else None
        held = self.doc["kind"] == "minutes" or on < timezone.localdate()
        values = {
            "body": body,
            "title": (self.doc["title"] or "").strip()[:300],
            "date": on,
            "start": as_time(m.get("start")),
            "end": as_time(m.get("end")),
            "venue": venue[:300],
            "online_link": link[:200],
        }
        if self.source_name:
            values["source_document"] = self.source_name[:300]
        if self.publish:
            values["published"] = True
        meeting, _ = self.sync(
            Meeting,
            "meeting",
            {"source_key": self.meeting_key},
            values,
            on_create={"status": Meeting.Status.HELD if held else Meeting.Status.SCHEDULED},
            fill={"chair": chair},
        )
        self.report.meeting = meeting

        attendees = []
        for a in self.data["attendees"]:
            org = self.organisation(a["organisation"]) if a["organisation"] else None
            person = self.person(a["name"], org)
            if person not in attendees:
                attendees.append(person)
            self.sync(
                Attendance,
                "attendance",
                {"meeting": meeting, "person": person},
                {"status": Attendance.Status.PRESENT},
            )

        for position, a in enumerate(self.data["agenda_items"], start=1):
            number = a["number"] or ""
            key = self.unique_key(f"{self.meeting_key}:agenda:{number or f'p{position}'}")
            self.sync(
                AgendaItem,
                "agenda_item",
                {"source_key": key},
                {
                    "meeting": meeting,
                    "number": number,
                    "position": position,
                    "title": (a["title"] or f"Item {number or position}")[:500],
                    "start": as_time(a["start"]),
                    "duration_minutes": a["duration_minutes"],
                    "presenters": list(a["presenters"]),
                },
            )

        for a in self.data["actions"]:
            self.load_action(meeting, a, attendees, chair)

        for q in self.data["questions"]:
            self.load_question(q, meeting=meeting)
        return meeting
