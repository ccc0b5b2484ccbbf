"""Why a plan was not funded: the one or two facts that decided it, from the count's facts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .base import (
    GREEDY,
    MES,
    PlanExplanation,
    PlanRow,
    at_most,
    cost_text,
    euros,
    fraction,
    join_names,
    number_text,
)
from .funded import share_intro

# How many of the plans a loser's voters also paid for are named; the rest are summed up.
NAMED_PLANS = 2


def _reason(code: str) -> str:
    if code == "no-support":
        return _("Not funded: no voter chose this plan.")
    if code == "did-not-fit":
        return _("Not funded: when its turn came, the money left was not enough for it.")
    if code == "not-enough-support":
        return _("Not funded: other plans had more support for what they cost.")
    if code == "constraint":
        return _("Not funded: it did not meet a condition of this vote.")
    return _("Not funded.")


def _needed(rejection: Mapping[str, Any]) -> str:
    """What it would have needed (a lower cost, more voters), or '' when the rule did not compute it."""
    max_cost = fraction(rejection.get("max_winning_cost"))
    extra = rejection.get("extra_supporters_needed")
    # "At most € 0" says nothing useful (the money ran out before its turn): leave the cost out.
    cost_text = at_most(max_cost)
    if cost_text is not None and extra is not None:
        return ngettext(
            "Not funded: it would have needed to cost at most %(cost)s, or %(extra)s more supporter.",
            "Not funded: it would have needed to cost at most %(cost)s, or %(extra)s more supporters.",
            extra,
        ) % {"cost": cost_text, "extra": number_text(extra)}
    if cost_text is not None:
        return _("Not funded: it would have needed to cost at most %(cost)s.") % {"cost": cost_text}
    if extra is not None:
        return ngettext(
            "Not funded: it would have needed %(extra)s more supporter.",
            "Not funded: it would have needed %(extra)s more supporters.",
            extra,
        ) % {"extra": number_text(extra)}
    return ""


def _would_have(rejection: Mapping[str, Any]) -> str:
    """The same numbers as a sentence of the reasons."""
    max_cost = fraction(rejection.get("max_winning_cost"))
    extra = rejection.get("extra_supporters_needed")
    cost_text = at_most(max_cost)
    if cost_text is not None and extra is not None:
        return ngettext(
            "It would have been funded if it had cost at most %(cost)s, or with %(extra)s more voter.",
            "It would have been funded if it had cost at most %(cost)s, or with %(extra)s more voters.",
            extra,
        ) % {"cost": cost_text, "extra": number_text(extra)}
    if cost_text is not None:
        return _("It would have been funded if it had cost at most %(cost)s.") % {"cost": cost_text}
    if extra is not None:
        return ngettext(
            "It would have been funded with %(extra)s more voter.",
            "It would have been funded with %(extra)s more voters.",
            extra,
        ) % {"extra": number_text(extra)}
    return ""


def _spent_on(paid: Sequence[tuple[str, Fraction]], titles: Mapping[str, str]) -> tuple[str, list[str]]:
    """The plans a loser's voters paid for, largest first: 'A (€ x), B (€ y) and other plans (€ z)'."""
    ordered = sorted(paid, key=lambda item: -item[1])
    shown = len(ordered) if len(ordered) <= NAMED_PLANS + 1 else NAMED_PLANS
    named = [
        _("%(plan)s (%(amount)s)") % {"plan": titles.get(q, q), "amount": euros(a)}
        for q, a in ordered[:shown]
    ]
    rest = sum((a for _q, a in ordered[shown:]), Fraction(0))
    if rest:
        named.append(
            ngettext(
                "%(count)s other plan (%(amount)s)",
                "%(count)s other plans (%(amount)s)",
                len(ordered) - NAMED_PLANS,
            )
            % {"count": len(ordered) - NAMED_PLANS, "amount": euros(rest)}
        )
    return join_names(named), [titles.get(q, q) for q, _a in ordered[:NAMED_PLANS]]


