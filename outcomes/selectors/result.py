"""The results page's reads: per section and plan the result and why, the money, how the panel decided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count as DbCount
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from deliberation.models import PanelDecision, PanelVote, WorkSession
from editions.models import AggregationRule, Edition, Satisfaction
from proposals.models import Plan

from ..engine import counting_rule
from ..explanation import explain_section, section_facts_of, support_text
from ..models import Count, CountSection, CountSource
from .counts import CONSENSUS, advice_count, count_sections, counted_round, panel_decision, panel_members
from .turnout import TurnoutRow, turnout


@dataclass(frozen=True)
class PlanResult:
    id: int
    title: str
    cost_cents: int
    neighbourhood: str
    theme: str
    supporters: int
    points: int | None
    support: str
    funded: bool
    round: int | None
    explanation: str  # one line: funded in round n / not funded, and the first reason
    chosen_by_greedy: bool
    chosen_by_mes: bool
    # When the citizens' panel decided: its reason, and in a hybrid edition the public vote's advice.
    reason: str = ""
    advice_support: str = ""
    advice_funded: bool | None = None
    # Why, in more words (outcomes.explanation): the one or two facts that decided it, and where a
    # resident would ask, the comparison with the plan with more (or fewer) votes that beat it.
    reasons: tuple[str, ...] = ()
    comparison: str = ""
    # The title in other languages as its initiators gave it (shown through the ``translated`` tags).
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SectionResult:
    section: CountSection
    plans: list[PlanResult]
    funded_cents: int
    command: str

    @property
    def funded(self) -> list[PlanResult]:
        return [p for p in self.plans if p.funded]

    @property
    def unspent_cents(self) -> int:
        return max(self.section.budget_cents - self.funded_cents, 0)


@dataclass(frozen=True)
class PanelFacts:
    """How the citizens' panel decided: by a vote in a session (how many took part) or by consensus."""

    decision: PanelDecision | None
    method: str
    session: WorkSession | None
    ballots: int
    members: int

    @property
    def is_consensus(self) -> bool:
        return self.method == "consensus"

    @property
    def summary(self) -> str:
        return self.decision.summary if self.decision is not None else ""


@dataclass(frozen=True)
class Result:
    count: Count
    sections: list[SectionResult]
    turnout: list[TurnoutRow]
    turnout_total: TurnoutRow
    panel: PanelFacts | None = None
    # In a hybrid edition where everyone voted first: the vote's count, the panel's advice.
    advice: Count | None = None
    advice_sections: list[SectionResult] = field(default_factory=list)
    public_voted: bool = True

    @property
    def funded_cents(self) -> int:
        return sum(s.funded_cents for s in self.sections)

    @property
    def funded_count(self) -> int:
        return sum(len(s.funded) for s in self.sections)

    @property
    def rule_label(self) -> str:
        if self.count.rule == CONSENSUS:
            return _("Consensus of the citizens' panel")
        return str(AggregationRule(self.count.rule).label)

    @property
    def satisfaction_label(self) -> str:
        return str(Satisfaction(self.count.satisfaction).label) if self.count.satisfaction else ""

    @property
    def is_consensus(self) -> bool:
        return self.count.rule == CONSENSUS

    @property
    def has_files(self) -> bool:
        """Whether there are ballots to download and count again (not after a consensus)."""
        return not self.is_consensus

    @property
    def budget_cents(self) -> int:
        return sum(s.section.budget_cents for s in self.sections)

    # The summary at the top of the page, and the rule settings in plain words.

    @property
    def unspent_cents(self) -> int:
        return sum(s.unspent_cents for s in self.sections)

    @property
    def rule_name(self) -> str:
        """The rule's name for residents (no field jargon: the edition's label says "greedy")."""
        names = {
            "greedy": pgettext("counting rule", "Most votes first"),
            "mes": pgettext("counting rule", "Equal Shares"),
            "phragmen": pgettext("counting rule", "Phragmén's method"),
            "maxwelfare": pgettext("counting rule", "Most support in total"),
            CONSENSUS: pgettext("counting rule", "Consensus of the citizens' panel"),
        }
        return names.get(self.count.rule, self.rule_label)

    @property
    def leftover_text(self) -> str:
        """What the rule did with money left after its main rounds (Equal Shares' completion)."""
        if self.count.rule != "mes":
            return ""
        if self.count.completion in ("exhaustion", "add1"):
            return _(
                "Money was left after the rounds? Then the count was done again with a bigger equal share "
                "for everyone, as long as the chosen plans still fitted in the budget."
            )
        if self.count.completion == "add1u":
            return _(
                "Money was left after the rounds? Then the count was done again with a bigger equal share "
                "for everyone, as long as the chosen plans still fitted in the budget. After that, the "
                "plans with the most votes that still fitted were added."
            )
        return _("Money that was left after the rounds was not spent.")

    @property
    def satisfaction_text(self) -> str:
        """What counts as a voter's gain, in plain words."""
        if self.count.satisfaction == Satisfaction.COST:
            return _(
                "By the cost of the chosen plans they voted for: a plan of € 20,000 counts twice as much "
                "as a plan of € 10,000."
            )
        if self.count.satisfaction == Satisfaction.CARDINALITY:
            return _("By the number of chosen plans they voted for, whatever each plan costs.")
        return ""

    @property
    def tie_breaking_text(self) -> str:
        """How exact ties were decided, in plain words (the stored setting is the engine's English)."""
        if self.count.tie_breaking == counting_rule(self.count.edition)["tie_breaking"]:
            return _(
                "If two plans were exactly equal, the plan with the lower number went first. The numbers "
                "are compared as text, so 10 comes before 9."
            )
        if not self.count.tie_breaking:
            return ""
        return _("In this fixed order of plan numbers: %(order)s.") % {"order": self.count.tie_breaking}

    @property
    def several_sections(self) -> bool:
        return len(self.sections) > 1


