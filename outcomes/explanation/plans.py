"""Why each plan won or lost, in plain words of the active language, from a stored outcome and its facts.

Per plan: one line (``text``), the one or two facts that decided it (``reasons``, full sentences) and,
where a resident would ask, a ``comparison`` with the plan with fewer (or more) voters that beat it (or
that it beat). Built from the count's trace and rejections and ``CountSection.facts``
(``outcomes.engine.section_facts``: Equal Shares' payments replayed, greedy's turns). Amounts in the
outcome and the facts are euro cents; sums are shown in whole euros where cents add nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ui.templatetags.money import format_money

MES = "mes"
GREEDY = "greedy"
# How many of the plans a loser's voters also paid for are named; the rest are summed up.
NAMED_PLANS = 2


@dataclass(frozen=True)
class PlanExplanation:
    plan_id: int
    funded: bool
    round: int | None
    text: str
    reasons: tuple[str, ...] = ()
    comparison: str = ""


@dataclass(frozen=True)
class _Plan:
    """What the texts need of one plan row of the section."""

    id: int
    key: str
    title: str
    cost: Fraction
    supporters: int
    points: int | None


def _fraction(value: Any) -> Fraction | None:
    if value is None:
        return None
    return Fraction(str(value)) if isinstance(value, str) else Fraction(value)


def _number(n: int) -> str:
    return number_format(n, 0, use_l10n=True, force_grouping=True)


def _euros(cents: Fraction) -> str:
    """A derived amount (a sum of shares): whole euros, or to the cent below € 10."""
    if abs(cents) < 1000:
        return format_money(round(cents))
    return format_money(round(cents / 100) * 100)


def _at_most(cents: Fraction | None) -> str | None:
    """An upper bound to show: rounded down, to whole euros from € 10 on; None for nothing or € 0."""
    if not cents:
        return None
    return format_money(math.floor(cents) if cents < 1000 else math.floor(cents / 100) * 100)


def _cost(cents: Fraction) -> str:
    return format_money(math.ceil(cents))


def support_text(supporters: int, points: int | None = None) -> str:
    """'1,204 voters', or '1,204 voters (3,100 points)' for cumulative ballots."""
    voters = ngettext("%(count)s voter", "%(count)s voters", supporters) % {"count": _number(supporters)}
    if points is None:
        return voters
    return _("%(voters)s (%(points)s points)") % {"voters": voters, "points": _number(points)}


def _names(parts: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the active language."""
    if len(parts) <= 1:
        return "".join(parts)
    return _("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


# --- Funded plans -------------------------------------------------------------------------------------


def _funded(step: Mapping[str, Any], plan: _Plan, rule: str, facts: Mapping[str, Any]) -> PlanExplanation:
    support = support_text(plan.supporters, plan.points)
    params: dict[str, Any] = {"round": step["round"], "support": support}
    price = _fraction(step.get("price_per_supporter"))
    reasons: list[str] = []
    if step.get("phase", "main") != "main":
        text = (
            _(
                "Funded in round %(round)s, from the money left after the main rounds; "
                "supported by %(support)s."
            )
            % params
        )
        left = _fraction(facts.get("left_after_main"))
        if left is not None:
            reasons.append(
                _(
                    "After the main rounds, %(left)s was not spent yet. The plans that still fitted in it "
                    "were added, most votes first; this plan fitted."
                )
                % {"left": _euros(left)}
            )
    elif rule == MES and price:
        paying = int(step.get("supporters") or 0)
        params["price"] = format_money(math.ceil(price))
        if price * paying == plan.cost and paying == plan.supporters:
            params["count"] = _number(paying)
            text = (
                ngettext(
                    "Funded in round %(round)s: its voter paid %(price)s from their equal share.",
                    "Funded in round %(round)s: its %(count)s voters paid %(price)s each "
                    "from their equal share.",
                    paying,
                )
                % params
            )
        else:
            text = (
                _("Funded in round %(round)s: its voters paid at most %(price)s each from their equal share.")
                % params
            )
        intro = _share_intro(facts)
        reasons.extend([intro] if intro else [])
        reasons.append(_shares_paid(paying, plan, price))
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
            % {"left": _euros(Fraction(str(turn["left"]))), "cost": _cost(plan.cost)}
        )
    else:
        text = _("Funded in round %(round)s, supported by %(support)s.") % params
    return PlanExplanation(plan.id, True, int(step["round"]), text, tuple(reasons))


