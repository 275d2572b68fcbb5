"""What every page starts with: the record a viewer asked for, if they may see it, and
lists a page at a time."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest

from .viewer import Viewer

PAGE_SIZE = 25


def get_visible(queryset, viewer: Viewer, pk: int):
    """The record if this viewer may see it, else 404: a restricted record's existence
    is itself not shown to those who may not see it.

    `queryset` is a restrictable model's `objects` (or `private_objects`), perhaps with
    `select_related`; what the viewer may see is always decided here."""
    try:
        return queryset.visible_to(viewer).get(pk=pk)
    except queryset.model.DoesNotExist as exc:
        raise Http404("No such record") from exc


def paginate(request: HttpRequest, rows):
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


def paginate_records(request: HttpRequest, rows, read_page=None):
    """`paginate` for a long list of records: the count and the page are worked out on
    the records' ids alone (DISTINCT over one column rather than every column), then
    only the page's records are read, through `read_page(rows_of_page)` when the page
    needs more worked out for each row (a status, a RAG) than the list does. The page's
    `object_list` holds the records, in order."""
    page, querystring = paginate(request, rows.values_list("pk", flat=True))
    ids = list(page.object_list)
    on_page = rows.filter(pk__in=ids)
    if read_page is not None:
        on_page = read_page(on_page)
    by_pk = {r.pk: r for r in on_page}
    page.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
    return page, querystring
