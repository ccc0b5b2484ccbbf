"""What a rate-limit run sends (``Shape``) and what it found (``Report``: every answer by group and
kind, the valid casts' latencies, the problems and the table); ``ratelimits.py`` runs it."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

KIOSK_ADDRESS = "198.51.100.10"  # TEST-NET-2: the polling station's one public address


@dataclass(frozen=True)
class Shape:
    """How much of each kind of traffic a run sends (the issue's figures by default)."""

    flood_addresses: int = 120
    wrong_per_flood_address: int = 22
    kiosks: int = 2
    casts_per_kiosk: int = 30
    wrong_between_kiosk_casts: int = 2
    bystanders: int = 60
    threads: int = 24

    @property
    def valid_codes_needed(self) -> int:
        return self.kiosks * self.casts_per_kiosk + self.bystanders


@dataclass
class Report:
    """Every answer of a run, by group and kind, with the valid casts' latencies."""

    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    cast_latencies_ms: list[float] = field(default_factory=list)
    kiosk_casts_after_its_first_429: int = 0
    bystander_casts_after_the_global_limit: int = 0
    counted_elsewhere: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _kiosk_over: bool = False
    _everyone_over: bool = False

    def record(
        self, kind: str, status: int, *, latency_ms: float | None = None, under_own_limit: bool = False
    ) -> None:
        """One answer. ``under_own_limit``: a wrong code its address had not yet sent 20 of, so a 429
        for it means everyone together is over the global limit."""
        with self._lock:
            self.statuses.setdefault(kind, Counter())[status] += 1
            if latency_ms is not None:
                self.cast_latencies_ms.append(latency_ms)
            if kind == "kiosk wrong code" and status == 429:
                self._kiosk_over = True
            if kind == "flood wrong code" and status == 429 and under_own_limit:
                self._everyone_over = True
            if kind == "kiosk cast" and status == 201 and self._kiosk_over:
                self.kiosk_casts_after_its_first_429 += 1
            if kind == "bystander cast" and status == 201 and self._everyone_over:
                self.bystander_casts_after_the_global_limit += 1

    def count(self, kind: str, status: int | None = None) -> int:
        counter = self.statuses.get(kind, Counter())
        return sum(counter.values()) if status is None else counter[status]

    def problems(self, shape: Shape) -> list[str]:
        """What failed; empty when every valid cast passed while the limits were tripped."""
        found = []
        for kind, expected, status in (
            ("kiosk cast", shape.kiosks * shape.casts_per_kiosk, 201),
            ("kiosk code check", shape.kiosks * shape.casts_per_kiosk, 200),
            ("bystander cast", shape.bystanders, 201),
        ):
            if self.count(kind, status) != expected:
                answers = dict(self.statuses.get(kind, Counter()))
                found.append(f"{kind}: {self.count(kind, status)} of {expected} answered {status} {answers}")
        for kind, counter in self.statuses.items():
            bad = {status: n for status, n in counter.items() if status >= 500 or status == 0}
            if bad:
                found.append(f"{kind}: server errors or lost connections {bad}")
            if "wrong" in kind and set(counter) - {403, 429}:
                found.append(f"{kind}: answers other than 403/429 {dict(counter)}")
        if not self.count("kiosk wrong code", 429):
            found.append("the polling station's address never went over its limit: the run proves nothing")
        if not self._everyone_over:
            found.append("the global limit never tripped: the run proves nothing for the bystanders")
        elif not self.bystander_casts_after_the_global_limit:
            found.append("no bystander cast came after the global limit tripped")
        if self.kiosk_casts_after_its_first_429 < shape.kiosks * shape.casts_per_kiosk // 2:
            after = self.kiosk_casts_after_its_first_429
            found.append(f"only {after} kiosk casts came after its address was over the limit")
        return found

    def table(self, shape: Shape) -> str:
        """The figures as a markdown table."""
        latencies = sorted(self.cast_latencies_ms)

        def pct(p: float) -> str:
            return (
                f"{latencies[min(len(latencies) - 1, int(p * len(latencies)))]:.0f} ms" if latencies else "–"
            )

        rows = [
            "| traffic | requests | answers |",
            "|---|---:|---|",
        ]
        for kind in (
            "kiosk code check",
            "kiosk cast",
            "kiosk wrong code",
            "bystander cast",
            "flood wrong code",
        ):
            counter = self.statuses.get(kind, Counter())
            answers = ", ".join(f"{n} × {status}" for status, n in sorted(counter.items()))
            rows.append(f"| {kind} | {sum(counter.values())} | {answers} |")
        rows.append("")
        after = self.kiosk_casts_after_its_first_429
        rows.append(
            f"{shape.kiosks} kiosks behind {KIOSK_ADDRESS}, {shape.flood_addresses} flooding addresses × "
            f"{shape.wrong_per_flood_address} wrong codes, {shape.bystanders} bystanders, "
            f"{self.counted_elsewhere} wrong codes counted by other nodes at the start; "
            f"{self.seconds:.1f} s. Valid casts p50 {pct(0.5)}, p99 {pct(0.99)}; {after} kiosk casts "
            f"answered 201 after the station's address was over its limit, "
            f"{self.bystander_casts_after_the_global_limit} bystander casts after everyone was over the "
            "global limit."
        )
        return "\n".join(rows)
