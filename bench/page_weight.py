"""What a resident's phone downloads: bytes transferred for the home, edition, plan and ballot pages.

Run: `make bench-weight` (or `.venv/bin/python bench/page_weight.py [--no-write]`).

Loads the demo into a fresh temporary SQLite database, collects the static files the way production
does (hashed names, precompressed), and serves the site with the **production settings** under
gunicorn over HTTPS (a self-signed certificate made for the run). Debian's chromium then opens
each page twice: once with an empty cache (a first visit) and once more in the same browser (a repeat
visit). The bytes are what the browser received on the wire, headers included (the DevTools protocol's
``encodedDataLength``), summed over the page and everything it loaded. The baseline, measured in the
same run, is the same responses uncompressed (their decoded body sizes): the ratio is what
compression and caching save. The table replaces the "Page weight" section of docs/benchmarks.md.

Targets (issue 17): a first visit under 200 KB, a repeat visit under 30 KB.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
START, END = "<!-- bench-weight:start -->", "<!-- bench-weight:end -->"
PYTHON = sys.executable
VOTE = "buurtbudget-zuidoost-2026"  # the demo's running vote
CODE = re.compile(r"^\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])$", re.MULTILINE)
FIRST_LIMIT, REPEAT_LIMIT = 200 * 1024, 30 * 1024


@dataclass
class Visit:
    """What one page load received: per response, bytes on the wire and decoded."""

    wire: dict[str, int] = field(default_factory=dict)
    decoded: dict[str, int] = field(default_factory=dict)

    @property
    def wire_total(self) -> int:
        return sum(self.wire.values())

    @property
    def decoded_total(self) -> int:
        return sum(self.decoded.values())


def _environment(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": "bench-page-weight-" + "x" * 40,
        "BUURTBUDGET_VOTING_KEY": "bench-page-weight-voting-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "SQLITE_PATH": str(tmp / "weight.sqlite3"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def _prepare(env: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Migrate, load the demo, collect static files; a working voting code and the pages to weigh."""
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    loaded = subprocess.run(
        [*manage, "load_demo", "--allow-production"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    codes = CODE.findall(loaded.stdout)
    assert codes, "load_demo printed no voting code"
    query = (
        "from proposals.models import Plan, PlanStatus; from editions.models import Edition;"
        f"e = Edition.objects.get(slug='{VOTE}');"
        "p = Plan.objects.filter(edition=e).exclude(status=PlanStatus.DRAFT).order_by('pk').first();"
        "print('PAGES', e.get_absolute_url(), p.get_absolute_url())"
    )
    printed = subprocess.run(
        [*manage, "shell", "-c", query], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    edition, plan = next(line for line in printed.splitlines() if line.startswith("PAGES ")).split()[1:]
    pages = {"home": "/", "edition": edition, "plan": plan, "voting code": f"/stemmen/{VOTE}/"}
    return codes[0], pages


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _certificate(tmp: Path) -> list[str]:
    """gunicorn's options for TLS with a self-signed certificate for 127.0.0.1."""
    key, cert = tmp / "key.pem", tmp / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return ["--keyfile", str(key), "--certfile", str(cert)]


def _serve(env: dict[str, str], port: int, tls: list[str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
            *tls,
        ],
        env=env,
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start")


class Recorder:
    """Sums the DevTools protocol's per-response byte counts while a page loads."""

    def __init__(self, page: Any) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.urls: dict[str, str] = {}
        self.visit = Visit()
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.dataReceived", self._data)
        self.cdp.on("Network.loadingFinished", self._finished)

    def start(self) -> Visit:
        self.visit = Visit()
        return self.visit

    def _response(self, event: dict[str, Any]) -> None:
        self.urls[event["requestId"]] = event["response"]["url"]

    def _data(self, event: dict[str, Any]) -> None:
        url = self.urls.get(event["requestId"], event["requestId"])
        self.visit.decoded[url] = self.visit.decoded.get(url, 0) + int(event["dataLength"])

    def _finished(self, event: dict[str, Any]) -> None:
        url = self.urls.get(event["requestId"], event["requestId"])
        self.visit.wire[url] = self.visit.wire.get(url, 0) + int(event["encodedDataLength"])


def _open_ballot(page: Any, recorder: Recorder) -> Visit:
    """Post the code on the code page and record the ballot it opens."""
    visit = recorder.start()
    with page.expect_navigation(wait_until="networkidle"):
        page.locator("main form button[type=submit]").click()
    assert page.locator("main fieldset").count() > 0, "the code did not open the ballot"
    return visit


def _weigh(base: str, pages: dict[str, str], code: str) -> dict[str, tuple[Visit, Visit]]:
    from playwright.sync_api import sync_playwright

    from bench.chromium import CHROMIUM, CHROMIUM_ARGS

    results: dict[str, tuple[Visit, Visit]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        names = [*pages, "ballot"]
        for name in names:
            # A fresh profile per page: its first visit finds an empty cache.
            context = browser.new_context(
                viewport={"width": 390, "height": 844},
                locale="nl-NL",
                ignore_https_errors=True,
            )
            page = context.new_page()
            recorder = Recorder(page)
            if name == "ballot":
                # The code page first (its files are then cached, as for a resident), then the ballot
                # that posting the code opens, once with an emptied cache and once again after it.
                start = f"{base}/stemmen/{VOTE}/#code={code}"
                page.goto(start, wait_until="networkidle")
                recorder.cdp.send("Network.clearBrowserCache")
                first = _open_ballot(page, recorder)
                page.goto(start, wait_until="networkidle")
                repeat = _open_ballot(page, recorder)
            else:
                first = recorder.start()
                page.goto(base + pages[name], wait_until="networkidle")
                repeat = recorder.start()
                page.goto(base + pages[name], wait_until="networkidle")
            results[name] = (first, repeat)
            context.close()
        browser.close()
    return results


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def _table(results: dict[str, tuple[Visit, Visit]]) -> str:
    lines = [
        "| page | first visit | uncompressed (baseline) | ratio | repeat visit | files on first visit |",
        "|---|---|---|---|---|---|",
    ]
    for name, (first, repeat) in results.items():
        ratio = first.wire_total / first.decoded_total if first.decoded_total else 0.0
        lines.append(
            f"| {name} | {_kb(first.wire_total)} | {_kb(first.decoded_total)} | {ratio:.2f}× | "
            f"{_kb(repeat.wire_total)} | {len(first.wire)} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/ alone")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-weight-"))
    env = _environment(tmp)
    code, pages = _prepare(env)
    port = _free_port()
    server = _serve(env, port, _certificate(tmp))
    try:
        results = _weigh(f"https://127.0.0.1:{port}", pages, code)
    finally:
        server.terminate()
        server.wait(10)
    table = _table(results)
    print(table)
    for name, (first, _repeat) in results.items():
        print(f"\n{name}: " + ", ".join(f"{url.rsplit('/', 2)[-2:]} {n}" for url, n in first.wire.items()))
    over = [
        name
        for name, (first, repeat) in results.items()
        if first.wire_total > FIRST_LIMIT or repeat.wire_total > REPEAT_LIMIT
    ]
    if not args.no_write:
        from bench.results_doc import put_table

        put_table(f"{START}\n{table}\n{END}", start=START, end=END, heading="Page weight")
    if over:
        print(f"over the targets (first visit 200 KB, repeat visit 30 KB): {', '.join(over)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
