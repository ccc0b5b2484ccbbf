"""Closing the vote early: once, with a reason, audited; the phase after the vote starts at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.utils import timezone

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from tests import factories
from tests.concurrency import run_at_once
from tests.refusals import refused
from voting.errors import VoteStateError
from voting.models import VoteClosure
from voting.services.closing import close_vote_early


def _official(edition: Edition) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=edition.district)


@pytest.mark.django_db
def test_closing_ends_the_vote_now_and_starts_the_result_phase() -> None:
    edition, _ = factories.make_vote()
    before = timezone.now()
    closure = close_vote_early(edition=edition, reason="Storing in de stembus", by=_official(edition))
    decision, result = factories.phase_of(edition, "decision"), factories.phase_of(edition, "result")
    assert before <= decision.ends_at == closure.closed_at == result.starts_at
    assert AuditEntry.objects.filter(action="voting.closed_early").count() == 1


@pytest.mark.django_db
def test_closing_a_vote_the_panel_follows_starts_the_panel_phase_not_the_result() -> None:
    edition, _ = factories.make_vote(decision_model="hybrid", hybrid_order="vote_then_panel")
    result_start = factories.phase_of(edition, "result").starts_at
    closure = close_vote_early(edition=edition, reason="Storing", by=_official(edition))
    assert factories.phase_of(edition, "panel").starts_at == closure.closed_at
    assert factories.phase_of(edition, "result").starts_at == result_start


@pytest.mark.django_db
@pytest.mark.parametrize("phase", ["review", "result"])
def test_a_vote_that_is_not_open_cannot_be_closed(phase: str) -> None:
    edition, _ = factories.make_vote(phase=phase)
    refused(
        lambda: close_vote_early(edition=edition, reason="Storing", by=_official(edition)),
        "vote_already_closed",
        error=VoteStateError,
    )
    assert not VoteClosure.objects.exists()


@pytest.mark.django_db
def test_a_panel_edition_has_no_vote_to_close() -> None:
    edition, _ = factories.make_vote(decision_model="panel")
    refused(
        lambda: close_vote_early(edition=edition, reason="Storing", by=_official(edition)),
        "vote_already_closed",
        error=VoteStateError,
    )
    assert factories.phase_of(edition, "decision").ends_at > timezone.now()


@pytest.mark.django_db
def test_a_vote_closed_and_then_reopened_by_hand_is_refused_not_crashed() -> None:
    edition, _ = factories.make_vote()
    close_vote_early(edition=edition, reason="Storing", by=_official(edition))
    decision = factories.phase_of(edition, "decision")
    decision.ends_at = timezone.now() + factories.PHASE_LENGTH
    decision.save()
    factories.phase_of(edition, "result").delete()
    refused(
        lambda: close_vote_early(edition=edition, reason="Nog eens", by=_official(edition)),
        "vote_already_closed",
        error=VoteStateError,
    )


@pytest.mark.django_db
def test_a_closing_without_a_reason_is_refused_and_changes_nothing() -> None:
    edition, _ = factories.make_vote()
    ends_at = factories.phase_of(edition, "decision").ends_at
    refused(
        lambda: close_vote_early(edition=edition, reason="  ", by=_official(edition)),
        "reason_required",
        error=VoteStateError,
    )
    assert factories.phase_of(edition, "decision").ends_at == ends_at


@pytest.mark.django_db(transaction=True)
def test_two_officials_closing_at_once_give_one_closure_and_one_refusal() -> None:
    for _round in range(3):
        edition, _ = factories.make_vote()
        officials = [_official(edition), _official(edition)]

        def closing(by: User, edition: Edition = edition) -> Callable[[], VoteClosure]:
            return lambda: close_vote_early(edition=edition, reason="Storing", by=by)

        outcomes = run_at_once([closing(by) for by in officials])

        assert sorted(outcomes) == ["ok", "vote_already_closed"], outcomes
        assert VoteClosure.objects.filter(edition=edition).count() == 1
        closure = VoteClosure.objects.get(edition=edition)
        assert factories.phase_of(edition, "decision").ends_at == closure.closed_at
        assert AuditEntry.objects.filter(action="voting.closed_early", edition=edition).count() == 1
