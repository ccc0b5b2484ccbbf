"""A version coming into force: its milestones and payments become the project's live rows.

A milestone is matched by its key, so one kept by the new version keeps its reached state and its
updates; one the new version leaves out is dropped (kept for the history). The scheduled payments of
the version before are dropped and the new version's created; each line's committed money becomes
the sum of its scheduled payments, moved through the ledger's one door (``move_money``).
"""

from __future__ import annotations

from datetime import date, datetime

from ..ledger.lines import move_money
from ..models import Agreement, Milestone, Project, ProjectLine, ScheduledPayment
from .terms import scheduled_per_line


def make_live(*, project: Project, agreement: Agreement, moment: datetime) -> None:
    """Call inside the transaction that brings ``agreement`` into force, with the project locked."""
    milestones = _milestones(project, agreement, moment)
    ScheduledPayment.objects.filter(project=project, dropped_at__isnull=True).update(dropped_at=moment)
    ScheduledPayment.objects.bulk_create(
        ScheduledPayment(
            project=project,
            agreement=agreement,
            kind=payment["kind"],
            line_id=payment["line"],
            amount_cents=payment["amount_cents"],
            milestone=milestones[payment["milestone"]] if payment["milestone"] is not None else None,
            due_on=date.fromisoformat(payment["due_on"]) if payment["due_on"] else None,
        )
        for payment in agreement.terms["payments"]
    )
    scheduled = scheduled_per_line(agreement.terms)
    for line in ProjectLine.objects.select_for_update().filter(project=project).order_by("pk"):
        move_money(line=line, committed_cents=scheduled.get(line.pk, 0) - line.committed_cents)


def _milestones(project: Project, agreement: Agreement, moment: datetime) -> dict[int, Milestone]:
    """The live milestone per key after this version: kept ones updated, new ones made, others dropped."""
    existing = {m.key: m for m in Milestone.objects.filter(project=project)}
    live: dict[int, Milestone] = {}
    for term in agreement.terms["milestones"]:
        milestone = existing.get(term["key"]) or Milestone(project=project, key=term["key"])
        milestone.title = term["title"]
        milestone.planned_on = date.fromisoformat(term["planned_on"])
        milestone.amount_cents = term["amount_cents"]
        milestone.line_id = term["line"]
        milestone.agreement = agreement
        milestone.dropped_at = None
        milestone.save()
        live[milestone.key] = milestone
    Milestone.objects.filter(project=project, dropped_at__isnull=True).exclude(key__in=live).update(
        dropped_at=moment
    )
    return live