def _mes_loser(
    plan: PlanRow,
    rejection: Mapping[str, Any],
    facts: Mapping[str, Any],
    titles: Mapping[str, str],
    unspent: Fraction | None,
) -> tuple[str, list[str]]:
    """The line and the deciding facts of a plan Equal Shares did not fund."""
    mine = facts.get("projects", {}).get(plan.key)
    if mine is None or not mine.get("supporters"):
        return "", []
    start, left = Fraction(str(mine["start"])), Fraction(str(mine["left"]))
    paid = [(str(q), Fraction(str(a))) for q, a in mine["paid"] if str(q) != plan.key]
    params = {
        "count": number_text(int(mine["supporters"])),
        "start": euros(start),
        "left": euros(left),
        "cost": cost_text(plan.cost),
    }
    if start < plan.cost:
        return _short_from_the_start(params, int(mine["supporters"]), facts)
    # the reason code is exact; the replayed amounts are whole cents
    if paid and (left < plan.cost or rejection.get("reason") == "not-enough-support"):
        return _spent_elsewhere(params, int(mine["supporters"]), paid, titles, facts)
    if unspent is not None and unspent < plan.cost:
        params["unspent"] = euros(unspent)
        text = (
            _("Not funded: its voters could pay for it, but only %(unspent)s of the budget was left.")
            % params
        )
        return text, [
            _(
                "Its voters still had %(left)s of their shares, enough for its cost of %(cost)s. But the "
                "budget itself had only %(unspent)s left."
            )
            % params
        ]
    return "", []


def _short_from_the_start(
    params: dict[str, str], supporters: int, facts: Mapping[str, Any]
) -> tuple[str, list[str]]:
    """Its voters' shares together were less than its cost before anything was funded."""
    text = _("Not funded: its voters together had %(start)s of their shares, less than its cost.") % params
    reason = (
        ngettext(
            "Its %(count)s voter had %(start)s of their share: less than the %(cost)s it costs, even "
            "before any plan was funded.",
            "Its %(count)s voters together had %(start)s of their shares: less than the %(cost)s it "
            "costs, even before any plan was funded.",
            supporters,
        )
        % params
    )
    return text, [" ".join(x for x in (share_intro(facts), reason) if x)]


def _spent_elsewhere(
    params: dict[str, str],
    supporters: int,
    paid: Sequence[tuple[str, Fraction]],
    titles: Mapping[str, str],
    facts: Mapping[str, Any],
) -> tuple[str, list[str]]:
    """Its voters paid for plans they chose too that were funded first; what was left was not enough."""
    listing, names = _spent_on(paid, titles)
    params = {**params, "plans": listing, "spent": euros(sum((a for _q, a in paid), Fraction(0)))}
    text = _("Not funded: its voters spent much of their shares on %(names)s, which they chose too.") % {
        "names": join_names(names)
    }
    reason = (
        ngettext(
            "Its %(count)s voter had %(start)s of their equal share. They also chose plans that "
            "were funded first, and paid %(spent)s for them: %(plans)s. The %(left)s left was not "
            "enough for its cost of %(cost)s.",
            "Its %(count)s voters together had %(start)s of their equal shares. They also chose plans "
            "that were funded first, and paid %(spent)s for them: %(plans)s. The %(left)s left was "
            "not enough for its cost of %(cost)s.",
            supporters,
        )
        % params
    )
    return text, [" ".join(x for x in (share_intro(facts), reason) if x)]


def _greedy_loser(plan: PlanRow, facts: Mapping[str, Any]) -> tuple[str, list[str]]:
    turn = facts.get("turns", {}).get(plan.key)
    if turn is None:
        return "", []
    params = {"turn": turn["turn"], "left": euros(Fraction(str(turn["left"]))), "cost": cost_text(plan.cost)}
    text = _("Not funded: when its turn came, %(left)s was left, and it costs %(cost)s.") % params
    reason = (
        _(
            "Plans were funded in order of votes, most votes first. When its turn came (number %(turn)s), "
            "%(left)s was left: less than its cost of %(cost)s."
        )
        % params
    )
    return text, [reason]


def explain_not_funded(
    plan: PlanRow,
    rejection: Mapping[str, Any] | None,
    rule: str,
    facts: Mapping[str, Any],
    titles: Mapping[str, str],
    unspent: Fraction | None,
) -> PlanExplanation:
    if rejection is None:
        return PlanExplanation(plan.id, False, None, _("Not funded."))
    if rejection.get("reason") == "no-support":
        text = _("Not funded: no voter chose this plan.")
        return PlanExplanation(plan.id, False, None, text, (_("Nobody voted for this plan."),))
    text, reasons = "", list[str]()
    if rule == MES:
        text, reasons = _mes_loser(plan, rejection, facts, titles, unspent)
    elif rule == GREEDY:
        text, reasons = _greedy_loser(plan, facts)
    needed = _needed(rejection)
    would = _would_have(rejection)
    if would and len(reasons) < 2:
        reasons.append(would)
    if not text:
        text = needed or _reason(str(rejection.get("reason", "")))
    if not reasons:
        reasons.append(text)
    return PlanExplanation(plan.id, False, None, text, tuple(reasons))
