"""The district's work in carrying out: counted per edition, offered in "My work" to its officials only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from execution.models import Agreement, FinalReport, HelpRequest, ScheduledPayment
from execution.selectors import work_counts
from tests import factories
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


def test_work_counts_count_what_waits_for_the_district() -> None:
    edition, plans, official, _ = published_projects()
    initiator = plans[0].initiator
    projects = add_projects(edition=edition, initiator=initiator, official=official, count=2)
    add_updates(projects=projects, author=initiator, per_project=3)
    first = projects[0]
    agreement = first.agreements.get()
    Agreement.objects.create(project=first, number=2, terms={}, change_reason="Later", proposed_by=initiator)
    ScheduledPayment.objects.create(
        project=first,
        agreement=agreement,
        kind="advance",
        line=first.lines.order_by("pk")[0],
        amount_cents=100,
        due_on=timezone.localdate() - timedelta(days=1),
    )
    HelpRequest.objects.create(project=first, question="Wie helpt?", asked_by=initiator)
    FinalReport.objects.create(
        project=first, achieved="Klaar", participants=3, beneficiaries=30, submitted_by=initiator
    )
    assert work_counts(edition) == {
        "projects_to_set_up": 2,  # the two the vote opened; the two added in bulk have a contact
        "agreements_to_confirm": 1,
        "payments_due": 1,
        "updates_to_check": 6,
        "overdue_milestones": 2,  # one per project: planned three days ago, not reached
        "open_help_requests": 1,
        "open_blockers": 0,
        "reports_to_check": 1,
    }


def test_my_work_offers_the_execution_page_to_the_districts_officials(client: Client) -> None:
    edition, _, official, _ = published_projects()
    client.force_login(official)
    assert reverse("execution:district_work", args=[edition.slug]) in client.get("/werk/").content.decode()
    response = client.get(reverse("execution:district_work", args=[edition.slug]))
    assert response.status_code == 200
    assert response.context["counts"] == work_counts(edition)


def test_the_work_page_is_refused_to_residents_and_other_districts_officials(client: Client) -> None:
    edition, plans, _, _ = published_projects()
    url = reverse("execution:district_work", args=[edition.slug])
    client.force_login(plans[0].initiator)
    assert client.get(url).status_code == 403
    other = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district())
    client.force_login(other)
    assert client.get(url).status_code == 403
