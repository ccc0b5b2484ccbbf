"""The load's figures: its samples read back, percentiles, one run's report and its table, the CPU
per request and issue 19 §4's targets (``bench/reliability/load.py`` measures, this adds up)."""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

# Issue 19 §4: what voting day needs of one node on this machine.
TARGET_VOTE_P95_MS = 300.0
TARGET_VOTE_P99_MS = 1000.0
TARGET_ERROR_RATE = 0.001
TARGET_RPS_PER_NODE = 200.0


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Percentiles:
        ordered = sorted(values)
        if not ordered:
            return cls(0, 0.0, 0.0, 0.0)

        def rank(q: float) -> float:
            return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]  # nearest rank

        return cls(len(ordered), rank(0.50), rank(0.95), rank(0.99))


@dataclass
class Report:
    """One run's figures (docs/reliability.md's tables are made from these)."""

    profile: str
    setup: str
    users: int
    seconds: float
    requests: int
    requests_per_second: float
    requests_per_second_per_node: float
    vote: Percentiles
    page: Percentiles
    by_name: dict[str, dict[str, float]]
    statuses: dict[str, int]
    errors: int
    error_rate: float
    server_errors: int
    ballots: dict[str, int]
    ballots_ok: bool
    cpu_seconds: dict[str, float]
    cpu_ms_per_request: dict[str, float]
    targets: dict[str, bool] = field(default_factory=dict)

    def table(self) -> str:
        """Markdown: what docs/reliability.md records for one run."""
        rows = [
            ("setup", self.setup),
            ("profile, users, seconds", f"{self.profile}, {self.users}, {self.seconds:.0f}"),
            (
                "requests (per second; per node)",
                f"{self.requests} ({self.requests_per_second:.1f}; {self.requests_per_second_per_node:.1f})",
            ),
            (
                "vote p50 / p95 / p99 (ms)",
                f"{self.vote.p50:.0f} / {self.vote.p95:.0f} / {self.vote.p99:.0f}"
                f" ({self.vote.count} requests)",
            ),
            (
                "page p50 / p95 / p99 (ms)",
                f"{self.page.p50:.0f} / {self.page.p95:.0f} / {self.page.p99:.0f}"
                f" ({self.page.count} requests)",
            ),
            (
                "errors (rate), of which 5xx",
                f"{self.errors} ({100 * self.error_rate:.2f} %), {self.server_errors}",
            ),
            ("answers by status", ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))),
            (
                "casts acknowledged / ballots / voters marked",
                f"{self.ballots['acknowledged']} / "
                f"{self.ballots['ballots']} / {self.ballots['voters_marked']}",
            ),
            (
                "duplicate ballots, acknowledged but missing",
                f"{self.ballots['duplicates']}, {self.ballots['acknowledged_missing']}",
            ),
        ]
        rows += [(f"CPU ms per request: {role}", f"{ms:.1f}") for role, ms in self.cpu_ms_per_request.items()]
        rows += [(f"target: {name}", "met" if met else "missed") for name, met in self.targets.items()]
        return "| figure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows) + "\n"


class Sample(NamedTuple):
    """One request as the locustfile wrote it: when, vote or page, its name, status (0: no answer),
    milliseconds, and whether the answer was wrong though its status looked right."""

    time: float
    group: str
    name: str
    status: int
    ms: float
    failed: bool

    @property
    def error(self) -> bool:
        return self.failed or self.status == 0 or self.status >= 400


def read_samples(path: Path) -> list[Sample]:
    with path.open(encoding="utf-8") as rows:
        return [
            Sample(
                float(r["time"]), r["group"], r["name"], int(r["status"]), float(r["ms"]), r["failed"] == "1"
            )
            for r in csv.DictReader(rows)
        ]


def summarise(
    *,
    samples: list[Sample],
    profile: str,
    setup: str,
    users: int,
    nodes: int,
    cpu: dict[str, float],
    ballots: Any,
) -> Report:
    """One run's figures: its samples' latencies and answers, the CPU per request, the targets."""
    seconds = (max(s.time for s in samples) - min(s.time for s in samples)) if samples else 0.0
    statuses = Counter(str(s.status) if s.status else "no answer" for s in samples)
    errors = sum(1 for s in samples if s.error)
    by_name: dict[str, dict[str, float]] = {}
    for name in sorted({s.name for s in samples}):
        p = Percentiles.of([s.ms for s in samples if s.name == name])
        by_name[name] = {"count": p.count, "p50": p.p50, "p95": p.p95, "p99": p.p99}
    # Votes: the requests that check a code or cast (web and API); the code page is a page like others.
    vote = Percentiles.of([s.ms for s in samples if s.group == "vote" and s.name != "vote: code page"])
    page = Percentiles.of([s.ms for s in samples if s.group == "page" or s.name == "vote: code page"])
    requests = len(samples)
    rps = requests / seconds if seconds else 0.0
    report = Report(
        profile=profile,
        setup=setup,
        users=users,
        seconds=seconds,
        requests=requests,
        requests_per_second=rps,
        requests_per_second_per_node=rps / nodes,
        vote=vote,
        page=page,
        by_name=by_name,
        statuses=dict(statuses),
        errors=errors,
        error_rate=errors / requests if requests else 1.0,
        server_errors=sum(1 for s in samples if s.status >= 500),
        ballots={**asdict(ballots), "duplicates": ballots.duplicates},
        ballots_ok=ballots.ok,
        cpu_seconds=cpu,
        cpu_ms_per_request=cpu_per_request(samples, cpu=cpu, nodes=nodes),
    )
    report.targets = targets_of(report)
    return report


def cpu_per_request(samples: list[Sample], *, cpu: dict[str, float], nodes: int) -> dict[str, float]:
    """The CPU milliseconds each role spent per request it served (``served``)."""
    requests = len(samples)
    page_requests = sum(1 for s in samples if s.group == "page")

    def served(role: str) -> float:
        """Requests a role served: a node's share of them (the proxy spreads evenly), a pool's of its
        kind; the workers, the database and the load generator per request of the whole run."""
        if not role.startswith("node"):
            return requests
        share = {"pages": page_requests, "votes": requests - page_requests}.get(
            role.partition("-")[2], requests
        )
        return share / nodes

    return {role: 1000 * spent / served(role) for role, spent in cpu.items() if served(role)}


def targets_of(report: Report) -> dict[str, bool]:
    """Issue 19 §4's targets, each met or missed by the run."""
    return {
        f"vote p95 < {TARGET_VOTE_P95_MS:.0f} ms": report.vote.p95 < TARGET_VOTE_P95_MS,
        f"vote p99 < {TARGET_VOTE_P99_MS:.0f} ms": report.vote.p99 < TARGET_VOTE_P99_MS,
        "errors < 0.1 %": report.error_rate < TARGET_ERROR_RATE,
        f"≥ {TARGET_RPS_PER_NODE:.0f} requests/s per node": report.requests_per_second_per_node
        >= TARGET_RPS_PER_NODE,
    }
