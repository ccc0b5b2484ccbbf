"""The district's work in carrying out an edition, counted for the staff's "My work" (one place).

Each part of execution may later add its own counts here; the workspace and the staff page read
only ``work_counts``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from editions.models import Edition

from .models import Agreement, FinalReport, HelpRequest, Milestone, ReportDecision, ScheduledPayment, Update

RECENT_UPDATES = timedelta(days=7)


def work_counts(edition: Edition, *, at: datetime | None = None) -> dict[str, int]:
    """What waits for the district in ``edition``'s projects: agreements to confirm, payments due,
    updates of the last seven days to check, overdue milestones, open help requests, final reports."""
    moment = at or timezone.now()
    today = timezone.localdate(moment)
    in_edition = Q(project__edition=edition)
    return {
        "agreements_to_confirm": Agreement.objects.filter(
            in_edition,
            in_force_at__isnull=True,
            withdrawn_at__isnull=True,
            district_confirmed_at__isnull=True,
        ).count(),
        "payments_due": ScheduledPayment.objects.filter(
            in_edition,
            Q(due_on__lte=today) | Q(milestone__reached_at__isnull=False),
            dropped_at__isnull=True,
            payments__isnull=True,
        ).count(),
        "updates_to_check": Update.objects.filter(
            in_edition, hidden_at__isnull=True, posted_at__gte=moment - RECENT_UPDATES
        ).count(),
        "overdue_milestones": Milestone.objects.filter(
            in_edition, dropped_at__isnull=True, reached_at__isnull=True, planned_on__lt=today
        ).count(),
        "open_help_requests": HelpRequest.objects.filter(in_edition, answered_at__isnull=True).count(),
        "reports_to_decide": FinalReport.objects.filter(in_edition, decision=ReportDecision.PENDING).count(),
    }
