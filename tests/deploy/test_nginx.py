"""The proxy's configuration (deploy/nginx), run by Debian's nginx in front of two stand-in nodes.

The nodes here are small HTTP servers that answer with what they received (which node and pool,
the forwarded headers, the body's size), so every test sees exactly what a node would be given:
the trusted headers, the routing of casts to the vote pools, and the retries that are safe. Each
test starts its own nginx on free ports, with the certificates deploy/local makes.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from deploy.local.nginx import Site, render_local, request_body_max_bytes
from deploy.local.services import make_certificates

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(
    not Path(NGINX).exists(),
    reason="nginx is missing: apt-get install -y nginx (make prod-local installs it)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class StandIn:
    """A node's pool that answers 200 with a JSON echo, or behaves as ``mode`` says."""

    name: str
    port: int = field(default_factory=free_port)
    mode: str = "answer"  # "answer" | "drop": read the request, then close without answering
    received: list[dict[str, object]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                seen: dict[str, object] = {
                    "node": stand_in.name,
                    "method": self.command,
                    "path": self.path,
                    "x_forwarded_for": self.headers.get_all("X-Forwarded-For"),
                    "x_forwarded_proto": self.headers.get_all("X-Forwarded-Proto"),
                    "x_forwarded_host": self.headers.get_all("X-Forwarded-Host"),
                    "x_request_id": self.headers.get("X-Request-ID"),
                    "host": self.headers.get("Host"),
                    "body_bytes": len(body),
                }
                stand_in.received.append(seen)
                if stand_in.mode == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                answer = json.dumps(seen).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_POST = _handle

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


@dataclass
class Proxy:
    """nginx with the site filled in for the stand-ins; how a test reaches it."""

    https_port: int
    http_port: int
    ca_file: Path
    static_root: Path
    pages: list[StandIn]
    votes: list[StandIn]

    def request(
        self, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        context = ssl.create_default_context(cafile=str(self.ca_file))
        connection = http.client.HTTPSConnection("127.0.0.1", self.https_port, context=context, timeout=20)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
        finally:
            connection.close()


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    # Not pytest's tmp_path: its parents are closed to others, and nginx's workers run as nobody.
    tmp_path = Path(tempfile.mkdtemp(prefix="buurtbudget-nginx-"))
    tmp_path.chmod(0o711)
    certs = tmp_path / "certs"
    ca_file, certificate, key = make_certificates(certs)
    static_root = tmp_path / "static"
    static_root.mkdir()
    static_root.chmod(0o755)
    pages = [StandIn("node0-pages"), StandIn("node1-pages")]
    votes = [StandIn("node0-votes"), StandIn("node1-votes")]
    for stand_in in (*pages, *votes):
        stand_in.start()
    https_port, http_port = free_port(), free_port()
    site = Site(
        page_servers=[f"127.0.0.1:{s.port}" for s in pages],
        vote_servers=[f"127.0.0.1:{s.port}" for s in votes],
        static_root=static_root,
        media_root=tmp_path / "media",
        certificate=certificate,
        certificate_key=key,
        client_max_body_size=settings.REQUEST_BODY_MAX_BYTES,
        https_port=https_port,
        http_port=http_port,
        listen_address="127.0.0.1",
    )
    logs = tmp_path / "logs"
    logs.mkdir()
    (tmp_path / "nginx" / "tmp").mkdir(parents=True)  # nginx makes the rest, owned by its workers
    site_file = tmp_path / "nginx" / "buurtbudget.conf"
    site_file.write_text(site.render())
    main = tmp_path / "nginx" / "nginx.conf"
    main.write_text(render_local(run_dir=tmp_path, logs_dir=logs, site_config=site_file))
    command = [NGINX, "-p", str(tmp_path / "nginx"), "-e", str(logs / "error.log"), "-c", str(main)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", https_port), timeout=1):
                break
            assert time.monotonic() < deadline, (logs / "error.log").read_text()
            time.sleep(0.05)
        yield Proxy(https_port, http_port, ca_file, static_root, pages, votes)
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stand_in in (*pages, *votes):
            stand_in.stop()
        shutil.rmtree(tmp_path, ignore_errors=True)


def test_nginx_accepts_the_rendered_configuration(proxy: Proxy) -> None:
    status, _headers, body = proxy.request("GET", "/")
    assert status == 200
    assert json.loads(body)["node"].endswith("-pages")


def test_a_client_sent_x_forwarded_for_never_reaches_a_node(proxy: Proxy) -> None:
    """The one trusted proxy SETS the header: the node sees the address nginx saw, nothing the client
    wrote (so BUURTBUDGET_TRUSTED_PROXIES=1 makes common.ratelimit.client_ip the real client)."""
    status, _headers, body = proxy.request(
        "GET",
        "/",
        headers={
            "X-Forwarded-For": "203.0.113.9, 198.51.100.7",
            "X-Forwarded-Proto": "http",
            "X-Forwarded-Host": "evil.example",
        },
    )
    seen = json.loads(body)
    assert status == 200
    assert seen["x_forwarded_for"] == ["127.0.0.1"]
    assert seen["x_forwarded_proto"] == ["https"]
    assert seen["x_forwarded_host"] is None
    assert seen["x_request_id"]


def test_the_address_a_node_computes_is_the_proxys_view(proxy: Proxy, rf: pytest.FixtureRequest) -> None:
    """What the node received, fed to the app's own client_ip behind one trusted proxy."""
    from django.test import RequestFactory, override_settings

    from common.ratelimit import client_ip

    _status, _headers, body = proxy.request("GET", "/", headers={"X-Forwarded-For": "203.0.113.9"})
    seen = json.loads(body)
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=seen["x_forwarded_for"][0]
    )
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "127.0.0.1"


def test_casts_and_code_checks_go_to_the_vote_pools_and_pages_to_the_page_pools(proxy: Proxy) -> None:
    routed = {
        ("POST", "/api/v1/editions/noord-2027/ballots"): "votes",
        ("POST", "/api/v1/editions/noord-2027/voter"): "votes",
        ("GET", "/api/v1/editions/noord-2027/ballot"): "votes",
        ("GET", "/stemmen/noord-2027/"): "votes",
        ("POST", "/stemmen/noord-2027/"): "votes",
        ("POST", "/en/stemmen/noord-2027/stembiljet/"): "votes",
        ("POST", "/ar/stemmen/noord-2027/e-mail/code/"): "votes",
        ("GET", "/stemmen/"): "pages",
        ("GET", "/"): "pages",
        ("GET", "/plannen/"): "pages",
        ("GET", "/api/schema"): "pages",
        ("POST", "/account/inloggen/"): "pages",
        ("GET", "/stemming/noord-2027/"): "pages",
    }
    for (method, path), pool in routed.items():
        status, _headers, body = proxy.request(method, path, body=b"{}" if method == "POST" else None)
        assert status == 200, path
        assert json.loads(body)["node"].endswith(f"-{pool}"), (method, path)


def test_both_nodes_share_the_casts(proxy: Proxy) -> None:
    nodes = {
        json.loads(proxy.request("POST", "/api/v1/editions/e/ballots", body=b"{}")[2])["node"]
        for _ in range(6)
    }
    assert nodes == {"node0-votes", "node1-votes"}


def test_a_body_over_the_apps_limit_is_refused_at_the_proxy(proxy: Proxy) -> None:
    """413 before a byte reaches a node: the announced length alone is enough."""
    context = ssl.create_default_context(cafile=str(proxy.ca_file))
    head = (
        "POST /plannen/nieuw/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
        f"Content-Length: {settings.REQUEST_BODY_MAX_BYTES + 1}\r\n\r\n"
    )
    with (
        socket.create_connection(("127.0.0.1", proxy.https_port)) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        tls.sendall(head.encode())
        answer = tls.recv(4096).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413")
    assert not any(seen["method"] == "POST" for s in proxy.pages for seen in s.received)
    # A body below the limit goes through (the node decides what it accepts).
    status, _headers, body = proxy.request("POST", "/plannen/nieuw/", body=b"x" * 1_000_000)
    assert status == 200 and json.loads(body)["body_bytes"] == 1_000_000


def test_plain_http_is_redirected_to_https(proxy: Proxy) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", proxy.http_port, timeout=10)
    connection.request("GET", "/stemmen/?x=1", headers={"Host": "127.0.0.1"})
    answer = connection.getresponse()
    assert answer.status == 301
    assert answer.getheader("Location") == f"https://127.0.0.1:{proxy.https_port}/stemmen/?x=1"
    assert not any(s.received for s in (*proxy.pages, *proxy.votes))


def test_static_files_come_from_nginx_with_caching_headers(proxy: Proxy) -> None:
    css = b"body { color: #123456; }\n" * 100
    (proxy.static_root / "css").mkdir()
    (proxy.static_root / "css" / "site.0123456789ab.css").write_bytes(css)
    (proxy.static_root / "css" / "site.0123456789ab.css.gz").write_bytes(gzip.compress(css))
    (proxy.static_root / "css" / "site.css").write_bytes(css)

    status, headers, body = proxy.request("GET", "/static/css/site.0123456789ab.css")
    assert status == 200 and body == css
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["content-type"].startswith("text/css")
    status, headers, body = proxy.request(
        "GET", "/static/css/site.0123456789ab.css", headers={"Accept-Encoding": "gzip"}
    )
    assert headers.get("content-encoding") == "gzip" and gzip.decompress(body) == css
    # A name without its hash may change with the next deploy: cached for an hour only.
    status, headers, _body = proxy.request("GET", "/static/css/site.css")
    assert status == 200 and headers["cache-control"] == "public, max-age=3600"
    status, _headers, _body = proxy.request("GET", "/static/css/missing.css")
    assert status == 404
    assert not any(s.received for s in (*proxy.pages, *proxy.votes))


def test_a_dead_node_is_skipped_for_a_cast_that_never_reached_it(proxy: Proxy) -> None:
    """Connection refused: the POST never reached the node, so the next node may take it."""
    proxy.votes[0].stop()
    for _ in range(4):
        status, _headers, body = proxy.request("POST", "/api/v1/editions/e/ballots", body=b"{}")
        assert status == 200
        assert json.loads(body)["node"] == "node1-votes"


def test_a_cast_that_reached_a_node_is_never_sent_to_another(proxy: Proxy) -> None:
    """The node read the cast and died before answering (it may have stored it): nginx must not
    repeat it on the other node; the client gets 503 with Retry-After and may retry itself."""
    for stand_in in proxy.votes:
        stand_in.mode = "drop"
    status, headers, body = proxy.request("POST", "/api/v1/editions/e/ballots", body=b'{"code": "x"}')
    assert status == 503
    assert headers["retry-after"] == "5"
    assert json.loads(body)["error"] == "unavailable"
    posts = [seen for s in proxy.votes for seen in s.received if seen["method"] == "POST"]
    assert len(posts) == 1


def test_a_page_whose_node_died_mid_request_is_retried_on_the_other(proxy: Proxy) -> None:
    """A GET is safe to repeat: the other node answers it."""
    proxy.pages[0].mode = "drop"
    answers = [proxy.request("GET", "/plannen/") for _ in range(4)]
    assert all(status == 200 for status, _h, _b in answers)
    assert {json.loads(body)["node"] for _s, _h, body in answers} == {"node1-pages"}


def test_no_node_answering_gives_a_friendly_503_page(proxy: Proxy) -> None:
    for stand_in in proxy.pages:
        stand_in.stop()
    status, headers, body = proxy.request("GET", "/")
    assert status == 503
    assert headers["retry-after"] == "5"
    assert headers["content-type"].startswith("text/html")
    assert "Probeer het over een paar seconden opnieuw" in body.decode()


def test_nothing_outside_the_media_directory_is_served(proxy: Proxy) -> None:
    """Private files (letters with voting codes) live beside, never under, the media directory."""
    media = proxy.static_root.parent / "media"
    media.mkdir(mode=0o755)
    (media / "plan.txt").write_text("public")
    private = proxy.static_root.parent / "private"
    private.mkdir(mode=0o755)
    (private / "letters.txt").write_text("AAAA-BBBB-CCCC-DDDD-E")
    assert proxy.request("GET", "/media/plan.txt")[2] == b"public"
    for path in ("/media/../private/letters.txt", "/media/..%2fprivate/letters.txt", "/private/letters.txt"):
        status, _headers, body = proxy.request("GET", path)
        assert b"AAAA-BBBB" not in body, path
        assert status != 200 or json.loads(body)["node"].endswith("-pages"), path


def test_the_launcher_reads_the_apps_body_limit_without_importing_the_settings() -> None:
    # base.py ends by importing .running relative to its package: running the file alone failed,
    # and with it every topology's start (Topology.site).
    assert request_body_max_bytes() == settings.REQUEST_BODY_MAX_BYTES
