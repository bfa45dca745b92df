"""Checks that browser tests share: screenshots, accessibility (axe), HTML validity (vnu)."""

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOT_WIDTHS = (360, 1280)
SERIOUS_IMPACTS = {"serious", "critical"}

_axe = Axe()


def screenshot(page, name: str) -> list[Path]:
    """Full-page PNGs of the current page at phone and desktop widths.

    Written to test-artifacts/screenshots/<name>-360.png and -1280.png; the
    page's own viewport is put back afterwards.
    """
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        raise ValueError(f"screenshot name {name!r}: use letters, digits, '.', '_' and '-'")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    height = original["height"] if original else 800
    paths = []
    try:
        for width in SCREENSHOT_WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            path = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
    finally:
        if original:
            page.set_viewport_size(original)
    return paths


def serious_axe_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line per element."""
    results = _axe.run(page)
    lines = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in SERIOUS_IMPACTS:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(
                f"{violation['id']} ({violation['impact']}) at {target}: {violation['help']}"
            )
    return lines


def assert_no_serious_axe_violations(page) -> None:
    """Fail listing each serious or critical accessibility violation axe finds."""
    lines = serious_axe_violations(page)
    assert not lines, f"axe found {len(lines)} serious or critical problem(s) on {page.url}:\n" + (
        "\n".join(lines)
    )


def validate_html(html: str) -> list[str]:
    """Errors the Nu HTML Checker (vnu.jar, from npm) finds in a document.

    Returns one line per error ("line N: message"); warnings and notes are
    left out. An empty list means the document is valid HTML.
    """
    return validate_html_documents({"document": html})["document"]


def validate_html_documents(documents: dict[str, str]) -> dict[str, list[str]]:
    """`validate_html` for many documents, by name, in one run of the checker.

    Starting Java costs seconds; checking one more document costs little. The
    documents are written to a temporary folder as <n>.html and checked
    together; each name gets its own list of errors ("line N: message").
    """
    java = shutil.which("java")
    if java is None:
        raise RuntimeError(
            "validate_html needs Java (Debian: apt-get install default-jre-headless)"
        )
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run npm ci (make test does)")
    names = list(documents)
    with tempfile.TemporaryDirectory(prefix="sharaka-vnu-") as folder:
        files = {}
        for number, name in enumerate(names):
            path = Path(folder) / f"{number}.html"
            path.write_text(documents[name], encoding="utf-8")
            files[path.resolve()] = name
        completed = subprocess.run(
            [java, "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
            capture_output=True,
            timeout=60 + 10 * len(names),
            check=False,
        )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (ValueError, KeyError) as exc:
        raise RuntimeError(
            f"vnu.jar gave no report (exit {completed.returncode}): "
            f"{completed.stderr.decode(errors='replace')[:2000]}"
        ) from exc
    errors: dict[str, list[str]] = {name: [] for name in names}
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        name = files.get(_file_path(message.get("url", "")))
        if name is None:
            raise RuntimeError(f"vnu.jar reported on no document it was given: {message}")
        line = message.get("lastLine", "?")
        errors[name].append(f"line {line}: {message.get('message', '').strip()}")
    return errors


def _file_path(url: str) -> Path | None:
    """The file a vnu message is about: vnu writes its address as file:/tmp/…/0.html."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
