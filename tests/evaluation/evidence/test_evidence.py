"""The precomputed evidence: computed once per edition, refreshed when stale, on request and by cron."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from functools import partial
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from audit.models import AuditEntry
from deliberation.models import PanelDecision
from editions.models import Edition
from evaluation.costs.services import add_cost
from evaluation.evidence import EVIDENCE_VERSION, SECTIONS, compute_evidence
from evaluation.evidence.freshness import EVIDENCE_MAX_AGE, evidence_for
from evaluation.evidence.services import recompute_evidence, refresh_evidence
from evaluation.models import EditionEvidence
from outcomes.models import Count
from tests import factories
from tests.conftest import People
from tests.evaluation.report.factory import store_evidence
from tests.refusals import refused

pytestmark = pytest.mark.django_db


def test_the_edition_and_costs_sections_are_computed_here(edition: Edition, people: People) -> None:
    add_cost(
        edition=edition,
        by=people.staff[Role.OFFICIAL],
        description="Zaal",
        staff_hours=Decimal(1),
        amount_cents=500,
    )
    data = compute_evidence(edition)
    assert set(SECTIONS) <= set(data)
    assert data["edition"]["slug"] == edition.slug
    assert data["edition"]["step"] == "online_vote"
    assert data["edition"]["municipality"] == edition.district.municipality.name
    assert data["edition"]["phases"][0]["kind"] == "information"
    assert data["costs"] == {"staff_hours": 1.0, "amount_cents": 500, "lines": 1}


def test_refreshing_twice_keeps_one_row_of_the_current_version(edition: Edition) -> None:
    first = refresh_evidence(edition=edition)
    second = refresh_evidence(edition=edition, at=timezone.now() + timedelta(minutes=5))
    assert EditionEvidence.objects.filter(edition=edition).count() == 1
    assert first.pk == second.pk and second.version == EVIDENCE_VERSION


def test_fresh_evidence_is_read_stale_evidence_is_recomputed(edition: Edition) -> None:
    now = timezone.now()
    row = store_evidence(edition, at=now - timedelta(minutes=30))
    assert evidence_for(edition, at=now)["participation"]["totals"]["eligible"] == 3000  # the stored one
    row.computed_at = now - EVIDENCE_MAX_AGE - timedelta(minutes=1)
    row.save()
    evidence_for(edition, at=now)
    row.refresh_from_db()
    assert row.computed_at == now  # the edition still runs: recomputed


def test_an_ended_edition_keeps_figures_computed_after_its_end(district: object) -> None:
    start = timezone.now() - timedelta(days=400)
    edition = factories.make_edition(district=district, start=start)  # type: ignore[arg-type]
    ended = max(p.ends_at for p in edition.phases.all())
    row = store_evidence(edition, at=ended + timedelta(days=1))
    evidence_for(edition)
    row.refresh_from_db()
    assert row.computed_at == ended + timedelta(days=1)


def test_evidence_of_an_older_version_is_recomputed(edition: Edition) -> None:
    row = store_evidence(edition)
    EditionEvidence.objects.filter(pk=row.pk).update(version=EVIDENCE_VERSION - 1)
    evidence_for(edition)
    row.refresh_from_db()
    assert row.version == EVIDENCE_VERSION


def test_recompute_now_is_for_the_districts_officials_and_audited(edition: Edition, people: People) -> None:
    def rows() -> int:
        return EditionEvidence.objects.count()

    for outsider in (people.staff_elsewhere[Role.OFFICIAL], people.resident):
        refused(partial(recompute_evidence, edition=edition, by=outsider), "not_district", unchanged=rows)
    row = recompute_evidence(edition=edition, by=people.staff[Role.OFFICIAL])
    assert AuditEntry.objects.filter(action="evaluation.evidence_recomputed", object_id=str(row.pk)).exists()


def test_the_recompute_button(client: Client, edition: Edition, people: People) -> None:
    url = reverse("evaluation:recompute", args=[edition.slug])
    client.force_login(people.staff_elsewhere[Role.OFFICIAL])
    assert client.post(url).status_code == 403
    client.force_login(people.staff[Role.OFFICIAL])
    assert client.post(url).status_code == 302
    assert EditionEvidence.objects.filter(edition=edition).exists()


def test_the_command_refreshes_every_edition_or_one(edition: Edition) -> None:
    other = factories.make_edition(district=edition.district)
    out = StringIO()
    call_command("refresh_evaluation", "--edition", edition.slug, stdout=out)
    assert list(EditionEvidence.objects.values_list("edition", flat=True)) == [edition.pk]
    call_command("refresh_evaluation", stdout=out)
    assert EditionEvidence.objects.filter(edition=other).exists()
    with pytest.raises(CommandError):
        call_command("refresh_evaluation", "--edition", "no-such-edition", stdout=out)


def _count(edition: Edition, by: User, *, published: bool) -> None:
    Count.objects.create(
        edition=edition,
        source="vote",
        status="done",
        started_by=by,
        rule="greedy",
        satisfaction="cost",
        pbrules_version="",
        tie_breaking="",
        is_current=True,
        published_at=timezone.now() if published else None,
    )


def test_an_edition_is_decided_once_its_result_is_published(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    assert compute_evidence(edition)["edition"]["decided"] is False  # plans phase: nothing decided
    _count(edition, official, published=False)
    assert compute_evidence(edition)["edition"]["decided"] is False  # counted, not yet published
    Count.objects.filter(edition=edition).update(published_at=timezone.now())
    assert compute_evidence(edition)["edition"]["decided"] is True


def test_an_edition_is_decided_once_the_panel_recorded_its_decision(edition: Edition, people: People) -> None:
    official = people.staff[Role.OFFICIAL]
    PanelDecision.objects.create(edition=edition, step="shortlist", method="consensus", recorded_by=official)
    assert compute_evidence(edition)["edition"]["decided"] is False  # a shortlist decides nothing yet
    PanelDecision.objects.create(edition=edition, step="decision", method="consensus", recorded_by=official)
    assert compute_evidence(edition)["edition"]["decided"] is True
