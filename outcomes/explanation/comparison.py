"""The comparison a resident asks for: the plan with fewer voters that won, or more voters that lost."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from .base import GREEDY, MES, PlanRow, euros, number_text


def _per_voter(plan: PlanRow) -> str:
    return euros(plan.cost / plan.supporters)


def _params(plan: PlanRow, other: PlanRow) -> dict[str, str]:
    return {
        "plan": other.title,
        "theirs": number_text(other.supporters),
        "ours": number_text(plan.supporters),
        "their_cost": _per_voter(other),
        "our_cost": _per_voter(plan),
    }


def compare(plan: PlanRow, funded: bool, others: Sequence[tuple[PlanRow, bool]], rule: str) -> str:
    """For a loser: the winner with the fewest voters below its own; for a winner: the loser with the
    most voters above its own ('' when there is none, or for other rules than greedy and Equal Shares)."""
    if rule not in (MES, GREEDY) or plan.supporters == 0:
        return ""
    if not funded:
        fewer = [o for o, won in others if won and 0 < o.supporters < plan.supporters]
        if not fewer:
            return ""
        other = min(fewer, key=lambda o: (o.supporters, o.key))
        params = _params(plan, other)
        if rule == GREEDY:
            return (
                _(
                    "%(plan)s was funded with fewer voters (%(theirs)s against %(ours)s): its turn came "
                    "later, but it still fitted in the money that was left. This plan did not."
                )
                % params
            )
        return (
            _(
                "%(plan)s was funded with fewer voters (%(theirs)s against %(ours)s), but it cost "
                "%(their_cost)s per voter, against %(our_cost)s for this plan."
            )
            % params
        )
    more = [o for o, won in others if not won and o.supporters > plan.supporters]
    if not more:
        return ""
    other = max(more, key=lambda o: (o.supporters, o.key))
    params = _params(plan, other)
    if rule == GREEDY:
        return (
            _(
                "%(plan)s had more voters (%(theirs)s against %(ours)s) but was not funded: when its turn "
                "came, the money left was not enough for it. This plan still fitted."
            )
            % params
        )
    return (
        _(
            "%(plan)s had more voters (%(theirs)s against %(ours)s) but was not funded: it cost "
            "%(their_cost)s per voter, against %(our_cost)s for this plan."
        )
        % params
    )
