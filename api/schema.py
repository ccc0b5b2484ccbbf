"""The OpenAPI 3.1 document of the JSON API, written by hand; error codes come from the error classes."""

from __future__ import annotations

from functools import cache
from typing import Any

from common.unavailable import UNAVAILABLE_CODE
from editions.models import BallotFormat

from .errors import codes_by_status

STATUS_TEXT = {
    400: "The body is not a JSON object, or a field is missing or of the wrong type; or the "
    "Idempotency-Key header is not 1 to 255 visible ASCII characters.",
    403: "The voting code does not open a ballot: malformed (mistyped), unknown, or revoked.",
    404: "No published edition has this slug.",
    405: "The method is not allowed on this address (see the Allow header).",
    409: "The vote is not open now, or this voter already voted on paper; or (idempotency_key_in_use) "
    "another request with this Idempotency-Key is still casting: send it again after Retry-After.",
    413: "The body is too large.",
    422: "The ballot is not valid for this vote; or (idempotency_key_reused) this Idempotency-Key "
    "was already used by this voter for a different ballot.",
    429: "A wrong code after too many wrong codes were tried (a right code is never refused); "
    "wait the number of seconds in Retry-After.",
    503: "A service the API needs (the database or the cache) is briefly unavailable: nothing was "
    "stored; send the same request again after Retry-After (a cast with the same Idempotency-Key).",
}
ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "Language of the error messages: nl (default) or en.",
    "schema": {"type": "string", "examples": ["en"]},
}
SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "description": "The edition's slug, as in its web address.",
    "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
}


def _error_schema(codes: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["error", "message"],
        "properties": {
            "error": {"type": "string", "enum": codes},
            "message": {"type": "string", "description": "The refusal, in the requested language."},
        },
    }


def _json_content(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


def _error_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": STATUS_TEXT[status],
        "content": _json_content(f"Error{status}"),
    }
    if status == 429:
        response["headers"] = {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer", "minimum": 1}}
        }
    if status == 503:
        response["headers"] = {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer", "minimum": 1}}
        }
    if status == 405:
        response["headers"] = {"Allow": {"description": "The allowed method.", "schema": {"type": "string"}}}
    if status == 409:
        response["headers"] = {
            "Retry-After": {
                "description": "With idempotency_key_in_use: seconds to wait before sending it again.",
                "schema": {"type": "integer", "minimum": 1},
            }
        }
    return response


def _errors(*statuses: int) -> dict[str, Any]:
    return {str(status): _error_response(status) for status in statuses}


CODE = {
    "type": "string",
    "description": "The voting code from the letter; case, spaces and dashes don't matter.",
    "examples": ["K7QM-3XRD-9TBW-HP2C-V"],
}
PLAN_IDS = {"type": "array", "items": {"type": ["integer", "string"]}}
POINTS = {"type": "object", "additionalProperties": {"type": ["integer", "string"]}}
CANONICAL_SECTION = {
    "oneOf": [
        {"type": "array", "items": {"type": "integer"}, "description": "Plan ids (ranking: best first)."},
        {
            "type": "array",
            "description": "Cumulative: [plan id, points] pairs sorted by plan id.",
            "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        },
    ]
}
BALLOT_CHOICE = {
    "type": "object",
    "description": (
        "Section key (`main`, or a sub-budget's key from the ballot definition) → for approval, "
        "knapsack and ranking a list of plan ids (ranking: best first); for cumulative an object "
        "{plan id: points}."
    ),
    "minProperties": 1,
    "additionalProperties": {"oneOf": [PLAN_IDS, POINTS]},
}
RECEIPT = {
    "type": "object",
    "required": ["receipt", "replaced", "cast_at", "ballot"],
    "properties": {
        "receipt": {"type": "string", "description": "Receipt number to show the voter."},
        "replaced": {"type": "boolean", "description": "True if it replaced an earlier ballot."},
        "cast_at": {"type": "string", "format": "date-time"},
        "ballot": {
            "type": "object",
            "description": "The ballot as validated (canonical): section key → choice. It is "
            "stored sealed; nobody can read it back before the count.",
            "additionalProperties": CANONICAL_SECTION,
        },
    },
}
SECTION = {
    "type": "object",
    "required": ["key", "label", "budget_cents", "plans"],
    "properties": {
        "key": {"type": "string"},
        "label": {"type": "string"},
        "budget_cents": {"type": "integer"},
        "plans": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "cost_cents"],
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "cost_cents": {"type": "integer"},
                },
            },
        },
    },
}


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Makes the cast safe to retry. A new random key (a UUID) per ballot; a retry of that ballot "
        "after a lost answer (a timeout, a dropped connection, a 502) sends the same key and the same "
        "body. The first answer comes back (same status, receipt and body, with Idempotent-Replayed: "
        "true) and nothing is cast or counted again. The key belongs to the voting code it came with; "
        "with a different ballot it is refused (422 idempotency_key_reused); while the first request "
        "still runs the retry waits for its answer, at most a few seconds (then 409 "
        "idempotency_key_in_use with Retry-After). A refused cast keeps nothing, so its key may be "
        "sent again. The answers are kept until the result is published. 1 to 255 visible ASCII "
        'characters; the quoted form ("…") of the IETF draft is read without its quotes.'
    ),
    "schema": {
        "type": "string",
        "minLength": 1,
        "maxLength": 255,
        "pattern": "^[!-~]+$",
        "examples": ["8e03978e-40d5-43e8-bc93-6894a57f9324"],
    },
}
REPLAYED = {
    "Idempotent-Replayed": {
        "description": "`true` when this is the stored answer to an earlier request with the same "
        "Idempotency-Key (nothing was cast now); absent otherwise.",
        "schema": {"type": "string", "enum": ["true"]},
    }
}
RETRY_EXAMPLES = {
    "first": {
        "summary": "A first ballot (and, identical, the answer to its retry with the same key)",
        "value": {
            "receipt": "4HX2M-P9QRT",
            "replaced": False,
            "cast_at": "2027-05-03T10:21:07.512345+00:00",
            "ballot": {"main": [12, 15]},
        },
    }
}


