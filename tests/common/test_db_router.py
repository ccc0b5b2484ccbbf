"""common.db_router: public pages read from a replica; writes, transactions and the rest stay on the primary.

The replica here is a second connection alias to the same database (on PostgreSQL: the same test
database, as a streaming replica would hold the same rows). Both connections are real: a query that
goes to the replica is seen on the replica's connection and not on the primary's. The tests that read
through it commit their data (``transaction=True``), since the replica's connection cannot see the
primary's open test transaction, just as a real replica cannot.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.utils import load_backend
from django.test import Client
from django.test.utils import CaptureQueriesContext

from common.db_router import PIN_COOKIE, REPLICA, ReplicaRouter, replica_reads
from editions.models import Edition
from proposals.models import Plan
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
MIDDLEWARE = "common.db_router.ReplicaReadsMiddleware"


@pytest.fixture
def replica(settings: Any) -> Iterator[str]:
    """A ``replica`` alias on the primary's (test) database, the router and its middleware switched on.

    The connection is made here, as the settings make it from ``DATABASE_REPLICA_URL`` (a second
    connection with the primary's settings), and handed to this thread's connections.
    """
    primary = connections[DEFAULT_DB_ALIAS]
    backend = load_backend(primary.settings_dict["ENGINE"])
    connections[REPLICA] = backend.DatabaseWrapper({**primary.settings_dict}, alias=REPLICA)
    settings.DATABASE_REPLICA_URL = "the primary's own database, through a second connection"
    settings.DATABASE_ROUTERS = ["common.db_router.ReplicaRouter"]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index("django.contrib.sessions.middleware.SessionMiddleware"), MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    try:
        yield REPLICA
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]


@pytest.fixture
def vote() -> tuple[Edition, list[Plan]]:
    return factories.make_vote()


def tables(queries: CaptureQueriesContext) -> str:
    return " ".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_a_public_pages_reads_go_to_the_replica(replica: str, vote: tuple[Edition, list[Plan]]) -> None:
    edition, plans = vote
    with (
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[replica]) as read,
    ):
        answers = [
            Client().get(f"/plannen/{plans[0].pk}/"),
            Client().get(f"/edities/{edition.slug}/"),
            Client().get("/plannen/"),
        ]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert "proposals_plan" in tables(read) and "editions_edition" in tables(read)
    assert primary.captured_queries == [], tables(primary)


@pytest.mark.django_db(transaction=True)
def test_pages_that_are_not_listed_read_the_primary(replica: str, vote: tuple[Edition, list[Plan]]) -> None:
    edition, _ = vote
    with CaptureQueriesContext(connections[replica]) as read:
        answer = Client().get(f"/stemmen/{edition.slug}/")

    assert answer.status_code == 200
    assert read.captured_queries == []


@pytest.mark.django_db(transaction=True)
def test_a_write_never_goes_to_the_replica_and_later_reads_follow_it(
    replica: str, vote: tuple[Edition, list[Plan]]
) -> None:
    edition, plans = vote
    router = ReplicaRouter()
    with (
        replica_reads(),
        CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as primary,
        CaptureQueriesContext(connections[replica]) as read,
    ):
        assert router.db_for_read(Plan) == REPLICA
        assert Plan.objects.filter(edition=edition).count() == len(plans)
        Plan.objects.filter(pk=plans[0].pk).update(title="Bankjes bij het water")
        assert router.db_for_write(Plan) == DEFAULT_DB_ALIAS
        # Read your own write: after it, this request reads the primary.
        assert router.db_for_read(Plan) == DEFAULT_DB_ALIAS
        assert Plan.objects.get(pk=plans[0].pk).title == "Bankjes bij het water"

    assert "UPDATE" not in tables(read) and "UPDATE" in tables(primary)
    assert len(read.captured_queries) == 1  # only the count before the write
    assert "proposals_plan" in tables(primary)


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_go_to_the_primary(replica: str, vote: tuple[Edition, list[Plan]]) -> None:
    edition, _ = vote
    with replica_reads(), CaptureQueriesContext(connections[replica]) as read, transaction.atomic():
        assert ReplicaRouter().db_for_read(Edition) == DEFAULT_DB_ALIAS
        assert Edition.objects.select_for_update().get(pk=edition.pk) == edition

    assert read.captured_queries == []


@pytest.mark.django_db(transaction=True)
def test_a_browser_that_wrote_reads_the_primary_for_a_while(
    replica: str, vote: tuple[Edition, list[Plan]]
) -> None:
    _, plans = vote
    factories.make_user(email="noor@example.org", password="een-lang-wachtwoord")
    browser = Client()
    login = browser.post(
        "/account/inloggen/", {"username": "noor@example.org", "password": "een-lang-wachtwoord"}
    )
    assert login.status_code == 302 and PIN_COOKIE in login.cookies  # the session was written

    with CaptureQueriesContext(connections[replica]) as read:
        assert browser.get(f"/plannen/{plans[0].pk}/").status_code == 200
    assert read.captured_queries == []

    del browser.cookies[PIN_COOKIE]  # the pin has expired
    with CaptureQueriesContext(connections[replica]) as read:
        assert browser.get(f"/plannen/{plans[0].pk}/").status_code == 200
    assert "proposals_plan" in tables(read)
    assert "django_session" not in tables(read)  # the session itself is always read from the primary


@pytest.mark.django_db
def test_without_a_replica_the_router_answers_the_primary(settings: Any) -> None:
    settings.DATABASE_ROUTERS = ["common.db_router.ReplicaRouter"]
    with replica_reads():
        assert ReplicaRouter().db_for_read(Plan) == DEFAULT_DB_ALIAS
    assert ReplicaRouter().allow_migrate(DEFAULT_DB_ALIAS, "proposals") is True
    assert ReplicaRouter().allow_migrate(REPLICA, "proposals") is False


def _settings_with(environment: dict[str, str]) -> str:
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(sorted(s.DATABASES), s.DATABASE_ROUTERS, "
        "'common.db_router.ReplicaReadsMiddleware' in s.MIDDLEWARE)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings.dev", **environment}
    return subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_replica_is_off_by_default_and_on_with_its_url() -> None:
    assert _settings_with({}) == "['default'] [] False"
    replica_url = "postgres://reader@replica.internal:5432/buurtbudget"
    assert _settings_with({"DATABASE_REPLICA_URL": replica_url}) == (
        "['default', 'replica'] ['common.db_router.ReplicaRouter'] True"
    )
