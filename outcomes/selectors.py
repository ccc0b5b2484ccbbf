"""Reads for the results pages: which count is public, the result per plan, money and turnout."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count as DbCount
from django.db.models import Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from deliberation.models import (
    MemberStatus,
    PanelDecision,
    PanelMember,
    PanelReason,
    PanelStep,
    PanelVote,
    WorkSession,
)
from editions.models import AggregationRule, Edition, Satisfaction
from outreach.models import Address
from voting.models import Channel, Voter

from .explain import explain_section, support_text
from .models import Count, CountSection, CountSource, CountStatus

# The rule of a count that records the panel's consensus: chosen plans, no ballots.
CONSENSUS = "consensus"


def current_count(edition: Edition, *, source: str = CountSource.VOTE) -> Count | None:
    """The edition's current count (done) of the public vote, or of the panel, published or not."""
    return (
        Count.objects.filter(edition=edition, source=source, is_current=True, status=CountStatus.DONE)
        .select_related("edition", "started_by")
        .first()
    )


def deciding_source(edition: Edition) -> str:
    """Whose count is the edition's result: the panel's when the panel decides, else the vote's."""
    return CountSource.PANEL if edition.panel_decides else CountSource.VOTE


def result_count(edition: Edition) -> Count | None:
    """The edition's current result (done), published or not: the deciding count."""
    return current_count(edition, source=deciding_source(edition))


def advice_count(edition: Edition) -> Count | None:
    """In a hybrid edition where everyone votes first: the vote's count, the panel's advice."""
    return current_count(edition) if edition.public_votes and edition.panel_decides else None


def panel_decision(edition: Edition) -> PanelDecision | None:
    """The citizens' panel's recorded decision (not its shortlist), published or not."""
    return (
        PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION)
        .select_related("vote__session")
        .prefetch_related(Prefetch("reasons", queryset=PanelReason.objects.select_related("plan")))
        .first()
    )


def published_count(edition: Edition, *, at: datetime | None = None) -> Count | None:
    """The current result, if the public may see it: counted, and its publication time has come.

    The panel's count is its result only once the facilitator recorded the decision with its
    reasons: counting a ballot round alone does not make it public.
    """
    moment = at or timezone.now()
    if edition.results_publish_at is not None and moment < edition.results_publish_at:
        return None
    count = result_count(edition)
    if count is not None and count.source == CountSource.PANEL and panel_decision(edition) is None:
        return None
    return count


# The audit action of counting a panel round (the round itself is ``Count.panel_vote``).
COUNTED_ROUND_ACTION = "outcomes.panel_vote_counted"


def counted_round(count: Count) -> int | None:
    """The id of the panel's ballot round ``count`` counted (None for a public vote or a consensus)."""
    return count.panel_vote_id


def closed_rounds(edition: Edition) -> list[PanelVote]:
    """The panel's closed ballot rounds, newest first, each with ``ballot_count``."""
    return list(
        PanelVote.objects.filter(edition=edition, closed_at__isnull=False)
        .select_related("session")
        .annotate(ballot_count=DbCount("ballots"))
        .order_by("-closed_at", "-pk")
    )


def panel_members(edition: Edition) -> int:
    """The active members of the edition's current panel."""
    return PanelMember.objects.filter(
        draw__edition=edition, draw__is_current=True, status=MemberStatus.ACTIVE
    ).count()


def latest_count(edition: Edition) -> Count | None:
    """The most recent count of any status, for the staff page."""
    return Count.objects.filter(edition=edition).select_related("started_by").first()


def count_sections(count: Count) -> list[CountSection]:
    return list(count.sections.select_related("count__edition").order_by("position"))


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
    explanation: str
    chosen_by_greedy: bool
    chosen_by_mes: bool
    # When the citizens' panel decided: its reason, and in a hybrid edition the public vote's advice.
    reason: str = ""
    advice_support: str = ""
    advice_funded: bool | None = None


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
    def greedy_cents(self) -> int:
        return sum(p.cost_cents for p in self.plans if p.chosen_by_greedy)

    @property
    def mes_cents(self) -> int:
        return sum(p.cost_cents for p in self.plans if p.chosen_by_mes)


@dataclass(frozen=True)
class MoneyRow:
    name: str
    plans: int
    cents: int


@dataclass(frozen=True)
class TurnoutRow:
    name: str
    online: int
    paper: int
    eligible: int

    @property
    def voted(self) -> int:
        return self.online + self.paper

    @property
    def percent(self) -> float | None:
        return 100 * self.voted / self.eligible if self.eligible else None


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
    by_neighbourhood: list[MoneyRow]
    by_theme: list[MoneyRow]
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
    explanations = explain_section(section.outcome, section.plans)
    greedy = {int(pid) for pid in section.comparison.get("greedy", {}).get("selected", [])}
    mes = {int(pid) for pid in section.comparison.get("mes", {}).get("selected", [])}
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
                chosen_by_greedy=int(row["id"]) in greedy,
                chosen_by_mes=int(row["id"]) in mes,
                reason=(reasons or {}).get(int(row["id"]), ""),
                advice_support=advised[0] if advised else "",
                advice_funded=advised[1] if advised else None,
            )
        )
    plans.sort(key=lambda p: (not p.funded, p.round or 0, -p.supporters, p.title))
    return SectionResult(
        section=section,
        plans=plans,
        funded_cents=sum(p.cost_cents for p in plans if p.funded),
        command=recount_command(count, section) if section.pb_file else "",
    )


