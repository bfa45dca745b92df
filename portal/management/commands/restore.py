"""Restore an archive written by `manage.py backup`, then check it against its manifest."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal import backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty database and an empty media storage, then "
        "compare every table's row count and every file's checksum with its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore over a database that has tables or a storage that has files.",
        )

    def handle(self, *args, archive, force, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        try:
            report = backup.restore(
                path, connection=connection, storage=default_storage, force=force
            )
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path}: {report.tables} tables and {report.rows} rows, "
                f"{report.files} files, all matching the manifest."
            )
        )
