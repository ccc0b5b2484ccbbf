"""The JSON ballot endpoints: every answer a kiosk or front end can get, and what each leaves stored."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import Role
from ballots.errors import BallotError
from ballots.sections import ballot_sections_cached
from common import codes
from editions.models import BallotFormat, Edition
from tests import factories
from voting.errors import malformed_code
from voting.models import Ballot, Channel, Voter
from voting.services.closing import close_vote_early

from .conftest import Post, ballot_url, ballots_url

Vote = tuple[Any, list[Any]]


def _refusal(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]


def test_first_ballot_answers_201_with_the_receipt(vote: Vote, post: Post) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    response = post(edition, code, {"main": [plans[1].pk, str(plans[0].pk)]})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"receipt", "replaced", "cast_at", "ballot"}
    assert body["replaced"] is False
    assert body["ballot"] == {"main": sorted([plans[0].pk, plans[1].pk])}
    assert datetime.fromisoformat(body["cast_at"]).tzinfo is not None
    assert Ballot.objects.get().receipt == body["receipt"]
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == (Channel.ONLINE, 1)


def test_the_api_sets_no_cookie_and_needs_no_csrf_token(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    response = post(edition, code, {"main": [plans[0].pk]})
    assert response.status_code == 201
    assert not response.cookies


def test_a_second_ballot_with_the_same_code_replaces_the_first_and_answers_200(
    vote: Vote, post: Post
) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    post(edition, code, {"main": [plans[0].pk]})
    response = post(edition, code.lower().replace("-", " "), {"main": [plans[3].pk]})
    assert response.status_code == 200
    assert response.json()["replaced"] is True
    assert factories.opened_contents(edition) == [{"main": [plans[3].pk]}]
    voter.refresh_from_db()
    assert voter.ballots_cast == 2


def test_an_unknown_code_is_refused_with_403(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=factories.make_vote()[0])  # a code of another vote
    assert _refusal(post(edition, code, {"main": [plans[0].pk]})) == (403, "unknown_code")
    assert not Ballot.objects.exists()


def test_an_unknown_code_with_an_invalid_ballot_is_refused_for_its_code(vote: Vote, post: Post) -> None:
    edition, _ = vote
    assert _refusal(post(edition, codes.new_code(), {"main": [999_999]})) == (403, "unknown_code")


def test_unknown_codes_count_towards_the_guessing_limit(vote: Vote, post: Post, settings: Any) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (2, 600)
    edition, plans = vote
    for _ in range(2):
        assert _refusal(post(edition, codes.new_code(), {"main": [plans[0].pk]})) == (403, "unknown_code")
    assert _refusal(post(edition, codes.new_code(), {"main": [plans[0].pk]})) == (429, "too_many_attempts")


def test_a_mistyped_code_is_refused_with_403(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    typo = ("1" if code[0] != "1" else "2") + code[1:]
    assert _refusal(post(edition, typo, {"main": [plans[0].pk]})) == (403, "malformed_code")


def test_a_revoked_code_is_refused_with_403(vote: Vote, post: Post) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    Voter.objects.filter(pk=voter.pk).update(revoked_at=datetime.now().astimezone())
    assert _refusal(post(edition, code, {"main": [plans[0].pk]})) == (403, "revoked_code")


def test_too_many_wrong_codes_answer_429_with_retry_after_yet_a_valid_code_still_casts(
    vote: Vote, post: Post, settings: Any
) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (3, 600)
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    for _ in range(3):
        assert post(edition, "ABCD", {"main": [plans[0].pk]}).status_code == 403
    response = post(edition, codes.new_code(), {"main": [plans[0].pk]})
    assert _refusal(response) == (429, "too_many_attempts")
    assert 1 <= int(response.headers["Retry-After"]) <= 600
    assert not Ballot.objects.exists()
    assert post(edition, code, {"main": [plans[0].pk]}).status_code == 201
    assert Ballot.objects.count() == 1


def test_the_global_limit_answers_429_to_wrong_codes_only(vote: Vote, post: Post, settings: Any) -> None:
    settings.VOTING_FAILURES_GLOBAL = (4, 60)
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    answers = [
        post(edition, codes.new_code(), {"main": [plans[0].pk]}, REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(6)
    ]
    assert answers == [403, 403, 403, 403, 429, 429]
    assert post(edition, code, {"main": [plans[0].pk]}, REMOTE_ADDR="198.51.100.1").status_code == 201


def test_an_unknown_or_unpublished_edition_answers_404(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    missing = type("Missing", (), {"slug": "no-such-edition"})()
    assert _refusal(post(missing, code, {"main": [plans[0].pk]})) == (404, "unknown_edition")
    hidden, hidden_plans = factories.make_vote(is_published=False)
    _, hidden_code = factories.make_voter(edition=hidden)
    assert _refusal(post(hidden, hidden_code, {"main": [hidden_plans[0].pk]})) == (404, "unknown_edition")


@pytest.mark.parametrize("phase", ["review", "result"])
def test_outside_the_decision_phase_a_ballot_answers_409(db: None, post: Post, phase: str) -> None:
    edition, plans = factories.make_vote(phase=phase)
    _, code = factories.make_voter(edition=edition)
    assert _refusal(post(edition, code, {"main": [plans[0].pk]})) == (409, "vote_not_open")
    assert not Ballot.objects.exists()


def test_a_voter_who_voted_on_paper_gets_409(vote: Vote, post: Post) -> None:
    edition, plans = vote
    voter, code = factories.make_voter(edition=edition)
    Voter.objects.filter(pk=voter.pk).update(channel=Channel.PAPER)
    assert _refusal(post(edition, code, {"main": [plans[0].pk]})) == (409, "voted_on_paper")
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("fields", "ballot_of", "error"),
    [
        ({"ballot_format": BallotFormat.KNAPSACK}, lambda p: {"main": [p[0].pk, p[1].pk]}, "over_budget"),
        ({"ballot_max_choices": 2}, lambda p: {"main": [p[0].pk, p[1].pk, p[2].pk]}, "too_many_plans"),
        ({}, lambda p: {"main": [p[0].pk, 999_999_999]}, "unknown_plan"),
        ({}, lambda p: {"main": [p[0].pk, str(p[0].pk)]}, "duplicate_plan"),
        ({}, lambda p: {"elsewhere": [p[0].pk]}, "unknown_section"),
        ({}, lambda p: {"main": []}, "empty_ballot"),
        ({}, lambda p: {"main": {str(p[0].pk): 1}}, "wrong_format"),
        ({}, lambda p: [p[0].pk], "wrong_format"),
        (
            {"ballot_format": BallotFormat.CUMULATIVE, "ballot_points": 5},
            lambda p: {"main": {str(p[0].pk): 3, str(p[1].pk): 3}},
            "too_many_points",
        ),
        (
            {"ballot_format": BallotFormat.CUMULATIVE},
            lambda p: {"main": {str(p[0].pk): 1.5}},
            "points_not_whole",
        ),
        (
            {"ballot_format": BallotFormat.CUMULATIVE},
            lambda p: {"main": {str(p[0].pk): -1}},
            "points_negative",
        ),
    ],
)
def test_an_invalid_ballot_answers_422_and_stores_nothing(
    db: None, post: Post, fields: dict[str, Any], ballot_of: Any, error: str
) -> None:
    edition, plans = factories.make_vote(**fields)
    voter, code = factories.make_voter(edition=edition)
    response = post(edition, code, ballot_of(plans))
    assert _refusal(response) == (422, error)
    assert response.json()["message"]
    assert not Ballot.objects.exists()
    voter.refresh_from_db()
    assert (voter.channel, voter.ballots_cast) == ("", 0)


def test_a_cumulative_ballot_within_the_points_is_stored_canonically(db: None, post: Post) -> None:
    edition, plans = factories.make_vote(ballot_format=BallotFormat.CUMULATIVE, ballot_points=5)
    _, code = factories.make_voter(edition=edition)
    response = post(edition, code, {"main": {str(plans[1].pk): 3, str(plans[0].pk): 2, str(plans[2].pk): 0}})
    assert response.status_code == 201
    assert response.json()["ballot"] == {"main": [[plans[0].pk, 2], [plans[1].pk, 3]]}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("{not json", "not_json"),
        ("[1, 2]", "not_json"),
        (b"\xff\xfe", "not_json"),
        ('{"ballot": {"main": [1]}}', "missing_field"),
        ('{"code": 12345, "ballot": {"main": [1]}}', "missing_field"),
        ('{"code": "ABCD-EFGH"}', "missing_field"),
    ],
)
def test_a_body_that_is_not_a_cast_request_answers_400(vote: Vote, body: Any, error: str) -> None:
    edition, _ = vote
    response: Any = Client().post(ballots_url(edition), body, content_type="application/json")
    assert _refusal(response) == (400, error)


def test_other_methods_answer_405_with_allow(vote: Vote) -> None:
    edition, _ = vote
    response: Any = Client().get(ballots_url(edition))
    assert _refusal(response) == (405, "method_not_allowed")
    assert response.headers["Allow"] == "POST"
    assert Client().put(ballot_url(edition)).headers["Allow"] == "GET"


def test_messages_follow_accept_language(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, code = factories.make_voter(edition=edition)
    ballot = {"main": [plans[0].pk, plans[0].pk]}
    english: Any = post(edition, code, ballot, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,nl;q=0.5")
    dutch: Any = post(edition, code, ballot)
    with translation.override("en"):
        assert english.json()["message"] == BallotError("duplicate_plan").message
    with translation.override("nl"):
        assert dutch.json()["message"] == BallotError("duplicate_plan").message
    assert (english.headers["Content-Language"], dutch.headers["Content-Language"]) == ("en", "nl")


def test_an_unsupported_language_falls_back_to_dutch(vote: Vote, post: Post) -> None:
    edition, _ = vote
    response = post(edition, "ABCD", {"main": [1]}, HTTP_ACCEPT_LANGUAGE="fr-FR, *;q=0.1")
    assert response.headers["Content-Language"] == "nl"
    with translation.override("nl"):
        assert (
            response.json()["message"]
            == malformed_code(codes.MalformedCode("ABCD", problem="length", typed=4)).message
        )


def test_the_ballot_definition_lists_sections_and_plans(db: None) -> None:
    edition, plans = factories.make_vote(ballot_format=BallotFormat.KNAPSACK, ballot_max_choices=3)
    response: Any = Client().get(ballot_url(edition))
    assert response.status_code == 200
    body = response.json()
    assert (body["edition"], body["format"], body["k"], body["points"]) == (edition.slug, "knapsack", 3, 10)
    [section] = body["sections"]
    assert (section["key"], section["budget_cents"]) == ("main", 6_000_000)
    assert {p["id"]: p["cost_cents"] for p in section["plans"]} == dict(
        zip([p.pk for p in plans], [4_000_000, 3_000_000, 2_000_000, 1_000_000], strict=True)
    )
    assert all(p["title"].startswith("Stemplan") for p in section["plans"])


def test_the_ballot_definition_is_refused_outside_the_vote_and_for_unknown_editions(db: None) -> None:
    edition, _ = factories.make_vote(phase="plans")
    assert _refusal(Client().get(ballot_url(edition))) == (409, "vote_not_open")
    missing: Any = Client().get("/api/v1/editions/nope/ballot")
    assert _refusal(missing) == (404, "unknown_edition")


def _statements(queries: CaptureQueriesContext) -> list[str]:
    """Each statement's first word, without the BEGIN and COMMIT that SQLite logs."""
    words = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    return [w for w in words if w not in {"BEGIN", "COMMIT"}]


