"""The count queued by the official runs in the real task worker (django-tasks' database backend)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from outcomes.models import Count, CountStatus
from outcomes.services import start_count
from tests.factories import ballot_box_shares
from tests.outcomes.factories import make_closed_vote, make_official

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_started_count_waits_in_the_queue_until_the_worker_runs_it() -> None:
    edition, plans = make_closed_vote(choices=[(0,), (0, 2), (1,)])
    official = make_official(edition)
    with override_settings(TASKS=DATABASE_TASKS):
        count = start_count(
            edition=edition, by=official, shares=ballot_box_shares(edition)
        )  # queued when its transaction commits
        assert Count.objects.get(pk=count.pk).status == CountStatus.QUEUED
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    count.refresh_from_db()
    assert count.status == CountStatus.DONE and count.progress == 100
    assert count.is_current
    selected = [int(pk) for section in count.sections.all() for pk in section.selected]
    assert plans[0].pk in selected
