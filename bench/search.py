#!/usr/bin/env python
"""How fast is the site search at national scale?

Loads a national-size corpus into a throwaway database with ``bulk_create``
(by default 75,000 associations, 45,000 projects, 10,000 meetings, 30,000
recommendations, and the other searchable kinds in proportion: 1,500
communes, 5,000 institutions, 20,000 people, 20,000 presentations, 10,000
sessions, 30,000 speeches, 15,000 workshops, 5,000 site visits with 30,000
stops, 10,000 certificates), with Arabic and French text, fills their search
text with ``rebuild_search_index``, then times the search page as a visitor
gets it (``GET /ar/search/?q=…``, one connection, the best matches of every
kind ranked, counts capped at 100 per kind) and prints the median and 95th
percentile per query, then per group (one word, two words).

    ./.venv/bin/python bench/search.py [--scale 1.0] [--runs 21] [--keep | --reuse]

``--keep`` leaves the loaded database (PostgreSQL) for later runs with
``--reuse``, which only time the queries.

``--scale 0.1`` loads a tenth of it. Without DATABASE_URL the database is a
SQLite file in a temporary folder. With DATABASE_URL (e.g. PostgreSQL) a
separate test database is created next to the named one and dropped at the
end: the named database is not touched.
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
# (group, query): what people type, broad and narrow.
QUERIES = [
    ("one word", "التنمية"),
    ("one word", "مدرسه"),
    ("one word", "الإستقبال"),
    ("one word", "développement"),
    ("one word", "ECOLE"),
    ("one word", "المستشفيات"),  # a plural: found through its stem
    ("one word", "assainisement"),  # a slip of one letter
    ("two words", "مستشفي العموميه"),
    ("two words", "hopital route"),
    ("two words", "تهيئة الساحة"),
    ("two words", "دعم الجمعيات"),
    ("two words", "كلمة غير"),
]

# Rows per kind at scale 1.
NATIONAL = {
    "communes": 1_500,
    "institutions": 5_000,
    "people": 20_000,
    "associations": 75_000,
    "projects": 45_000,
    "meetings": 10_000,
    "presentations": 20_000,
    "sessions": 10_000,
    "speeches": 30_000,
    "workshops": 15_000,
    "visits": 5_000,
    "stops": 30_000,
    "certificates": 10_000,
    "recommendations": 30_000,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument(
        "--keep", action="store_true", help="leave the test database in place at the end"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="time the test database a --keep run left"
    )
    return parser.parse_args()


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n))


def load(counts, rng):
    from django.utils import timezone

    from associations.models import Association
    from meetings.models import (
        Certificate,
        Meeting,
        Presentation,
        Session,
        SiteVisit,
        SiteVisitStop,
        Speech,
        Workshop,
    )
    from portal.models import Commune, Institution, Person
    from projects.models import Project, Sector
    from recommendations.models import Recommendation

    now = timezone.now()

    def tr(field, n, extra=None):
        values = {
            f"{field}_ar": sentence(rng, WORDS_AR, n),
            f"{field}_fr": sentence(rng, WORDS_FR, n),
        }
        values[field] = values[f"{field}_ar"]
        return values

    def published():
        return rng.random() < 0.9

    def bulk(model, rows):
        model.objects.bulk_create(rows, batch_size=2000)
        return list(model.objects.order_by("pk").values_list("pk", flat=True))

    def day(n):
        return datetime.date(2008, 1, 1) + datetime.timedelta(days=n % 6000)

    communes = bulk(
        Commune,
        [
            Commune(slug=f"c-{n}", **tr("name", 2), **tr("province", 2), **tr("region", 3))
            for n in range(counts["communes"])
        ],
    )
    sector = Sector.objects.create(name_ar="الماء", name_fr="Eau", slug="water")
    institutions = bulk(
        Institution,
        [
            Institution(commune_id=rng.choice(communes), **tr("name", 4))
            for n in range(counts["institutions"])
        ],
    )
    people = bulk(
        Person,
        [
            Person(institution_id=rng.choice(institutions), **tr("full_name", 3), **tr("role", 4))
            for n in range(counts["people"])
        ],
    )
    bulk(
        Association,
        [
            Association(
                slug=f"a-{n}",
                commune_id=rng.choice(communes),
                published=published(),
                created_at=now,
                **tr("name", 4),
                **tr("description", 25),
            )
            for n in range(counts["associations"])
        ],
    )
    projects = bulk(
        Project,
        [
            Project(
                slug=f"p-{n}",
                commune_id=rng.choice(communes),
                sector=sector,
                published=published(),
                **tr("title", 5),
                **tr("summary", 40),
            )
            for n in range(counts["projects"])
        ],
    )
    meetings = bulk(
        Meeting,
        [
            Meeting(
                slug=f"m-{n}",
                commune_id=rng.choice(communes),
                published=published(),
                start_date=day(n),
                **tr("title", 5),
                **tr("summary", 40),
            )
            for n in range(counts["meetings"])
        ],
    )

    def parts(model, count, **fields):
        return bulk(
            model,
            [
                model(meeting_id=rng.choice(meetings), order=n, **fields, **tr("title", 5))
                for n in range(count)
            ],
        )

    bulk(
        Presentation,
        [
            Presentation(meeting_id=rng.choice(meetings), **tr("title", 5), **tr("summary", 30))
            for n in range(counts["presentations"])
        ],
    )
    bulk(
        Session,
        [
            Session(
                meeting_id=meetings[n % len(meetings)],
                order=n // len(meetings) + 1,
                **tr("title", 3),
                **tr("summary", 30),
            )
            for n in range(counts["sessions"])
        ],
    )
    bulk(
        Speech,
        [
            Speech(
                meeting_id=rng.choice(meetings),
                speaker_id=rng.choice(people),
                **tr("title", 4),
                **tr("summary", 30),
            )
            for n in range(counts["speeches"])
        ],
    )
    bulk(
        Workshop,
        [
            Workshop(meeting_id=rng.choice(meetings), **tr("theme", 5), **tr("outcomes", 30))
            for n in range(counts["workshops"])
        ],
    )
    visits = bulk(
        SiteVisit,
        [
            SiteVisit(
                meeting_id=rng.choice(meetings),
                commune_id=rng.choice(communes),
                date=day(n),
                **tr("title", 5),
                **tr("notes", 20),
            )
            for n in range(counts["visits"])
        ],
    )
    bulk(
        SiteVisitStop,
        [
            SiteVisitStop(
                visit_id=visits[n % len(visits)],
                order=n // len(visits) + 1,
                project_id=rng.choice(projects),
                **tr("notes", 15),
            )
            for n in range(counts["stops"])
        ],
    )
    bulk(
        Certificate,
        [
            Certificate(
                meeting_id=rng.choice(meetings),
                commune_id=rng.choice(communes),
                recipient_name=sentence(rng, WORDS_AR, 3),
                awarded_on=day(n),
                code=f"B{n:011d}",
                **tr("citation", 20),
            )
            for n in range(counts["certificates"])
        ],
    )
    bulk(
        Recommendation,
        [
            Recommendation(
                meeting_id=rng.choice(meetings),
                published=published(),
                **tr("title", 6),
                **tr("text", 30),
            )
            for n in range(counts["recommendations"])
        ],
    )


def percentile(sorted_values, share):
    return sorted_values[min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))]


def main():
    args = parse_args()
    temp_dir = tempfile.mkdtemp(prefix="sharaka-search-bench-")
    separate_test_database = bool(os.environ.get("DATABASE_URL"))
    if not separate_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    settings.ALLOWED_HOSTS = ["*"]
    if separate_test_database:
        old_name = connection.settings_dict["NAME"]
        if args.reuse:
            connection.close()
            connection.settings_dict["NAME"] = connection.creation._get_test_db_name()
        else:
            connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        counts = {kind: max(1, round(n * args.scale)) for kind, n in NATIONAL.items()}
        if not args.reuse:
            started = time.perf_counter()
            load(counts, random.Random(2024))
            loaded = time.perf_counter() - started
            # bulk_create skips save(): fill the stored search text as a bulk load must.
            call_command("rebuild_search_index", stdout=open(os.devnull, "w"))
            indexed = time.perf_counter() - started - loaded
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            print(
                f"{connection.vendor}: {sum(counts.values()):,} records loaded in {loaded:.0f} s, "
                f"search text in {indexed:.0f} s"
            )
        print(f"{connection.vendor}: {args.runs} runs per query\n")
        client = Client()
        by_group, results = {}, []
        for group, q in QUERIES:
            timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                response = client.get("/ar/search/", {"q": q})
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
            timings.sort()
            by_group.setdefault(group, []).extend(timings)
            results.append((q, timings))
        # The counts, read afterwards: the template instrumentation costs time.
        setup_test_environment()
        print(f"{'query':<22} {'median ms':>10} {'p95 ms':>8}  matches per kind (capped at 100)")
        for q, timings in results:
            groups = client.get("/ar/search/", {"q": q}).context["groups"]
            rows = ", ".join(
                f"{g['kind'].key} {g['count']}{'+' if g['capped'] else ''}"
                for g in groups
                if g["count"]
            )
            median, p95 = statistics.median(timings), percentile(timings, 0.95)
            print(f"{q:<22} {median:>10.1f} {p95:>8.1f}  {rows}")
        print()
        for group, timings in by_group.items():
            timings.sort()
            median, p95 = statistics.median(timings), percentile(timings, 0.95)
            print(f"{group:<22} {median:>10.1f} {p95:>8.1f}")
    finally:
        if separate_test_database and not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
