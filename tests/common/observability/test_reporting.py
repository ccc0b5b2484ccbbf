"""Error reporting: nothing loaded without a DSN; with one, an event arrives at the DSN's server without
codes, e-mail addresses, the request body, cookies or local variables."""

from __future__ import annotations

import gzip
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from common import codes
from common.observability.reporting import scrub_event
from common.observability.scrub import CODE, EMAIL
from tests.config.test_deploy import production_environment

ROOT = Path(__file__).resolve().parents[3]
PORT = 8693 if "DATABASE_URL" not in os.environ else 8694  # this engineer's ports (8690–8709)


def _environment(**extra: str) -> dict[str, str]:
    env = production_environment(**extra)
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(proxy, None)
    return env


def test_without_a_dsn_nothing_is_loaded_or_started() -> None:
    script = (
        "import sys, django; django.setup(); from django.conf import settings; "
        "print(repr(settings.ERROR_REPORTING_DSN), 'sentry_sdk' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().splitlines()[-1] == "'' False"


class _Ingest(http.server.BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def ingest() -> Iterator[list[bytes]]:
    """A stand-in for the error-reporting service: an HTTP server that keeps every envelope posted to it."""
    _Ingest.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), _Ingest)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield _Ingest.received
    server.shutdown()
    server.server_close()


def test_with_a_dsn_an_error_is_reported_without_codes_addresses_or_local_variables(
    ingest: list[bytes],
) -> None:
    code = codes.new_code()
    script = f"""
import logging, django
django.setup()
import sentry_sdk

def cast(code):
    secret_local = code
    raise ValueError("no voter for code " + code + " of anna.jansen@example.org")

logging.getLogger("voting").warning("about to cast for %s", "anna.jansen@example.org")
try:
    cast({code!r})
except ValueError:
    sentry_sdk.capture_exception()
sentry_sdk.flush(10)
print(sentry_sdk.get_client().is_active())
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=_environment(ERROR_REPORTING_DSN=f"http://publickey@127.0.0.1:{PORT}/1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "True"
    assert ingest, "no event arrived"
    sent = b"\n".join(ingest).decode()
    assert "no voter for code" in sent and CODE in sent and EMAIL in sent  # the event, scrubbed
    assert code not in sent and code.replace("-", "") not in sent
    assert "anna.jansen@example.org" not in sent
    assert "secret_local" not in sent  # no local variables of the frames


def test_the_event_scrubber_drops_the_request_body_cookies_and_query_and_keeps_the_request_id() -> None:
    code = codes.new_code()
    event = {
        "request": {
            "url": f"https://buurtbudget.example.org/stemmen/{code}/",
            "method": "POST",
            "data": {"code": code, "s-main": ["3"]},
            "cookies": {"sessionid": "abc"},
            "query_string": "email=anna%40example.org",
            "headers": {"X-Request-ID": "f" * 32, "Cookie": "sessionid=abc", "User-Agent": "kiosk"},
        },
        "user": {"email": "anna@example.org", "ip_address": "203.0.113.7"},
        "logentry": {"message": f"refused {code}"},
    }
    scrubbed = scrub_event(event)
    assert scrubbed["request"] == {
        "url": f"https://buurtbudget.example.org/stemmen/{CODE}/",
        "method": "POST",
        "headers": {"X-Request-ID": "f" * 32},
    }
    assert "user" not in scrubbed and scrubbed["logentry"] == {"message": f"refused {CODE}"}
