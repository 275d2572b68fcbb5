"""A sync: for each committee followed, its meetings in month windows (GetMeetings, dates
sent dd/mm/yyyy and the reply filtered to the window again on our side), then each
meeting (GetMeeting) written whole or not at all (writing.py), then the new papers
downloaded and queued with the importer (papers.py).

A meeting whose reply is the same as last time (its fingerprint, a hash of the reply)
is skipped without being read, which is what makes a sync with nothing new quick.

Failures are reported per committee (its meetings could not be listed: nothing of it is
written) and per meeting or paper (that one is skipped; the others go on), kept on the
committee or meeting and in the `SyncRun`, and summed up in one line for cron.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils import timezone

from . import papers
from .models import SOURCE, FollowedCommittee, Site, SyncedMeeting, SyncRun
from .replies import MeetingListed, read_meeting, read_meetings, service_date
from .service import ModernGovService, ServiceError
from .writing import MeetingWriter, People, apply_meeting

# Without --since, a committee already synced is read again from this far back (minutes
# are published weeks after a meeting), and every sync reads this far ahead.
LOOK_BACK = timedelta(days=183)
LOOK_AHEAD = relativedelta(months=12)


@dataclass
class SyncProgress:
    committees_total: int = 0
    committees_done: int = 0
    meetings_total: int = 0
    meetings_done: int = 0
    papers_total: int = 0
    papers_done: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    papers_queued: int = 0
    papers_refused: int = 0
    papers_read: int = 0
    conflicts: int = 0
    requests: int = 0
    failures: list[dict] = field(default_factory=list)

    def fail(self, where: str, message: str) -> None:
        self.failures.append({"where": where, "problem": message})

    def progress_line(self) -> str:
        return (
            f"committees {self.committees_done}/{self.committees_total}, "
            f"meetings {self.meetings_done}/{self.meetings_total}, "
            f"papers {self.papers_done}/{self.papers_total}"
        )

    def summary(self) -> str:
        """One line for cron's mail."""
        return (
            f"ModernGov sync: {_n(self.committees_done, 'committee')}, "
            f"{_n(self.meetings_done, 'meeting')} ({self.new} new, {self.changed} changed, "
            f"{self.unchanged} unchanged), {_n(self.papers_queued, 'paper')} queued for "
            f"checking, {self.papers_refused} refused, {_n(self.conflicts, 'conflict')} to "
            f"resolve, {_n(len(self.failures), 'failure')}"
        )

    def counts(self) -> dict:
        return {
            k: v for k, v in self.__dict__.items() if isinstance(v, int) and not isinstance(v, bool)
        }


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def month_windows(start: date, end: date) -> list[tuple[date, date]]:
    """[from, to) windows of a month from `start` up to `end` (`sToDate` is exclusive)."""
    out = []
    while start < end:
        nxt = min(start + relativedelta(months=1), end)
        out.append((start, nxt))
        start = nxt
    return out


def fingerprint(committee_id: int, reply: bytes, *, past: bool) -> str:
    """What the meeting's records follow from: its committee, the reply, and whether its
    day has passed (a meeting is held once it has, though the reply may not change)."""
    head = f"{committee_id}:{'past' if past else 'coming'}:".encode()
    return hashlib.sha256(head + reply).hexdigest()


def reason_for(site: Site) -> str:
    return f"Synced from {SOURCE} ({site.host})"


def list_meetings(
    service: ModernGovService, committee: FollowedCommittee, start: date, end: date
) -> list[MeetingListed]:
    """The committee's meetings with start <= date < end, each once, by date."""
    found: dict[int, MeetingListed] = {}
    for a, b in month_windows(start, end):
        root = service.call(
            "GetMeetings",
            lCommitteeId=committee.committee_id,
            sFromDate=service_date(a),
            sToDate=service_date(b),
        )
        for m in read_meetings(root, committee.committee_id):
            if a <= m.date < b:  # a site that ignored the dates sent everything
                found[m.id] = m
    return sorted(found.values(), key=lambda m: (m.date, m.id))


