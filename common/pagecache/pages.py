"""``@cached_page``: a public view's whole response, from the cache for visitors without a session.

Who gets a cached page: a GET or HEAD without a session, a login or any cookie but the CSRF and
language cookies (a message waiting, a kiosk, a voter between code and ballot all render fresh), and
with no query parameter but those the view declares. Everyone else gets the view as it always was;
personal pages keep the ``no-store`` the transport middleware gives them.

What the browser gets: ``Cache-Control: no-cache`` with a weak ETag, so a phone on a bad line
revalidates and receives a bodiless 304 when nothing changed — never a copy it kept from before it
logged in, which a ``max-age`` would show. ``Vary: Cookie, HX-Request`` tells shared caches the same.
``X-Page-Cache: hit|miss`` says where the page came from (to operators and to the benchmarks).
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.regex_helper import _lazy_re_compile

from common.middleware import carries_session

from .generation import current_generation, read_page, release, store_page, window
from .visitor import from_placeholders, has_placeholders, to_placeholders
from .writes import has_uncommitted_writes

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
SAFE_METHODS = ("GET", "HEAD")
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")  # GZipMiddleware's test


def cached_page(*, query: Iterable[str] = ()) -> Callable[[View], View]:
    """Serve the view from the page cache to visitors without a session.

    ``query``: the query parameters the view reads (a filter, a page number); the key holds them
    sorted, and a request with any other parameter is rendered fresh rather than cached under a
    name an outsider chose.
    """
    allowed = frozenset(query)

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            generation = current_generation() if _is_shared(request, allowed) else None
            if generation is None:
                return view(request, *args, **kwargs)
            key = page_key(request, generation)
            entry = read_page(key)
            if entry is not None:
                return _answer(request, entry, source="hit")
            response = view(request, *args, **kwargs)
            entry = _entry_of(request, response)
            if entry is None:
                return response
            store_page(key, entry, settings.PAGE_CACHE_SECONDS)
            return _answer(request, entry, source="miss")

        return wrapper  # type: ignore[return-value]

    return decorate


def _is_shared(request: HttpRequest, allowed: frozenset[str]) -> bool:
    """Whether this request may get the page everybody gets (cheap tests first; no database)."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in SAFE_METHODS:
        return False
    shared_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    if not shared_cookies.issuperset(request.COOKIES) or not allowed.issuperset(request.GET):
        return False
    return not carries_session(request) and not has_uncommitted_writes()


def page_key(request: HttpRequest, generation: str) -> str:
    """The key of this request's page: everything the page may differ by, hashed."""
    normalised = sorted((name, value) for name in request.GET for value in request.GET.getlist(name))
    parts = [
        release(),
        window(generation),
        translation.get_language() or settings.LANGUAGE_CODE,
        request.path,
        repr(normalised),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f"pagecache:page:{generation}:{digest}"


def _entry_of(request: HttpRequest, response: HttpResponseBase) -> dict[str, Any] | None:
    """What to keep of a fresh response, or None when it is not the same for everybody."""
    if (
        response.status_code != 200
        or not isinstance(response, HttpResponse)
        or response.has_header("Cache-Control")
        or response.cookies
        or carries_session(request)
        or getattr(getattr(request, "session", None), "modified", False)
    ):
        return None
    body = to_placeholders(request, response.content)
    if body is None:
        return None
    entry: dict[str, Any] = {
        "content_type": response["Content-Type"],
        "etag": hashlib.sha256(body).hexdigest()[:24],
    }
    # A page with nothing per visitor is kept compressed: a hit then costs no compression (most of
    # its CPU otherwise), and the cache holds a fifth of the bytes. (BREACH needs a secret in the
    # page; such a page has none: no token, no nonce.)
    if has_placeholders(body):
        entry["body"] = body
    else:
        entry["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
    return entry


def _answer(request: HttpRequest, entry: dict[str, Any], *, source: str) -> HttpResponseBase:
    """The cached page for this visitor: a 304 if their copy is current, else the page."""
    etag = entry["etag"]
    if "body" in entry and has_placeholders(entry["body"]):
        # Their copy holds a token for their CSRF cookie: current only while that cookie is.
        cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        etag += "-" + hashlib.sha256(cookie.encode()).hexdigest()[:8]
    etag = f'W/"{etag}"'
    response: HttpResponseBase
    if _matches(request, etag):
        response = HttpResponseNotModified()
    elif "gzip" in entry and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(entry["gzip"], content_type=entry["content_type"])
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves an encoded response alone
    elif "gzip" in entry:
        response = HttpResponse(gzip.decompress(entry["gzip"]), content_type=entry["content_type"])
    else:
        response = HttpResponse(from_placeholders(request, entry["body"]), content_type=entry["content_type"])
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    response["X-Page-Cache"] = source
    patch_vary_headers(response, ("Cookie", "HX-Request", "Accept-Encoding"))
    return response


def _matches(request: HttpRequest, etag: str) -> bool:
    """If-None-Match, compared weakly (GZipMiddleware makes every ETag weak anyway)."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    candidates = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return "*" in candidates or etag.removeprefix("W/") in candidates
