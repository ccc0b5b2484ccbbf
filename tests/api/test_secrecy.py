"""A database holder's attacks on ballot secrecy, tried after casts through the API (docs/voting.md).

Each test plays someone who can read every row (a DBA, a backup, a replica) but holds no key
share: they try to read a ballot's content, or to pair a ballot with its voter, the ways that
worked before ballots were sealed and cast in two transactions.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from common import codes
from editions.models import Edition
from proposals.models import Plan
from tests import factories
from voting import sealing
from voting.models import Ballot, IdempotentCast, PaperEntry, PaperEntryStatus, Voter
from voting.services import idempotency
from voting.services.paper import confirm_paper_ballot, enter_paper_ballot, voter_for_code

from .conftest import ballots_url

VOTERS = 6


def _cast_through_the_api(client: Any) -> tuple[Edition, list[Plan], dict[int, list[int]]]:
    """Six voters cast (two of them twice) through the API, each cast with an Idempotency-Key and
    retried once with it; returns voter id → what they chose."""
    edition, plans = factories.make_vote(plan_costs=(1_000_000,) * 6)
    chose: dict[int, list[int]] = {}
    for i in range(VOTERS):
        voter, code = factories.make_voter(edition=edition)
        for n, choice in enumerate(([plans[i].pk], [plans[(i + 1) % 6].pk, plans[i].pk])[: 1 + i % 3 // 2]):
            body = json.dumps({"code": code, "ballot": {"main": choice}})
            for _retry in range(2):
                response = client.post(
                    ballots_url(edition),
                    body,
                    content_type="application/json",
                    HTTP_IDEMPOTENCY_KEY=_key(i, n),
                )
                assert response.status_code in {200, 201}
            chose[voter.pk] = sorted(choice)
    return edition, plans, chose


def _key(voter: int, cast: int) -> str:
    """A client's Idempotency-Key; guessable on purpose: the attacks below are given every key."""
    return f"kiosk-3-cast-{voter}-{cast}"


KEYS = [_key(voter, cast) for voter in range(VOTERS) for cast in range(2)]


def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("xmin and ctid are PostgreSQL's")


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_the_xmin_join_pairs_no_ballot_with_its_voter(client: Any) -> None:
    _postgresql_only()
    edition, _, _ = _cast_through_the_api(client)
    join = """
        SELECT v.id FROM voting_voter v JOIN voting_ballot b ON b.xmin = v.xmin
        WHERE v.edition_id = %s AND b.edition_id = %s
    """

    assert _rows(join, [edition.pk, edition.pk]) == []
    # The attack itself works: a voter and a ballot written in one transaction are joined by it.
    with transaction.atomic():
        voter, _ = factories.make_voter(edition=edition)
        Voter.objects.filter(pk=voter.pk).update(ballots_cast=1)
        Ballot.objects.create(edition=edition, slot="one-transaction", sealed=b"x", receipt="R")
    assert _rows(join, [edition.pk, edition.pk]) == [(voter.pk,)]


@pytest.mark.django_db(transaction=True)
def test_pairing_voters_and_ballots_by_write_order_yields_only_sealed_bytes(client: Any) -> None:
    """Casting order survives in xmin and ctid (and the WAL); what it pairs a voter with is ciphertext."""
    edition, _, chose = _cast_through_the_api(client)
    orders = ["xmin::text::bigint", "ctid"] if connection.vendor == "postgresql" else ["rowid"]
    voted = "SELECT id FROM voting_voter WHERE edition_id = %s AND ballots_cast > 0 ORDER BY "
    voters = _rows(voted + orders[0], [edition.pk])
    context = sealing.ballot_context(edition.pk)
    for order in orders:
        ballots = _rows(
            f"SELECT slot, sealed FROM voting_ballot WHERE edition_id = %s ORDER BY {order}", [edition.pk]
        )
        assert len(ballots) == len(voters) == VOTERS
        lengths = {len(bytes(sealed)) for _, sealed in ballots}
        assert len(lengths) == 1  # equal lengths: not even how many plans a ballot holds shows
        for (voter_id,), (_, sealed) in zip(voters, ballots, strict=True):
            blob = bytes(sealed)
            assert json.dumps(chose[voter_id]).encode() not in blob and b"main" not in blob
            with pytest.raises(sealing.SealError):  # any key but the shares' opens nothing
                sealing.Opener(sealing.new_private_key()).open(blob, context=context)


