#!/usr/bin/env python
"""How fast do the open-data exports stream at national size?

Loads 45,000 published projects (with funders, a plan, a sector, a summary)
over 1,500 communes into a throwaway database, then downloads
/fr/projects/export.{csv,json,geojson,xlsx} through the whole Django stack,
with and without gzip, reading the streamed body to its end, and prints
rows per second, time to the first byte, and the size sent. The target is
at least 20,000 rows per second for the streamed formats.

Rows per second are given twice: by the wall clock, and by the CPU time of
this process (which runs the client, Django and, on SQLite, the database).
On a machine shared with other work the second is the one to compare: the
wall clock then counts the time other processes had the CPU.

    ./.venv/bin/python bench/exports.py [--projects 45000] [--runs 3]

Without DATABASE_URL the database is a SQLite file in a temporary folder.
With DATABASE_URL (e.g. PostgreSQL) a separate test database is created next
to the named one and dropped at the end: the named database is not touched.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMUNES = 1500
SECTORS = ["الماء", "الطرق", "التعليم", "الصحة", "الرياضة", "الإنارة العمومية", "التطهير"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=45_000)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args()


def configure(temp_dir: str) -> bool:
    """Point Django at a throwaway database; True when it must be created."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    separate_test_database = bool(os.environ.get("DATABASE_URL"))
    if not separate_test_database:
        os.environ["DATABASE_URL"] = f"sqlite:///{temp_dir}/bench.sqlite3"
    import django

    django.setup()
    return separate_test_database


def load(count: int, seed: int = 2015) -> None:
    from portal.models import Commune, Institution
    from projects.models import DevelopmentPlan, Project, Sector

    rng = random.Random(seed)
    communes = Commune.objects.bulk_create(
        Commune(
            name_ar=f"جماعة {i}",
            name_fr=f"Commune {i}",
            slug=f"commune-{i}",
            region="جهة كلميم واد نون",
            province="إقليم كلميم",
        )
        for i in range(COMMUNES)
    )
    plans = DevelopmentPlan.objects.bulk_create(
        DevelopmentPlan(
            commune=commune,
            kind="pac",
            title_ar="برنامج عمل الجماعة",
            slug=f"pac-{commune.slug}",
            start_year=2017,
            end_year=2022,
        )
        for commune in communes
    )
    sectors = [
        Sector.objects.create(name_ar=name, slug=f"sector-{i}") for i, name in enumerate(SECTORS)
    ]
    funders = Institution.objects.bulk_create(
        Institution(name_ar=f"مؤسسة {i}", name_fr=f"Institution {i}") for i in range(40)
    )
    statuses = [value for value, _label in Project.Status.choices]
    projects = Project.objects.bulk_create(
        (
            Project(
                commune=communes[i % COMMUNES],
                plan=plans[i % COMMUNES],
                sector=sectors[i % len(sectors)],
                title_ar=f"مشروع رقم {i} لتأهيل الحي",
                title_fr=f"Projet n° {i} : mise à niveau du quartier",
                slug=f"projet-{i}",
                summary_ar="تأهيل الطرق والإنارة العمومية والمساحات الخضراء في الحي",
                status=statuses[i % len(statuses)],
                progress=rng.randrange(0, 101),
                budget=Decimal(rng.randrange(100_000, 50_000_000)),
                latitude=Decimal(f"{rng.uniform(21, 36):.6f}"),
                longitude=Decimal(f"{rng.uniform(-17, -1):.6f}"),
                location_name="الحي الجديد",
                published=True,
            )
            for i in range(count)
        ),
        batch_size=2000,
    )
    through = Project.funders.through
    through.objects.bulk_create(
        (
            through(project_id=project.pk, institution_id=funders[(project.pk + k) % 40].pk)
            for project in projects
            for k in (1, 7)
        ),
        batch_size=5000,
    )


def download(client, url: str, gzip: bool) -> dict:
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    start = time.perf_counter()
    cpu = time.process_time()
    response = client.get(url, headers=headers)
    assert response.status_code == 200, url
    size = 0
    first = None
    for piece in response.streaming_content:
        if first is None and piece:
            first = time.perf_counter() - start
        size += len(piece)
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu
    if hasattr(response, "close"):
        response.close()
    return {"seconds": total, "cpu": cpu, "first": first or total, "bytes": size}


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="sharaka-bench-") as temp_dir:
        separate = configure(temp_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from projects.models import Project

        old_name = None
        if separate:
            old_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True)
        else:
            call_command("migrate", verbosity=0)
        try:
            started = time.perf_counter()
            load(args.projects)
            rows = Project.objects.published().count()
            print(
                f"database: {connection.vendor}, {rows} projects in {COMMUNES} communes "
                f"loaded in {time.perf_counter() - started:.1f} s; median of {args.runs} runs\n"
            )
            client = Client()
            header = (
                f"{'file':<8} {'gzip':<5} {'rows/s':>8} {'rows/cpu s':>10} {'seconds':>8} "
                f"{'first byte ms':>13} {'MB sent':>8}"
            )
            print(header)
            print("-" * len(header))
            for fmt in ("csv", "json", "geojson", "xlsx"):
                for gzip in (False, True) if fmt != "xlsx" else (False,):
                    runs = [
                        download(client, f"/fr/projects/export.{fmt}", gzip)
                        for _ in range(args.runs)
                    ]
                    seconds = statistics.median(run["seconds"] for run in runs)
                    cpu = statistics.median(run["cpu"] for run in runs)
                    first = statistics.median(run["first"] for run in runs)
                    print(
                        f"{fmt:<8} {'yes' if gzip else 'no':<5} {rows / seconds:>8.0f} "
                        f"{rows / cpu:>10.0f} {seconds:>8.2f} {first * 1000:>13.0f} "
                        f"{runs[0]['bytes'] / 1e6:>8.1f}"
                    )
        finally:
            if separate:
                connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
