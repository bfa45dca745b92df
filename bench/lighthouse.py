#!/usr/bin/env python
"""Lighthouse's SEO and accessibility scores of every kind of public page, in Arabic and French.

Loads the demo data into a throwaway SQLite database, serves it with Django's
development server on 127.0.0.1 (map tiles from our own static files, so no
request leaves the machine), then runs Lighthouse 12.2.3 (npm, a
devDependency: `npm ci`) with Debian's Chromium on each page, as a phone
(Lighthouse's default) and prints one line per page and language with the
two scores and the audits that failed. Reports go to
test-artifacts/lighthouse/ (JSON).

    ./.venv/bin/python bench/lighthouse.py [--port 8651] [--only home,map]

Needs Node.js, `npm ci` (node_modules/.bin/lighthouse) and Chromium at
/usr/bin/chromium (or CHROMIUM_PATH). Exits non-zero if a page scores below
100 in either category, except the audits the site fails on purpose, which
are listed under DELIBERATE with the reason.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# As tests/browser/conftest.py launches it.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
REPORTS = ROOT / "test-artifacts" / "lighthouse"

#: Audits a page fails on purpose: (page, audit) → why.
DELIBERATE = {
    ("search", "is-crawlable"): "search results are kept out of search engines (robots.txt)",
    ("certificate-verify", "is-crawlable"): "a certificate's page names its recipient: noindex",
    ("certificate-print", "is-crawlable"): "a certificate's page names its recipient: noindex",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8651)
    parser.add_argument("--languages", default="ar,fr")
    parser.add_argument("--only", default="", help="comma-separated page names")
    return parser.parse_args()


def environment(temp_dir: str, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DATABASE_URL=f"sqlite:///{temp_dir}/lighthouse.sqlite3",
        SITE_URL=f"http://127.0.0.1:{port}",
        MAP_TILE_URL="/static/img/blank-tile.png",
        LOG_LEVEL="WARNING",
        # Each page is looked up once per language; the default allowance is enough,
        # but a rerun within ten minutes should not be refused.
        CERTIFICATE_VERIFY_RATE_LIMIT_COUNT="1000",
    )
    return env


def pages(env: dict) -> dict[str, str]:
    """Every kind of public page, by name, with the demo records (paths without language)."""
    os.environ.update(env)
    import django

    django.setup()
    from tests.browser.pages import public_pages

    return {
        name: path.removeprefix("/ar")
        for name, path in public_pages("ar").items()
        if path.startswith("/ar/")
    }


def wait_for(url: str, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def lighthouse(url: str, output: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=seo,accessibility",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
            "--max-wait-for-load=30000",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=300,
    )
    return json.loads(output.read_text())


def failed_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [
        ref["id"]
        for ref in refs
        if ref["weight"] > 0 and audits[ref["id"]].get("score") not in (None, 1)
    ]


def main() -> int:
    args = parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run `npm ci` (make install-dev)")
    REPORTS.mkdir(parents=True, exist_ok=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    with tempfile.TemporaryDirectory(prefix="sharaka-lighthouse-") as temp_dir:
        env = environment(temp_dir, args.port)
        demo_env = {
            **env,
            "DEMO_ADMIN_PASSWORD": "lh-admin-pw",
            "DEMO_STAFF_PASSWORD": "lh-staff-pw",
        }
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [python, "manage.py", "load_demo"],
            cwd=ROOT,
            env=demo_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        names = pages(env)
        if args.only:
            names = {name: names[name] for name in args.only.split(",")}
        server = subprocess.Popen(
            [python, "manage.py", "runserver", f"127.0.0.1:{args.port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        failures = 0
        try:
            base = f"http://127.0.0.1:{args.port}"
            wait_for(f"{base}/robots.txt")
            print(f"{'page':<26} {'lang':<4} {'SEO':>4} {'a11y':>5}  failed audits")
            print("-" * 78)
            for name, path in names.items():
                for lang in args.languages.split(","):
                    report = lighthouse(f"{base}/{lang}{path}", REPORTS / f"{name}-{lang}.json")
                    scores = {
                        key: round(report["categories"][key]["score"] * 100)
                        for key in ("seo", "accessibility")
                    }
                    failed = failed_audits(report, "seo") + failed_audits(report, "accessibility")
                    unexpected = [a for a in failed if (name, a) not in DELIBERATE]
                    notes = [
                        f"{a} ({DELIBERATE[(name, a)]})" if (name, a) in DELIBERATE else a
                        for a in failed
                    ]
                    failures += bool(unexpected)
                    print(
                        f"{name:<26} {lang:<4} {scores['seo']:>4} {scores['accessibility']:>5}  "
                        f"{', '.join(notes) or '—'}"
                    )
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
