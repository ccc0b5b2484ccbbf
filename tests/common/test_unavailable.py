"""Outages answer 503 with Retry-After (issue 19 §2): which errors mean "unavailable", and the answers.

The database is made unavailable for real: the connection is pointed at an address where nothing
listens (PostgreSQL) or a file that cannot be opened (SQLite), or its server process is terminated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import jsonschema
import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import IntegrityError, OperationalError, ProgrammingError, connection
from django.test import Client, RequestFactory

from api.schema import openapi_schema
from common.unavailable import unavailable_service
from pages.views import server_error
from tests import factories
from tests.helpers import dutch, page_text
from tests.outages import DEAD_PORT

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_gone() -> Iterator[None]:
    """The default connection, closed and pointed where no database answers; restored afterwards.

    PostgreSQL only: the SQLite test database lives in memory and would be lost with its connection.
    """
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite test database is in memory: closing its connection would drop it")
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(DEAD_PORT))
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def real_error(statement: str) -> BaseException:
    """The error Django raises for ``statement`` on the test database (wrapped as Django wraps it)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    except Exception as error:
        return error
    raise AssertionError(f"{statement!r} did not fail")


def test_a_refused_connection_means_the_database_is_unavailable(database_gone: None) -> None:
    with pytest.raises(OperationalError) as refused:
        connection.ensure_connection()
    assert unavailable_service(refused.value) == "database"


def test_our_own_mistakes_stay_errors_not_outages() -> None:
    missing_table = real_error("SELECT * FROM no_such_table_here")
    assert isinstance(missing_table, OperationalError | ProgrammingError)
    assert unavailable_service(missing_table) is None
    assert unavailable_service(IntegrityError("duplicate key")) is None
    assert unavailable_service(ValueError("a bug")) is None


def test_sqlite_reasons_are_told_apart() -> None:
    def wrapped(message: str) -> OperationalError:
        error = OperationalError(message)
        error.__cause__ = sqlite3.OperationalError(message)
        return error

    assert unavailable_service(wrapped("database is locked")) == "database"
    assert unavailable_service(wrapped("unable to open database file")) == "database"
    assert unavailable_service(wrapped("no such column: nope")) is None


def test_the_api_answers_503_json_with_retry_after(database_gone: None, settings: Any) -> None:
    settings.OUTAGE_RETRY_AFTER_SECONDS = 7
    response = Client().post(
        "/api/v1/editions/any-edition/ballots",
        json.dumps({"code": "ABCD", "ballot": {}}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["error"] == "service_unavailable" and body["retry_after"] == 7
    assert "try again" in body["message"]
    jsonschema.validate(body, openapi_schema()["components"]["schemas"]["Error503"])  # as documented


def test_a_page_answers_503_with_a_translated_page(database_gone: None) -> None:
    response = Client().get("/en/stemmen/any-edition/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    text = page_text(response)
    assert '<html lang="en"' in text and "Briefly unavailable" in text and "5 seconds" in text
    assert "Content-Security-Policy" in response.headers  # the outermost middleware still ran
    dutch_page = page_text(Client().get("/stemmen/any-edition/"))
    assert '<html lang="nl"' in dutch_page and dutch("Briefly unavailable") in dutch_page


def test_an_outage_outside_a_view_reaches_the_500_handler_and_answers_503(database_gone: None) -> None:
    request = RequestFactory().get("/")
    try:
        connection.ensure_connection()
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and response["Retry-After"]
    try:
        raise ValueError("a bug of ours")
    except ValueError:
        assert server_error(request).status_code == 500


def _call(handler: WSGIHandler, path: str, body: dict[str, Any]) -> tuple[int, bytes]:
    """A request through Django's own WSGI handler, as gunicorn makes it (request signals included:
    the test client switches off the closing of old connections, production does not)."""
    data = json.dumps(body).encode()
    environ = RequestFactory().post(path, data, content_type="application/json").environ
    status: list[str] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        status.append(line)
        return lambda data: None

    chunks = handler(environ, start_response)
    return int(status[0].split()[0]), b"".join(chunks)


@pytest.mark.parametrize("health_checks", [True, False])
def test_a_terminated_backend_costs_no_request_with_health_checks(health_checks: bool) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("terminating a server backend needs PostgreSQL")
    edition, plans = factories.make_vote()
    _, code = factories.make_voter(edition=edition)
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(CONN_MAX_AGE=600, CONN_HEALTH_CHECKS=health_checks)
    handler, path = WSGIHandler(), f"/api/v1/editions/{edition.slug}/ballots"
    try:
        status, _ = _call(handler, path, {"code": code, "ballot": {"main": [plans[0].pk]}})
        assert status == 201
        backend_pid = connection.connection.info.backend_pid  # kept open: CONN_MAX_AGE
        host, port = saved["HOST"] or "127.0.0.1", saved["PORT"] or 5432
        dsn = f"host={host} port={port} user={saved['USER']} dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
        status, body = _call(handler, path, {"code": code, "ballot": {"main": [plans[1].pk]}})
        if health_checks:
            assert status == 200, body  # the dead connection was noticed and replaced before use
        else:
            assert status == 503, body  # without the check the request fails, but as an outage
            assert json.loads(body)["error"] == "service_unavailable"
            status, body = _call(handler, path, {"code": code, "ballot": {"main": [plans[1].pk]}})
            assert status == 200, body  # and the next one reconnects
        assert factories.opened_contents(edition) == [{"main": [plans[1].pk]}]
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
