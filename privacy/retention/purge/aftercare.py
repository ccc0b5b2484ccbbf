"""The purges of what comes after the vote: projects carried out, and the survey's answers and
marks."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models.functions import Coalesce

from evaluation.models import Response, SurveyInvitation, SurveyTicket
from execution.models import Expense, FinalReportPhoto, Project, ProjectOwner, UpdatePhoto

from .. import clocks
from ..batches import delete_rows, empty_rows
from .shared import (
    Rows,
    period_days,
)


def purge_projects(*, at: datetime, dry_run: bool = False) -> Rows:
    """Projects completed or stopped longer ago than the period: the grantee's name, who carried it
    out, photos and receipts go; the amounts and the public record of what was done stay."""
    cutoff = at - timedelta(days=period_days("projects"))
    closed = Project.objects.annotate(closed=Coalesce("completed_at", "stopped_at")).filter(closed__lt=cutoff)
    return {
        "execution.project": empty_rows(closed.exclude(grantee=""), {"grantee": ""}, dry_run=dry_run),
        "execution.projectowner": delete_rows(
            ProjectOwner.objects.filter(project__in=closed), dry_run=dry_run
        ),
        "execution.updatephoto": delete_rows(
            UpdatePhoto.objects.filter(update__project__in=closed), dry_run=dry_run, files=("image",)
        ),
        "execution.finalreportphoto": delete_rows(
            FinalReportPhoto.objects.filter(report__project__in=closed), dry_run=dry_run, files=("image",)
        ),
        "execution.expense": empty_rows(
            Expense.objects.filter(project__in=closed).exclude(receipt=""),
            {"receipt": ""},
            dry_run=dry_run,
            files=("receipt",),
        ),
    }


def purge_survey_answers(*, at: datetime, dry_run: bool = False) -> Rows:
    """Survey answers of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("survey_answers"))
    return {
        "evaluation.response": delete_rows(
            Response.objects.filter(survey__edition__in=editions), dry_run=dry_run
        )
    }


def purge_survey_tickets(*, at: datetime, dry_run: bool = False) -> Rows:
    """The keyed marks of who answered or was invited, of editions ended longer ago than the period."""
    editions = clocks.editions_past(clocks.edition_ends(), at=at, days=period_days("survey_tickets"))
    return {
        "evaluation.surveyticket": delete_rows(
            SurveyTicket.objects.filter(survey__edition__in=editions), dry_run=dry_run
        ),
        "evaluation.surveyinvitation": delete_rows(
            SurveyInvitation.objects.filter(survey__edition__in=editions), dry_run=dry_run
        ),
    }
