"""The ballot shows a plan's title, summary and theme in the voter's language where they were given."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from ballots.sections import ballot_sections
from editions.models import Edition
from proposals.models import PlanStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_ballot_plan_carries_the_plans_and_its_themes_translations(edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, title="Moestuin", status=PlanStatus.FEASIBLE)
    plan.translations = {"en": {"title": "Vegetable garden"}}
    plan.save()
    plan.theme.translations = {"en": {"name": "Green"}}
    plan.theme.save()
    (section,) = ballot_sections(edition)
    (ballot_plan,) = section.plans
    assert ballot_plan.translations == {"en": {"title": "Vegetable garden", "theme": "Green"}}
    template = Template('{% load translated %}{% translated p "title" %} | {% translated p "summary" %}')
    with translation.override("en"):
        html = template.render(Context({"p": ballot_plan}))
    assert html.startswith('Vegetable garden | <span lang="nl" dir="ltr">')
    assert html.endswith('<span class="translated-fallback">(in Dutch)</span>')
