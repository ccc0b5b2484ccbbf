"""The page cache's store: its generation token, the moments pages change by time, the release.

The generation is a random token rather than a counter: changing it is one SET (no read, no race
between two writers), and a token lost to eviction or a restarted Redis only means a new one, which
retires every page — the safe direction.

A cache that fails (Redis down or frozen) must never fail a page: every call goes through
``_guarded``, which answers None after an error and then leaves the cache alone for
``PAGE_CACHE_RETRY_SECONDS`` (pages render fresh meanwhile). A change of the generation that could
not be stored is owed, and made before this process reads from the cache again.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.utils import timezone
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)
T = TypeVar("T")

GENERATION_KEY = "pagecache:generation"


class _State:
    """What this process remembers between requests (guarded by ``lock``)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.down_until = 0.0  # monotonic time before which the cache is left alone
        self.bump_owed = False
        self.moments: tuple[str, tuple[datetime, ...]] | None = None  # (generation, moments)
        self.release: str | None = None


_state = _State()


def page_cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


def _guarded(operation: Callable[[BaseCache], T]) -> T | None:
    """``operation`` on the page cache, or None when it fails or failed a moment ago."""
    if time.monotonic() < _state.down_until:
        return None
    try:
        if _state.bump_owed:
            page_cache().set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
            _state.bump_owed = False
        return operation(page_cache())
    except Exception:  # any failure of the cache: the page is rendered instead
        log.warning("page cache unavailable; pages render fresh for a while", exc_info=True)
        _state.down_until = time.monotonic() + settings.PAGE_CACHE_RETRY_SECONDS
        return None


def bump_generation() -> None:
    """Retire every cached page: the next request for each renders it again."""

    def bump(cache: BaseCache) -> bool:
        cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        return True

    if _guarded(bump) is None:
        _state.bump_owed = True


def current_generation() -> str | None:
    """The token every page key contains now (None: the cache is unavailable, render fresh)."""

    def read(cache: BaseCache) -> str:
        token = cache.get(GENERATION_KEY)
        if token is None:
            cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
            token = cache.get(GENERATION_KEY)
        return str(token)

    return _guarded(read)


def read_page(key: str) -> Any:
    return _guarded(lambda cache: cache.get(key))


def store_page(key: str, entry: dict[str, Any], seconds: int) -> None:
    _guarded(lambda cache: cache.set(key, entry, timeout=seconds))


def window(generation: str) -> str:
    """Which stretch of time between two moments pages change by time it is now, and the local date.

    The moments (phases starting and ending, results and verdicts published at a set time) come from
    ``PAGE_CACHE_MOMENTS``, read once per generation per process: any write that could move one
    changes the generation too.
    """
    memo = _state.moments
    if memo is None or memo[0] != generation:
        provider: Callable[[], Iterable[datetime]] = import_string(settings.PAGE_CACHE_MOMENTS)
        memo = (generation, tuple(sorted(provider())))
        _state.moments = memo
    now = timezone.now()
    return f"{_position(memo[1], now)}:{timezone.localdate(now).isoformat()}"


def _position(moments: Sequence[datetime], now: datetime) -> int:
    return bisect.bisect_right(moments, now)


def release() -> str:
    """A fingerprint of the release this process serves (once per process): the templates and the
    compiled translations, and ``BUURTBUDGET_RELEASE`` (the commit, set by the deployment: it
    covers the Python code, too many files to read at every start).

    Redis outlives a deployment: without this, a new release would serve pages its predecessor
    rendered.
    """
    if _state.release is None:
        digest = hashlib.sha256(settings.PAGE_CACHE_RELEASE.encode())
        for path in sorted(_release_files()):
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
        _state.release = digest.hexdigest()[:16]
    return _state.release


def _release_files() -> Iterable[Path]:
    base = Path(settings.BASE_DIR)
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    templates: list[dict[str, Any]] = settings.TEMPLATES
    roots += [Path(d) for t in templates for d in t.get("DIRS", [])]
    roots += [Path(c.path) for c in apps.get_app_configs() if Path(c.path).is_relative_to(base)]
    seen: set[Path] = set()
    for root in roots:
        for pattern in ("*.html", "*.mo"):
            for path in root.rglob(pattern):
                if path not in seen and "migrations" not in path.parts:
                    seen.add(path)
                    yield path
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        yield manifest
