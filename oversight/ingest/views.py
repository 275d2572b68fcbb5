"""Importing a document: upload, watch it being read, check the records section by
section beside the passages they came from, then publish.

Only scrutiny officers and administrators may import (`can_manage_reviews`): every view
starts with `get_import_for_user` or `_officer`, which send those not signed in to sign
in and refuse everyone else (403). Views parse and check, then call one function of
operations.py.
"""

from __future__ import annotations

import logging
import mimetypes

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from oversight.tracker.access import can_manage_reviews
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import Viewer, viewer_for

from . import operations, pages
from .forms import (
    SECTION_OF_ROOT,
    SECTIONS,
    SECTIONS_BY_SLUG,
    SectionEditor,
    UploadForm,
    size_label,
    too_big_message,
)
from .models import ImportedDocument

Status = ImportedDocument.Status
logger = logging.getLogger(__name__)
# A multipart body is a little bigger than the file in it (boundaries, part headers,
# the CSRF token): this much over the limit is left for the check after reading.
MULTIPART_ALLOWANCE = 64 * 1024


def _officer(request: HttpRequest) -> Viewer:
    viewer = viewer_for(request)
    if not can_manage_reviews(viewer):
        raise PermissionDenied("Only scrutiny officers and administrators can import documents.")
    return viewer


def get_import_for_user(request: HttpRequest, pk: int) -> tuple[ImportedDocument, Viewer]:
    """The import, for a scrutiny officer or administrator; 403 for anyone else, whether
    or not it exists."""
    viewer = _officer(request)
    imp = get_object_or_404(
        ImportedDocument.objects.select_related(
            "uploaded_by__person", "review__body", "meeting__body", "previous"
        ),
        pk=pk,
    )
    return imp, viewer


# --- the list and the upload -----------------------------------------------------------


@login_required
def import_list(request: HttpRequest) -> HttpResponse:
    _officer(request)
    imports = ImportedDocument.objects.select_related(
        "uploaded_by__person", "review", "meeting__body"
    )
    page, querystring = paginate(request, imports)
    return render(
        request, "ingest/import_list.html", {"page_obj": page, "querystring": querystring}
    )


# CSRF is checked in _upload, after the declared size: the middleware would read the
# whole body (up to any size) to find the token before this view could refuse it.
@csrf_exempt
@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """Refuse an upload over settings.MAX_UPLOAD_BYTES from its Content-Length, before
    reading its body; then check the file itself (see UploadForm)."""
    _officer(request)
    if request.method == "POST":
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE:
            form = UploadForm.refused(too_big_message(settings.MAX_UPLOAD_BYTES))
            return _upload_page(request, form, status=413)
    return _upload(request)


def _upload_page(request: HttpRequest, form: UploadForm, *, status: int = 200) -> HttpResponse:
    context = {"form": form, "limit": size_label(settings.MAX_UPLOAD_BYTES)}
    return render(request, "ingest/upload.html", context, status=status)


