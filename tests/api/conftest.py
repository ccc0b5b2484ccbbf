"""Fixtures for the API tests: an open vote, and a helper that posts a ballot as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from api.editions import forget_editions
from tests import factories

Post = Callable[..., Any]  # a test-client response


def ballots_url(edition: Any) -> str:
    return f"/api/v1/editions/{edition.slug}/ballots"


def ballot_url(edition: Any) -> str:
    return f"/api/v1/editions/{edition.slug}/ballot"


@pytest.fixture
def vote(db: None) -> tuple[Any, list[Any]]:
    """An open approval vote of EUR 60,000 with plans of EUR 40k, 30k, 20k and 10k."""
    return factories.make_vote()


@pytest.fixture
def post() -> Post:
    """post(edition, code, ballot, **headers): POST {"code", "ballot"} as JSON, with CSRF checks on."""
    client = Client(enforce_csrf_checks=True)

    def send(edition: Any, code: str, ballot: Any, **headers: Any) -> Any:
        body = json.dumps({"code": code, "ballot": ballot})
        return client.post(ballots_url(edition), body, content_type="application/json", **headers)

    return send


@pytest.fixture(autouse=True)
def _fresh_edition_memo() -> Iterator[None]:
    """Each test reads its editions afresh (the memo outlives a test otherwise)."""
    forget_editions()
    yield
    forget_editions()
