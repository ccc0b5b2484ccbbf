"""Mapping service errors to HTTP statuses, and the Retry-After hint."""

from __future__ import annotations

from typing import Any

from api.errors import RequestError, codes_by_status, retry_after_seconds, status_of
from ballots.errors import BallotError
from voting.errors import EligibilityError, VoteStateError


def test_each_error_class_maps_to_its_status() -> None:
    assert status_of(EligibilityError("unknown_code")) == 403
    assert status_of(EligibilityError("too_many_attempts")) == 429
    assert status_of(VoteStateError("voted_on_paper")) == 409
    assert status_of(BallotError("over_budget", section="x", cost="1", budget="0")) == 422
    assert status_of(RequestError("not_json")) == 400
    assert status_of(RequestError("unknown_edition", edition="x")) == 404


def test_every_code_is_listed_under_exactly_one_status() -> None:
    listed = [code for codes in codes_by_status().values() for code in codes]
    assert len(listed) == len(set(listed))
    assert "too_many_attempts" in codes_by_status()[429]


def test_retry_after_is_within_the_longest_window(settings: Any) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (20, 600)
    settings.VOTING_FAILURES_GLOBAL = (2000, 60)
    assert 1 <= retry_after_seconds() <= 600