@pytest.mark.django_db(transaction=True)
def test_no_column_of_a_ballot_names_its_voter(client: Any) -> None:
    edition, _, _ = _cast_through_the_api(client)
    register_voter = factories.make_register_voter(edition=edition, email="kees@example.org")
    voters = list(Voter.objects.filter(edition=edition).values("id", "credential_hash", "email_hash"))
    known = {str(v["id"]) for v in voters} | {v["credential_hash"] for v in voters}
    known |= {v["email_hash"] for v in voters if v["email_hash"]}
    # A register voter's slot cannot be computed from what is stored (even with the server's key).
    derived = {codes.ballot_slot(f"register:{register_voter.credential_hash}")}
    derived |= {codes.ballot_slot(v["credential_hash"]) for v in voters}

    for row in Ballot.objects.filter(edition=edition).values("id", "slot", "receipt"):
        values = {str(row["id"]), row["slot"], row["receipt"]}
        assert not values & known and not values & derived


def _dump(tables: list[str]) -> str:
    """What a dump of ``tables`` holds: pg_dump --data-only on PostgreSQL, every column elsewhere."""
    if connection.vendor == "postgresql" and shutil.which("pg_dump"):
        settings = connection.settings_dict
        command = ["pg_dump", "--data-only", "-h", settings["HOST"] or "127.0.0.1", "-U", settings["USER"]]
        for table in tables:
            command += ["-t", table]
        env = {
            **os.environ,
            "PGPASSWORD": settings["PASSWORD"] or "",
            "PGPORT": str(settings["PORT"] or 5432),
        }
        return subprocess.run(
            [*command, settings["NAME"]], check=True, capture_output=True, text=True, env=env
        ).stdout
    text = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {table}")
            text += [repr(row) for row in cursor.fetchall()]
    return "\n".join(text)


@pytest.mark.django_db(transaction=True)
def test_a_dump_of_the_vote_tables_holds_no_ballot_content_and_no_paper_reading_pending_or_counted(
    client: Any,
) -> None:
    edition, plans, chose = _cast_through_the_api(client)
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    second = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    _, code = factories.make_voter(edition=edition)
    found, slot = voter_for_code(edition=edition, code=code)
    entry = enter_paper_ballot(
        edition=edition, voter=found, slot=slot, ballot={"main": [plans[5].pk]}, by=official
    )
    confirm_paper_ballot(entry=entry, ballot={"main": [plans[5].pk]}, by=second)
    _, waiting = factories.make_voter(edition=edition)  # a paper ballot still waiting for its second entry
    found, slot = voter_for_code(edition=edition, code=waiting)
    enter_paper_ballot(edition=edition, voter=found, slot=slot, ballot={"main": [plans[4].pk]}, by=official)

    dump = _dump(
        ["voting_ballot", "voting_voter", "voting_paperentry", "voting_ballotbox", "voting_idempotentcast"]
    )

    entry = PaperEntry.objects.get(pk=entry.pk)  # the entry forgot the voter, their slot and readings
    assert entry.status == PaperEntryStatus.CONFIRMED and entry.voter_id is None and not entry.pending_slot
    assert entry.first_content is None and entry.second_content is None and len(entry.content_hash) == 64
    for choice in [*chose.values(), [plans[5].pk]]:
        assert json.dumps({"main": choice}) not in dump and f'"main": {choice}' not in dump
    assert '"main"' not in dump
    assert sorted(c["main"] for c in factories.opened_contents(edition)) == sorted(
        [*chose.values(), [plans[5].pk]]
    )


# --- The answers kept for idempotent retries (voting.IdempotentCast) ---------------------------------


