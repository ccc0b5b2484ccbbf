"""Buurtbudget Oost 2026: a finished hybrid edition (the panel's shortlist, then a vote), carried out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from deliberation.models import Draw
from demo.content.oost_2026 import SHORTLIST
from editions.models import Edition
from execution.models import Blocker, Project, ProjectStatus
from outcomes.models import Count, CountSource
from review.models import ShortlistEntry
from voting.models import Channel, Voter

pytestmark = pytest.mark.django_db

OOST_2026 = "buurtbudget-oost-2026"


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The demo, loaded once for this module's read-only tests and rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--quiet")
        yield
        transaction.set_rollback(True)


def test_oost_2026_is_a_hybrid_edition_where_the_panel_shortlists_and_everyone_votes(demo: None) -> None:
    edition = Edition.objects.get(slug=OOST_2026)

    assert (edition.decision_model, edition.hybrid_order) == ("hybrid", "panel_then_vote")
    assert edition.panel_shortlists and not edition.panel_decides
    draw = Draw.objects.get(edition=edition, is_current=True)
    assert draw.published_at is not None and len(draw.selected) == 21
    entries = ShortlistEntry.objects.filter(edition=edition).select_related("chosen_by")
    assert len(entries) == len(SHORTLIST.choices) == 10
    assert all(e.chosen_by.email.startswith("gespreksleider.oost@") and e.reason for e in entries)


def test_oost_2026_counted_a_few_hundred_voters_and_published_its_result(demo: None) -> None:
    edition = Edition.objects.get(slug=OOST_2026)
    voters = Voter.objects.filter(edition=edition).exclude(channel="")

    assert 400 <= voters.count() <= 900
    assert voters.filter(channel=Channel.PAPER).exists()
    count = Count.objects.get(edition=edition, source=CountSource.VOTE, is_current=True)
    assert count.published_at is not None and count.rule == "mes"
    selected = {pk for section in count.sections.all() for pk in section.selected}
    assert 6 <= len(selected) < 10  # more shortlisted plans than money: some lost


def test_oost_2026_projects_are_mostly_completed_and_one_stopped_on_an_unsolved_blocker(demo: None) -> None:
    projects = Project.objects.filter(edition__slug=OOST_2026)
    statuses = list(projects.values_list("status", flat=True))

    assert statuses.count(ProjectStatus.COMPLETED) == 5
    assert statuses.count(ProjectStatus.STOPPED) == 1
    blockers = Blocker.objects.filter(project__edition__slug=OOST_2026)
    assert blockers.filter(resolved_at__isnull=False).count() >= 2
    assert blockers.filter(resolved_at__isnull=True).count() >= 2


def test_the_2027_editions_keep_their_own_phase_and_plans(demo: None) -> None:
    oost, west = (
        Edition.objects.get(slug="buurtbudget-oost-2027"),
        Edition.objects.get(slug="buurtbudget-west-2027"),
    )

    assert not Voter.objects.filter(edition__in=[oost, west]).exists()
    assert not Project.objects.filter(edition__in=[oost, west]).exists()
    assert oost.plans.count() == 11 and not oost.plans.filter(title__in=SHORTLIST_TITLES).exists()


SHORTLIST_TITLES = [choice.plan_title for choice in SHORTLIST.choices]
