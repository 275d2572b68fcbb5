"""Serving for real: `oversight serve` runs gunicorn with production settings, gathers
the static files under hashed names that browsers may keep for ever, logs one line per
request (JSON when LOG_FORMAT=json), and stops gracefully on SIGTERM. `/healthz` tells a
load balancer whether the database and the stop-and-search store can be read."""

from __future__ import annotations

import json
import logging
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from oversight.stopsearch.store import Store
from tests.security.test_deploy_settings import PRODUCTION, environment, oversight

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_answers_and_no_stop_and_search_data_is_loaded(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "stopsearch": "empty"}}
    assert "no-store" in response["Cache-Control"]


def test_healthz_reads_the_stop_and_search_store(client, settings):
    Store(settings.STOPSEARCH_DB).close()
    assert client.get("/healthz").json()["checks"]["stopsearch"] == "ok"


def test_healthz_stays_healthy_while_an_import_holds_the_stop_and_search_store(client, settings):
    with Store(settings.STOPSEARCH_DB):  # open for writing, as an import has it
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["stopsearch"] == "busy"


def test_healthz_answers_503_when_the_stop_and_search_store_is_damaged(client, settings):
    settings.STOPSEARCH_DB.write_bytes(b"not a duckdb file\x00" * 512)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "stopsearch": "unavailable"}


def _get_in_process(path: str) -> str:
    return (
        "from django.test import Client; r = Client().get(" + repr(path) + "); "
        "print(r.status_code, r.content.decode())"
    )


def test_healthz_answers_503_when_the_database_cannot_be_reached(tmp_path):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    result = oversight(
        ["shell", "--no-imports", "-c", _get_in_process("/healthz")],
        tmp_path,
        **{**PRODUCTION, "HTTPS": "0", "ALLOWED_HOSTS": "testserver"},
        DATABASE_URL=f"postgres://oversight@127.0.0.1:{port}/oversight",
    )
    status, body = result.stdout.split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body)["checks"]["database"] == "unavailable"


def test_every_request_is_logged_in_one_line_with_its_status_time_and_user(
    client, caplog, scrutiny_officer
):
    caplog.set_level(logging.INFO, logger="oversight.requests")
    client.force_login(scrutiny_officer.user)
    client.get("/no-such-page/?q=what+someone+searched")
    [line] = [r for r in caplog.records if r.name == "oversight.requests"]
    assert line.getMessage() == "GET /no-such-page/ 404"
    assert (line.method, line.path, line.status) == ("GET", "/no-such-page/", 404)
    assert line.user_id == scrutiny_officer.user.pk
    assert line.duration_ms >= 0
    assert "searched" not in repr(vars(line))


def test_log_lines_are_json_objects_when_log_format_is_json(tmp_path):
    oversight(["migrate", "--verbosity", "0"], tmp_path, **PRODUCTION)
    result = oversight(
        ["shell", "--no-imports", "-c", _get_in_process("/healthz")],
        tmp_path,
        **{**PRODUCTION, "HTTPS": "0", "ALLOWED_HOSTS": "testserver"},
        LOG_FORMAT="json",
    )
    assert result.stdout.startswith("200 "), result.stderr
    [line] = [json.loads(text) for text in result.stderr.splitlines() if text.strip()]
    assert line["logger"] == "oversight.requests" and line["message"] == "GET /healthz 200"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.build_opener(_NoRedirects).open(request, timeout=10)
    except urllib.error.HTTPError as exc:
        return exc


def test_serve_runs_gunicorn_with_hashed_long_cached_static_files_and_stops_on_sigterm(
    tmp_path,
):
    env = {**PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1", "LOG_FORMAT": "json"}
    assert oversight(["migrate", "--verbosity", "0"], tmp_path, **env).returncode == 0
    port = _free_port()
    environ = environment(tmp_path, **env)
    server = subprocess.Popen(
        [sys.executable, "-m", "oversight", "serve", "--bind", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                health = urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer")
        # Over plain HTTP on the private network, for the load balancer.
        assert health.status == 200 and json.load(health)["status"] == "ok"

        home = _get(base + "/", **{"X-Forwarded-Proto": "https"})
        assert home.status == 200
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home.read().decode())[1]
        assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet), stylesheet
        css = _get(base + stylesheet, **{"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"})
        assert css.status == 200
        assert css.headers["Cache-Control"] == "max-age=315360000, public, immutable"
        assert css.headers["Content-Encoding"] == "gzip"
        assert (tmp_path / "staticfiles" / "staticfiles.json").exists()

        # A page over plain HTTP is sent to HTTPS.
        plain = _get(base + "/")
        assert plain.status == 301 and plain.headers["Location"].startswith("https://")
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    lines = [json.loads(text) for text in err.splitlines() if text.startswith("{")]
    requests = [line for line in lines if line["logger"] == "oversight.requests"]
    assert {"/healthz", "/", stylesheet} <= {r["path"] for r in requests}
    assert any("Shutting down" in line["message"] for line in lines), err
