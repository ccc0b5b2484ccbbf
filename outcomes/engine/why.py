"""What the explanations need beyond the outcome: ``pbrules.why`` on a counted section."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from editions.models import AggregationRule
from pbrules import (
    Instance,
    Step,
)
from pbrules.why import VoterPart, greedy_turns, replay_shares, voter_payments

from .core import amount, parse_text


def steps_of(trace: Sequence[Mapping[str, Any]]) -> tuple[Step, ...]:
    """The trace of a stored outcome (``outcome_data``'s) back as pbrules steps, amounts exact."""

    def exact(value: Any) -> Fraction | None:
        return None if value is None else Fraction(str(value))

    return tuple(
        Step(
            int(s["round"]),
            str(s["project_id"]),
            exact(s["cost"]) or Fraction(0),
            str(s.get("phase", "main")),
            exact(s.get("score")),
            s.get("supporters"),
            exact(s.get("price_per_supporter")),
        )
        for s in trace
    )


FACTS_VERSION = 1


def section_facts(
    instance: Instance, *, rule: str, satisfaction: str, trace: Sequence[Step], params: Mapping[str, str]
) -> dict[str, Any]:
    """What the explanations need beyond the outcome (``pbrules.why``), amounts exact, ids as text.

    Equal Shares: the share each voter started with, what each winner was paid, and per plan its
    supporters' money at the start, what they paid for each winner and what they had left. Greedy: per
    plan its turn and the money left when it came. Other rules: nothing beyond the rule's name.
    """
    facts: dict[str, Any] = {"version": FACTS_VERSION, "rule": rule}
    main_cost = sum((s.cost for s in trace if s.phase == "main"), Fraction(0))
    facts["left_after_main"] = amount(Fraction(instance.budget, instance.scale) - main_cost)
    if rule == AggregationRule.EQUAL_SHARES and "budget_per_voter" in params:
        share = Fraction(params["budget_per_voter"])
        replayed = replay_shares(instance, trace, share)
        facts["budget_per_voter"] = amount(share)
        facts["equal_share"] = amount(
            Fraction(instance.budget, instance.scale * instance.num_voters) if instance.num_voters else None
        )
        facts["budget_increases"] = int(params.get("budget_increases", "0") or 0)
        # the replayed payments are float sums (for display): kept in whole cents
        facts["paid"] = {pid: round(paid) for pid, paid in replayed.paid_per_winner}
        facts["projects"] = {
            f.project_id: {
                "supporters": f.supporters,
                "start": amount(f.start),
                "paid": [[q, round(paid)] for q, paid in f.paid if round(paid)],
                "left": round(f.left),
            }
            for f in replayed.projects
        }
    elif rule == AggregationRule.GREEDY:
        turns = greedy_turns(instance, satisfaction)  # type: ignore[arg-type]
        facts["turns"] = {
            t.project_id: {"turn": t.turn, "left": amount(t.money_left), "funded": t.funded} for t in turns
        }
    return facts


def facts_of_file(text: str, outcome: Mapping[str, Any], *, rule: str, satisfaction: str) -> dict[str, Any]:
    """``section_facts`` of a stored section: its .pb text and its stored outcome (counts made before
    the facts were stored)."""
    return section_facts(
        parse_text(text),
        rule=rule,
        satisfaction=satisfaction,
        trace=steps_of(outcome.get("trace", [])),
        params={str(k): str(v) for k, v in outcome.get("params", {}).items()},
    )


def your_part(outcome: Mapping[str, Any], chosen: Iterable[str]) -> VoterPart | None:
    """What an approval voter who chose ``chosen`` paid per funded plan (Equal Shares), else None."""
    share = outcome.get("params", {}).get("budget_per_voter")
    if outcome.get("rule") != AggregationRule.EQUAL_SHARES or share is None:
        return None
    return voter_payments(steps_of(outcome.get("trace", [])), Fraction(str(share)), chosen)
