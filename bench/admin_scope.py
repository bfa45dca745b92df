#!/usr/bin/env python
"""How fast are the back office's lists at national scale, for staff of one commune?

Loads a country into a throwaway database with ``bulk_create``: 1,500 communes
in 12 regions and 75 provinces, and across them 15,000 associations, 30,000
projects, 15,000 meetings with 45,000 speeches, 30,000 site-visit stops,
15,000 certificates, 30,000 recommendations and 30,000 comments (``--scale``
multiplies them). Then, signed in as four accounts — a superuser, staff of
one commune, of one province (20 communes) and of one region (125 communes)
— it opens the first page of each main admin list, plus one search, and
prints the median and 95th percentile time of each, in milliseconds, and the
number of SQL queries of the page.

Target: every list answers in under 500 ms at the median for the staff of
one commune (the account most councils use), and a staff list makes the
same number of queries whatever the size of the account's scope (one
commune or a whole region; a staff page makes four more than a
superuser's: the account's permissions and its communes). The script ends
with "within target" or lists what is not.

    ./.venv/bin/python bench/admin_scope.py [--scale 1.0] [--runs 7]

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

TARGET_MS = 500
LISTS = [
    ("meetings", "meeting", ""),
    ("meetings", "speech", ""),
    ("meetings", "sitevisitstop", ""),
    ("meetings", "certificate", ""),
    ("projects", "project", ""),
    ("projects", "project", "q=تأهيل"),
    ("projects", "comment", ""),
    ("associations", "association", ""),
    ("recommendations", "recommendation", ""),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    return parser.parse_args()


def load(scale: float, rng: random.Random):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from associations.models import Association
    from meetings.models import Certificate, Meeting, SiteVisit, SiteVisitStop, Speech
    from portal.models import Commune, StaffScope
    from projects.models import Comment, Project, Sector
    from recommendations.models import Recommendation

    def n(count):
        return max(1, int(count * scale))

    Commune.objects.bulk_create(
        [
            Commune(
                name_ar=f"جماعة {i}",
                name=f"جماعة {i}",
                name_fr=f"Commune {i}",
                slug=f"commune-{i}",
                region_ar=f"جهة {i % 12}",
                region=f"جهة {i % 12}",
                province_ar=f"إقليم {i % 75}",
                province=f"إقليم {i % 75}",
            )
            for i in range(1500)
        ],
        batch_size=1000,
    )
    commune_ids = [c.pk for c in Commune.objects.order_by("pk")]
    sector = Sector.objects.create(name_ar="الماء", name_fr="Eau", slug="water")
    now = timezone.now()

    def title(words, i):
        return f"{rng.choice(words)} {rng.choice(words)} {i}"

    words = ["تأهيل", "بناء", "توسعة", "دعم", "تهيئة", "إحداث", "الطريق", "الماء", "الشباب"]
    Association.objects.bulk_create(
        [
            Association(
                name_ar=title(words, i),
                name=f"a{i}",
                slug=f"a-{i}",
                commune_id=rng.choice(commune_ids),
                created_at=now,
                updated_at=now,
            )
            for i in range(n(15000))
        ],
        batch_size=2000,
    )
    Project.objects.bulk_create(
        [
            Project(
                title_ar=title(words, i),
                title=f"p{i}",
                slug=f"p-{i}",
                commune_id=rng.choice(commune_ids),
                sector=sector,
                created_at=now,
                updated_at=now,
            )
            for i in range(n(30000))
        ],
        batch_size=2000,
    )
    Meeting.objects.bulk_create(
        [
            Meeting(
                title_ar=title(words, i),
                title=f"m{i}",
                slug=f"m-{i}",
                commune_id=rng.choice(commune_ids),
                start_date=datetime.date(2010, 1, 1) + datetime.timedelta(days=i % 5000),
                created_at=now,
                updated_at=now,
            )
            for i in range(n(15000))
        ],
        batch_size=2000,
    )
    meetings = list(Meeting.objects.values_list("pk", "commune_id"))
    projects_by_commune = {}
    for pk, commune_id in Project.objects.values_list("pk", "commune_id"):
        projects_by_commune.setdefault(commune_id, []).append(pk)
    associations = list(Association.objects.values_list("pk", "commune_id"))
    Speech.objects.bulk_create(
        [Speech(meeting_id=rng.choice(meetings)[0], order=i % 5 + 1) for i in range(n(45000))],
        batch_size=5000,
    )
    SiteVisit.objects.bulk_create(
        [
            SiteVisit(meeting_id=pk, commune_id=commune_id, title_ar="زيارة", title="v", date=now)
            for pk, commune_id in meetings[: n(6000)]
        ],
        batch_size=2000,
    )
    stops = []
    for visit_pk, commune_id in SiteVisit.objects.values_list("pk", "commune_id"):
        for order in range(1, 6):
            project = rng.choice(projects_by_commune.get(commune_id) or [1])
            stops.append(SiteVisitStop(visit_id=visit_pk, order=order, project_id=project))
    SiteVisitStop.objects.bulk_create(stops, batch_size=5000)
    Certificate.objects.bulk_create(
        [
            Certificate(
                meeting_id=meeting,
                commune_id=commune_id,
                recipient_name=f"مستفيد {i}",
                citation_ar="شكر",
                citation="شكر",
                awarded_on=now.date(),
                code=f"{i:012d}",
                created_at=now,
                updated_at=now,
            )
            for i, (meeting, commune_id) in enumerate(rng.choices(meetings, k=n(15000)))
        ],
        batch_size=2000,
    )
    Recommendation.objects.bulk_create(
        [
            Recommendation(
                meeting_id=rng.choice(meetings)[0],
                title_ar=title(words, i),
                title=f"r{i}",
                created_at=now,
                updated_at=now,
            )
            for i in range(n(30000))
        ],
        batch_size=2000,
    )
    User = get_user_model()
    author = User.objects.create(username="author", email="author@example.org")
    project_ids = [pk for pks in projects_by_commune.values() for pk in pks]
    Comment.objects.bulk_create(
        [
            Comment(
                project_id=rng.choice(project_ids),
                author=author,
                association_id=rng.choice(associations)[0],
                body="تعليق",
                created_at=now,
                updated_at=now,
            )
            for i in range(n(30000))
        ],
        batch_size=2000,
    )

    staff_group = Group.objects.get(name="Council staff")
    accounts = {"superuser": User.objects.create(username="root", is_staff=True, is_superuser=True)}
    busiest = max(projects_by_commune, key=lambda c: len(projects_by_commune[c]))
    for name, scope in (
        ("one commune", {"level": "commune", "commune_id": busiest}),
        ("one province", {"level": "province", "area": "إقليم 7"}),
        ("one region", {"level": "region", "area": "جهة 3"}),
    ):
        user = User.objects.create(username=name.replace(" ", "-"), is_staff=True)
        user.groups.add(staff_group)
        StaffScope.objects.create(user=user, **scope)
        accounts[name] = user
    return accounts


def measure(accounts, runs):
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    results = {}
    for name, user in accounts.items():
        client = Client()
        client.force_login(user)
        for app, model, query in LISTS:
            url = reverse(f"admin:{app}_{model}_changelist") + (f"?{query}" if query else "")
            client.get(url)  # warm the caches (content types, templates)
            times = []
            for _ in range(runs):
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (name, url, response.status_code)
            times.sort()
            results[(name, app, model, query)] = (
                statistics.median(times),
                times[max(0, round(0.95 * len(times)) - 1)],
                len(queries),
                response.context["cl"].result_count,
            )
    return results


def main():
    args = parse_args()
    temp_dir = tempfile.mkdtemp(prefix="sharaka-admin-bench-")
    separate_test_database = bool(os.environ.get("DATABASE_URL"))
    if not separate_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the responses carry their context (row counts)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if separate_test_database:
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        started = time.perf_counter()
        accounts = load(args.scale, random.Random(2024))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"Loaded in {time.perf_counter() - started:.0f} s ({connection.vendor}).")
        results = measure(accounts, args.runs)
    finally:
        if separate_test_database:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"\n{'account':<14} {'list':<34} {'median':>8} {'p95':>8} {'queries':>8} {'rows':>7}")
    misses = []
    for (name, app, model, query), (median, p95, queries, rows) in results.items():
        label = f"{app}.{model}" + (f" ?{query}" if query else "")
        print(f"{name:<14} {label:<34} {median:8.0f} {p95:8.0f} {queries:8d} {rows:7d}")
        if name == "one commune":
            regional_queries = results[("one region", app, model, query)][2]
            if median > TARGET_MS:
                misses.append(f"{label}: median {median:.0f} ms > {TARGET_MS} ms")
            if queries != regional_queries:
                misses.append(f"{label}: {queries} queries, {regional_queries} for a region")
    print()
    if misses:
        print("Not within target:\n  " + "\n  ".join(misses))
    else:
        print(f"Within target: every list under {TARGET_MS} ms for the staff of one commune.")


if __name__ == "__main__":
    main()