def _shares_paid(paying: int, plan: _Plan, price: Fraction) -> str:
    """Who paid for a funded plan and how much: the same for all, or at most the price each."""
    params = {
        "count": _number(paying),
        "price": format_money(math.ceil(price)),
        "total": _number(plan.supporters),
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


def _share_intro(facts: Mapping[str, Any]) -> str:
    """How much every voter had to spend (Equal Shares), or '' without the facts."""
    share = _fraction(facts.get("budget_per_voter"))
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


# --- Plans not funded ---------------------------------------------------------------------------------


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
    max_cost = _fraction(rejection.get("max_winning_cost"))
    extra = rejection.get("extra_supporters_needed")
    # "At most € 0" says nothing useful (the money ran out before its turn): leave the cost out.
    cost_text = _at_most(max_cost)
    if cost_text is not None and extra is not None:
        return ngettext(
            "Not funded: it would have needed to cost at most %(cost)s, or %(extra)s more supporter.",
            "Not funded: it would have needed to cost at most %(cost)s, or %(extra)s more supporters.",
            extra,
        ) % {"cost": cost_text, "extra": _number(extra)}
    if cost_text is not None:
        return _("Not funded: it would have needed to cost at most %(cost)s.") % {"cost": cost_text}
    if extra is not None:
        return ngettext(
            "Not funded: it would have needed %(extra)s more supporter.",
            "Not funded: it would have needed %(extra)s more supporters.",
            extra,
        ) % {"extra": _number(extra)}
    return ""


def _would_have(rejection: Mapping[str, Any]) -> str:
    """The same numbers as a sentence of the reasons."""
    max_cost = _fraction(rejection.get("max_winning_cost"))
    extra = rejection.get("extra_supporters_needed")
    cost_text = _at_most(max_cost)
    if cost_text is not None and extra is not None:
        return ngettext(
            "It would have been funded if it had cost at most %(cost)s, or with %(extra)s more voter.",
            "It would have been funded if it had cost at most %(cost)s, or with %(extra)s more voters.",
            extra,
        ) % {"cost": cost_text, "extra": _number(extra)}
    if cost_text is not None:
        return _("It would have been funded if it had cost at most %(cost)s.") % {"cost": cost_text}
    if extra is not None:
        return ngettext(
            "It would have been funded with %(extra)s more voter.",
            "It would have been funded with %(extra)s more voters.",
            extra,
        ) % {"extra": _number(extra)}
    return ""


def _spent_on(paid: Sequence[tuple[str, Fraction]], titles: Mapping[str, str]) -> tuple[str, list[str]]:
    """The plans a loser's voters paid for, largest first: 'A (€ x), B (€ y) and other plans (€ z)'."""
    ordered = sorted(paid, key=lambda item: -item[1])
    shown = len(ordered) if len(ordered) <= NAMED_PLANS + 1 else NAMED_PLANS
    named = [
        _("%(plan)s (%(amount)s)") % {"plan": titles.get(q, q), "amount": _euros(a)}
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
            % {"count": len(ordered) - NAMED_PLANS, "amount": _euros(rest)}
        )
    return _names(named), [titles.get(q, q) for q, _a in ordered[:NAMED_PLANS]]


def _mes_loser(
    plan: _Plan,
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
        "count": _number(int(mine["supporters"])),
        "start": _euros(start),
        "left": _euros(left),
        "cost": _cost(plan.cost),
    }
    if start < plan.cost:
        text = (
            _("Not funded: its voters together had %(start)s of their shares, less than its cost.") % params
        )
        reason = (
            ngettext(
                "Its %(count)s voter had %(start)s of their share: less than the %(cost)s it costs, even "
                "before any plan was funded.",
                "Its %(count)s voters together had %(start)s of their shares: less than the %(cost)s it "
                "costs, even before any plan was funded.",
                int(mine["supporters"]),
            )
            % params
        )
        return text, [" ".join(x for x in (_share_intro(facts), reason) if x)]
    # the reason code is exact; the replayed amounts are whole cents
    if paid and (left < plan.cost or rejection.get("reason") == "not-enough-support"):
        listing, names = _spent_on(paid, titles)
        params["plans"] = listing
        params["spent"] = _euros(sum((a for _q, a in paid), Fraction(0)))
        text = _("Not funded: its voters spent much of their shares on %(names)s, which they chose too.") % {
            "names": _names(names)
        }
        reason = (
            ngettext(
                "Its %(count)s voter had %(start)s of their equal share. They also chose plans that "
                "were funded first, and paid %(spent)s for them: %(plans)s. The %(left)s left was not "
                "enough for its cost of %(cost)s.",
                "Its %(count)s voters together had %(start)s of their equal shares. They also chose plans "
                "that were funded first, and paid %(spent)s for them: %(plans)s. The %(left)s left was "
                "not enough for its cost of %(cost)s.",
                int(mine["supporters"]),
            )
            % params
        )
        return text, [" ".join(x for x in (_share_intro(facts), reason) if x)]
    if unspent is not None and unspent < plan.cost:
        params["unspent"] = _euros(unspent)
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


def _greedy_loser(plan: _Plan, facts: Mapping[str, Any]) -> tuple[str, list[str]]:
    turn = facts.get("turns", {}).get(plan.key)
    if turn is None:
        return "", []
    params = {"turn": turn["turn"], "left": _euros(Fraction(str(turn["left"]))), "cost": _cost(plan.cost)}
    text = _("Not funded: when its turn came, %(left)s was left, and it costs %(cost)s.") % params
    reason = (
        _(
            "Plans were funded in order of votes, most votes first. When its turn came (number %(turn)s), "
            "%(left)s was left: less than its cost of %(cost)s."
        )
        % params
    )
    return text, [reason]


def _not_funded(
    plan: _Plan,
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


# --- Comparison with the plan a resident compares it with ---------------------------------------------


def _per_voter(plan: _Plan) -> str:
    return _euros(plan.cost / plan.supporters)


def _comparison(plan: _Plan, funded: bool, others: Sequence[tuple[_Plan, bool]], rule: str) -> str:
    """For a loser: the winner with the fewest voters below its own; for a winner: the loser with the
    most voters above its own ('' when there is none, or for other rules than greedy and Equal Shares)."""
    if rule not in (MES, GREEDY) or plan.supporters == 0:
        return ""
    if not funded:
        fewer = [o for o, won in others if won and 0 < o.supporters < plan.supporters]
        if not fewer:
            return ""
        other = min(fewer, key=lambda o: (o.supporters, o.key))
        params = {
            "plan": other.title,
            "theirs": _number(other.supporters),
            "ours": _number(plan.supporters),
            "their_cost": _per_voter(other),
            "our_cost": _per_voter(plan),
        }
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
    params = {
        "plan": other.title,
        "theirs": _number(other.supporters),
        "ours": _number(plan.supporters),
        "their_cost": _per_voter(other),
        "our_cost": _per_voter(plan),
    }
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


def _plan(row: Mapping[str, Any], cost: Fraction | None) -> _Plan:
    return _Plan(
        id=int(row["id"]),
        key=str(row["id"]),
        title=str(row.get("title", "")),
        cost=Fraction(int(row["cost_cents"])) if "cost_cents" in row else (cost or Fraction(0)),
        supporters=int(row.get("supporters") or 0),
        points=row.get("points"),
    )


def explain_section(
    outcome: Mapping[str, Any],
    plans: Sequence[Mapping[str, Any]],
    facts: Mapping[str, Any] | None = None,
) -> dict[int, PlanExplanation]:
    """An explanation for every plan in ``plans`` (rows with id, title, cost_cents, supporters, points)
    by plan id, from the section's stored ``outcome`` and ``facts`` (empty facts: the shorter texts)."""
    facts = facts or {}
    rule = str(outcome.get("rule") or facts.get("rule") or "")
    steps = {str(s["project_id"]): s for s in outcome.get("trace", [])}
    rejections = {str(r["project_id"]): r for r in outcome.get("rejections", [])}
    selected = {str(pid) for pid in outcome.get("selected", [])}
    budget, total = _fraction(outcome.get("budget")), _fraction(outcome.get("total_cost"))
    unspent = budget - total if budget is not None and total is not None else None
    titles = {str(row["id"]): str(row.get("title", "")) for row in plans}
    costs = {**{k: _fraction(r.get("cost")) for k, r in rejections.items()}}
    costs.update({k: _fraction(s.get("cost")) for k, s in steps.items()})
    rows = [(_plan(row, costs.get(str(row["id"]))), str(row["id"]) in selected) for row in plans]
    out: dict[int, PlanExplanation] = {}
    for plan, funded in rows:
        if funded:
            step = steps.get(plan.key)
            found = (
                _funded(step, plan, rule, facts)
                if step
                else PlanExplanation(plan.id, True, None, _("Funded."))
            )
        else:
            found = _not_funded(plan, rejections.get(plan.key), rule, facts, titles, unspent)
        others = [(o, won) for o, won in rows if o.id != plan.id]
        comparison = _comparison(plan, funded, others, rule)
        out[plan.id] = PlanExplanation(
            found.plan_id, found.funded, found.round, found.text, found.reasons, comparison
        )
    return out
