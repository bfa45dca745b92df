#!/usr/bin/env python
"""Every page of a national installation, side by side with a trivial view.

Serves the database named by DATABASE_URL (filled by bench/national.py) with
gunicorn (2 workers, production settings: DEBUG off, the Redis cache of
REDIS_URL, persistent database connections) on 127.0.0.1, then measures, for
each public page, the map's GeoJSON, the feeds, the exports and the staff
changelists:

* ratio: requests per second at 10 connections, divided by the trivial
  view's (one ``SELECT 1`` and a ten-line template, bench/benchsite_urls.py)
  measured just before it in the same run, on the same server;
* median and 95th percentile at one connection, in milliseconds, after the
  10-connection phase, so that every worker has served the page before;
* SQL queries of one request (warm cache), counted in this process with the
  same settings;
* bytes as served to a client that accepts gzip and brotli, whether
  compressed, and DOM nodes (elements) of the HTML;
* for the exports: seconds to the last byte, rows per second, compression.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sharaka_national \\
    REDIS_URL=redis://127.0.0.1:6379/2 \\
        ./.venv/bin/python bench/pages.py [--port 8620] [--seconds 3] [--runs 30] \\
        [--staff-email someone@example.org] [--only home,projects]

The staff changelists are measured as the superuser bench/national.py made,
and also as ``--staff-email``'s account when given (for instance a staff
account limited to some communes). It prints a Markdown table (and writes it
to ``--output`` when given). Every request loop is bounded in count and time;
the server stops when the script ends.
"""

import argparse
import gzip
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

ACCEPT = "gzip, br"
# Fetched by npx when asked for (--lighthouse): not a dependency of the project.
LIGHTHOUSE = "lighthouse@12.2.3"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
LIGHTHOUSE_PAGES = (
    "home",
    "projects list",
    "project page",
    "map page",
    "recommendations tracker",
    "association page",
    "meeting page",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HOST = "127.0.0.1"
MAX_REQUESTS_PER_PHASE = 5000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8620)
    parser.add_argument("--seconds", type=float, default=3.0, help="per 10-connection phase")
    parser.add_argument("--runs", type=int, default=30, help="requests at one connection")
    parser.add_argument("--staff-email", default="", help="also measure the admin as this user")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated names of rows to measure, or their beginnings (search)",
    )
    parser.add_argument("--output", default="", help="also write the table to this file")
    parser.add_argument(
        "--lighthouse",
        action="store_true",
        help=f"also run Lighthouse {LIGHTHOUSE} (npx, Debian's Chromium) on the main pages",
    )
    return parser.parse_args()


def environment(port: int) -> dict:
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        sys.exit("Set DATABASE_URL (filled by bench/national.py) and REDIS_URL.")
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchsite_settings",
            "PYTHONPATH": os.pathsep.join([str(BENCH), str(ROOT)]),
            "DEBUG": "false",
            "SECRET_KEY": env.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": HOST,
            "SITE_URL": f"http://{HOST}:{port}",
            # Plain HTTP on the loopback: no TLS redirect, cookies over HTTP.
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_CONN_MAX_AGE": env.get("DATABASE_CONN_MAX_AGE", "60"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


# --- HTTP ---------------------------------------------------------------------


