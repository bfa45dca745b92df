#!/usr/bin/env python
"""Soak: does Sharaka hold 50 connections for 10 minutes without errors or growing memory?

Serves the demo data with gunicorn (sync workers, production settings) on
127.0.0.1, then 50 clients each request a fixed mix of public pages in turn,
pausing between requests (--think), while one representative posts a comment
every few seconds (--comment-every) on a project that is not in the mix, so
no page grows during the run. The comment and certificate rate limits are
raised for the run only (in the server's environment).

Prints requests, errors, latency percentiles (p50, p90, p99, max), and each
gunicorn worker's resident memory at the start, after the warm-up and at the
end. The targets: no error, p99 under 500 ms, memory growth after warm-up
under 5 MB per worker.

    ./.venv/bin/python bench/soak.py [--duration 600] [--clients 50] [--think 1.0]
                                     [--warmup 60] [--workers 3] [--port 8662]

Without DATABASE_URL the database is a SQLite file in a temporary folder.
With DATABASE_URL (e.g. PostgreSQL) a database named after it with the
suffix _soak is created for the run and dropped at the end; the named
database is not touched. REDIS_URL, when set, is passed to the server.
Requests go to 127.0.0.1 only and the run stops by itself.
"""

import argparse
import http.client
import itertools
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

REPRESENTATIVE = ("soak-representative", "soak@example.org", "soak-password-Zq7!")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=600, help="seconds of load")
    parser.add_argument("--clients", type=int, default=50, help="concurrent connections")
    parser.add_argument(
        "--think", type=float, default=1.0, help="seconds between a client's requests"
    )
    parser.add_argument(
        "--warmup", type=float, default=60, help="seconds before the middle reading"
    )
    parser.add_argument("--comment-every", type=float, default=5.0, help="seconds between comments")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8662)
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="use DATABASE_URL's database itself instead of a new one beside it; it is "
        "dropped and created again, so only for a database kept for benchmarks",
    )
    return parser.parse_args()


# --- the database and the server --------------------------------------------------


def database_url(scratch: Path, in_place: bool) -> tuple[str, str | None]:
    """The URL the run uses, and the PostgreSQL database to drop at the end (if any)."""
    named = os.environ.get("DATABASE_URL")
    if not named:
        return f"sqlite:///{scratch / 'soak.sqlite3'}", None
    parts = urlsplit(named)
    name = parts.path.lstrip("/") + ("" if in_place else "_soak")
    admin = urlunsplit(parts._replace(path="/postgres"))
    subprocess.run(
        [PYTHON, "-c", f"import psycopg2; c = psycopg2.connect({admin!r}); c.autocommit = True; "
         f"cur = c.cursor(); cur.execute('DROP DATABASE IF EXISTS \"{name}\"'); "
         f"cur.execute('CREATE DATABASE \"{name}\"')"],
        check=True,
    )  # fmt: skip
    return urlunsplit(parts._replace(path="/" + name)), admin


