"""common.middleware: junk requests get a 400 before any view; every answer gets the browser headers."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from accounts.models import User
from common.middleware import content_security_policy
from editions.models import Edition
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


def test_a_nul_byte_in_the_plan_filter_is_a_400_not_a_500(client: Client, edition: Edition) -> None:
    response = client.get("/plannen/?edition=%00")
    assert response.status_code == 400
    assert b"Ongeldig verzoek" in response.content and b"Bad request" in response.content


def test_a_nul_byte_in_the_path_is_a_400(client: Client, edition: Edition) -> None:
    assert client.get(f"/stemmen/{edition.slug}%00/").status_code == 400
    assert client.get("/plannen/uitnodiging/abc%00def/").status_code == 400


def test_a_nul_byte_in_the_session_cookie_is_a_400_not_a_500(client: Client, edition: Edition) -> None:
    # Django unquotes a quoted cookie's octal escapes: this session key holds a NUL byte, which
    # PostgreSQL refused when the session was looked up.
    assert client.get("/", HTTP_COOKIE='sessionid="abcdefghij\\000klmnop"').status_code == 400
    assert client.get("/", HTTP_COOKIE="sessionid=abcdefghijklmnop").status_code == 200


@override_settings(REQUEST_QUERY_VALUE_MAX_LENGTH=50)
def test_an_over_long_query_value_or_name_is_a_400(client: Client, edition: Edition) -> None:
    assert client.get("/plannen/?q=" + "x" * 51).status_code == 400
    assert client.get("/plannen/?" + "x" * 51 + "=1").status_code == 400
    assert client.get("/plannen/?q=" + "x" * 50).status_code == 200


def test_a_nul_byte_in_a_form_is_a_400_and_changes_nothing(client: Client, resident: User) -> None:
    client.force_login(resident)
    before = User.objects.get(pk=resident.pk).display_name
    response = client.post(reverse("accounts:profile"), {"display_name": "Anna\x00"})
    assert response.status_code == 400
    assert User.objects.get(pk=resident.pk).display_name == before


def test_a_nul_byte_in_a_multipart_form_is_a_400(client: Client, resident: User, edition: Edition) -> None:
    client.force_login(resident)
    upload = SimpleUploadedFile("a.png", factories.make_image_bytes(), content_type="image/png")
    response = client.post(reverse("accounts:profile"), {"display_name": "A\x00", "image": upload})
    assert response.status_code == 400


@override_settings(REQUEST_BODY_MAX_BYTES=1000)
def test_a_body_announced_over_the_limit_is_refused_before_it_is_read(client: Client) -> None:
    # The test client's payload refuses to be read past what is really there: announcing more than
    # the 10 bytes sent proves the middleware answered from the header alone.
    response = client.generic(
        "POST", reverse("accounts:login"), b"0123456789", content_type="text/plain", CONTENT_LENGTH="5000"
    )
    assert response.status_code == 400


def test_a_content_length_that_is_not_a_number_is_a_400(client: Client) -> None:
    response = client.generic("POST", reverse("accounts:login"), b"", CONTENT_LENGTH="lots")
    assert response.status_code == 400


def test_every_answer_has_a_csp_without_unsafe_inline_and_a_fresh_nonce(
    client: Client, edition: Edition
) -> None:
    first, second, missing = client.get("/"), client.get("/"), client.get("/bestaat-niet/")
    for response in (first, second, missing):
        csp = response.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "default-src 'self'" in csp and "style-src 'self';" in csp and "frame-ancestors 'none'" in csp
        assert "camera=()" in response.headers["Permissions-Policy"]
    assert missing.status_code == 404
    assert first.headers["Content-Security-Policy"] != second.headers["Content-Security-Policy"]


def test_the_policy_allows_scripts_only_from_the_site_or_with_the_nonce() -> None:
    assert "script-src 'self' 'nonce-abc';" in content_security_policy("abc")
    assert "object-src 'none'" in content_security_policy("abc")


def test_public_pages_for_visitors_may_be_cached(client: Client, edition: Edition) -> None:
    # Kept and revalidated by its ETag (the page cache, docs/page-cache.md), never no-store.
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_every_page_for_a_logged_in_user_is_no_store(
    client: Client, resident: User, edition: Edition
) -> None:
    client.force_login(resident)
    personal = [reverse(name) for name in ("proposals:my_plans", "notifications:list", "accounts:profile")]
    for url in ["/", *personal]:
        assert client.get(url).headers["Cache-Control"] == "no-store", url


def test_a_visitor_with_a_session_gets_no_store(client: Client, edition: Edition) -> None:
    session = client.session
    session["anything"] = "personal"
    session.save()
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_a_view_that_sets_its_own_cache_control_keeps_it(client: Client, resident: User) -> None:
    client.force_login(resident)
    # The login page is never_cache: Django's value (which includes no-store) stays.
    assert "no-store" in client.get(reverse("accounts:login")).headers["Cache-Control"]
    assert "private" in client.get(reverse("accounts:login")).headers["Cache-Control"]
