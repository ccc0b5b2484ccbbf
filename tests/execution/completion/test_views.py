"""The final report's pages: the owners submit it; the district accepts it or returns it with a note."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from execution.models import FinalReport, ProjectStatus, ReportDecision
from execution.progress.status import apply_transition
from tests.execution.factories import make_other_official, owner_of, published_projects
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_an_owner_submits_and_an_official_returns_then_accepts(client: Client) -> None:
    _, _, official, projects = published_projects()
    project = apply_transition(project=projects[0], to=ProjectStatus.RUNNING, by=official, reason="")
    client.force_login(owner_of(project))
    url = reverse("execution:final_report", kwargs={"pk": project.pk})
    assert client.get(url).status_code == 200
    data = {"achieved": "Bakken geplaatst.", "participants": "12", "beneficiaries": "200"}
    assert client.post(url, data).status_code == 302
    report = FinalReport.objects.get()
    review = reverse("execution:report_review", kwargs={"pk": report.pk})
    assert client.get(review).status_code == 403  # the owner does not decide
    client.force_login(official)
    assert client.post(review, {"decision": "return", "note": ""}).status_code == 400
    assert client.post(review, {"decision": "return", "note": "Meer foto's graag."}).status_code == 302
    client.force_login(owner_of(project))
    assert client.post(url, data).status_code == 302
    client.force_login(official)
    second = FinalReport.objects.get(decision=ReportDecision.PENDING)
    accept = reverse("execution:report_review", kwargs={"pk": second.pk})
    assert client.post(accept, {"decision": "accept"}).status_code == 302
    project.refresh_from_db()
    assert project.status == ProjectStatus.COMPLETED


def test_the_report_pages_are_closed_to_others(client: Client) -> None:
    _, _, official, projects = published_projects()
    url = reverse("execution:final_report", kwargs={"pk": projects[0].pk})
    for outsider in (make_user(), official, make_other_official()):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
