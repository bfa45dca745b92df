"""Write one dated archive of the database and the uploaded files (see portal.backup)."""

from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal import backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump's custom format, or SQLite's online backup) and the "
        "uploaded files into one dated archive with a manifest of row counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default="backups",
            help="Folder the archive is written to (default: backups).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            archive = backup.create(
                Path(output_dir), connection=connection, storage=default_storage
            )
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = backup.manifest_of(archive)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {archive}: {len(manifest['tables'])} tables, "
                f"{sum(manifest['tables'].values())} rows, {len(manifest['files'])} files."
            )
        )
