"""``store_result`` finishes only a running count; a stale-count expiry never undoes a stored result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from editions.models import Edition
from outcomes.errors import OutcomeError
from outcomes.models import Count, CountSection, CountStatus
from outcomes.services import (
    STALE_AFTER,
    compute_outcome,
    count_sections_of,
    counting,
    start_count,
    store_result,
)
from tests.concurrency import run_at_once
from tests.factories import ballot_box_shares
from tests.outcomes.factories import make_closed_vote, make_official
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _running_since(edition: Edition, started_at: datetime) -> Count:
    """A count a worker claimed at ``started_at`` and is still counting (as ``compute_outcome`` does)."""
    count = start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )
    Count.objects.filter(pk=count.pk).update(status=CountStatus.RUNNING, started_at=started_at, progress=1)
    count.refresh_from_db()
    return count


def test_a_result_stored_after_the_count_was_expired_is_refused_and_stores_nothing() -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    stale = _running_since(edition, timezone.now() - STALE_AFTER - timedelta(minutes=1))
    results, durations = count_sections_of(stale)
    fresh = start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )  # expires ``stale``
    expired_error = Count.objects.get(pk=stale.pk).error

    refused(lambda: store_result(stale, results, durations), "no_longer_running", error=OutcomeError)
    stale.refresh_from_db()
    assert (stale.status, stale.is_current, stale.error) == (CountStatus.FAILED, False, expired_error)
    assert not CountSection.objects.filter(count=stale).exists()
    assert not AuditEntry.objects.filter(action="outcomes.count_finished", object_id=str(stale.pk)).exists()
    assert Count.objects.get(pk=fresh.pk).status == CountStatus.QUEUED


def test_a_worker_whose_count_expires_while_counting_leaves_the_expiry_and_the_current_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    earlier = compute_outcome(
        count=start_count(
            edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
        )
    )
    stale = start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )
    counted = counting.count_sections_of
    expiry_errors: list[str] = []

    def count_while_an_official_restarts(count: Count) -> object:
        result = counted(count)
        # The worker took too long: an official starts a new count, which expires this one.
        Count.objects.filter(pk=count.pk).update(
            started_at=timezone.now() - STALE_AFTER - timedelta(minutes=1)
        )
        start_count(
            edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
        )
        expiry_errors.append(Count.objects.get(pk=count.pk).error)
        return result

    monkeypatch.setattr(counting, "count_sections_of", count_while_an_official_restarts)
    expired = compute_outcome(count=stale)

    assert (expired.status, expired.error) == (CountStatus.FAILED, expiry_errors[0])
    assert not CountSection.objects.filter(count=expired).exists()
    assert not AuditEntry.objects.filter(action="outcomes.count_failed", object_id=str(expired.pk)).exists()
    assert Count.objects.get(pk=earlier.pk).is_current, "the earlier result stays the current one"


def test_an_expiry_after_the_result_was_stored_does_not_undo_it(
    freeze_time: Callable[[datetime], None],
) -> None:
    edition, _ = make_closed_vote(choices=[[0], [1]])
    count = _running_since(edition, timezone.now())
    results, durations = count_sections_of(count)
    store_result(count, results, durations)
    freeze_time(timezone.now() + STALE_AFTER + timedelta(hours=1))

    start_count(
        edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
    )  # expires stale counts

    count.refresh_from_db()
    assert (count.status, count.is_current, count.error) == (CountStatus.DONE, True, "")
    assert CountSection.objects.filter(count=count).count() == len(results)


@pytest.mark.django_db(transaction=True)
def test_a_result_racing_its_expiry_ends_either_done_with_its_sections_or_expired_without() -> None:
    edition, _ = make_closed_vote(choices=[[0], [1], [2]])
    official = make_official(edition)
    endings: set[str] = set()
    for _round in range(4):
        Count.objects.filter(edition=edition, status=CountStatus.QUEUED).delete()
        stale = _running_since(edition, timezone.now() - STALE_AFTER - timedelta(minutes=1))
        results, durations = count_sections_of(stale)

        def store(stale: Count = stale, results: Any = results, durations: Any = durations) -> None:
            store_result(stale, results, durations)

        def expire() -> Count:
            return start_count(
                edition=edition, by=official, shares=ballot_box_shares(edition), background=False
            )  # expires stale counts

        outcomes = run_at_once([store, expire])

        assert not [o for o in outcomes if o.startswith("crash")], outcomes
        stale.refresh_from_db()
        sections = CountSection.objects.filter(count=stale).count()
        if stale.status == CountStatus.DONE:
            assert stale.is_current and sections == len(results)
            assert sorted(outcomes) == ["ok", "ok"]
        else:
            assert stale.status == CountStatus.FAILED and not stale.is_current and sections == 0
            assert sorted(outcomes) == ["no_longer_running", "ok"]
        endings.add(stale.status)
        assert Count.objects.filter(edition=edition, is_current=True).count() <= 1
    assert endings <= {CountStatus.DONE, CountStatus.FAILED}
