"""The update report page: choose a format and version, download the report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from oversight.meetings.access import get_meeting_to_manage
from oversight.tracker.models import Review

from .access import can_issue_report, get_review_for_report
from .formats import FORMATS
from .formats import render as render_report
from .forms import report_form_for
from .models import UpdateReport
from .operations import add_report_to_meeting, issue_report, report_content


def update_report(request: HttpRequest, pk: int) -> HttpResponse:
    review, viewer = get_review_for_report(request, pk)
    form = report_form_for(viewer, review, request.POST or None)
    may_issue = can_issue_report(viewer)
    if request.method == "POST" and form.is_valid():
        audience, fmt = form.cleaned_data["audience"], form.cleaned_data["format"]
        try:
            if may_issue and form.cleaned_data.get("issue"):
                _, content = issue_report(
                    review,
                    viewer=viewer,
                    audience=audience,
                    user=request.user,
                    forward_plan_item=form.cleaned_data.get("forward_plan_item"),
                )
            else:
                content = report_content(review, viewer, audience)
        except ValidationError as exc:
            form.add_error("audience", exc)
        else:
            content_type, extension = FORMATS[fmt]
            response = HttpResponse(render_report(content, fmt), content_type=content_type)
            response["Content-Disposition"] = (
                f'attachment; filename="{content.filename(extension)}"'
            )
            return response
    return render(
        request,
        "reports/report_form.html",
        {"review": review, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def meeting_report_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A clerk adds an issued update report to a meeting's papers: the reports issued
    for the body's reviews (those the clerk may see), newest first, one to choose."""
    meeting, viewer = get_meeting_to_manage(request, pk)
    reviews = Review.objects.visible_to(viewer).filter(body_id=meeting.body_id)
    reports = (
        UpdateReport.objects.filter(review__in=reviews)
        .select_related("review")
        .order_by("-issued_at", "-pk")
    )
    error = ""
    if request.method == "POST":
        chosen = reports.filter(pk=request.POST.get("report", "") or 0).first()
        if chosen is None:
            error = "Choose the report to add."
        else:
            try:
                add_report_to_meeting(chosen, meeting, user=request.user)
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, "The update report has been added to the papers.")
                return redirect(meeting.get_absolute_url() + "#papers")
    return render(
        request,
        "reports/meeting_report_add.html",
        {"meeting": meeting, "reports": reports, "error": error},
        status=400 if error else 200,
    )
