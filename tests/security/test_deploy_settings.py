"""Production settings come from the environment: with them, Django's deployment check is
clean; without a SECRET_KEY, a live (DEBUG off) site refuses to start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-" + "x7Qp2vLm9RtZ" * 4,
    "ALLOWED_HOSTS": "oversight.example.gov.uk",
    "HTTPS": "1",
}


def environment(tmp_path: Path, **env: str) -> dict[str, str]:
    """The environment of a deployment in the working folder `tmp_path`, with only the
    settings given in `env`."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "HTTPS", "SECURE_COOKIES"}
        and k != "DJANGO_ALLOW_ASYNC_UNSAFE"  # set for the browser tests only
    }
    environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "oversight.settings",
            "PYTHONPATH": str(CHECKOUT),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            "OVERSIGHT_WORK_DIR": str(tmp_path),
            **env,
        }
    )
    return environ


def oversight(
    args: list[str], tmp_path: Path, python: list[str] | None = None, **env: str
) -> subprocess.CompletedProcess:
    """Run the `oversight` command (or `python` with other arguments) as a deployment
    would, in a fresh working folder, with only the settings given in `env`."""
    return subprocess.run(
        [sys.executable, *(python or ["-m", "oversight"]), *args],
        cwd=tmp_path,
        env=environment(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_check_is_clean_with_production_settings(tmp_path):
    result = oversight(["check", "--deploy", "--fail-level", "WARNING"], tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_the_deployment_check_warns_when_not_served_over_https(tmp_path):
    plain = {**PRODUCTION, "HTTPS": "0"}
    result = oversight(["check", "--deploy"], tmp_path, **plain)
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W012" in result.stderr  # session cookie not secure


WITHOUT_KEY = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}


@pytest.mark.parametrize("command", [["runserver", "--noreload"], ["migrate"], ["check"]])
def test_a_live_site_without_a_secret_key_refuses_to_start(tmp_path, command):
    result = oversight(command, tmp_path, **WITHOUT_KEY)
    assert result.returncode != 0
    assert "oversight.E001" in result.stderr and "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / ".oversight-secret-key").exists()


def test_the_wsgi_application_refuses_to_load_without_a_secret_key(tmp_path):
    result = oversight([], tmp_path, python=["-c", "import oversight.wsgi"], **WITHOUT_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_reading_a_document_needs_no_secret_key(tmp_path):
    document = tmp_path / "minutes.md"
    document.write_text("# Minutes\n\nThe committee agreed to review parks.\n")
    result = oversight(["extract", str(document)], tmp_path, **WITHOUT_KEY)
    assert result.returncode == 0, result.stderr
    assert '"schema": "oversight.extraction/1"' in result.stdout


def test_development_may_run_without_a_secret_key(tmp_path):
    result = oversight(["check"], tmp_path, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".oversight-secret-key").stat().st_mode & 0o077 == 0


def test_https_turns_on_secure_cookies_hsts_and_redirect(tmp_path):
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"]
    code = f"from django.conf import settings as s; print([getattr(s, n) for n in {names}], "
    code += "s.SECURE_HSTS_SECONDS)"
    result = oversight(["shell", "--no-imports", "-c", code], tmp_path, **PRODUCTION)
    assert result.stdout.strip() == "[True, True, True] 31536000", result.stderr
