"""CPU seconds of processes from /proc: what a node spent serving a load, on a shared, noisy machine.

Rates (requests/s) on this 2-core machine depend on what the eight other people run at the same time;
CPU seconds per request do much less, so the suite reports both. A process's CPU is its own
``utime + stime`` plus ``cutime + cstime``, the time of the children it has reaped: gunicorn's master
reaps the workers that ``max_requests`` recycles, so a worker that ended during the run still counts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU seconds of ``pid`` and of its reaped children; 0 for a process that is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    # The command name (field 2) is in parentheses and may hold spaces: split after its ")".
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in (11, 12, 13, 14))
    return (utime + stime + cutime + cstime) / TICKS


def children(pid: int) -> list[int]:
    """The direct children of ``pid`` (gunicorn's workers of a master)."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError):
        return []
    return found


def with_children(pids: Iterable[int]) -> list[int]:
    """``pids`` and their direct children, each once."""
    seen: dict[int, None] = {}
    for pid in pids:
        seen[pid] = None
        for child in children(pid):
            seen[child] = None
    return list(seen)


class CpuMeter:
    """CPU seconds per role between ``start()`` and ``stop()``.

    ``pids`` is called at both ends (processes come and go: a recycled worker's successor is measured
    from its start); a process present at the start is measured from its value then, one born during
    the run from zero. Children that ended during the run are in their parent's reaped time: only the
    part they spent before the start is counted too much, and a worker recycled mid-run had little.
    """

    def __init__(self, pids: Mapping[str, Iterable[int]] | None = None) -> None:
        self._before: dict[int, float] = {}
        self._roles_before: dict[str, list[int]] = {}
        self.seconds: dict[str, float] = {}
        if pids is not None:
            self.start(pids)

    def start(self, pids: Mapping[str, Iterable[int]]) -> None:
        self._roles_before = {role: with_children(group) for role, group in pids.items()}
        self._before = {pid: cpu_seconds(pid) for group in self._roles_before.values() for pid in group}

    def stop(self, pids: Mapping[str, Iterable[int]]) -> dict[str, float]:
        for role, group in pids.items():
            members = set(with_children(group)) | set(self._roles_before.get(role, []))
            spent = 0.0
            for pid in members:
                now = cpu_seconds(pid)
                # A process gone by now (0.0) is counted in its parent's reaped time.
                if now:
                    spent += now - self._before.get(pid, 0.0)
            self.seconds[role] = spent
        return self.seconds
