"""The citizens' panel's decision as a result: a counted ballot round, or a consensus within the budget."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.utils import translation

from audit.models import AuditEntry
from deliberation.models import PanelDecision, PanelReason
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from outcomes.errors import OutcomeError
from outcomes.models import Count, CountSource, CountStatus
from outcomes.selectors import counted_round, current_count, published_count, result_of
from outcomes.services import count_panel_vote, publish_result, record_panel_decision, start_count
from proposals.models import Plan, PlanStatus
from tests.factories import ballot_box_shares, make_neighbourhood, make_sub_budget
from tests.refusals import refused

from ..factories import (
    add_panel_round,
    make_facilitator,
    make_official,
    make_panel,
    make_panel_edition,
)
from .test_counting import CHOICES, pbrules_answer, recount

pytestmark = pytest.mark.django_db


def reasons_for(plans: list[Plan]) -> dict[int, str]:
    return {p.pk: f"Afweging over {p.title}." for p in plans}


def nothing_written(edition: Edition) -> bool:
    return (
        not PanelDecision.objects.filter(edition=edition).exists()
        and not PanelReason.objects.exists()
        and not Count.objects.filter(edition=edition).exists()
    )


def test_consensus_over_the_total_budget_is_refused_and_changes_nothing() -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)

    with translation.override("en"):
        refusal = refused(
            lambda: record_panel_decision(
                edition=edition,
                by=facilitator,
                method="consensus",
                reasons=reasons_for(plans),
                funded=[plans[0].pk, plans[1].pk],
                summary="Samen besloten.",
            ),
            "over_total_budget",
            error=OutcomeError,
        )

    with translation.override("en"):
        assert refusal.message == ("The chosen plans cost €70,000 in total, more than the budget of €60,000.")
    assert nothing_written(edition)


def test_consensus_over_a_sections_budget_is_refused_naming_the_section() -> None:
    edition, plans = make_panel_edition(plan_costs=(2_000_000, 2_000_000, 1_000_000, 1_000_000))
    noord = make_neighbourhood(district=edition.district, name="Noord")
    make_sub_budget(edition=edition, amount_cents=3_000_000, neighbourhood=noord)
    Plan.objects.filter(pk__in=[plans[0].pk, plans[1].pk]).update(neighbourhood=noord)

    with translation.override("nl"):
        refusal = refused(
            lambda: record_panel_decision(
                edition=edition,
                by=make_facilitator(edition),
                method="consensus",
                reasons=reasons_for(plans),
                funded=[plans[0].pk, plans[1].pk],
                summary="",
            ),
            "over_section_budget",
            error=OutcomeError,
        )

    assert refusal.params["section"] == "Noord"
    assert refusal.params["cost"] == "€\N{NO-BREAK SPACE}40.000"
    assert refusal.params["budget"] == "€\N{NO-BREAK SPACE}30.000"
    assert nothing_written(edition)


def test_consensus_needs_a_reason_for_every_plan_on_the_ballot() -> None:
    edition, plans = make_panel_edition()
    reasons = reasons_for(plans)
    reasons[plans[2].pk] = "   "

    refusal = refused(
        lambda: record_panel_decision(
            edition=edition,
            by=make_facilitator(edition),
            method="consensus",
            reasons=reasons,
            funded=[plans[0].pk],
            summary="",
        ),
        "reason_missing",
        error=OutcomeError,
    )
    assert refusal.params["plan"] == plans[2].title
    assert nothing_written(edition)


def test_recorded_consensus_is_the_result_and_publishing_selects_and_tells_initiators() -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)

    decision = record_panel_decision(
        edition=edition,
        by=facilitator,
        method="consensus",
        reasons=reasons_for(plans),
        funded=[plans[0].pk, plans[2].pk],
        summary="De buurt heeft groen nodig.",
    )

    assert decision.method == "consensus" and decision.vote is None and decision.published_at is None
    assert {(r.plan_id, r.funded) for r in decision.reasons.all()} == {
        (plans[0].pk, True),
        (plans[1].pk, False),
        (plans[2].pk, True),
        (plans[3].pk, False),
    }
    count = current_count(edition, source=CountSource.PANEL)
    assert count is not None and count.rule == "consensus" and count.status == CountStatus.DONE
    section = count.sections.get()
    assert section.selected == sorted([plans[0].pk, plans[2].pk])
    assert section.pb_file == "" and section.sha256 == ""
    assert section.outcome["total_cost"] == 6_000_000 and section.outcome["rule"] == "consensus"
    assert published_count(edition) == count
    result = result_of(count)
    assert result.panel is not None and result.panel.is_consensus
    assert {p.id: p.reason for p in result.sections[0].plans} == reasons_for(plans)
    assert AuditEntry.objects.filter(action="outcomes.panel_decision_recorded").count() == 1

    publish_result(count=count, by=facilitator)

    decision.refresh_from_db()
    assert decision.published_at is not None
    selected = set(Plan.objects.filter(status=PlanStatus.SELECTED).values_list("pk", flat=True))
    assert selected == {plans[0].pk, plans[2].pk}
    told = Notification.objects.filter(kind=NotificationKind.RESULT)
    assert sorted(n.recipient_id for n in told) == sorted(p.initiator_id for p in plans)


@pytest.mark.parametrize(("rule", "satisfaction"), [("greedy", "cost"), ("mes", "cost")])
def test_panel_round_is_counted_with_the_editions_rule_like_pbrules_on_the_stored_file(
    tmp_path: Path, rule: str, satisfaction: str
) -> None:
    costs = [4_000_000, 3_000_000, 2_000_000, 1_000_000]
    edition, plans = make_panel_edition(aggregation_rule=rule, rule_satisfaction=satisfaction)
    facilitator = make_facilitator(edition)
    vote = add_panel_round(
        edition=edition,
        by=facilitator,
        contents=[{"main": sorted(plans[i].pk for i in chosen)} for chosen in CHOICES],
    )

    count = count_panel_vote(edition=edition, vote=vote, by=facilitator)

    assert count.source == CountSource.PANEL and count.status == CountStatus.DONE and count.is_current
    assert counted_round(count) == vote.pk
    section = count.sections.get()
    expected = pbrules_answer(
        plans, costs, CHOICES, 6_000_000, rule=rule, satisfaction=satisfaction, completion="exhaustion"
    )
    assert sorted(str(pid) for pid in section.selected) == expected
    assert recount(tmp_path, count)["selected"] == section.outcome["selected"]
    assert section.voters == len(CHOICES)
    assert "citizens' panel" in section.pb_file and section.file_name.endswith("-panel-main.pb")
    # Counted, but not the public result until the decision is recorded.
    assert published_count(edition) is None


def test_decision_by_vote_takes_the_counted_rounds_selection_with_optional_reasons() -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    members = make_panel(edition, size=5, by=facilitator)
    vote = add_panel_round(
        edition=edition,
        by=facilitator,
        members=members,
        contents=[{"main": [plans[0].pk]}] * 3 + [{"main": [plans[3].pk]}],
    )
    refused(
        lambda: record_panel_decision(
            edition=edition, by=facilitator, method="vote", reasons={}, funded=None, summary="", vote=vote
        ),
        "round_not_counted",
        error=OutcomeError,
    )
    count = count_panel_vote(edition=edition, vote=vote, by=facilitator)

    decision = record_panel_decision(
        edition=edition,
        by=facilitator,
        method="vote",
        reasons={plans[0].pk: "Veel steun in het panel."},
        funded=None,
        summary="",
        vote=vote,
    )

    assert decision.vote == vote
    assert [(r.plan_id, r.funded) for r in decision.reasons.all()] == [(plans[0].pk, None)]
    assert published_count(edition) == count
    panel = result_of(count).panel
    assert panel is not None and (panel.method, panel.ballots, panel.members) == ("vote", 4, 5)
    publish_result(count=count, by=facilitator)
    decision.refresh_from_db()
    assert decision.published_at is not None
    assert set(Plan.objects.filter(status=PlanStatus.SELECTED).values_list("pk", flat=True)) == {
        int(pid) for pid in count.sections.get().selected
    }


def test_only_the_facilitator_while_the_panel_decides_may_count_or_record() -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    vote = add_panel_round(edition=edition, by=facilitator, contents=[{"main": [plans[0].pk]}])
    official = make_official(edition)

    refused(
        lambda: count_panel_vote(edition=edition, vote=vote, by=official),
        "not_facilitator",
        error=OutcomeError,
    )
    refused(
        lambda: record_panel_decision(
            edition=edition, by=official, method="consensus", reasons={}, funded=[], summary=""
        ),
        "not_facilitator",
        error=OutcomeError,
    )

    later, later_plans = make_panel_edition(phase="result")
    later_facilitator = make_facilitator(later)
    later_vote = add_panel_round(
        edition=later, by=later_facilitator, contents=[{"main": [later_plans[0].pk]}]
    )
    refused(
        lambda: count_panel_vote(edition=later, vote=later_vote, by=later_facilitator),
        "decision_not_open",
        error=OutcomeError,
    )
    assert not Count.objects.exists()


def test_rounds_that_are_open_empty_or_of_another_edition_are_not_counted() -> None:
    edition, _ = make_panel_edition()
    facilitator = make_facilitator(edition)
    open_round = add_panel_round(edition=edition, by=facilitator, contents=[], closed=False)
    refused(
        lambda: count_panel_vote(edition=edition, vote=open_round, by=facilitator),
        "round_open",
        error=OutcomeError,
    )
    open_round.delete()
    empty = add_panel_round(edition=edition, by=facilitator, contents=[])
    refused(
        lambda: count_panel_vote(edition=edition, vote=empty, by=facilitator),
        "round_empty",
        error=OutcomeError,
    )
    other, _ = make_panel_edition()
    elsewhere = add_panel_round(edition=other, by=make_facilitator(other), contents=[{"main": []}])
    refused(
        lambda: count_panel_vote(edition=edition, vote=elsewhere, by=facilitator),
        "round_not_found",
        error=OutcomeError,
    )
    assert not Count.objects.exists()


def test_a_decision_is_recorded_once_and_not_for_plans_off_the_ballot() -> None:
    edition, plans = make_panel_edition()
    facilitator = make_facilitator(edition)
    stranger = Plan.objects.exclude(edition=edition).first() or make_panel_edition()[1][0]
    unknown = {**reasons_for(plans), stranger.pk: "Niet op het stembiljet."}

    def record(reasons: dict[int, str]) -> PanelDecision:
        return record_panel_decision(
            edition=edition, by=facilitator, method="consensus", reasons=reasons, funded=[], summary=""
        )

    refused(lambda: record(unknown), "plans_changed", error=OutcomeError)
    record(reasons_for(plans))
    refused(lambda: record(reasons_for(plans)), "decision_recorded", error=OutcomeError)
    vote = add_panel_round(edition=edition, by=facilitator, contents=[{"main": [plans[0].pk]}])
    refused(
        lambda: count_panel_vote(edition=edition, vote=vote, by=facilitator),
        "decision_recorded",
        error=OutcomeError,
    )


def test_there_is_no_public_vote_to_count_when_the_panel_decides_alone() -> None:
    edition, _ = make_panel_edition(phase="result")

    refused(
        lambda: start_count(
            edition=edition, by=make_official(edition), shares=ballot_box_shares(edition), background=False
        ),
        "no_public_vote",
        error=OutcomeError,
    )
