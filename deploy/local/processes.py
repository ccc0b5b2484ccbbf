"""Child processes of the launcher: each in its own process group, so one signal reaches all of it."""

from __future__ import annotations

import contextlib
import os
import signal
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Child:
    """One long-running process (a gunicorn pool with its workers, a task worker, nginx, redis).

    Started in a new session, so it leads its own process group: ``kill`` reaches the master and
    every worker it forked in one ``killpg``, the way a crashed machine takes all of them at once.
    Output goes to ``log`` (appended, so a restart's lines follow the crash's).
    """

    def __init__(self, name: str, command: Sequence[str], *, env: Mapping[str, str], log: Path) -> None:
        self.name = name
        self.command = list(command)
        self.env = dict(env)
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        # Set once the whole group was killed or stopped: its id may then be reused by an unrelated
        # process group, which a later stop must never signal.
        self.finished = False

    def start(self) -> None:
        """Start it (again); a process still running is left alone."""
        if self.alive():
            return
        self.finished = False
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            out.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S')} start {self.name}\n".encode())
            out.flush()
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def alive(self) -> bool:
        """Whether the process we started is still running."""
        return self.process is not None and self.process.poll() is None

    def signal(self, number: int) -> None:
        """Send ``number`` to the process alone (SIGSTOP, SIGCONT, SIGHUP)."""
        if self.alive():
            assert self.process is not None
            os.kill(self.process.pid, number)

    def kill(self) -> None:
        """``kill -9`` of the whole process group, at once; no clean-up runs anywhere in it."""
        if self.process is None or self.finished:
            return
        _killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.finished = True

    def stop(self, *, timeout: float = 20.0) -> None:
        """SIGTERM to the group (gunicorn finishes the requests in hand), SIGKILL after ``timeout``."""
        if self.process is None or self.finished:
            return
        self.finished = True
        if self.process.poll() is None:
            _killpg(self.process.pid, signal.SIGCONT)  # a frozen process cannot act on SIGTERM
            _killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        # A leader that died on its own is not signalled: its id may already be someone else's.
        # (gunicorn's workers and the workers' threads end when their master is gone.)

    def pids(self) -> list[int]:
        """The process and every descendant (gunicorn's workers), for CPU accounting via /proc."""
        if not self.alive():
            return []
        assert self.process is not None
        return descendants(self.process.pid)


def _killpg(pgid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, number)


def descendants(pid: int) -> list[int]:
    """``pid`` and all processes below it, read from /proc (children of children included)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return sorted(found)


def run(command: Sequence[str], *, env: Mapping[str, str], log: Path, what: str) -> None:
    """Run a one-off command (migrate, collectstatic) to the end; its output goes to ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        out.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S')} {what}\n".encode())
        out.flush()
        done = subprocess.run(command, cwd=ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        raise RuntimeError(f"{what} failed (exit {done.returncode}); {log}:\n" + "\n".join(tail))


def wait_for_url(url: str, *, context: ssl.SSLContext | None, child: Child | None, seconds: float) -> bool:
    """Whether ``url`` answered 200 within ``seconds``; False at once if ``child`` exited meanwhile."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child is not None and child.process is not None and not child.alive():
            return False
        try:
            with urllib.request.urlopen(url, timeout=2, context=context) as answer:
                if answer.status == 200:
                    return True
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    return False
