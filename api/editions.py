"""The published edition behind an API address, with its phases, memoised briefly in each process."""

from __future__ import annotations

import time

from django.http import Http404

from editions.decorators import load_edition
from editions.models import Edition

# Every ballot cast reads the edition and its phases. They change rarely (an early closure shortens
# the decision phase), so each server process keeps them a few seconds: two queries, or a round trip
# to the shared cache plus unpickling, less per ballot. The cast itself checks the decision phase in
# the database when it writes (voting.services.casting), so an early closure takes effect at once.
MEMO_SECONDS = 5.0

_memo: dict[str, tuple[float, Edition]] = {}


def published_edition(slug: str) -> Edition | None:
    """The published edition with this slug, its ``phases`` prefetched; None if there is none."""
    now = time.monotonic()
    held = _memo.get(slug)
    if held is not None and held[0] > now:
        return held[1]
    try:
        edition = load_edition(slug, published=True)  # the pages' look-up; the API answers its 404 in JSON
    except Http404:
        _memo.pop(slug, None)
        return None
    if len(_memo) > 1000:  # only a handful of editions vote at once; unknown slugs are not kept
        _memo.clear()
    _memo[slug] = (now + MEMO_SECONDS, edition)
    return edition


def forget_editions() -> None:
    """Empty the memo (tests that change an edition's phases between requests)."""
    _memo.clear()
