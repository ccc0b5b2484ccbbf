"""The Equal Shares engine: float64 fast path against the exact path, and the near-tie fallback."""

from __future__ import annotations

import importlib.util
import os
from fractions import Fraction
from pathlib import Path
from types import ModuleType
from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pbrules.rules.mes_engine as engine
import pbrules.rules.mes_exact as exact_path
import pbrules.rules.mes_fast as fast_path
import pbrules.rules.mes_replay as mes_replay
import pbrules.rules.mes_rho as rho_path
import pbrules.rules.mes_search as mes_search
from pbrules.instance import build_instance, to_instance
from pbrules.model import Instance
from pbrules.pabulib import read_instance
from pbrules.rules.mes import Completion, equal_shares, run_mes

HERE = Path(__file__).resolve().parent
PABULIB = Path(os.environ.get("PABULIB_DIR") or HERE.parents[2] / "shared" / "data" / "pabulib")
ANIN = PABULIB / "Poland_Warszawa_2019_Anin.pb"


def _strategies() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pbstrategies", HERE / "pbstrategies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pbs = _strategies()


def _no_fast_runs(
    P: object, betas: list[Fraction], cap: int | None = None, budget: int | None = None
) -> list[None]:
    return [None] * len(betas)


def _betas(instance: Instance) -> list[Fraction]:
    n = max(instance.num_voters, 1)
    return [Fraction(instance.budget * (100 + k), 100 * n) for k in (0, 7, 30, 100, 250)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=st.sampled_from(["approval", "cumulative", "ordinal"]).flatmap(
        lambda vt: pbs.elections(vote_type=vt, max_projects=7, max_voters=10, max_cost=6)
    ),
    satisfaction=st.sampled_from(["cost", "cardinality"]),
)
def test_fast_runs_equal_exact_runs(election: object, satisfaction: str) -> None:
    instance = to_instance(election)  # type: ignore[arg-type]
    P = engine.prepare(instance, satisfaction, None)  # type: ignore[arg-type]
    betas = _betas(instance)
    fast = fast_path.run_fast_many(P, betas)
    for beta, run in zip(betas, fast, strict=True):
        exact = exact_path.run_exact(P, beta)
        if run is not None:  # None: too close to call in float64, the caller uses the exact path
            assert run.order == exact.order
        assert run_mes(P, beta).order == exact.order


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=st.sampled_from(["approval", "cumulative", "ordinal"]).flatmap(
        lambda vt: pbs.elections(vote_type=vt, max_projects=7, max_voters=10, max_cost=6)
    ),
    satisfaction=st.sampled_from(["cost", "cardinality"]),
)
def test_sort_based_water_filling_behind_newton_equals_exact_runs(
    election: object, satisfaction: str
) -> None:
    """With no Newton step allowed, every price comes from the sort-based fallback."""
    instance = to_instance(election)  # type: ignore[arg-type]
    P = engine.prepare(instance, satisfaction, None)  # type: ignore[arg-type]
    betas = _betas(instance)
    with patch.object(rho_path, "_NEWTON_STEPS", 0):
        fast = fast_path.run_fast_many(P, betas)
    for beta, run in zip(betas, fast, strict=True):
        if run is not None:
            assert run.order == exact_path.run_exact(P, beta).order


def _tied_election() -> Instance:
    # B and C tie exactly (cost / supporters = 5) with nobody short of money: settled exactly, no fallback
    ids = ["A", "B", "C"]
    rows = [([0, 1], None, 1), ([1, 2], None, 1), ([2], None, 1), ([0], None, 1)]
    return build_instance(ids, [Fraction(30), Fraction(10), Fraction(10)], Fraction(40), "approval", rows)


def test_exact_ties_between_unconstrained_projects_need_no_fallback() -> None:
    instance = _tied_election()
    P = engine.prepare(instance, "cardinality", None)
    run = fast_path.run_fast(P, Fraction(10))
    assert run is not None
    assert [instance.project_ids[p] for p in run.order][:2] == ["B", "C"]


