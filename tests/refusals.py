"""The one test helper for a refused service call: ``refused(lambda: service(...), "code")``.

A refusal must name its reason and change nothing: pass ``unchanged=`` a function that reads the
state the call must leave alone (row counts, a row's fields), and the helper compares it before and
after. The error comes back, so a test can check its parameters or its translated message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

from common.errors import ServiceError

E = TypeVar("E", bound=ServiceError)


def refused(
    call: Callable[[], object],
    code: str | None = None,
    *,
    error: type[E] = ServiceError,  # type: ignore[assignment]
    unchanged: Callable[[], object] | None = None,
) -> E:
    """Call ``call``: it must raise ``error`` (with ``code``) and change nothing ``unchanged`` reads."""
    before = unchanged() if unchanged is not None else None
    with pytest.raises(error) as caught:
        call()
    if code is not None:
        assert caught.value.code == code, f"refused with {caught.value.code!r}: {caught.value.message}"
    if unchanged is not None:
        assert unchanged() == before, "the refused call changed what it must leave alone"
    return caught.value
