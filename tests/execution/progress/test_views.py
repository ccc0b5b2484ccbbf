"""The progress pages: the phone-friendly update form, hiding an update, a status step; who gets 403,
and refusals shown on the form in Dutch with 400 or 409."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from execution.models import Project, ProjectStatus, Update
from execution.progress.services import post_update
from execution.progress.status import apply_transition
from tests.execution.factories import published_projects
from tests.execution.progress.factories import moments, owner_of, upload, with_milestones
from tests.factories import make_district, make_staff, make_user
from tests.helpers import dutch, page_text

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_the_owner_gets_a_form_that_opens_the_phone_camera() -> None:
    _, _, _, projects = published_projects()
    with_milestones(projects[0], "Bakken geplaatst")
    response = _client(owner_of(projects[0])).get(reverse("execution:post_update", args=[projects[0].pk]))
    assert response.status_code == 200
    text = page_text(response)
    assert 'accept="image/*"' in text and 'capture="environment"' in text and "multiple" in text
    assert 'enctype="multipart/form-data"' in text and "Bakken geplaatst" in text
    assert "<script" not in text.split("<main", 1)[-1].split("</main>", 1)[0]


def test_the_owner_posts_an_update_with_photos_and_a_milestone() -> None:
    _, _, _, projects = published_projects()
    project = projects[0]
    (milestone,) = with_milestones(project, "Bakken geplaatst")
    response = _client(owner_of(project)).post(
        reverse("execution:post_update", args=[project.pk]),
        {
            "body": "De bakken staan er",
            "photos": [upload("a.png"), upload("b.png")],
            "alt_texts": "Drie bakken op het plein",
            "milestone": milestone.pk,
            "percent": "60",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#voortgang")
    update = Update.objects.get(project=project)
    assert [p.alt_text for p in update.photos.all()] == ["Drie bakken op het plein"] * 2
    assert Project.objects.get(pk=project.pk).progress_percent == 60


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"body": "Nieuws", "photos": [upload("bon.png", b"%PDF-1.4")], "alt_texts": "Bon"},
            "That file is not a JPEG, PNG or WebP image.",
        ),
        (
            {"body": "Nieuws", "photos": [upload()]},
            "Describe what each photo shows, for people who cannot see it.",
        ),
        ({"body": "   "}, "This field is required."),
        ({"body": "Nieuws", "percent": "140"}, "Ensure this value is less than or equal to %(limit_value)s."),
    ],
)
def test_bad_input_is_shown_on_the_form_in_dutch_with_400(data: dict[str, object], message: str) -> None:
    _, _, _, projects = published_projects()
    response = _client(owner_of(projects[0])).post(
        reverse("execution:post_update", args=[projects[0].pk]), data
    )
    assert response.status_code == 400
    expected = dutch(message).split("%(")[0]
    assert expected in page_text(response)
    assert not Update.objects.exists()


def test_a_stopped_project_refuses_with_409() -> None:
    _, _, official, projects = published_projects()
    apply_transition(project=projects[0], to=ProjectStatus.STOPPED, by=official, reason="Geen locatie")
    response = _client(owner_of(projects[0])).post(
        reverse("execution:post_update", args=[projects[0].pk]), {"body": "Toch nog"}
    )
    assert response.status_code == 409
    assert dutch("This project is completed or stopped: it can no longer be changed.") in page_text(response)


@pytest.mark.parametrize("who", ["resident", "owner_of_the_other", "official_elsewhere"])
def test_others_get_403_on_the_progress_pages(who: str) -> None:
    _, _, official, projects = published_projects()
    update = post_update(project=projects[0], by=official, body="Nieuws")
    makers: dict[str, Callable[[], User]] = {
        "resident": make_user,
        "owner_of_the_other": lambda: owner_of(projects[1]),
        "official_elsewhere": lambda: make_staff(role=Role.OFFICIAL, district=make_district()),
    }
    person = makers[who]()
    client = _client(person)
    pk = projects[0].pk
    assert client.get(reverse("execution:post_update", args=[pk])).status_code == 403
    assert client.post(reverse("execution:post_update", args=[pk]), {"body": "x"}).status_code == 403
    assert client.post(reverse("execution:change_status", args=[pk]), {"to": "running"}).status_code == 403
    assert (
        client.post(reverse("execution:hide_update", args=[update.pk]), {"reason": "Weg"}).status_code == 403
    )
    assert Update.objects.filter(hidden_at__isnull=True).count() == 1
    assert Project.objects.get(pk=pk).status == ProjectStatus.PREPARING


def test_a_visitor_is_sent_to_log_in() -> None:
    _, _, _, projects = published_projects()
    response = Client().get(reverse("execution:post_update", args=[projects[0].pk]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_an_official_hides_an_update_with_a_reason() -> None:
    _, _, official, projects = published_projects()
    update = post_update(project=projects[0], by=owner_of(projects[0]), body="Ongepast")
    client = _client(official)
    url = reverse("execution:hide_update", args=[update.pk])
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": ""})
    assert empty.status_code == 400 and dutch("This field is required.") in page_text(empty)
    done = client.post(url, {"reason": "Persoonsgegevens"})
    assert done.status_code == 302 and done["Location"].endswith(f"#update-{update.pk}")
    again = client.post(url, {"reason": "Nog eens"})
    assert again.status_code == 409 and dutch("This update has already been hidden.") in page_text(again)


def test_status_steps_through_the_page() -> None:
    _, _, official, projects = published_projects()
    project = projects[0]
    owner = _client(owner_of(project))
    url = reverse("execution:change_status", args=[project.pk])
    form = page_text(owner.get(url))
    assert 'value="running"' in form and 'value="stopped"' not in form  # stopping is the district's
    assert owner.post(url, {"to": "running"}).status_code == 302
    no_reason = owner.post(url, {"to": "delayed", "reason": " "})
    assert no_reason.status_code == 400
    assert dutch("Say why: the reason is shown on the project page.") in page_text(no_reason)
    stop = _client(official).post(url, {"to": "stopped", "reason": "Geen vrijwilligers"})
    assert stop.status_code == 302
    assert Project.objects.get(pk=project.pk).status == ProjectStatus.STOPPED
    closed = page_text(owner.get(url))
    assert dutch("You cannot change this project's status.") in closed


@pytest.mark.parametrize(("moment", "status"), [("before", 403), ("during", 200), ("after", 403)])
def test_the_update_form_opens_only_while_the_phase_does(
    moment: str, status: int, freeze_time: Callable[[datetime], None]
) -> None:
    edition, _, official, projects = published_projects()
    freeze_time(moments(edition)[moment])
    for person in (owner_of(projects[0]), official):
        response = _client(person).get(reverse("execution:post_update", args=[projects[0].pk]))
        assert response.status_code == status
