"""What an attack is given (the target) and what it reports (findings)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """The running instance: its base URL and, for attacks as a database holder, its database."""

    base_url: str
    database_url: str | None = None
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One attempt: what was tried, whether the defence held, and what was seen."""

    attack: str
    held: bool
    detail: str = ""
    skipped: bool = False


Attack = Callable[[Target], list[Finding]]
