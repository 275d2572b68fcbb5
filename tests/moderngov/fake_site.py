"""A council's ModernGov site, served from this machine by a real HTTP server
(http.server in a thread), so the connector talks to it over HTTP exactly as it would
to a council.

GetCommittees and GetMeeting answer with hand-written XML files (fixtures/, in the shapes
of docs in /work/shared/design/moderngov.md; `{base}` in them is the server's address).
GetMeetings is answered from `listing` in the service's shape, honouring the window
asked for in dd/mm/yyyy and, as the real service does, returning every meeting of the
committee when the dates are in any other form. `failures` queues replies to give
instead (an HTML error page, a 403, a 500) for a given operation; `requests` records
what was asked.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).with_name("fixtures")


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@dataclass
class Listed:
    id: int
    date: date
    status: str = "Confirmed"
    time: str = "7.00 pm"


@dataclass
class FakeSite:
    committees: str = ""
    listing: dict[int, list[Listed]] = field(default_factory=dict)
    meetings: dict[int, str] = field(default_factory=dict)
    files: dict[int, tuple[bytes, str]] = field(default_factory=dict)
    failures: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get_meetings(self, query: dict) -> str:
        cid = int(query.get("lCommitteeId", "0") or 0)
        rows = self.listing.get(cid, [])
        start, end = (
            _service_date(query.get("sFromDate", "")),
            _service_date(query.get("sToDate", "")),
        )
        if start and end:
            rows = [m for m in rows if start <= m.date < end]
        # Real sites ignore an ISO (or missing) date and return everything.
        title = f"Committee {cid}"
        found = re.search(
            rf"<committeeid>\s*{cid}\s*</committeeid>\s*<committeetitle>([^<]*)<", self.committees
        )
        if found:
            title = found[1]
        meetings = "".join(
            f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{m.date:%d/%m/%Y}</meetingdate>"
            f"<meetingstatus>{m.status}</meetingstatus><meetingtime>{m.time}</meetingtime>"
            "<iswebcast>False</iswebcast></meeting>"
            for m in rows
        )
        if not rows:
            # A committee with no meetings comes back with the counts only.
            return (
                '<?xml version="1.0" encoding="utf-8"?><getmeetings><meetingscount> 0'
                "</meetingscount><committeescount> 1</committeescount></getmeetings>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?><getmeetings>'
            f"<meetingscount> {len(rows)}</meetingscount><committeescount> 1</committeescount>"
            f"<committee><committeeid>{cid}</committeeid><committeetitle>{title}</committeetitle>"
            f"<committeemeetingcount> {len(rows)}</committeemeetingcount>"
            f"<committeemeetings>{meetings}</committeemeetings></committee></getmeetings>"
        )


def _service_date(value: str) -> date | None:
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError:
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        site: FakeSite = self.server.site
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
        operation = parts.path.rsplit("/", 1)[-1]
        with site.lock:
            site.requests.append((operation, query))
            site.agents.add(self.headers.get("User-Agent", ""))
            which = query.get("lMeetingId") or query.get("lCommitteeId") or query.get("ID")
            key = f"{operation}:{which or ''}"
            queued = site.failures.get(key) or site.failures.get(operation)
            failure = queued.pop(0) if queued else None
        if failure:
            status, body, ctype = failure
            return self._send(status, body.encode(), ctype)
        xml = "text/xml; charset=utf-8"
        if operation == "GetCommittees":
            return self._send(200, site.committees.encode(), xml)
        if operation == "GetMeetings":
            return self._send(200, site.get_meetings(query).encode(), xml)
        if operation == "GetMeeting":
            reply = site.meetings.get(int(query.get("lMeetingId", "0") or 0))
            if reply is None:
                return self._send(200, b"", xml)  # an unknown meeting: an empty body
            return self._send(200, reply.replace("{base}", site.base).encode(), xml)
        if operation == "mgConvert2PDF.aspx":
            found = site.files.get(int(query.get("ID", "0") or 0))
            if found is None:
                return self._send(404, b"<html><body>Not found</body></html>", "text/html")
            return self._send(200, found[0], found[1])
        return self._send(404, b"<html><body>Not found</body></html>", "text/html")


class Server:
    """`with Server(site) as base:` serves `site` at `base` (http://127.0.0.1:PORT)."""

    def __init__(self, site: FakeSite):
        self.site = site

    def __enter__(self) -> str:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.site = self.site
        self.site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self.site.base

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
