"""What the tests of the resident's vote pages share: URLs, posting a code or a ballot, the token."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from editions.models import BallotFormat, Edition
from proposals.models import Plan
from tests import factories

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def url(name: str, edition: Edition, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"voting:{name}", args=[edition.slug])


def message(error: type[Any], code: str, language: str = "en", **params: Any) -> str:
    """The refusal's message as the page shows it (translated, HTML-escaped)."""
    with translation.override(language):
        return escape(error(code, **params).message)


def token_of(response: Any) -> str:
    found = TOKEN.search(response.content.decode())
    assert found, "the page has no ballot token"
    return found.group(1)


def open_ballot(client: Client, edition: Edition, code: str, language: str = "en") -> Any:
    return client.post(url("start", edition, language), {"code": code})


def cast(client: Client, edition: Edition, token: str, data: dict[str, Any], language: str = "en") -> Any:
    return client.post(url("ballot", edition, language), {"token": token, **data})


def make_format_vote(ballot_format: str, **fields: Any) -> tuple[Edition, list[Plan]]:
    defaults: dict[str, Any] = {
        BallotFormat.APPROVAL: {"ballot_max_choices": 2},
        BallotFormat.KNAPSACK: {},
        BallotFormat.CUMULATIVE: {"ballot_points": 10},
        BallotFormat.RANKING: {"ballot_max_choices": 3},
    }[BallotFormat(ballot_format)]
    return factories.make_vote(ballot_format=ballot_format, **{**defaults, **fields})
