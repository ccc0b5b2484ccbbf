"""Services a test may stop, freeze and start again: a private redis-server (and its address when dead).

Resilience tests need a Redis they may SIGSTOP without hurting anyone else's, and an address where
nothing listens. Both are private to these tests (issue 19's brief: redis on port 6392, our TCP
ports 8610–8629).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PRIVATE_REDIS_PORT = 6392
# A port of ours that nothing listens on: connecting to it is refused at once.
DEAD_PORT = 8629
DEAD_REDIS_URL = f"redis://127.0.0.1:{DEAD_PORT}/5"


def resilient_caches(url: str, **options: float) -> dict[str, dict[str, object]]:
    """CACHES with the production backend at ``url`` (OPTIONS may shorten the breaker for a test)."""
    return {"default": {"BACKEND": "common.cache.ResilientRedisCache", "LOCATION": url, "OPTIONS": options}}


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as connection:
            connection.settimeout(0.2)
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class PrivateRedis:
    """A redis-server of our own on ``port``: freeze (SIGSTOP), thaw (SIGCONT), stop and start."""

    def __init__(self, *, port: int, directory: Path) -> None:
        self.port = port
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 5) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not _answers(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server on port {self.port} did not start")
            time.sleep(0.05)

    def freeze(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None:
            return
        self.thaw()
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None


@contextmanager
def private_redis(directory: Path, port: int = PRIVATE_REDIS_PORT) -> Iterator[PrivateRedis]:
    """A running private redis-server, stopped (and thawed first) whatever the test did to it."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    server = PrivateRedis(port=port, directory=directory)
    server.start()
    try:
        yield server
    finally:
        server.stop()
