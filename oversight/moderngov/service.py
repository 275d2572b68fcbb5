"""Talking to a ModernGov web service (`<base>/mgWebService.asmx/<Operation>`) over
HTTP, as politely and warily as a council's service needs.

- One request at a time, at most one per `interval` seconds (settings
  `MODERNGOV_REQUEST_INTERVAL`), with an honest User-Agent naming a contact.
- Network errors and 5xx are retried with back-off (`attempts`, `backoff`); 4xx never:
  a 403 means the council blocks unknown clients or has switched the service off.
- A reply is checked before it is parsed: an empty body or an HTML page is an error
  with a message for the officer, and XML is parsed by defusedxml, which refuses DTDs
  and entities.
- Files are fetched only from the site's own host (redirects elsewhere are refused),
  within a size limit.

`ServiceError` carries a message in the officer's words; nothing else escapes.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException
from django.conf import settings

ENDPOINT = "mgWebService.asmx"


class ServiceError(Exception):
    """The service could not be asked, or did not answer with data."""


def site_root(url: str) -> str:
    """The site's root as the officer gives it, without the service's own path:
    'https://x.moderngov.co.uk/mgWebService.asmx/GetCommittees' -> 'https://x.moderngov.co.uk'.
    Raises ServiceError for anything that is not an http(s) address with a host."""
    url = (url or "").strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ServiceError("Give the site's address, starting https://")
    if parts.scheme == "http" and not settings.MODERNGOV_ALLOW_HTTP:
        raise ServiceError(
            "Give the site's https:// address: this installation does not fetch from plain "
            "http sites"
        )
    path = parts.path
    lowered = path.lower()
    if ENDPOINT.lower() in lowered:
        path = path[: lowered.index(ENDPOINT.lower())]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path.rstrip("/"), "", ""))


def local_name(tag: str) -> str:
    """An element's name without its namespace (SOAP replies carry one)."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, host: str):
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl))
        if (target.hostname or "").lower() != self.host:
            raise ServiceError(f"The site sent us to another host ({target.hostname}): refused.")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Reply:
    body: bytes
    content_type: str


@dataclass
class ModernGovService:
    """One council's service at `base` (its root, see `site_root`)."""

    base: str
    interval: float | None = None
    attempts: int = 3
    backoff: float = 0.5
    timeout: float = 30.0
    requests_made: int = field(default=0, init=False)
    _last: float = field(default=0.0, init=False)

    def __post_init__(self):
        self.base = site_root(self.base)
        self.host = (urllib.parse.urlsplit(self.base).hostname or "").lower()
        if self.interval is None:
            self.interval = float(getattr(settings, "MODERNGOV_REQUEST_INTERVAL", 0.5))
        self._opener = urllib.request.build_opener(_SameHostRedirects(self.host))

    # --- asking ------------------------------------------------------------------------

    def call(self, operation: str, **params) -> Element:
        """The parsed reply of `operation`: its root element, unwrapped from SOAP."""
        return self.ask(operation, **params)[0]

    def ask(self, operation: str, **params) -> tuple[Element, bytes]:
        """The parsed reply of `operation` and its bytes as sent."""
        query = urllib.parse.urlencode(params)
        url = f"{self.base}/{ENDPOINT}/{operation}" + (f"?{query}" if query else "")
        reply = self._get(url, what=operation)
        return parse_reply(reply.body, operation), reply.body

    def committees(self):
        from .replies import read_committees

        return read_committees(self.call("GetCommittees"))

    def fetch_file(self, url: str, *, max_bytes: int) -> Reply:
        """A file from the site's own host, refused beyond `max_bytes`."""
        absolute = urllib.parse.urljoin(self.base + "/", url)
        host = (urllib.parse.urlsplit(absolute).hostname or "").lower()
        if host != self.host:
            raise ServiceError(f"The paper is on another host ({host}): not downloaded.")
        return self._get(absolute, what="the paper", max_bytes=max_bytes)

    def _wait_turn(self) -> None:
        wait = self._last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last = time.monotonic()

    def _get(self, url: str, *, what: str, max_bytes: int | None = None) -> Reply:
        contact = getattr(settings, "MODERNGOV_CONTACT", "") or settings.DEFAULT_FROM_EMAIL
        request = urllib.request.Request(
            url,
            headers={
                "User-Agent": f"Oversight scrutiny tracker ({settings.COUNCIL_NAME}; {contact})",
                "Accept": "text/xml, application/xml, application/pdf, */*;q=0.1",
            },
        )
        last_problem = ""
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_turn()
            self.requests_made += 1
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    limit = max_bytes if max_bytes is not None else _XML_LIMIT
                    declared = response.headers.get("Content-Length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise ServiceError(f"{what} is larger than {limit // 1048576} MB.")
                    body = response.read(limit + 1)
                    if len(body) > limit:
                        raise ServiceError(f"{what} is larger than {limit // 1048576} MB.")
                    return Reply(body, response.headers.get("Content-Type", ""))
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    raise ServiceError(_refusal(exc.code, what)) from None
                last_problem = f"the service failed ({exc.code})"
            except _NETWORK_ERRORS as exc:
                reason = getattr(exc, "reason", exc)
                last_problem = f"the service could not be reached ({reason})"
        raise ServiceError(f"Asking for {what}: {last_problem}, after {self.attempts} tries.")


_NETWORK_ERRORS = (TimeoutError, urllib.error.URLError, ConnectionError, http.client.HTTPException)
# A GetMeetings reply asked with a date it ignored can hold thousands of meetings.
_XML_LIMIT = 64 * 1024 * 1024


def _refusal(code: int, what: str) -> str:
    if code in (401, 403):
        return (
            f"The service refused to answer {what} ({code}): the council may block unknown "
            "clients or have switched the web service off. Ask them to allow Oversight."
        )
    if code == 404:
        return f"There is no ModernGov web service at this address ({what}: 404)."
    return f"The service refused {what} ({code})."


def parse_reply(body: bytes, operation: str) -> Element:
    """The data element of a reply, checked: not empty, not an HTML page, well-formed
    XML without DTD or entities; a SOAP envelope is unwrapped to its result."""
    text = body.lstrip()
    if not text:
        raise ServiceError(f"{operation}: the service sent an empty reply.")
    head = text[:200].lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        raise ServiceError(
            f"{operation}: the service sent a web page instead of data (it may be switched "
            "off, or the address may not be a ModernGov site)."
        )
    try:
        root = safe_xml.fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise ServiceError(f"{operation}: the reply declared a DTD or entities: refused.") from None
    except safe_xml.ParseError as exc:
        raise ServiceError(f"{operation}: the reply is not well-formed XML ({exc}).") from None
    if local_name(root.tag) == "envelope":
        result = next(
            (e for e in root.iter() if local_name(e.tag) == f"{operation.lower()}result"), None
        )
        if result is None or len(result) == 0:
            raise ServiceError(f"{operation}: the SOAP reply held no result.")
        root = result[0]
    return root