def sync_site(
    site: Site,
    *,
    since: date | None = None,
    committees: list[FollowedCommittee] | None = None,
    read_papers: bool = True,
    service: ModernGovService | None = None,
    progress: SyncProgress | None = None,
    on_progress: Callable[[SyncProgress], None] | None = None,
) -> SyncProgress:
    """Sync the committees followed on `site` (or those given); see the module's doc."""
    service = service or ModernGovService(site.base_url)
    progress = progress or SyncProgress()
    tell = on_progress or (lambda p: None)
    reason = reason_for(site)
    if committees is None:
        committees = list(
            FollowedCommittee.objects.filter(site=site, following=True).select_related(
                "body", "site"
            )
        )
    progress.committees_total += len(committees)
    today = timezone.localdate()
    for committee in committees:
        start = since or (
            committee.backfill_from if committee.last_synced_at is None else today - LOOK_BACK
        )
        try:
            listed = list_meetings(service, committee, start, today + LOOK_AHEAD)
        except ServiceError as exc:
            progress.fail(f"{committee.title} (committee {committee.committee_id})", str(exc))
            FollowedCommittee.objects.filter(pk=committee.pk).update(last_error=str(exc))
            progress.committees_done += 1
            tell(progress)
            continue
        progress.meetings_total += len(listed)
        tell(progress)
        failed_before = len(progress.failures)
        _sync_meetings(service, committee, listed, progress, tell, reason)
        FollowedCommittee.objects.filter(pk=committee.pk).update(
            last_synced_at=timezone.now(),
            last_error="; ".join(f["problem"] for f in progress.failures[failed_before:])[:2000],
        )
        progress.committees_done += 1
        tell(progress)
    _sync_papers(service, site, progress, tell, reason, read_papers)
    Site.objects.filter(pk=site.pk).update(last_synced_at=timezone.now())
    progress.requests += service.requests_made
    return progress


def _sync_meetings(service, committee, listed, progress, tell, reason) -> None:
    known = dict(
        SyncedMeeting.objects.filter(committee=committee).values_list("moderngov_id", "fingerprint")
    )
    writer = MeetingWriter(committee, People(committee, reason), reason)
    today = timezone.localdate()
    for m in listed:
        where = f"{committee.title}, meeting {m.id} of {m.date:%d/%m/%Y}"
        try:
            root, body = service.ask("GetMeeting", lMeetingId=m.id)
            fp = fingerprint(committee.committee_id, body, past=m.date < today)
            if known.get(m.id) == fp:
                progress.unchanged += 1
            else:
                detail = read_meeting(root)
                if detail.id != m.id:
                    raise ValueError(f"the reply was for meeting {detail.id}")
                before = writer.conflicts
                outcome = apply_meeting(writer, m, detail, fp)
                progress.conflicts += writer.conflicts - before
                setattr(progress, outcome, getattr(progress, outcome) + 1)
        except (ServiceError, ValueError, ValidationError, DatabaseError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            progress.fail(where, message)
            SyncedMeeting.objects.filter(committee=committee, moderngov_id=m.id).update(
                last_error=message[:2000]
            )
        progress.meetings_done += 1
        tell(progress)


def _sync_papers(service, site, progress, tell, reason, read_papers: bool) -> None:
    todo = papers.waiting(site)
    progress.papers_total += len(todo)
    tell(progress)
    queued = []
    for paper in todo:
        where = (
            f"{paper.synced_meeting.committee.title}, paper {paper.attachment_id} ({paper.title})"
        )
        try:
            content = papers.fetch_pdf(service, paper)
            done = papers.queue_paper(paper, content, reason=reason)
            if done.imported_id:
                queued.append(done)
                progress.papers_queued += 1
        except ServiceError as exc:
            papers.refuse(paper, str(exc), reason=reason)
            progress.papers_refused += 1
            progress.fail(where, str(exc))
        progress.papers_done += 1
        tell(progress)
    if read_papers:
        progress.papers_read += papers.read_queued(queued)


def sync_all(
    *, since: date | None = None, read_papers: bool = True, on_progress=None
) -> SyncProgress:
    """Sync every site with committees followed, and log the run."""
    run = SyncRun.objects.create()
    progress = SyncProgress()
    for site in Site.objects.filter(committees__following=True).distinct():
        sync_site(
            site, since=since, read_papers=read_papers, progress=progress, on_progress=on_progress
        )
    run.finished_at = timezone.now()
    run.summary = progress.summary()
    run.counts = progress.counts()
    run.failures = progress.failures
    run.save()
    return progress
