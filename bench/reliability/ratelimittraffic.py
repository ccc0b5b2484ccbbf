"""The rate-limit run's traffic: one keep-alive connection per thread (``Sender``), and the polling
station's, the flood's and the bystanders' requests as tasks for a thread pool (``Traffic``)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from bench.reliability.client import Client
from bench.reliability.ratelimitreport import KIOSK_ADDRESS, Report, Shape

PER_CLIENT_LIMIT = 20  # VOTING_FAILURES_PER_CLIENT's default count


class Sender(Client):
    """The suite's client, whose requests say which client address they come from."""

    def post(self, path: str, body: dict[str, Any], *, address: str, key: str | None = None) -> int:
        """POST JSON as if from ``address``; the status (0: no answer at all)."""
        headers = {"X-Forwarded-For": address}
        if key is not None:
            headers["Idempotency-Key"] = key
        status, _headers, _content = self.request("POST", path, body=body, headers=headers)
        return status


def wrong_code() -> str:
    """A well-formed code (its check symbol right) that no voter has: the server must look it up."""
    from common import codes

    return codes.new_code()


class Traffic:
    """The run's three kinds of traffic (see ``ratelimits.run``), each a task for the thread pool,
    every answer recorded in ``report``."""

    def __init__(
        self,
        sender: Sender,
        *,
        slug: str,
        valid_codes: Sequence[str],
        ballot: dict[str, list[int]],
        shape: Shape,
        report: Report,
    ) -> None:
        self.sender, self.ballot, self.shape, self.report = sender, ballot, shape, report
        self.cast_path = f"/api/v1/editions/{slug}/ballots"
        self.check_path = f"/api/v1/editions/{slug}/voter"
        self.kiosk_codes = list(valid_codes[: shape.kiosks * shape.casts_per_kiosk])
        self.bystander_codes = list(valid_codes[len(self.kiosk_codes) : shape.valid_codes_needed])

    def cast(self, kind: str, code: str, address: str) -> None:
        started = time.perf_counter()
        status = self.sender.post(
            self.cast_path, {"code": code, "ballot": self.ballot}, address=address, key=str(uuid.uuid4())
        )
        self.report.record(kind, status, latency_ms=(time.perf_counter() - started) * 1000)

    def kiosk(self, number: int) -> None:
        for code in self.kiosk_codes[number :: self.shape.kiosks]:
            for _ in range(self.shape.wrong_between_kiosk_casts):
                self.report.record(
                    "kiosk wrong code",
                    self.sender.post(
                        self.cast_path, {"code": wrong_code(), "ballot": self.ballot}, address=KIOSK_ADDRESS
                    ),
                )
            self.report.record(
                "kiosk code check", self.sender.post(self.check_path, {"code": code}, address=KIOSK_ADDRESS)
            )
            self.cast("kiosk cast", code, KIOSK_ADDRESS)

    def flood(self, number: int) -> None:
        address = f"10.19.{number // 250}.{number % 250 + 1}"
        for nth in range(self.shape.wrong_per_flood_address):
            status = self.sender.post(
                self.cast_path, {"code": wrong_code(), "ballot": self.ballot}, address=address
            )
            # A 429 before this address sent 20 can only be the global limit's.
            self.report.record("flood wrong code", status, under_own_limit=nth < PER_CLIENT_LIMIT - 2)

    def bystander(self, number: int) -> None:
        self.cast(
            "bystander cast", self.bystander_codes[number], f"172.20.{number // 250}.{number % 250 + 1}"
        )

    def spread(self) -> list[tuple[Callable[[int], None], int]]:
        """The flood and the bystanders share the pool, a bystander between every two flooding
        addresses, so their casts are spread over the flood; the kiosks run beside it from the start."""
        work: list[tuple[Callable[[int], None], int]] = []
        bystanders = iter(range(self.shape.bystanders))
        for number in range(self.shape.flood_addresses):
            work.append((self.flood, number))
            if number % 2:
                following = next(bystanders, None)
                if following is not None:
                    work.append((self.bystander, following))
        work += [(self.bystander, n) for n in bystanders]
        return work
