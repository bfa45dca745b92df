#!/usr/bin/env python
"""How fast is the site search over 50,000 published records?

Loads 50,000 records (associations, meetings, presentations, projects and
recommendations) with Arabic and French text into a throwaway database with
``bulk_create``, fills their search text with ``rebuild_search_index``, then
times typical searches — the overview (the first five results and a count capped
at 100 per kind, as the search page runs them) — and prints the median and 95th percentile
latency and the number of matching rows per query.

    ./.venv/bin/python bench/search.py [--records 50000] [--runs 9]

Without DATABASE_URL the database is a SQLite file in a temporary folder.
With DATABASE_URL (e.g. PostgreSQL) a separate test database is created next
to the named one and dropped at the end: the named database is not touched.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS_AR = [
    "التنمية",
    "المدرسة",
    "مستشفى",
    "الطريق",
    "الماء",
    "الشباب",
    "المرأة",
    "الاستقبال",
    "الإنارة",
    "العمومية",
    "الساحة",
    "الحديقة",
    "التطهير",
    "الرياضة",
    "الثقافة",
    "الصحة",
    "الجماعة",
    "الجمعيات",
    "المجتمع",
    "المدني",
    "الفلاحة",
    "التعاونية",
    "البيئة",
    "النقل",
    "السوق",
    "الأسبوعي",
    "تأهيل",
    "بناء",
    "توسعة",
    "دعم",
    "تهيئة",
    "إحداث",
    "برنامج",
    "عمل",
]
WORDS_FR = [
    "développement",
    "école",
    "hôpital",
    "route",
    "eau",
    "jeunesse",
    "femmes",
    "accueil",
    "éclairage",
    "public",
    "place",
    "jardin",
    "assainissement",
    "sport",
    "culture",
    "santé",
    "commune",
    "associations",
    "société",
    "civile",
    "agriculture",
    "coopérative",
    "environnement",
    "transport",
    "marché",
    "hebdomadaire",
    "réhabilitation",
    "construction",
    "extension",
]
QUERIES = [
    "التنمية",
    "مدرسه",
    "مستشفي العموميه",  # two words, both folded: ى→ي and ة→ه
    "الإستقبال",
    "développement",
    "ECOLE",
    "hopital route",
    "كلمة غير موجودة",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=9)
    return parser.parse_args()


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def load(total, rng):
    from django.utils import timezone

    from associations.models import Association
    from meetings.models import Meeting, Presentation
    from portal.models import Commune, Institution
    from projects.models import Project, Sector
    from recommendations.models import Recommendation

    commune = Commune.objects.create(name_ar="كلميم", name_fr="Guelmim", slug="guelmim")
    sector = Sector.objects.create(name_ar="الماء", name_fr="Eau", slug="water")
    institution = Institution.objects.create(name_ar="الجماعة", name_fr="La commune")
    share = total // 5
    now = timezone.now()

    def texts(field_ar, field_fr, n_title, n_summary=0, summary=None):
        values = {
            f"{field_ar}_ar": sentence(rng, WORDS_AR, n_title),
            f"{field_ar}_fr": sentence(rng, WORDS_FR, n_title),
        }
        values[field_ar] = values[f"{field_ar}_ar"]
        if summary:
            values[f"{summary}_ar"] = sentence(rng, WORDS_AR, n_summary)
            values[f"{summary}_fr"] = sentence(rng, WORDS_FR, n_summary)
            values[summary] = values[f"{summary}_ar"]
        return values

    def published():
        return rng.random() < 0.9

    Association.objects.bulk_create(
        [
            Association(
                slug=f"a-{n}",
                commune=commune,
                published=published(),
                created_at=now,
                **texts("name", "name", 4, 25, "description"),
            )
            for n in range(share)
        ],
        batch_size=1000,
    )
    Meeting.objects.bulk_create(
        [
            Meeting(
                slug=f"m-{n}",
                commune=commune,
                published=published(),
                start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2000),
                **texts("title", "title", 5, 40, "summary"),
            )
            for n in range(share)
        ],
        batch_size=1000,
    )
    meeting_ids = list(Meeting.objects.values_list("pk", flat=True))
    Presentation.objects.bulk_create(
        [
            Presentation(
                meeting_id=rng.choice(meeting_ids),
                institution=institution,
                **texts("title", "title", 5, 30, "summary"),
            )
            for n in range(share)
        ],
        batch_size=1000,
    )
    Project.objects.bulk_create(
        [
            Project(
                slug=f"p-{n}",
                commune=commune,
                sector=sector,
                published=published(),
                **texts("title", "title", 5, 40, "summary"),
            )
            for n in range(share)
        ],
        batch_size=1000,
    )
    Recommendation.objects.bulk_create(
        [
            Recommendation(
                meeting_id=rng.choice(meeting_ids),
                published=published(),
                **texts("title", "title", 6, 30, "text"),
            )
            for n in range(total - 4 * share)
        ],
        batch_size=1000,
    )


def overview(terms):
    """What the search page runs for one query: five rows and a capped count per kind."""
    from portal.site.search import overview as kind_overview
    from portal.site.search import search_kinds

    counts = {}
    for kind in search_kinds():
        group = kind_overview(kind, terms)
        counts[kind.key] = f"{group['count']}{'+' if group['capped'] else ''}"
    return counts


def main():
    args = parse_args()
    temp_dir = tempfile.mkdtemp(prefix="sharaka-search-bench-")
    separate_test_database = bool(os.environ.get("DATABASE_URL"))
    if not separate_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from portal.search import query_terms

    if separate_test_database:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        started = time.perf_counter()
        load(args.records, random.Random(2024))
        # bulk_create skips save(): fill the stored search text as a bulk load must.
        call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"{connection.vendor}: loaded {args.records:,} records "
            f"in {time.perf_counter() - started:.1f} s; {args.runs} runs per query\n"
        )
        print(f"{'query':<22} {'median ms':>10} {'p95 ms':>8}  matching rows per kind")
        for q in QUERIES:
            terms = query_terms(q)
            timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                counts = overview(terms)
                timings.append((time.perf_counter() - start) * 1000)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            rows = ", ".join(f"{key} {count}" for key, count in counts.items())
            print(f"{q:<22} {statistics.median(timings):>10.1f} {p95:>8.1f}  {rows}")
    finally:
        if separate_test_database:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