def drop_database(url: str, admin: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    subprocess.run(
        [PYTHON, "-c", f"import psycopg2; c = psycopg2.connect({admin!r}); c.autocommit = True; "
         f"c.cursor().execute('DROP DATABASE IF EXISTS \"{name}\"')"],
        check=False,
    )  # fmt: skip


def server_environment(url: str, scratch: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=url,
        DATABASE_CONN_MAX_AGE="60",
        MEDIA_ROOT=str(scratch / "media"),
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONWARNINGS="ignore:No directory at",  # whitenoise: no collected files, none asked
        # Raised for the run only: one representative posts all the comments,
        # and every client looks certificates up from the same address.
        COMMENTS_RATE_LIMIT_COUNT="1000000",
        CERTIFICATE_VERIFY_RATE_LIMIT_COUNT="1000000",
        DEMO_ADMIN_PASSWORD=secrets.token_urlsafe(16),
        DEMO_STAFF_PASSWORD=secrets.token_urlsafe(16),
        DEMO_TAROUDANT_PASSWORD=secrets.token_urlsafe(16),
    )
    return env


PREPARE = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
from django.contrib.auth import get_user_model
from allauth.account.models import EmailAddress
from associations.models import Association, Membership
from projects.models import Project
from meetings.models import Certificate
username, email, password = {representative!r}
user = get_user_model().objects.create_user(username, email, password)
EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
association = Association.objects.order_by("pk").first()
Membership.objects.create(user=user, association=association, status="approved", role="member")
source = Project.objects.order_by("pk").first()
target = Project.objects.get(pk=source.pk)
target.pk = None
target.slug = "soak-comments"
target.title_ar = "مشروع التعليقات"
target.save()
print(association.pk)
print(Certificate.objects.order_by("pk").first().code)
"""


def prepare(env: dict) -> tuple[int, str]:
    completed = subprocess.run(
        [PYTHON, "-c", PREPARE.format(representative=REPRESENTATIVE)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode:
        sys.exit(f"Preparing the data failed:\n{completed.stderr}")
    association, code = completed.stdout.split()[-2:]
    return int(association), code


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [GUNICORN, "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _body, _headers = request(port, "GET", "/ar/")
            if status == 200 and len(worker_pids(server.pid)) == workers:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    sys.exit("gunicorn did not start")


def worker_pids(master: int) -> list[int]:
    pids = []
    for task in Path(f"/proc/{master}/task").glob("*/children"):
        pids += [int(pid) for pid in task.read_text().split()]
    return sorted(pids)


def rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return None
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


# --- the clients --------------------------------------------------------------------


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.getheaders()
    finally:
        connection.close()


def page_mix(certificate: str) -> list[str]:
    pages = []
    for lang in ("ar", "fr", "en"):
        pages += [
            f"/{lang}/",
            f"/{lang}/communes/guelmim/",
            f"/{lang}/associations/",
            f"/{lang}/associations/guelmim-al-amal-development-solidarity/",
            f"/{lang}/meetings/",
            f"/{lang}/meetings/guelmim-civil-society-outreach-meeting/",
            f"/{lang}/meetings/taroudant-associations-forum-2009/",
            f"/{lang}/projects/",
            f"/{lang}/projects/guelmim-dar-chabab-al-massira/",
            f"/{lang}/projects/?commune=guelmim",
            f"/{lang}/map/",
            f"/{lang}/map/projects.geojson",
            f"/{lang}/recommendations/",
            f"/{lang}/search/?q=" + quote("التنمية" if lang == "ar" else "projet"),
            f"/{lang}/certificates/verify/{certificate}/",
            f"/{lang}/calendar/communes/guelmim.ics",
            f"/{lang}/feeds/communes/guelmim/meetings/",
        ]
    return pages


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[tuple[float, float]] = []  # (when, seconds)
        self.errors: dict[str, int] = {}
        self.comments = 0

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append((time.monotonic(), seconds))
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def client(port, pages, offset, think, stop, tally):
    for path in itertools.islice(itertools.cycle(pages), offset, None):
        if stop.is_set():
            return
        started = time.perf_counter()
        try:
            status, _body, _headers = request(port, "GET", path)
            error = None if status == 200 else f"{status} {path}"
        except OSError as exc:
            error = f"{type(exc).__name__} {path}"
        tally.record(time.perf_counter() - started, error)
        stop.wait(think)


def cookies_of(headers) -> dict:
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            jar[key] = rest.split(";", 1)[0]
    return jar


def commenter(port, association, every, stop, tally):
    """Signs in as the representative, then posts a comment every ``every`` seconds."""
    status, body, headers = request(port, "GET", "/accounts/login/")
    jar = cookies_of(headers)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = urlencode({"csrfmiddlewaretoken": token, "login": REPRESENTATIVE[1],
                      "password": REPRESENTATIVE[2]})  # fmt: skip
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    form_headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                    "Referer": f"http://127.0.0.1:{port}/accounts/login/"}  # fmt: skip
    status, _body, headers = request(port, "POST", "/accounts/login/", form, form_headers)
    jar |= cookies_of(headers)
    if status != 302 or "sessionid" not in jar:
        tally.record(0, f"sign-in failed ({status})")
        return
    number = 0
    while not stop.wait(every):
        number += 1
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        page = "/ar/projects/soak-comments/"
        _status, body, headers = request(port, "GET", page, headers={"Cookie": cookie})
        jar |= cookies_of(headers)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        form = urlencode({"csrfmiddlewaretoken": token, "association": association,
                          "body": f"Soak comment number {number}."})  # fmt: skip
        started = time.perf_counter()
        status, _body, _headers = request(
            port, "POST", "/ar/projects/soak-comments/comments/", form,
            {"Content-Type": "application/x-www-form-urlencoded",
             "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
             "Referer": f"http://127.0.0.1:{port}{page}"},
        )  # fmt: skip
        tally.record(time.perf_counter() - started, None if status == 302 else f"comment {status}")
        with tally.lock:
            tally.comments += status == 302


# --- the run ------------------------------------------------------------------------


def memory_row(label, pids):
    readings = [rss_mb(pid) for pid in pids]
    cells = " | ".join("gone" if mb is None else f"{mb:.1f}" for mb in readings)
    print(f"| {label} | {cells} |")
    return readings


def main():
    args = parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="sharaka-soak-"))
    url, admin = database_url(scratch, args.in_place)
    server = None
    try:
        env = server_environment(url, scratch)
        print(f"Preparing the demo data ({'PostgreSQL' if admin else 'SQLite'})...", flush=True)
        association, certificate = prepare(env)
        server = start_server(env, args.port, args.workers)
        pids = worker_pids(server.pid)
        pages = page_mix(certificate)
        tally, stop = Tally(), threading.Event()

        print(
            f"{args.clients} clients, {len(pages)} pages, think {args.think} s, "
            f"a comment every {args.comment_every} s, {args.duration:.0f} s",
            flush=True,
        )
        print()
        print("| memory (MB) | " + " | ".join(f"worker {n + 1}" for n in range(len(pids))) + " |")
        print("|---|" + "---|" * len(pids))
        memory_row("start", pids)
        threads = [
            threading.Thread(
                target=client,
                args=(args.port, pages, n * len(pages) // args.clients, args.think, stop, tally),
            )
            for n in range(args.clients)
        ]
        threads.append(
            threading.Thread(
                target=commenter, args=(args.port, association, args.comment_every, stop, tally)
            )
        )
        began = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(min(args.warmup, args.duration))
        warm = memory_row(f"after warm-up ({args.warmup:.0f} s)", pids)
        # A reading a minute shows whether memory levels off or keeps climbing.
        while (left := args.duration - (time.monotonic() - began)) > 0:
            time.sleep(min(60, left))
            if left > 60:
                memory_row(f"{time.monotonic() - began:.0f} s", pids)
        stop.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
        end = memory_row(f"end ({elapsed:.0f} s)", pids)
        growth = [
            f"{e - w:+.1f}" if e is not None and w is not None else "n/a"
            for w, e in zip(warm, end, strict=True)
        ]
        print(f"| growth after warm-up | {' | '.join(growth)} |")
        if worker_pids(server.pid) != pids:
            print("\nNote: gunicorn replaced a worker during the run.")

        warmed = began + args.warmup
        print()
        print("| requests | errors | req/s | comments | p50 ms | p90 ms | p99 ms | max ms |")
        print("|---|---|---|---|---|---|---|---|")
        for label, rows in (
            ("whole run", tally.latencies),
            ("after warm-up", [row for row in tally.latencies if row[0] >= warmed]),
        ):
            latencies = sorted(seconds * 1000 for _when, seconds in rows)
            p50, p90, p99 = (statistics.quantiles(latencies, n=100)[i] for i in (49, 89, 98))
            span = elapsed if label == "whole run" else elapsed - args.warmup
            print(
                f"| {len(latencies)} ({label}) | {sum(tally.errors.values())} "
                f"| {len(latencies) / span:.1f} | {tally.comments} | {p50:.0f} | {p90:.0f} "
                f"| {p99:.0f} | {latencies[-1]:.0f} |"
            )
        for error, count in sorted(tally.errors.items(), key=lambda item: -item[1])[:10]:
            print(f"  error x{count}: {error}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if admin:
            drop_database(url, admin)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
