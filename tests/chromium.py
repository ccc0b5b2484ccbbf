"""One chromium for the whole session: Debian's, driven by Playwright's sync API.

The root conftest imports the ``browser`` fixture, so the browser tests and the topology's test
(tests/deploy/test_prod_local.py) share one instance: a second ``sync_playwright()`` in the same
thread, while the first one's event loop runs, is refused by Playwright.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls from a
# thread with a running loop unless told it is safe (it is: the loop is Playwright's, not ours).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium; install it with "
            "`make browser` (apt-get install chromium).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
