"""An agreement's terms: what a side proposes, checked against the project, and stored as JSON.

A proposal lists milestones and payments. A milestone kept from the version in force carries its
``key`` (so it keeps its reached state); a new one has none and gets the next free key. A payment
names its milestone by its position in the proposal's list (the form numbers the milestone rows), and
the stored terms name it by key: ``{"milestones": [{"key", "title", "planned_on", "amount_cents",
"line"}], "payments": [{"kind", "line", "amount_cents", "milestone", "due_on"}], "conditions"}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max
from django.utils import formats, timezone

from ui.templatetags.money import format_money

from ..models import Agreement, Milestone, PaymentKind, Project, ProjectLine
from .errors import AgreementError


@dataclass(frozen=True)
class MilestoneTerm:
    title: str
    planned_on: date
    amount_cents: int = 0
    line_id: int | None = None
    key: int | None = None  # the key of a milestone kept from the version in force


@dataclass(frozen=True)
class PaymentTerm:
    kind: str
    line_id: int
    amount_cents: int
    milestone: int | None = None  # position (0-based) of its milestone in the proposal's list
    due_on: date | None = None


def decided_on(project: Project) -> date:
    """The day of the decision that chose the project: its result was published and it opened then."""
    return timezone.localdate(project.opened_at)


def build_terms(
    *, project: Project, milestones: Sequence[MilestoneTerm], payments: Sequence[PaymentTerm], conditions: str
) -> dict[str, Any]:
    """The terms to store, or a refusal naming the first thing wrong (numbers count from 1)."""
    lines = {line.pk: line for line in ProjectLine.objects.filter(project=project)}
    if not milestones:
        raise AgreementError("no_milestones")
    decided = decided_on(project)
    keys = _keys(project, milestones)
    for number, milestone in enumerate(milestones, start=1):
        _check_milestone(number, milestone, decided, lines)
    for number, payment in enumerate(payments, start=1):
        _check_payment(number, payment, decided, lines, len(milestones))
    _check_award(payments, lines)
    return {
        "milestones": [
            {
                "key": key,
                "title": m.title.strip(),
                "planned_on": m.planned_on.isoformat(),
                "amount_cents": m.amount_cents,
                "line": m.line_id,
            }
            for key, m in zip(keys, milestones, strict=True)
        ],
        "payments": [
            {
                "kind": str(p.kind),
                "line": p.line_id,
                "amount_cents": p.amount_cents,
                "milestone": keys[p.milestone] if p.milestone is not None else None,
                "due_on": p.due_on.isoformat() if p.due_on else None,
            }
            for p in payments
        ],
        "conditions": conditions.strip(),
    }


def _keys(project: Project, milestones: Sequence[MilestoneTerm]) -> list[int]:
    """Each milestone's key: kept ones keep theirs (a live milestone's), new ones the next free ones."""
    live = set(
        Milestone.objects.filter(project=project, dropped_at__isnull=True).values_list("key", flat=True)
    )
    used = [key for agreement in Agreement.objects.filter(project=project) for key in _term_keys(agreement)]
    stored = Milestone.objects.filter(project=project).aggregate(top=Max("key"))["top"] or 0
    following = max([stored, *used]) + 1
    keys: list[int] = []
    for number, milestone in enumerate(milestones, start=1):
        if milestone.key is None:
            keys.append(following)
            following += 1
            continue
        if milestone.key not in live:
            raise AgreementError("unknown_kept_milestone", number=number)
        if milestone.key in keys:
            raise AgreementError("duplicate_milestone", number=number)
        keys.append(milestone.key)
    return keys


def _term_keys(agreement: Agreement) -> list[int]:
    return [int(m["key"]) for m in agreement.terms.get("milestones", [])]


def _check_milestone(
    number: int, milestone: MilestoneTerm, decided: date, lines: dict[int, ProjectLine]
) -> None:
    if not milestone.title.strip():
        raise AgreementError("milestone_without_title", number=number)
    if milestone.planned_on < decided:
        raise AgreementError("milestone_before_decision", number=number, decided_on=_day(decided))
    if milestone.amount_cents < 0:
        raise AgreementError("milestone_amount_negative", number=number)
    if milestone.line_id is not None and milestone.line_id not in lines:
        raise AgreementError("unknown_line")
    if milestone.amount_cents and milestone.line_id is None:
        raise AgreementError("milestone_money_without_line", number=number)


def _check_payment(
    number: int, payment: PaymentTerm, decided: date, lines: dict[int, ProjectLine], milestones: int
) -> None:
    if payment.kind not in PaymentKind.values:
        raise AgreementError("unknown_kind", number=number)
    if payment.line_id not in lines:
        raise AgreementError("unknown_line")
    if payment.amount_cents <= 0:
        raise AgreementError("payment_not_positive", number=number)
    if payment.kind == PaymentKind.INSTALMENT and payment.milestone is None:
        raise AgreementError("instalment_without_milestone", number=number)
    if payment.milestone is not None and not 0 <= payment.milestone < milestones:
        raise AgreementError("unknown_milestone", number=number)
    if payment.due_on is not None and payment.due_on < decided:
        raise AgreementError("payment_before_decision", number=number, decided_on=_day(decided))


def _check_award(payments: Sequence[PaymentTerm], lines: dict[int, ProjectLine]) -> None:
    """No line is scheduled to receive more than it was awarded (less what went back to the edition),
    nor less than was already paid on it."""
    for line in lines.values():
        scheduled = sum(p.amount_cents for p in payments if p.line_id == line.pk)
        available = line.awarded_cents - line.returned_cents
        if scheduled > available:
            raise AgreementError(
                "over_award",
                line=line.description,
                scheduled=format_money(scheduled),
                available=format_money(available),
            )
        if scheduled < line.paid_cents:
            raise AgreementError(
                "below_paid",
                line=line.description,
                scheduled=format_money(scheduled),
                paid=format_money(line.paid_cents),
            )


def scheduled_per_line(terms: dict[str, Any]) -> dict[int, int]:
    """Cents scheduled per line id by stored terms."""
    totals: dict[int, int] = {}
    for payment in terms.get("payments", []):
        totals[int(payment["line"])] = totals.get(int(payment["line"]), 0) + int(payment["amount_cents"])
    return totals


def _day(day: date) -> str:
    return str(formats.date_format(day, "j F Y"))
