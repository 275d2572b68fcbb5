"""The upload, review and publish journey in a real browser, with axe-core on every page.
The worker's real loop (`oversight worker`) reads the uploads beside the live server, in
a thread of this process because the test database lives here, and the progress page is
watched updating itself (htmx polling) while the worker is held at its first step."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from django.db import connection
from django.db.backends.signals import connection_created
from playwright.sync_api import expect

from oversight.directory.models import Organisation, Person
from oversight.ingest import sandbox
from oversight.ingest.models import ImportedDocument
from oversight.tracker.models import Recommendation, TrackedItem
from oversight.worker.loop import Worker
from tests.factories import PASSWORD, OrganisationFactory, PersonFactory

SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "samples"
    / "documents"
    / "cabinet-response-serious-violence-2020.txt"
)
CORRECTED = "Outcome measures for the Integrated Gangs Unit (corrected)"


@pytest.fixture
def held_extraction(monkeypatch):
    """The extractor waits until the test lets it go, so the page can be seen while the
    import is in progress, however fast the machine."""
    started, release = threading.Event(), threading.Event()
    real = sandbox.extract_file

    def held(path, **kwargs):
        started.set()
        release.wait(timeout=60)
        return real(path, **kwargs)

    monkeypatch.setattr(sandbox, "extract_file", held)
    yield started, release
    release.set()


@pytest.fixture
def worker(reads_beside_the_worker):
    """`oversight worker`'s loop, running until the test ends. Its first pass (which
    schedules the day's reminders, a write) is done before the test starts writing: the
    in-memory test database has no busy timeout, so two writers at once would fail."""
    running = Worker(poll_seconds=0.2)
    running.step()
    thread = threading.Thread(target=running.run, name="worker", daemon=True)
    thread.start()
    yield running
    running.stop()
    thread.join(timeout=60)


@pytest.fixture
def reads_beside_the_worker(site):
    """The test database is SQLite in memory, shared between connections with locks on
    whole tables: a page reading the imports while the worker writes one
    would fail with "database table is locked". A database file in WAL mode (as the
    settings make it) or PostgreSQL lets readers read; here, reading uncommitted rows
    stands in for that."""

    def relax(sender=None, connection=connection, **kwargs):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA read_uncommitted = 1")

    connection_created.connect(relax)
    relax()  # the connection the live server's threads share with this one
    yield
    connection_created.disconnect(relax)


def scrutiny_officer() -> Person:
    council = OrganisationFactory(name="London Borough of Hackney", kind=Organisation.Kind.COUNCIL)
    return PersonFactory(
        name="Sam Reid", organisation=council, role=Person.Role.SCRUTINY, user__username="sam"
    )


def upload(site, path: Path) -> None:
    site.visit("/imports/new/")
    site.page.get_by_label("Upload a document").set_input_files(str(path))
    site.page.get_by_role("button", name="Upload and read the document").click()


def when_read(site, status_text: str, link: str) -> None:
    """Wait until the import page shows the file has been read. A small file may be read
    before the page is first drawn (then the page shows the outcome at once); otherwise
    the progress region updates itself and offers `link`."""
    page = site.page
    expect(page).to_have_url(re.compile(r"/imports/\d+/$"))
    if page.get_by_role("heading", level=1).inner_text().startswith("Reading "):
        expect(page.locator("#import-status")).to_contain_text(status_text, timeout=30_000)
        site.check()
        page.get_by_role("link", name=link).click()
    site.check()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.django_db(transaction=True)
def test_scrutiny_officer_uploads_checks_corrects_and_publishes_a_response(
    site, held_extraction, fast_passwords, worker
):
    started, release = held_extraction
    scrutiny_officer()
    page = site.page
    site.sign_in("sam", PASSWORD)

    site.visit("/imports/")
    page.get_by_role("link", name="Upload a document").click()
    site.check()
    page.get_by_label("Upload a document").set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Upload and read the document").click()

    # The progress page, while the worker is held inside the extractor.
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Reading {SAMPLE.name}")
    assert started.wait(timeout=30)
    status = page.locator("#import-status")
    expect(status).to_contain_text("Reading the document and finding its records")
    site.check()
    # Mark this page: if it were reloaded instead of updated in place, the mark would go.
    page.evaluate("window.notReloaded = true")
    release.set()
    expect(status).to_contain_text("ready for review", timeout=30_000)
    assert page.evaluate("window.notReloaded === true")
    site.check()

    page.get_by_role("link", name="Review the records").click()
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Check the records from {SAMPLE.name}"
    )
    page.get_by_role("link", name="Recommendations and responses").click()
    site.check()

    # A recommendation beside the passage it was read from.
    first = page.locator("#recommendations-0")
    expect(first.get_by_role("blockquote")).to_contain_text(
        "We ask that the next update to the Commission"
    )
    expect(first).to_contain_text("Read from page 1, characters")
    recommendation = page.get_by_role("group", name="Recommendation 1", exact=True)
    recommendation.get_by_label("Title").fill(CORRECTED)
    page.get_by_role("button", name="Save and go back to the sections").click()
    site.check()
    expect(page.get_by_role("alert")).to_contain_text("your changes have been saved")

    page.get_by_role("link", name="Commitments").click()
    site.check()
    dropped = ImportedDocument.objects.get().records("commitments")[1]["text"]
    page.get_by_role("group", name="Commitment 2", exact=True).get_by_label("Do not import").check()
    page.get_by_role("button", name="Save and go back to the sections").click()
    site.check()

    page.get_by_role("link", name="Check and publish").click()
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish these records?")
    expect(page.get_by_role("table")).to_contain_text("16 recommendations")
    page.get_by_role("button", name="Publish").click()
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Published")

    page.get_by_role("link", name="Go to the review").click()
    site.check()
    expect(page.get_by_role("link", name=CORRECTED)).to_be_visible()
    assert Recommendation.private_objects.filter(title=CORRECTED, review__published=True).exists()
    assert not TrackedItem.private_objects.filter(text=dropped).exists()


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.django_db(transaction=True)
def test_hostile_file_is_refused_and_the_same_file_twice_is_offered_as_a_reimport(
    site, fast_passwords, tmp_path, worker
):
    scrutiny_officer()
    page = site.page
    site.sign_in("sam", PASSWORD)

    junk = tmp_path / "minutes.txt"
    junk.write_bytes(b"abc\x00\x01\x02" * 100)
    upload(site, junk)
    when_read(site, "The file was refused", "See why")
    expect(page.get_by_role("heading", level=1)).to_have_text("minutes.txt was refused")
    expect(page.locator(".govuk-inset-text")).to_contain_text("binary data")

    upload(site, SAMPLE)
    when_read(site, "ready for review", "Review the records")
    upload(site, SAMPLE)
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("This file has already been imported")
    page.get_by_role("button", name="Yes, re-import it").click()
    when_read(site, "ready for review", "Review the records")
    expect(page.locator(".govuk-inset-text")).to_contain_text("an earlier import")

    # A wrong date is refused beside its field, keeping what was typed.
    page.get_by_role("link", name="Commitments").click()
    first = page.get_by_role("group", name="Commitment 1", exact=True)
    first.get_by_label("Due").fill("next spring")
    page.get_by_role("button", name="Save and go back to the sections").click()
    site.check()
    expect(page.get_by_role("alert")).to_contain_text("Enter a real date")
    expect(first.get_by_label("Due")).to_have_value("next spring")
    assert ImportedDocument.objects.filter(status="ready").count() == 2


REAL_PDF = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "samples"
    / "real"
    / "documents"
    / "uk_gov_response_lords_behaviour_change.pdf"
)
COMMITTEE = "Science and Technology Select Committee"


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
@pytest.mark.django_db(transaction=True)
def test_officer_imports_a_real_pdf_picks_its_body_checks_a_record_by_its_page_and_publishes(
    site, fast_passwords, worker
):
    # A real government response to a Lords committee (read from ../shared, never
    # copied). Nothing below depends on how many records the extractor finds.
    assert REAL_PDF.exists(), f"{REAL_PDF} is missing: the shared samples are needed"
    scrutiny_officer()
    page = site.page
    site.sign_in("sam", PASSWORD)
    upload(site, REAL_PDF)
    when_read(site, "ready for review", "Review the records")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Check the records from {REAL_PDF.name}"
    )

    # The title names no commission the directory has: the officer creates the body.
    tasks = page.locator(".govuk-task-list")
    tasks.get_by_role("link", name="The document and its meeting").click()
    site.check()
    filing = page.get_by_role("group", name="Where the records are filed")
    filing.get_by_label("Body the records are filed under").select_option(
        label="Create a new body named below"
    )
    filing.get_by_label("Name of the new body").fill(COMMITTEE)
    # The Government answers: it owns every commitment no response claims.
    filing.get_by_label("Organisation that responds").select_option(
        label="Create a new organisation named below"
    )
    filing.get_by_label("Name of the new organisation").fill("HM Government")
    page.get_by_role("button", name="Save and go back to the sections").click()
    site.check()
    expect(page.get_by_role("alert")).to_contain_text("your changes have been saved")
    expect(page.locator("main")).not_to_contain_text("cannot tell which scrutiny commission")

    # A recommendation beside its page, the passage marked on the image and in the text.
    tasks.get_by_role("link", name="Recommendations and responses").click()
    site.check()
    first = page.locator("#recommendations-0")
    passage = first.locator("blockquote mark")
    expect(passage).not_to_be_empty()
    image = first.get_by_role("img")
    expect(image).to_have_attribute(
        "alt", re.compile(r"^Page \d+ of the document, with the passage marked in yellow: “")
    )
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    words = passage.inner_text().replace("Start of the passage:", "").split()[:4]
    assert " ".join(words) in " ".join(image.get_attribute("alt").split())
    page.get_by_role("button", name="Save and go back to the sections").click()
    site.check()

    page.get_by_role("link", name="Check and publish").click()
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish these records?")
    expect(page.locator("main")).to_contain_text(f"of {COMMITTEE}")
    expect(page.locator("main")).not_to_contain_text("would have no owner")
    page.get_by_role("button", name="Publish").click()
    site.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Published")
    imp = ImportedDocument.objects.get()
    assert imp.review.body.name == COMMITTEE
    assert imp.review.recommendations.exists()
    assert not TrackedItem.objects.filter(origin="commitment", owner_org__isnull=True).exists()
    page.get_by_role("link", name="Go to the review").click()
    site.check()
    expect(page.locator("main")).to_contain_text(COMMITTEE)