@pytest.mark.django_db(transaction=True)
def test_a_cast_is_two_statements_in_two_transactions_first_or_again() -> None:
    """Edition, phases, sections and the public key come from the cache once warm: only the voter's
    row and the sealed ballot's, each its own statement and its own transaction (autocommit, no
    BEGIN/COMMIT), so the two rows never share a transaction id (docs/voting.md).
    """
    expected = ["UPDATE", "INSERT"]
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    client = Client()
    assert client.get(ballot_url(edition)).status_code == 200  # warms the edition and sections caches
    body = json.dumps({"code": code, "ballot": {"main": [plans[0].pk]}})
    with CaptureQueriesContext(connection) as first:
        assert client.post(ballots_url(edition), body, content_type="application/json").status_code == 201
    assert _statements(first) == expected
    with CaptureQueriesContext(connection) as again:
        assert client.post(ballots_url(edition), body, content_type="application/json").status_code == 200
    assert _statements(again) == expected


@pytest.mark.django_db(transaction=True)
def test_a_cold_cache_adds_only_the_edition_and_its_phases() -> None:
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    ballot_sections_cached(edition)
    body = json.dumps({"code": code, "ballot": {"main": [plans[0].pk]}})
    with CaptureQueriesContext(connection) as cold:
        assert Client().post(ballots_url(edition), body, content_type="application/json").status_code == 201
    assert _statements(cold) == ["SELECT", "SELECT", "SELECT", "UPDATE", "INSERT"]  # edition, phases, key


