"""The demo, loaded once for every module of tests/demo that reads it.

Loading takes 20-40 s; the modules used to load it once each. It is loaded in a transaction rolled
back when the package's tests are done (the audit log refuses deletes, so that is the way to leave
the database as other packages expect it); each test runs in a savepoint inside it, so what a test
changes is gone before the next one.

pytest-django runs the tests marked for the database first and the others last: a test here that
reads the demo without the mark would run at the very end, after the package's fixture was torn
down, and load the demo a second time. Every test that uses the demo gets the mark (below).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from demo.services import DemoSummary, load_demo


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark each test that uses the demo for the database, so all of them run together (see above)."""
    if "demo_summary" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("django_db"):
        item.add_marker(pytest.mark.django_db)


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
