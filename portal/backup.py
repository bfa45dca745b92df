"""Backups that restore: the database and the uploaded files in one dated archive.

An archive (``sharaka-backup-YYYYMMDD-HHMMSS.tar.gz``) holds:

* ``manifest.json``: when and from which engine, every table's row count and
  every file's size and SHA-256;
* the database: ``database.dump`` (``pg_dump``'s custom format, taken from
  the same snapshot as the row counts) on PostgreSQL, ``database.sqlite3``
  (SQLite's online backup, safe while the site runs) on SQLite;
* ``media/…``: every file of the default storage (local disk or object storage).

:func:`restore` puts an archive back into an empty database and an empty
storage (or, when asked, over existing ones), then checks every table's row
count and every file's checksum against the manifest. ``manage.py backup`` and
``manage.py restore`` (``make backup``, ``make restore``) call them.
"""

import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.db import transaction

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or a restore that cannot be made, or that does not match its manifest."""


@dataclass
class Report:
    tables: int = 0
    rows: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)


# --- what there is ------------------------------------------------------------


def table_counts(connection) -> dict[str, int]:
    """Rows in every table of the database, by table name."""
    quote = connection.ops.quote_name
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - our own names
            counts[table] = cursor.fetchone()[0]
    return counts


def stored_files(storage, folder: str = ""):
    """Names of every file in ``storage``, folders walked, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        yield from stored_files(storage, posixpath.join(folder, name) if folder else name)


def _sha256(stream) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(1024 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def file_checksums(storage) -> dict[str, dict]:
    checksums = {}
    for name in stored_files(storage):
        with storage.open(name, "rb") as stream:
            sha256, size = _sha256(stream)
        checksums[name] = {"size": size, "sha256": sha256}
    return checksums


def _vendor(connection) -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _pg_environment(settings_dict) -> dict:
    """libpq's variables for the database Django uses, so no password is on a command line."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command: list[str], env: dict) -> None:
    try:
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        ) from exc
    if completed.returncode != 0:
        raise BackupError(f"{command[0]} failed: {completed.stderr.strip()}")


# --- backup -------------------------------------------------------------------


def _dump_database(connection, target: Path) -> dict[str, int]:
    """Write the database to ``target``; the row counts of exactly what was written."""
    if _vendor(connection) == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        copy = sqlite3.connect(target)
        try:
            tables = [
                name
                for (name,) in copy.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            return {
                name: copy.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
                for name in tables
            }
        finally:
            copy.close()
    # PostgreSQL: count and dump from one exported snapshot, so they agree even
    # while the site keeps writing.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(connection)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ],
            _pg_environment(connection.settings_dict),
        )
    return counts


def create(folder: Path, *, connection, storage, now: datetime | None = None) -> Path:
    """Write one archive of the database and the stored files into ``folder``; its path."""
    vendor = _vendor(connection)
    now = now or datetime.now(UTC)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"sharaka-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    if archive.exists():
        raise BackupError(f"{archive} already exists.")
    database_name = DATABASE_FILES[vendor]
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / database_name
        counts = _dump_database(connection, database)
        with database.open("rb") as stream:
            database_sha256, _size = _sha256(stream)
        files = file_checksums(storage)
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "engine": vendor,
            "database": database_name,
            "database_sha256": database_sha256,
            "tables": counts,
            "files": files,
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime = len(data), int(now.timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(database, arcname=database_name)
            for name, facts in files.items():
                info = tarfile.TarInfo(MEDIA + name)
                info.size, info.mtime = facts["size"], int(now.timestamp())
                with storage.open(name, "rb") as stream:
                    tar.addfile(info, stream)
        # Only a complete archive gets the final name.
        partial.rename(archive)
    return archive


# --- restore ------------------------------------------------------------------


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, TypeError) as exc:
        raise BackupError("This is not a Sharaka backup: it has no readable manifest.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive, "r:*") as tar:
        return read_manifest(tar)


def _media_name(member: tarfile.TarInfo) -> str | None:
    """The storage name of an archive member under media/, or None if it is not a safe one."""
    if not member.isfile() or not member.name.startswith(MEDIA):
        return None
    name = member.name[len(MEDIA) :]
    parts = name.split("/")
    if not name or name.startswith("/") or any(part in {"", ".", ".."} for part in parts):
        return None
    return name


def _restore_database(connection, database: Path, *, force: bool) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(database)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
    if force:
        command += ["--clean", "--if-exists"]
    env = _pg_environment(connection.settings_dict)
    connection.close()
    _run([*command, f"--dbname={env.get('PGDATABASE', '')}", str(database)], env)


def restore(archive: Path, *, connection, storage, force: bool = False) -> Report:
    """Restore ``archive`` into ``connection``'s database and ``storage``, then check it.

    Refuses a database that has tables, or a storage that has files, unless
    ``force``. Raises BackupError when what was restored differs from the manifest.
    """
    vendor = _vendor(connection)
    with tarfile.open(archive, "r:*") as tar:
        manifest = read_manifest(tar)
        if manifest["engine"] != vendor:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; "
                f"the target is {vendor}. Restore it into the same engine."
            )
        if not force:
            if connection.introspection.table_names():
                raise BackupError(
                    "The target database is not empty. Restore into a new, empty database, "
                    "or pass --force to restore over it."
                )
            if next(stored_files(storage), None) is not None:
                raise BackupError(
                    "The target media storage is not empty. Restore into an empty folder, "
                    "or pass --force to restore over it."
                )
        with tempfile.TemporaryDirectory() as scratch:
            database = Path(scratch) / manifest["database"]
            with tar.extractfile(manifest["database"]) as source, database.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            with database.open("rb") as stream:
                if _sha256(stream)[0] != manifest["database_sha256"]:
                    raise BackupError("The database in this archive is damaged (checksum).")
            _restore_database(connection, database, force=force)
        for member in tar:
            name = _media_name(member)
            if name is None:
                continue
            if force and storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(tar.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}.")
    return check(manifest, connection=connection, storage=storage)


def check(manifest: dict, *, connection, storage) -> Report:
    """Compare the database and the storage with ``manifest``; raise on any difference."""
    counts = table_counts(connection)
    files = file_checksums(storage)
    report = Report(
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
    )
    for table, expected in sorted(manifest["tables"].items()):
        if counts.get(table) != expected:
            report.problems.append(f"table {table}: {counts.get(table)} rows, expected {expected}")
    for name, facts in sorted(manifest["files"].items()):
        if files.get(name) != facts:
            report.problems.append(f"file {name}: missing or different")
    if report.problems:
        listed = "\n  ".join(report.problems)
        raise BackupError(f"The restore does not match the backup:\n  {listed}")
    return report
