"""The demo, loaded once for every module of tests/demo that reads it.

Loading takes 20-40 s; the modules used to load it once each. It is loaded in a transaction rolled
back when the package's tests are done (the audit log refuses deletes, so that is the way to leave
the database as other packages expect it); each test runs in a savepoint inside it, so what a test
changes is gone before the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from demo.services import DemoSummary, load_demo


@pytest.fixture(scope="package")
def demo_summary(django_db_setup: None, django_db_blocker: Any) -> Iterator[DemoSummary]:
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_summary: DemoSummary) -> None:
    """The loaded demo, for tests that read the database."""


@pytest.fixture
def summary(demo_summary: DemoSummary) -> DemoSummary:
    """The loaded demo and what the loader reported (codes printed, votes)."""
    return demo_summary
