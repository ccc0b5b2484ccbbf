"""The memoised edition lookup: published editions only, phases prefetched, kept a few seconds."""

from __future__ import annotations

from typing import Any

import pytest

from api import editions
from api.editions import forget_editions, published_edition
from tests import factories


def test_a_published_edition_comes_with_its_phases_and_then_from_the_memo(
    db: None, django_assert_num_queries: Any
) -> None:
    edition, _ = factories.make_vote()
    with django_assert_num_queries(2):
        found = published_edition(edition.slug)
    assert found == edition
    with django_assert_num_queries(0):
        again = published_edition(edition.slug)
        assert again is not None
        assert len(again.phases.all()) == len(factories.ALL_PHASE_KINDS)


def test_the_memo_expires(db: None, monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: Any) -> None:
    edition, _ = factories.make_vote()
    published_edition(edition.slug)
    monkeypatch.setattr(editions, "MEMO_SECONDS", -1.0)
    forget_editions()
    published_edition(edition.slug)
    with django_assert_num_queries(2):
        published_edition(edition.slug)


def test_unknown_and_unpublished_editions_are_none(db: None) -> None:
    hidden, _ = factories.make_vote(is_published=False)
    assert published_edition(hidden.slug) is None
    assert published_edition("no-such-edition") is None
