"""Indicator pages. Each view starts with an access helper (access.py), which returns
only what the viewer may see, checks what they may change, then calls one operation."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from oversight.directory.models import Body
from oversight.downloads import csv_writer
from oversight.editing import EditConflict, edit_through, posted_version, version_of
from oversight.search.engine import matching_ids
from oversight.tracker.models import TrackedItem
from oversight.visibility.pages import paginate
from oversight.visibility.viewer import viewer_for

from . import csvfiles, figures, operations
from .access import (
    can_enter_values,
    can_manage_indicator,
    enterable_indicators,
    get_indicator_for_user,
    get_indicator_to_enter,
    get_indicator_to_manage,
    manageable_bodies,
)
from .forms import (
    ConfirmImportForm,
    FilterForm,
    ImportForm,
    IndicatorForm,
    LinkItemForm,
    ValueForm,
)
from .models import Indicator, Value


def _with_headline_values(indicators):
    """Prefetch only what assess() reads: figures with no breakdown."""
    figures = Value.objects.filter(breakdown_dimension="").select_related("benchmark")
    return indicators.select_related("body").prefetch_related(Prefetch("values", figures))


def _rows(indicators) -> list[tuple[Indicator, object]]:
    return [(i, i.assess(list(i.values.all()))) for i in indicators]


def indicator_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    visible = Indicator.objects.visible_to(viewer)
    bodies = Body.objects.filter(indicators__in=visible).distinct()
    form = FilterForm(request.GET or None, bodies=bodies)
    filters = form.cleaned_data if form.is_valid() else {}
    indicators = visible
    if q := filters.get("q", "").strip():
        indicators = indicators.filter(
            Q(pk__in=matching_ids(viewer, q, "indicator")) | Q(body__name__icontains=q)
        )
    if filters.get("body"):
        indicators = indicators.filter(body=filters["body"])
    rows = _rows(_with_headline_values(indicators.order_by("name")))
    page, querystring = paginate(request, rows)
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring": querystring,
            "total": len(rows),
            "can_add": can_manage_indicator(viewer, None),
            "can_import": viewer.is_authenticated and enterable_indicators(viewer).exists(),
        },
    )


def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, viewer = get_indicator_for_user(request, slug)
    values = list(indicator.values.select_related("benchmark"))
    main, others = figures.split_values(values)
    linked = TrackedItem.objects.visible_to(viewer).filter(indicators=indicator)
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "assessment": indicator.assess(values),
            "chart": figures.line_chart(indicator, main),
            "table": figures.pivot(indicator, main),
            "breakdown_table": figures.pivot(indicator, others),
            "linked": [(item, item.rag()) for item in linked.order_by("due_date", "pk")],
            "can_enter": can_enter_values(viewer, indicator),
            "can_manage": can_manage_indicator(viewer, indicator.body),
        },
    )


def indicator_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every figure of the indicator, in the import's columns (so it can be edited and
    imported again). Only reachable for an indicator the viewer may see."""
    indicator, _ = get_indicator_for_user(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.slug}.csv"'
    writer = csv_writer(response)
    values = indicator.values.select_related("benchmark").order_by(
        "breakdown_dimension", "breakdown_value", "benchmark__label", "area", "period_start"
    )
    writer.writerows(csvfiles.write_rows(values))
    return response


def _body_and_descendants(body: Body) -> list[Body]:
    """`body` then its sub-groups, their sub-groups and so on (each once)."""
    found, frontier = [body], [body.pk]
    while frontier:
        seen = [b.pk for b in found]
        children = list(Body.objects.filter(parent_id__in=frontier).exclude(pk__in=seen))
        found.extend(children)
        frontier = [c.pk for c in children]
    return found


def body_indicators(request: HttpRequest, pk: int) -> HttpResponse:
    """A body's indicators and those of its sub-groups, grouped by body. A body that is
    not public has no page for those who are not signed in."""
    viewer = viewer_for(request)
    body = get_object_or_404(Body, pk=pk)
    if not body.is_public and not viewer.is_authenticated:
        raise Http404("No such body")
    bodies = _body_and_descendants(body)
    visible = Indicator.objects.visible_to(viewer).filter(body__in=bodies).order_by("name")
    by_body: dict[int, list] = {}
    for indicator, assessment in _rows(_with_headline_values(visible)):
        by_body.setdefault(indicator.body_id, []).append((indicator, assessment))
    groups = [(b, by_body[b.pk]) for b in bodies if b.pk in by_body]
    return render(
        request,
        "indicators/body_indicators.html",
        {"body": body, "groups": groups, "can_add": can_manage_indicator(viewer, body)},
    )


