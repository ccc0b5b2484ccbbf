"""The draw service: quotas met, reproducible, explained when impossible, published, re-run, replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

from accounts.models import Role
from audit.models import AuditEntry
from deliberation.draw import selectors, sortition
from deliberation.draw.errors import problem_text
from deliberation.draw.services.draw import draw_panel, finish_draw, publish_draw, start_draw
from deliberation.draw.services.queued import queue_draw, run_queued_draw
from deliberation.draw.services.replacements import replace_member
from deliberation.errors import PanelError
from deliberation.models import (
    Draw,
    DrawStatus,
    FeatureValue,
    MemberStatus,
    PanelMember,
    PanelSetup,
    Respondent,
)
from deliberation.tasks import run_draw
from editions.models import Edition
from tests import factories
from tests.refusals import refused

from ..factories import make_facilitator, make_panel_edition, make_pool

pytestmark = pytest.mark.django_db


def quotas_hold(draw: Draw, pool_ids: list[str]) -> list[str]:
    """Every quota of the draw that the given panel breaks (empty when all hold)."""
    people = {p["pool_id"]: p for p in draw.pool}
    broken = []
    for feature, values in draw.quotas.items():
        for value, (low, high) in values.items():
            count = sum(1 for pool_id in pool_ids if people[pool_id][feature] == value)
            if not low <= count <= high:
                broken.append(f"{feature}={value}: {count} not in [{low}, {high}]")
    return broken


@pytest.fixture
def edition() -> Edition:
    edition = make_panel_edition(panel_size=8)
    make_pool(edition, size=40)
    return edition


@pytest.mark.parametrize("seed", [11, 222, 3333])
def test_the_drawn_panel_meets_every_quota(edition: Edition, seed: int) -> None:
    draw = draw_panel(edition=edition, by=make_facilitator(edition), seed=seed)
    assert draw.status == DrawStatus.DONE and draw.is_current
    assert len(draw.selected) == 8
    assert quotas_hold(draw, draw.selected) == []
    assert all(row["met"] for row in draw.quota_report)
    assert sorted(draw.members.values_list("pool_id", flat=True)) == sorted(draw.selected)
    assert sum(draw.probabilities.values()) == pytest.approx(8, abs=1e-3)
    assert set(draw.probabilities) == {p["pool_id"] for p in draw.pool}


def test_the_same_seed_and_pool_give_the_same_panel_and_other_seeds_differ(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    first = draw_panel(edition=edition, by=facilitator, seed=42)
    again = draw_panel(edition=edition, by=facilitator, seed=42)
    other = [draw_panel(edition=edition, by=facilitator, seed=seed).selected for seed in (43, 44)]
    assert first.selected == again.selected
    assert first.probabilities == again.probabilities
    assert any(selected != first.selected for selected in other)
    assert Draw.objects.filter(edition=edition, is_current=True).count() == 1


def test_a_draw_without_a_seed_gets_a_fresh_one_and_records_everything(edition: Edition) -> None:
    draw = draw_panel(edition=edition, by=make_facilitator(edition))
    assert 0 < draw.seed < 2**63
    assert draw.library_version == sortition.LIBRARY_VERSION
    assert draw.pool[0].keys() == {"pool_id", "buurt", "leeftijd", "gender"}
    assert "name" not in str(draw.pool) and "example.org" not in str(draw.pool)
    entry = AuditEntry.objects.get(action="panel.draw")
    assert entry.after["seed"] == draw.seed


def test_a_started_draw_finished_later_is_the_draw_made_at_once(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    at_once = draw_panel(edition=edition, by=facilitator, seed=42)
    started = start_draw(edition=edition, by=facilitator, seed=42)
    assert not Draw.objects.exclude(pk=at_once.pk).exists()  # nothing is stored until it is finished
    later = finish_draw(started=started)
    assert (later.selected, later.probabilities) == (at_once.selected, at_once.probabilities)
    assert Draw.objects.get(is_current=True) == later


def test_a_draw_that_cannot_start_is_refused_before_anything_runs(edition: Edition) -> None:
    refused(
        lambda: start_draw(edition=edition, by=factories.make_user(), seed=42),
        "not_allowed",
        error=PanelError,
        unchanged=lambda: Draw.objects.count(),
    )


def test_the_legacy_algorithm_meets_the_quotas_with_estimated_probabilities(edition: Edition) -> None:
    PanelSetup.objects.filter(edition=edition).update(algorithm="legacy")
    draw = draw_panel(edition=edition, by=make_facilitator(edition), seed=5)
    assert draw.status == DrawStatus.DONE
    assert quotas_hold(draw, draw.selected) == []
    assert sum(draw.probabilities.values()) == pytest.approx(8, abs=1e-3)


def test_a_panel_larger_than_the_pool_is_refused_and_nothing_changes(edition: Edition) -> None:
    PanelSetup.objects.filter(edition=edition).update(panel_size=41)
    caught = refused(
        lambda: draw_panel(edition=edition, by=make_facilitator(edition), seed=1),
        "pool_too_small",
        error=PanelError,
    )
    assert "41" in caught.message and "40" in caught.message
    assert not Draw.objects.exists()


def test_a_minimum_the_pool_cannot_meet_gives_an_explained_infeasible_draw(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    good = draw_panel(edition=edition, by=facilitator, seed=1)
    young = FeatureValue.objects.get(feature__edition=edition, key="16-24")
    in_pool = sum(1 for p in good.pool if p["leeftijd"] == "16-24")
    young.min_quota = in_pool + 2
    young.max_quota = in_pool + 2
    young.save()
    draw = draw_panel(edition=edition, by=facilitator, seed=1)
    assert draw.status == DrawStatus.INFEASIBLE and not draw.is_current
    codes = [p["code"] for p in draw.problems]
    assert "too_few_in_pool" in codes
    lower = next(
        p for p in draw.problems if p["code"] == "lower_min" and p["params"]["value"] == "16–24 jaar"
    )
    assert lower["params"]["new"] <= in_pool
    with translation.override("en"):
        assert f"from {in_pool + 2} to {lower['params']['new']}" in problem_text(lower)
    assert Draw.objects.get(is_current=True) == good
    assert not draw.members.exists()


def test_quotas_that_conflict_across_features_give_a_relaxation(edition: Edition) -> None:
    # Every panel member must be from Slotervaart, and at least 3 from Osdorp: impossible together.
    values = {v.key: v for v in FeatureValue.objects.filter(feature__edition=edition)}
    values["slotervaart"].min_quota = 8
    values["slotervaart"].max_quota = 8
    values["osdorp"].min_quota = 0
    values["osdorp"].max_quota = 0
    values["geuzenveld"].min_quota = 0
    values["geuzenveld"].max_quota = 0
    values["vrouw"].min_quota = 8
    values["man"].min_quota = 0
    values["man"].max_quota = 0
    values["anders"].max_quota = 0
    FeatureValue.objects.bulk_update(values.values(), ["min_quota", "max_quota"])
    draw = draw_panel(edition=edition, by=make_facilitator(edition), seed=3)
    assert draw.status == DrawStatus.INFEASIBLE
    assert any(p["kind"] == "fix" for p in draw.problems), draw.problems


def test_respondents_missing_a_feature_value_are_explained_not_crashed_on(edition: Edition) -> None:
    make_pool(edition, size=2, seed=9, skip=["gender"])
    draw = draw_panel(edition=edition, by=make_facilitator(edition), seed=1)
    assert draw.status == DrawStatus.INFEASIBLE
    missing = next(p for p in draw.problems if p["code"] == "missing_value")
    assert missing["params"]["count"] == 2
    assert "P0041" in missing["params"]["ids"]


def test_staff_without_the_facilitator_role_cannot_draw(edition: Edition) -> None:
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    refused(lambda: draw_panel(edition=edition, by=official, seed=1), error=PanelError)


def test_no_draw_outside_the_draw_phases() -> None:
    edition = make_panel_edition(phase="plans")
    make_pool(edition, size=20)
    refused(
        lambda: draw_panel(edition=edition, by=make_facilitator(edition), seed=1),
        "not_allowed",
        error=PanelError,
    )


def test_a_replacement_keeps_every_quota_and_is_recorded(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=7)
    for turn, member in enumerate(list(draw.members.order_by("pool_id")[:3])):
        new = replace_member(member=member, reason="Verhuisd", by=facilitator, seed=100 + turn)
        member.refresh_from_db()
        assert member.status == MemberStatus.DROPPED_OUT and member.drop_reason == "Verhuisd"
        assert new.replaces == member and new.replacement_seed == 100 + turn
        assert new.pool_id not in draw.selected
        active = list(draw.members.filter(status=MemberStatus.ACTIVE).values_list("pool_id", flat=True))
        assert len(active) == 8
        assert quotas_hold(draw, active) == []
    assert AuditEntry.objects.filter(action="panel.replace").count() == 3


def test_a_replacement_with_the_same_seed_is_the_same_person(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=7)
    member = draw.members.order_by("pool_id")[0]
    candidates = selectors.replacement_candidates_for(member)
    new = replace_member(member=member, reason="Ziek", by=facilitator, seed=99)
    import random

    assert new.pool_id == random.Random(99).choice(candidates)


def test_a_replacement_that_would_break_a_quota_is_refused(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=7)
    Respondent.objects.filter(edition=edition).exclude(pool_id__in=draw.selected).update(available=False)
    member = draw.members.order_by("pool_id")[0]
    refused(
        lambda: replace_member(member=member, reason="Ziek", by=facilitator),
        "no_replacement",
        error=PanelError,
    )
    member.refresh_from_db()
    assert member.status == MemberStatus.ACTIVE
    assert PanelMember.objects.filter(draw=draw).count() == 8


def test_publication_and_rerunning_from_the_published_files_gives_the_same_panel(
    edition: Edition, tmp_path: Path
) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=2027)
    publish_draw(draw=draw, by=facilitator)
    assert draw.published_at is not None
    refused(lambda: draw_panel(edition=edition, by=facilitator), "already_published", error=PanelError)
    files = selectors.published_files(draw)
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    result = subprocess.run(
        [sys.executable, str(tmp_path / selectors.RERUN_FILE)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.split("--- panel ---")[-1].split() == sorted(draw.selected)


def test_only_a_current_done_draw_can_be_published_once(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    draw = draw_panel(edition=edition, by=facilitator, seed=1)
    publish_draw(draw=draw, by=facilitator)
    refused(lambda: publish_draw(draw=draw, by=facilitator), "draw_published", error=PanelError)


def test_a_queued_draw_run_by_the_task_gives_the_same_panel_as_a_draw_in_the_request(
    edition: Edition,
) -> None:
    facilitator = make_facilitator(edition)
    direct = draw_panel(edition=edition, by=facilitator, seed=99)
    queued = queue_draw(edition=edition, by=facilitator, seed=99)
    assert queued.status == DrawStatus.QUEUED and queued.pool == [] and not queued.is_current
    refused(lambda: queue_draw(edition=edition, by=facilitator, seed=100), "draw_running", error=PanelError)
    assert run_draw.call(queued.pk) == DrawStatus.DONE  # what the database worker calls
    queued.refresh_from_db()
    assert queued.is_current and queued.selected == direct.selected
    assert queued.probabilities == direct.probabilities
    assert sorted(queued.members.values_list("pool_id", flat=True)) == sorted(direct.selected)
    assert run_queued_draw(draw=queued).status == DrawStatus.DONE  # running it again changes nothing
    assert queued.members.count() == 8


def test_a_queued_draw_that_can_no_longer_run_fails_with_its_reason(edition: Edition) -> None:
    facilitator = make_facilitator(edition)
    queued = queue_draw(edition=edition, by=facilitator, seed=7)
    PanelSetup.objects.filter(edition=edition).update(panel_size=41)  # more than the pool of 40
    failed = run_queued_draw(draw=queued)
    assert failed.status == DrawStatus.FAILED and not failed.is_current
    assert "41" in failed.error and "40" in failed.error  # the pool-too-small message, in Dutch
    assert not PanelMember.objects.filter(draw=failed).exists()
    PanelSetup.objects.filter(edition=edition).update(panel_size=8)
    assert queue_draw(edition=edition, by=facilitator, seed=8).status == DrawStatus.QUEUED  # may try again
