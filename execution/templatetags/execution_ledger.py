"""``{% public_ledger project as ledger %}``: the ledger by line and the district's decisions, for the
public project page (no receipts, no names)."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from ..ledger.selectors import LedgerRow, ProjectLedger, decisions_of, project_ledger
from ..models import LedgerDecision, Project, ProjectLine

register = template.Library()


@dataclass(frozen=True)
class PublicLedger:
    lines: list[tuple[ProjectLine, LedgerRow]]
    total: LedgerRow
    decisions: list[LedgerDecision]


@register.simple_tag
def public_ledger(project: Project) -> PublicLedger:
    ledger: ProjectLedger = project_ledger(project)
    return PublicLedger(lines=ledger.lines, total=ledger.total, decisions=list(decisions_of(project)))
