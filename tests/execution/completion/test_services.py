"""The final report: submitted while running, accepted (completed, underspend returned) or returned."""

from __future__ import annotations

import io
from functools import partial
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEntry
from common.errors import ServiceError
from execution.completion.errors import CompletionError
from execution.completion.services import (
    accept_final_report,
    return_final_report,
    submit_final_report,
)
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import (
    FinalReport,
    FinalReportPhoto,
    LedgerDecision,
    LedgerDecisionKind,
    Project,
    ProjectStatus,
    ReportDecision,
)
from execution.photos import PhotoUpload
from execution.progress.status import apply_transition
from notifications.models import Notification, NotificationKind
from proposals.models import PlanStatus
from tests.execution.factories import add_line, make_other_official, owner_of, published_projects
from tests.execution.ledger.receipts import photo_receipt
from tests.factories import make_image_bytes, make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _running() -> tuple[Project, User]:
    _, _, official, projects = published_projects()
    project = apply_transition(project=projects[0], to=ProjectStatus.RUNNING, by=official, reason="")
    return project, official


def _submit(project: Project, by: User | None = None, **fields: Any) -> FinalReport:
    return submit_final_report(
        project=project,
        by=by or owner_of(project),
        achieved=fields.pop("achieved", "Twintig plantenbakken staan in de straat."),
        participants=fields.pop("participants", 25),
        beneficiaries=fields.pop("beneficiaries", 300),
        photos=fields.pop("photos", ()),
    )


def _state() -> tuple[int, int]:
    return FinalReport.objects.count(), FinalReportPhoto.objects.count()


def test_an_owner_submits_a_report_with_photos_and_the_contact_person_is_told() -> None:
    project, official = _running()
    Project.objects.filter(pk=project.pk).update(contact=official)
    project.refresh_from_db()
    photo = make_image_bytes(image_format="JPEG")
    report = _submit(project, photos=[PhotoUpload(io.BytesIO(photo), len(photo), "De bakken in de zon")])
    assert report.decision == ReportDecision.PENDING
    assert [p.alt_text for p in report.photos.all()] == ["De bakken in de zon"]
    told = Notification.objects.filter(kind=NotificationKind.REPORT_SUBMITTED)
    assert [n.recipient for n in told] == [official]


def test_a_second_report_while_one_waits_is_refused_translated() -> None:
    project, _ = _running()
    _submit(project)
    refused(lambda: _submit(project), "report_pending", unchanged=_state)


def test_a_report_before_the_work_runs_a_photo_without_description_or_a_non_image_is_refused() -> None:
    _, _, _, projects = published_projects()
    refused(lambda: _submit(projects[0]), "not_running", unchanged=_state)
    project = apply_transition(project=projects[0], to=ProjectStatus.RUNNING, by=None, reason="")
    photo = make_image_bytes()
    refused(
        lambda: _submit(project, photos=[PhotoUpload(io.BytesIO(photo), len(photo), "  ")]),
        "photo_needs_description",
        unchanged=_state,
    )
    refused(
        lambda: _submit(project, photos=[PhotoUpload(io.BytesIO(b"%PDF-1.4"), 8, "Bon")]),
        "not_an_image",
        unchanged=_state,
    )


def test_only_an_owner_may_submit() -> None:
    project, official = _running()
    for outsider in (make_user(), official, make_other_official()):
        refused(partial(_submit, project, by=outsider), "not_an_owner", unchanged=_state)


def test_accepting_completes_the_project_and_returns_each_lines_unused_money() -> None:
    project, official = _running()
    first = project.lines.get()
    second = add_line(project, awarded_cents=0)
    today = timezone.localdate()
    record_payment(line=first, by=official, amount_cents=3_000_000, paid_on=today, reference="F1")
    receipt = photo_receipt()
    report_expense(
        line=first, by=owner_of(project), amount_cents=3_200_000, spent_on=today, description="Bakken",
        receipt=receipt, receipt_size=len(receipt.getvalue()),
    )  # fmt: skip
    report = accept_final_report(report=_submit(project), by=official)
    project.refresh_from_db()
    first.refresh_from_db()
    assert report.decision == ReportDecision.ACCEPTED
    assert project.status == ProjectStatus.COMPLETED
    assert project.plan.status == PlanStatus.COMPLETED
    assert first.returned_cents == 4_000_000 - 3_200_000
    [returned] = LedgerDecision.objects.filter(project=project)
    assert (returned.kind, returned.from_line, returned.amount_cents) == (
        LedgerDecisionKind.RETURN,
        first,
        800_000,
    )
    assert returned.reason
    assert not LedgerDecision.objects.filter(from_line=second).exists()  # nothing to return: skipped
    assert AuditEntry.objects.filter(action="execution.report_accepted").exists()
    # A completed project takes no more expenses; the district may still settle what was spent.
    refused(
        lambda: report_expense(
            line=first,
            by=owner_of(project),
            amount_cents=1,
            spent_on=today,
            description="Nog iets",
            receipt=photo_receipt(),
            receipt_size=10,
        ),
        "project_closed",
    )
    record_payment(line=first, by=official, amount_cents=200_000, paid_on=today, reference="F2")


def test_returning_needs_a_note_that_the_owners_receive_and_they_may_submit_again() -> None:
    project, official = _running()
    report = _submit(project)
    refused(lambda: return_final_report(report=report, by=official, note=" "), "note_required")
    returned = return_final_report(report=report, by=official, note="Voeg de foto's van de opening toe.")
    assert returned.decision == ReportDecision.RETURNED
    told = Notification.objects.get(kind=NotificationKind.REPORT_RETURNED)
    assert told.recipient == owner_of(project)
    assert told.params["note"] == "Voeg de foto's van de opening toe."
    _submit(project)
    assert FinalReport.objects.filter(project=project).count() == 2


def test_owners_residents_and_other_districts_officials_may_not_decide() -> None:
    project, _ = _running()
    report = _submit(project)
    for outsider in (owner_of(project), make_user(), make_other_official()):
        refused(partial(accept_final_report, report=report, by=outsider), "not_district")
        refused(partial(return_final_report, report=report, by=outsider, note="Nee"), "not_district")
    report.refresh_from_db()
    assert report.decision == ReportDecision.PENDING


def test_a_decided_report_cannot_be_decided_again() -> None:
    project, official = _running()
    report = accept_final_report(report=_submit(project), by=official)
    error: ServiceError = refused(
        lambda: return_final_report(report=report, by=official, note="Toch niet"), "report_decided"
    )
    assert isinstance(error, CompletionError)
