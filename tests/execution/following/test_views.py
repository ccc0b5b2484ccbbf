"""The follow button, the confirmation page, "What I follow", and the offer after casting a vote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from editions.models import BallotFormat
from execution.models import Follow
from tests import factories
from tests.execution.factories import published_projects
from tests.voting.views.resident import cast, make_format_vote, open_ballot, token_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The pages in English (URLs reversed now carry /en/); the Dutch one is tested on its own."""
    with translation.override("en"):
        yield


FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', re.S)
FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def forms_to(page: str, action: str) -> list[dict[str, str]]:
    """The hidden fields of each POST form on ``page`` that goes to ``action``, but its CSRF token
    (which each must have)."""
    found = [dict(FIELD.findall(body)) for target, body in FORM.findall(page) if target == action]
    assert all(fields.pop("csrfmiddlewaretoken", "") for fields in found), "a POST form without CSRF token"
    return found


def test_a_visitor_is_offered_to_log_in_and_lands_on_the_follow_page(client: Client) -> None:
    _, _, _, projects = published_projects()
    follow_url = reverse("execution:follow_project", args=[projects[0].pk])
    page = client.get(projects[0].get_absolute_url()).content.decode()
    assert f"{reverse('accounts:login')}?next={quote(follow_url, safe='/')}" in page
    assert forms_to(page, follow_url) == []
    response = client.get(follow_url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_a_resident_follows_a_project_with_the_button_and_stops_again(client: Client) -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    resident = factories.make_user()
    client.force_login(resident)
    follow_url = reverse("execution:follow_project", args=[project.pk])
    page = client.get(project.get_absolute_url()).content.decode()
    assert forms_to(page, follow_url) == [{"next": project.get_absolute_url()}]

    response = client.post(follow_url, {"next": project.get_absolute_url()})
    assert (response.status_code, response["Location"]) == (302, project.get_absolute_url())
    assert Follow.objects.filter(user=resident, project=project).count() == 1
    page = client.get(project.get_absolute_url()).content.decode()
    unfollow_url = reverse("execution:unfollow_project", args=[project.pk])
    assert forms_to(page, unfollow_url) and "Stop following" in page

    client.post(unfollow_url, {"next": project.get_absolute_url()})
    assert not Follow.objects.filter(user=resident).exists()


def test_the_confirmation_page_follows_an_edition_and_ignores_a_foreign_next(client: Client) -> None:
    edition, _, _, _ = published_projects()
    resident = factories.make_user()
    client.force_login(resident)
    url = reverse("execution:follow_edition", args=[edition.slug])
    page = client.get(url)
    assert page.status_code == 200 and "Follow “" in page.content.decode()
    response = client.post(url, {"next": "https://evil.example.org/"})
    assert response["Location"] == edition.get_absolute_url()
    assert Follow.objects.filter(user=resident, edition=edition).count() == 1


def test_following_before_the_decision_is_refused_with_its_message(client: Client) -> None:
    edition = factories.make_edition_in_phase("plans")
    client.force_login(factories.make_user())
    response = client.post(reverse("execution:follow_edition", args=[edition.slug]))
    assert response.status_code == 403
    assert "once its decision has begun" in response.content.decode()
    assert not Follow.objects.exists()


def test_what_i_follow_lists_editions_and_projects_with_unfollow_buttons(client: Client) -> None:
    edition, _, _, projects = published_projects()
    resident = factories.make_user()
    Follow.objects.create(user=resident, edition=edition)
    Follow.objects.create(user=resident, project=projects[1])
    client.force_login(resident)
    assert reverse("execution:followed") in client.get(reverse("accounts:profile")).content.decode()
    page = client.get(reverse("execution:followed")).content.decode()
    assert edition.name in page and projects[1].plan.title in page
    assert forms_to(page, reverse("execution:unfollow_edition", args=[edition.slug]))
    assert forms_to(page, reverse("execution:unfollow_project", args=[projects[1].pk]))
    client.post(reverse("execution:unfollow_edition", args=[edition.slug]))
    assert list(Follow.objects.values_list("project_id", flat=True)) == [projects[1].pk]


def test_the_button_and_the_page_speak_dutch(client: Client) -> None:
    _, _, _, projects = published_projects()
    client.force_login(factories.make_user())
    with translation.override("nl"):
        page = client.get(projects[0].get_absolute_url()).content.decode()
        assert "Volg dit project" in page
        client.post(reverse("execution:follow_project", args=[projects[0].pk]))
        page = client.get(reverse("execution:followed")).content.decode()
    assert "Wat ik volg" in page and "Niet meer volgen" in page


def test_the_overview_offers_to_follow_the_edition(client: Client) -> None:
    edition, _, _, _ = published_projects()
    client.force_login(factories.make_user())
    page = client.get(reverse("execution:overview", args=[edition.slug])).content.decode()
    assert forms_to(page, reverse("execution:follow_edition", args=[edition.slug]))


# --- After casting: an offer that carries nothing of the ballot ----------------------------------


def _receipt(client: Client) -> tuple[object, str, str]:
    edition, plans = make_format_vote(BallotFormat.APPROVAL)
    _, code = factories.make_voter(edition=edition)
    page = cast(client, edition, token_of(open_ballot(client, edition, code)), {"s-main": [str(plans[0].pk)]})
    assert "Your vote has been received" in page.content.decode()
    return edition, code, page.content.decode()


def test_a_logged_in_voter_is_offered_a_follow_form_that_posts_no_code_or_ballot(
    client: Client,
) -> None:
    resident = factories.make_user()
    client.force_login(resident)
    edition, code, page = _receipt(client)
    follow_url = reverse("execution:follow_edition", args=[edition.slug])  # type: ignore[attr-defined]
    offers = forms_to(page, follow_url)
    overview = reverse("execution:overview", args=[edition.slug])  # type: ignore[attr-defined]
    assert offers == [{"next": overview}]  # no token, no code, no receipt number: only where to go next
    assert code not in follow_url and token_of_page(page) not in str(offers)

    client.post(follow_url, offers[0])
    follow = Follow.objects.get()
    fields = {f.name for f in Follow._meta.get_fields() if f.concrete}
    assert fields == {"id", "user", "project", "edition", "created_at"}  # nothing that could hold a ballot
    assert (follow.user_id, follow.edition_id, follow.project_id) == (resident.pk, edition.pk, None)  # type: ignore[attr-defined]
    assert (follow.created_at.minute, follow.created_at.second) == (0, 0)
    assert not any("token" in key or "code" in key or "receipt" in key for key in client.session.keys())  # noqa: SIM118


def token_of_page(page: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', page)
    assert found
    return found.group(1)


def test_an_anonymous_voter_gets_a_log_in_link_that_carries_no_code(client: Client) -> None:
    edition, code, page = _receipt(client)
    follow_url = reverse("execution:follow_edition", args=[edition.slug])  # type: ignore[attr-defined]
    links = re.findall(r'href="([^"]*\?next=[^"]*)"', page)
    assert f"{reverse('accounts:login')}?next={quote(follow_url, safe='/')}" in links
    assert f"{reverse('accounts:register')}?next={quote(follow_url, safe='/')}" in links
    assert all(code not in link and token_of_page(page) not in link for link in links)
    assert forms_to(page, follow_url) == []
    assert not any("code" in key or "token" in key for key in client.session.keys())  # noqa: SIM118
