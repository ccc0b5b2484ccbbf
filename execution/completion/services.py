"""The final report: submitted by the initiators, accepted (the project completes, underspend returns
to the edition) or returned with a note by the district."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import User
from audit.services import record
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.services.images import EncodedImage

from ..access import check_district, check_owner, district_people
from ..ledger.lines import move_money
from ..models import (
    FinalReport,
    FinalReportPhoto,
    LedgerDecision,
    LedgerDecisionKind,
    Project,
    ProjectLine,
    ProjectStatus,
    ReportDecision,
)
from ..photos import PhotoUpload, encode_photos
from ..progress.status import apply_transition
from .errors import CompletionError


def _store_photos(
    report: FinalReport, encoded: Sequence[tuple[EncodedImage, str]], stored: list[str]
) -> None:
    """Each photo's file, then its row; ``stored`` names the files written, for the caller to remove."""
    for position, (image, alt_text) in enumerate(encoded):
        photo = FinalReportPhoto(
            report=report, alt_text=alt_text, position=position, width=image.width, height=image.height
        )
        photo.image.save(f"{secrets.token_hex(16)}.jpg", ContentFile(image.data), save=False)
        stored.append(photo.image.name)
        photo.save()


def submit_final_report(
    *,
    project: Project,
    by: User,
    achieved: str,
    participants: int,
    beneficiaries: int,
    photos: Sequence[PhotoUpload] = (),
    at: datetime | None = None,
) -> FinalReport:
    """The initiators' final report, while the project runs (or is delayed); one waits at a time."""
    check_owner(by, project)
    if project.status not in (ProjectStatus.RUNNING, ProjectStatus.DELAYED):
        raise CompletionError("not_running")
    achieved = achieved.strip()
    if not achieved:
        raise CompletionError("achieved_required")
    if participants < 0 or beneficiaries < 0:
        raise CompletionError("count_not_valid")
    # Before the transaction: decoding takes time.
    encoded = encode_photos(photos, most=settings.EXECUTION_REPORT_PHOTOS, error=CompletionError)
    moment = at or timezone.now()
    stored: list[str] = []
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    report = FinalReport.objects.create(
                        project=project,
                        achieved=achieved[:6000],
                        participants=participants,
                        beneficiaries=beneficiaries,
                        submitted_by=by,
                        submitted_at=moment,
                    )
            except IntegrityError:
                raise CompletionError("report_pending") from None
            _store_photos(report, encoded, stored)
            notify(
                recipients=district_people(project),
                kind=NotificationKind.REPORT_SUBMITTED,
                params={"plan": project.plan.title},
                url=reverse("execution:report_review", kwargs={"pk": report.pk}),
                exclude=by,
                at=at,
            )
    except Exception:
        for name in stored:  # the files were written before their rows: don't leave them behind
            FinalReportPhoto._meta.get_field("image").storage.delete(name)
        raise
    return report


def _pending(report: FinalReport, by: User) -> tuple[FinalReport, Project]:
    """The report locked, still waiting, with its project; refused unless ``by`` acts for the district."""
    check_district(by, report.project)
    locked = FinalReport.objects.select_for_update().select_related("project__plan", "project__edition")
    current = locked.get(pk=report.pk)
    if current.decision != ReportDecision.PENDING:
        raise CompletionError("report_decided")
    return current, current.project


def return_unspent(*, project: Project, by: User, at: datetime) -> list[LedgerDecision]:
    """Give each line's unused award back to the edition: awarded − returned − max(paid, spent)."""
    with translation.override(settings.LANGUAGE_CODE):
        reason = gettext("The project is completed: what was not paid or spent returns to the edition.")
    decisions = []
    for line in ProjectLine.objects.select_for_update().filter(project=project).order_by("position", "pk"):
        unused = line.awarded_cents - line.returned_cents - max(line.paid_cents, line.spent_cents)
        if unused <= 0:
            continue
        move_money(line=line, returned_cents=unused)
        decisions.append(
            LedgerDecision.objects.create(
                project=project,
                kind=LedgerDecisionKind.RETURN,
                from_line=line,
                amount_cents=unused,
                reason=reason,
                decided_by=by,
                decided_at=at,
            )
        )
    return decisions


def accept_final_report(*, report: FinalReport, by: User, at: datetime | None = None) -> FinalReport:
    """The district accepts the report: the project is completed and its unused money returns."""
    moment = at or timezone.now()
    with transaction.atomic():
        current, project = _pending(report, by)
        FinalReport.objects.filter(pk=current.pk).update(
            decision=ReportDecision.ACCEPTED, decided_by=by, decided_at=moment
        )
        apply_transition(project=project, to=ProjectStatus.COMPLETED, by=by, reason="", at=moment)
        returned = return_unspent(project=project, by=by, at=moment)
        record(
            actor=by,
            action="execution.report_accepted",
            target=current,
            edition=project.edition,
            before={"decision": ReportDecision.PENDING},
            after={
                "decision": ReportDecision.ACCEPTED,
                "returned": {str(d.from_line_id): d.amount_cents for d in returned},
            },
            at=moment,
        )
    current.refresh_from_db()
    return current


def return_final_report(
    *, report: FinalReport, by: User, note: str, at: datetime | None = None
) -> FinalReport:
    """The district returns the report with a note; the initiators may submit a new one."""
    note = note.strip()
    if not note:
        check_district(by, report.project)
        raise CompletionError("note_required")
    moment = at or timezone.now()
    with transaction.atomic():
        current, project = _pending(report, by)
        FinalReport.objects.filter(pk=current.pk).update(
            decision=ReportDecision.RETURNED, decided_by=by, decided_at=moment, decision_note=note
        )
        record(
            actor=by,
            action="execution.report_returned",
            target=current,
            edition=project.edition,
            before={"decision": ReportDecision.PENDING},
            after={"decision": ReportDecision.RETURNED, "note": note},
            at=moment,
        )
        notify(
            recipients=User.objects.filter(Q(owned_projects__project=project), is_active=True),
            kind=NotificationKind.REPORT_RETURNED,
            params={"plan": project.plan.title, "note": note},
            url=reverse("execution:final_report", kwargs={"pk": project.pk}),
            exclude=by,
            at=moment,
        )
    current.refresh_from_db()
    return current
