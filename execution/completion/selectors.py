"""Reads of completion: a project's reports, the accepted one for the public page, reports to check."""

from __future__ import annotations

from django.db.models import QuerySet

from editions.models import Edition

from ..models import FinalReport, Project, ReportDecision


def reports_of(project: Project) -> QuerySet[FinalReport]:
    return (
        FinalReport.objects.filter(project=project)
        .prefetch_related("photos")
        .order_by("-submitted_at", "-pk")
    )


def accepted_report(project: Project) -> FinalReport | None:
    """The report the district accepted, with its photos (public: no names, no receipts)."""
    return (
        FinalReport.objects.filter(project=project, decision=ReportDecision.ACCEPTED)
        .prefetch_related("photos")
        .first()
    )


def work_counts(edition: Edition) -> dict[str, int]:
    """For "My work": final reports waiting for the district (one query)."""
    pending = FinalReport.objects.filter(project__edition=edition, decision=ReportDecision.PENDING)
    return {"reports_to_check": pending.count()}