def test_near_ties_fall_back_to_the_exact_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a huge tolerance every comparison is 'too close': the fast path refuses, the exact one decides."""
    instance = read_instance(ANIN) if ANIN.exists() else _tied_election()
    expected = equal_shares(instance, explain=False).selected
    P = engine.prepare(instance, "cost", None)
    beta = Fraction(instance.budget, instance.num_voters)
    exact = exact_path.run_exact(P, beta)
    monkeypatch.setattr(fast_path, "TOL", 0.5)
    monkeypatch.setattr(rho_path, "TOL", 0.5)
    assert fast_path.run_fast(P, beta) is None
    assert run_mes(P, beta).order == exact.order
    assert equal_shares(instance, explain=False).selected == expected


def test_exhaustion_with_only_exact_runs_gives_the_same_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    instance = _tied_election()
    completions: tuple[Completion, ...] = ("exhaustion", "add1", "none")
    for completion in completions:
        fast = equal_shares(instance, completion=completion)
        monkeypatch.setattr(mes_search, "run_fast_many", _no_fast_runs)
        exact = equal_shares(instance, completion=completion)
        monkeypatch.undo()
        assert fast.selected == exact.selected
        assert fast.trace == exact.trace


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(election=pbs.elections(vote_type="approval", max_projects=6, max_voters=8, max_cost=5))
def test_exhaustion_search_equals_the_all_exact_search(election: object) -> None:
    instance = to_instance(election)  # type: ignore[arg-type]
    if instance.budget == 0:
        return
    fast = equal_shares(instance, explain=False)
    with patch.object(mes_search, "run_fast_many", _no_fast_runs):
        exact = equal_shares(instance, explain=False)
    assert fast.selected == exact.selected
    assert fast.params == exact.params


def test_replayed_prices_are_exact_fractions() -> None:
    instance = _tied_election()
    out = equal_shares(instance, satisfaction="cardinality", completion="none")
    for step in out.trace:
        assert isinstance(step.price_per_supporter, Fraction)


def _replays(instance: Instance, satisfaction: str, beta: Fraction) -> tuple[object, object, object]:
    P = engine.prepare(instance, satisfaction, None)  # type: ignore[arg-type]
    run = exact_path.run_exact(P, beta)
    return (
        P,
        mes_replay.replay(P, beta, run.order, run.free),
        exact_path.replay_exact(P, beta, run.order, run.free),
    )


def _same_replay(P: engine.Prepared, new: mes_replay.Replay, old: mes_replay.Replay) -> None:
    assert new.prices == old.prices
    for p in range(P.num_projects):
        for cost in {P.costs[p], P.costs[p] // 2, 2 * P.costs[p] + 1}:
            assert new.short_of(P, p, cost) == old.short_of(P, p, cost)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=st.sampled_from(["approval", "cumulative", "ordinal"]).flatmap(
        lambda vt: pbs.elections(vote_type=vt, max_projects=7, max_voters=10, max_cost=6)
    ),
    satisfaction=st.sampled_from(["cost", "cardinality"]),
    raise_by=st.sampled_from([0, 7, 30, 100]),
)
def test_history_replay_equals_the_interned_replay(
    election: object, satisfaction: str, raise_by: int
) -> None:
    """Small integer elections are full of exact ties (budgets equal to the share): the near-tie checks
    of the history replay are exercised, and its prices and final budgets must be the interned ones."""
    instance = to_instance(election)  # type: ignore[arg-type]
    beta = _betas(instance)[0] * (100 + raise_by) / 100
    P, new, old = _replays(instance, satisfaction, beta)
    _same_replay(P, new, old)  # type: ignore[arg-type]


@pytest.mark.parametrize("satisfaction", ["cost", "cardinality"])
def test_history_replay_on_a_real_file(satisfaction: str) -> None:
    instance = read_instance(ANIN) if ANIN.exists() else _tied_election()
    P, new, old = _replays(instance, satisfaction, _betas(instance)[2])
    assert isinstance(new, mes_replay.HistoryReplay)
    _same_replay(P, new, old)  # type: ignore[arg-type]


def test_a_wrong_float_split_falls_back_to_the_interned_replay(monkeypatch: pytest.MonkeyPatch) -> None:
    instance = read_instance(ANIN) if ANIN.exists() else _tied_election()

    def nobody_poor(self: mes_replay.HistoryReplay, q: int, b: object) -> object:
        return (
            np.zeros(self.P.lengths[q], dtype=np.bool_)
            if self.history
            else np.ones(self.P.lengths[q], dtype=np.bool_)
        )

    monkeypatch.setattr(mes_replay.HistoryReplay, "_float_split", nobody_poor)
    P, new, old = _replays(instance, "cost", _betas(instance)[1])
    assert not isinstance(new, mes_replay.HistoryReplay)
    _same_replay(P, new, old)  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    election=st.sampled_from(["approval", "cumulative", "ordinal"]).flatmap(
        lambda vt: pbs.elections(vote_type=vt, max_projects=6, max_voters=8, max_cost=6)
    ),
    satisfaction=st.sampled_from(["cost", "cardinality"]),
)
def test_history_replay_with_every_supporter_checked_exactly(election: object, satisfaction: str) -> None:
    """A huge float error bound sends every supporter through the exact near-tie check (its budget
    rebuilt from the history), and every final budget through the exact sum."""
    instance = to_instance(election)  # type: ignore[arg-type]
    with patch.object(mes_replay, "_EPS", 0.25):
        P, new, old = _replays(instance, satisfaction, _betas(instance)[1])
        _same_replay(P, new, old)  # type: ignore[arg-type]


@st.composite
def _cheap_after_expensive(draw: st.DrawFn) -> tuple[Instance, Fraction]:
    """An expensive project E, then cheap projects whose supporters only have E's leftovers.

    Groups "A" give E 2 points, groups "B" 1 (cumulative ballots, cost satisfaction): E is funded first
    at rho = 1 / (2 W_A + W_B), A voters pay 2q each and keep ``left``, B voters pay q and keep plenty
    (so E itself is clearly affordable). ``left`` puts a cheap project's A supporters within a few
    units (or a few thousandths of a unit) of its cost, exactly on it when that divides; 2q is up to
    10^12 times ``left``, far beyond ``TOL``."""
    q = draw(st.integers(10**3, 10**12))
    m = draw(st.integers(1, 3))
    cheap = draw(st.lists(st.integers(1, 60), min_size=m, max_size=m))
    a_weights = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    b_weights = draw(st.lists(st.integers(1, 4), min_size=1, max_size=2))
    support = [draw(st.lists(st.integers(0, m - 1), max_size=m, unique=True)) for _ in a_weights]
    empty = draw(st.integers(0, 2))  # empty ballots get a share too
    target = draw(st.integers(0, m - 1))
    backers = sum(w for w, s in zip(a_weights, support, strict=True) if target in s) or 1
    fine = draw(st.sampled_from([1, 1000]))
    left = Fraction(cheap[target] * fine + draw(st.integers(-3, 3)), backers * fine)
    if left <= 0:
        left = Fraction(1, backers * fine)
    expensive = (2 * sum(a_weights) + sum(b_weights)) * q
    n = sum(a_weights) + sum(b_weights) + empty
    ids = ["E", *(f"c{k}" for k in range(m))]
    rows: list[tuple[list[int], list[Fraction] | None, int]] = [
        ([0, *(1 + k for k in s)], [Fraction(2), *(Fraction(1) for _ in s)], w)
        for s, w in zip(support, a_weights, strict=True)
    ]
    rows += [([0], [Fraction(1)], w) for w in b_weights]
    if empty:
        rows.append(([], [], empty))
    costs = [Fraction(expensive), *(Fraction(c) for c in cheap)]
    beta = 2 * q + left
    instance = build_instance(ids, costs, n * beta, "cumulative", rows)
    return instance, beta * instance.scale


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cheap_after_expensive(), raise_by=st.sampled_from([0, 1, 2]))
def test_cheap_projects_after_an_expensive_one_are_judged_as_the_exact_path_does(
    case: tuple[Instance, Fraction], raise_by: int
) -> None:
    """A cheap project's supporters who paid for an expensive one keep leftovers far below that payment's
    ``TOL``: the fast path must not drop the cheap project where the exact path funds it (nor fund it
    where it cannot be paid for); too close to call, it leaves the run to the exact path."""
    instance, beta = case
    P = engine.prepare(instance, "cost", None)
    betas = [beta + Fraction(k, max(instance.num_voters, 1)) for k in range(raise_by + 1)]
    for b, run in zip(betas, fast_path.run_fast_many(P, betas), strict=True):
        exact = exact_path.run_exact(P, b)
        if run is not None:
            assert run.order == exact.order
        assert run_mes(P, b).order == exact.order


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_cheap_after_expensive())
def test_exhaustion_after_an_expensive_project_equals_the_all_exact_search(
    case: tuple[Instance, Fraction],
) -> None:
    instance, _ = case
    fast = equal_shares(instance, explain=False)
    with patch.object(mes_search, "run_fast_many", _no_fast_runs):
        exact = equal_shares(instance, explain=False)
    assert fast.selected == exact.selected
    assert fast.params == exact.params


def test_a_cheap_project_paid_from_leftovers_of_an_expensive_one_is_funded() -> None:
    """The issue's case: voter A pays 2 * 10^10 for E and keeps exactly 1, 5 * 10^-11 of that payment,
    for c (cost 1). Rounding that leftover to 0 (it is within TOL of the payment) dropped c."""
    rows: list[tuple[list[int], list[Fraction] | None, int]] = [
        ([0, 1], [Fraction(2), Fraction(1)], 1),
        ([0], [Fraction(1)], 1),
    ]
    costs = [Fraction(3 * 10**10), Fraction(1)]
    instance = build_instance(["E", "c"], costs, Fraction(4 * 10**10 + 2), "cumulative", rows)
    P = engine.prepare(instance, "cost", None)
    beta = Fraction(instance.budget, 2)
    assert exact_path.run_exact(P, beta).order == (0, 1)
    run = fast_path.run_fast(P, beta)
    assert run is None or run.order == (0, 1)
    assert run_mes(P, beta).order == (0, 1)
    assert equal_shares(instance, completion="none").selected == ("E", "c")


@pytest.mark.parametrize(
    ("left", "cheap", "expected"),
    [(10, 1, (0, 1)), (1, 100, (0,))],
    ids=["clearly-affordable", "clearly-unaffordable"],
)
def test_the_fast_path_still_decides_cheap_projects_clear_of_the_error_bound(
    left: int, cheap: int, expected: tuple[int, ...]
) -> None:
    """Voter A keeps ``left`` after paying 2 * 10^10 for E: its budget's error bound (2^-32 of its
    share, about 4.7) is far from the cheap cost either way, so the fast path decides without falling
    back."""
    rows: list[tuple[list[int], list[Fraction] | None, int]] = [
        ([0, 1], [Fraction(2), Fraction(1)], 1),
        ([0], [Fraction(1)], 1),
    ]
    costs = [Fraction(3 * 10**10), Fraction(cheap)]
    instance = build_instance(["E", "c"], costs, Fraction(4 * 10**10 + 2 * left), "cumulative", rows)
    P = engine.prepare(instance, "cost", None)
    beta = Fraction(instance.budget, 2)
    run = fast_path.run_fast(P, beta)
    assert run is not None
    assert run.order == expected == exact_path.run_exact(P, beta).order
