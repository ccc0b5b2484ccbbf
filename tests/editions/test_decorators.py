"""``@edition_action`` loads the edition by slug and lets through exactly whom ``can()`` lets through."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.test import RequestFactory

from accounts.models import Role, User
from editions.decorators import Gate, Task, declared_tasks, edition_action, edition_page
from editions.models import Edition
from editions.phases import Action
from tests import factories


def _view(request: HttpRequest, edition: Edition) -> HttpResponse:
    return HttpResponse(edition.slug)


review_now = edition_action(Action.REVIEW_PLAN)(_view)
review_any_phase = edition_action(Action.REVIEW_PLAN, gate=Gate.ROLES)(_view)
sign_up_page = edition_action(Action.SIGN_UP_FOR_PANEL, gate=Gate.OFFERED)(_view)
public_page = edition_page(_view)


def _get(user: User | AnonymousUser) -> HttpRequest:
    request = RequestFactory().get("/x/")
    request.user = user
    return request


@pytest.mark.django_db
def test_the_view_gets_the_edition_when_the_phase_opens_the_action_for_the_role() -> None:
    edition = factories.make_edition_in_phase("review")
    reviewer = factories.make_staff(role=Role.REVIEWER, district=edition.district)
    response = review_now(_get(reviewer), slug=edition.slug)
    assert isinstance(response, HttpResponse) and response.content.decode() == edition.slug


@pytest.mark.django_db
def test_a_closed_phase_refuses_now_but_not_the_roles_gate() -> None:
    edition = factories.make_edition_in_phase("plans")
    reviewer = factories.make_staff(role=Role.REVIEWER, district=edition.district)
    with pytest.raises(PermissionDenied):
        review_now(_get(reviewer), slug=edition.slug)
    assert review_any_phase(_get(reviewer), slug=edition.slug).status_code == 200


@pytest.mark.django_db
def test_staff_of_another_district_and_residents_are_refused_and_anonymous_users_sent_to_log_in() -> None:
    edition = factories.make_edition_in_phase("review")
    elsewhere = factories.make_staff(role=Role.REVIEWER, district=factories.make_district())
    for user in (elsewhere, factories.make_user()):
        with pytest.raises(PermissionDenied):
            review_any_phase(_get(user), slug=edition.slug)
    response = review_any_phase(_get(AnonymousUser()), slug=edition.slug)
    assert response.status_code == 302 and "next=/x/" in response["Location"]


@pytest.mark.django_db
def test_a_page_of_several_actions_lets_in_the_roles_of_any_of_them() -> None:
    edition = factories.make_edition_in_phase("review")
    review_or_count = edition_action(Action.REVIEW_PLAN, Action.RUN_COUNT, gate=Gate.ROLES)(_view)
    for role in (Role.REVIEWER, Role.OFFICIAL):
        user = factories.make_staff(role=role, district=edition.district)
        assert review_or_count(_get(user), slug=edition.slug).status_code == 200
    with pytest.raises(PermissionDenied):
        review_or_count(
            _get(factories.make_staff(role=Role.COMMITTEE, district=edition.district)), slug=edition.slug
        )


@pytest.mark.django_db
def test_an_unknown_slug_is_404() -> None:
    with pytest.raises(Http404):
        review_any_phase(_get(factories.make_user()), slug="bestaat-niet")


@pytest.mark.django_db
def test_public_pages_show_only_published_editions_and_offered_actions() -> None:
    vote = factories.make_edition(decision_model="online_vote")
    panel = factories.make_edition(decision_model="panel")
    hidden = factories.make_edition(decision_model="panel", is_published=False)
    assert public_page(_get(AnonymousUser()), slug=vote.slug).status_code == 200
    assert sign_up_page(_get(AnonymousUser()), slug=panel.slug).status_code == 200
    for edition, view in ((hidden, public_page), (vote, sign_up_page), (hidden, sign_up_page)):
        with pytest.raises(Http404):
            view(_get(AnonymousUser()), slug=edition.slug)


def test_a_workspace_task_must_be_a_staff_page() -> None:
    with pytest.raises(ValueError):
        edition_action(Action.VOTE, gate=Gate.OFFERED, task=Task(label="x", order=1))  # type: ignore[arg-type]


def test_declared_tasks_are_urls_whose_views_declare_a_task_in_order() -> None:
    tasks = declared_tasks()
    assert [task.task.order for task in tasks] == sorted(task.task.order for task in tasks)
    assert len({task.url_name for task in tasks}) == len(tasks)
