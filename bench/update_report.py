"""Update report bench.

Builds, in the benches' throwaway SQLite site (bench/django_site.py), a review with
50 recommendations, 500 items and 5,000 updates (with evidence, verifications and a
previous report to compare with), and a second review ten times its size. Then, for
each, builds the report from live data and draws it as a PDF, both in this run:

- `update_report_seconds_pdf`: seconds for the report on the first review (best of
  `RUNS`);
- `update_report_time_ratio_10x`: that time for the review ten times the size over the
  time for the first. Target <= 10 (linear);
- `update_report_cpu_ratio_10x`: the same ratio in CPU seconds of this process, the
  steadier figure on a shared machine;
- `update_report_queries_1x`, `update_report_queries_10x`: SQL queries to build each
  report. Target: the same number (flat).
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from bench.django_site import site

RUNS = 2
RECOMMENDATIONS, ITEMS_EACH, UPDATES_EACH = 50, 10, 10


def _review(title: str, scale: int, now):
    """A review of `scale` x 50 recommendations, 10 items each, 10 updates per item."""
    from oversight.directory.models import Body, Organisation, Person
    from oversight.reports.models import Audience, UpdateReport
    from oversight.tracker.models import (
        Evidence,
        Recommendation,
        Response,
        Review,
        TrackedItem,
        Update,
        Verification,
    )

    org, _ = Organisation.objects.get_or_create(name="Bench Police Service")
    body, _ = Body.objects.get_or_create(name="Bench Scrutiny Commission")
    owner, _ = Person.objects.get_or_create(name="Bench Owner", organisation=org)
    verifier, _ = Person.objects.get_or_create(name="Bench Verifier")
    review = Review.objects.create(body=body, title=title, date=date(2025, 1, 15), published=True)
    positions = [p for p, _ in Response.Position.choices if p]
    recs = Recommendation.objects.bulk_create(
        Recommendation(
            review=review,
            number=str(n + 1),
            position=n + 1,
            title=f"Recommendation about subject {n + 1}",
            text="The commission recommends that this is done within a year. " * 3,
        )
        for n in range(RECOMMENDATIONS * scale)
    )
    Response.objects.bulk_create(
        Response(
            recommendation=r,
            organisation=org,
            position=positions[n % len(positions)],
            text="We accept this and will report on progress.",
        )
        for n, r in enumerate(recs)
    )
    statuses = [s for s, _ in TrackedItem.Status.choices]
    items = TrackedItem.objects.bulk_create(
        TrackedItem(
            recommendation=r,
            text=f"Commitment {k + 1} on recommendation {r.number}",
            owner_person=owner,
            owner_org=org,
            start_date=date(2025, 2, 1),
            due_date=date(2025, 6, 1) + timedelta(days=30 * k),
            status=statuses[(n + k) % len(statuses)],
            progress=(10 * k) % 100,
            verified_at=now if (n + k) % 10 == 0 else None,
            verified_by=verifier if (n + k) % 10 == 0 else None,
        )
        for n, r in enumerate(recs)
        for k in range(ITEMS_EACH)
    )
    updates = Update.objects.bulk_create(
        Update(
            item=item,
            author=owner,
            created_at=now - timedelta(days=30 * (UPDATES_EACH - u)),
            narrative=f"Update {u + 1}: work continues as planned, with figures attached.",
            status=item.status,
            progress=item.progress,
        )
        for item in items
        for u in range(UPDATES_EACH)
    )
    Evidence.objects.bulk_create(
        Evidence(update=up, link="https://example.org/evidence", description="Audit")
        for up in updates[UPDATES_EACH - 1 :: UPDATES_EACH]
    )
    Verification.objects.bulk_create(
        Verification(item=i, decision="verified", by=verifier, reason="Checked the audit.")
        for i in items
        if i.verified_at
    )
    # Issued six weeks ago: the last update of each item is new since, a third of the
    # items have moved, and those verified or overdue since are new to the report.
    before = {
        str(i.pk): {
            "status": "not_started" if n % 3 == 0 else i.status,
            "progress": 0,
            "rag": "green",
            "verified": False,
            "latest_update": None,
        }
        for n, i in enumerate(items)
    }
    UpdateReport.objects.create(
        review=review,
        audience=Audience.PUBLIC,
        issued_at=now - timedelta(days=45),
        document="update-reports/previous.pdf",
        snapshot={"items": before, "recommendations": {}},
    )
    return review


def _report(review) -> tuple[float, int, float]:
    """(seconds to build and draw the PDF, queries, CPU seconds)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from oversight.reports.formats import to_pdf
    from oversight.reports.models import Audience
    from oversight.reports.operations import report_content
    from oversight.visibility.viewer import PUBLIC

    start, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        content = report_content(review, PUBLIC, Audience.PUBLIC)
    to_pdf(content)
    return time.perf_counter() - start, len(queries.captured_queries), time.process_time() - cpu


def run() -> dict[str, float]:
    site()  # the benches' shared throwaway site; these reviews are built beside the demo
    from django.utils import timezone

    now = timezone.now()
    small = _review("Stop and search in Hackney", 1, now)
    large = _review("Stop and search across London", 10, now)
    small_runs = [_report(small) for _ in range(RUNS)]
    large_runs = [_report(large) for _ in range(RUNS)]
    seconds_1x = min(r[0] for r in small_runs)
    seconds_10x = min(r[0] for r in large_runs)
    cpu_1x, cpu_10x = min(r[2] for r in small_runs), min(r[2] for r in large_runs)
    return {
        "update_report_seconds_pdf": seconds_1x,
        "update_report_seconds_pdf_10x": seconds_10x,
        "update_report_time_ratio_10x": seconds_10x / seconds_1x,
        "update_report_cpu_ratio_10x": cpu_10x / cpu_1x,
        "update_report_queries_1x": small_runs[0][1],
        "update_report_queries_10x": large_runs[0][1],
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