def _money(rows: list[PlanResult], attribute: str, empty: str) -> list[MoneyRow]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for plan in rows:
        name = getattr(plan, attribute) or empty
        totals[name][0] += 1
        totals[name][1] += plan.cost_cents
    return [MoneyRow(name, n, cents) for name, (n, cents) in sorted(totals.items())]


def turnout(edition: Edition) -> tuple[list[TurnoutRow], TurnoutRow]:
    """Voters per neighbourhood and channel, against the eligible residents there.

    The denominator is the eligible residents of the imported addresses when the edition has an
    address list, else the voter rows (every eligible resident on the register has one).
    """
    nobody = _("No neighbourhood known")
    voted = (
        Voter.objects.filter(edition=edition)
        .values("neighbourhood__name")
        .annotate(
            online=DbCount("pk", filter=Q(channel=Channel.ONLINE)),
            paper=DbCount("pk", filter=Q(channel=Channel.PAPER)),
            rows=DbCount("pk", filter=Q(revoked_at__isnull=True)),
        )
    )
    addresses = {
        row["neighbourhood__name"]: int(row["eligible"])
        for row in Address.objects.filter(edition=edition)
        .values("neighbourhood__name")
        .annotate(eligible=Sum("eligible_count"))
    }
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: {"online": 0, "paper": 0, "rows": 0})
    for row in voted:
        entry = by_name[row["neighbourhood__name"] or nobody]
        for key in ("online", "paper", "rows"):
            entry[key] += int(row[key])
    for name in addresses:
        by_name[name or nobody]
    rows = [
        TurnoutRow(
            name=name,
            online=entry["online"],
            paper=entry["paper"],
            eligible=addresses.get(name, 0) if addresses else entry["rows"],
        )
        for name, entry in sorted(by_name.items())
    ]
    total = TurnoutRow(
        name=_("Total"),
        online=sum(r.online for r in rows),
        paper=sum(r.paper for r in rows),
        eligible=sum(r.eligible for r in rows),
    )
    return rows, total


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
    funded = [p for s in sections for p in s.funded]
    rows, total = turnout(edition)
    return Result(
        count=count,
        sections=sections,
        by_neighbourhood=_money(funded, "neighbourhood", _("Whole district")),
        by_theme=_money(funded, "theme", _("No theme")),
        turnout=rows,
        turnout_total=total,
        panel=panel,
        advice=advice,
        advice_sections=section_results(advice) if advice is not None else [],
        public_voted=edition.public_votes,
    )


def result_data(count: Count) -> dict[str, Any]:
    """The result as open data (JSON): how it was counted, and per section the file hash and outcome."""
    edition = count.edition
    return {
        "edition": {"slug": edition.slug, "name": edition.name, "year": edition.year},
        "count": {
            "id": count.pk,
            "finished_at": count.finished_at.isoformat() if count.finished_at else None,
            "rule": count.rule,
            "satisfaction": count.satisfaction,
            "completion": count.completion,
            "pbrules_version": count.pbrules_version,
            "tie_breaking": count.tie_breaking,
        },
        "amounts": "euro cents",
        "sections": [
            {
                "key": s.key,
                "label": s.label,
                "budget_cents": s.budget_cents,
                "voters": s.voters,
                "file": s.file_name if s.pb_file else None,
                "sha256": s.sha256 or None,
                "tie_order": s.tie_order,
                "selected": s.selected,
                "plans": s.plans,
                "outcome": s.outcome,
                "comparison": s.comparison,
                "command": recount_command(count, s) if s.pb_file else None,
            }
            for s in count_sections(count)
        ],
        **_panel_data(count),
    }


def _panel_data(count: Count) -> dict[str, Any]:
    """Who decided; for the panel how (method, round, participation, reasons) and the vote's advice."""
    panel = panel_facts(count)
    if panel is None:
        return {"decided_by": count.source}
    decision = panel.decision
    advice = advice_count(count.edition)
    return {
        "decided_by": count.source,
        "panel": {
            "method": panel.method,
            "summary": panel.summary,
            "session": None
            if panel.session is None
            else {"number": panel.session.number, "title": panel.session.title},
            "members": panel.members,
            "ballots": panel.ballots,
            "reasons": [
                {"plan_id": r.plan_id, "reason": r.reason, "funded": r.funded}
                for r in (decision.reasons.order_by("plan_id") if decision is not None else [])
            ],
        },
        "advice": None
        if advice is None
        else {
            "count": advice.pk,
            "rule": advice.rule,
            "sections": [
                {
                    "key": s.key,
                    "file": s.file_name,
                    "sha256": s.sha256,
                    "selected": s.selected,
                    "plans": s.plans,
                }
                for s in count_sections(advice)
            ],
        },
    }