def fetch(port, path, headers=None, timeout=600):
    """One GET: (status, headers, body as served, seconds to the last byte)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": ACCEPT, **(headers or {})})
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body, time.perf_counter() - start
    finally:
        connection.close()


def latencies(port, path, headers, runs) -> list[float]:
    times = []
    deadline = time.perf_counter() + 60
    for _ in range(runs):
        times.append(fetch(port, path, headers)[3])
        if time.perf_counter() > deadline:
            break
    return times


def throughput(port, path, headers, seconds, connections=10) -> float:
    """Requests per second with ``connections`` clients, each one after the other."""
    done = [0] * connections
    stop = time.perf_counter() + seconds

    def client(i):
        while time.perf_counter() < stop and done[i] < MAX_REQUESTS_PER_PHASE:
            fetch(port, path, headers)
            done[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - start)


class ElementCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1

    def handle_startendtag(self, tag, attrs):
        self.elements += 1


def decoded(headers, body) -> bytes:
    encoding = headers.get("Content-Encoding", "")
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        import brotli  # noqa: PLC0415 (only if a server ever answers brotli)

        return brotli.decompress(body)
    return body


# --- what is measured -------------------------------------------------------------


def targets(staff_email: str) -> list[dict]:
    from django.utils.translation import override

    with override("ar"):
        return _targets(staff_email)


def _targets(staff_email: str) -> list[dict]:
    """The rows of the table: name, path, kind (page, data, export, admin), user."""
    from django.urls import reverse
    from django.utils.http import urlencode

    from associations.models import Association
    from meetings.models import Certificate, Meeting
    from petitions.models import Petition
    from portal.models import Commune
    from projects.models import Comment, Project
    from recommendations.models import Recommendation

    # bench/national.py gives its first published project 5,000 comments.
    busy = Project.objects.get(pk=Comment.objects.order_by("pk").first().project_id)
    project = Project.objects.published().order_by("pk")[100]
    association = Association.objects.published().order_by("pk")[100]
    meeting = Meeting.objects.published().order_by("pk")[100]
    recommendation = Recommendation.objects.published().order_by("pk")[100]
    petition = Petition.objects.published().order_by("pk")[100]
    commune = Commune.objects.order_by("pk")[100]
    certificate = Certificate.objects.valid().order_by("pk")[100]
    country = urlencode({"bbox": "-17.1,20.8,-1.0,35.95", "zoom": "6"})
    rows = [
        ("home", "/ar/"),
        ("communes directory", "/ar/communes/"),
        ("communes of a region", f"/ar/communes/?{urlencode({'region': commune.region_ar})}"),
        ("commune page", commune.get_absolute_url()),
        ("projects list", "/ar/projects/"),
        ("projects list, page 500", "/ar/projects/?page=500"),
        ("projects of a commune", f"/ar/projects/?commune={commune.slug}"),
        ("project page", project.get_absolute_url()),
        ("project with 5,000 comments", busy.get_absolute_url()),
        ("associations list", "/ar/associations/"),
        ("associations, page 500", "/ar/associations/?page=500"),
        ("association page", association.get_absolute_url()),
        ("meetings list", "/ar/meetings/"),
        ("meeting page", meeting.get_absolute_url()),
        ("recommendations tracker", "/ar/recommendations/"),
        ("recommendation page", recommendation.get_absolute_url()),
        ("petitions list", "/ar/petitions/"),
        ("petitions, overdue", "/ar/petitions/?deadline=overdue"),
        ("petition page", petition.get_absolute_url()),
        ("map page", "/ar/map/"),
        ("certificate check", certificate.get_absolute_url()),
        ("search, one common word", "/ar/search/?" + urlencode({"q": "التنمية"})),
        ("search, two words", "/ar/search/?" + urlencode({"q": "دار الشباب"})),
        ("suggestions (communes)", "/ar/suggest/communes/?q=sidi"),
    ]
    measured = [{"name": name, "path": path, "kind": "page"} for name, path in rows]
    measured += [
        {
            "name": "GeoJSON, whole country",
            "path": f"/ar/map/projects.geojson?{country}",
            "kind": "data",
        },
        {
            "name": "GeoJSON, unchanged (304)",
            "path": f"/ar/map/projects.geojson?{country}",
            "kind": "data",
            "revalidate": True,
        },
        {
            "name": "feed: a commune's meetings",
            "kind": "data",
            "path": reverse("feeds:commune_meetings", kwargs={"slug": commune.slug}),
        },
    ]
    for dataset, fmt in (("projects", "csv"), ("projects", "geojson"), ("associations", "csv")):
        measured.append(
            {
                "name": f"export: {dataset}.{fmt}",
                "path": f"/ar/{dataset}/export.{fmt}",
                "kind": "export",
                "model": {"projects": Project, "associations": Association}[dataset],
            }
        )
    users = [("superuser", "admin@national.example.org")]
    if staff_email:
        users.append(("staff", staff_email))
    for label, email in users:
        for model in (
            "projects/project",
            "associations/association",
            "projects/comment",
            "meetings/meeting",
            "meetings/certificate",
        ):
            measured.append(
                {
                    "name": f"admin {model.split('/')[1]}s ({label})",
                    "path": f"/admin/{model}/",
                    "kind": "admin",
                    "email": email,
                }
            )
    return measured


def session_cookie(email: str) -> str:
    """A signed-in session for ``email``, made directly in the session store."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def count_queries(path: str, cookie: str = "") -> int:
    """SQL queries of one request with a warm cache, counted in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    if cookie:
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    return len(queries)


def measure(port, target, args, trivial_rps) -> dict:
    headers = {}
    if target.get("email"):
        headers["Cookie"] = target["cookie"]
    status, response_headers, body, seconds = fetch(port, target["path"], headers)
    row = {"name": target["name"], "status": status}
    if target.get("revalidate"):
        headers["If-None-Match"] = response_headers.get("ETag", "")
        status, response_headers, body, _ = fetch(port, target["path"], headers)
        row["status"] = status
    row["bytes"] = len(body)
    row["encoding"] = response_headers.get("Content-Encoding", "")
    if target["kind"] == "export":
        from django.db import connection

        # One whole export is enough: its queries are counted per chunk of rows.
        row["queries"] = "per chunk"
        rows = target["model"].objects.published().count()
        row.update(
            seconds=seconds,
            rows_per_second=rows / seconds,
            streamed="Content-Length" not in response_headers,
        )
        connection.close()
        return row
    row["queries"] = count_queries(target["path"], headers.get("Cookie", ""))
    if "html" in response_headers.get("Content-Type", ""):
        html = decoded(response_headers, body).decode("utf-8", "replace")
        counter = ElementCounter()
        counter.feed(html)
        row["dom"] = counter.elements
        # The page with the scripts and stylesheets it loads, as served (compressed).
        assets = set(re.findall(r'(?:src|href)="(/static/[^"]+\.(?:js|css))"', html))
        row["with_assets"] = len(body) + sum(len(fetch(port, path)[2]) for path in assets)
    if target["kind"] != "admin":
        # First, so that every worker has served the page before the timings
        # at one connection (a worker's first request loads its templates and
        # compiles its statements once in its life).
        rps = throughput(port, target["path"], headers, args.seconds)
        row["rps"] = rps
        row["ratio"] = rps / trivial_rps
        row["trivial_rps"] = trivial_rps
    times = latencies(port, target["path"], headers, args.runs)
    row["median_ms"] = statistics.median(times) * 1000
    row["p95_ms"] = statistics.quantiles(times, n=20)[18] * 1000 if len(times) > 2 else None
    return row


def lighthouse(port, path) -> dict:
    """Lighthouse's mobile scores (0-100) of one page, by category."""
    import json

    result = subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            f"http://{HOST}:{port}{path}",
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-path={CHROMIUM}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1:]}
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    # What cost points: the weighted audits that did not pass.
    scores["missed"] = sorted(
        {
            ref["id"]
            for name in CATEGORIES
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"]
            and (report["audits"][ref["id"]]["score"] or 0) < 1
            and report["audits"][ref["id"]]["scoreDisplayMode"] not in ("notApplicable", "manual")
        }
    )
    return scores


