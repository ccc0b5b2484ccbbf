"""Why each plan won or lost, in plain words of the active language, from a stored outcome and its facts.

Per plan: one line (``text``), the one or two facts that decided it (``reasons``, full sentences) and,
where a resident would ask, a ``comparison`` with the plan with fewer (or more) voters that beat it (or
that it beat). Built from the count's trace and rejections and ``CountSection.facts``
(``outcomes.engine.section_facts``: Equal Shares' payments replayed, greedy's turns). Amounts in the
outcome and the facts are euro cents; sums are shown in whole euros where cents add nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from .base import PlanExplanation, PlanRow, fraction
from .comparison import compare
from .funded import explain_funded
from .lost import explain_not_funded


def _plan(row: Mapping[str, Any], cost: Fraction | None) -> PlanRow:
    return PlanRow(
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
    budget, total = fraction(outcome.get("budget")), fraction(outcome.get("total_cost"))
    unspent = budget - total if budget is not None and total is not None else None
    titles = {str(row["id"]): str(row.get("title", "")) for row in plans}
    costs = {**{k: fraction(r.get("cost")) for k, r in rejections.items()}}
    costs.update({k: fraction(s.get("cost")) for k, s in steps.items()})
    rows = [(_plan(row, costs.get(str(row["id"]))), str(row["id"]) in selected) for row in plans]
    out: dict[int, PlanExplanation] = {}
    for plan, funded in rows:
        if funded:
            step = steps.get(plan.key)
            found = (
                explain_funded(step, plan, rule, facts)
                if step
                else PlanExplanation(plan.id, True, None, _("Funded."))
            )
        else:
            found = explain_not_funded(plan, rejections.get(plan.key), rule, facts, titles, unspent)
        others = [(o, won) for o, won in rows if o.id != plan.id]
        comparison = compare(plan, funded, others, rule)
        out[plan.id] = PlanExplanation(
            found.plan_id, found.funded, found.round, found.text, found.reasons, comparison
        )
    return out
