"""The money and completion pages of a project, and the district's work page, pass an axe WCAG 2.1 AA
scan without sideways scroll at laptop and phone width, in Dutch and in English."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from execution.completion.services import submit_final_report
from execution.ledger.services.expenses import report_expense
from execution.ledger.services.payments import record_payment
from execution.models import ProjectStatus
from execution.progress.status import change_project_status
from tests.browser.helpers import log_in, scan
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of
from tests.factories import make_image_bytes

pytestmark = pytest.mark.browser


def _path(name: str, *args: object) -> str:
    with translation.override("nl"):
        return reverse(f"execution:{name}", args=list(args))


def test_the_money_and_completion_pages_have_no_wcag_violations(
    page: Page, live_server: object, transactional_db: None
) -> None:
    base = str(live_server).rstrip("/")
    edition, _, official, projects = published_projects()
    project = projects[0]
    owner = owner_of(project)
    line = project.lines.order_by("position").first()
    assert line is not None
    change_project_status(project=project, to=ProjectStatus.RUNNING, by=owner)
    receipt = make_image_bytes(image_format="JPEG")
    expense = report_expense(
        line=line, by=owner, amount_cents=2_400, spent_on=date.today(), description="Potgrond",
        receipt=io.BytesIO(receipt), receipt_size=len(receipt),
    )  # fmt: skip
    record_payment(line=line, by=official, amount_cents=10_000, paid_on=date.today(), reference="FIN-1")
    report = submit_final_report(
        project=project, by=owner, achieved="De bakken staan er.", participants=12, beneficiaries=80
    )
    log_in(page, base, owner.email)
    problems = scan(
        page,
        base,
        {
            "project page (owner)": project.get_absolute_url(),
            "report an expense": _path("report_expense", project.pk),
            "final report": _path("final_report", project.pk),
        },
    )
    log_in(page, base, official.email)
    problems += scan(
        page,
        base,
        {
            "project page (district)": project.get_absolute_url(),
            "ledger": _path("ledger", project.pk),
            "import payments": _path("import_payments", edition.slug),
            "district work": _path("district_work", edition.slug),
            "set up the project": _path("project_set_up", project.pk),
            "check the final report": _path("report_review", report.pk),
        },
    )
    assert not problems, "\n".join(problems)
    assert expense.receipt.name
