"""The demo votes: Zuidoost's open vote takes the printed codes; Nieuw-West 2026 is counted and published."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from django.db.models import Sum
from django.test import Client

from accounts.models import User
from ballots.rules import BallotRules, validate_ballot
from ballots.sections import ballot_sections
from common import codes
from demo.content.votes import VOTES
from demo.services import DemoSummary, load_demo
from demo.services.voting import demo_code, demo_key_shares
from editions.models import Edition
from outcomes.models import Count, CountSection, CountStatus
from outcomes.services import compute_outcome, start_count
from outreach.models import Address
from proposals.models import Plan, PlanStatus
from tests.factories import opened_ballots
from voting.models import (
    Ballot,
    BallotBox,
    Channel,
    LetterBatch,
    PaperEntry,
    PaperEntryStatus,
    Voter,
    VoterKind,
)
from voting.sealing import open_reading
from voting.services.casting import cast_ballot, credential_for_code, register_slot
from voting.services.paper import confirm_paper_ballot, resolve_paper_entry
from voting.services.register_login import offers_email_check

pytestmark = pytest.mark.django_db

ZUIDOOST = "buurtbudget-zuidoost-2026"
NIEUW_WEST = "buurtbudget-nieuw-west-2026"
OFFICIAL = "ambtenaar.zuidoost@demo.buurtbudget.nl"
POSTCODE = re.compile(r"^\d{4} [A-Z]{2}$")


def edition(slug: str) -> Edition:
    return Edition.objects.get(slug=slug)


def printed_codes(summary: DemoSummary) -> tuple[str, ...]:
    return next(vote.codes for vote in summary.votes if vote.edition.slug == ZUIDOOST)


def test_the_open_vote_accepts_a_printed_code(summary: DemoSummary) -> None:
    zuidoost = edition(ZUIDOOST)
    sections = ballot_sections(zuidoost)
    cheapest = min(sections[0].plans, key=lambda plan: plan.cost_cents)
    ballots = Ballot.objects.filter(edition=zuidoost).count()

    credential = credential_for_code(edition=zuidoost, code=printed_codes(summary)[0], client_ip="127.0.0.1")
    receipt = cast_ballot(edition=zuidoost, credential=credential, ballot={sections[0].key: [cheapest.pk]})

    assert not receipt.replaced
    assert Ballot.objects.filter(edition=zuidoost).count() == ballots + 1
    assert (
        Voter.objects.get(edition=zuidoost, credential_hash=credential.credential_hash).channel
        == Channel.ONLINE
    )


def test_five_different_unused_codes_are_printed_with_the_vote_address(summary: DemoSummary) -> None:
    (vote,) = [vote for vote in summary.votes if vote.codes]
    hashes = [codes.credential_hash(codes.normalise(code)) for code in vote.codes]

    assert vote.edition.slug == ZUIDOOST
    assert vote.url.endswith(f"/stemmen/{ZUIDOOST}/")
    assert len(set(vote.codes)) == 5
    assert all(re.fullmatch(r"([0-9A-Z]{4}-){4}[0-9A-Z]", code) for code in vote.codes)
    assert Voter.objects.filter(edition__slug=ZUIDOOST, credential_hash__in=hashes, channel="").count() == 5


def test_the_open_vote_has_an_address_list_voters_and_a_few_hundred_ballots(summary: DemoSummary) -> None:
    zuidoost = edition(ZUIDOOST)
    addresses = Address.objects.filter(edition=zuidoost)
    voters = Voter.objects.filter(edition=zuidoost)
    eligible = addresses.aggregate(n=Sum("eligible_count"))["n"]

    assert addresses.values("neighbourhood").distinct().count() == zuidoost.district.neighbourhoods.count()
    assert all(1 <= a.eligible_count <= 4 and a.codes_issued for a in addresses)
    assert all(POSTCODE.match(a.postcode) and 1101 <= int(a.postcode[:4]) <= 1108 for a in addresses)
    assert voters.filter(kind=VoterKind.CODE).count() == eligible
    assert voters.filter(kind=VoterKind.REGISTER).count() == 4
    assert offers_email_check(zuidoost)
    assert 300 <= Ballot.objects.filter(edition=zuidoost).count() <= 600
    assert LetterBatch.objects.filter(edition=zuidoost, destroyed_at__isnull=False).count() == 1


def test_every_ballot_is_canonical_and_in_the_slot_of_a_voter_who_voted(summary: DemoSummary) -> None:
    for slug in (ZUIDOOST,):  # Nieuw-West's sealed ballots were destroyed when its result was published
        voting = edition(slug)
        sections, rules = ballot_sections(voting), BallotRules.of(voting)
        channels = dict(Voter.objects.filter(edition=voting).values_list("credential_hash", "channel"))
        counted_slots = set()
        number = 1
        while (credential := codes.credential_hash(code := demo_code(slug, number))) in channels:
            if channels[credential]:
                counted_slots.add(codes.ballot_slot(code))
            number += 1
        waiting = set(
            PaperEntry.objects.filter(edition=voting)
            .exclude(status=PaperEntryStatus.CONFIRMED)
            .values_list("pending_slot", flat=True)
        )
        register_slots = {register_slot(person.email) for person in VOTES[slug].register if person.voted}
        assert (
            len(register_slots)
            == Voter.objects.filter(edition=voting, kind=VoterKind.REGISTER).exclude(channel="").count()
        )
        ballots = opened_ballots(voting, demo_key_shares(slug)[1:])

        assert number - 1 == Voter.objects.filter(edition=voting, kind=VoterKind.CODE).count(), slug
        assert set(ballots) == (counted_slots - waiting) | register_slots, slug
        for content in ballots.values():
            assert validate_ballot(content, sections=sections, rules=rules) == content


def test_paper_ballots_wait_for_the_demo_official(summary: DemoSummary) -> None:
    zuidoost = edition(ZUIDOOST)
    entries = PaperEntry.objects.filter(edition=zuidoost)
    official = User.objects.get(email=OFFICIAL)
    awaiting = entries.get(status=PaperEntryStatus.AWAITING_SECOND)
    mismatch = entries.get(status=PaperEntryStatus.MISMATCH)
    sections, rules = ballot_sections(zuidoost), BallotRules.of(zuidoost)

    assert entries.filter(status=PaperEntryStatus.CONFIRMED).count() >= 1
    assert awaiting.first_by != official and awaiting.pending_slot
    first, second = (
        open_reading(r, edition_id=zuidoost.pk) for r in (mismatch.first_content, mismatch.second_content)
    )
    assert mismatch.second_by == official and first != second
    assert validate_ballot(second, sections=sections, rules=rules) == second
    assert Voter.objects.filter(edition=zuidoost, channel=Channel.PAPER).count() == entries.count()

    reading = open_reading(awaiting.first_content, edition_id=zuidoost.pk)
    confirmed = confirm_paper_ballot(entry=awaiting, ballot=reading, by=official)

    assert confirmed.status == PaperEntryStatus.CONFIRMED
    assert Ballot.objects.filter(edition=zuidoost, slot=awaiting.pending_slot).exists()


def test_the_published_edition_has_about_five_thousand_ballots_and_a_done_count(summary: DemoSummary) -> None:
    nieuw_west = edition(NIEUW_WEST)
    voters = Voter.objects.filter(edition=nieuw_west)
    channels = Counter(voters.exclude(channel="").values_list("channel", flat=True))
    voted = sum(channels.values())
    count = Count.objects.get(edition=nieuw_west, is_current=True)
    sections = list(CountSection.objects.filter(count=count))

    assert 4_500 <= voted <= 5_500 and count.sections.get(key="main").voters <= voted
    assert not Ballot.objects.filter(edition=nieuw_west).exists()  # destroyed after publication
    assert BallotBox.objects.get(edition=nieuw_west).ballots_destroyed_at is not None
    assert 0.10 <= voted / voters.count() <= 0.20
    assert 0.05 <= channels[Channel.PAPER] / voted <= 0.11
    assert count.status == CountStatus.DONE and count.rule == "mes" and count.satisfaction == "cost"
    assert count.started_by.email == "ambtenaar.nieuw-west@demo.buurtbudget.nl"
    assert [s.key for s in sections] == ["n-geuzenveld", "n-osdorp-oost", "n-slotervaart-noord", "main"]
    assert any(
        set(s.comparison["greedy"]["selected"]) != set(s.comparison["mes"]["selected"]) for s in sections
    )
    winners = {pk for s in sections for pk in s.selected}
    assert (
        set(Plan.objects.filter(edition=nieuw_west, status=PlanStatus.SELECTED).values_list("pk", flat=True))
        == winners
    )
    assert nieuw_west.unspent_money == "next_edition"  # the results page says where the rest goes
    assert nieuw_west.results_publish_at is not None and count.finished_at <= nieuw_west.results_publish_at  # type: ignore[operator]


def test_the_results_page_shows_the_published_result(summary: DemoSummary, client: Client) -> None:
    nieuw_west = edition(NIEUW_WEST)
    winner = Plan.objects.filter(edition=nieuw_west, status=PlanStatus.SELECTED).first()

    page = client.get(f"/uitslag/{NIEUW_WEST}/")

    assert page.status_code == 200
    assert winner is not None
    assert winner.title in page.content.decode()


def test_loading_again_changes_no_counts_and_prints_the_same_codes(summary: DemoSummary) -> None:
    models = (Address, Voter, Ballot, PaperEntry, LetterBatch, Count, CountSection)
    before = {model.__name__: model._default_manager.count() for model in models}
    channels = Counter(Voter.objects.values_list("channel", flat=True))

    again = load_demo()

    assert {model.__name__: model._default_manager.count() for model in models} == before
    assert Counter(Voter.objects.values_list("channel", flat=True)) == channels
    assert printed_codes(again) == printed_codes(summary)


def test_the_open_vote_counts_with_two_of_its_printed_key_shares(
    summary: DemoSummary, freeze_time: Any
) -> None:
    vote = next(vote for vote in summary.votes if vote.edition.slug == ZUIDOOST)
    assert len(vote.shares) == 3
    assert not next(
        v for v in summary.votes if v.edition.slug == NIEUW_WEST
    ).shares  # destroyed: nothing to open
    zuidoost = edition(ZUIDOOST)
    official = User.objects.get(email=OFFICIAL)
    for entry in PaperEntry.objects.filter(edition=zuidoost, status=PaperEntryStatus.AWAITING_SECOND):
        reading = open_reading(entry.first_content, edition_id=zuidoost.pk)
        confirm_paper_ballot(entry=entry, ballot=reading, by=official)
    for entry in PaperEntry.objects.filter(edition=zuidoost, status=PaperEntryStatus.MISMATCH):
        resolve_paper_entry(entry=entry, decision="first", note="Stembiljet bekeken.", by=official)
    ballots = Ballot.objects.filter(edition=zuidoost).count()
    result = zuidoost.phases.get(kind="result")
    freeze_time(result.starts_at + (result.ends_at - result.starts_at) / 2)

    started = start_count(edition=zuidoost, by=official, shares=vote.shares[::2], background=False)
    count = compute_outcome(count=started)

    assert count.status == CountStatus.DONE, count.error
    sections = list(count.sections.all())
    assert sections and all(0 < section.voters <= ballots for section in sections)
