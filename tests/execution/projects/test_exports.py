"""The open data of carrying out: projects, milestones and the ledger, with no personal data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from editions.models import Edition
from execution.models import Expense, LedgerDecision, Payment, Project, ProjectLine
from execution.projects.exports import TABLES
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


World = tuple[Edition, User, User, list[Project]]


@pytest.fixture
def edition_with_money() -> World:
    edition, plans, official, _ = published_projects()
    initiator = plans[0].initiator
    initiator.display_name = "Fatima el Amrani"
    initiator.save(update_fields=["display_name"])
    projects = add_projects(edition=edition, initiator=initiator, official=official, count=3)
    add_updates(projects=projects, author=initiator, per_project=2)
    line = ProjectLine.objects.filter(project=projects[0]).order_by("pk")[0]
    LedgerDecision.objects.create(
        project=projects[0],
        kind="top_up",
        to_line=line,
        amount_cents=500,
        reason="Meer verf nodig",
        decided_by=official,
    )
    Payment.objects.filter(project=projects[0]).update(reference="=HYPERLINK(Fatima)")
    return edition, initiator, official, projects


def _download(client: Client, edition_slug: str, table: str, fmt: str) -> str:
    response = client.get(reverse(f"execution:export_{fmt}", args=[edition_slug, table]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content.decode()


@pytest.mark.parametrize("table", list(TABLES))
def test_no_export_holds_names_emails_receipts_or_payment_references(
    client: Client, edition_with_money: World, table: str
) -> None:
    edition, initiator, official, projects = edition_with_money
    receipt = Expense.objects.filter(project__edition=edition)[0].receipt.name
    for fmt in ("csv", "json"):
        text = _download(client, edition.slug, table, fmt)
        for secret in (
            initiator.email,
            official.email,
            "Fatima",
            receipt,
            "FIN-",
            "execution/receipts",
            projects[0].plan.public_name,
        ):
            assert secret not in text, (table, fmt, secret)


def test_the_project_table_has_the_money_in_cents_and_the_dates(
    client: Client, edition_with_money: World
) -> None:
    edition, _, _, projects = edition_with_money
    rows = list(csv.DictReader(io.StringIO(_download(client, edition.slug, "projecten", "csv"))))
    assert len(rows) == 5  # two from the vote, three added
    row = next(r for r in rows if int(r["project_id"]) == projects[0].pk)
    assert (row["awarded_cents"], row["paid_cents"], row["spent_cents"]) == ("300000", "100000", "50000")
    assert row["opened_on"] and row["plan_id"] == str(projects[0].plan_id)


def test_the_ledger_entries_give_payments_by_date_and_amount_and_decisions_with_reason(
    client: Client, edition_with_money: World
) -> None:
    edition, _, _, projects = edition_with_money
    data = json.loads(_download(client, edition.slug, "boekingen", "json"))
    mine = [r for r in data["rows"] if r["project_id"] == projects[0].pk]
    assert {r["entry"] for r in mine} == {"payment", "expense", "top_up"}
    payment = next(r for r in mine if r["entry"] == "payment")
    assert payment["amount_cents"] == 100_000 and payment["date"]
    assert next(r for r in mine if r["entry"] == "top_up")["reason"] == "Meer verf nodig"
    milestones = json.loads(_download(client, edition.slug, "mijlpalen", "json"))["rows"]
    assert len([m for m in milestones if m["project_id"] == projects[0].pk]) == 3


def test_an_unknown_table_is_not_found(client: Client, edition_with_money: World) -> None:
    edition = edition_with_money[0]
    assert client.get(reverse("execution:export_csv", args=[edition.slug, "mensen"])).status_code == 404


def test_the_overview_links_every_export(client: Client, edition_with_money: World) -> None:
    edition = edition_with_money[0]
    html = client.get(reverse("execution:overview", args=[edition.slug])).content.decode()
    for table in TABLES:
        assert reverse("execution:export_csv", args=[edition.slug, table]) in html
        assert reverse("execution:export_json", args=[edition.slug, table]) in html