@csrf_protect
def _upload(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _upload_page(request, UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _upload_page(request, form, status=413 if form.too_big else 200)
    file = form.cleaned_data["file"]
    digest = operations.sha256_of(file)
    earlier = operations.find_earlier_import(digest)
    if earlier is not None:
        # Nothing is kept of this upload: a re-import reads the earlier import's copy.
        return render(request, "ingest/duplicate.html", {"earlier": earlier, "name": file.name})
    imp = operations.create_import(file, user=request.user, sha256=digest)
    return redirect(imp)


@login_required
@require_POST
def reimport(request: HttpRequest, pk: int) -> HttpResponse:
    earlier, _ = get_import_for_user(request, pk)
    try:
        imp = operations.reimport(earlier, user=request.user)
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
        return redirect("import_new")
    return redirect(imp)


# --- progress and the overview --------------------------------------------------------


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress while the file is read; the refusal; the sections to check and the way
    to publish; or what publishing wrote."""
    imp, _ = get_import_for_user(request, pk)
    context = {"imp": imp}
    if imp.status == Status.READY:
        context["problems"] = _located(operations.import_problems(imp))
        context["sections"] = [
            {
                "section": s,
                "count": s.count_text(imp),
                "checked": s.slug in imp.checked_sections,
            }
            for s in SECTIONS
        ]
    elif imp.status == Status.PUBLISHED and imp.load_report:
        context["report_rows"] = _count_rows(imp.load_report.get("counts") or {})
    return render(request, "ingest/import_detail.html", context)


@login_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment the import page polls (htmx). 204 while nothing has changed
    since `seen`, so the live region is not re-announced every second; HTTP 286 (htmx:
    stop polling) once the import is finished."""
    imp, _ = get_import_for_user(request, pk)
    if imp.is_running and request.GET.get("seen") == imp.status_token:
        response = HttpResponse(status=204)
    else:
        response = render(request, "ingest/_status.html", {"imp": imp, "polling": True})
        if not imp.is_running:
            response.status_code = 286
    response["Cache-Control"] = "no-store"
    return response


@login_required
def original(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploaded file, always as a download: it may be hostile and is never shown."""
    imp, _ = get_import_for_user(request, pk)
    if not imp.file:
        raise Http404("The file was not kept")
    content_type = mimetypes.guess_type(imp.original_name)[0] or "application/octet-stream"
    response = FileResponse(
        imp.file.open("rb"),
        as_attachment=True,
        filename=imp.original_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
def page_image(request: HttpRequest, pk: int, page: int, start: int, end: int) -> HttpResponse:
    """A PDF page as a PNG with a passage marked, for the review screen. Only passages
    the import's records were read from (or the first part of one), so the images kept
    on disk stay few."""
    imp, _ = get_import_for_user(request, pk)
    if not imp.has_page_images:
        raise Http404("This document has no page images")
    if not any(p == page and s == start and start < end <= e for p, s, e in imp.passage_spans()):
        raise Http404("No record was read from there")
    try:
        path = pages.page_image(imp, page, start, end)
    except (FileNotFoundError, IndexError) as exc:
        raise Http404("The page cannot be shown") from exc
    except RuntimeError as exc:
        logger.warning("Import %s: page %s not drawn: %s", imp.pk, page, exc)
        raise Http404("The page cannot be shown") from exc
    response = FileResponse(path.open("rb"), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    # Private: only officers may see it, so no shared cache may keep it.
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- checking the records -------------------------------------------------------------


def _revision(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return -1


@login_required
def review_section(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    imp, _ = get_import_for_user(request, pk)
    sec = SECTIONS_BY_SLUG.get(section)
    if sec is None:
        raise Http404("No such section")
    if imp.status != Status.READY:
        return redirect(imp)
    editor = SectionEditor(sec, imp, request.POST if request.method == "POST" else None)
    if request.method == "POST" and editor.is_valid():
        data, provenance = editor.result()
        try:
            operations.save_corrections(
                imp,
                data,
                provenance,
                revision=_revision(request),
                roots=sec.roots,
                section=sec.slug,
                filing=editor.filing(),
            )
        except ValidationError as exc:
            editor.add_problems(exc.messages)
        else:
            messages.success(request, f"{sec.title}: your changes have been saved.")
            return redirect(imp)
    return render(
        request,
        "ingest/section.html",
        {"imp": imp, "section": sec, "editor": editor, "errors": editor.error_links()},
    )


# --- publishing -----------------------------------------------------------------------

# What the loader counts, in the order a person reads them, as (one, many).
COUNT_LABELS = {
    "review": ("review", "reviews"),
    "meeting": ("meeting", "meetings"),
    "recommendation": ("recommendation", "recommendations"),
    "response": ("response", "responses"),
    "addressees": ("change to who a recommendation is addressed to", "changes to addressees"),
    "commitment": ("commitment", "commitments"),
    "question": ("question", "questions"),
    "attendance": ("attendee", "attendees"),
    "agenda_item": ("agenda item", "agenda items"),
    "action": ("action", "actions"),
    "update": ("action update", "action updates"),
    "body": ("body", "bodies"),
    "organisation": ("organisation", "organisations"),
    "person": ("person", "people"),
}


def _count_rows(counts: dict[str, dict[str, int]]) -> list[dict]:
    order = list(COUNT_LABELS)
    rows = []
    for kind in sorted(counts, key=lambda k: order.index(k) if k in order else len(order)):
        c = counts[kind]
        total = c["created"] + c["updated"] + c["unchanged"]
        one, many = COUNT_LABELS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
        rows.append({"label": many if total != 1 else one, "total": total, **c})
    return rows


@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """A summary of what publishing will write (found by a load that is rolled back),
    then the publication itself, in one transaction: a failure writes nothing."""
    imp, _ = get_import_for_user(request, pk)
    if imp.status == Status.PUBLISHED:
        messages.info(request, "This document has already been published.")
        return redirect(imp)
    if imp.status != Status.READY:
        return redirect(imp)
    failure: list[str] = []
    if request.method == "POST":
        try:
            imp = operations.publish_import(imp, user=request.user, revision=_revision(request))
        except ValidationError as exc:
            failure = exc.messages
            imp.refresh_from_db()
        else:
            # The import's page says so in a confirmation panel.
            return redirect(imp)
    preview = None
    problems = operations.import_problems(imp)
    if not problems:
        try:
            preview = operations.preview_publish(imp)
        except ValidationError as exc:
            problems = exc.messages
    return render(
        request,
        "ingest/publish.html",
        {
            "imp": imp,
            "failure": failure,
            "problems": _located(problems),
            "preview": preview,
            "rows": _count_rows(preview["counts"]) if preview else [],
        },
    )


def _located(problems: list[str]) -> list[tuple]:
    """Each problem with the section where it can be corrected (or None)."""
    return [(SECTION_OF_ROOT.get(operations.problem_root(p)), p) for p in problems]
