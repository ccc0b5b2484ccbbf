"""As someone holding the database (no key share): read ballots, or link them to voters.

Run against a running instance and its database, e.g. the demo:

    .venv/bin/python -m scripts.attacks --only ballot_link --base-url http://127.0.0.1:8000 \\
        --database-url postgres://postgres@127.0.0.1:5432/buurtbudget \\
        --option edition=buurtbudget-zuidoost-2026 --option codes=CODE1,CODE2

With ``edition`` and ``codes`` (unused voting codes, e.g. from var/demo-codes.txt) it first casts a
ballot per code through the API, so there are fresh casts to attack. Then, with the database only:

1. the xmin join: a voter row and a ballot row written by one transaction (PostgreSQL);
2. pairing voters and ballots by write order (xmin, ctid; rowid on SQLite), and reading what a
   paired ballot holds;
3. any ballot content in the clear: every column of voting_ballot, and paper entries that were
   counted, voided or resolved (their readings and voter must be gone);
4. running totals: can plan ids be tallied from anything stored before the count?
"""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .common import Attack, Finding, Target

NAME = "ballot_link"


@contextmanager
def _connect(url: str) -> Iterator[tuple[Any, str]]:
    if url.startswith("sqlite:"):
        path = url.split("sqlite:///", 1)[-1]
        connection = sqlite3.connect(path)
        try:
            yield connection, "sqlite"
        finally:
            connection.close()
        return
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://", 1)) as server:
        yield server, "postgresql"


