"""The page cache's parts: the statements that retire pages, per-visitor values, a real and a dead Redis."""

from __future__ import annotations

import re
import time

import pytest
from django.core.cache import caches
from django.middleware.csrf import _unmask_cipher_token  # type: ignore[attr-defined]
from django.test import Client
from django.test.utils import override_settings

from common.pagecache import generation
from common.pagecache.writes import changes_pages
from tests.helpers import REDIS

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
NONCE = re.compile(r'<script nonce="([^"]+)">')


@pytest.mark.parametrize(
    ("sql", "changes"),
    [
        ('INSERT INTO "proposals_plan" ("title") VALUES (%s)', True),
        ('UPDATE "proposals_plan" SET "title" = %s WHERE "proposals_plan"."id" = %s', True),
        ('DELETE FROM "proposals_comment" WHERE "proposals_comment"."id" IN (%s)', True),
        ('INSERT OR IGNORE INTO "proposals_like" ("plan_id") VALUES (%s)', True),
        ('TRUNCATE "editions_edition"', True),
        ('WITH x AS (SELECT 1) UPDATE "proposals_plan" SET "title" = %s', True),
        ('SELECT "proposals_plan"."id" FROM "proposals_plan" FOR UPDATE', False),
        ('SAVEPOINT "s1"', False),
        ('INSERT INTO "voting_ballot" ("sealed") VALUES (%s)', False),
        ('UPDATE "voting_voter" SET "ballots_cast" = ("voting_voter"."ballots_cast" + %s) WHERE 1', False),
        ('INSERT INTO "django_session" ("session_key") VALUES (%s)', False),
        ('UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s', False),
        (
            'UPDATE "accounts_user" SET "last_login" = %s, "display_name" = %s WHERE "id" = %s',
            True,
        ),
    ],
)
def test_which_statements_retire_the_pages(sql: str, changes: bool) -> None:
    assert changes_pages(sql) is changes


def _form(client: Client) -> tuple[str, str]:
    response = client.get("/formulier/")
    assert response.status_code == 200
    page = response.content.decode()
    token, nonce = TOKEN.search(page), NONCE.search(page)
    assert token and nonce, page
    assert f"'nonce-{nonce.group(1)}'" in response["Content-Security-Policy"]
    return token.group(1), response["X-Page-Cache"]


@pytest.mark.urls("tests.common.urls_pagecache")
def test_each_visitor_of_a_cached_form_gets_their_own_token_and_nonce_and_can_post(db: None) -> None:
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token_first, source_first = _form(first)
    token_second, source_second = _form(second)
    assert (source_first, source_second) == ("miss", "hit")
    secrets = [_unmask_cipher_token(t) for t in (token_first, token_second)]
    assert secrets == [first.cookies["csrftoken"].value, second.cookies["csrftoken"].value]
    assert secrets[0] != secrets[1]
    pages = [v for v in caches["pages"]._cache.values() if b"<form" in v]  # type: ignore[attr-defined]
    assert len(pages) == 1 and b"\x00csrf\x00" in pages[0], "the cached page holds the placeholder"
    assert not any(token.encode() in pages[0] for token in (token_first, token_second))
    for client, token in ((first, token_first), (second, token_second)):
        assert client.post("/formulier/", {"csrfmiddlewaretoken": token}).content == b"sent"
    assert (
        Client(enforce_csrf_checks=True).post("/formulier/", {"csrfmiddlewaretoken": token_first}).status_code
        == 403
    )


@pytest.mark.urls("tests.common.urls_pagecache")
def test_a_page_with_a_token_outside_a_form_field_is_never_shared(db: None) -> None:
    first, second = Client(), Client()
    for client in (first, second):
        response = client.get("/lek/")
        assert "X-Page-Cache" not in response
    first_token = re.search(r'data-token="(\w+)"', first.get("/lek/").content.decode())
    second_page = second.get("/lek/").content.decode()
    assert first_token and first_token.group(1) not in second_page


@pytest.mark.urls("tests.common.urls_pagecache")
def test_with_the_page_cache_on_a_real_redis_pages_are_shared_and_writes_retire_them(db: None) -> None:
    redis = {"BACKEND": "common.cache.ReusingRedisCache", "LOCATION": f"{REDIS}/12"}
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "pages": redis}
    ):
        caches["pages"].clear()
        assert _form(Client())[1] == "miss" and _form(Client())[1] == "hit"
        generation.bump_generation()
        assert _form(Client())[1] == "miss"
        caches["pages"].clear()


@pytest.mark.urls("tests.common.urls_pagecache")
def test_with_redis_unreachable_pages_render_fresh_at_once(db: None) -> None:
    dead = {
        "BACKEND": "common.cache.ReusingRedisCache",
        "LOCATION": "redis://127.0.0.1:8741/12",  # nothing listens here
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
    with override_settings(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "pages": dead}
    ):
        started = time.monotonic()
        for _ in range(20):
            response = Client().get("/formulier/")
            assert response.status_code == 200 and "X-Page-Cache" not in response
        generation.bump_generation()  # owed, not lost
        assert time.monotonic() - started < 2
    generation._state.down_until = 0.0
    generation._state.bump_owed = False
