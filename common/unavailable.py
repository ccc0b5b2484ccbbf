"""Outages answer 503 with Retry-After: the database or the cache gone is not a bug of ours.

During a PostgreSQL restart clients got HTML 500s without Retry-After (issue 19 §2): a kiosk could not
tell "try again in a moment" from "this is broken", and an operator's 5xx alert could not either.
``ServiceUnavailableMiddleware`` turns an exception that means *a service we need is unavailable*
into a 503 with ``Retry-After`` (``OUTAGE_RETRY_AFTER_SECONDS``): under ``/api/`` the API's error
shape, ``{"error": "service_unavailable", "message": …, "retry_after": …}``; elsewhere a translated
page (``templates/503.html``) rendered without the request's context, so no context processor
queries the database that is gone. Exceptions raised outside views (a middleware saving the session)
reach ``handler500`` instead, which asks ``unavailable_response`` the same question.

What counts as unavailable (``unavailable_service``):

- ``InterfaceError``: the connection is closed or unusable;
- ``OperationalError`` from PostgreSQL without an SQLSTATE (connection refused, the server closed
  the connection) or with one that says the server is gone or out of resources: class 08
  (connection exceptions, also what PgBouncer answers when its pool or queue is exhausted), 57P01
  to 57P03 (shut down, crashed, starting up), class 53 (too many connections, disk full, out of
  memory) and class 58 (I/O errors);
- from SQLite: the database locked past its 20 s busy timeout, or a file that cannot be opened,
  read or written;
- Redis unreachable or timing out (the production cache falls back by itself; a Redis used
  directly elsewhere does not).

Everything else stays a 500, because it is ours to fix and retrying will not help: programming,
integrity and data errors, a missing table, a statement timeout or a deadlock (which point at our
queries, not at the server).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import redis
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation.trans_real import parse_accept_lang_header

logger = logging.getLogger(__name__)

DATABASE = "database"
CACHE = "cache"
API_PREFIX = "/api/"
UNAVAILABLE_CODE = "service_unavailable"
GONE_SQLSTATE_CLASSES = ("08", "53", "58")
GONE_SQLSTATES = ("57P01", "57P02", "57P03")
SQLITE_GONE = (
    "database is locked",
    "unable to open database file",
    "disk i/o error",
    "database or disk is full",
)


def unavailable_service(error: BaseException) -> str | None:
    """ "database" or "cache" when ``error`` means that service is unavailable, else None (a bug: 500)."""
    if isinstance(error, InterfaceError):
        return DATABASE
    if isinstance(error, OperationalError):
        return DATABASE if _database_gone(error) else None
    if isinstance(error, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError):
        return CACHE
    return None


def _database_gone(error: OperationalError) -> bool:
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None)
    if type(cause).__module__.startswith("psycopg"):
        if not sqlstate:
            return True  # no answer from a server at all: refused, reset, closed
        return sqlstate[:2] in GONE_SQLSTATE_CLASSES or sqlstate in GONE_SQLSTATES
    return any(text in str(cause).lower() for text in SQLITE_GONE)


def retry_after_seconds() -> int:
    return int(settings.OUTAGE_RETRY_AFTER_SECONDS)


def unavailable_response(request: HttpRequest, error: BaseException) -> HttpResponse | None:
    """The 503 for ``error`` if it means a service is unavailable; None for any other error."""
    service = unavailable_service(error)
    if service is None:
        return None
    logger.warning("%s unavailable: %s: %s", service, type(error).__name__, str(error).splitlines()[:1])
    retry_after = retry_after_seconds()
    if request.path_info.startswith(API_PREFIX):
        response: HttpResponse = _api_response(request, retry_after)
    else:
        response = _page_response(request, retry_after)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _api_response(request: HttpRequest, retry_after: int) -> JsonResponse:
    """The API's error shape (api/errors.py), in the language of Accept-Language as the API speaks."""
    language = _accepted_language(request)
    with translation.override(language):
        message = gettext("The service is briefly unavailable. Please try again in a few seconds.")
    body = {"error": UNAVAILABLE_CODE, "message": message, "retry_after": retry_after}
    response = JsonResponse(body, status=503, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    return response


def _page_response(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The friendly page, in the language of the address (/en/…), rendered without the request."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = loader.get_template("503.html").render(
            {
                "language": language,
                "bidi": translation.get_language_bidi(),
                "retry_after": retry_after,
                "home": "/" if language == settings.LANGUAGE_CODE else f"/{language}/",
            }
        )
    response = HttpResponse(content, status=503)
    response["Content-Language"] = language
    return response


def _accepted_language(request: HttpRequest) -> str:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


class ServiceUnavailableMiddleware:
    """503 with Retry-After for a view (or its template) that met an unavailable database or cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return unavailable_response(request, exception)
