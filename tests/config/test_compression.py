"""Pages leave compressed when the browser accepts it, and unchanged when it does not."""

from __future__ import annotations

import gzip

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_accepts_it_and_reads_the_same() -> None:
    plain = Client().get("/hoe-werkt-het/")
    packed = Client().get("/hoe-werkt-het/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    unpacked = gzip.decompress(packed.content)
    assert len(packed.content) < len(unpacked) / 2
    assert b"<h1" in unpacked and b"</html>" in unpacked
    # The security headers survive compression.
    assert "Content-Security-Policy" in packed and "X-Content-Type-Options" in packed


def test_two_compressed_copies_of_a_page_with_a_secret_differ_in_length_against_breach() -> None:
    """Django pads each gzip stream with up to 100 random bytes, so the length leaks less.

    BREACH needs a secret in the page: the login form's CSRF token is one. A public page with
    nothing per visitor is kept compressed by the page cache (docs/page-cache.md): its copies may be
    the same bytes, since there is nothing in them to guess.
    """
    sizes = {len(Client().get("/account/inloggen/", HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(12)}
    assert len(sizes) > 1
