"""The ledger's pages: the district's page, the expense form on a phone, private receipts, the import."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from editions.decorators import declared_tasks
from execution.ledger.services.expenses import report_expense
from execution.models import Expense, Payment
from tests.execution.factories import make_other_official, owner_of, published_projects
from tests.execution.ledger.receipts import pdf_receipt, photo_receipt
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup() -> Any:
    return published_projects()


def _payment_data(line_pk: int, amount: str, reference: str = "F1") -> dict[str, Any]:
    return {
        "payment-line": line_pk,
        "payment-amount": amount,
        "payment-paid_on": timezone.localdate().isoformat(),
        "payment-reference": reference,
    }


def test_an_official_records_a_payment_on_the_ledger_page(client: Client, setup: Any) -> None:
    _, _, official, projects = setup
    project = projects[0]
    line = project.lines.get()
    client.force_login(official)
    assert client.get(reverse("execution:ledger", kwargs={"pk": project.pk})).status_code == 200
    url = reverse("execution:record_payment", kwargs={"pk": project.pk})
    response = client.post(url, _payment_data(line.pk, "1.000"))
    assert response.status_code == 302
    assert Payment.objects.get().amount_cents == 1_000_00
    response = client.post(url, _payment_data(line.pk, "40.000", "F2"))
    assert response.status_code == 409
    assert "“Kostenpost 1”" in response.content.decode()
    assert Payment.objects.count() == 1


def test_a_decision_without_a_reason_is_shown_on_its_form(client: Client, setup: Any) -> None:
    _, _, official, projects = setup
    client.force_login(official)
    url = reverse("execution:ledger_decision", kwargs={"pk": projects[0].pk, "kind": "return"})
    response = client.post(url, {"return-from_line": projects[0].lines.get().pk, "return-amount": "10"})
    assert response.status_code == 400


def test_the_ledger_page_is_closed_to_residents_owners_and_other_districts(
    client: Client, setup: Any
) -> None:
    _, _, _, projects = setup
    url = reverse("execution:ledger", kwargs={"pk": projects[0].pk})
    assert client.get(url).status_code == 302  # to the login page
    for outsider in (make_user(), owner_of(projects[0]), make_other_official()):
        client.force_login(outsider)
        assert client.get(url).status_code == 403


def test_an_owner_reports_an_expense_from_a_phone_with_the_camera(client: Client, setup: Any) -> None:
    _, _, _, projects = setup
    project = projects[0]
    client.force_login(owner_of(project))
    url = reverse("execution:report_expense", kwargs={"pk": project.pk})
    html = client.get(url).content.decode()
    assert 'accept="image/*,application/pdf"' in html and 'capture="environment"' in html
    receipt = photo_receipt()
    receipt.name = "bon.png"
    data = {
        "line": project.lines.get().pk,
        "amount": "24,50",
        "spent_on": timezone.localdate().isoformat(),
        "description": "Potgrond",
        "receipt": receipt,
    }
    assert client.post(url, data).status_code == 302
    assert Expense.objects.get().amount_cents == 24_50
    client.force_login(make_user())
    assert client.get(url).status_code == 403


def test_a_receipt_is_opened_only_by_the_owners_and_the_districts_officials(
    client: Client, setup: Any
) -> None:
    _, _, official, projects = setup
    project = projects[0]
    pdf = pdf_receipt()
    expense = report_expense(
        line=project.lines.get(), by=owner_of(project), amount_cents=100, spent_on=timezone.localdate(),
        description="Potgrond", receipt=pdf, receipt_size=len(pdf.getvalue()),
    )  # fmt: skip
    url = reverse("execution:receipt", kwargs={"pk": expense.pk})
    for insider in (owner_of(project), official):
        client.force_login(insider)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf" and response["Cache-Control"] == "no-store"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    for outsider in (make_user(), make_other_official(), owner_of(projects[1])):
        client.force_login(outsider)
        assert client.get(url).status_code == 403


def test_the_public_partial_shows_the_ledger_by_line_without_receipts_or_names(setup: Any) -> None:
    _, _, _, projects = setup
    project = projects[0]
    pdf = pdf_receipt()
    owner = owner_of(project)
    report_expense(
        line=project.lines.get(), by=owner, amount_cents=100, spent_on=timezone.localdate(),
        description="Geheime leverancier", receipt=pdf, receipt_size=len(pdf.getvalue()),
    )  # fmt: skip
    html = render_to_string("execution/ledger/_on_project.html", {"project": project, "user": None})
    assert "Kostenpost 1" in html and "40.000" in html
    assert "bon/" not in html and "Geheime leverancier" not in html and owner.display_name not in html


def test_the_finance_import_is_a_task_in_my_work_and_names_the_bad_line(client: Client, setup: Any) -> None:
    edition, _, official, _ = setup
    assert "execution:import_payments" in [task.url_name for task in declared_tasks()]
    url = reverse("execution:import_payments", kwargs={"slug": edition.slug})
    client.force_login(make_other_official())
    assert client.get(url).status_code == 403
    client.force_login(official)
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile(
        "betalingen.csv", b"projectnummer;kostenpost;bedrag;datum;kenmerk\n999;1;10;2026-01-01;X\n"
    )
    response = client.post(url, {"file": upload})
    assert response.status_code == 400
    assert "Regel 2" in response.content.decode()
    assert not Payment.objects.exists()
