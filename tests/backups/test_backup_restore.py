"""`oversight backup FILE` and `oversight restore FILE`, run as an administrator runs
them, on real installations (each its own database, MEDIA_ROOT and stop-and-search
store): a round trip gives an identical export and identical files; a damaged or
mismatched archive, or an installation that is not empty, is refused with the reason
and nothing is written. On the database the suite runs on: SQLite files, or new
databases on the PostgreSQL server of DATABASE_URL."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import time
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from tests.security.test_deploy_settings import PRODUCTION, environment, oversight

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.fixture
def installations(tmp_path):
    """Makes empty installations; on PostgreSQL each gets a new database, dropped after."""
    made: list[str] = []
    server = dj_database_url.parse(os.environ.get("DATABASE_URL", "sqlite://"))

    def admin():
        return psycopg.connect(
            host=server["HOST"],
            port=server["PORT"] or 5432,
            user=server["USER"],
            password=server["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )

    def make(name: str) -> tuple[Path, dict[str, str]]:
        folder = tmp_path / name
        folder.mkdir()
        if ON_POSTGRES:
            database = f"backup_{name}_{uuid.uuid4().hex[:8]}"
            with admin() as con:
                con.execute(f'CREATE DATABASE "{database}"')
            made.append(database)
            user = server["USER"] + (f":{server['PASSWORD']}" if server["PASSWORD"] else "")
            url = f"postgres://{user}@{server['HOST']}:{server['PORT'] or 5432}/{database}"
        else:
            url = f"sqlite:///{folder / 'site.sqlite3'}"
        env = {
            **PRODUCTION,
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(folder / "media"),
            "STOPSEARCH_DB": str(folder / "stopsearch.duckdb"),
        }
        return folder, env

    yield make
    if made:
        with admin() as con:
            for database in made:
                con.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def run(folder: Path, env: dict, *args: str):
    result = oversight(list(args), folder, **env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def files_of(folder: Path) -> dict[str, bytes]:
    media = folder / "media"
    return {
        p.relative_to(media).as_posix(): p.read_bytes() for p in media.rglob("*") if p.is_file()
    }


def what_the_public_sees(folder: Path, env: dict) -> dict[str, str]:
    summary = ["stopsearch", "summary", "--area", "Hackney", "--from", "2024-01", "--to", "2024-12"]
    return {
        "json": run(folder, env, "export", "--format", "json").stdout,
        "csv": run(folder, env, "export", "--format", "csv").stdout,
        "stopsearch": oversight(summary, folder, **env).stdout,
    }


def test_a_backup_restores_into_an_empty_installation_with_an_identical_export_and_files(
    installations,
):
    source, source_env = installations("live")
    run(source, source_env, "migrate", "--verbosity", "0")
    run(source, source_env, "demo")
    archive = source / "backup.tar.gz"
    made = run(source, source_env, "backup", str(archive))
    assert "the stop-and-search store" in made.stdout
    before, files = what_the_public_sees(source, source_env), files_of(source)
    assert json.loads(before["json"])["recommendations"] and files

    target, target_env = installations("new")
    run(target, target_env, "migrate", "--verbosity", "0")
    restored = run(target, target_env, "restore", str(archive))
    assert f"{len(files)} uploaded files" in restored.stdout
    assert what_the_public_sees(target, target_env) == before
    assert files_of(target) == files
    # The restored database still refuses to rewrite history (its triggers came too).
    rewrite = (
        "from oversight.tracker.models import Review; "
        "Review.history.model.objects.all().update(title='x')"
    )
    refused = oversight(["shell", "--no-imports", "-c", rewrite], target, **target_env)
    assert refused.returncode != 0


LOAD = """
import pathlib, time
from django.conf import settings
from oversight.directory.models import Organisation
media = pathlib.Path(settings.MEDIA_ROOT) / "load"
media.mkdir(parents=True, exist_ok=True)
i = 0
while not pathlib.Path("STOP").exists():
    Organisation.objects.create(name=f"Load {i}", kind="other")
    (media / f"{i}.txt").write_text(f"file {i}")
    if i == 5:
        pathlib.Path("STARTED").touch()
    i += 1
    time.sleep(0.005)
