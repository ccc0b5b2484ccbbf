"""The public pages of carrying out: the edition's overview with its filters and money, and a project."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from execution.models import Project, ProjectLine, ProjectStatus, Update
from execution.progress.status import change_project_status
from execution.projects.page import chosen_of
from tests import factories
from tests.execution.bulk import add_projects, add_updates
from tests.execution.factories import published_projects

pytestmark = pytest.mark.django_db


def _overview(edition_slug: str) -> str:
    return reverse("execution:overview", args=[edition_slug])


def test_the_overview_shows_every_project_with_status_progress_and_money(client: Client) -> None:
    edition, plans, _official, projects = published_projects()
    ProjectLine.objects.filter(project=projects[0]).update(paid_cents=1_000_00)
    Project.objects.filter(pk=projects[0].pk).update(progress_percent=40)
    response = client.get(_overview(edition.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert plans[0].title in html and plans[2].title in html
    assert plans[1].title not in html  # not chosen
    assert '<progress class="budget-bar" max="100" value="40"' in html
    summary = response.context["overview"].summary
    awarded = sum(
        ProjectLine.objects.filter(project__edition=edition).values_list("awarded_cents", flat=True)
    )
    assert summary.total.awarded_cents == awarded
    assert summary.total.paid_cents == 1_000_00
    assert summary.total.projects == 2


def test_the_overview_filters_by_status_neighbourhood_and_theme_without_javascript(client: Client) -> None:
    edition, plans, _official, projects = published_projects()
    Project.objects.filter(pk=projects[1].pk).update(status=ProjectStatus.DELAYED)
    response = client.get(_overview(edition.slug), {"status": "delayed"})
    assert [p.pk for p in response.context["overview"].projects] == [projects[1].pk]
    theme = plans[0].theme
    response = client.get(_overview(edition.slug), {"thema": theme.slug})
    assert {p.plan.theme_id for p in response.context["overview"].projects} == {theme.pk}
    response = client.get(_overview(edition.slug), {"status": "nonsense"})
    assert len(response.context["overview"].projects) == 2  # an unknown value filters nothing


def test_the_money_summary_is_per_neighbourhood_and_theme() -> None:
    edition, plans, official, _ = published_projects()
    district = edition.district
    factories.make_neighbourhood(district=district, name="Noordoost")
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=6)
    from execution.projects.selectors import money_summary

    summary = money_summary(edition, whole_district="Hele stadsdeel")
    assert sum(row.awarded_cents for row in summary.by_neighbourhood) == summary.total.awarded_cents
    assert sum(row.paid_cents for row in summary.by_theme) == summary.total.paid_cents
    assert sum(row.projects for row in summary.by_theme) == summary.total.projects == 8


def test_pages_of_an_unpublished_edition_are_not_found(client: Client) -> None:
    edition, _, _, projects = published_projects()
    edition.is_published = False
    edition.save(update_fields=["is_published"])
    assert client.get(_overview(edition.slug)).status_code == 404
    assert client.get(projects[0].get_absolute_url()).status_code == 404
    assert client.get(reverse("execution:export_csv", args=[edition.slug, "projecten"])).status_code == 404


def test_the_project_page_shows_why_it_was_chosen_the_timeline_and_the_ledger(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    [project] = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=1)
    add_updates(projects=[project], author=plans[0].initiator, per_project=10)
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert project.plan.public_name in html
    assert "Materiaal besteld" in html and "Afronding" in html  # milestones
    assert response.context["page"].milestones[1].state == "overdue"
    assert response.context["page"].milestones[0].state == "reached"
    assert "De vergunning liet op zich wachten." in html  # a resolved blocker
    assert "Bevat een telefoonnummer." in html  # the hidden update's reason
    hidden = Update.objects.get(project=project, hidden_at__isnull=False)
    assert hidden.body not in html
    assert f"#plan-{project.plan_id}" in html
    assert "#public-review-heading" in html
    assert official.email not in html  # the contact by role only
    assert f"Stadsdeelmedewerker van {edition.district.name}" in html


def test_the_project_page_of_a_real_vote_says_the_section_votes_and_rule(client: Client) -> None:
    _edition, _plans, _official, projects = published_projects()
    client.cookies["django_language"] = "en"
    html = client.get(projects[0].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    because = projects[0].chosen_because
    assert (
        f"with {because['supporters']} votes under" in html or f"met {because['supporters']} stemmen" in html
    )


def test_the_results_page_links_each_winner_to_its_project(client: Client) -> None:
    edition, _plans, _official, projects = published_projects()
    html = client.get(reverse("outcomes:result", args=[edition.slug])).content.decode()
    for project in projects:
        assert project.get_absolute_url() in html
        assert f'id="plan-{project.plan_id}"' in html


def test_the_edition_page_links_to_the_overview(client: Client) -> None:
    edition, _, _, _ = published_projects()
    html = client.get(edition.get_absolute_url()).content.decode()
    assert _overview(edition.slug) in html


def test_updates_are_paged_newest_first(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    [project] = add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=1)
    add_updates(projects=[project], author=plans[0].initiator, per_project=45)
    first = client.get(project.get_absolute_url()).context["page"].updates
    last = client.get(project.get_absolute_url(), {"pagina": 3}).context["page"].updates
    assert len(first) == 20 and len(last) == 5
    assert first[0].posted_at > last[0].posted_at > timezone.now() - timedelta(days=3)


def test_the_overview_pages_its_projects_thirty_at_a_time(client: Client) -> None:
    edition, plans, official, _ = published_projects()
    add_projects(edition=edition, initiator=plans[0].initiator, official=official, count=40)
    response = client.get(_overview(edition.slug), {"status": "running"})
    page = response.context["overview"].projects
    assert page.paginator.count == 20 and len(page) == 20
    response = client.get(_overview(edition.slug))
    assert len(response.context["overview"].projects) == 30
    assert "?pagina=2" in response.content.decode()
    second = client.get(_overview(edition.slug), {"pagina": "2"})
    assert len(second.context["overview"].projects) == 12
    assert "?pagina=1#projects-heading" in second.content.decode()


def test_a_panel_choice_gives_the_panels_reason_in_its_own_words(client: Client) -> None:
    _, _, _, projects = published_projects()
    Project.objects.filter(pk=projects[0].pk).update(
        chosen_by="panel", chosen_because={"section": "Noord", "reason": "Dit plan verbindt de buurt."}
    )
    project = Project.objects.get(pk=projects[0].pk)
    assert chosen_of(project).by_panel and chosen_of(project).reason == "Dit plan verbindt de buurt."
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Dit plan verbindt de buurt." in html and "Het burgerpanel koos dit plan." in html


def test_a_delayed_project_says_why_by_its_status(client: Client) -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    owner = project.plan.initiator
    change_project_status(project=project, to=ProjectStatus.RUNNING, by=owner)
    change_project_status(
        project=project, to=ProjectStatus.DELAYED, by=owner, reason="De vergunning duurt langer."
    )
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Vertraagd" in page and "De vergunning duurt langer." in page
    change_project_status(project=project, to=ProjectStatus.RUNNING, by=owner)
    assert "De vergunning duurt langer." not in client.get(project.get_absolute_url()).content.decode()
