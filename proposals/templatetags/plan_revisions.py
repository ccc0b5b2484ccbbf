"""Template filter for the revision history: a revision's changed fields in words."""

from __future__ import annotations

from django import template
from django.utils.text import get_text_list
from django.utils.translation import gettext

from proposals.models import PlanRevision
from proposals.selectors.revisions import changed_labels

register = template.Library()


@register.filter
def changed_fields_in_words(revision: PlanRevision) -> str:
    """For example "title, description and cost lines", in the active language."""
    return str(get_text_list([str(label) for label in changed_labels(revision)], gettext("and")))