def recount_command(count: Count, section: CountSection) -> str:
    """The exact command that re-counts the section's published file."""
    parts = [
        "python -m pbrules",
        section.file_name,
        "--rule",
        count.rule,
        "--satisfaction",
        count.satisfaction,
    ]
    if count.completion:
        parts += ["--completion", count.completion]
    return " ".join([*parts, "--tie-breaking", "id", "--json"])


def _section_result(
    count: Count,
    section: CountSection,
    *,
    reasons: Mapping[int, str] | None = None,
    advice: Mapping[int, tuple[str, bool]] | None = None,
) -> SectionResult:
    explanations = explain_section(section.outcome, section.plans, section_facts_of(section))
    greedy = {int(pid) for pid in section.comparison.get("greedy", {}).get("selected", [])}
    mes = {int(pid) for pid in section.comparison.get("mes", {}).get("selected", [])}
    ids = [int(row["id"]) for row in section.plans]
    translations = dict(Plan.objects.filter(pk__in=ids).values_list("pk", "translations"))
    plans = []
    for row in section.plans:
        explanation = explanations[int(row["id"])]
        advised = (advice or {}).get(int(row["id"]))
        plans.append(
            PlanResult(
                id=int(row["id"]),
                title=row["title"],
                cost_cents=int(row["cost_cents"]),
                neighbourhood=row["neighbourhood"],
                theme=row["theme"],
                supporters=int(row["supporters"]),
                points=row.get("points"),
                support=support_text(int(row["supporters"]), row.get("points")),
                funded=explanation.funded,
                round=explanation.round,
                explanation=explanation.text,
                reasons=explanation.reasons,
                comparison=explanation.comparison,
                chosen_by_greedy=int(row["id"]) in greedy,
                chosen_by_mes=int(row["id"]) in mes,
                reason=(reasons or {}).get(int(row["id"]), ""),
                advice_support=advised[0] if advised else "",
                advice_funded=advised[1] if advised else None,
                translations=translations.get(int(row["id"])) or {},
            )
        )
    plans.sort(key=lambda p: (not p.funded, p.round or 0, -p.supporters, p.title))
    return SectionResult(
        section=section,
        plans=plans,
        funded_cents=sum(p.cost_cents for p in plans if p.funded),
        command=recount_command(count, section) if section.pb_file else "",
    )


def section_results(count: Count) -> list[SectionResult]:
    """Each section of ``count`` with its plans' result and explanation (the facilitator's page)."""
    return [_section_result(count, s) for s in count_sections(count)]


def panel_facts(count: Count) -> PanelFacts | None:
    """How the panel reached the decision ``count`` records; None for a public vote's count."""
    if count.source != CountSource.PANEL:
        return None
    decision = panel_decision(count.edition)
    round_id = decision.vote_id if decision is not None else counted_round(count)
    if count.rule == CONSENSUS or round_id is None:
        return PanelFacts(decision, "consensus", None, 0, panel_members(count.edition))
    vote = (
        PanelVote.objects.select_related("session")
        .annotate(ballot_count=DbCount("ballots", distinct=True), card_count=DbCount("cards", distinct=True))
        .get(pk=round_id)
    )
    members = vote.card_count or panel_members(count.edition)
    return PanelFacts(decision, "vote", vote.session, vote.ballot_count, members)


def _advice(edition: Edition) -> tuple[Count | None, dict[int, tuple[str, bool]]]:
    advice = advice_count(edition)
    if advice is None:
        return None, {}
    rows: dict[int, tuple[str, bool]] = {}
    for section in count_sections(advice):
        selected = {int(pid) for pid in section.selected}
        for row in section.plans:
            pid = int(row["id"])
            rows[pid] = (support_text(int(row["supporters"]), row.get("points")), pid in selected)
    return advice, rows


def result_of(count: Count) -> Result:
    """Everything the results page shows for ``count``, in the active language."""
    edition = count.edition
    panel = panel_facts(count)
    reasons: dict[int, str] = {}
    advice: Count | None = None
    advice_rows: dict[int, tuple[str, bool]] = {}
    if panel is not None:
        if panel.decision is not None:
            reasons = dict(panel.decision.reasons.values_list("plan_id", "reason"))
        advice, advice_rows = _advice(edition)
    sections = [_section_result(count, s, reasons=reasons, advice=advice_rows) for s in count_sections(count)]
    rows, total = turnout(edition)
    return Result(
        count=count,
        sections=sections,
        turnout=rows,
        turnout_total=total,
        panel=panel,
        advice=advice,
        advice_sections=section_results(advice) if advice is not None else [],
        public_voted=edition.public_votes,
    )
