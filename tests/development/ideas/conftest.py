"""The idea tests read pages and messages in English: the source language of the strings they check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """URLs reversed under /en/ and refusals in English (the Dutch is checked by the translation tests)."""
    with translation.override("en"):
        yield
