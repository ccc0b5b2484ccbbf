"""Two people acting on the same agreement at the same moment: one wins, the other is refused."""

from __future__ import annotations

from functools import partial

import pytest

from accounts.models import Role
from execution.agreements.services import confirm_agreement, propose_agreement
from execution.models import Agreement, ProjectLine
from tests.concurrency import run_at_once
from tests.factories import make_staff

from .conftest import Setting


@pytest.mark.django_db(transaction=True)
def test_two_officials_confirming_at_once_bring_the_version_into_force_once(setting: Setting) -> None:
    proposed = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
    )
    second = make_staff(role=Role.OFFICIAL, district=setting.project.edition.district)
    outcomes = run_at_once(
        [partial(confirm_agreement, agreement=proposed, by=who) for who in (setting.official, second)]
    )
    assert sorted(outcomes) in (["already_confirmed", "ok"], ["not_pending", "ok"])
    assert Agreement.objects.filter(project=setting.project, in_force_at__isnull=False).count() == 1
    lines = ProjectLine.objects.filter(pk__in=[line.pk for line in setting.lines]).order_by("position")
    assert [line.committed_cents for line in lines] == [25_000_00, 10_000_00]


@pytest.mark.django_db(transaction=True)
def test_both_sides_proposing_at_once_leave_one_version_waiting(setting: Setting) -> None:
    outcomes = run_at_once(
        [
            partial(
                propose_agreement,
                project=setting.project,
                by=who,
                milestones=setting.milestones(),
                payments=setting.payments(),
            )
            for who in (setting.owner, setting.official)
        ]
    )
    assert sorted(outcomes) == ["ok", "pending_exists"]
    assert Agreement.objects.filter(project=setting.project).count() == 1
