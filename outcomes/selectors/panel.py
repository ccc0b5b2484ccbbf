"""Reads for the facilitator's decision page: the plans on the ballot, the advice, rounds and counts."""

from __future__ import annotations

from dataclasses import dataclass

from ballots.sections import ballot_sections
from deliberation.models import PanelDecision, PanelVote
from editions.models import Edition
from review.models import Review, Verdict

from ..explanation import explain_section, section_facts_of, support_text
from ..models import Count, CountSource
from .counts import CONSENSUS, advice_count, closed_rounds, count_sections, counted_round, current_count
from .counts import panel_decision as recorded_decision


@dataclass(frozen=True)
class DecisionPlan:
    id: int
    title: str
    cost_cents: int
    neighbourhood: str
    verdict: str
    verdict_text: str
    # The public vote's advice (a hybrid edition with the vote first), and the panel's counted round.
    advice_support: str = ""
    advice_funded: bool | None = None
    panel_support: str = ""
    panel_funded: bool | None = None


@dataclass(frozen=True)
class DecisionSection:
    key: str
    label: str
    budget_cents: int
    plans: list[DecisionPlan]


@dataclass(frozen=True)
class DecisionPage:
    sections: list[DecisionSection]
    rounds: list[PanelVote]
    count: Count | None  # the panel's current count of a round (not a consensus)
    counted_round: PanelVote | None
    decision: PanelDecision | None
    advice: Count | None
    total_budget_cents: int

    @property
    def plan_count(self) -> int:
        return sum(len(s.plans) for s in self.sections)


def _outcome_rows(count: Count | None) -> dict[int, tuple[str, bool]]:
    """Per plan of a count: its support text and whether it was funded (the why is the result's)."""
    if count is None:
        return {}
    rows: dict[int, tuple[str, bool]] = {}
    for section in count_sections(count):
        explanations = explain_section(section.outcome, section.plans, section_facts_of(section))
        for row in section.plans:
            pid = int(row["id"])
            explanation = explanations[pid]
            support = support_text(int(row["supporters"]), row.get("points"))
            rows[pid] = (support, explanation.funded)
    return rows


def decision_page(edition: Edition) -> DecisionPage:
    """Everything the facilitator's decision page shows, in the active language."""
    sections = [s for s in ballot_sections(edition) if s.plans]
    ids = [p.pk for s in sections for p in s.plans]
    verdicts = {
        r.plan_id: (str(Verdict(r.verdict).label), r.public_explanation)
        for r in Review.objects.filter(plan_id__in=ids, published_at__isnull=False).exclude(verdict="")
    }
    advice = advice_count(edition)
    advice_rows = _outcome_rows(advice)
    count = current_count(edition, source=CountSource.PANEL)
    if count is not None and count.rule == CONSENSUS:
        count = None
    panel_rows = _outcome_rows(count)
    round_id = counted_round(count) if count is not None else None
    rounds = closed_rounds(edition)
    return DecisionPage(
        sections=[
            DecisionSection(
                key=s.key,
                label=s.label,
                budget_cents=s.budget_cents,
                plans=[
                    DecisionPlan(
                        id=p.pk,
                        title=p.title,
                        cost_cents=p.cost_cents,
                        neighbourhood=p.neighbourhood,
                        verdict=verdicts.get(p.pk, ("", ""))[0],
                        verdict_text=verdicts.get(p.pk, ("", ""))[1],
                        advice_support=advice_rows[p.pk][0] if p.pk in advice_rows else "",
                        advice_funded=advice_rows[p.pk][1] if p.pk in advice_rows else None,
                        panel_support=panel_rows[p.pk][0] if p.pk in panel_rows else "",
                        panel_funded=panel_rows[p.pk][1] if p.pk in panel_rows else None,
                    )
                    for p in s.plans
                ],
            )
            for s in sections
        ],
        rounds=rounds,
        count=count,
        counted_round=next((r for r in rounds if r.pk == round_id), None),
        decision=recorded_decision(edition),
        advice=advice,
        total_budget_cents=edition.total_budget_cents,
    )
