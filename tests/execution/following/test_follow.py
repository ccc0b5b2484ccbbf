"""Following a project or an edition: anyone with an active account while the phase opens it, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from execution.following.errors import FollowError
from execution.following.services import follow_edition, follow_project, unfollow_edition, unfollow_project
from execution.models import Follow
from tests.execution.factories import published_projects
from tests.factories import make_user, phase_of
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_a_resident_follows_a_project_and_following_again_changes_nothing() -> None:
    _, _, _, projects = published_projects()
    resident = make_user()
    first = follow_project(user=resident, project=projects[0])
    again = follow_project(user=resident, project=projects[0])
    assert first.pk == again.pk
    stored = Follow.objects.get(user=resident)
    assert (stored.project_id, stored.edition_id) == (projects[0].pk, None)


def test_a_follow_keeps_the_day_only_not_the_moment() -> None:
    _, _, _, projects = published_projects()
    moment = timezone.now().replace(microsecond=0)
    follow = follow_project(user=make_user(), project=projects[0], at=moment)
    local = timezone.localtime(follow.created_at)
    assert local.date() == timezone.localdate(moment)
    assert (local.hour, local.minute, local.second) == (0, 0, 0)


def test_a_resident_follows_an_edition_once_and_unfollows_it() -> None:
    edition, _, _, _ = published_projects()
    resident = make_user()
    follow_edition(user=resident, edition=edition)
    follow_edition(user=resident, edition=edition)
    assert Follow.objects.filter(user=resident, edition=edition).count() == 1
    assert unfollow_edition(user=resident, edition=edition) is True
    assert unfollow_edition(user=resident, edition=edition) is False
    assert not Follow.objects.filter(user=resident).exists()


def test_unfollowing_a_project_leaves_the_edition_followed() -> None:
    edition, _, _, projects = published_projects()
    resident = make_user()
    follow_edition(user=resident, edition=edition)
    follow_project(user=resident, project=projects[0])
    assert unfollow_project(user=resident, project=projects[0]) is True
    assert list(Follow.objects.filter(user=resident).values_list("edition_id", flat=True)) == [edition.pk]


def test_officials_and_initiators_may_follow_too() -> None:
    edition, plans, official, projects = published_projects()
    follow_edition(user=official, edition=edition)
    follow_project(user=plans[0].initiator, project=projects[0])
    assert Follow.objects.count() == 2


def test_following_before_the_decision_phase_is_refused_and_opens_during_it() -> None:
    edition, _, _, projects = published_projects()
    resident = make_user()
    before = phase_of(edition, "review").starts_at + timedelta(hours=1)
    during = phase_of(edition, "decision").starts_at + timedelta(hours=1)
    count = Follow.objects.count
    refused(
        lambda: follow_edition(user=resident, edition=edition, at=before), "follow_not_open", unchanged=count
    )
    refused(
        lambda: follow_project(user=resident, project=projects[0], at=before),
        "follow_not_open",
        unchanged=count,
    )
    follow_edition(user=resident, edition=edition, at=during)
    assert count() == 1


def test_an_inactive_account_or_an_unpublished_edition_is_refused() -> None:
    edition, _, _, projects = published_projects()
    inactive = make_user(is_active=False)
    count = Follow.objects.count
    refused(
        lambda: follow_project(user=inactive, project=projects[0]), "follow_needs_account", unchanged=count
    )
    edition.is_published = False
    edition.save()
    projects[0].edition.refresh_from_db()
    resident = make_user()
    error = refused(
        lambda: follow_edition(user=resident, edition=edition),
        "follow_not_open",
        error=FollowError,
        unchanged=count,
    )
    with translation.override("en"):
        assert "decision" in error.message
