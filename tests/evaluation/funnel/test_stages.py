"""The funnel's pure rules: how far a plan got, and why it left."""

from __future__ import annotations

from evaluation.funnel.stages import PlanFacts, Settled, dropout_reason, furthest_stage, stage_counts

ALL_OVER = Settled(plans_over=True, support_over=True, ballot_set=True, result_published=True)


def _facts(status: str, reached: int, *, stopped: bool = False) -> PlanFacts:
    submitted, supported, feasible, on_ballot, chosen, completed = (i < reached for i in range(6))
    return PlanFacts(status, submitted, supported, feasible, on_ballot, chosen, completed, stopped=stopped)


def test_a_later_stage_counts_every_earlier_one_even_without_its_trace() -> None:
    imported = PlanFacts(
        "feasible",
        submitted=True,
        supported=False,
        feasible=True,
        on_ballot=False,
        chosen=False,
        completed=False,
    )
    assert furthest_stage(imported) == 3
    assert stage_counts([imported]) == {
        "started": 1,
        "submitted": 1,
        "supported": 1,
        "feasible": 1,
        "on_ballot": 0,
        "chosen": 0,
        "completed": 0,
    }


def test_a_plan_waiting_at_a_step_that_is_not_over_has_not_dropped_out() -> None:
    nothing_over = Settled()
    assert dropout_reason(_facts("draft", 0), nothing_over) is None
    assert dropout_reason(_facts("submitted", 1), nothing_over) is None
    assert dropout_reason(_facts("feasible", 3), nothing_over) is None
    assert dropout_reason(_facts("feasible", 4), nothing_over) is None


def test_each_settled_step_gives_its_reason() -> None:
    assert dropout_reason(_facts("draft", 0), ALL_OVER) == "not_submitted"
    assert dropout_reason(_facts("submitted", 1), ALL_OVER) == "too_few_likes"
    assert dropout_reason(_facts("not_feasible", 2), ALL_OVER) == "not_feasible"
    assert dropout_reason(_facts("feasible", 3), ALL_OVER) == "not_shortlisted"
    assert dropout_reason(_facts("feasible", 4), ALL_OVER) == "not_chosen"
    assert dropout_reason(_facts("in_execution", 5), ALL_OVER) is None
    assert dropout_reason(_facts("completed", 6), ALL_OVER) is None


def test_withdrawn_and_cancelled_plans_say_so_whatever_stage_they_reached() -> None:
    assert dropout_reason(_facts("withdrawn", 3), Settled()) == "withdrawn"
    assert dropout_reason(_facts("cancelled", 5), Settled()) == "cancelled"
    assert dropout_reason(_facts("in_execution", 5, stopped=True), Settled()) == "cancelled"
