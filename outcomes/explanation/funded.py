"""Why a plan was funded: its round, what its voters paid from their share, or its turn in order of votes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ui.templatetags.money import format_money

from .base import GREEDY, MES, PlanExplanation, PlanRow, cost_text, euros, fraction, number_text, support_text


def explain_funded(
    step: Mapping[str, Any], plan: PlanRow, rule: str, facts: Mapping[str, Any]
) -> PlanExplanation:
    support = support_text(plan.supporters, plan.points)
    params: dict[str, Any] = {"round": step["round"], "support": support}
    price = fraction(step.get("price_per_supporter"))
    reasons: list[str] = []
    if step.get("phase", "main") != "main":
        text = (
            _(
                "Funded in round %(round)s, from the money left after the main rounds; "
                "supported by %(support)s."
            )
            % params
        )
        left = fraction(facts.get("left_after_main"))
        if left is not None:
            reasons.append(
                _(
                    "After the main rounds, %(left)s was not spent yet. The plans that still fitted in it "
                    "were added, most votes first; this plan fitted."
                )
                % {"left": euros(left)}
            )
    elif rule == MES and price:
        text, reasons = _equal_shares_funded(step, plan, price, params, facts)
    elif rule == GREEDY and plan.key in facts.get("turns", {}):
        turn = facts["turns"][plan.key]
        text = _("Funded as number %(turn)s in order of votes, supported by %(support)s.") % {
            "turn": turn["turn"],
            "support": support,
        }
        reasons.append(
            _(
                "Plans were funded in order of votes, most votes first. When its turn came, %(left)s was "
                "left: enough for its cost of %(cost)s."
            )
            % {"left": euros(Fraction(str(turn["left"]))), "cost": cost_text(plan.cost)}
        )
    else:
        text = _("Funded in round %(round)s, supported by %(support)s.") % params
    return PlanExplanation(plan.id, True, int(step["round"]), text, tuple(reasons))


def _equal_shares_funded(
    step: Mapping[str, Any],
    plan: PlanRow,
    price: Fraction,
    params: dict[str, Any],
    facts: Mapping[str, Any],
) -> tuple[str, list[str]]:
    """The line (round, what each paid) and the facts (the share, who paid) of an Equal Shares winner."""
    paying = int(step.get("supporters") or 0)
    params = {**params, "price": format_money(math.ceil(price)), "count": number_text(paying)}
    if price * paying == plan.cost and paying == plan.supporters:
        text = (
            ngettext(
                "Funded in round %(round)s: its voter paid %(price)s from their equal share.",
                "Funded in round %(round)s: its %(count)s voters paid %(price)s each from their equal share.",
                paying,
            )
            % params
        )
    else:
        text = (
            _("Funded in round %(round)s: its voters paid at most %(price)s each from their equal share.")
            % params
        )
    intro = share_intro(facts)
    return text, [*([intro] if intro else []), _shares_paid(paying, plan, price)]


def _shares_paid(paying: int, plan: PlanRow, price: Fraction) -> str:
    """Who paid for a funded plan and how much: the same for all, or at most the price each."""
    params = {
        "count": number_text(paying),
        "price": format_money(math.ceil(price)),
        "total": number_text(plan.supporters),
    }
    equal = price * paying == plan.cost
    if paying == plan.supporters:
        if equal:
            return (
                ngettext(
                    "Its voter paid for it from their equal share: %(price)s.",
                    "Its %(count)s voters paid for it together from their equal shares: %(price)s each.",
                    paying,
                )
                % params
            )
        return (
            ngettext(
                "Its voter paid for it from their equal share: at most %(price)s.",
                "Its %(count)s voters paid for it together from their equal shares: at most %(price)s each. "
                "Some paid less: all they had left.",
                paying,
            )
            % params
        )
    if equal:
        return (
            ngettext(
                "%(count)s of its %(total)s voters paid for it from their share: %(price)s. The others had "
                "nothing left of their share.",
                "%(count)s of its %(total)s voters paid for it together from their shares: %(price)s each. "
                "The others had nothing left of their share.",
                paying,
            )
            % params
        )
    return (
        ngettext(
            "%(count)s of its %(total)s voters paid for it from their share: at most %(price)s. "
            "The others had nothing left of their share.",
            "%(count)s of its %(total)s voters paid for it together from their shares: at most %(price)s "
            "each. Some paid less: all they had left. The others had nothing left of their share.",
            paying,
        )
        % params
    )


def share_intro(facts: Mapping[str, Any]) -> str:
    """How much every voter had to spend (Equal Shares), or '' without the facts."""
    share = fraction(facts.get("budget_per_voter"))
    if share is None:
        return ""
    params = {"share": format_money(round(share))}
    if int(facts.get("budget_increases") or 0) > 0:
        return (
            _(
                "Every voter had an equal share to spend on the plans they chose. The shares were made "
                "larger step by step, to %(share)s each, so that more of the budget could be used."
            )
            % params
        )
    return _("Every voter had an equal share of %(share)s to spend on the plans they chose.") % params
