"""The services a topology may own: its PostgreSQL cluster and redis-server, and its TLS certificates.

A private cluster lives wholly in the run directory (initdb as the ``postgres`` user, pg_ctl on its own
port, nothing under /etc), so the suite may stop, crash and restart it without touching the
machine's PostgreSQL, and ``remove`` leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from .processes import Child, descendants


def _postgres_bin() -> Path:
    """The newest installed PostgreSQL's binaries (Debian: /usr/lib/postgresql/<version>/bin)."""
    versions = sorted(
        (p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not versions:
        raise RuntimeError("no PostgreSQL server binaries: apt-get install -y postgresql")
    return versions[-1]


def _as_postgres(command: Sequence[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run ``command`` as the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return list(command)


class PrivatePostgres:
    """A throw-away PostgreSQL cluster in ``directory`` on ``port`` (trust authentication, 127.0.0.1)."""

    def __init__(self, directory: Path, *, port: int) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgresql.log"
        self.port = port
        self.bin = _postgres_bin()

    def create(self) -> None:
        """initdb (once): the directory belongs to the postgres user, as the server insists."""
        if (self.data / "PG_VERSION").exists():
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "initdb"),
                    "-D",
                    str(self.data),
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--no-instructions",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        """Start and wait until it accepts connections."""
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.directory} "
            "-c max_connections=200 -c fsync=on"
        )
        subprocess.run(
            _as_postgres(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-w",
                    "-o",
                    options,
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, *, mode: str = "fast") -> None:
        """Stop: ``fast`` ends sessions and checkpoints; ``immediate`` is a crash (recovery at start)."""
        if not self.running():
            return
        subprocess.run(
            _as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=True,
            capture_output=True,
        )

    def running(self) -> bool:
        """Whether the postmaster runs (its pid file names a live process)."""
        return self.postmaster_pid() is not None

    def postmaster_pid(self) -> int | None:
        """The postmaster's pid, or None when it is not running."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, 0)
        except (OSError, ValueError, IndexError):
            return None
        return pid

    def pids(self) -> list[int]:
        """The postmaster and its backends (for CPU accounting)."""
        pid = self.postmaster_pid()
        return descendants(pid) if pid else []

    def remove(self) -> None:
        """Stop it and delete the cluster."""
        try:
            self.stop(mode="immediate")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


class PrivateRedis:
    """A redis-server on ``port`` that keeps nothing on disk; the suite stops and freezes it."""

    def __init__(self, directory: Path, *, port: int, log: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.port = port
        self.child = Child(
            "redis",
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(directory),
            ],
            env=dict(os.environ),
            log=log,
        )

    def start(self) -> None:
        """Start and wait until it answers PING."""
        self.child.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            done = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True, timeout=5
            )
            if done.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError(f"redis-server on port {self.port} did not answer; see {self.child.log}")

    def stop(self) -> None:
        self.child.stop(timeout=10)

    def freeze(self) -> None:
        """SIGSTOP: connections stay open and nothing answers (the worst kind of outage for a client)."""
        self.child.signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.child.signal(signal.SIGCONT)


def make_certificates(directory: Path) -> tuple[Path, Path, Path]:
    """A local CA and a server certificate for 127.0.0.1, ::1 and localhost, made once per run directory.

    Returns (CA certificate, server certificate, server key). Clients verify against the CA file, as
    they would against a real CA: nothing needs "ignore certificate errors".
    """
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = directory / "ca.key", directory / "ca.pem"
    key, cert = directory / "server.key", directory / "server.pem"
    if ca_cert.exists() and cert.exists() and key.exists():
        return ca_cert, cert, key
    _openssl(
        "req", "-x509", *_EC_KEY, "-keyout", ca_key, "-out", ca_cert, "-days", "825",
        "-subj", "/O=Buurtbudget local/CN=Buurtbudget local CA",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    request = directory / "server.csr"
    _openssl("req", "-new", *_EC_KEY, "-keyout", key, "-out", request, "-subj", "/CN=localhost")
    extensions = directory / "server.ext"
    extensions.write_text(
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n"
    )
    _openssl(
        "x509", "-req", "-in", request, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial",
        "-out", cert, "-days", "397", "-extfile", extensions,
    )  # fmt: skip
    for private in (ca_key, key):
        private.chmod(0o600)
    return ca_cert, cert, key


# A P-256 key, unencrypted (the proxy reads it at start without a passphrase).
_EC_KEY = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")


def _openssl(*arguments: str | Path) -> None:
    subprocess.run(["openssl", *map(str, arguments)], check=True, capture_output=True)
