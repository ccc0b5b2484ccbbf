"""Database constraints on editions, sub-budgets and phases: bad data can't be stored at all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from editions.models import Edition, Phase
from places.models import District
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_maximum_per_plan_cannot_exceed_the_total_budget(district: District) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_edition(district=district, total_budget_cents=100, max_plan_cost_cents=101)
    edition = Edition(
        district=district, name="X", slug="x", year=2027, total_budget_cents=100, max_plan_cost_cents=101
    )
    with pytest.raises(ValidationError) as error:
        edition.clean()
    assert "max_plan_cost_cents" in error.value.message_dict


def test_a_sub_budget_is_for_a_neighbourhood_or_a_theme_not_both_nor_neither(edition: Edition) -> None:
    neighbourhood = factories.make_neighbourhood(district=edition.district)
    theme = edition.themes.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_sub_budget(edition=edition, amount_cents=100, neighbourhood=neighbourhood, theme=theme)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_sub_budget(edition=edition, amount_cents=100)
    factories.make_sub_budget(edition=edition, amount_cents=100, neighbourhood=neighbourhood)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_sub_budget(edition=edition, amount_cents=200, neighbourhood=neighbourhood)


def test_a_phase_must_end_after_it_starts_and_occur_once(edition: Edition) -> None:
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.filter(edition=edition, kind="plans").update(ends_at=now, starts_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(edition=edition, kind="plans", starts_at=now, ends_at=now + timedelta(days=1))