def table(rows) -> str:
    lines = [
        "| what | status | ratio to trivial | rps (trivial) | median ms | p95 ms | queries "
        "| bytes served | DOM nodes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        if "rows_per_second" in row:
            lines.append(
                f"| {row['name']} | {row['status']} | — | — | {row['seconds'] * 1000:.0f} "
                f"(to the last byte) | — | {row['queries']} | {row['bytes']:,} "
                f"{row['encoding'] or 'uncompressed'}, {row['rows_per_second']:,.0f} rows/s"
                f"{', streamed' if row['streamed'] else ''} | — |"
            )
            continue
        ratio = f"{row['ratio']:.2f}" if "ratio" in row else "—"
        rps = f"{row['rps']:.0f} ({row['trivial_rps']:.0f})" if "rps" in row else "—"
        p95 = f"{row['p95_ms']:.0f}" if row.get("p95_ms") is not None else "—"
        assets = f" ({row['with_assets']:,} with scripts, styles)" if "with_assets" in row else ""
        lines.append(
            f"| {row['name']} | {row['status']} | {ratio} | {rps} | {row['median_ms']:.0f} "
            f"| {p95} | {row['queries']} | {row['bytes']:,} {row['encoding'] or ''}{assets} "
            f"| {row.get('dom', '—')} |"
        )
    return "\n".join(lines)


def main() -> None:
    args = parse_args()
    env = environment(args.port)
    os.environ.update(env)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    chosen = [target for target in targets(args.staff_email)]
    if args.only:
        names = tuple(name.strip() for name in args.only.split(","))
        chosen = [target for target in chosen if target["name"].startswith(names)]
    for target in chosen:
        if target.get("email"):
            target["cookie"] = session_cookie(target["email"])
    cache.clear()

    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "portal.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"{HOST}:{args.port}",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            # An export of every project takes longer than gunicorn's 30 s.
            "--timeout",
            "600",
        ],
        env=env,
    )
    try:
        for _ in range(100):
            try:
                if fetch(args.port, "/bench/trivial/", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            sys.exit("The server did not start.")
        rows = []
        for target in chosen:
            trivial_rps = throughput(args.port, "/bench/trivial/", {}, args.seconds)
            row = measure(args.port, target, args, trivial_rps)
            rows.append(row)
            print(table([row]).splitlines()[-1], flush=True)
        started = time.strftime("%Y-%m-%d %H:%M %Z")
        output = f"Measured {started} on {os.uname().nodename} ({os.cpu_count()} cores)\n\n"
        output += table(rows)
        if args.lighthouse:
            output += "\n\n| Lighthouse (mobile) | " + " | ".join(CATEGORIES) + " | missed |\n"
            output += "|---|" + "---|" * (len(CATEGORIES) + 1) + "\n"
            for target in chosen:
                if target["name"] in LIGHTHOUSE_PAGES:
                    scores = lighthouse(args.port, target["path"])
                    cells = [str(scores.get(name, scores.get("error", "?"))) for name in CATEGORIES]
                    cells.append(", ".join(scores.get("missed", [])))
                    output += f"| {target['name']} | " + " | ".join(cells) + " |\n"
        print("\n" + output)
        if args.output:
            Path(args.output).write_text(output + "\n")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
