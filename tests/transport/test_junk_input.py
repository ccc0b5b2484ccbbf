"""Junk in the query string or path of every GET route gives a 400 or a page, never a 500.

The routes are generated from the URL resolver (tests/transport/routes.py), the query parameter
names from the source; each route is asked as an anonymous visitor, a resident who owns a plan, the
district's administrator and a superuser (the admin), with NUL bytes, over-long values, wrong types,
undecodable bytes and repeated parameters, and with junk in its path parameters. PostgreSQL refuses
NUL bytes in text, so the same sweep on PostgreSQL is where such input used to end in a 500.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client

from accounts.models import User
from tests.transport.routes import Route, all_routes, query_parameter_names, url_for

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
NAMES = sorted(query_parameter_names())


def _query(value: str, names: list[str] = NAMES) -> str:
    return "?" + "&".join(f"{name}={value}" for name in names)


# Refused by common.middleware.RequestGuardMiddleware before any view runs.
REFUSED = {
    "nul": _query("%00"),
    "nul-in-name": "?edi%00tion=1",
    "over-long": _query("x" * 1001),
}
# Django unquotes the octal escape: a session key with a NUL byte, looked up in the database.
NUL_SESSION_COOKIE = 'sessionid="abcdefghij\\000klmnop"'
# Reach the views: each must answer with a page, a redirect, a 4xx or the form's error.
TOLERATED = {
    "words": _query("abc"),
    "negative": _query("-1"),
    "huge-number": _query("99999999999999999999"),
    "undecodable": _query("%FF%FE%ED%A0%80"),
    "markup": _query(quote("<script>alert(1)</script>'\"")),
    "repeated": "?" + "&".join(f"{name}=1&{name}=2&{name}[]=3" for name in NAMES),
    "empty": _query(""),
}


def _clients(world: dict[str, object], route: Route) -> dict[str, Client]:
    users: dict[str, User | None] = world["users"]  # type: ignore[assignment]
    clients = {}
    for label, user in users.items():
        if route.is_admin and label not in ("anonymous", "superuser"):
            continue
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        clients[label] = client
    return clients


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_junk_in_the_query_string_never_gives_a_500(route: Route, world: dict[str, object]) -> None:
    url = url_for(route, world["values"])  # type: ignore[arg-type]
    assert url is not None
    failures = []
    for label, client in _clients(world, route).items():
        for junk, query in REFUSED.items():
            status = client.get(url + query).status_code
            if status != 400:
                failures.append(f"{label} {junk}: {status}")
        status = client.get(url, HTTP_COOKIE=NUL_SESSION_COOKIE).status_code
        if status != 400:
            failures.append(f"{label} nul-in-cookie: {status}")
        for junk, query in TOLERATED.items():
            status = client.get(url + query).status_code
            if status >= 500:
                failures.append(f"{label} {junk}: {status}")
    assert not failures, f"{url}: {failures}"


@pytest.mark.parametrize(
    "route", [r for r in ROUTES if r.parameters], ids=[r.name for r in ROUTES if r.parameters]
)
def test_junk_in_the_path_never_gives_a_500(route: Route, world: dict[str, object]) -> None:
    url = url_for(route, world["values"], junk=True)  # type: ignore[arg-type]
    if url is None:
        pytest.skip("no junk value fits this route's converter")
    failures = []
    for label, client in _clients(world, route).items():
        status = client.get(url).status_code
        if status >= 500:
            failures.append(f"{label}: {status}")
    assert not failures, f"{url}: {failures}"


def test_the_sweep_covers_the_app_and_the_admin() -> None:
    names = {route.name for route in ROUTES}
    assert {"proposals:list", "pages:plan", "voting:manage", "outcomes:result_csv"} <= names
    assert sum(route.is_admin for route in ROUTES) > 20
    assert {"edition", "q", "theme", "pagina", "next"} <= set(NAMES)
