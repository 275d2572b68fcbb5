"""A fixture site served over HTTP from this machine (fake_site.py), and the connector
set to ask it without waiting between requests."""

from __future__ import annotations

import io
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.browser.conftest import browser, site  # noqa: F401

from .fake_site import FakeSite, Listed, Server, fixture

pytestmark = pytest.mark.django_db


def pdf_of(*lines: str) -> bytes:
    """A small real PDF with these lines of text."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    y = 780
    for line in lines:
        page.drawString(72, y, line)
        y -= 18
    page.save()
    return out.getvalue()


REPORT = pdf_of(
    "Living in Hackney Scrutiny Commission",
    "Temporary Accommodation Review",
    "15 October 2025",
    "Recommendations",
    "Recommendation 1: The Council should publish its temporary accommodation figures monthly.",
    "Recommendation 2: The Council should review the cost of nightly paid accommodation.",
)


def build_site() -> FakeSite:
    return FakeSite(
        committees=fixture("committees.xml"),
        listing={
            101: [
                Listed(5001, date(2025, 10, 15)),
                Listed(5002, date(2025, 11, 12), time="6.30 pm"),
                # Long ago: only a site that ignored the dates asked for would send it.
                Listed(5999, date(2019, 1, 10)),
            ],
            102: [Listed(6001, date(2025, 11, 20), status="Cancelled", time="10.00 am")],
            103: [],
        },
        meetings={
            5001: fixture("meeting_5001.xml"),
            5002: fixture("meeting_5002.xml"),
            6001: fixture("meeting_6001.xml"),
            5999: fixture("meeting_5002.xml").replace("5002", "5999"),
        },
        files={
            9001: (REPORT, "application/pdf"),
            9003: (pdf_of("Exempt appendix ZZEXEMPTPAPERQ7"), "application/pdf"),
            9004: (b"<html><body>Agenda frontsheet</body></html>", "text/html"),
        },
    )


@pytest.fixture(autouse=True)
def quick_connector(settings):
    settings.MODERNGOV_REQUEST_INTERVAL = 0


@pytest.fixture
def mg_site():
    fake = build_site()
    with Server(fake):
        yield fake


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users need passwords, not slow hashes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
