"""Recompute the stored search text of every searchable record, and the table of words.

``save()`` keeps ``search_text`` and ``search_title`` up to date and adds new
words to the table of indexed words; run this after writes that bypass it:
``bulk_create``, ``QuerySet.update``, SQL imports, and now and then to drop
from the table the words no record has any more.

The table of words is rebuilt from the words read while the text is
recomputed, in the same pass. On PostgreSQL, ``--jobs N`` recomputes N kinds
of record at once, each in its own process and connection (the work is in
Python: one process per core). The processes are started afresh ("spawn"),
not forked, so that none of them inherits this process's connection; each is
told which database to use (under tests, the test database).
"""

import multiprocessing

import django
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from portal.search import (
    REBUILD_BATCH_SIZE,
    refresh_search_text,
    replace_vocabulary,
    searchable_models,
)


def _start_worker(database_name: str) -> None:
    """A new process: set Django up, on the same database as the command's."""
    django.setup()
    settings.DATABASES["default"]["NAME"] = database_name


def _refresh(task: tuple[str, int]) -> tuple[str, int, set[str]]:
    """One kind of record, in a worker process with a connection of its own."""
    label, batch_size = task
    try:
        changed, words = refresh_search_text(apps.get_model(label), batch_size)
    finally:
        connections.close_all()
    return label, changed, words


class Command(BaseCommand):
    help = "Recompute the search text of every searchable record (after bulk writes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH_SIZE,
            help="Rows read and written per batch.",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Kinds of record recomputed at once, each in its own process (PostgreSQL).",
        )

    def handle(self, *args, batch_size, jobs, **options):
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        tasks = [(model._meta.label, batch_size) for model in searchable_models()]
        vocabulary: set[str] = set()
        if jobs > 1 and connection.vendor == "postgresql":
            self.stdout.write(f"{len(tasks)} kinds in {jobs} processes")
            context = multiprocessing.get_context("spawn")
            name = connection.settings_dict["NAME"]
            with context.Pool(jobs, initializer=_start_worker, initargs=(name,)) as pool:
                results = pool.imap_unordered(_refresh, tasks)
                for label, changed, words in results:
                    vocabulary |= words
                    self.stdout.write(f"{label}: {changed} updated")
        else:
            for label, size in tasks:
                changed, words = refresh_search_text(apps.get_model(label), size)
                vocabulary |= words
                self.stdout.write(f"{label}: {changed} updated")
        self.stdout.write(f"indexed words: {replace_vocabulary(vocabulary)}")
