"""The citizens' panel's decision as a result: counting its ballot round, or recording its consensus.

Both end as a count with source "panel", so the results page shows the panel's decision in the
same form as a public vote's result. A round is counted by exactly the pipeline of the public
vote (one ``.pb`` file per ballot section, parsed back and counted with the edition's rule); a
consensus has no ballots, so its count holds the chosen plans with rule "consensus" and no file.
The facilitator then records the decision with the panel's reasons (``PanelDecision``), and
``publication.publish_result`` makes it take effect.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from ballots.sections import Section, ballot_sections
from deliberation.models import DecisionMethod, PanelDecision, PanelReason, PanelStep, PanelVote
from deliberation.steps import decision_open
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from ui.templatetags.money import format_money

from ..engine import ENGINE_ERRORS, counting_rule
from ..errors import OutcomeError
from ..models import ACTIVE_STATUSES, Count, CountSection, CountSource, CountStatus
from ..selectors import CONSENSUS, COUNTED_ROUND_ACTION, counted_round, current_count
from .counting import count_sections_of, progress_text, store_result


def _refuse_unless_deciding(edition: Edition, by: User, at: datetime | None = None) -> None:
    if not decision_open(edition, at=at):
        raise OutcomeError("decision_not_open")
    if not can(by, Action.FACILITATE_PANEL, edition, at=at):
        raise OutcomeError("not_facilitator")


def _refuse_if_decided(edition: Edition) -> None:
    if PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION).exists():
        raise OutcomeError("decision_recorded")


def _sections(edition: Edition) -> list[Section]:
    sections = [s for s in ballot_sections(edition) if s.plans]
    if not sections:
        raise OutcomeError("no_plans")
    return sections


def _lock_counts(edition: Edition) -> None:
    """Serialise the panel's writes with any count of the edition (one active count at a time)."""
    if Count.objects.select_for_update().filter(edition=edition, status__in=ACTIVE_STATUSES).exists():
        raise OutcomeError("count_running")


def _make_current(count: Count) -> None:
    Count.objects.filter(edition=count.edition, source=count.source, is_current=True).exclude(
        pk=count.pk
    ).update(is_current=False)


def count_panel_vote(*, edition: Edition, vote: PanelVote, by: User, at: datetime | None = None) -> Count:
    """Count a closed ballot round of the panel with the edition's rule, as the public vote is counted.

    Synchronous (a panel casts a few dozen ballots) and in one transaction: a refusal or a failing
    count leaves nothing behind. The new count is the current one among the panel's counts. ``at``
    (default now) is when the phase rules are read (the demo records a past count).
    """
    _refuse_unless_deciding(edition, by, at)
    if vote.edition_id != edition.pk:
        raise OutcomeError("round_not_found")
    if vote.closed_at is None:
        raise OutcomeError("round_open")
    _refuse_if_decided(edition)
    contents = list(vote.ballots.values_list("content", flat=True))
    if not contents:
        raise OutcomeError("round_empty")
    with transaction.atomic():
        _lock_counts(edition)
        count = Count.objects.create(
            edition=edition,
            source=CountSource.PANEL,
            panel_vote=vote,
            status=CountStatus.RUNNING,
            started_by=by,
            progress_text=progress_text("reading"),
            **counting_rule(edition),
            **({} if at is None else {"started_at": at}),
        )
        record(
            actor=by,
            action=COUNTED_ROUND_ACTION,
            target=count,
            edition=edition,
            after={"count": count.pk, "vote": vote.pk, "ballots": len(contents), "rule": count.rule},
            at=at,
        )
        try:
            results, durations = count_sections_of(count, contents=contents)
        except ENGINE_ERRORS as exc:
            raise OutcomeError("engine_failed", detail=str(exc)) from exc
        store_result(count, results, durations, at=at)
    count.refresh_from_db()
    return count


def _clean_reasons(reasons: Mapping[int, str], plan_ids: set[int]) -> dict[int, str]:
    cleaned = {int(pid): text.strip() for pid, text in reasons.items() if text and text.strip()}
    if set(cleaned) - plan_ids:
        raise OutcomeError("plans_changed")
    return cleaned


def _refuse_over_budget(edition: Edition, sections: list[Section], chosen: set[int]) -> None:
    total = sum(p.cost_cents for s in sections for p in s.plans if p.pk in chosen)
    if total > edition.total_budget_cents:
        raise OutcomeError(
            "over_total_budget", cost=format_money(total), budget=format_money(edition.total_budget_cents)
        )
    for section in sections:
        cost = sum(p.cost_cents for p in section.plans if p.pk in chosen)
        if cost > section.budget_cents:
            raise OutcomeError(
                "over_section_budget",
                section=section.label,
                cost=format_money(cost),
                budget=format_money(section.budget_cents),
            )


def _consensus_outcome(section: Section, chosen: set[int]) -> dict[str, Any]:
    """The outcome of a consensus in the shape pbrules gives (no rounds, no rejections)."""
    selected = [p for p in sorted(section.plans, key=lambda p: p.pk) if p.pk in chosen]
    return {
        "selected": [str(p.pk) for p in selected],
        "total_cost": sum(p.cost_cents for p in selected),
        "budget": section.budget_cents,
        "rule": CONSENSUS,
        "params": {},
        "trace": [],
        "rejections": [],
        "metrics": {},
    }


