"""Plain-language reasons per plan, in the active language, from a stored pbrules trace and rejections.

Funded: the round and the support, and for Equal Shares what each supporter paid. Not funded:
what it would have needed (a lower cost, more supporters) when the rule computed it, otherwise a
sentence for the rule's reason code. Amounts in the outcome are euro cents.
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


@dataclass(frozen=True)
class PlanExplanation:
    plan_id: int
    funded: bool
    round: int | None
    text: str


def _fraction(value: Any) -> Fraction | None:
    if value is None:
        return None
    return Fraction(str(value)) if isinstance(value, str) else Fraction(value)


def _number(n: int) -> str:
    return number_format(n, 0, use_l10n=True, force_grouping=True)


def support_text(supporters: int, points: int | None = None) -> str:
    """'1,204 voters', or '1,204 voters (3,100 points)' for cumulative ballots."""
    voters = ngettext("%(count)s voter", "%(count)s voters", supporters) % {"count": _number(supporters)}
    if points is None:
        return voters
    return _("%(voters)s (%(points)s points)") % {"voters": voters, "points": _number(points)}


def _funded(step: Mapping[str, Any], plan: Mapping[str, Any]) -> str:
    support = support_text(int(plan.get("supporters") or 0), plan.get("points"))
    params = {"round": step["round"], "support": support}
    price = _fraction(step.get("price_per_supporter"))
    if step.get("phase", "main") != "main":
        return (
            _(
                "Funded in round %(round)s, from the money left after the main rounds; "
                "supported by %(support)s."
            )
            % params
        )
    if price:  # Equal Shares: what each paying supporter paid (free plans cost nobody anything)
        params["price"] = format_money(math.ceil(price))
        return (
            _(
                "Funded in round %(round)s, supported by %(support)s; "
                "each paid at most %(price)s of their equal share."
            )
            % params
        )
    return _("Funded in round %(round)s, supported by %(support)s.") % params


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


def _not_funded(rejection: Mapping[str, Any] | None) -> str:
    if rejection is None:
        return _("Not funded.")
    max_cost = _fraction(rejection.get("max_winning_cost"))
    extra = rejection.get("extra_supporters_needed")
    # "At most € 0" says nothing useful (the money ran out before its turn): leave the cost out.
    cost_text = format_money(math.floor(max_cost)) if max_cost else None
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
    return _reason(str(rejection.get("reason", "")))


def explain_section(
    outcome: Mapping[str, Any], plans: Sequence[Mapping[str, Any]]
) -> dict[int, PlanExplanation]:
    """An explanation for every plan in ``plans`` (rows with id, supporters, points) by plan id."""
    steps = {str(s["project_id"]): s for s in outcome.get("trace", [])}
    rejections = {str(r["project_id"]): r for r in outcome.get("rejections", [])}
    selected = {str(pid) for pid in outcome.get("selected", [])}
    out: dict[int, PlanExplanation] = {}
    for plan in plans:
        key = str(plan["id"])
        if key in selected:
            step = steps.get(key)
            text = _funded(step, plan) if step else _("Funded.")
            out[int(plan["id"])] = PlanExplanation(
                int(plan["id"]), True, step["round"] if step else None, text
            )
        else:
            out[int(plan["id"])] = PlanExplanation(
                int(plan["id"]), False, None, _not_funded(rejections.get(key))
            )
    return out