def _rows(connection: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    marked = sql if isinstance(connection, sqlite3.Connection) else sql.replace("?", "%s")
    cursor = connection.cursor()
    cursor.execute(marked, params)
    return list(cursor.fetchall())


def _cast(target: Target) -> list[Finding]:
    slug, codes = target.options.get("edition"), target.options.get("codes", "")
    if not slug or not codes:
        return [Finding("cast fresh ballots through the API", True, "no edition/codes given", skipped=True)]
    ballot_url = f"{target.base_url}/api/v1/editions/{slug}/ballot"
    with urllib.request.urlopen(ballot_url) as answer:
        definition = json.load(answer)
    section = definition["sections"][0]
    cheapest = min(section["plans"], key=lambda plan: plan["cost_cents"])
    cast = 0
    for code in codes.split(","):
        body = json.dumps({"code": code.strip(), "ballot": {section["key"]: [cheapest["id"]]}}).encode()
        request = urllib.request.Request(
            f"{target.base_url}/api/v1/editions/{slug}/ballots",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request) as answer:
                cast += answer.status in {200, 201}
        except urllib.error.HTTPError:
            pass
    return [
        Finding(
            "cast fresh ballots through the API",
            True,
            f"{cast} cast, sealed to {definition.get('sealed_to')}",
        )
    ]


def _edition_ids(connection: Any, target: Target) -> list[int]:
    slug = target.options.get("edition")
    if slug:
        return [
            row[0] for row in _rows(connection, "SELECT id FROM editions_edition WHERE slug = ?", (slug,))
        ]
    return [row[0] for row in _rows(connection, "SELECT DISTINCT edition_id FROM voting_ballot")]


def _json(value: Any) -> Any:
    """A JSON column's value as Python (psycopg decodes jsonb; sqlite3 gives text)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _looks_like_content(value: Any) -> bool:
    """Whether a stored value reads as a ballot's choices: JSON mapping section keys to plan ids."""
    if isinstance(value, memoryview | bytes | bytearray):
        raw = bytes(value)
        if b'"main"' in raw or b'":[' in raw:
            return True
        try:
            value = raw.decode()
        except UnicodeDecodeError:
            return False
    if isinstance(value, dict):
        return any(isinstance(v, list) for v in value.values())
    if isinstance(value, str) and value.startswith("{"):
        try:
            return _looks_like_content(json.loads(value))
        except ValueError:
            return False
    return False


def _xmin_join(connection: Any, vendor: str) -> Finding:
    """Per transaction id shared by voter and ballot rows: how many of each. One voter and one ballot
    under one xid is a link; a bulk load (the demo's) shares one xid among thousands."""
    if vendor != "postgresql":
        return Finding("xmin join of voter and ballot rows", True, "SQLite has no xmin", skipped=True)
    groups = _rows(
        connection,
        "SELECT count(DISTINCT v.id), count(DISTINCT b.id) FROM voting_voter v "
        "JOIN voting_ballot b ON b.xmin = v.xmin AND b.edition_id = v.edition_id "
        "GROUP BY v.xmin::text",
    )
    exact = sum(1 for voters, ballots in groups if voters == 1 and ballots == 1)
    smallest = min((max(voters, ballots) for voters, ballots in groups), default=0)
    return Finding(
        "xmin join of voter and ballot rows",
        exact == 0,
        f"{exact} voter(s) paired one-to-one with a ballot; {len(groups)} shared xid(s), "
        f"the smallest shared by {smallest} rows (a bulk load, not a cast)"
        if groups
        else "no voter row shares a transaction with a ballot row",
    )


def _write_order(connection: Any, vendor: str, editions: list[int]) -> list[Finding]:
    """Pair each edition's online voters with its ballots by write order, and read the paired ballots."""
    findings = []
    orders = ["xmin::text::bigint", "ctid"] if vendor == "postgresql" else ["rowid"]
    for edition in editions:
        voters = _rows(
            connection,
            f"SELECT id FROM voting_voter WHERE edition_id = ? AND channel = 'online' ORDER BY {orders[0]}",
            (edition,),
        )
        for order in orders:
            ballots = _rows(
                connection,
                f"SELECT sealed FROM voting_ballot WHERE edition_id = ? ORDER BY {order}",
                (edition,),
            )
            readable = sum(_looks_like_content(sealed) for (sealed,) in ballots)
            lengths = {len(bytes(sealed)) for (sealed,) in ballots}
            findings.append(
                Finding(
                    f"edition {edition}: pair {len(voters)} online voters with {len(ballots)} "
                    f"ballots by {order}",
                    readable == 0 and len(lengths) <= 1,
                    f"{readable} paired ballot(s) readable; sealed lengths {sorted(lengths)} "
                    "(write order still pairs a voter with a sealed row: it yields ciphertext only)",
                )
            )
    return findings


def _content_in_the_clear(connection: Any) -> tuple[Finding, int]:
    """Any column of any ballot row that reads as a ballot's choices; and how many rows do."""
    cursor = connection.cursor()
    cursor.execute("SELECT * FROM voting_ballot")
    names = [d[0] for d in cursor.description]
    clear = sum(any(_looks_like_content(value) for value in row) for row in cursor.fetchall())
    return Finding(f"ballot content in the clear in any of {names}", clear == 0, f"{clear} row(s)"), clear


def _paper_entries(connection: Any) -> list[Finding]:
    """Counted paper entries must have dropped their readings, voter and slot; pending ones are sealed."""
    kept = _rows(
        connection,
        "SELECT count(*) FROM voting_paperentry WHERE status IN ('confirmed', 'resolved', 'void') "
        "AND (voter_id IS NOT NULL OR first_content IS NOT NULL OR second_content IS NOT NULL "
        "OR pending_slot <> '')",
    )[0][0]
    pending = _rows(
        connection,
        "SELECT first_content, second_content FROM voting_paperentry "
        "WHERE status IN ('awaiting_second', 'mismatch')",
    )
    readable = sum(
        any(_looks_like_content(_json(value)) for value in row if value is not None) for row in pending
    )
    return [
        Finding(
            "counted paper entries keep a reading, a voter or a slot",
            kept == 0,
            f"{kept} counted entry(ies) keep them",
        ),
        Finding(
            "pending paper readings in the clear",
            readable == 0,
            f"{readable} of {len(pending)} pending entry(ies) readable (they keep their voter until "
            "counted; their readings are encrypted under the server's key)",
        ),
    ]


def attack_database(target: Target) -> list[Finding]:
    if not target.database_url:
        return [Finding("database attacks", True, "no --database-url given", skipped=True)]
    with _connect(target.database_url) as (connection, vendor):
        editions = _edition_ids(connection, target)
        findings = [_xmin_join(connection, vendor)]
        findings += _write_order(connection, vendor, editions)
        clear_finding, clear = _content_in_the_clear(connection)
        findings.append(clear_finding)
        findings += _paper_entries(connection)
        tallied = _rows(connection, "SELECT count(*) FROM voting_ballot")[0][0]
        findings.append(
            Finding(
                "running totals from stored ballots before the count",
                clear == 0,
                f"{tallied} sealed ballot(s), none tallied without the key shares",
            )
        )
    return findings


ATTACKS: list[Attack] = [_cast, attack_database]
