"""What a log line made now belongs to: the request's id and route, or the background task's id.

Context variables, so every thread of a gunicorn worker (and every task a worker runs) keeps its
own; a log call anywhere below a view needs no request object to carry the request id.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar, Token
from dataclasses import dataclass

request_id: ContextVar[str] = ContextVar("request_id", default="")
route: ContextVar[str] = ContextVar("route", default="")
task_id: ContextVar[str] = ContextVar("task_id", default="")

# What a proxy may hand us as X-Request-ID: nginx's $request_id is 32 hex digits; a UUID, a ULID or
# a load balancer's trace id also fit. Anything else (spaces, quotes, a line break, a novel) is
# replaced: the id is written into every log line and back into a response header.
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,127}")


def sane_request_id(value: str | None) -> str:
    """``value`` when it is a sane request id, else ""."""
    if value and _SANE_ID.fullmatch(value):
        return value
    return ""


def new_request_id() -> str:
    """A fresh id: 32 hex digits, the form nginx's ``$request_id`` has."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Bound:
    """The tokens that undo one ``bind``."""

    tokens: tuple[tuple[ContextVar[str], Token[str]], ...]

    def reset(self) -> None:
        for variable, token in reversed(self.tokens):
            variable.reset(token)


def bind(**values: str) -> Bound:
    """Set ``request_id``, ``route`` and/or ``task_id`` until the returned ``Bound`` is reset."""
    variables = {"request_id": request_id, "route": route, "task_id": task_id}
    return Bound(tuple((variables[name], variables[name].set(value)) for name, value in values.items()))
