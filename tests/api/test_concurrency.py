"""Many casts with the same code at once (PostgreSQL): one ballot, one participation, no server error."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from tests import factories
from voting.models import Ballot, Channel, Voter

from .conftest import ballots_url

THREADS = 32


@pytest.mark.django_db(transaction=True)
def test_simultaneous_casts_with_one_code_leave_exactly_one_ballot() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (row locks and concurrent connections)")
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)
    start = threading.Barrier(THREADS)
    statuses: list[int] = []
    lock = threading.Lock()

    def cast(i: int) -> None:
        body = json.dumps({"code": code, "ballot": {"main": [plans[i % len(plans)].pk]}})
        try:
            start.wait()
            response = Client().post(ballots_url(edition), body, content_type="application/json")
            with lock:
                statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(statuses) == THREADS
    assert statuses.count(201) == 1
    assert statuses.count(200) == THREADS - 1
    assert Ballot.objects.filter(edition=edition).count() == 1
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, THREADS)
    assert Voter.objects.filter(edition=edition).count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_retries_with_one_idempotency_key_get_one_answer_and_leave_one_count() -> None:
    """Sixteen requests with one code and one Idempotency-Key at once, through the API: the same
    status and body for all, one ballot, the voter counted once."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (concurrent connections); tests/voting covers SQLite")
    edition, plans = factories.make_vote()
    voter, code = factories.make_voter(edition=edition)
    body = json.dumps({"code": code, "ballot": {"main": [plans[0].pk]}})
    start = threading.Barrier(16)
    answers: list[tuple[int, str, bool]] = []
    lock = threading.Lock()

    def cast() -> None:
        try:
            start.wait()
            response = Client().post(
                ballots_url(edition), body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="same-key"
            )
            with lock:
                answers.append(
                    (
                        response.status_code,
                        response.content.decode(),
                        response.has_header("Idempotent-Replayed"),
                    )
                )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(answers) == 16
    assert {(status, content) for status, content, _ in answers} == {(201, answers[0][1])}
    assert sum(not replayed for _, _, replayed in answers) == 1
    assert Ballot.objects.filter(edition=edition).count() == 1
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)
