"""What every API answer carries: CORS for reading from any site, `Last-Modified` (when
the open data last changed) and an `ETag`, with `304 Not Modified` for a client that
already has the answer."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date

from oversight.public.open_data import last_changed

PREFIX = "/api/"


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Allow-Origin"] = "*"
            return response
        response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        changed = last_changed()
        if changed is not None:
            response["Last-Modified"] = http_date(changed.timestamp())
        set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=int(changed.timestamp()) if changed else None,
            response=response,
        )
