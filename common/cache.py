"""The production cache: Redis, reusing its clients, and surviving a dead or frozen Redis.

Django's ``RedisCacheClient.get_client`` creates a new ``redis.Redis`` object for every cache
operation; with redis-py 8 that costs more CPU than the round trip on a busy vote (two cache calls
per ballot: the guessing guard and the ballot sections). A client is thread-safe and holds no
connection of its own, so one per pool is enough (``ReusingRedisCache``).

Voting must not need Redis (issue 19 §1: with Redis dead every cast answered 500; frozen, every
thread waited out redis-py's 5 s timeout). ``ResilientRedisCache`` therefore

- connects and reads with short timeouts (``CACHE_CONNECT_TIMEOUT_MS``, ``CACHE_READ_TIMEOUT_MS``)
  and never retries inside redis-py;
- after a failure, skips Redis for ``CACHE_BREAKER_SECONDS`` (a circuit breaker, ``common.breaker``),
  then lets one call probe it;
- meanwhile answers every operation from this process's memory (a local-memory cache of at most
  ``CACHE_FALLBACK_MAX_ENTRIES`` entries): the ballot definition is read from the database once per
  process and kept, rate-limit counters count per process (docs/security.md says how the limits
  degrade);
- when Redis is back, deletes from Redis every key this process wrote while it was away (so no node
  serves an entry a write replaced during the outage, e.g. a bumped version) and empties its memory.

Only unavailability falls back (connection refused or reset, timeouts, a read-only replica); any
other error of Redis (a wrong type, a bad command) is a bug and is raised.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import redis
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.retry import Retry

from .breaker import CircuitBreaker

logger = logging.getLogger(__name__)

T = TypeVar("T")

# What says "Redis is not there" (OSError covers a socket error redis-py did not wrap).
UNAVAILABLE: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.ReadOnlyError,
    OSError,
)
# Keys written during one outage that are remembered for deletion from Redis when it is back.
PENDING_KEYS_MAX = 10_000


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]  # Django's, untyped
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ReusingRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


class Outage:
    """One process's view of one Redis: its breaker, its stand-in memory, the keys written meanwhile.

    Shared by every thread's backend (Django builds a backend per thread), hence a registry.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.breaker = CircuitBreaker()
        # Keys arrive already made (prefix and version) from the Redis client, so they are kept as is.
        self.memory = LocMemCache(
            f"resilient-cache:{name}",
            {
                "OPTIONS": {"MAX_ENTRIES": settings.CACHE_FALLBACK_MAX_ENTRIES},
                "KEY_FUNCTION": lambda key, key_prefix, version: key,
            },
        )
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._overflowed = False

    def remember(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                if len(self._pending) >= PENDING_KEYS_MAX:
                    if not self._overflowed:
                        logger.warning(
                            "cache %s: over %d keys written while Redis was away", self.name, PENDING_KEYS_MAX
                        )
                    self._overflowed = True
                    return
                self._pending.add(key)

    def take_pending(self) -> list[str]:
        with self._lock:
            keys, self._pending, self._overflowed = sorted(self._pending), set(), False
            return keys


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage_for(name: str) -> Outage:
    """The process's one ``Outage`` for the Redis named ``name`` (its servers)."""
    with _outages_lock:
        outage = _outages.get(name)
        if outage is None:
            outage = _outages[name] = Outage(name)
        return outage


def forget_outages() -> None:
    """Close every breaker and forget what was held meanwhile (tests start from a healthy Redis)."""
    with _outages_lock:
        for outage in _outages.values():
            outage.memory.clear()
        _outages.clear()


class ResilientRedisCacheClient(ReusingRedisCacheClient):
    """Every operation of Django's Redis client, falling back to process memory while Redis is away."""

    def __init__(self, servers: list[str], *, breaker_seconds: float, **options: Any) -> None:
        super().__init__(servers, **options)
        self._breaker_seconds = breaker_seconds
        self._outage = outage_for(",".join(servers))

    @property
    def outage(self) -> Outage:
        return self._outage

    def _run(self, keys: Iterable[str], redis_call: Callable[[], T], fallback: Callable[[], T]) -> T:
        """Call Redis unless the breaker is open; on unavailability record it and use the fallback.

        ``keys`` are those the operation writes (none for reads): written to memory during an
        outage, they are deleted from Redis once it is back.
        """
        outage = self._outage
        if not outage.breaker.allows():
            return self._fall_back(keys, fallback)
        try:
            result = redis_call()
        except UNAVAILABLE as error:
            if outage.breaker.failed(open_seconds=self._breaker_seconds):
                logger.warning(
                    "cache %s unavailable (%s): this process uses its own memory for %.1f s at a time",
                    outage.name,
                    type(error).__name__,
                    self._breaker_seconds,
                )
            return self._fall_back(keys, fallback)
        except BaseException:
            self._back()  # Redis answered, if only with an error of ours
            raise
        self._back()
        return result

    def _fall_back(self, keys: Iterable[str], fallback: Callable[[], T]) -> T:
        self._outage.remember(keys)
        return fallback()

    def _back(self) -> None:
        """After a call Redis answered: if it had been away, drop what was written meanwhile."""
        outage = self._outage
        if not outage.breaker.succeeded():
            return
        stale = outage.take_pending()
        try:
            if stale:
                super().delete_many(stale)
        except UNAVAILABLE:
            outage.remember(stale)
            outage.breaker.failed(open_seconds=self._breaker_seconds)
            return
        outage.memory.clear()
        logger.warning(
            "cache %s is back: %d keys written meanwhile were dropped from it", outage.name, len(stale)
        )

    def ping(self) -> bool:
        """Whether Redis answers now (bypassing the breaker; a success closes it)."""
        try:
            self.get_client(write=True).ping()
        except UNAVAILABLE:
            self._outage.breaker.failed(open_seconds=self._breaker_seconds)
            return False
        self._back()
        return True

    # Django's client API, each with its stand-in: keys arrive made (prefix, version) and timeouts as
    # Django's backend computed them for Redis (None: forever, 0: delete), which the local-memory
    # cache reads the same way. Typed loosely, as Django's own client is.

    def add(self, key: Any, value: Any, timeout: Any) -> Any:
        redis_add = super().add
        return self._run(
            [key], lambda: redis_add(key, value, timeout), lambda: self._memory.add(key, value, timeout)
        )

    def get(self, key: Any, default: Any) -> Any:
        redis_get = super().get
        return self._run([], lambda: redis_get(key, default), lambda: self._memory.get(key, default))

    def set(self, key: Any, value: Any, timeout: Any) -> Any:
        redis_set = super().set
        return self._run(
            [key], lambda: redis_set(key, value, timeout), lambda: self._memory.set(key, value, timeout)
        )

    def touch(self, key: Any, timeout: Any) -> Any:
        redis_touch = super().touch
        return self._run([key], lambda: redis_touch(key, timeout), lambda: self._memory.touch(key, timeout))

    def delete(self, key: Any) -> Any:
        redis_delete = super().delete
        return self._run([key], lambda: redis_delete(key), lambda: self._memory.delete(key))

    def get_many(self, keys: Any) -> Any:
        keys, redis_get_many = list(keys), super().get_many
        return self._run([], lambda: redis_get_many(keys), lambda: self._memory.get_many(keys))

    def has_key(self, key: Any) -> Any:
        redis_has_key = super().has_key
        return self._run([], lambda: redis_has_key(key), lambda: self._memory.has_key(key))

    def incr(self, key: Any, delta: Any) -> Any:
        redis_incr = super().incr
        return self._run([key], lambda: redis_incr(key, delta), lambda: self._memory.incr(key, delta))

    def set_many(self, data: Any, timeout: Any) -> Any:
        redis_set_many = super().set_many
        return self._run(
            list(data), lambda: redis_set_many(data, timeout), lambda: self._memory.set_many(data, timeout)
        )

    def delete_many(self, keys: Any) -> Any:
        keys, redis_delete_many = list(keys), super().delete_many
        return self._run(keys, lambda: redis_delete_many(keys), lambda: self._memory.delete_many(keys))

    def clear(self) -> Any:
        def clear_memory() -> bool:
            self._memory.clear()
            return True

        return self._run([], super().clear, clear_memory)

    @property
    def _memory(self) -> LocMemCache:
        return self._outage.memory


class ResilientRedisCache(ReusingRedisCache):
    """The production cache backend (see the module's docstring); its OPTIONS may override the timeouts."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
        self._options: dict[str, Any] = {
            "socket_connect_timeout": settings.CACHE_CONNECT_TIMEOUT_MS / 1000,
            "socket_timeout": settings.CACHE_READ_TIMEOUT_MS / 1000,
            # No retries inside redis-py: a retry doubles the wait the timeouts bound.
            "retry": Retry(NoBackoff(), 0),
            "breaker_seconds": settings.CACHE_BREAKER_SECONDS,
            **self._options,
        }

    def ping(self) -> bool:
        """Whether Redis answers now (for readiness checks; every other call may be answered from memory)."""
        return bool(self._cache.ping())  # type: ignore[attr-defined]  # Django's cached_property

    @property
    def using_fallback(self) -> bool:
        """Whether this process is answering from its own memory because Redis was last seen away."""
        return bool(self._cache.outage.breaker.is_open)  # type: ignore[attr-defined]


def cache_state(alias: str = "default") -> str:
    """ "redis" when Redis answers, "fallback" while this process stands in for it, "local" without Redis.

    Meant for readiness and metrics: a node whose cache falls back still serves (votes included),
    so a load balancer should not take it out; an operator should be told.
    """
    backend = caches[alias]
    if isinstance(backend, ResilientRedisCache):
        return "redis" if backend.ping() else "fallback"
    if isinstance(backend, RedisCache):
        return "redis"
    return "local"
