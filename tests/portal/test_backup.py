"""make backup / make restore: a backup of the demo restores every row and every file.

Runs on the suite's database: SQLite, and PostgreSQL (pg_dump / pg_restore)
in CI's second run. The restore goes into a fresh database and an empty
media folder, and each table's row count and each file are compared with
the database and the files that were backed up.
"""

import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection, connections

from portal import backup
from projects.models import Project, ProjectDocument, ProjectPhoto
from tests.helpers import jpeg, pdf_bytes, set_demo_passwords

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(monkeypatch):
    """The demo records, with a photo and a document so that there are files to keep."""
    set_demo_passwords(monkeypatch)
    call_command("load_demo", verbosity=0)
    project = Project.objects.order_by("pk").first()
    ProjectPhoto.objects.create(project=project, image=jpeg(), order=1)
    ProjectDocument.objects.create(
        project=project,
        title_ar="دفتر التحملات",
        file=default_storage.save("projects/documents/cps.pdf", _file(pdf_bytes())),
    )
    return project


def _file(data: bytes):
    return ContentFile(data)


@pytest.fixture
def fresh_database(tmp_path):
    """A connection to a new, empty database of the suite's engine, dropped afterwards."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        name = f"{settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        name = str(tmp_path / "restored.sqlite3")
    settings_dict["NAME"] = name
    target = type(connections["default"])(settings_dict, alias="restore_target")
    yield target
    target.close()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_a_backup_of_the_demo_restores_every_row_and_every_file(demo, tmp_path, fresh_database):
    rows_before = backup.table_counts(connection)
    files_before = backup.file_checksums(default_storage)
    assert rows_before["projects_project"] > 0 and len(files_before) == 2

    archive = backup.create(tmp_path / "backups", connection=connection, storage=default_storage)
    restored_media = FileSystemStorage(location=tmp_path / "restored-media")
    report = backup.restore(archive, connection=fresh_database, storage=restored_media)

    assert backup.table_counts(fresh_database) == rows_before
    assert backup.file_checksums(restored_media) == files_before
    assert report.tables == len(rows_before)
    assert report.rows == sum(rows_before.values())
    assert report.files == 2
    assert archive.name.startswith("sharaka-backup-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[0] == "manifest.json"
    assert backup.DATABASE_FILES[connection.vendor] in names
    assert "media/projects/documents/cps.pdf" in names


def test_restore_refuses_a_database_that_is_not_empty(demo, tmp_path):
    archive = backup.create(tmp_path, connection=connection, storage=default_storage)
    empty_media = FileSystemStorage(location=tmp_path / "empty")

    with pytest.raises(backup.BackupError, match="The target database is not empty"):
        backup.restore(archive, connection=connection, storage=empty_media)

    assert list(backup.stored_files(empty_media)) == []


def test_restore_refuses_a_media_folder_that_is_not_empty(demo, tmp_path, fresh_database):
    archive = backup.create(tmp_path, connection=connection, storage=default_storage)
    media = FileSystemStorage(location=tmp_path / "busy")
    media.save("left-over.txt", _file(b"keep me"))

    with pytest.raises(backup.BackupError, match="The target media storage is not empty"):
        backup.restore(archive, connection=fresh_database, storage=media)

    assert fresh_database.introspection.table_names() == []


def test_force_restores_over_a_database_and_media_that_are_not_empty(demo, tmp_path):
    archive = backup.create(tmp_path, connection=connection, storage=default_storage)
    rows = backup.table_counts(connection)
    Project.objects.filter(pk=demo.pk).update(progress=1)
    ProjectPhoto.objects.all().delete()

    report = backup.restore(archive, connection=connection, storage=default_storage, force=True)

    assert backup.table_counts(connection) == rows
    assert ProjectPhoto.objects.count() == 1
    assert report.files == 2


def test_a_damaged_archive_is_refused(tmp_path, fresh_database):
    archive = tmp_path / "sharaka-backup-20260101-000000.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(__file__, arcname="notes.txt")

    with pytest.raises(backup.BackupError, match="no readable manifest"):
        backup.restore(
            archive, connection=fresh_database, storage=FileSystemStorage(tmp_path / "m")
        )


def test_the_commands_write_and_restore_an_archive(demo, tmp_path):
    call_command("backup", output_dir=str(tmp_path / "out"), verbosity=0)
    (archive,) = Path(tmp_path / "out").iterdir()

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))
    call_command("restore", str(archive), force=True)
    with pytest.raises(CommandError, match="No archive"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
