"""The facts the explanations need, for counts stored before they were (computed once, then stored)."""

from __future__ import annotations

import logging
from typing import Any

from .. import engine
from ..models import CountSection

logger = logging.getLogger(__name__)


def section_facts_of(section: CountSection) -> dict[str, Any]:
    """The section's facts (``engine.section_facts``); for a count stored before facts were, computed
    from its published file and its stored trace, and stored (one update). A consensus has none."""
    if section.facts or not section.pb_file:
        return dict(section.facts)
    count = section.count
    try:
        facts = engine.facts_of_file(
            section.pb_file, section.outcome, rule=count.rule, satisfaction=count.satisfaction
        )
    except engine.ENGINE_ERRORS:
        logger.exception("Facts of counted section %s could not be computed", section.pk)
        return {}
    CountSection.objects.filter(pk=section.pk).update(facts=facts)
    section.facts = facts
    return facts
