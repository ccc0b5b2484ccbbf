"""The API's own refusals and the one table that maps every service error to an HTTP status."""

from __future__ import annotations

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from ballots.errors import BallotError
from common import code_guard
from common.errors import ServiceError
from voting.errors import EligibilityError, IdempotencyError, VoteStateError


class RequestError(ServiceError):
    """A request the API cannot read, or a resource it does not have (before any service is called)."""

    messages = {
        "not_json": _("The request body must be a JSON object."),
        "body_too_large": _("The request body is too large."),
        "missing_field": _("The request needs a field “%(field)s” of type %(type)s."),
        "unknown_edition": _("There is no published edition “%(edition)s”."),
        "method_not_allowed": _("This address does not accept %(method)s; use %(allowed)s."),
    }


REQUEST_STATUS = {
    "not_json": 400,
    "missing_field": 400,
    "body_too_large": 413,
    "unknown_edition": 404,
    "method_not_allowed": 405,
}

# Every error class a ballot endpoint can meet, with the status its codes answer (exceptions below).
STATUS_OF_CLASS: dict[type[ServiceError], int] = {
    EligibilityError: 403,
    VoteStateError: 409,
    BallotError: 422,
    IdempotencyError: 422,  # idempotency_key_reused; the key's other refusals below
}
STATUS_OF_CODE = {
    "too_many_attempts": 429,
    "bad_idempotency_key": 400,
    "idempotency_key_in_use": 409,
    **REQUEST_STATUS,
}


def status_of(error: ServiceError) -> int:
    if error.code in STATUS_OF_CODE:
        return STATUS_OF_CODE[error.code]
    return STATUS_OF_CLASS[type(error)]


def codes_by_status() -> dict[int, list[str]]:
    """Status → every error code that can answer with it, read from the error classes' message tables."""
    by_status: dict[int, list[str]] = {}
    error_classes: tuple[type[ServiceError], ...] = (RequestError, *STATUS_OF_CLASS)
    for error_class in error_classes:
        for code in error_class.messages:
            status = STATUS_OF_CODE.get(code) or STATUS_OF_CLASS[error_class]
            by_status.setdefault(status, []).append(code)
    return dict(sorted(by_status.items()))


def retry_after_seconds() -> int:
    """Seconds until the guessing limits' current windows end (the longer of the two)."""
    return code_guard.retry_after_seconds()


def error_response(error: ServiceError, *, language: str) -> JsonResponse:
    """``{"error": code, "message": translated}`` with the status the code maps to."""
    status = status_of(error)
    response = JsonResponse({"error": error.code, "message": error.message}, status=status)
    response.headers["Content-Language"] = language
    if status == 429:
        response.headers["Retry-After"] = str(retry_after_seconds())
    if error.code == "idempotency_key_in_use":  # the holder's lease left, at most
        response.headers["Retry-After"] = str(error.params.get("retry_after", 1))
    return response
