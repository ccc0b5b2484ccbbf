"""The log-privacy test (issue 18 §5): a voting run against gunicorn under production settings, then
every line it logged is read: each is JSON with a request id, and none holds a code, an e-mail
address, a name, a password, a login token or what a ballot chose.

The run: voting codes typed wrong, malformed and right through the web form and the API; a register
voter's one-time code, wrong then right; a login link asked for and used; a password login with a
wrong password; 404s with a code and a token in the URL. Gunicorn runs with two workers (JSON logs,
``common.observability.gunicorn``; the Prometheus hooks, ``operations.metrics.gunicorn``) and a task
worker beside it; both write to files this test reads. On SQLite, and on PostgreSQL when the run
uses it (a database of its own, ``<test database>_logs``, with Redis as in production).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from common import codes
from operations.metrics.gunicorn import ENVIRONMENT_VARIABLE
from tests.config.test_deploy import production_environment
from tests.helpers import REDIS
from tests.operations.metrics.scrape import parse

ROOT = Path(__file__).resolve().parents[3]
# A port per database (8690–8709 are this test's): two `make test` runs may still run side by side.
PORT = 8690 if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else 8691
# What deploy/gunicorn.conf.py's observability block does, without its pools and sizes.
GUNICORN_CONFIG = """\
from common.observability.gunicorn import gunicorn_logging
from operations.metrics.gunicorn import child_exit, on_starting  # noqa: F401
logconfig_dict = gunicorn_logging(level="info")
accesslog = None
"""
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')


@dataclass
class Browser:
    """A resident's browser behind the TLS proxy: cookies kept by hand (they are Secure), one request each."""

    port: int
    address: str = "203.0.113.7"
    cookies: dict[str, str] = field(default_factory=dict)
    request_ids: list[str] = field(default_factory=list)

    def request(self, method: str, path: str, body: bytes | None = None, **headers: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Origin": f"https://127.0.0.1:{self.port}",
            "Accept-Language": "en",
            **headers,
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        self.request_ids.append(response.getheader("X-Request-ID") or "")
        connection.close()
        return response.status, text

    def get(self, path: str) -> tuple[int, str]:
        return self.request("GET", path)

    def post_form(self, path: str, data: dict[str, Any], *, page: str) -> tuple[int, str]:
        """POST ``data`` with the CSRF token of ``page`` (the form it came from)."""
        token = CSRF.search(page)
        fields = {**data, **({"csrfmiddlewaretoken": token.group(1)} if token else {})}
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self.request("POST", path, body, **{"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, data: Any) -> tuple[int, str]:
        return self.request("POST", path, json.dumps(data).encode(), **{"Content-Type": "application/json"})


def _database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The server's own database: a SQLite file, or a PostgreSQL database next to the test database."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith(
        "sqlite3"
    ):  # the embedded set-up: no Redis either (each process counts its own limits)
        yield {"SQLITE_PATH": str(tmp_path / "server.sqlite3")}
        return
    import psycopg

    test_db = settings.DATABASES["default"]["NAME"]
    name = f"{test_db}_logs"[:63]
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        # The production set-up: PostgreSQL and Redis (database 9; CI runs this test, marker `servers`,
        # on one database at a time, so no other run shares its keys).
        yield {"DATABASE_URL": f"{base}/{name}", "REDIS_URL": f"{REDIS}/9"}
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Server:
    env: dict[str, str]
    logs: list[Path]
    mail: Path
    world: dict[str, Any]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    for database in _database(tmp_path):
        mail, static = tmp_path / "mail", tmp_path / "static"
        mail.mkdir()
        static.mkdir()
        env = production_environment(
            **database,
            DJANGO_SETTINGS_MODULE="tests.common.observability.prod_mail_files",
            BUURTBUDGET_TEST_MAIL_DIR=str(mail),
            BUURTBUDGET_TEST_STATIC_ROOT=str(static),
            DJANGO_ALLOWED_HOSTS=f"127.0.0.1:{PORT},127.0.0.1",
            BUURTBUDGET_TRUSTED_PROXIES="1",
            BUURTBUDGET_NODE="node-logs",
            PYTHONPATH=str(ROOT),
            **{ENVIRONMENT_VARIABLE: str(tmp_path / "prometheus")},
        )
        for stale in ("DATABASE_URL", "SQLITE_PATH", "REDIS_URL"):
            if stale not in database:
                env.pop(stale, None)
        python = sys.executable
        subprocess.run(
            [python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True
        )
        subprocess.run(
            [
                python,
                "-c",
                "import django; django.setup(); from django.core.cache import cache; cache.clear()",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        made = subprocess.run(
            [python, str(Path(__file__).with_name("world.py"))],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        world = json.loads(made.stdout.strip().splitlines()[-1])
        (tmp_path / "gunicorn.conf.py").write_text(GUNICORN_CONFIG)
        logs = [tmp_path / name for name in ("gunicorn.out", "gunicorn.err", "worker.out", "worker.err")]
        handles = [path.open("wb") for path in logs]
        gunicorn = subprocess.Popen(
            [
                str(Path(python).with_name("gunicorn")),
                "config.wsgi:application",
                "-c",
                str(tmp_path / "gunicorn.conf.py"),
                f"--bind=127.0.0.1:{PORT}",
                "--workers=2",
                "--threads=2",
                f"--control-socket={tmp_path / 'gunicorn.ctl'}",
            ],
            cwd=ROOT,
            env=env,
            stdout=handles[0],
            stderr=handles[1],
        )
        worker = subprocess.Popen(
            [python, "manage.py", "run_worker", "--interval", "0.2", "--no-startup-delay"],
            cwd=ROOT,
            env=env,
            stdout=handles[2],
            stderr=handles[3],
        )
        try:
            _wait_for(PORT)
            yield Server(env=env, logs=logs, mail=mail, world=world)
        finally:
            for process in (gunicorn, worker):
                process.send_signal(signal.SIGTERM)
            for process in (gunicorn, worker):
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            for handle in handles:
                handle.close()


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer on port {port}")


def _mail_to(directory: Path, address: str, *, after: set[Path]) -> str:
    """The body of the first new message to ``address`` (waits: it may go through the task queue)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for path in sorted(set(directory.iterdir()) - after):
            for chunk in path.read_bytes().split(b"-" * 79):
                if chunk.strip() and address.encode() in chunk:
                    message = message_from_bytes(chunk.strip(), policy=policy.default)
                    body = message.get_body(("plain",))
                    assert body is not None
                    return str(body.get_content())
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address}")


def _run_the_vote(server: Server, browser: Browser) -> dict[str, list[str]]:
    """The voting run; returns the secrets it used, by kind, for the log check."""
    world = server.world
    slug = world["slug"]
    plans = [int(pk) for pk in world["plans"]]
    web_code, api_code, spare_code = world["codes"]
    start = f"/en/stemmen/{slug}/"
    unknown = codes.new_code()
    mistyped = web_code[:-1] + ("A" if web_code[-1] != "A" else "B")  # the check symbol fails

    status, page = browser.get(start)
    assert status == 200, page
    for typed, says in (
        (unknown, "not known"),
        (mistyped, "not a valid voting code"),
        ("ABCD-EFGH", "not a valid"),
    ):
        status, answer = browser.post_form(start, {"code": typed}, page=page)
        assert status == 200 and says in answer, answer[:2000]
    status, ballot = browser.post_form(start, {"code": web_code.lower()}, page=page)
    token = TOKEN.search(ballot)
    assert token, ballot[:2000]
    status, receipt = browser.post_form(
        f"/en/stemmen/{slug}/stembiljet/", {"token": token.group(1), "s-main": [str(plans[0])]}, page=ballot
    )
    assert status == 200 and "Your vote has been received" in receipt

    api = Browser(port=browser.port, address="198.51.100.20")
    assert (
        api.post_json(f"/api/v1/editions/{slug}/ballots", {"code": unknown, "ballot": {"main": [plans[1]]}})[
            0
        ]
        == 403
    )
    assert api.post_json(f"/api/v1/editions/{slug}/voter", {"code": api_code})[0] == 200
    assert (
        api.post_json(f"/api/v1/editions/{slug}/ballots", {"code": api_code, "ballot": {"main": [plans[1]]}})[
            0
        ]
        == 201
    )
    assert (
        api.post_json(f"/api/v1/editions/{slug}/ballots", {"code": spare_code, "ballot": {"main": [9999]}})[0]
        == 422
    )

    # A register voter: the one-time code by e-mail, typed wrong, then right.
    seen = set(server.mail.iterdir())
    status, email_page = browser.get(f"/en/stemmen/{slug}/e-mail/")
    assert status == 200
    status, code_page = browser.post_form(
        f"/en/stemmen/{slug}/e-mail/", {"email": world["register_email"]}, page=email_page
    )
    assert status == 200, code_page[:2000]
    one_time = re.search(r"\b(\d{6})\b", _mail_to(server.mail, world["register_email"], after=seen))
    assert one_time
    wrong = f"{(int(one_time.group(1)) + 1) % 1_000_000:06d}"
    verify = f"/en/stemmen/{slug}/e-mail/code/"
    status, again = browser.post_form(
        verify, {"email": world["register_email"], "code": wrong}, page=code_page
    )
    assert status == 200 and "not right" in again
    status, ballot = browser.post_form(
        verify, {"email": world["register_email"], "code": one_time.group(1)}, page=again
    )
    token = TOKEN.search(ballot)
    assert token, ballot[:2000]
    status, receipt = browser.post_form(
        f"/en/stemmen/{slug}/stembiljet/",
        {"token": token.group(1), "s-main": [str(plans[2]), str(plans[3])]},
        page=ballot,
    )
    assert "Your vote has been received" in receipt

    # A login link, asked for and used; a password login with a wrong password.
    resident = Browser(port=browser.port, address="192.0.2.44")
    seen = set(server.mail.iterdir())
    status, form = resident.get("/en/account/inloglink/")
    assert status == 200
    resident.post_form("/en/account/inloglink/", {"email": world["resident_email"]}, page=form)
    link = re.search(
        r"https?://\S+/account/inloglink/([^/\s]+)/",
        _mail_to(server.mail, world["resident_email"], after=seen),
    )
    assert link
    status, confirm = resident.get(f"/en/account/inloglink/{link.group(1)}/")
    assert status == 200, confirm[:2000]
    status, _ = resident.post_form(f"/en/account/inloglink/{link.group(1)}/", {}, page=confirm)
    assert status == 302
    staff = Browser(port=browser.port, address="192.0.2.45")
    status, login = staff.get("/en/account/inloggen/")
    wrong_password = "Verkeerd-wachtwoord-99"
    status, refused = staff.post_form(
        "/en/account/inloggen/", {"username": world["official_email"], "password": wrong_password}, page=login
    )
    assert status == 200 and "password" in refused.lower()
    status, _ = staff.post_form(
        "/beheer/login/",
        {"username": world["official_email"], "password": wrong_password},
        page=staff.get("/beheer/login/")[1],
    )

    # 404s with a code and a token in the URL.
    assert browser.get(f"/en/stemmen/{spare_code}/")[0] == 404
    assert browser.get(f"/{spare_code}/")[0] == 404
    assert browser.get(f"/en/account/inloglink/{link.group(1)}x/")[0] == 400

    return {
        "codes": [
            web_code,
            api_code,
            spare_code,
            unknown,
            mistyped,
            *(c.replace("-", "") for c in world["codes"]),
        ],
        "one-time codes": [one_time.group(1), wrong],
        "e-mail addresses": [world["register_email"], world["resident_email"], world["official_email"]],
        "names": [world["register_name"], world["resident_name"], world["official_name"]],
        "passwords": [world["password"], wrong_password],
        "tokens": [link.group(1)],
        "ballot contents": list(world["plans"].values()),
    }


def test_a_voting_run_logs_json_lines_with_request_ids_and_nothing_that_identifies_a_voter(
    server: Server,
) -> None:
    browser = Browser(port=PORT)
    secrets = _run_the_vote(server, browser)
    scraper = Browser(port=PORT, address="127.0.0.1")  # the default allow-list: this machine
    status, text = scraper.get("/metrics")
    assert status == 200
    metrics = parse(text)
    outsider = Browser(port=PORT, address="203.0.113.99")
    assert outsider.get("/metrics")[0] == 404
    time.sleep(1)  # the last access lines
    # Counted by both workers, summed from their files (multiprocess mode).
    cast = sum(
        metrics.value("buurtbudget_ballots_cast_total", channel=c, replaced="false") for c in ("web", "api")
    )
    assert cast == 3

    lines = [line for path in server.logs for line in path.read_text().splitlines() if line.strip()]
    assert lines, "nothing was logged"
    entries = []
    for line in lines:
        entry = json.loads(line)  # every line is one JSON object
        assert {"time", "level", "logger", "message", "request_id", "route", "node"} <= entry.keys(), line
        entries.append(entry)
    access = [e for e in entries if e["logger"] == "buurtbudget.request"]
    assert all(e["request_id"] and e["route"] and isinstance(e["status"], int) for e in access)
    assert all(isinstance(e["duration_ms"], float | int) and e["node"] == "node-logs" for e in access)
    logged_ids = {e["request_id"] for e in access}
    answered = browser.request_ids
    assert answered and set(answered) <= logged_ids  # each response's X-Request-ID is on its line
    assert {"voting:start", "voting:ballot", "api:ballots", "voting:email_code", "<unmatched>"} <= {
        e["route"] for e in access
    }
    assert any(e["logger"].startswith("gunicorn") for e in entries)  # gunicorn's own lines are JSON too

    everything = "\n".join(lines)
    for kind, values in secrets.items():
        for value in values:
            variants = {value, value.lower(), value.upper(), urllib.parse.quote(value)}
            for variant in variants:
                pattern = rf"(?<![0-9A-Za-z]){re.escape(variant)}(?![0-9A-Za-z])"
                found = re.search(pattern, everything)
                context = everything[max(0, found.start() - 300) : found.end() + 100] if found else ""
                assert found is None, f"{kind}: {variant!r} is in the logs: {context}"
    assert "@" not in everything
