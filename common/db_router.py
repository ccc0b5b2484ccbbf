"""A read replica for the public pages: their reads go to the ``replica`` alias, all else to the primary.

During a city-wide vote most requests are residents reading (home, an edition, the plans, a result),
and their queries compete on the primary with the casts, which must not wait. With
``DATABASE_REPLICA_URL`` set (config/settings/base.py; off by default), ``ReplicaReadsMiddleware``
marks a GET or HEAD of a view named in ``DATABASE_REPLICA_VIEWS`` and ``ReplicaRouter`` sends that
request's reads to the replica. The primary (``default``) keeps:

- every write (``db_for_write`` never answers the replica: a standby refuses writes anyway);
- every read after a write in the same request (read your own writes), and every read inside a
  transaction (a ``select_for_update``, a service's checks before it writes);
- the sessions, so a visitor who just logged in is never logged out by the replica's lag;
- every request of a browser that wrote in the last ``DATABASE_REPLICA_PIN_SECONDS`` (a cookie): the
  resident who just posted a comment sees it on the plan page, though the replica may lag a moment;
- raw SQL (``django.db.connection`` is the primary) and everything outside the listed views: voting,
  the API, staff pages, the admin.

Migrations run on the primary only: a streaming replica copies the schema with the data.
docs/scaling.md says how a replica is set up and what its lag means for residents.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase

REPLICA = "replica"
# What is never read from the replica, whatever the page: a session must be there the moment it is made.
PRIMARY_ONLY_APPS = frozenset({"sessions"})
PIN_COOKIE = "bb_primary"
READING_METHODS = frozenset({"GET", "HEAD"})


@dataclass
class _Request:
    """What the router knows of the request being served (one per request, per thread)."""

    replica_allowed: bool = False
    wrote: bool = False


_current: ContextVar[_Request | None] = ContextVar("buurtbudget_db_request", default=None)


def has_replica() -> bool:
    """Whether a replica is configured (``DATABASE_REPLICA_URL``: the settings then define its alias)."""
    return bool(settings.DATABASE_REPLICA_URL)


@contextmanager
def replica_reads(*, allowed: bool = True) -> Any:
    """Serve the block as one request whose reads may go to the replica (the middleware's scope;
    also for a management command or a test that reads what the public pages read)."""
    token = _current.set(_Request(replica_allowed=allowed))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


class ReplicaRouter:
    """Reads of a marked request to the replica unless it wrote or is in a transaction; all else default."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        state = _current.get()
        if state is None or not state.replica_allowed or state.wrote or not has_replica():
            return DEFAULT_DB_ALIAS
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        state = _current.get()
        if state is not None:
            state.wrote = True  # from now on this request reads what it wrote: the primary
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # The replica holds the same rows: an object read there may point at one read on the primary.
        aliases = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db != REPLICA


class ReplicaReadsMiddleware:
    """Marks the requests whose reads may go to the replica, and pins a browser that wrote to the primary.

    Outside SessionMiddleware, so a session saved at the end of a request counts as a write.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _current.set(_Request())
        try:
            response = self.get_response(request)
            state = _current.get()
            if state is not None and state.wrote:
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        finally:
            _current.reset(token)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> None:
        state = _current.get()
        match = request.resolver_match
        if (
            state is not None
            and match is not None
            and request.method in READING_METHODS
            and PIN_COOKIE not in request.COOKIES
            and match.view_name in settings.DATABASE_REPLICA_VIEWS
        ):
            state.replica_allowed = True
