"""A circuit breaker: after a failure, stop calling a service for a few seconds, then let one call probe it.

A dead or frozen service costs every caller its timeout; on a busy vote that is every thread of every
process, so a node serves almost nothing while Redis is away (issue 19 measured 16 s of nearly no
service for a 5 s freeze). The breaker turns that into one timeout per process per ``open_seconds``:

- *closed*: calls go through;
- *open* (after a failure): calls are refused at once until ``open_seconds`` have passed;
- *half-open*: the first caller after that is the probe and goes through while every other caller is
  still refused; its success closes the breaker, its failure opens it again.

One breaker is shared by every thread of a process (Django builds a cache backend per thread).
"""

from __future__ import annotations

import threading
import time


class CircuitBreaker:
    """Whether to call a service now, from what the last calls to it reported."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = False
        self._open_until = 0.0
        self._probing = False

    @property
    def is_open(self) -> bool:
        """Whether calls are being refused (open or half-open): the service was last seen failing."""
        return self._open

    def allows(self) -> bool:
        """Whether this caller may call the service now (a half-open breaker allows only its probe).

        The closed state is read without the lock: it is the hot path, and a caller that slips
        through just as another opens the breaker only pays one more timeout.
        """
        if not self._open:
            return True
        with self._lock:
            if not self._open:
                return True
            if self._probing or time.monotonic() < self._open_until:
                return False
            self._probing = True
            return True

    def failed(self, *, open_seconds: float) -> bool:
        """Record a failure: refuse calls for ``open_seconds``. True if this opened a closed breaker."""
        with self._lock:
            opened = not self._open
            self._open = True
            self._probing = False
            self._open_until = time.monotonic() + open_seconds
            return opened

    def succeeded(self) -> bool:
        """Record a success: close the breaker. True if it was open (the service just came back)."""
        if not self._open:
            return False
        with self._lock:
            was_open = self._open
            self._open = False
            self._probing = False
            return was_open
