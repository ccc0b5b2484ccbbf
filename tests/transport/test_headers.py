"""Every route's answer carries the CSP and Permissions-Policy, personal ones ``no-store``, and no
rendered page holds what the CSP blocks (inline scripts, ``style`` attributes, ``on…=`` handlers).

The routes are generated from the URL resolver (tests/transport/routes.py), asked as an anonymous
visitor, a resident, the district's administrator and a superuser.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.transport.routes import Route, all_routes, url_for

pytestmark = pytest.mark.django_db

ROUTES = all_routes()
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def csp_problems(html: str) -> list[str]:
    problems = []
    for name, pattern in (
        ("inline script", INLINE_SCRIPT),
        ("style attribute", STYLE_ATTRIBUTE),
        ("style element", STYLE_ELEMENT),
        ("event handler attribute", HANDLER_ATTRIBUTE),
    ):
        found = pattern.search(html)
        if found:
            problems.append(f"{name}: {html[found.start() : found.start() + 80]!r}")
    return problems


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_every_answer_has_the_security_headers_and_nothing_the_csp_blocks(
    route: Route, world: dict[str, object]
) -> None:
    url = url_for(route, world["values"])  # type: ignore[arg-type]
    assert url is not None
    failures = []
    for label, user in world["users"].items():  # type: ignore[attr-defined]
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        csp = response.headers.get("Content-Security-Policy", "")
        if "script-src 'self' 'nonce-" not in csp or "unsafe-inline" in csp or "style-src 'self'" not in csp:
            failures.append(f"{label}: CSP {csp!r}")
        if "camera=()" not in response.headers.get("Permissions-Policy", ""):
            failures.append(f"{label}: no Permissions-Policy")
        if user is not None and "no-store" not in response.headers.get("Cache-Control", ""):
            failures.append(f"{label}: Cache-Control {response.headers.get('Cache-Control')!r}")
        if response.headers.get("Content-Type", "").startswith("text/html") and not response.streaming:
            failures += [f"{label}: {problem}" for problem in csp_problems(response.content.decode())]
    assert not failures, f"{url}: {failures}"


def _templates() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    skip = {"node_modules", ".venv", "staticfiles"}
    return sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if not skip & set(path.relative_to(root).parts)
    )


TEMPLATES = _templates()


@pytest.mark.parametrize("template", TEMPLATES)
def test_no_template_holds_what_the_csp_blocks(template: str) -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / template).read_text(encoding="utf-8")
    assert not csp_problems(text)


def test_the_template_check_sees_every_app() -> None:
    assert len(TEMPLATES) > 100
    assert "templates/base.html" in TEMPLATES


def test_the_checks_find_what_the_csp_blocks() -> None:
    assert len(csp_problems('<script>go()</script><p style="x" onclick="y()"><style>p{}</style>')) == 4
    assert not csp_problems('<script src="/static/js/ballot.js" defer></script><p class="style">')
