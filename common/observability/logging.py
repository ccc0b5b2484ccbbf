"""JSON log lines: one object per line, with the request id and route, never the request's path.

``JsonFormatter`` writes ``time, level, logger, message, request_id, route, method, status,
duration_ms, node, pid`` (and ``task_id``, ``exception`` when there are any), scrubbed
(``scrub``). ``PathlessRequests`` rewrites Django's own request records: ``django.request`` and
``django.security`` log ``request.path`` on every 4xx and 5xx ("Not Found: /stemmen/K7QM-…/"), and a
path may hold a voting code or a login token; the path becomes the route, and 404s, which the
access line already counts, are dropped. Gunicorn's "Error handling request <path>" loses its
path. ``logging_config`` is the LOGGING of production; gunicorn's own lines go through the same
formatter (``common.observability.gunicorn``).

Nothing here imports Django: gunicorn's master loads this module before Django is set up.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from datetime import UTC, datetime
from typing import Any

from . import context
from .scrub import scrub

UNMATCHED = "<unmatched>"
# What an access line or a record from Django may carry beside the message (record attributes).
_FIELDS = ("route", "method", "status", "duration_ms")


def node_name() -> str:
    """This server's name in every line: BUURTBUDGET_NODE (set per node by the deployment), else the host."""
    return os.environ.get("BUURTBUDGET_NODE") or socket.gethostname()


class JsonFormatter(logging.Formatter):
    """One JSON object per line; message and exception scrubbed; fields absent from a record are null."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.node = node_name()

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or context.request_id.get() or None,
            "route": context.route.get() or None,
            "method": None,
            "status": getattr(record, "status_code", None),
            "duration_ms": None,
            "node": self.node,
            "pid": record.process,
        }
        for field in _FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        task = getattr(record, "task_id", None) or context.task_id.get()
        if task:
            entry["task_id"] = task
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = scrub(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class PathlessRequests(logging.Filter):
    """Django's request records without the path: it becomes the route; 404s are dropped.

    Django passes the path as an argument (``log_response("Not Found: %s", request.path)``, escaped
    with unicode_escape) and the request as ``record.request``; the formatter never writes the
    request object, and here each argument equal to the path is replaced before the message is made.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "gunicorn.error" and str(record.msg).startswith("Error handling request"):
            # gunicorn names the request line when an exception reaches it: the path is withheld.
            record.msg, record.args = "Error handling a request", ()
            return True
        request = getattr(record, "request", None)
        if request is None:
            return True
        if getattr(record, "status_code", None) == 404 and record.name == "django.request":
            return False
        # Django logs a 4xx or 5xx after the middleware returned: the ids come from the request.
        label = context.route.get() or route_of(request)
        record.route = label
        record.request_id = context.request_id.get() or getattr(request, "request_id", None)
        path = getattr(request, "path", None)
        if path and isinstance(record.args, tuple):
            escaped = path.encode("unicode_escape").decode("ascii")
            record.args = tuple(label if arg in (path, escaped) else arg for arg in record.args)
        return True


def route_of(request: Any) -> str:
    """The matched URL pattern's name (``voting:ballot``), or UNMATCHED before or without a match."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return UNMATCHED
    return str(match.view_name or match.route or UNMATCHED)


def logging_config(*, level: str = "INFO", request_lines: bool = True) -> dict[str, Any]:
    """LOGGING for production: JSON lines on stderr for every logger, Django's request records pathless.

    ``request_lines`` switches the access line (one per request, logger ``buurtbudget.request``).
    Django's default handlers (console while DEBUG, mail to ADMINS) are replaced: an e-mail with a
    traceback would carry what the log may not.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"pathless": {"()": "common.observability.logging.PathlessRequests"}},
        "formatters": {"json": {"()": "common.observability.logging.JsonFormatter"}},
        "handlers": {
            "json": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "json",
                "filters": ["pathless"],
            }
        },
        "root": {"handlers": ["json"], "level": level},
        "loggers": {
            "django": {"handlers": [], "level": level, "propagate": True},
            # Used by runserver alone (it logs the raw path); production runs gunicorn.
            "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "buurtbudget.request": {
                "handlers": [],
                "level": "INFO" if request_lines else "WARNING",
                "propagate": True,
            },
        },
    }
