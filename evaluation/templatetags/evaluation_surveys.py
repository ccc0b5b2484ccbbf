"""``{% voter_survey_offer edition survey_pass %}``: the receipt's invitation to the voter survey.

Renders nothing unless the edition has an open voter survey; the pass goes in a hidden POST field.
"""

from __future__ import annotations

from typing import Any

from django import template

from editions.models import Edition
from evaluation.models import Survey, SurveyKind

register = template.Library()


@register.inclusion_tag("evaluation/surveys/_voter_offer.html", takes_context=True)
def voter_survey_offer(context: template.Context, edition: Edition, survey_pass: str) -> dict[str, Any]:
    survey = Survey.objects.filter(edition=edition, kind=SurveyKind.VOTER, is_open=True).first()
    return {"survey": survey, "survey_pass": survey_pass, "csrf_token": context.get("csrf_token")}