def _save_indicator(request, form: IndicatorForm, *, success: str, title: str, back: str):
    """Create, or edit over the version the form was read at (oversight/editing.py): a
    save over a newer version is refused, showing both values and keeping the input."""
    editing = form.instance.pk is not None
    version = version_of(form.instance) if editing else None
    conflict = None
    if request.method == "POST" and editing:
        posted = posted_version(request)
        version = posted if posted is not None else version
    if request.method == "POST" and form.is_valid():
        try:
            if editing:
                indicator = edit_through(
                    form.instance,
                    read_version=posted_version(request),
                    values={name: form.cleaned_data[name] for name in form.Meta.fields},
                    write=functools.partial(_write_indicator, labels=form.benchmark_labels()),
                )
            else:
                indicator = operations.save_indicator(
                    form.save(commit=False), benchmark_labels=form.benchmark_labels()
                )
        except EditConflict as exc:
            conflict, version = exc, exc.version
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, success)
            return redirect(indicator)
    context = {"form": form, "title": title, "back": back, "version": version}
    return render(request, "indicators/indicator_form.html", {**context, "conflict": conflict})


def _write_indicator(indicator: Indicator, *, labels: list[str], **changes) -> Indicator:
    for name, value in changes.items():
        setattr(indicator, name, value)
    return operations.save_indicator(indicator, benchmark_labels=labels)


@login_required
def indicator_new(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    if not can_manage_indicator(viewer, None):
        raise PermissionDenied("Only scrutiny officers and members of a body can add indicators.")
    initial = {"body": request.GET.get("body")} if request.GET.get("body") else None
    form = IndicatorForm(request.POST or None, initial=initial, bodies=manageable_bodies(viewer))
    return _save_indicator(
        request, form, success="Indicator added.", title="New indicator", back="/indicators/"
    )


@login_required
def indicator_edit(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, viewer = get_indicator_to_manage(request, slug)
    form = IndicatorForm(request.POST or None, instance=indicator, bodies=manageable_bodies(viewer))
    return _save_indicator(
        request,
        form,
        success="Indicator saved.",
        title=f"Edit {indicator.name}",
        back=indicator.get_absolute_url(),
    )


def _who(request: HttpRequest) -> str:
    person = getattr(request.user, "person", None)
    return str(person) if person else request.user.get_username()


@login_required
def value_new(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, _ = get_indicator_to_enter(request, slug)
    form = ValueForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            report = operations.record_values(
                indicator, [form.row], source=f"Entered by {_who(request)}"
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if report.created:
                messages.success(request, "Figure recorded.")
            elif report.updated:
                messages.success(request, "Figure replaced. The old figure is in the history.")
            else:
                messages.info(request, "Nothing changed: that figure was already recorded.")
            return redirect(indicator)
    return render(request, "indicators/value_form.html", {"indicator": indicator, "form": form})


@login_required
def import_values(request: HttpRequest) -> HttpResponse:
    """Upload a CSV, see what it would do, then confirm. Nothing is written before the
    confirmation, and a file with any bad row is refused whole."""
    viewer = viewer_for(request)
    indicators = enterable_indicators(viewer)
    if not indicators.exists():
        raise PermissionDenied("You cannot enter figures for any indicator.")
    upload = ImportForm()
    plan, confirm = None, None
    if request.method == "POST" and "csv_text" in request.POST:
        confirm = ConfirmImportForm(request.POST)
        if confirm.is_valid():
            text, filename = confirm.cleaned_data["csv_text"], confirm.cleaned_data["filename"]
            plan = csvfiles.read_csv(text.encode("utf-8"), indicators)
            if plan.ok:
                report = operations.record_batches(
                    plan.batches(), source=f"CSV {filename or 'file'} imported by {_who(request)}"
                )
                messages.success(
                    request,
                    f"Import saved: {report.created} new, {report.updated} changed, "
                    f"{report.unchanged} unchanged.",
                )
                return redirect("indicators")
    elif request.method == "POST":
        upload = ImportForm(request.POST, request.FILES)
        if upload.is_valid():
            data = upload.cleaned_data["file"].read()
            plan = csvfiles.read_csv(data, indicators)
            if plan.ok:
                confirm = ConfirmImportForm(
                    initial={
                        "csv_text": data.decode("utf-8-sig"),
                        "filename": upload.cleaned_data["file"].name[:200],
                    }
                )
    return render(
        request,
        "indicators/import.html",
        {"form": upload, "plan": plan, "confirm": confirm if plan and plan.ok else None},
    )


@login_required
def link_item(request: HttpRequest, slug: str) -> HttpResponse:
    indicator, viewer = get_indicator_to_manage(request, slug)
    items = TrackedItem.objects.visible_to(viewer).exclude(indicators=indicator).order_by("pk")
    form = LinkItemForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        item = form.cleaned_data["item"]
        operations.link_item(indicator, item)
        messages.success(request, f"Linked action {item.pk} to this indicator.")
        return redirect(indicator)
    return render(request, "indicators/link_form.html", {"indicator": indicator, "form": form})


@login_required
def unlink_item(request: HttpRequest, slug: str, item_pk: int) -> HttpResponse:
    indicator, viewer = get_indicator_to_manage(request, slug)
    item = get_object_or_404(
        TrackedItem.objects.visible_to(viewer).filter(indicators=indicator), pk=item_pk
    )
    if request.method == "POST":
        operations.unlink_item(indicator, item)
        messages.success(request, f"Action {item.pk} is no longer linked to this indicator.")
        return redirect(indicator)
    return render(request, "indicators/unlink_confirm.html", {"indicator": indicator, "item": item})
