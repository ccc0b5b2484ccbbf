"""The topology from the checkout (deploy/local, as `make prod-local` starts it): vote through the proxy.

It starts the whole thing with production settings — its own PostgreSQL cluster and redis-server,
nginx with TLS by a local CA, two app nodes (page and vote pools), a task worker — makes a vote in
its database, and votes in chromium over HTTPS, chromium trusting exactly the topology's server key
(its certificate is not ignored: a different one would fail); then casts through the API with
Python's TLS verifying against the CA file, and checks what the proxy adds: the HTTPS redirect, the
collected static files with their caching, and that a client's X-Forwarded-For cannot hide it from
the rate limits.

It runs once per CI run, on the SQLite pass (it brings its own PostgreSQL; both passes would start
the same topology), and takes a minute or two on a quiet machine.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.conf import settings
from playwright.sync_api import Browser, expect

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.reliability.client import Client
from common.codes import new_code
from deploy.local import Topology

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="runs once per CI run, on the SQLite pass: it starts its own PostgreSQL",
    ),
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is missing: make prod-local installs it"),
]

# Node pools on ports of their own (8731–8734), apart from `make prod-local` and the suite (8711–).
FIRST_NODE_PORT = 8731


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Running:
    topology: Topology
    vote: dict[str, Any]


@pytest.fixture(scope="module")
def running() -> Iterator[Running]:
    # Kept between runs (var/ is not in git): the collected static files and certificates are reused.
    run_dir = Path(settings.BASE_DIR) / "var" / "test-prod-local"
    topology = Topology(
        run_dir=run_dir,
        private_services=True,
        nodes=2,
        page_workers=1,
        vote_workers=1,
        threads=2,
        task_workers=1,
        https_port=free_port(),
        http_port=free_port(),
        first_node_port=FIRST_NODE_PORT,
        pg_port=free_port(),
        redis_port=free_port(),
    )
    with topology:
        made = subprocess.run(
            [sys.executable, "-m", "bench.reliability.world", "make-vote", "--voters", "3"],
            cwd=settings.BASE_DIR,
            env=topology.app_env,
            capture_output=True,
            text=True,
            check=True,
        )
        yield Running(topology, json.loads(made.stdout))


def ballots(topology: Topology, edition_id: object, receipt: str) -> int:
    """The ballots with ``receipt`` in the topology's own database."""
    with psycopg.connect(topology.database_url) as connection:
        row = connection.execute(
            "SELECT count(*) FROM voting_ballot WHERE edition_id = %s AND receipt = %s", [edition_id, receipt]
        ).fetchone()
    assert row is not None
    return int(row[0])


def spki_pin(certificate: Path) -> str:
    """base64(sha256(SubjectPublicKeyInfo)) of ``certificate``: what chromium is told to trust."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    key = x509.load_pem_x509_certificate(certificate.read_bytes()).public_key()
    der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


def test_a_resident_votes_in_a_browser_through_the_proxy(running: Running, browser: Browser) -> None:
    topology, vote = running.topology, running.vote
    code = vote["codes"][0]
    pinned = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[
            *CHROMIUM_ARGS,
            f"--ignore-certificate-errors-spki-list={spki_pin(topology.certs_dir / 'server.pem')}",
        ],
    )
    try:
        page = pinned.new_context(ignore_https_errors=False).new_page()
        page.goto(f"{topology.base_url}/en/stemmen/{vote['slug']}/")
        page.fill("#id_code", code)
        page.locator("main form button[type=submit]").click()
        expect(page.locator("h1")).to_have_text("Your ballot")
        page.locator("main fieldset input[type=checkbox]").first.check()
        page.get_by_role("button", name="Cast my vote").click()
        expect(page.locator("h1")).to_have_text("Your vote has been received")
        receipt = page.locator("#receipt-number").inner_text().strip()
        assert page.url.startswith(topology.base_url)
    finally:
        pinned.close()
    assert ballots(topology, vote["edition_id"], receipt) == 1


def test_a_cast_through_the_api_verifies_the_proxys_certificate(running: Running) -> None:
    topology, vote = running.topology, running.vote
    client = Client(topology.base_url, ca_file=topology.ca_file)
    plan_ids = vote["plan_ids"]
    status, receipt = client.cast(
        f"/api/v1/editions/{vote['slug']}/ballots", vote["codes"][1], {"main": [plan_ids[0]]}
    )
    assert status == 201 and receipt
    assert ballots(topology, vote["edition_id"], receipt) == 1
    # Without the CA, the same request fails verification: the certificate is not a public one.
    unverified = Client(topology.base_url, ca_file=None)
    assert unverified.request("GET", "/healthz")[0] == 0


def test_plain_http_redirects_and_static_files_come_with_caching(running: Running) -> None:
    topology = running.topology
    client = Client(f"http://127.0.0.1:{topology.http_port}")
    status, headers, _body = client.request("GET", "/plannen/")
    assert status == 301 and headers["location"] == f"{topology.base_url}/plannen/"

    secure = Client(topology.base_url, ca_file=topology.ca_file)
    status, headers, body = secure.request("GET", "/")
    assert status == 200
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "the home page links a hashed stylesheet"
    status, headers, _css = secure.request(
        "GET", stylesheet.group(1).decode(), headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers.get("content-encoding") == "gzip"


def test_a_spoofed_x_forwarded_for_does_not_escape_the_wrong_code_limit(running: Running) -> None:
    """Wrong codes are limited per client address (VOTING_FAILURES_PER_CLIENT). A client that writes
    a new X-Forwarded-For each time stays one client: the proxy sets the header, the app trusts one
    proxy, so the limit is reached as if the header had not been sent."""
    topology, vote = running.topology, running.vote
    limit, _window = settings.VOTING_FAILURES_PER_CLIENT
    client = Client(topology.base_url, ca_file=topology.ca_file)
    path = f"/api/v1/editions/{vote['slug']}/voter"
    answers = []
    for number in range(limit + 1):
        status, _headers, _body = client.request(
            "POST",
            path,
            body={"code": new_code()},  # well-formed, and no voter's
            headers={"X-Forwarded-For": f"198.51.100.{number + 1}"},
        )
        answers.append(status)
    assert set(answers[:limit]) == {403}
    assert answers[limit] == 429
