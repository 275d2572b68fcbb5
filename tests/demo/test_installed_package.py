"""`oversight demo` runs from the package alone, as installed on a server: nothing it
reads may come from a checkout of the repository beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "oversight"


def test_the_demo_loads_from_a_copy_of_the_package_with_no_checkout_beside_it(tmp_path):
    site_packages = tmp_path / "site-packages"
    shutil.copytree(
        PACKAGE, site_packages / "oversight", ignore=shutil.ignore_patterns("__pycache__")
    )
    work = tmp_path / "work"
    work.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}},
        "PYTHONPATH": str(site_packages),
        "DJANGO_SETTINGS_MODULE": "oversight.settings",
        "SECRET_KEY": "demo-test-key-" + "q8Zr" * 12,
        "DATABASE_URL": f"sqlite:///{work / 'site.sqlite3'}",
        "OVERSIGHT_WORK_DIR": str(work),
    }
    env.pop("OVERSIGHT_STOPSEARCH_SAMPLE", None)

    def oversight(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "oversight", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert oversight("migrate", "--verbosity", "0").returncode == 0
    result = oversight("demo")
    assert result.returncode == 0, result.stderr[-3000:]
    check = oversight(
        "shell",
        "--no-imports",
        "-c",
        "import oversight; from oversight.ingest.models import ImportedDocument as I; "
        "print(oversight.__file__); print(I.objects.filter(status='published').count())",
    )
    where, published = check.stdout.split()
    assert where.startswith(str(site_packages))
    assert int(published) == 3
    assert (work / "oversight-stopsearch.duckdb").exists()
