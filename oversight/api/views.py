"""The API's page for people: what each endpoint returns and takes, read from the same
OpenAPI description the machines get."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .api import api


def reference(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "tag": (op.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": p.get("schema", {}).get("type", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return render(
        request,
        "api/reference.html",
        {"endpoints": endpoints, "title": schema["info"]["title"], "info": schema["info"]},
    )
