"""The agreement's reads: the public summary with milestone states, and the district's work counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import override

from execution.agreements.selectors import agreement_summary, work_counts
from execution.agreements.services import confirm_agreement, propose_agreement
from execution.models import Milestone

from .conftest import Setting

pytestmark = pytest.mark.django_db


def test_no_summary_before_an_agreement_is_in_force(setting: Setting) -> None:
    propose_agreement(project=setting.project, by=setting.owner, milestones=setting.milestones(), payments=[])
    assert agreement_summary(setting.project) is None


def test_the_summary_shows_live_milestones_reached_overdue_or_planned_and_the_schedule(
    setting: Setting,
) -> None:
    proposed = propose_agreement(
        project=setting.project,
        by=setting.owner,
        milestones=setting.milestones(),
        payments=setting.payments(),
    )
    confirm_agreement(agreement=proposed, by=setting.official)
    Milestone.objects.filter(key=1).update(reached_at=timezone.now())
    later = timezone.localdate() + timedelta(days=61)
    with CaptureQueriesContext(connection) as queries:
        summary = agreement_summary(setting.project, today=later)
        assert summary is not None
        states = [(row.milestone.title, row.state) for row in summary.milestones]
        kinds = sorted(p.get_kind_display() for p in summary.payments)
    assert len(queries) == 3
    assert states == [("Bakken geplaatst", "reached"), ("Beplanting klaar", "overdue")]
    assert len(kinds) == 3
    with override("en"):
        html = render_to_string(
            "execution/agreements/_on_project.html", {"agreement": summary, "project": setting.project}
        )
    assert "overdue" in html and "Beplanting klaar" in html
    with override("nl"):
        html = render_to_string(
            "execution/agreements/_on_project.html", {"agreement": summary, "project": setting.project}
        )
    assert "over tijd" in html and "Betalingsschema" in html


def test_work_counts_the_versions_waiting_for_the_district_and_projects_without_contact(
    setting: Setting,
) -> None:
    edition = setting.project.edition
    assert work_counts(edition) == {"agreements_to_confirm": 0, "projects_to_set_up": 2}
    propose_agreement(project=setting.project, by=setting.owner, milestones=setting.milestones(), payments=[])
    assert work_counts(edition)["agreements_to_confirm"] == 1
    setting.project.contact = setting.official
    setting.project.save()
    assert work_counts(edition) == {"agreements_to_confirm": 1, "projects_to_set_up": 1}
