"""The community's public pages: the feedback form and its confirmation, and "you
said, we did" (every accepted piece of feedback beside the response and what was done,
for all, or for one organisation or body, with the matrix), as CSV and JSON too."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from oversight.downloads import csv_response
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import PUBLIC, Viewer, viewer_for

from .. import chain, operations, spam_defences
from ..forms import PublicFeedbackForm
from ..models import Feedback, Recipient, Theme, new_reference

_THANKS_KEY = "community_feedback_reference"


def _posted(request: HttpRequest):
    """The form's data when it was sent (even empty, so that it is checked), else None."""
    return request.POST if request.method == "POST" else None


def feedback_form(request: HttpRequest) -> HttpResponse:
    form = PublicFeedbackForm(_posted(request))
    status = 200
    if request.method == "POST":
        if form.is_spam:
            # Looks sent to whoever filled in the hidden field; nothing is kept.
            request.session[_THANKS_KEY] = new_reference()
            return redirect("feedback_thanks")
        if spam_defences.over_limit(request):
            form.is_valid()
            form.add_error(
                None,
                "A lot of feedback has been sent from your connection in the last hour. "
                "Please try again later.",
            )
            status = 429
        elif form.is_valid():
            d = form.cleaned_data
            feedback = operations.submit_public_feedback(
                summary=d["summary"],
                theme=d["theme"],
                recipient=d["recipient"],
                area=d["area"],
                contact_name=d["contact_name"],
                contact_email=d["contact_email"],
            )
            spam_defences.count_submission(request)
            request.session[_THANKS_KEY] = feedback.reference
            return redirect("feedback_thanks")
    return render(request, "community/feedback_form.html", {"form": form}, status=status)


def feedback_thanks(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(_THANKS_KEY)
    if not reference:
        return redirect("feedback_form")
    return render(request, "community/feedback_thanks.html", {"reference": reference})


def _filters(request: HttpRequest) -> dict:
    theme = request.GET.get("theme", "")
    return {
        "period": request.GET.get("period", "").strip(),
        "source": request.GET.get("source", ""),
        "theme": Theme.objects.filter(pk=int(theme)).first() if theme.isdigit() else None,
    }


def _page(request: HttpRequest, viewer: Viewer, recipient: Recipient | None) -> dict:
    filters = _filters(request)
    rows = chain.read_rows(chain.accepted(viewer, recipient=recipient, **filters), viewer)
    page, querystring = paginate(request, rows)
    return {
        "recipient": recipient,
        "matrix": chain.matrix_of(rows),
        "page_obj": page,
        "querystring": querystring,
        "filters": filters,
        "sources": Feedback.Source.choices,
        "themes": Theme.objects.all(),
        "periods": _periods(),
    }


def _periods() -> list[tuple[str, str]]:
    years = sorted(
        {d.year for d in Feedback.objects.public().dates("received_on", "year")}, reverse=True
    )
    choices = []
    for year in years:
        choices.append((str(year), str(year)))
        choices += [(f"{year}-Q{q}", f"{year}, quarter {q}") for q in (1, 2, 3, 4)]
    return choices


def you_said_we_did(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    context = _page(request, viewer, None)
    recipients = {}
    for f in chain.accepted(viewer).select_related("for_organisation", "for_body"):
        recipients.setdefault(f.recipient.key, [f.recipient, 0])[1] += 1
    context["recipients"] = sorted(recipients.values(), key=lambda r: r[0].name)
    return render(request, "community/you_said_we_did.html", context)


def you_said_we_did_for(request: HttpRequest, key: str) -> HttpResponse:
    viewer = viewer_for(request)
    recipient = Recipient.from_key(key)
    context = _page(request, viewer, recipient)
    if recipient.moderated_by(viewer):
        context["awaiting"] = (
            Feedback.objects.visible_to(viewer)
            .filter(recipient.q(), moderation=Feedback.Moderation.PENDING)
            .count()
        )
    return render(request, "community/you_said_we_did.html", context)


def _export_rows(request: HttpRequest) -> list[chain.FeedbackRow]:
    # Open data is what the public may see, whoever asks.
    key = request.GET.get("for", "")
    recipient = None
    if key:
        try:
            recipient = Recipient.from_key(key)
        except Http404:  # an unknown key exports nothing rather than everything
            return []
    return chain.read_rows(chain.accepted(PUBLIC, recipient=recipient, **_filters(request)), PUBLIC)


def you_said_we_did_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(chain.csv_rows(_export_rows(request)), "you-said-we-did.csv")


def you_said_we_did_json(request: HttpRequest) -> HttpResponse:
    rows = _export_rows(request)
    data = {
        "licence": "Open Government Licence v3.0",
        "matrix": chain.matrix_of(rows).to_dict(),
        "feedback": [r.to_dict() for r in rows],
    }
    return JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
