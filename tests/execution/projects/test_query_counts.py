"""The overview and the project page run as many queries with many projects and updates as with few."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from execution.models import Project
from tests import factories
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("query", ["", "?status=running", "?status=running&thema=x"])
def test_the_overview_runs_as_many_queries_with_30_projects_as_with_5(client: Client, query: str) -> None:
    edition, plans, official, _ = published_projects()
    factories.make_neighbourhood(district=edition.district, name="Tuindorp")
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=3)
    url = reverse("execution:overview", args=[edition.slug]) + query
    few = _queries(client, url)
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=25, start=3)
    assert Project.objects.filter(edition=edition).count() == 30
    assert _queries(client, url) == few


def test_the_project_page_runs_as_many_queries_with_60_updates_as_with_5(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    [project] = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=1)
    add_updates(projects=[project], author=plans[0].initiator, per_project=5)
    few = _queries(client, project.get_absolute_url())
    add_updates(projects=[project], author=plans[0].initiator, per_project=55)
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=10, start=1)
    assert _queries(client, project.get_absolute_url()) == few
    assert _queries(client, project.get_absolute_url() + "?pagina=3") == few


def test_the_district_work_page_runs_as_many_queries_with_30_projects_as_with_5(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    client.force_login(official)
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=3)
    url = reverse("execution:district_work", args=[edition.slug])
    client.get(url)  # the first request after logging in also stores the session
    few = _queries(client, url)
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=25, start=3)
    assert _queries(client, url) == few
