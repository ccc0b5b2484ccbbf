"""Guessing protection for code entry: wrong codes are counted per client and globally; right ones pass.

A code is always checked first, and a code that verifies is never refused by a limit: only
failures count and only failures are refused. So neither one busy address (a polling station's
kiosks) nor a flood of wrong codes from many addresses (the global limit) can keep a voter with a
real code out. Once a client (or everyone together) is over a limit, its further wrong codes are
answered "too many attempts" (HTTP 429) instead of "unknown code"; they are still checked like any
other, which is what guarantees the right ones pass.

Guessing stays infeasible without relying on the refusal: a voting or panel code has 80 random
bits, so with a million valid codes one guess hits with probability 2^-60, and even a million
guesses a second for a year (2^45) stays below 2^-15. The limits keep floods cheap and visible;
the six-digit one-time codes (``register_login``) are bounded per code in the database.
"""

from __future__ import annotations

from typing import NoReturn

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .errors import ServiceError
from .ratelimit import Limit, client_bucket, count, seconds_left

GLOBAL_KEY = "everyone"


class CodeEntryError(ServiceError):
    """A code typed in was refused: ``too_many_attempts`` is the guard's own (HTTP 429).

    An app whose refusals of a typed code should carry the guard's one too (voting's
    ``EligibilityError``) subclasses this and adds its codes to ``messages``: over a limit the guard
    then raises the caller's own class, so whoever catches that class catches the refusal.
    """

    messages = {
        "too_many_attempts": _("Too many wrong codes were tried. Please wait a few minutes and try again."),
    }


def _limits() -> tuple[Limit, Limit]:
    return (
        Limit.of("code-failures-client", settings.VOTING_FAILURES_PER_CLIENT),
        Limit.of("code-failures-global", settings.VOTING_FAILURES_GLOBAL),
    )


def count_failure(client_ip: str) -> bool:
    """Count one wrong code for this client's bucket and for everyone; True once either is over its limit."""
    per_client, everyone = _limits()
    over_client = count(per_client, client_bucket(client_ip)) > per_client.count
    over_everyone = count(everyone, GLOBAL_KEY) > everyone.count
    return over_client or over_everyone


def refuse_wrong_code(client_ip: str, error: ServiceError) -> NoReturn:
    """Count the failure, then raise ``error``, or "too_many_attempts" over a limit.

    The refusal over a limit has ``error``'s class when that is a ``CodeEntryError``, else it is a
    ``CodeEntryError`` itself.
    """
    if count_failure(client_ip):
        refusal = type(error) if isinstance(error, CodeEntryError) else CodeEntryError
        raise refusal("too_many_attempts")
    raise error


def retry_after_seconds() -> int:
    """Seconds until the longer of the two windows ends (what a 429's Retry-After says)."""
    return max(seconds_left(limit) for limit in _limits())
