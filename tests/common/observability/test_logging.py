"""JSON lines: the request id from the proxy or made here, on every line of the request and in the answer;
Django's request records without the path; the task queue's line; exceptions scrubbed."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django_tasks import task

from common import codes
from common.observability import context
from common.observability.logging import JsonFormatter, PathlessRequests, logging_config


class Lines:
    """The JSON lines written while a test runs, parsed."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    def all(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stream.getvalue().splitlines()]

    def of(self, logger: str) -> list[dict[str, Any]]:
        return [line for line in self.all() if line["logger"] == logger]


@pytest.fixture
def lines() -> Iterator[Lines]:
    """Production's handler (formatter and filter) on the root logger, at INFO, for one test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(PathlessRequests())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield Lines(stream)
    root.removeHandler(handler)
    root.setLevel(level)


@pytest.mark.django_db
def test_each_request_gets_a_new_id_returned_in_the_header_and_on_its_access_line(lines: Lines) -> None:
    first, second = Client().get("/api/schema"), Client().get("/api/schema")
    ids = [first["X-Request-ID"], second["X-Request-ID"]]
    assert all(len(rid) == 32 for rid in ids) and ids[0] != ids[1]
    access = lines.of("buurtbudget.request")
    assert [line["request_id"] for line in access] == ids
    assert access[0]["route"] == "api:schema" and access[0]["method"] == "GET" and access[0]["status"] == 200
    assert isinstance(access[0]["duration_ms"], float) and access[0]["node"]
    assert context.request_id.get() == ""  # nothing stays bound after the request


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_only_behind_a_trusted_proxy_and_only_when_sane(
    lines: Lines, settings: Any
) -> None:
    nginx_id = "4f1c2a9be0d7485f9a6c3e2b1d0f7a8c"
    assert (
        Client(HTTP_X_REQUEST_ID=nginx_id).get("/healthz")["X-Request-ID"] != nginx_id
    )  # no proxy: a client's
    settings.TRUSTED_PROXY_COUNT = 1
    assert Client(HTTP_X_REQUEST_ID=nginx_id).get("/healthz")["X-Request-ID"] == nginx_id
    for insane in ("short", "has spaces in it", "x" * 200, 'quote"injected-0001', "line\nbreak-00000"):
        answered = Client(HTTP_X_REQUEST_ID=insane).get("/healthz")["X-Request-ID"]
        assert answered != insane and len(answered) == 32


@pytest.mark.django_db
def test_a_404_with_a_code_in_its_path_logs_the_route_never_the_path(lines: Lines) -> None:
    code = codes.new_code()
    assert Client().get(f"/api/v1/editions/{code}/ballot").status_code == 404
    assert Client().get(f"/{code}/").status_code == 404
    written = "\n".join(json.dumps(line) for line in lines.all())
    assert code not in written
    assert [line["route"] for line in lines.of("buurtbudget.request")] == ["api:ballot", "<unmatched>"]
    assert (
        lines.of("django.request") == []
    )  # Django's "Not Found: <path>" is dropped: the access line counts it


@pytest.mark.django_db
def test_djangos_4xx_record_after_the_middleware_carries_the_route_and_the_request_id(lines: Lines) -> None:
    code = codes.new_code()
    response = Client().post(
        "/api/v1/editions/nope/ballots", json.dumps({"code": code}), content_type="application/json"
    )
    assert response.status_code == 404
    refused = Client().post("/api/schema")
    assert refused.status_code == 405
    (record,) = lines.of("django.request")
    assert record["message"] == "Method Not Allowed: api:schema"
    assert record["request_id"] == refused["X-Request-ID"] and record["status"] == 405


def test_gunicorns_error_line_loses_the_request_line_and_exceptions_are_scrubbed(lines: Lines) -> None:
    code = codes.new_code()
    logging.getLogger("gunicorn.error").error("Error handling request %s", f"/stemmen/{code}/")
    try:
        raise ValueError(f"duplicate key (email)=(anna@example.org) for {code}")
    except ValueError:
        logging.getLogger("tests.observability").exception("Could not store %s", code)
    written = "\n".join(json.dumps(line) for line in lines.all())
    assert code not in written and "anna@example.org" not in written
    gunicorn, failed = lines.all()
    assert gunicorn["message"] == "Error handling a request"
    assert (
        failed["message"] == "Could not store [code]"
        and "ValueError: duplicate key (email)=([email])" in failed["exception"]
    )


@task()
def logging_task() -> None:
    """Logs one line while it runs (the immediate backend of the tests runs it in the caller)."""
    logging.getLogger("tests.observability.task").warning("inside the task")


def test_a_queued_task_is_logged_with_the_request_id_and_its_lines_carry_the_task_id(lines: Lines) -> None:
    bound = context.bind(request_id="a" * 32)
    try:
        result = logging_task.enqueue()
    finally:
        bound.reset()
    queued = lines.of("buurtbudget.tasks")
    assert [(line["message"], line["request_id"], line["task_id"]) for line in queued] == [
        (f"Task queued: {logging_task.module_path}", "a" * 32, str(result.id))
    ]
    (inside,) = lines.of("tests.observability.task")
    assert inside["task_id"] == str(result.id)
    assert context.task_id.get() == ""  # unbound when the task finished


def test_production_logging_replaces_djangos_handlers_and_keeps_runservers_raw_paths_out() -> None:
    config = logging_config(level="INFO", request_lines=False)
    assert config["root"] == {"handlers": ["json"], "level": "INFO"}
    assert config["loggers"]["django"]["handlers"] == []  # no mail to ADMINS with a traceback
    assert config["loggers"]["django.server"]["level"] == "CRITICAL"
    assert config["loggers"]["buurtbudget.request"]["level"] == "WARNING"
    assert config["handlers"]["json"]["filters"] == ["pathless"]
