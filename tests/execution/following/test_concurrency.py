"""Two requests following at once leave one row (the partial unique constraints), on the real database."""

from __future__ import annotations

import pytest

from execution.following.services import follow_edition, follow_project
from execution.models import Follow
from tests.concurrency import run_at_once
from tests.execution.factories import published_projects
from tests.factories import make_user


@pytest.mark.django_db(transaction=True)
def test_following_a_project_twice_at_once_leaves_one_row() -> None:
    _, _, _, projects = published_projects()
    for _round in range(5):
        resident = make_user()
        outcomes = run_at_once([lambda: follow_project(user=resident, project=projects[0])] * 2)  # noqa: B023
        assert outcomes == ["ok", "ok"]
        assert Follow.objects.filter(user=resident, project=projects[0]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_following_an_edition_twice_at_once_leaves_one_row() -> None:
    edition, _, _, _ = published_projects()
    for _round in range(5):
        resident = make_user()
        outcomes = run_at_once([lambda: follow_edition(user=resident, edition=edition)] * 2)  # noqa: B023
        assert outcomes == ["ok", "ok"]
        assert Follow.objects.filter(user=resident, edition=edition).count() == 1
