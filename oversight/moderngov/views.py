"""The connector's pages, for scrutiny officers and administrators: connect a site,
choose its committees, see the papers it brought that are waiting to be checked, and
resolve conflicts between ModernGov and edits made here. Every view starts with
`_officer` (sign in, else 403); writes go through operations.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from oversight.directory.models import Person
from oversight.ingest.models import ImportedDocument
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import Viewer, viewer_for

from . import operations
from .changes import meeting_changes
from .forms import ConnectForm, FollowForm
from .models import Conflict, FollowedCommittee, Site, SyncedMeeting, SyncedPaper, SyncRun
from .service import ModernGovService, ServiceError

WAITING = (
    ImportedDocument.Status.QUEUED,
    ImportedDocument.Status.EXTRACTING,
    ImportedDocument.Status.READY,
)


def _officer(request: HttpRequest) -> Viewer:
    viewer = viewer_for(request)
    if not viewer.is_scrutiny:
        raise PermissionDenied("Only scrutiny officers and administrators can connect ModernGov.")
    return viewer


def _get_site_for_user(request: HttpRequest, pk: int) -> tuple[Site, bool]:
    """The site, for a scrutiny officer or administrator (who may change it); 403 for
    anyone else, whether or not it exists."""
    _officer(request)
    return get_object_or_404(Site, pk=pk), True


def _get_conflict_for_user(request: HttpRequest, pk: int) -> tuple[Conflict, bool]:
    _officer(request)
    conflict = get_object_or_404(
        Conflict.objects.select_related("synced_meeting__meeting__body"), pk=pk
    )
    return conflict, not conflict.resolution


def _get_synced_meeting_for_user(request: HttpRequest, pk: int) -> tuple[SyncedMeeting, bool]:
    """The sync record of meeting `pk`, for a scrutiny officer or administrator."""
    _officer(request)
    synced = get_object_or_404(
        SyncedMeeting.objects.select_related("meeting__body", "committee__site"), meeting_id=pk
    )
    return synced, False


def papers_waiting():
    return SyncedPaper.objects.filter(
        status=SyncedPaper.Status.QUEUED, imported__status__in=WAITING
    ).select_related("synced_meeting__meeting__body", "agenda_item", "imported")


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    _officer(request)
    form = ConnectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            site = operations.connect_site(form.cleaned_data["url"])
        except ValidationError as exc:
            form.add_error("url", exc)
        else:
            return redirect(site)
    return render(
        request,
        "moderngov/settings.html",
        {
            "form": form,
            "sites": Site.objects.prefetch_related("committees__body"),
            "last_run": SyncRun.objects.first(),
            "papers_waiting": papers_waiting().count(),
            "open_conflicts": Conflict.objects.filter(resolution="").count(),
            "recent": SyncedMeeting.objects.select_related("meeting__body").order_by("-synced_at")[
                :10
            ],
        },
    )


@login_required
def site_page(request: HttpRequest, pk: int) -> HttpResponse:
    site, can_edit = _get_site_for_user(request, pk)
    followed = {
        f.committee_id: f
        for f in FollowedCommittee.objects.filter(site=site).select_related("body")
    }
    problem = ""
    try:
        committees = [
            c
            for c in ModernGovService(site.base_url).committees()
            if not (c.deleted or c.expired) or c.id in followed
        ]
    except ServiceError as exc:
        committees, problem = [], str(exc)
    committees.sort(key=lambda c: c.title.casefold())
    initial = {"committees": [str(i) for i, f in followed.items() if f.following]}
    form = FollowForm(request.POST or None, committees=committees, initial=initial)
    if request.method == "POST" and can_edit and not problem and form.is_valid():
        chosen = {int(i) for i in form.cleaned_data["committees"]}
        operations.follow_committees(
            site, [c for c in committees if c.id in chosen], since=form.cleaned_data["since"]
        )
        for committee_id, f in followed.items():
            if committee_id not in chosen and f.following:
                operations.unfollow_committee(f)
        messages.success(
            request,
            f"Following {len(chosen)} committee{'s' if len(chosen) != 1 else ''}. Their meetings "
            "arrive with the next sync (`oversight moderngov sync`, run by cron).",
        )
        return redirect(site)
    return render(
        request,
        "moderngov/site.html",
        {
            "site": site,
            "form": form,
            "followed": followed,
            "problem": problem,
            "committees": committees,
        },
    )


@login_required
def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    synced, _ = _get_synced_meeting_for_user(request, pk)
    attendance = sorted(
        (row.get("as", ""), row.get("role", ""), person_id)
        for person_id, row in (synced.written or {}).get("attendance", {}).items()
    )
    names = dict(
        Person.objects.filter(pk__in=[int(a[2]) for a in attendance]).values_list("pk", "name")
    )
    return render(
        request,
        "moderngov/meeting.html",
        {
            "synced": synced,
            "meeting": synced.meeting,
            "versions": meeting_changes(synced.meeting),
            "attendance": [(names.get(int(p), "?"), role, said) for said, role, p in attendance],
            "papers": synced.papers.select_related("agenda_item", "imported").order_by("pk"),
            "conflicts": synced.conflicts.filter(resolution=""),
        },
    )


@login_required
def papers_page(request: HttpRequest) -> HttpResponse:
    _officer(request)
    page, querystring = paginate(request, papers_waiting().order_by("-found_at", "-pk"))
    return render(request, "moderngov/papers.html", {"page_obj": page, "querystring": querystring})


@login_required
def conflicts_page(request: HttpRequest) -> HttpResponse:
    _officer(request)
    conflicts = Conflict.objects.filter(resolution="").select_related(
        "synced_meeting__meeting__body"
    )
    page, querystring = paginate(request, conflicts)
    return render(
        request, "moderngov/conflicts.html", {"page_obj": page, "querystring": querystring}
    )


@login_required
@require_POST
def resolve_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    conflict, can_edit = _get_conflict_for_user(request, pk)
    if not can_edit:
        messages.error(request, "This conflict has already been resolved.")
        return redirect("moderngov_conflicts")
    take = request.POST.get("keep") == "moderngov"
    try:
        operations.resolve_conflict(conflict, take_moderngov=take, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, f"{conflict.label}: {'ModernGov' if take else 'Oversight'}'s value kept."
        )
    return redirect("moderngov_conflicts")
