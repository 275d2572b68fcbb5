"""Writing update reports: issuing one to a commission, and adding an issued report to
a meeting's papers."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from oversight.meetings.models import ForwardPlanItem, Meeting, Paper
from oversight.tracker.models import Review
from oversight.visibility.viewer import PUBLIC, Viewer

from .content import ReportContent, build_report, previous_report
from .formats import to_pdf
from .models import Audience, UpdateReport


def report_viewer(audience: str, viewer: Viewer) -> Viewer:
    """Whose view a report for `audience` is built from: the public's for the public
    version (so every restricted record is left out, whoever asks), else `viewer`'s."""
    if audience not in Audience.values:
        raise ValidationError(f"Unknown audience {audience!r}.")
    return PUBLIC if audience == Audience.PUBLIC else viewer


def report_content(
    review: Review, viewer: Viewer, audience: str, *, today: date | None = None
) -> ReportContent:
    """The report on `review` for `audience` as it stands now: what changed is measured
    from the last report issued for the same audience. A review the public cannot see
    has no public version."""
    if audience == Audience.PUBLIC and not Review.objects.filter(pk=review.pk).exists():
        raise ValidationError(
            "This review is not on the public site (a draft, or restricted), so it has no "
            "public version: choose the restricted version."
        )
    return build_report(
        review,
        report_viewer(audience, viewer),
        audience,
        today=today,
        previous=previous_report(review, audience),
    )


@transaction.atomic
def issue_report(
    review: Review,
    *,
    viewer: Viewer,
    audience: str,
    user=None,
    forward_plan_item: ForwardPlanItem | None = None,
    today: date | None = None,
) -> tuple[UpdateReport, ReportContent]:
    """Record that the report on `review` for `audience` was issued now by `user`
    (perhaps answering `forward_plan_item`), keeping it as a PDF and the state of each
    item, from which the next report says what changed. Returns the record and the
    content issued."""
    if forward_plan_item is not None and forward_plan_item.review_id not in (None, review.pk):
        raise ValidationError("That forward plan entry asks for a report on another review.")
    content = report_content(review, viewer, audience, today=today)
    report = UpdateReport(
        review=review,
        audience=audience,
        issued_at=timezone.now(),
        issued_by=user if user is not None and user.is_authenticated else None,
        forward_plan_item=forward_plan_item,
        snapshot=content.snapshot(),
    )
    report.document.save(content.filename("pdf"), ContentFile(to_pdf(content)), save=False)
    report.save()
    return report, content


@transaction.atomic
def add_report_to_meeting(report: UpdateReport, meeting: Meeting, *, user=None) -> Paper:
    """Add the issued report (its PDF) to `meeting`'s papers. When the forward plan entry
    that asked for the report is on this meeting's agenda, the paper goes with that
    agenda item. A restricted report is a restricted paper: only those concerned with
    the meeting see it."""
    if report.review.body_id != meeting.body_id and not (
        report.forward_plan_item and report.forward_plan_item.body_id == meeting.body_id
    ):
        raise ValidationError(
            "This report is for another body's meeting: add it to a meeting of "
            f"{report.review.body} or of the body whose forward plan asked for it."
        )
    entry = report.forward_plan_item
    agenda_item = None
    if entry is not None and entry.agenda_item_id and entry.agenda_item.meeting_id == meeting.pk:
        agenda_item = entry.agenda_item
    issued = timezone.localdate(report.issued_at)
    paper = Paper(
        meeting=meeting,
        agenda_item=agenda_item,
        title=f"Update report: {report.review.title} ({issued:%-d %B %Y})",
        uploaded_by=user if user is not None and user.is_authenticated else None,
        restricted=report.audience == Audience.RESTRICTED,
    )
    with report.document.open("rb") as f:
        paper.file.save(report.document.name.rsplit("/", 1)[-1], ContentFile(f.read()), save=False)
    paper._change_reason = "Update report added to the papers"
    paper.save()
    return paper
