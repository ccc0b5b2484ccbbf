"""Browser tests: Playwright drives Debian's chromium against a live server."""
