"""The obstacle pages: recording and resolving a blocker, asking and answering; 403 for the others,
refusals shown in Dutch."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from execution.models import Blocker, HelpRequest
from execution.obstacles.services import ask_for_help, record_blocker
from tests.execution.factories import published_projects
from tests.execution.progress.factories import owner_of
from tests.factories import make_district, make_staff, make_user
from tests.helpers import dutch, page_text

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_an_owner_records_a_blocker_and_an_official_resolves_it() -> None:
    _, _, official, projects = published_projects()
    owner = _client(owner_of(projects[0]))
    url = reverse("execution:record_blocker", args=[projects[0].pk])
    assert owner.get(url).status_code == 200
    bad = owner.post(url, {"category": "weather", "description": "Regen"})
    assert bad.status_code == 400 and not Blocker.objects.exists()
    assert owner.post(url, {"category": "permit", "description": "Geen vergunning"}).status_code == 302
    blocker = Blocker.objects.get()
    resolve = reverse("execution:resolve_blocker", args=[blocker.pk])
    assert "Geen vergunning" in page_text(_client(official).get(resolve))
    empty = _client(official).post(resolve, {"resolution": ""})
    assert empty.status_code == 400 and dutch("This field is required.") in page_text(empty)
    assert _client(official).post(resolve, {"resolution": "Verleend"}).status_code == 302
    again = owner.post(resolve, {"resolution": "Nog eens"})
    assert again.status_code == 409 and dutch("This obstacle has already been resolved.") in page_text(again)


def test_an_owner_asks_and_an_official_answers() -> None:
    _, _, official, projects = published_projects()
    owner = _client(owner_of(projects[0]))
    ask = reverse("execution:ask_for_help", args=[projects[0].pk])
    assert _client(official).get(ask).status_code == 403  # the district answers, it does not ask
    assert owner.post(ask, {"question": "Wie regelt de stroom?"}).status_code == 302
    asked = HelpRequest.objects.get()
    answer = reverse("execution:answer_help_request", args=[asked.pk])
    assert owner.get(answer).status_code == 403
    assert _client(official).get(answer).status_code == 200
    assert _client(official).post(answer, {"answer": "Liander"}).status_code == 302
    assert HelpRequest.objects.get().answer == "Liander"


@pytest.mark.parametrize("who", ["resident", "owner_of_the_other", "official_elsewhere"])
def test_others_get_403_on_the_obstacle_pages(who: str) -> None:
    _, _, _, projects = published_projects()
    owner = owner_of(projects[0])
    blocker = record_blocker(project=projects[0], by=owner, category="permit", description="Vergunning")
    asked = ask_for_help(project=projects[0], by=owner, question="Hulp?")
    makers: dict[str, Callable[[], User]] = {
        "resident": make_user,
        "owner_of_the_other": lambda: owner_of(projects[1]),
        "official_elsewhere": lambda: make_staff(role=Role.OFFICIAL, district=make_district()),
    }
    person = makers[who]()
    client = _client(person)
    posts = [
        (
            reverse("execution:record_blocker", args=[projects[0].pk]),
            {"category": "other", "description": "x"},
        ),
        (reverse("execution:resolve_blocker", args=[blocker.pk]), {"resolution": "x"}),
        (reverse("execution:ask_for_help", args=[projects[0].pk]), {"question": "x"}),
        (reverse("execution:answer_help_request", args=[asked.pk]), {"answer": "x"}),
    ]
    for url, data in posts:
        assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert Blocker.objects.filter(resolved_at__isnull=True).count() == 1
    assert HelpRequest.objects.filter(answered_at__isnull=True).count() == 1
