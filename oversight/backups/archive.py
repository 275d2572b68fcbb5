"""One backup archive: a tar file holding

    manifest.json          what is inside, and the installation it came from
    database.sqlite3       the database (SQLite), or
    database.pgdump        the database (PostgreSQL, pg_dump's custom format)
    stopsearch.duckdb      the stop-and-search store, when there is one
    media/...              every file under MEDIA_ROOT (evidence, imported documents,
                           papers, page images)
    storage/...            every uploaded file in the object store, when uploads are
                           kept there (EVIDENCE_S3_BUCKET) rather than in MEDIA_ROOT

The manifest lists every other member with its size and SHA-256, the database engine,
and the latest migration of every app. `restore` checks all of that before it writes
anything, and refuses, with the reason, an archive that is damaged (a member missing,
extra, or not matching its checksum), from another engine, or from another version of
Oversight (other migrations), and an installation that is not empty.

What is copied when: the database first (one consistent snapshot), then the store,
then the files. Uploaded files are written before the row that names them is committed
and never changed afterwards, so every file the copied database names is in the
archive; a file uploaded during the backup may be there too, named by nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import duckdb
from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import databases
from .errors import Refused

FORMAT = "oversight-backup/1"
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
STORE_MEMBER = "stopsearch.duckdb"
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class Summary:
    database: str
    stopsearch: bool
    files: int
    bytes: int

    def line(self) -> str:
        store = "the stop-and-search store, " if self.stopsearch else ""
        return (
            f"{ENGINE_NAMES.get(self.database, self.database)} database, {store}"
            f"{self.files} uploaded files; {self.bytes} bytes"
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def migrations_applied() -> dict[str, str]:
    """The latest migration applied of every app, as the manifest keeps them."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    latest: dict[str, str] = {}
    for app, name in sorted(loader.applied_migrations or {}):
        latest[app] = name
    return latest


def migrations_of_the_code() -> dict[str, str]:
    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    return {app: name for app, name in sorted(loader.graph.leaf_nodes())}


# --- writing --------------------------------------------------------------------------


def write_backup(path: Path) -> Summary:
    """Write the installation's archive to `path` (written beside it, then renamed, so a
    failed backup leaves no half archive under the name)."""
    path = Path(path)
    vendor = databases.vendor()
    with tempfile.TemporaryDirectory(prefix="oversight-backup-") as work:
        work = Path(work)
        members: list[tuple[str, Path]] = []
        database = work / DATABASE_MEMBER[vendor]
        databases.dump(database)
        members.append((database.name, database))
        store = _copy_store(work / STORE_MEMBER)
        if store is not None:
            members.append((STORE_MEMBER, store))
        media = Path(settings.MEDIA_ROOT)
        uploaded = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        members += [("media/" + p.relative_to(media).as_posix(), p) for p in uploaded]
        stored = _copy_object_store(work / "storage")
        members += [("storage/" + name, copy) for name, copy in stored]

        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": vendor,
            "migrations": migrations_applied(),
            "members": {
                name: {"size": source.stat().st_size, "sha256": sha256_of(source)}
                for name, source in members
            },
        }
        manifest_file = work / MANIFEST
        manifest_file.write_text(json.dumps(manifest, indent=2, sort_keys=True))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(manifest_file, arcname=MANIFEST)
            for name, source in members:
                tar.add(source, arcname=name)
        partial.replace(path)
    return Summary(
        database=vendor,
        stopsearch=store is not None,
        files=len(uploaded) + len(stored),
        bytes=path.stat().st_size,
    )


def _object_store_names(folder: str = "") -> list[str]:
    """Every file's name in the object store holding uploads; none when uploads are
    kept on disk (they are then under MEDIA_ROOT, copied as such)."""
    if isinstance(default_storage, FileSystemStorage):
        return []
    folders, files = default_storage.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += _object_store_names(f"{folder}{sub}/")
    return sorted(names)


def _copy_object_store(work: Path) -> list[tuple[str, Path]]:
    copies = []
    for name in _object_store_names():
        target = work / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as src, open(target, "wb") as out:
            shutil.copyfileobj(src, out)
        copies.append((name, target))
    return copies


def _copy_store(target: Path) -> Path | None:
    """A copy of the stop-and-search store, or None when there is none. Its last writes
    are made part of the file (CHECKPOINT) first; the copy is taken while this process
    holds the file open, so no import can start writing during it."""
    source = Path(settings.STOPSEARCH_DB)
    if not source.exists():
        return None
    for attempt in range(20):
        try:
            if Path(f"{source}.wal").exists():
                with duckdb.connect(str(source)) as con:
                    con.execute("CHECKPOINT")
            with duckdb.connect(str(source), read_only=True):
                shutil.copyfile(source, target)
            return target
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or attempt == 19:
                raise Refused(
                    "the stop-and-search store is being written (an import is running); "
                    "try again when it has finished"
                ) from exc
            time.sleep(0.25)
    return None


