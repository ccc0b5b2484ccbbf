"""The panel's ballot round: opening with one card per active member, casting once per card, closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone, translation

from audit.models import AuditEntry
from ballots.errors import BallotError
from common.code_guard import CodeEntryError
from deliberation.models import (
    BallotCard,
    DecisionMethod,
    Draw,
    MemberStatus,
    PanelBallot,
    PanelDecision,
    PanelVote,
    WorkSession,
)
from deliberation.rounds.errors import RoundError
from deliberation.rounds.services import (
    card_code_hash,
    card_for_code,
    cast_panel_ballot,
    close_round,
    normalise_card_code,
    open_round,
    reissue_card,
)
from editions.models import BallotFormat
from tests import factories
from tests.concurrency import run_at_once
from tests.deliberation.factories import make_deciding_panel, make_facilitator, make_published_panel
from tests.refusals import refused

# --- Opening -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_opening_gives_one_card_per_active_member_and_returns_the_codes_once() -> None:
    edition, _, facilitator, members = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    active = sorted(m.pool_id for m in members if m.status == MemberStatus.ACTIVE)
    assert sorted(opened.codes) == active
    cards = BallotCard.objects.filter(vote=opened.vote).select_related("member")
    assert sorted(c.member.pool_id for c in cards) == active
    for card in cards:
        code = opened.codes[card.member.pool_id]
        assert len(code) == 11 and code[5] == "-"
        assert card.code_hash == card_code_hash(normalise_card_code(code) or "")
        assert code.replace("-", "") not in card.code_hash
    entry = AuditEntry.objects.get(action="panel.round.open")
    assert entry.after["cards"] == active


@pytest.mark.django_db
def test_a_dropped_out_member_gets_no_card() -> None:
    edition, _, facilitator, members = make_deciding_panel()
    dropped = next(m for m in members if m.status == MemberStatus.DROPPED_OUT)
    opened = open_round(edition=edition, by=facilitator)
    assert dropped.pool_id not in opened.codes
    assert not BallotCard.objects.filter(member=dropped).exists()


@pytest.mark.django_db
def test_opening_is_refused_before_the_decision_phase() -> None:
    edition, _, facilitator, _ = make_deciding_panel(phase="shortlist")
    refused(lambda: open_round(edition=edition, by=facilitator), "not_deciding")
    assert not PanelVote.objects.exists()


@pytest.mark.django_db
def test_opening_is_refused_without_a_published_panel() -> None:
    edition, _ = factories.make_vote(decision_model="panel")
    facilitator = make_facilitator(edition)
    refused(lambda: open_round(edition=edition, by=facilitator), "no_panel")
    make_published_panel(edition, size=4, dropped=1, by=facilitator)
    Draw.objects.filter(edition=edition).update(published_at=None)
    refused(lambda: open_round(edition=edition, by=facilitator), "no_panel")
    assert not PanelVote.objects.exists()


@pytest.mark.django_db
def test_a_second_open_round_is_refused() -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    open_round(edition=edition, by=facilitator)
    refused(lambda: open_round(edition=edition, by=facilitator), "round_open")
    assert PanelVote.objects.count() == 1


@pytest.mark.django_db
def test_opening_is_refused_once_the_decision_is_recorded() -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    PanelDecision.objects.create(edition=edition, method=DecisionMethod.CONSENSUS, recorded_by=facilitator)
    refused(lambda: open_round(edition=edition, by=facilitator), "decision_recorded")


@pytest.mark.django_db
def test_opening_is_refused_to_someone_who_is_not_the_facilitator() -> None:
    edition, _, _, _ = make_deciding_panel()
    refused(lambda: open_round(edition=edition, by=factories.make_user()), "not_allowed")


@pytest.mark.django_db
def test_a_round_can_belong_to_a_session_of_its_own_edition_only() -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    other, _, other_facilitator, _ = make_deciding_panel()
    now = timezone.now()
    foreign = WorkSession.objects.create(
        edition=other,
        number=1,
        title="Elders",
        starts_at=now,
        ends_at=now + timedelta(hours=2),
        place="Buurthuis",
        agenda="Stemmen",
        created_by=other_facilitator,
    )
    refused(lambda: open_round(edition=edition, by=facilitator, session=foreign), "wrong_session")
    own = WorkSession.objects.create(
        edition=edition,
        number=1,
        title="Besluit",
        starts_at=now,
        ends_at=now + timedelta(hours=2),
        place="Buurthuis",
        agenda="Stemmen",
        created_by=facilitator,
    )
    assert open_round(edition=edition, by=facilitator, session=own).vote.session == own


# --- Casting -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_member_casts_a_ballot_that_names_no_member_card_or_time() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = card_for_code(vote=opened.vote, code=opened.codes["P0001"].lower().replace("-", " "))
    ballot = cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk, plans[2].pk]})
    assert ballot.content == {"main": sorted([plans[0].pk, plans[2].pk])}
    assert {f.name for f in PanelBallot._meta.concrete_fields} == {"id", "vote", "content"}
    card.refresh_from_db()
    assert card.used_at is not None
    assert not AuditEntry.objects.filter(action="panel.round.cast_on_tablet").exists()


@pytest.mark.django_db
def test_a_knapsack_ballot_over_the_budget_is_refused_with_the_voting_message() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = card_for_code(vote=opened.vote, code=opened.codes["P0001"])
    caught = refused(
        lambda: cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk, plans[1].pk]}),
        "over_budget",
        error=BallotError,
    )
    with translation.override("en"):
        assert "more than the budget of" in caught.message
    card.refresh_from_db()
    assert card.used_at is None and not PanelBallot.objects.exists()


@pytest.mark.django_db
def test_the_ballot_format_is_the_editions() -> None:
    edition, plans, facilitator, _ = make_deciding_panel(BallotFormat.CUMULATIVE, ballot_points=10)
    opened = open_round(edition=edition, by=facilitator)
    card = card_for_code(vote=opened.vote, code=opened.codes["P0002"])
    refused(
        lambda: cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk]}),
        "wrong_format",
        error=BallotError,
    )
    refused(
        lambda: cast_panel_ballot(
            vote=opened.vote, card=card, raw={"main": {plans[0].pk: 8, plans[1].pk: 3}}
        ),
        "too_many_points",
        error=BallotError,
    )
    ballot = cast_panel_ballot(vote=opened.vote, card=card, raw={"main": {plans[0].pk: 7, plans[1].pk: 3}})
    assert ballot.content == {"main": [[plans[0].pk, 7], [plans[1].pk, 3]]}


@pytest.mark.django_db
def test_voting_twice_with_the_same_card_is_refused_and_changes_nothing() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = card_for_code(vote=opened.vote, code=opened.codes["P0001"])
    first = cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk]})
    card.refresh_from_db()
    used_at = card.used_at
    refused(
        lambda: cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[3].pk]}), "already_voted"
    )
    refused(lambda: card_for_code(vote=opened.vote, code=opened.codes["P0001"]), "already_voted")
    with translation.override("en"):
        assert str(RoundError("already_voted")) == "You have already voted in this round."
    assert list(PanelBallot.objects.values_list("pk", "content")) == [(first.pk, first.content)]
    card.refresh_from_db()
    assert card.used_at == used_at


@pytest.mark.django_db
def test_an_unknown_or_malformed_code_is_refused() -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    refused(lambda: card_for_code(vote=opened.vote, code="AAAAA-AAAAA"), "unknown_code")
    refused(lambda: card_for_code(vote=opened.vote, code="too short"), "unknown_code")


@pytest.mark.django_db
def test_guessing_codes_is_limited(settings: Any) -> None:
    settings.VOTING_FAILURES_PER_CLIENT = (3, 600)
    edition, _, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    for _ in range(3):
        refused(lambda: card_for_code(vote=opened.vote, code="AAAAA-AAAAA", client_ip="192.0.2.9"))
    refused(
        lambda: card_for_code(vote=opened.vote, code="AAAAA-AAAAA", client_ip="192.0.2.9"),
        "too_many_attempts",
        error=CodeEntryError,
    )
    # The right code is never refused for the wrong ones before it.
    assert card_for_code(vote=opened.vote, code=opened.codes["P0001"], client_ip="192.0.2.9")


@pytest.mark.django_db
def test_a_closed_round_takes_no_ballot() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = card_for_code(vote=opened.vote, code=opened.codes["P0001"])
    close_round(vote=opened.vote, by=facilitator)
    refused(
        lambda: cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk]}), "round_closed"
    )
    refused(lambda: card_for_code(vote=opened.vote, code=opened.codes["P0002"]), "round_closed")
    assert not PanelBallot.objects.exists()
    card.refresh_from_db()
    assert card.used_at is None


@pytest.mark.django_db
def test_the_facilitator_casts_on_the_tablet_and_the_audit_has_no_content() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0003")
    cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[2].pk]}, by=facilitator)
    entry = AuditEntry.objects.get(action="panel.round.cast_on_tablet")
    assert entry.after == {"member": "P0003"}
    assert entry.before == {}
    stranger = factories.make_user()
    other = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0004")
    refused(
        lambda: cast_panel_ballot(vote=opened.vote, card=other, raw={"main": [plans[2].pk]}, by=stranger),
        "not_allowed",
    )


# --- Reissuing and closing -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_lost_card_is_reissued_and_the_old_code_stops_working() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0001")
    new_code = reissue_card(card=card, by=facilitator)
    refused(lambda: card_for_code(vote=opened.vote, code=opened.codes["P0001"]), "unknown_code")
    assert card_for_code(vote=opened.vote, code=new_code).pk == card.pk
    assert AuditEntry.objects.get(action="panel.round.reissue").after == {"member": "P0001"}
    cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[0].pk]})
    refused(lambda: reissue_card(card=card, by=facilitator), "card_used")


@pytest.mark.django_db
def test_closing_records_who_and_when_and_a_closed_round_cannot_close_again() -> None:
    edition, _, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    close_round(vote=opened.vote, by=facilitator)
    vote = PanelVote.objects.get()
    assert vote.closed_at is not None and vote.closed_by == facilitator
    assert AuditEntry.objects.get(action="panel.round.close").after["used"] == 0
    refused(lambda: close_round(vote=vote, by=facilitator), "round_closed")
    assert open_round(edition=edition, by=facilitator).vote.pk != vote.pk  # a new round after closing


# --- Concurrency (real threads on the test database: SQLite and PostgreSQL) -----------------------


@pytest.mark.django_db(transaction=True)
def test_concurrent_casts_with_the_same_card_leave_exactly_one_ballot() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    card = BallotCard.objects.get(vote=opened.vote, member__pool_id="P0001")

    def cast(i: int) -> Callable[[], Any]:
        def call() -> None:
            cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[i % len(plans)].pk]})

        return call

    outcomes = run_at_once([cast(i) for i in range(16)])
    assert sorted(outcomes) == ["already_voted"] * 15 + ["ok"]
    assert PanelBallot.objects.filter(vote=opened.vote).count() == 1


@pytest.mark.django_db(transaction=True)
def test_casts_racing_the_close_are_either_counted_before_it_or_refused() -> None:
    edition, plans, facilitator, _ = make_deciding_panel()
    opened = open_round(edition=edition, by=facilitator)
    cards = list(BallotCard.objects.filter(vote=opened.vote).order_by("member__pool_id"))

    def cast(card: BallotCard) -> Callable[[], Any]:
        return lambda: cast_panel_ballot(vote=opened.vote, card=card, raw={"main": [plans[3].pk]})

    outcomes = run_at_once([*(cast(c) for c in cards), lambda: close_round(vote=opened.vote, by=facilitator)])
    assert not [o for o in outcomes if o.startswith("crash")], outcomes
    assert set(outcomes) <= {"ok", "round_closed"}
    used = BallotCard.objects.filter(vote=opened.vote, used_at__isnull=False).count()
    assert PanelBallot.objects.filter(vote=opened.vote).count() == used == outcomes.count("ok") - 1
    vote = PanelVote.objects.get()
    assert vote.closed_at is not None
    assert all(c.used_at is None or c.used_at <= vote.closed_at for c in BallotCard.objects.filter(vote=vote))
