"""The representativeness measures, worked out by hand."""

from __future__ import annotations

import pytest

from evaluation.participation.measures import proportional_similarity, rate_ratio


def test_the_ratio_divides_the_lowest_rate_by_the_highest() -> None:
    # rates: a 50/500 = 0.10, b 30/200 = 0.15, c 12/300 = 0.04 → 0.04 / 0.15
    ratio = rate_ratio({"a": 50, "b": 30, "c": 12}, {"a": 500, "b": 200, "c": 300})
    assert ratio == pytest.approx(0.04 / 0.15)
    # a group without a known population is left out; one left is no comparison
    assert rate_ratio({"a": 50, "b": 30}, {"a": 500, "b": None}) is None
    assert rate_ratio({}, {"a": 500, "b": 200}) is None


def test_the_psi_adds_the_smaller_of_each_groups_two_shares() -> None:
    # participants 60/20/20 %, population 40/40/20 %: min → 40 + 20 + 20 = 80 %
    assert proportional_similarity({"a": 6, "b": 2, "c": 2}, {"a": 40, "b": 40, "c": 20}) == pytest.approx(
        0.8
    )
    # the same spread: 1; everyone from a group where nobody lives: 0
    assert proportional_similarity({"a": 1, "b": 3}, {"a": 10, "b": 30}) == pytest.approx(1.0)
    assert proportional_similarity({"a": 5}, {"a": 0, "b": 30}) == pytest.approx(0.0)


def test_the_psi_is_unknown_without_participants_residents_or_a_groups_population() -> None:
    assert proportional_similarity({}, {"a": 10}) is None
    assert proportional_similarity({"a": 3}, {"a": 0}) is None
    assert proportional_similarity({"a": 3}, {"a": 10, "b": None}) is None
