"""Service errors carry a code and parameters; the translated message is built from them.

A service raises ``SomethingError("over_budget", cost=..., limit=...)``; the view shows
``error.message`` (translated in the active language) or maps ``error.code`` to a status
code. Each app's error class declares its messages in one table, so every refusal a
service can give is listed in one place and translated once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from django.utils.functional import Promise


class ServiceError(Exception):
    """A refused state change. Subclasses set ``messages``: code → translatable text with %(name)s."""

    messages: ClassVar[Mapping[str, Promise | str]] = {}

    def __init__(self, code: str, **params: Any) -> None:
        if code not in self.messages:
            raise KeyError(f"{type(self).__name__} has no message for code {code!r}")
        self.code = code
        self.params = params
        super().__init__(code, params)

    @property
    def message(self) -> str:
        text = self.messages[self.code]
        # ``text % params`` (not ``str(text) % params``): a message made with
        # ``ngettext_lazy(singular, plural, "name")`` picks its form from ``params["name"]``.
        return str(text % self.params) if self.params else str(text)

    def __str__(self) -> str:
        return self.message