def test_an_early_closure_takes_effect_at_once_despite_the_edition_memo(vote: Vote, post: Post) -> None:
    edition, plans = vote
    _, first = factories.make_voter(edition=edition)
    _, second = factories.make_voter(edition=edition)
    assert post(edition, first, {"main": [plans[0].pk]}).status_code == 201  # the edition is now memoised
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    close_vote_early(
        edition=Edition.objects.get(pk=edition.pk), reason="Storing in de stemlokalen.", by=official
    )
    assert _refusal(post(edition, second, {"main": [plans[0].pk]})) == (409, "vote_not_open")
    assert Ballot.objects.count() == 1


def test_checking_a_code_first_tells_a_paper_voter_at_once_and_others_whether_they_voted(
    vote: Vote, post: Post
) -> None:
    from voting.services.paper import enter_paper_ballot, voter_for_code

    edition, plans = vote
    client = Client(enforce_csrf_checks=True)
    url = f"/api/v1/editions/{edition.slug}/voter"

    def check(code: str) -> Any:
        return client.post(url, json.dumps({"code": code}), content_type="application/json")

    _, fresh = factories.make_voter(edition=edition)
    assert (check(fresh).status_code, check(fresh).json()) == (200, {"has_voted": False})
    post(edition, fresh, {"main": [plans[0].pk]})
    assert check(fresh).json() == {"has_voted": True}

    _, on_paper = factories.make_voter(edition=edition)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    found, slot = voter_for_code(edition=edition, code=on_paper)
    enter_paper_ballot(edition=edition, voter=found, slot=slot, ballot={"main": [plans[1].pk]}, by=official)
    assert _refusal(check(on_paper)) == (409, "voted_on_paper")
    bare = on_paper.replace("-", "")
    other_last = "1" if bare[-1] == "0" else "0"  # a different last symbol, never the code itself
    assert _refusal(check(bare[:-1] + other_last)) in {
        (403, "malformed_code"),
        (403, "unknown_code"),
    }
    assert _refusal(client.post(url, "[]", content_type="application/json")) == (400, "not_json")
    assert _refusal(client.get(url)) == (405, "method_not_allowed")