@pytest.mark.django_db(transaction=True)
def test_no_idempotency_record_shares_a_transaction_with_a_voter(client: Client) -> None:
    """The answer is written with the ballot, the claim on its own: neither with the voter's update."""
    _postgresql_only()
    edition, _, _ = _cast_through_the_api(client)
    assert IdempotentCast.objects.filter(edition=edition).count() == 8
    join = """
        SELECT v.id FROM voting_voter v JOIN voting_idempotentcast r ON r.xmin = v.xmin
        WHERE v.edition_id = %s AND r.edition_id = %s
    """
    assert _rows(join, [edition.pk, edition.pk]) == []


@pytest.mark.django_db(transaction=True)
def test_no_column_of_an_idempotency_record_names_a_voter_or_a_ballot(client: Client) -> None:
    edition, _, _ = _cast_through_the_api(client)
    voters = list(Voter.objects.filter(edition=edition).values("id", "credential_hash", "email_hash"))
    ballots = list(Ballot.objects.filter(edition=edition).values("id", "slot", "receipt"))
    known = {str(v["id"]) for v in voters} | {v["credential_hash"] for v in voters}
    known |= {str(b["id"]) for b in ballots} | {b["slot"] for b in ballots} | {b["receipt"] for b in ballots}
    records = list(IdempotentCast.objects.filter(edition=edition).values())
    assert len(records) == 8
    for record in records:
        assert {str(record["id"]), record["lookup"], record["attempt"]}.isdisjoint(known)
        assert record["claimed_until"] is None and record["attempt"] == ""  # answered: no time kept
        assert record["answer"] is not None
        # The answer is ciphertext: two or three digits of an id turn up in random bytes by chance,
        # so the blob is searched for the hashes, slots and receipts, and for any readable field.
        blob = bytes(record["answer"])
        assert not any(value.encode() in blob for value in known if len(value) >= 8)
        assert b"receipt" not in blob and b"main" not in blob


@pytest.mark.django_db(transaction=True)
def test_the_database_and_the_server_key_with_every_idempotency_key_neither_find_nor_open_an_answer(
    client: Client,
) -> None:
    """The strongest holder short of a voter's letter: every row, ``VOTING_CODE_KEY`` and even the
    clients' keys. The API scopes a key to the plain code, which nothing stores, so a record is found
    and opened from nothing they hold (the form's keys are 128 random bits that only the page holds)."""
    edition, _, chose = _cast_through_the_api(client)
    records = {
        r.lookup: bytes(r.answer)
        for r in IdempotentCast.objects.filter(edition=edition)
        if r.answer is not None
    }
    stored: set[str] = set(Ballot.objects.filter(edition=edition).values_list("slot", flat=True))
    stored |= set(Voter.objects.filter(edition=edition).values_list("credential_hash", flat=True))
    for value in stored:
        for key in KEYS:
            guess = idempotency.for_slot(edition=edition, slot=value, key=key)
            assert guess.lookup not in records
            for answer in records.values():
                with pytest.raises(sealing.SealError):
                    sealing.open_answer(
                        answer, key=guess.secret, context=idempotency._context(edition, guess)
                    )
    assert len({len(answer) for answer in records.values()}) == 1  # padded: the length says nothing
    for choice in chose.values():
        assert not any(json.dumps(choice).encode() in answer for answer in records.values())


@pytest.mark.django_db(transaction=True)
def test_a_web_ballot_form_s_key_is_stored_nowhere(client: Client) -> None:
    """The form's one-time key lives in the page only: no table holds it, so its record's lookup and
    answer key (from the slot the database holds, and the key) cannot be computed by a DBA with K."""
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    page = client.post(reverse("voting:start", args=[edition.slug]), {"code": code}).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)
    key = re.search(r'name="cast_key" value="([^"]+)"', page)
    assert token and key
    client.post(
        reverse("voting:ballot", args=[edition.slug]),
        {"token": token.group(1), "cast_key": key.group(1), "s-main": [str(plans[0].pk)]},
    )
    assert IdempotentCast.objects.filter(edition=edition, answer__isnull=False).count() == 1
    dump = _dump(["voting_ballot", "voting_voter", "voting_idempotentcast", "django_session"])
    assert key.group(1) not in dump
