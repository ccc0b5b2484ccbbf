"""``{% evidence_link lesson here %}`` and ``{{ anchor|figure_title }}``: where a lesson's figure is."""

from __future__ import annotations

from django import template
from django.urls import reverse

from evaluation.models import Lesson
from evaluation.report.figures import anchor_title

register = template.Library()


@register.filter
def figure_title(anchor: str) -> str:
    return anchor_title(anchor)


@register.simple_tag
def evidence_url(lesson: Lesson, on_its_report: bool = False) -> str:
    """The figure a lesson points at: on its edition's report (``#anchor`` when already there), or the
    model comparison on the municipality's report."""
    if lesson.evidence == "models":
        slug = lesson.edition.district.municipality.slug
        return f"{reverse('evaluation:municipality', args=[slug])}#models"
    base = "" if on_its_report else reverse("evaluation:report", args=[lesson.edition.slug])
    return f"{base}#{lesson.evidence}"
