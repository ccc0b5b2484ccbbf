"""The scrubber: codes, e-mail addresses and signed tokens replaced; ordinary log text left alone."""

from __future__ import annotations

import uuid

from django.core import signing

from common import codes
from common.observability.context import new_request_id
from common.observability.scrub import CODE, EMAIL, TOKEN, scrub, scrub_value


def test_codes_in_every_typed_form_are_replaced() -> None:
    code = codes.new_code()
    for typed in (code, code.lower(), code.replace("-", ""), code.replace("-", " ")):
        assert scrub(f"code {typed} refused") == f"code {CODE} refused"


def test_e_mail_addresses_also_percent_encoded_are_replaced() -> None:
    assert scrub("Key (email)=(anna.de-vries+stem@example.org) exists") == f"Key (email)=({EMAIL}) exists"
    assert scrub("?next=/x&email=anna%40example.org") == f"?next=/x&email={EMAIL}"


def test_signed_tokens_and_password_reset_tokens_are_replaced() -> None:
    token = signing.dumps({"u": 12, "h": "0123456789abcdef0123"}, salt="accounts.login_link", compress=True)
    assert token not in scrub(f"/account/inloglink/{token}/") and TOKEN in scrub(token)
    assert scrub("wachtwoord-herstellen/MQ/cjx2bk-5e4c0a9f8b7d6e5c4b3a29180f7e6d5c/") == (
        f"wachtwoord-herstellen/MQ/{TOKEN}/"
    )


def test_ordinary_log_text_ids_and_times_are_kept() -> None:
    kept = [
        "Count 12345 of edition 7 failed: engine_failed",
        f"request {new_request_id()} task {uuid.uuid4()}",
        "2026-12-07T03:12:34.123+00:00 Task id=3f2a8c1e-9b4d-4c2a-8e1f-0123456789ab path=outcomes.tasks.x",
        "Booting worker with pid: 4194301",
        "Not Found: voting:start",
    ]
    for text in kept:
        assert scrub(text) == text


def test_nested_values_are_scrubbed_and_other_types_kept() -> None:
    code = codes.new_code()
    event = {"message": f"{code}", "extra": {"list": [f"a@b.nl {code}", 3, None]}, "level": 40}
    assert scrub_value(event) == {
        "message": CODE,
        "extra": {"list": [f"{EMAIL} {CODE}", 3, None]},
        "level": 40,
    }
