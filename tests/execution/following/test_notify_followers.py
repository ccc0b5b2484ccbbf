"""Every piece of news reaches each follower of the project or of its edition exactly once."""

from __future__ import annotations

import pytest
from django.utils import translation

from execution.following.services import follow_edition, follow_project, notify_followers
from execution.models import ProjectStatus
from execution.progress.status import change_project_status
from notifications.models import Notification, NotificationKind
from notifications.texts import body_for, subject_for
from tests.execution.factories import published_projects
from tests.factories import make_user

pytestmark = pytest.mark.django_db

NEWS = [
    (NotificationKind.PROJECT_UPDATE, {"author": "Anna", "excerpt": "De bakken staan er."}),
    (NotificationKind.MILESTONE_REACHED, {"milestone": "Bakken geplaatst"}),
    (NotificationKind.PROJECT_STATUS, {"old": "Preparing", "status": "Running", "reason": ""}),
    (NotificationKind.PROJECT_COMPLETED, {}),
]


@pytest.mark.parametrize(("kind", "params"), NEWS)
def test_each_kind_of_news_reaches_project_and_edition_followers_once(
    kind: NotificationKind, params: dict[str, str]
) -> None:
    edition, _, _, projects = published_projects()
    project, other = projects
    of_project, of_edition, of_both, of_other = (make_user() for _ in range(4))
    follow_project(user=of_project, project=project)
    follow_edition(user=of_edition, edition=edition)
    follow_edition(user=of_both, edition=edition)
    follow_project(user=of_both, project=project)
    follow_project(user=of_other, project=other)

    sent = notify_followers(project=project, kind=kind, params=params)

    assert sorted(n.recipient_id for n in sent) == sorted([of_project.pk, of_edition.pk, of_both.pk])
    stored = Notification.objects.filter(kind=kind)
    assert sorted(stored.values_list("recipient_id", flat=True)) == sorted(
        [of_project.pk, of_edition.pk, of_both.pk]
    )
    assert {n.url for n in stored} == {project.get_absolute_url()}
    assert {n.params["plan"] for n in stored} == {project.plan.title}


def test_the_person_who_made_the_news_and_inactive_followers_are_not_told() -> None:
    edition, plans, _, projects = published_projects()
    initiator = plans[0].initiator
    follow_project(user=initiator, project=projects[0])
    gone = make_user()
    follow_edition(user=gone, edition=edition)
    gone.is_active = False
    gone.save()
    reader = make_user()
    follow_edition(user=reader, edition=edition)
    sent = notify_followers(
        project=projects[0],
        kind=NotificationKind.PROJECT_UPDATE,
        params={"author": "x", "excerpt": "y"},
        exclude=initiator,
    )
    assert [n.recipient_id for n in sent] == [reader.pk]


def test_followers_of_another_edition_hear_nothing() -> None:
    _, _, _, projects = published_projects()
    elsewhere, _, _, _ = published_projects()
    stranger = make_user()
    follow_edition(user=stranger, edition=elsewhere)
    assert notify_followers(project=projects[0], kind=NotificationKind.PROJECT_COMPLETED, params={}) == []


def test_a_status_change_by_the_district_reaches_the_followers_in_their_language() -> None:
    edition, _, official, projects = published_projects()
    follower = make_user()
    follow_edition(user=follower, edition=edition)
    follow_project(user=follower, project=projects[0])
    follow_edition(user=official, edition=edition)
    change_project_status(project=projects[0], to=ProjectStatus.RUNNING, by=official)
    told = Notification.objects.get(kind=NotificationKind.PROJECT_STATUS)
    assert told.recipient_id == follower.pk  # once, and not to the official who made the change
    with translation.override("nl"):
        assert (
            subject_for(told.kind, told.params)
            == f"“{projects[0].plan.title}” heeft nu de status: In uitvoering"
        )
        assert "de status In uitvoering (was: In voorbereiding)" in body_for(told.kind, told.params)
