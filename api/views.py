"""JSON endpoints: check a voting code, cast a ballot with it, read an edition's ballot, the OpenAPI schema.

No session, cookie or user is read or written here: a voting code is the only credential, so the
views are CSRF-exempt and stay cheap (SessionMiddleware and AuthenticationMiddleware are lazy and
cost nothing when untouched). Messages follow the request's Accept-Language (nl by default).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from ballots.rules import BallotRules
from ballots.sections import ballot_sections_cached
from common.errors import ServiceError
from common.observability.metrics import record_cast, refusals_counted
from common.ratelimit import client_ip
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action
from voting.errors import VoteStateError
from voting.models import Channel
from voting.sealing import fingerprint
from voting.selectors import voter_channel
from voting.services import idempotency
from voting.services.ballot_box import public_key_for
from voting.services.casting import (
    Receipt,
    cast_ballot,
    code_credential,
    credential_for_code,
    refuse_unless_open,
)

from .editions import published_edition
from .errors import RequestError, error_response
from .schema import openapi_schema

JSON_DUMPS = {"ensure_ascii": False}


def request_language(request: HttpRequest) -> str:
    """The first supported language in Accept-Language; the default language otherwise.

    LocaleMiddleware activates the default language on every unprefixed path (``/api/`` has no
    language prefix), so the API reads the header itself.
    """
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return translation.get_supported_language_variant("nl")


def _json(data: Any, *, status: int = 200, language: str) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params=JSON_DUMPS)
    response.headers["Content-Language"] = language
    return response


def _method_guard(allowed: str, request: HttpRequest) -> None:
    if request.method != allowed and not (allowed == "GET" and request.method == "HEAD"):
        raise RequestError("method_not_allowed", method=request.method, allowed=allowed)


def _edition(slug: str) -> Edition:
    edition = published_edition(slug)
    if edition is None:
        raise RequestError("unknown_edition", edition=slug[:80])
    return edition


def _code_request(request: HttpRequest) -> tuple[str, dict[str, Any]]:
    """The code a request carries, and its whole JSON object, or RequestError."""
    try:
        data = json.loads(request.body)
    except RequestDataTooBig:
        raise RequestError("body_too_large") from None
    except ValueError:  # also UnicodeDecodeError
        raise RequestError("not_json") from None
    if not isinstance(data, dict):
        raise RequestError("not_json")
    code = data.get("code")
    if not isinstance(code, str):
        raise RequestError("missing_field", field="code", type="string")
    return code, data


def _cast_request(request: HttpRequest) -> tuple[str, Any]:
    """The (code, ballot) a cast request carries, or RequestError."""
    code, data = _code_request(request)
    if "ballot" not in data:
        raise RequestError("missing_field", field="ballot", type="object")
    return code, data["ballot"]


def _answering_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run ``view`` in the request's language; a ServiceError becomes its JSON error response."""

    def wrapped(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        language = request_language(request)
        with translation.override(language):
            try:
                return view(request, language=language, **kwargs)
            except ServiceError as error:
                response = error_response(error, language=language)
                if error.code == "method_not_allowed":
                    response.headers["Allow"] = error.params["allowed"]
                return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return csrf_exempt(wrapped)


IDEMPOTENCY_KEY = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"


@_answering_errors
@refusals_counted(channel="api")
def ballots(request: HttpRequest, *, slug: str, language: str) -> HttpResponse:
    """POST a ballot: 201 with the receipt for a first ballot, 200 when it replaced an earlier one.

    With an ``Idempotency-Key`` header a retry gets the first answer again (same status and body,
    plus ``Idempotent-Replayed: true``) and casts nothing; docs/api.md.
    """
    _method_guard("POST", request)
    edition = _edition(slug)
    key = request.headers.get(IDEMPOTENCY_KEY)
    parsed_key = None if key is None else idempotency.parse_key(key)
    code, ballot = _cast_request(request)
    credential = code_credential(code=code, client_ip=client_ip(request))
    scoped_key = None
    if parsed_key is not None:  # scoped to this code: another voter's key never meets it
        scoped_key = idempotency.for_code(edition=edition, code=code, key=parsed_key)
    receipt = cast_ballot(edition=edition, credential=credential, ballot=ballot, idempotency=scoped_key)
    if not receipt.replayed:  # a retry's stored answer casts nothing: it is no cast to count
        record_cast(channel="api", replaced=receipt.replaced)
    return _receipt_response(receipt, language=language)


def _receipt_response(receipt: Receipt, *, language: str) -> JsonResponse:
    """The cast's answer: 201 for a first ballot, 200 when it replaced one, a replay marked as such."""
    body = {
        "receipt": receipt.receipt,
        "replaced": receipt.replaced,
        "cast_at": receipt.cast_at.isoformat(),
        "ballot": receipt.content,
    }
    response = _json(body, status=200 if receipt.replaced else 201, language=language)
    if receipt.replayed:
        response.headers[REPLAYED] = "true"
    return response


@_answering_errors
@refusals_counted(channel="api")
def voter(request: HttpRequest, *, slug: str, language: str) -> HttpResponse:
    """POST a code before showing the ballot: 200 if it may vote now, else why not (409 for paper).

    A kiosk asks this first, so a voter whose paper ballot was entered is told at once, not after
    filling in the ballot. Wrong codes count towards the guessing limits as a cast's do.
    """
    _method_guard("POST", request)
    edition = _edition(slug)
    code, _ = _code_request(request)
    refuse_unless_open(edition)
    credential = credential_for_code(edition=edition, code=code, client_ip=client_ip(request))
    channel = voter_channel(edition=edition, credential_hash=credential.credential_hash)
    if channel == Channel.PAPER:
        raise VoteStateError("voted_on_paper")
    return _json({"has_voted": channel == Channel.ONLINE}, language=language)


@_answering_errors
def ballot(request: HttpRequest, *, slug: str, language: str) -> HttpResponse:
    """GET the ballot a kiosk shows: format, limits, sections and their plans (while the vote is open)."""
    _method_guard("GET", request)
    edition = _edition(slug)
    if not is_open(edition, Action.VOTE):
        raise VoteStateError("vote_not_open")
    return _json(_ballot_body(edition), language=language)


def _ballot_body(edition: Edition) -> dict[str, Any]:
    """What a kiosk needs to show the ballot (the API's BallotDefinition)."""
    rules = BallotRules.of(edition)
    return {
        "edition": edition.slug,
        "name": edition.name,
        # The key every ballot is sealed to (docs/voting.md): a kiosk can show it to voters.
        "sealed_to": fingerprint(public_key_for(edition)),
        "format": rules.format,
        "k": rules.max_choices,
        "points": rules.points,
        "sections": [
            {
                "key": section.key,
                "label": section.label,
                "budget_cents": section.budget_cents,
                "plans": [{"id": p.pk, "title": p.title, "cost_cents": p.cost_cents} for p in section.plans],
            }
            for section in ballot_sections_cached(edition)
        ],
    }


@_answering_errors
def schema(request: HttpRequest, *, language: str) -> HttpResponse:
    """GET the OpenAPI 3.1 document describing this API."""
    _method_guard("GET", request)
    return _json(openapi_schema(), language=language)