print(i)
"""
COUNT = (
    "from oversight.directory.models import Organisation as O; "
    "print(O.objects.filter(name__startswith='Load ').count())"
)


def test_a_backup_taken_while_the_site_writes_restores_to_an_identical_export(installations):
    """Organisations and files are written all through the backup: none of them is
    public, so the restored export equals the live one; the restored database holds
    some of them and every restored file is whole."""
    source, env = installations("busy")
    run(source, env, "migrate", "--verbosity", "0")
    run(source, env, "demo")
    public = what_the_public_sees(source, env)
    load = subprocess.Popen(
        [sys.executable, "-m", "oversight", "shell", "--no-imports", "-c", LOAD],
        cwd=source,
        env=environment(source, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if (source / "STARTED").exists() or load.poll() is not None:
                break
            time.sleep(0.05)
        assert (source / "STARTED").exists(), load.stderr.read() if load.poll() else ""
        archive = source / "backup.tar.gz"
        run(source, env, "backup", str(archive))
    finally:
        (source / "STOP").touch()
        out, err = load.communicate(timeout=60)
    assert load.returncode == 0, err
    written = int(out.split()[-1])

    target, target_env = installations("restored")
    run(target, target_env, "restore", str(archive))
    assert what_the_public_sees(target, target_env) == public
    restored = int(run(target, target_env, "shell", "--no-imports", "-c", COUNT).stdout)
    assert 6 <= restored <= written
    live = files_of(source)
    for name, data in files_of(target).items():
        assert live[name] == data, name


@pytest.fixture
def small_backup(installations):
    """A backup of an installation holding one organisation and one uploaded file."""
    source, env = installations("small")
    run(source, env, "migrate", "--verbosity", "0")
    make = (
        "from oversight.directory.models import Organisation; "
        "Organisation.objects.create(name='Hackney Council', kind='council')"
    )
    run(source, env, "shell", "--no-imports", "-c", make)
    (source / "media" / "evidence" / "1").mkdir(parents=True)
    (source / "media" / "evidence" / "1" / "minutes.txt").write_text("The minutes.\n")
    archive = source / "backup.tar.gz"
    run(source, env, "backup", str(archive))
    return archive


def rewritten(archive: Path, change) -> Path:
    """A copy of `archive` with `change(name, data)` applied to each member: it returns
    the new bytes, or None to leave the member out."""
    out = archive.with_name("changed.tar.gz")
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            data = change(member.name, src.extractfile(member).read())
            if data is not None:
                member.size = len(data)
                dst.addfile(member, io.BytesIO(data))
    return out


def with_manifest(**changes):
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), **changes}).encode()

    return change


def cut_short(archive: Path) -> Path:
    out = archive.with_name("short.tar.gz")
    out.write_bytes(archive.read_bytes()[:4000])
    return out


def not_an_archive(archive: Path) -> Path:
    out = archive.with_name("notes.txt")
    out.write_text("hello")
    return out


def added(archive: Path) -> Path:
    extra = archive.with_name("extra.tar.gz")
    with tarfile.open(archive) as src, tarfile.open(extra, "w:gz") as dst:
        for member in src.getmembers():
            dst.addfile(member, io.BytesIO(src.extractfile(member).read()))
        planted = tarfile.TarInfo("media/evidence/1/planted.html")
        planted.size = len(b"<p>x</p>")
        dst.addfile(planted, io.BytesIO(b"<p>x</p>"))
    return extra


MINUTES = "media/evidence/1/minutes.txt"
DAMAGE = {
    "cut short": (cut_short, "damaged"),
    "not an archive": (not_an_archive, "is not a backup archive"),
    "a file changed": (
        lambda a: rewritten(a, lambda n, d: b"Altered.\n" if n == MINUTES else d),
        f"the archive is damaged: {MINUTES} does not match its checksum",
    ),
    "a file missing": (
        lambda a: rewritten(a, lambda n, d: None if n.startswith("media/") else d),
        f"the archive is damaged: {MINUTES} is missing from it",
    ),
    "a file added": (
        added,
        "which its manifest does not list",
    ),
    "no manifest": (
        lambda a: rewritten(a, lambda n, d: None if n == "manifest.json" else d),
        "no manifest.json",
    ),
    "another version": (
        lambda a: rewritten(a, with_manifest(migrations={"tracker": "0001_initial"})),
        "made by another version of Oversight",
    ),
}


def test_damaged_or_mismatched_archives_are_refused_with_their_reasons_and_nothing_written(
    installations, small_backup
):
    target, env = installations("new")
    run(target, env, "migrate", "--verbosity", "0")
    count = "from oversight.directory.models import Organisation as O; print(O.objects.count())"
    for damage, (spoil, reason) in DAMAGE.items():
        result = oversight(["restore", str(spoil(small_backup))], target, **env)
        assert result.returncode != 0, damage
        assert "Nothing was restored: " in result.stderr, (damage, result.stderr)
        assert reason in result.stderr, (damage, result.stderr)
        assert "Traceback" not in result.stderr, damage
    assert run(target, env, "shell", "--no-imports", "-c", count).stdout.strip() == "0"
    assert not (target / "media").exists() or files_of(target) == {}
    assert not (target / "stopsearch.duckdb").exists()
    # The archive itself, untouched, restores.
    run(target, env, "restore", str(small_backup))
    assert run(target, env, "shell", "--no-imports", "-c", count).stdout.strip() == "1"
    assert files_of(target) == {"evidence/1/minutes.txt": b"The minutes.\n"}


def test_an_archive_of_the_other_engine_is_refused(installations, small_backup):
    def other_engine(name: str, data: bytes) -> bytes:
        if name == "manifest.json":
            manifest = json.loads(data)
            old = "database.pgdump" if ON_POSTGRES else "database.sqlite3"
            new = "database.sqlite3" if ON_POSTGRES else "database.pgdump"
            manifest["database"] = "sqlite" if ON_POSTGRES else "postgresql"
            manifest["members"][new] = manifest["members"].pop(old)
            return json.dumps(manifest).encode()
        return data

    bad = rewritten(small_backup, other_engine)
    # The database member keeps its old name: rename it in the tar too.
    renamed = bad.with_name("renamed.tar.gz")
    with tarfile.open(bad) as src, tarfile.open(renamed, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name.startswith("database."):
                member.name = "database.sqlite3" if ON_POSTGRES else "database.pgdump"
            dst.addfile(member, io.BytesIO(data))
    target, env = installations("new")
    result = oversight(["restore", str(renamed)], target, **env)
    engines = ("SQLite", "PostgreSQL") if ON_POSTGRES else ("PostgreSQL", "SQLite")
    assert (
        f"the backup is of a {engines[0]} database and this installation uses {engines[1]}"
        in result.stderr
    ), result.stderr


def test_a_restore_into_an_installation_that_is_not_empty_is_refused(installations, small_backup):
    target, env = installations("used")
    run(target, env, "migrate", "--verbosity", "0")
    make = (
        "from oversight.directory.models import Organisation; "
        "Organisation.objects.create(name='Islington Council', kind='council')"
    )
    run(target, env, "shell", "--no-imports", "-c", make)
    result = oversight(["restore", str(small_backup)], target, **env)
    assert result.returncode != 0
    assert "this installation's database is not empty" in result.stderr