def _ballot_definition() -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["edition", "name", "sealed_to", "format", "k", "points", "sections"],
        "properties": {
            "edition": {"type": "string"},
            "name": {"type": "string"},
            "sealed_to": {
                "type": "string",
                "description": "Fingerprint of the public key every ballot is sealed to; only the "
                "officials' key shares together open the ballots, at the count.",
            },
            "format": {"type": "string", "enum": list(BallotFormat.values)},
            "k": {"type": ["integer", "null"], "description": "At most this many plans per section."},
            "points": {"type": "integer", "description": "Cumulative: points to spread per section."},
            "sections": {"type": "array", "items": SECTION},
        },
    }


def _components(by_status: dict[int, list[str]]) -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "BallotChoice": BALLOT_CHOICE,
        "CastRequest": {
            "type": "object",
            "required": ["code", "ballot"],
            "properties": {"code": CODE, "ballot": {"$ref": "#/components/schemas/BallotChoice"}},
        },
        "CodeCheck": {"type": "object", "required": ["code"], "properties": {"code": CODE}},
        "VoterState": {
            "type": "object",
            "required": ["has_voted"],
            "properties": {
                "has_voted": {
                    "type": "boolean",
                    "description": "This voter has voted online before; a new ballot replaces it. What it "
                    "said cannot be shown: ballots are sealed.",
                },
            },
        },
        "Receipt": RECEIPT,
        "BallotDefinition": _ballot_definition(),
    }
    for status, codes in by_status.items():
        schemas[f"Error{status}"] = _error_schema(codes)
    schemas["Error503"] = _unavailable_schema()
    return {"schemas": schemas}


def _unavailable_schema() -> dict[str, Any]:
    """What common.unavailable answers when the database or the cache is gone (never a 500)."""
    schema = _error_schema([UNAVAILABLE_CODE])
    schema["required"] = [*schema["required"], "retry_after"]
    schema["properties"]["retry_after"] = {"type": "integer", "minimum": 1, "description": "As Retry-After."}
    return schema


def _edition_path(method: str, operation: dict[str, Any]) -> dict[str, Any]:
    return {"parameters": [SLUG, ACCEPT_LANGUAGE], method: operation}


def _cast_path() -> dict[str, Any]:
    """Casting a ballot: 201 for a first ballot, 200 for a replacement, each maybe a retry's replay."""
    receipt = _json_content("Receipt")
    return _edition_path(
        "post",
        {
            "operationId": "castBallot",
            "summary": "Cast (or replace) the ballot of the voter holding a voting code",
            "parameters": [IDEMPOTENCY_KEY],
            "requestBody": {"required": True, "content": _json_content("CastRequest")},
            "responses": {
                "201": {
                    "description": "The first ballot of this voter (or, with Idempotent-Replayed, "
                    "the stored answer to a retry of it).",
                    "headers": REPLAYED,
                    "content": {
                        "application/json": {
                            **receipt["application/json"],
                            "examples": RETRY_EXAMPLES,
                        }
                    },
                },
                "200": {
                    "description": "It replaced this voter's earlier ballot (or, with "
                    "Idempotent-Replayed, the stored answer to a retry of that replacement).",
                    "headers": REPLAYED,
                    "content": receipt,
                },
                **_errors(400, 403, 404, 405, 409, 413, 422, 429, 503),
            },
        },
    )


def _paths() -> dict[str, Any]:
    return {
        "/v1/editions/{slug}/ballots": _cast_path(),
        "/v1/editions/{slug}/voter": _edition_path(
            "post",
            {
                "operationId": "checkVoter",
                "summary": "Before showing the ballot: may the holder of this code vote now?",
                "requestBody": {"required": True, "content": _json_content("CodeCheck")},
                "responses": {
                    "200": {"description": "The code may vote now.", "content": _json_content("VoterState")},
                    **_errors(400, 403, 404, 405, 409, 413, 429, 503),
                },
            },
        ),
        "/v1/editions/{slug}/ballot": _edition_path(
            "get",
            {
                "operationId": "getBallot",
                "summary": "The ballot of an edition whose vote is open: format, limits, sections, plans",
                "responses": {
                    "200": {"description": "The ballot.", "content": _json_content("BallotDefinition")},
                    **_errors(404, 405, 409, 503),
                },
            },
        ),
        "/schema": {
            "get": {
                "operationId": "getSchema",
                "summary": "This OpenAPI document",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1 document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    **_errors(405),
                },
            },
        },
    }


@cache
def openapi_schema() -> dict[str, Any]:
    """The whole document; error-code enums are read from the error classes, so they cannot drift."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Buurtbudget API",
            "version": "1.0.0",
            "description": (
                "Cast a ballot with a voting code, and read the ballot a kiosk shows. No cookies or "
                "sessions: the voting code is the credential. See docs/api.md."
            ),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/api"}],
        "paths": _paths(),
        "components": _components(codes_by_status()),
    }
