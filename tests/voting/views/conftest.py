"""Fixtures of the vote's pages; the officials' page modules ask for ``english`` and ``private_root``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation
from pytest_django import Settings

from editions.models import Edition
from places.models import District
from proposals.models import Plan
from tests import factories

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def client() -> Client:
    return Client(enforce_csrf_checks=False)


@pytest.fixture
def english() -> Iterator[None]:
    """Pages in English: reverse() gives /en/ paths (the Dutch texts arrive with the lead's .po merge)."""
    with translation.override("en"):
        yield


@pytest.fixture
def private_root(settings: Settings, tmp_path: Path) -> Path:
    settings.PRIVATE_FILES_ROOT = tmp_path
    settings.TASKS = IMMEDIATE
    return tmp_path


@pytest.fixture
def vote(district: District) -> tuple[Edition, list[Plan]]:
    edition, plans = factories.make_vote(district=district)
    return edition, plans


@pytest.fixture
def upcoming(district: District) -> Edition:
    edition, _ = factories.make_vote(district=district, phase="review")
    factories.make_neighbourhood(district=district, name="Slotervaart")
    return edition
