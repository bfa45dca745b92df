#!/usr/bin/env python
"""How fast and how big is the map's GeoJSON with 20,000 projects?

Loads 20,000 published projects spread over Morocco into a throwaway
database, then times /fr/map/projects.geojson through the whole Django stack
for a country-wide view and a one-city view, with the server cache cold and
warm, and prints a table (median of several runs).

    ./.venv/bin/python bench/map_geojson.py [--projects 20000] [--runs 7]

Without DATABASE_URL the database is a SQLite file in a temporary folder.
With DATABASE_URL (e.g. PostgreSQL) a separate test database is created next
to the named one and dropped at the end: the named database is not touched.
"""

import argparse
import gzip
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

COUNTRY = {"bbox": "-17.1,20.8,-1.0,35.95", "zoom": "6"}
# About 10 km around the centre of Guelmim.
CITY = {"bbox": "-10.12,28.94,-10.01,29.03", "zoom": "14"}

PLACES = [
    # name_ar, name_fr, slug, latitude, longitude
    ("كلميم", "Guelmim", "guelmim", 28.983, -10.067),
    ("تارودانت", "Taroudant", "taroudant", 30.467, -8.867),
    ("أكادير", "Agadir", "agadir", 30.42, -9.598),
    ("مراكش", "Marrakech", "marrakech", 31.63, -7.99),
    ("الداخلة", "Dakhla", "dakhla", 23.684, -15.958),
    ("وجدة", "Oujda", "oujda", 34.681, -1.908),
]
SECTORS = [
    ("الماء", "Eau", "water"),
    ("الطرق", "Routes", "roads"),
    ("التعليم", "Éducation", "education"),
    ("الصحة", "Santé", "health"),
    ("الرياضة", "Sport", "sport"),
    ("الإنارة العمومية", "Éclairage public", "lighting"),
    ("التطهير", "Assainissement", "sanitation"),
    ("الفضاءات الخضراء", "Espaces verts", "green-spaces"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
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


def load(count: int, seed: int = 2010) -> None:
    from portal.models import Commune
    from projects.models import DevelopmentPlan, Project, Sector

    rng = random.Random(seed)
    communes = [
        Commune.objects.create(
            name_ar=ar,
            name_fr=fr,
            slug=slug,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
        )
        for ar, fr, slug, lat, lon in PLACES
    ]
    plans = [
        DevelopmentPlan.objects.create(
            commune=commune,
            kind="pac",
            title_ar="برنامج عمل الجماعة",
            start_year=2017,
            end_year=2022,
        )
        for commune in communes
    ]
    sectors = [Sector.objects.create(name_ar=ar, name_fr=fr, slug=slug) for ar, fr, slug in SECTORS]
    statuses = [value for value, _label in Project.Status.choices]

    def point(i):
        # A tenth around Guelmim (the city view), a third around the other
        # towns, the rest anywhere in the country's rectangle.
        if i % 10 == 0:
            place = 0
            return place, rng.gauss(28.983, 0.03), rng.gauss(-10.067, 0.03)
        if i % 3 == 0:
            place = rng.randrange(1, len(PLACES))
            _ar, _fr, _slug, lat, lon = PLACES[place]
            return place, rng.gauss(lat, 0.2), rng.gauss(lon, 0.2)
        return rng.randrange(len(PLACES)), rng.uniform(21, 36), rng.uniform(-17, -1)

    batch = []
    for i in range(count):
        place, lat, lon = point(i)
        lat = min(max(lat, -90), 90)
        lon = min(max(lon, -180), 180)
        batch.append(
            Project(
                commune=communes[place],
                plan=plans[place],
                sector=sectors[i % len(sectors)],
                title_ar=f"مشروع رقم {i}",
                title_fr=f"Projet n° {i}",
                slug=f"projet-{i}",
                status=statuses[i % len(statuses)],
                progress=rng.randrange(0, 101),
                latitude=Decimal(f"{lat:.6f}"),
                longitude=Decimal(f"{lon:.6f}"),
                published=i % 50 != 0,  # a few drafts that must not show
            )
        )
    Project.objects.bulk_create(batch, batch_size=1000)


def measure(client, params: dict, runs: int, cold: bool) -> dict:
    import json

    from django.core.cache import cache

    timings = []
    response = None
    if not cold:
        cache.clear()
        client.get("/fr/map/projects.geojson", params)  # prime the server cache
    for _ in range(runs):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get("/fr/map/projects.geojson", params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content[:200]
    body = response.content
    collection = json.loads(body)
    clusters = sum(1 for f in collection["features"] if f["properties"].get("cluster"))
    revalidate = client.get(
        "/fr/map/projects.geojson", params, headers={"If-None-Match": response["ETag"]}
    )
    return {
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "bytes": len(body),
        "gzip_bytes": len(gzip.compress(body)),
        "features": len(collection["features"]),
        "clusters": clusters,
        "matching": collection["total"],
        "revalidate_status": revalidate.status_code,
    }


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="sharaka-bench-") as temp_dir:
        separate = configure(temp_dir)
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        old_name = None
        if separate:
            old_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True)
        else:
            call_command("migrate", verbosity=0)
        try:
            started = time.perf_counter()
            load(args.projects)
            loaded_in = time.perf_counter() - started
            client = Client()
            print(
                f"database: {connection.vendor}, {args.projects} projects loaded in "
                f"{loaded_in:.1f} s, {args.runs} runs per line (median)\n"
            )
            header = (
                f"{'view':<8} {'cache':<5} {'median ms':>10} {'min ms':>8} {'bytes':>8} "
                f"{'gzip':>7} {'features':>8} {'clusters':>8} {'in view':>8} {'If-None-Match':>13}"
            )
            print(header)
            print("-" * len(header))
            for name, params in (("country", COUNTRY), ("city", CITY)):
                for cold in (True, False):
                    row = measure(client, params, args.runs, cold)
                    print(
                        f"{name:<8} {'cold' if cold else 'warm':<5} {row['median_ms']:>10.1f} "
                        f"{row['min_ms']:>8.1f} {row['bytes']:>8} {row['gzip_bytes']:>7} "
                        f"{row['features']:>8} {row['clusters']:>8} {row['matching']:>8} "
                        f"{row['revalidate_status']:>13}"
                    )
        finally:
            if separate:
                connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
