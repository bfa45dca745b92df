#!/usr/bin/env python
"""How often does the search find what people type? The spelling set, on the demo.

Loads the demo (``load_demo``) into a throwaway database, asks the search page
in Arabic for each spelling of ``tests/site/spellings.py`` (the test set: the
demo's names as people in Morocco type them, by cause) and prints, by cause
and overall, the share of spellings whose record is found (among the "all
kinds" list) and found first, then the spellings that miss.

    ./.venv/bin/python bench/spellings.py

Without DATABASE_URL the database is a SQLite file in a temporary folder.
With DATABASE_URL (e.g. PostgreSQL) a separate test database is created next
to the named one and dropped at the end: the named database is not touched.
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    temp_dir = tempfile.mkdtemp(prefix="sharaka-spellings-bench-")
    separate_test_database = bool(os.environ.get("DATABASE_URL"))
    if not separate_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # The demo refuses its development passwords when DEBUG is off.
    os.environ.setdefault("DEMO_ADMIN_PASSWORD", "bench-admin-password")
    os.environ.setdefault("DEMO_STAFF_PASSWORD", "bench-staff-password")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from portal.site.demo.load import load_all
    from tests.site.spellings import SPELLINGS, rates, try_spelling

    settings.ALLOWED_HOSTS = ["*"]
    setup_test_environment()  # the search page's context, read by try_spelling
    if separate_test_database:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        load_all()
        client = Client()
        outcomes = [
            try_spelling(client, query, targets, cause) for cause, query, targets in SPELLINGS
        ]
        print(f"{connection.vendor}: {len(outcomes)} spellings\n")
        print(f"{'cause':<40} {'n':>4} {'found':>7} {'first':>7}")
        causes = list(dict.fromkeys(o.cause for o in outcomes))
        for cause in causes:
            group = [o for o in outcomes if o.cause == cause]
            found, first = rates(group)
            print(f"{cause:<40} {len(group):>4} {found:>7.0%} {first:>7.0%}")
        found, first = rates(outcomes)
        print(f"{'all':<40} {len(outcomes):>4} {found:>7.0%} {first:>7.0%}\n")
        for outcome in outcomes:
            if not outcome.first:
                state = "found, not first" if outcome.found else "not found"
                print(f"{state}: {outcome.query} ({outcome.cause}) → {outcome.shown}")
    finally:
        if separate_test_database:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
