"""Reporting an expense: by an owner, with a photo or PDF receipt, within the award, while open."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from common.errors import ServiceError
from execution.ledger.errors import LedgerError
from execution.ledger.services.expenses import report_expense
from execution.models import Expense, Project, ProjectLine, ProjectStatus, ReceiptKind
from tests.execution.factories import make_other_official, owner_of, published_projects
from tests.execution.ledger.receipts import pdf_receipt, photo_receipt
from tests.factories import make_user
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def _expense(line: ProjectLine, by: Any, receipt: io.BytesIO | None, **fields: Any) -> Expense:
    size = len(receipt.getvalue()) if receipt is not None else 0
    return report_expense(
        line=line,
        by=by,
        amount_cents=fields.pop("amount_cents", 24_00),
        spent_on=fields.pop("spent_on", timezone.localdate()),
        description=fields.pop("description", "Potgrond"),
        receipt=receipt,
        receipt_size=fields.pop("receipt_size", size),
    )


def _state(line: ProjectLine) -> tuple[int, int, list[Path]]:
    line.refresh_from_db()
    files = sorted(Path(settings.PRIVATE_FILES_ROOT).rglob("*.*"))
    return Expense.objects.count(), line.spent_cents, files


def test_an_owner_reports_an_expense_with_a_photo_kept_privately_without_metadata() -> None:
    _, _, _, projects = published_projects()
    line = projects[0].lines.get()
    expense = _expense(line, owner_of(projects[0]), photo_receipt())
    line.refresh_from_db()
    assert line.spent_cents == 24_00
    assert expense.receipt_kind == ReceiptKind.IMAGE
    stored = Path(expense.receipt.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_FILES_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert stored.read_bytes().startswith(b"\xff\xd8")  # re-encoded as a JPEG


def test_a_pdf_receipt_is_kept_as_it_is() -> None:
    _, _, _, projects = published_projects()
    pdf = pdf_receipt()
    expense = _expense(projects[0].lines.get(), owner_of(projects[0]), pdf)
    assert expense.receipt_kind == ReceiptKind.PDF
    assert Path(expense.receipt.path).read_bytes() == pdf.getvalue()


@pytest.mark.parametrize(
    ("receipt", "code"),
    [
        (lambda: io.BytesIO(b"Bonnetje: potgrond 24 euro"), "receipt_not_accepted"),
        (lambda: io.BytesIO(b"%PDF-1.4\nnot really a pdf"), "receipt_not_accepted"),
        (lambda: io.BytesIO(b"GIF89a" + b"\x00" * 40), "receipt_not_accepted"),
        (lambda: None, "receipt_required"),
    ],
)
def test_a_receipt_that_is_neither_a_photo_nor_a_pdf_is_refused(
    receipt: Callable[[], io.BytesIO | None], code: str
) -> None:
    _, _, _, projects = published_projects()
    line = projects[0].lines.get()
    refused(lambda: _expense(line, owner_of(projects[0]), receipt()), code, unchanged=lambda: _state(line))


def test_a_receipt_that_is_too_large_is_refused(settings: Any) -> None:
    settings.EXECUTION_RECEIPT_MAX_BYTES = 1000
    _, _, _, projects = published_projects()
    line = projects[0].lines.get()
    error: ServiceError = refused(
        lambda: _expense(line, owner_of(projects[0]), pdf_receipt(), receipt_size=5000),
        "receipt_too_large",
        unchanged=lambda: _state(line),
    )
    assert error.params == {"size": filesizeformat(5000), "limit": filesizeformat(1000)}


def test_an_expense_over_the_award_is_refused_and_leaves_no_file_behind() -> None:
    _, _, _, projects = published_projects()
    line = projects[0].lines.get()
    refused(
        lambda: _expense(line, owner_of(projects[0]), photo_receipt(), amount_cents=line.awarded_cents + 1),
        "over_award",
        error=LedgerError,
        unchanged=lambda: _state(line),
    )


def test_an_expense_after_completion_is_refused() -> None:
    _, _, _, projects = published_projects()
    Project.objects.filter(pk=projects[0].pk).update(
        status=ProjectStatus.COMPLETED, completed_at=timezone.now()
    )
    line = ProjectLine.objects.get(project=projects[0])
    refused(
        lambda: _expense(line, owner_of(projects[0]), photo_receipt()),
        "project_closed",
        unchanged=lambda: _state(line),
    )


def test_someone_who_is_not_an_initiator_may_not_report_an_expense() -> None:
    _, _, official, projects = published_projects()
    line = projects[0].lines.get()
    for outsider in (make_user(), official, make_other_official(), owner_of(projects[1])):
        refused(
            partial(_expense, line, outsider, photo_receipt()),
            "not_an_owner",
            unchanged=lambda: _state(line),
        )


def test_an_owner_may_not_report_once_the_editions_phases_are_over(
    freeze_time: Callable[[datetime], None],
) -> None:
    edition, _, _, projects = published_projects()
    line = projects[0].lines.get()
    owner = owner_of(projects[0])
    freeze_time(max(p.ends_at for p in edition.phases.all()) + timedelta(days=1))
    refused(lambda: _expense(line, owner, photo_receipt()), "not_allowed", unchanged=lambda: _state(line))
