"""ModernGov sync bench.

Serves, from a real local HTTP server (tests/moderngov/fake_site.py), a synthetic site of
50 committees x 40 meetings x 10 agenda items (with five attendees each), follows every
committee in the benches' throwaway SQLite site (bench/django_site.py), and syncs it
twice, both in this run:

- `moderngov_meetings_per_second`: meetings written per second by the first sync;
- `moderngov_resync_seconds`: seconds for a second sync when nothing has changed (every
  meeting is still listed and asked for, and skipped by its fingerprint);
- `moderngov_resync_speedup`: the first sync's time over the second's. Target >= 10.
"""

from __future__ import annotations

import time
from datetime import date

from dateutil.relativedelta import relativedelta

from bench.django_site import site

COMMITTEES, MEETINGS, ITEMS, ATTENDEES = 50, 40, 10, 5
FIRST = date(2024, 1, 8)


def _meeting_xml(mid: int, on: date, cid: int) -> str:
    items = "".join(
        f"<agendaitem><agendaitemid>{mid * 100 + n}</agendaitemid>"
        f"<agendaitemtitle>Item {n} of meeting {mid}: Members&amp;#39; report</agendaitemtitle>"
        f"<agendaitemnumber>{n}</agendaitemnumber>"
        f"<fulldisplaynumberformat>{n}.</fulldisplaynumberformat>"
        "<agendatext>&lt;p&gt;To note.&lt;/p&gt;</agendatext><minutesnonemptyhtmlbody>"
        f"&lt;p&gt;Minutes of item {n}.&lt;/p&gt;</minutesnonemptyhtmlbody>"
        "<isdecision>False</isdecision><isrestricted>False</isrestricted></agendaitem>"
        for n in range(1, ITEMS + 1)
    )
    roles = ["Chair", "Vice-Chair", "Committee Member", "Committee Member", "Officer"]
    attendance = [
        "Present, as expected",
        "Present, as expected",
        "Apologies",
        "Absent",
        "In attendance",
    ]
    attendees = "".join(
        f'<attendee memberid="{cid * 10 + n}" name="Councillor Member{cid}x{n} Bench" '
        f'roledescription="{roles[n]}" attendance="{attendance[n]}" politicalparty="" '
        'representing="" />'
        for n in range(ATTENDEES)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><meeting>'
        f"<meetingid>{mid}</meetingid><meetingdate>{on:%d/%m/%Y}</meetingdate>"
        "<meetingstatus>Confirmed</meetingstatus><meetingtime>6.00 pm</meetingtime>"
        "<meetingplannedfinishtime>8.00 pm</meetingplannedfinishtime>"
        "<meetinglocation>Town Hall</meetinglocation><agendapublished>True</agendapublished>"
        "<decisionpublished>False</decisionpublished><minutepublished>False</minutepublished>"
        f"<agendaitems>{items}</agendaitems><attendees>{attendees}</attendees></meeting>"
    )


def _fake_site():
    from tests.moderngov.fake_site import FakeSite, Listed

    committees = "".join(
        f"<committee><committeeid>{c}</committeeid><committeetitle>Bench Committee {c}"
        "</committeetitle><committeedeleted>False</committeedeleted>"
        "<committeeexpired>False</committeeexpired></committee>"
        for c in range(1, COMMITTEES + 1)
    )
    count = f"<committeescount> {COMMITTEES}</committeescount>"
    fake = FakeSite(committees=f"<committees>{count}{committees}</committees>")
    for c in range(1, COMMITTEES + 1):
        fake.listing[c] = []
        for n in range(MEETINGS):
            # Two meetings a month; ids that do not increase with the date.
            mid = c * 1000 + (MEETINGS - n)
            on = FIRST + relativedelta(months=n // 2, days=14 * (n % 2))
            fake.listing[c].append(Listed(mid, on))
            fake.meetings[mid] = _meeting_xml(mid, on, c)
    return fake


def run() -> dict[str, float]:
    site()
    from django.conf import settings

    from oversight.moderngov import operations
    from oversight.moderngov.replies import Committee
    from oversight.moderngov.sync import sync_all
    from tests.moderngov.fake_site import Server

    settings.MODERNGOV_REQUEST_INTERVAL = 0
    settings.MODERNGOV_ALLOW_HTTP = True  # the synthetic site is served over plain http
    fake = _fake_site()
    with Server(fake) as base:
        mg = operations.connect_site(base)
        operations.follow_committees(
            mg,
            [Committee(c, f"Bench Committee {c}") for c in range(1, COMMITTEES + 1)],
            since=FIRST,
        )
        started = time.perf_counter()
        first = sync_all(since=FIRST, read_papers=False)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        second = sync_all(since=FIRST, read_papers=False)
        resync_seconds = time.perf_counter() - started
    wanted = COMMITTEES * MEETINGS
    if first.new != wanted or second.unchanged != wanted or first.failures or second.failures:
        raise RuntimeError(f"sync went wrong: {first.summary()} / {second.summary()}")
    return {
        "moderngov_meetings_per_second": first.new / first_seconds,
        "moderngov_resync_seconds": resync_seconds,
        "moderngov_resync_speedup": first_seconds / resync_seconds,
    }