def _consensus_count(edition: Edition, sections: list[Section], chosen: set[int], by: User) -> Count:
    now = timezone.now()
    count = Count.objects.create(
        edition=edition,
        source=CountSource.PANEL,
        status=CountStatus.DONE,
        started_by=by,
        started_at=now,
        finished_at=now,
        rule=CONSENSUS,
        satisfaction="",
        completion="",
        pbrules_version="",
        tie_breaking="",
        progress=100,
        progress_text=progress_text("done"),
    )
    CountSection.objects.bulk_create(
        CountSection(
            count=count,
            position=position,
            key=section.key,
            label=section.label,
            budget_cents=section.budget_cents,
            pb_file="",
            sha256="",
            tie_order=[],
            selected=sorted(p.pk for p in section.plans if p.pk in chosen),
            outcome=_consensus_outcome(section, chosen),
            plans=[
                {
                    "id": p.pk,
                    "title": p.title,
                    "cost_cents": p.cost_cents,
                    "neighbourhood": p.neighbourhood,
                    "theme": p.theme,
                    "supporters": 0,
                    "points": None,
                }
                for p in section.plans
            ],
            comparison={},
            voters=0,
        )
        for position, section in enumerate(sections)
    )
    _make_current(count)
    Count.objects.filter(pk=count.pk).update(is_current=True)
    count.refresh_from_db()
    return count


def record_panel_decision(
    *,
    edition: Edition,
    by: User,
    method: str,
    reasons: Mapping[int, str],
    funded: Collection[int] | None,
    summary: str,
    vote: PanelVote | None = None,
    at: datetime | None = None,
) -> PanelDecision:
    """Record the panel's decision with its reasons; refused (and nothing written) when it does not fit.

    ``method`` "consensus": ``funded`` are the chosen plan ids, every plan on the ballot needs a
    reason, and the chosen plans must fit each section's budget and the total budget; a count of
    the chosen plans (rule "consensus") becomes the panel's current count. ``method`` "vote":
    ``vote`` is the round whose count is the panel's current count; reasons are optional. ``at``
    (default now) is when the phase rules are read and the decision is recorded.
    """
    _refuse_unless_deciding(edition, by, at)
    if method not in DecisionMethod.values:
        raise OutcomeError("unknown_method")
    _refuse_if_decided(edition)
    sections = _sections(edition)
    plan_ids = {p.pk for s in sections for p in s.plans}
    cleaned = _clean_reasons(reasons, plan_ids)
    consensus = method == DecisionMethod.CONSENSUS
    chosen = _consensus_choice(edition, sections, funded, cleaned) if consensus else set()
    counted = None if consensus else _counted_round(edition, vote, plan_ids)
    with transaction.atomic():
        _lock_counts(edition)
        count = _consensus_count(edition, sections, chosen, by) if counted is None else counted
        decision = _store_decision(
            edition=edition,
            by=by,
            method=method,
            vote=None if consensus else vote,
            summary=summary,
            reasons=cleaned,
            funded=chosen if consensus else None,
            at=at,
        )
        record(
            actor=by,
            action="outcomes.panel_decision_recorded",
            target=decision,
            edition=edition,
            after={
                "method": method,
                "vote": decision.vote_id,
                "count": count.pk,
                "selected": sorted(int(pid) for s in count.sections.all() for pid in s.selected),
                "reasons": len(cleaned),
            },
            at=at,
        )
    return decision


def _store_decision(
    *,
    edition: Edition,
    by: User,
    method: str,
    vote: PanelVote | None,
    summary: str,
    reasons: dict[int, str],
    funded: set[int] | None,
    at: datetime | None,
) -> PanelDecision:
    """The decision row and its reasons (``funded``: the plans a consensus funds, None after a vote)."""
    decision = PanelDecision.objects.create(
        edition=edition,
        step=PanelStep.DECISION,
        method=method,
        vote=vote,
        summary=summary.strip(),
        recorded_by=by,
        recorded_at=at or timezone.now(),
    )
    PanelReason.objects.bulk_create(
        PanelReason(
            decision=decision, plan_id=pid, reason=text, funded=None if funded is None else pid in funded
        )
        for pid, text in sorted(reasons.items())
    )
    return decision


def _consensus_choice(
    edition: Edition, sections: list[Section], funded: Collection[int] | None, reasons: Mapping[int, str]
) -> set[int]:
    """The plans a consensus funds: refused unless every plan on the ballot has a reason and they fit."""
    plans = [p for s in sections for p in s.plans]
    chosen = {int(pid) for pid in funded or ()}
    if chosen - {p.pk for p in plans}:
        raise OutcomeError("plans_changed")
    missing = next((p for p in plans if p.pk not in reasons), None)
    if missing is not None:
        raise OutcomeError("reason_missing", plan=missing.title, plan_id=missing.pk)
    _refuse_over_budget(edition, sections, chosen)
    return chosen


def _counted_round(edition: Edition, vote: PanelVote | None, plan_ids: set[int]) -> Count:
    """The panel's current count, if it counted ``vote`` over the plans on the ballot now."""
    current = current_count(edition, source=CountSource.PANEL)
    if vote is None or current is None or current.rule == CONSENSUS or counted_round(current) != vote.pk:
        raise OutcomeError("round_not_counted")
    counted = {int(row["id"]) for s in current.sections.all() for row in s.plans}
    if counted != plan_ids:
        raise OutcomeError("plans_changed")
    return current
