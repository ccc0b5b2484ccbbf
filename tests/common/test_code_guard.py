"""The guessing guard: wrong codes are counted, and over a limit refused as too_many_attempts (HTTP 429)."""

from __future__ import annotations

import pytest
from pytest_django import Settings

from common.code_guard import CodeEntryError, refuse_wrong_code
from common.errors import ServiceError
from voting.errors import EligibilityError


class OtherError(ServiceError):
    messages = {"unknown_code": "Unknown code."}


def test_a_wrong_code_is_refused_with_the_callers_error_until_the_client_is_over_its_limit(
    settings: Settings,
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    for _ in range(2):
        with pytest.raises(OtherError):
            refuse_wrong_code("192.0.2.9", OtherError("unknown_code"))
    with pytest.raises(CodeEntryError) as refused:
        refuse_wrong_code("192.0.2.9", OtherError("unknown_code"))
    assert refused.value.code == "too_many_attempts"
    assert refused.value.message == EligibilityError("too_many_attempts").message


def test_an_error_class_that_extends_the_guards_gets_the_refusal_in_its_own_class(settings: Settings) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (1, 600)
    with pytest.raises(EligibilityError):
        refuse_wrong_code("192.0.2.10", EligibilityError("unknown_code"))
    with pytest.raises(EligibilityError) as refused:
        refuse_wrong_code("192.0.2.10", EligibilityError("unknown_code"))
    assert refused.value.code == "too_many_attempts"
