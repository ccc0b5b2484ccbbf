"""The rule registry and ``run_rule``, one entry point for every rule and constraint."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pbrules.constraints import SubBudgets, min_share_filter, with_sub_budgets
from pbrules.model import Instance, Outcome
from pbrules.rules.greedy import greedy
from pbrules.rules.maxwelfare import maxwelfare
from pbrules.rules.phragmen import phragmen

COMPLETIONS = ("exhaustion", "add1", "add1u", "none")


@dataclass(frozen=True)
class RuleInfo:
    """A registered rule: its name, one-line description and which options it reads."""

    name: str
    description: str
    uses_satisfaction: bool
    uses_completion: bool


RULES: dict[str, RuleInfo] = {
    "greedy": RuleInfo(
        "greedy",
        "greedy utilitarian welfare: by satisfaction per cost, skipping projects that no longer fit",
        True,
        False,
    ),
    "greedy-no-skip": RuleInfo(
        "greedy-no-skip", "greedy, but stop at the first project that does not fit", True, False
    ),
    "phragmen": RuleInfo(
        "phragmen",
        "sequential Phragmén (load balancing); stops at the first best project that does not fit",
        False,
        False,
    ),
    "maxwelfare": RuleInfo(
        "maxwelfare", "exact maximum utilitarian welfare (ILP, HiGHS), lexicographic tie-break", True, False
    ),
    "mes": RuleInfo(
        "mes", "Method of Equal Shares with a completion method (exhaustion, add1, add1u, none)", True, True
    ),
}


def _equal_shares() -> Callable[..., Outcome]:
    try:
        from pbrules.rules.mes import equal_shares
    except ImportError as exc:  # the MES module is written separately
        raise ValueError(f"rule 'mes' is not available: {exc}") from None
    return equal_shares


def _runner(
    rule: str,
    satisfaction: str,
    completion: str,
    tie_breaking: Sequence[str] | None,
    max_winners: int | None,
    explain: bool | None,
) -> Callable[[Instance], Outcome]:
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(RULES)}")
    if completion not in COMPLETIONS:
        raise ValueError(f"unknown completion {completion!r}; choose one of {', '.join(COMPLETIONS)}")
    common: dict[str, Any] = {"tie_breaking": tie_breaking, "max_winners": max_winners}
    cheap = explain is not False  # greedy/Phragmén/maxwelfare explanations cost little: on by default
    if rule in ("greedy", "greedy-no-skip"):
        skip = rule == "greedy"
        return lambda inst: greedy(inst, satisfaction=satisfaction, skip=skip, explain=cheap, **common)  # type: ignore[arg-type]
    if rule == "phragmen":
        return lambda inst: phragmen(inst, explain=cheap, **common)
    if rule == "maxwelfare":
        return lambda inst: maxwelfare(inst, satisfaction=satisfaction, explain=cheap, **common)  # type: ignore[arg-type]
    equal_shares = _equal_shares()
    return lambda inst: equal_shares(
        inst, satisfaction=satisfaction, completion=completion, explain=explain, **common
    )


def run_rule(
    instance: Instance,
    rule: str,
    *,
    satisfaction: str = "cost",
    completion: str = "exhaustion",
    tie_breaking: Sequence[str] | None = None,
    max_winners: int | None = None,
    min_share: Fraction | float | str | None = None,
    sub_budgets: SubBudgets | None = None,
    explain: bool | None = None,
) -> Outcome:
    """Run ``rule`` (a key of ``RULES``) on ``instance`` with the given options and constraints.

    ``min_share`` drops weakly supported projects first; ``sub_budgets`` runs the rule once per
    sub-budget and combines (see :mod:`pbrules.constraints`). ``completion`` only matters for "mes".
    ``explain``: None = each rule's default (greedy, Phragmén and maxwelfare always fill in their
    rejections; Equal Shares computes its costly numbers only on small instances), False = skip
    where a rule allows it, True = everything the rule offers.
    """
    if satisfaction not in ("cost", "cardinality"):
        raise ValueError(f"unknown satisfaction {satisfaction!r}; choose cost or cardinality")
    if max_winners is not None and max_winners < 0:
        raise ValueError("max_winners must be >= 0")
    run = _runner(rule, satisfaction, completion, tie_breaking, max_winners, explain)
    dropped: tuple[Any, ...] = ()
    if min_share is not None:
        instance, dropped = min_share_filter(instance, min_share)
    outcome = with_sub_budgets(instance, sub_budgets, run) if sub_budgets else run(instance)
    extra_params: tuple[tuple[str, str], ...] = (("rule", rule),)
    if rule in ("greedy", "greedy-no-skip", "maxwelfare", "mes"):
        extra_params += (("satisfaction", satisfaction),)
    if rule == "mes":
        extra_params += (("completion", completion),)
    if min_share is not None:
        extra_params += (("min_share", str(Fraction(min_share))),)
    params = extra_params + tuple(kv for kv in outcome.params if kv[0] not in dict(extra_params))
    return Outcome(
        rule=outcome.rule,
        selected=outcome.selected,
        total_cost=outcome.total_cost,
        budget=outcome.budget,
        trace=outcome.trace,
        rejections=outcome.rejections + dropped,
        params=params,
    )


__all__ = ["COMPLETIONS", "RULES", "RuleInfo", "run_rule"]
