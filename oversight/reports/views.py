"""The update report page: choose a format and version, download the report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import can_issue_report, get_review_for_report
from .formats import FORMATS
from .formats import render as render_report
from .forms import report_form_for
from .operations import issue_report, report_content


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
