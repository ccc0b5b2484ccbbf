"""The suite's HTTP client: casts through the proxy over HTTPS, verifying the topology's CA.

Plain ``http.client`` with one connection per sending thread (kept alive, re-opened after an error),
so thousands of casts cost no dependency and the answer's status is never hidden by retries: a
request that got no answer at all is recorded as status 0.
"""

from __future__ import annotations

import http.client
import json
import ssl
import threading
import urllib.parse
from pathlib import Path
from typing import Any


class Client:
    """Casts and other requests to one base URL (https://127.0.0.1:8443), one connection per thread."""

    def __init__(self, base_url: str, *, ca_file: Path | None = None, timeout: float = 30.0) -> None:
        parsed = urllib.parse.urlsplit(base_url)
        self.https = parsed.scheme == "https"
        self.host = parsed.hostname or "127.0.0.1"
        self.port = parsed.port or (443 if self.https else 80)
        self.timeout = timeout
        self.context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else None
        self.local = threading.local()
        # Straight to a node (no proxy): say what the proxy would, or production settings redirect.
        self.headers = {} if self.https else {"X-Forwarded-Proto": "https"}

    def connection(self) -> http.client.HTTPConnection:
        """This thread's connection (opened, with its TLS handshake, on first use)."""
        existing: http.client.HTTPConnection | None = getattr(self.local, "connection", None)
        if existing is None:
            if self.https:
                existing = http.client.HTTPSConnection(
                    self.host, self.port, timeout=self.timeout, context=self.context
                )
            else:
                existing = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            existing.connect()
            self.local.connection = existing
        return existing

    def close(self) -> None:
        """Close this thread's connection (the next request opens a new one)."""
        existing = getattr(self.local, "connection", None)
        if existing is not None:
            existing.close()
            self.local.connection = None

    def request(
        self,
        method: str,
        path: str,
        *,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        """One request: (status, headers, body); status 0 when no answer came (connection refused,
        reset or timed out), after which this thread's connection is re-opened on the next request."""
        data = json.dumps(body).encode() if body is not None else None
        sent = {**self.headers, **(headers or {})}
        if data is not None:
            sent["Content-Type"] = "application/json"
        try:
            connection = self.connection()
            connection.request(method, path, body=data, headers=sent)
            answer = connection.getresponse()
            content = answer.read()
            if answer.will_close:
                self.close()
            return answer.status, {k.lower(): v for k, v in answer.getheaders()}, content
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, {}, b""

    def cast(
        self, path: str, code: str, ballot: dict[str, list[int]], *, key: str | None = None
    ) -> tuple[int, str | None]:
        """POST a ballot to the API, with ``key`` as its Idempotency-Key if given; (status, the
        receipt of a 2xx answer)."""
        headers = {"Idempotency-Key": key} if key else None
        status, _headers, content = self.request(
            "POST", path, body={"code": code, "ballot": ballot}, headers=headers
        )
        return status, receipt_of(status, content)


def receipt_of(status: int, content: bytes) -> str | None:
    """The receipt of a 2xx cast's answer (None for any other answer, or one without a receipt)."""
    if not 200 <= status < 300:
        return None
    try:
        return str(json.loads(content)["receipt"])
    except (ValueError, KeyError, TypeError):
        return None
