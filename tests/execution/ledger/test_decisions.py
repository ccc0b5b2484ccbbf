"""District decisions: moving money between lines, topping up, returning to the edition — with a reason."""

from __future__ import annotations

from functools import partial

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from editions.models import Edition
from execution.ledger.services.decisions import reallocate, return_to_edition, top_up, unawarded_cents
from execution.ledger.services.payments import record_payment
from execution.models import LedgerDecision, LedgerDecisionKind, ProjectLine
from tests.execution.factories import add_line, make_other_official, owner_of, published_projects
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _lines() -> list[tuple[int, int, int]]:
    return list(
        ProjectLine.objects.order_by("pk").values_list("awarded_cents", "paid_cents", "returned_cents")
    )


def _state() -> tuple[int, list[tuple[int, int, int]]]:
    return LedgerDecision.objects.count(), _lines()


def test_reallocating_moves_award_between_lines_with_a_public_reason_and_an_audit_entry() -> None:
    _, _, official, projects = published_projects()
    first = projects[0].lines.get()
    second = add_line(projects[0])
    decision = reallocate(
        from_line=first, to_line=second, by=official, amount_cents=500_00, reason=" Meer materiaal nodig "
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.awarded_cents, second.awarded_cents) == (4_000_000 - 500_00, 500_00)
    assert decision.kind == LedgerDecisionKind.REALLOCATE
    assert decision.reason == "Meer materiaal nodig"
    assert AuditEntry.objects.filter(
        action="execution.ledger_reallocate", object_id=str(decision.pk)
    ).exists()


def test_reallocating_below_what_was_paid_is_refused() -> None:
    _, _, official, projects = published_projects()
    first = projects[0].lines.get()
    second = add_line(projects[0])
    record_payment(
        line=first, by=official, amount_cents=3_900_000, paid_on=timezone.localdate(), reference="F1"
    )
    first.refresh_from_db()
    refused(
        lambda: reallocate(
            from_line=first, to_line=second, by=official, amount_cents=100_001, reason="Nodig"
        ),
        "line_short",
        unchanged=_state,
    )


def test_a_decision_without_a_reason_is_refused() -> None:
    _, _, official, projects = published_projects()
    line = projects[0].lines.get()
    refused(
        lambda: return_to_edition(line=line, by=official, amount_cents=100, reason="  "),
        "reason_required",
        unchanged=_state,
    )


def test_a_top_up_is_refused_beyond_what_the_edition_has_left_and_allowed_within_it() -> None:
    edition, _, official, projects = published_projects()
    line = projects[1].lines.get()
    assert unawarded_cents(edition) == 0  # 40k + 20k awarded of a 60k budget
    refused(
        lambda: top_up(line=line, by=official, amount_cents=1, reason="Duurder uitgevallen"),
        "over_budget",
        unchanged=_state,
    )
    Edition.objects.filter(pk=edition.pk).update(total_budget_cents=6_100_000)
    top_up(line=line, by=official, amount_cents=100_000, reason="Duurder uitgevallen")
    line.refresh_from_db()
    edition.refresh_from_db()
    assert line.awarded_cents == 2_100_000
    assert unawarded_cents(edition) == 0


def test_returned_money_is_unawarded_again_and_cannot_exceed_what_is_unused() -> None:
    edition, _, official, projects = published_projects()
    line = projects[0].lines.get()
    record_payment(
        line=line, by=official, amount_cents=3_000_000, paid_on=timezone.localdate(), reference="F1"
    )
    refused(
        lambda: return_to_edition(line=line, by=official, amount_cents=1_000_001, reason="Over"),
        "over_award",
        unchanged=_state,
    )
    return_to_edition(line=line, by=official, amount_cents=1_000_000, reason="Over")
    line.refresh_from_db()
    assert line.returned_cents == 1_000_000
    assert unawarded_cents(edition) == 1_000_000


def test_owners_and_other_districts_officials_may_not_decide() -> None:
    _, _, _, projects = published_projects()
    first = projects[0].lines.get()
    second = add_line(projects[0])
    for outsider in (owner_of(projects[0]), make_other_official()):
        refused(
            partial(
                reallocate, from_line=first, to_line=second, by=outsider, amount_cents=100, reason="Nodig"
            ),
            "not_district",
            unchanged=_state,
        )
        refused(
            partial(top_up, line=first, by=outsider, amount_cents=100, reason="Nodig"),
            "not_district",
            unchanged=_state,
        )


def test_moving_money_to_another_projects_line_is_refused() -> None:
    _, _, official, projects = published_projects()
    first, other = (p.lines.get() for p in projects)
    refused(
        lambda: reallocate(from_line=first, to_line=other, by=official, amount_cents=100, reason="Nodig"),
        "unknown_line",
        unchanged=_state,
    )
