"""Production settings: Django's deployment check passes, HTTPS is enforced, and X-Forwarded-Proto is
believed only when a trusted proxy is configured (BUURTBUDGET_TRUSTED_PROXIES)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

ROOT = Path(__file__).resolve().parents[2]
# Set by the test run itself (the browser tests allow async-unsafe ORM calls), never in production.
TEST_ONLY_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "BUURTBUDGET_TRUSTED_PROXIES",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
}


def production_environment(**extra: str) -> dict[str, str]:
    """What production needs set, with test values."""
    environment = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        BUURTBUDGET_VOTING_KEY=secrets.token_urlsafe(32),
        DJANGO_ALLOWED_HOSTS="buurtbudget.example.org",
    )
    environment.update(extra)
    return environment


def production_settings(*names: str, **extra: str) -> dict[str, object]:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_environment(**extra),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_deployment_check_passes_at_warning_level_under_production_settings() -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_production_redirects_to_https_with_hsts_for_subdomains() -> None:
    values = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
        "TRUSTED_PROXY_COUNT",
    )
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000  # type: ignore[operator]
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    # No proxy configured: the header a client sends is never believed.
    assert values["TRUSTED_PROXY_COUNT"] == 0
    assert values["SECURE_PROXY_SSL_HEADER"] is None


def test_the_forwarded_scheme_is_believed_only_behind_a_configured_proxy() -> None:
    values = production_settings("SECURE_PROXY_SSL_HEADER", BUURTBUDGET_TRUSTED_PROXIES="1")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=None, SECURE_HSTS_SECONDS=31536000)
def test_without_a_proxy_a_forged_forwarded_proto_still_gets_the_https_redirect() -> None:
    response = Client().get("/hoe-werkt-het/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/hoe-werkt-het/"


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
)
def test_behind_the_proxy_https_requests_are_served_with_hsts() -> None:
    client = Client()
    assert client.get("/hoe-werkt-het/", HTTP_X_FORWARDED_PROTO="http").status_code == 301
    response = client.get("/hoe-werkt-het/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