# --- checking and restoring -----------------------------------------------------------


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix()


def check_archive(path: Path) -> dict:
    """The archive's manifest, once every member is there and matches it; else Refused
    with the reason. Nothing is written."""
    try:
        tar = tarfile.open(path, "r:*")
    except (OSError, tarfile.TarError) as exc:
        raise Refused(f"{path} is not a backup archive ({exc})") from exc
    with tar:
        try:
            entries = {member.name: member for member in tar.getmembers()}
        except (OSError, tarfile.TarError, EOFError) as exc:
            raise Refused(
                f"the archive is damaged: it could not be read to the end ({exc})"
            ) from exc
        if MANIFEST not in entries:
            raise Refused("the archive has no manifest.json: it is not an Oversight backup")
        try:
            manifest = json.load(tar.extractfile(entries[MANIFEST]))
        except (ValueError, OSError, tarfile.TarError) as exc:
            raise Refused(f"the archive's manifest cannot be read ({exc})") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise Refused(
                f"the archive is not an {FORMAT} backup (format: "
                f"{manifest.get('format') if isinstance(manifest, dict) else None!r})"
            )
        listed = manifest.get("members") or {}
        vendor = manifest.get("database")
        if DATABASE_MEMBER.get(vendor) not in listed:
            raise Refused("the archive's manifest names no database")
        missing = sorted(set(listed) - set(entries))
        if missing:
            raise Refused(f"the archive is damaged: {missing[0]} is missing from it")
        extra = sorted(set(entries) - set(listed) - {MANIFEST})
        if extra:
            raise Refused(f"the archive holds {extra[0]}, which its manifest does not list")
        for name, expected in listed.items():
            member = entries[name]
            if not _safe_name(name) or not member.isfile():
                raise Refused(f"the archive holds {name!r}, which is not a plain file")
            digest = hashlib.sha256()
            try:
                with tar.extractfile(member) as handle:
                    for chunk in iter(lambda: handle.read(1 << 20), b""):
                        digest.update(chunk)
            except (OSError, tarfile.TarError, EOFError) as exc:
                raise Refused(f"the archive is damaged: {name} cannot be read ({exc})") from exc
            if member.size != expected.get("size") or digest.hexdigest() != expected.get("sha256"):
                raise Refused(f"the archive is damaged: {name} does not match its checksum")
    return manifest


def check_installation(manifest: dict) -> None:
    """Refused unless the archive fits this installation and the installation is empty."""
    vendor = databases.vendor()
    if manifest["database"] != vendor:
        raise Refused(
            f"the backup is of a {ENGINE_NAMES.get(manifest['database'], manifest['database'])}"
            f" database and this installation uses {ENGINE_NAMES.get(vendor, vendor)}"
        )
    code = migrations_of_the_code()
    if manifest.get("migrations") != code:
        differ = sorted(
            app
            for app in set(code) | set(manifest.get("migrations") or {})
            if code.get(app) != (manifest.get("migrations") or {}).get(app)
        )
        raise Refused(
            "the backup was made by another version of Oversight (its database differs in "
            f"{', '.join(differ)}): restore it with the version that made it"
        )
    if not databases.is_empty():
        raise Refused("this installation's database is not empty: restore into a new one")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        raise Refused(f"MEDIA_ROOT ({media}) already holds files: restore into an empty one")
    if _object_store_names():
        raise Refused("the object store for uploads already holds files: use an empty one")
    if Path(settings.STOPSEARCH_DB).exists():
        raise Refused(f"the stop-and-search store {settings.STOPSEARCH_DB} already exists")


def restore_backup(path: Path) -> Summary:
    """Put the archive at `path` back into this empty installation, after checking it
    (see `check_archive`, `check_installation`); Refused, having written nothing, when
    either check fails."""
    path = Path(path)
    manifest = check_archive(path)
    check_installation(manifest)
    listed = manifest["members"]
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="oversight-restore-") as work:
        work = Path(work)
        with tarfile.open(path, "r:*") as tar:
            tar.extractall(work, members=[tar.getmember(n) for n in listed], filter="data")
        databases.load(work / DATABASE_MEMBER[manifest["database"]])
        if (work / STORE_MEMBER).exists():
            Path(settings.STOPSEARCH_DB).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / STORE_MEMBER, settings.STOPSEARCH_DB)
        files = [n for n in listed if n.startswith("media/")]
        for name in files:
            target = media / PurePosixPath(name).relative_to("media")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / name, target)
        objects = [n for n in listed if n.startswith("storage/")]
        for name in objects:
            key = str(PurePosixPath(name).relative_to("storage"))
            with open(work / name, "rb") as handle:
                default_storage.save(key, File(handle, name=key))
    return Summary(
        database=manifest["database"],
        stopsearch=STORE_MEMBER in listed,
        files=len(files) + len(objects),
        bytes=path.stat().st_size,
    )
