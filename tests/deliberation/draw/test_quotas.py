"""Quotas: proportional defaults that are consistent, the facilitator's overrides, and their validation."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEntry
from deliberation.draw.quotas import (
    ValueQuota,
    default_quotas,
    effective_bounds,
    effective_quotas,
    proportional_bounds,
)
from deliberation.draw.services.quotas import update_panel_setup
from deliberation.errors import PanelError
from deliberation.models import FeatureValue, PanelSetup
from tests.refusals import refused

from ..factories import make_facilitator, make_panel_edition


@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=8), st.integers(2, 60))
def test_proportional_bounds_hold_the_share_and_can_reach_the_panel_size(
    populations: list[int], size: int
) -> None:
    bounds = proportional_bounds(populations, size)
    assert sum(low for low, _ in bounds) <= size <= sum(high for _, high in bounds)
    total = sum(populations)
    for population, (low, high) in zip(populations, bounds, strict=True):
        assert 0 <= low <= high <= size
        if total:
            share = Fraction(size * population, total)
            assert low <= share <= high and high - low <= 1


@pytest.mark.django_db
def test_default_quotas_follow_the_population_figures() -> None:
    edition = make_panel_edition(panel_size=24)
    quotas = default_quotas(edition)
    # Slotervaart 4000 of 10000 → 9.6 of 24; 16–24 1500 of 10000 → 3.6; "anders" 200 of 10000 → 0.48.
    assert quotas["buurt"]["slotervaart"] == (9, 10)
    assert quotas["leeftijd"]["16-24"] == (3, 4)
    assert quotas["gender"]["anders"] == (0, 1)
    assert list(quotas) == ["buurt", "leeftijd", "gender"]


@pytest.mark.django_db
def test_the_facilitators_quotas_override_the_defaults() -> None:
    edition = make_panel_edition(panel_size=24)
    FeatureValue.objects.filter(key="16-24", feature__edition=edition).update(min_quota=5)
    FeatureValue.objects.filter(key="anders", feature__edition=edition).update(max_quota=0)
    quotas = effective_quotas(edition)
    assert quotas["leeftijd"]["16-24"] == (5, 5)
    assert quotas["gender"]["anders"] == (0, 0)


def test_effective_bounds_never_invert() -> None:
    assert effective_bounds(set_min=7, set_max=None, default=(2, 3)) == (7, 7)
    assert effective_bounds(set_min=None, set_max=1, default=(2, 3)) == (1, 1)
    assert effective_bounds(set_min=None, set_max=None, default=(2, 3)) == (2, 3)


@pytest.mark.django_db
def test_update_panel_setup_saves_and_is_audited() -> None:
    edition = make_panel_edition(panel_size=24)
    young = FeatureValue.objects.get(feature__edition=edition, key="16-24")
    update_panel_setup(
        edition=edition,
        by=make_facilitator(edition),
        panel_size=20,
        algorithm="nash",
        values=[ValueQuota(young.pk, 1800, 2, 4)],
    )
    setup = PanelSetup.objects.get(edition=edition)
    young.refresh_from_db()
    assert (setup.panel_size, setup.algorithm) == (20, "nash")
    assert (young.population, young.min_quota, young.max_quota) == (1800, 2, 4)
    assert AuditEntry.objects.filter(action="panel.setup").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entered", "code"),
    [
        ((5, 3), "quota_min_above_max"),
        ((25, None), "quota_mins_too_high"),
    ],
)
def test_bad_quotas_are_refused_with_a_specific_message(entered: tuple[int, int | None], code: str) -> None:
    edition = make_panel_edition(panel_size=24)
    young = FeatureValue.objects.get(feature__edition=edition, key="16-24")
    refused(
        lambda: update_panel_setup(
            edition=edition,
            by=make_facilitator(edition),
            panel_size=24,
            algorithm="maximin",
            values=[ValueQuota(young.pk, 1500, *entered)],
        ),
        code,
        error=PanelError,
    )
    young.refresh_from_db()
    assert young.min_quota is None


@pytest.mark.django_db
def test_maximums_that_cannot_reach_the_panel_size_are_refused() -> None:
    edition = make_panel_edition(panel_size=24)
    values = FeatureValue.objects.filter(feature__edition=edition, feature__key="gender")
    caught = refused(
        lambda: update_panel_setup(
            edition=edition,
            by=make_facilitator(edition),
            panel_size=24,
            algorithm="maximin",
            values=[ValueQuota(v.pk, v.population, None, 5) for v in values],
        ),
        "quota_maxes_too_low",
        error=PanelError,
    )
    assert "15" in caught.message and "24" in caught.message
