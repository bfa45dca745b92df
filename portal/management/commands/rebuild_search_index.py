"""Recompute the stored search text of every searchable record, and the table of words.

``save()`` keeps ``search_text`` and ``search_title`` up to date and adds new
words to the table of indexed words; run this after writes that bypass it:
``bulk_create``, ``QuerySet.update``, SQL imports, and now and then to drop
from the table the words no record has any more.
"""

from django.core.management.base import BaseCommand

from portal.search import (
    REBUILD_BATCH_SIZE,
    rebuild_search_text,
    rebuild_vocabulary,
    searchable_models,
)


class Command(BaseCommand):
    help = "Recompute the search text of every searchable record (after bulk writes)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=REBUILD_BATCH_SIZE,
            help="Rows read and written per batch.",
        )

    def handle(self, *args, batch_size, **options):
        for model in searchable_models():
            changed = rebuild_search_text(model, batch_size=batch_size)
            self.stdout.write(f"{model._meta.label}: {changed} updated")
        self.stdout.write(f"indexed words: {rebuild_vocabulary()}")
