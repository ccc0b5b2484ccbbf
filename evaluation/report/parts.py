"""An edition's report in reading order: each figure's block built from its section of the evidence."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from . import outcome, people, process
from .blocks import Block, Part
from .figures import unavailable

Builder = Callable[[Any, Mapping[str, Any]], Block]

# anchor → (the evidence section it reads, the function that builds its block)
BUILDERS: dict[str, tuple[str, Builder]] = {
    "turnout-neighbourhoods": ("participation", people.turnout_block),
    "participation-groups": ("participation", people.groups_block),
    "representativeness": ("participation", people.representativeness_block),
    "funnel": ("funnel", process.funnel_block),
    "dropouts": ("funnel", process.dropouts_block),
    "durations": ("funnel", process.durations_block),
    "blockers": ("obstacles", process.blockers_block),
    "help-requests": ("obstacles", process.help_block),
    "quality": ("quality", outcome.quality_block),
    "rule-comparison": ("quality", outcome.rule_comparison_block),
    "money-neighbourhoods": ("quality", outcome.money_block),
    "delivery": ("delivery", outcome.delivery_block),
    "surveys": ("surveys", outcome.surveys_block),
    "costs": ("costs", outcome.costs_block),
}

# part key → the anchors it shows, in reading order
PARTS: dict[str, tuple[str, ...]] = {
    "people": ("turnout-neighbourhoods", "participation-groups", "representativeness"),
    "process": ("funnel", "dropouts", "durations"),
    "stuck": ("blockers", "help-requests"),
    "outcome": ("quality", "rule-comparison", "money-neighbourhoods"),
    "delivery": ("delivery",),
    "surveys": ("surveys",),
    "costs": ("costs",),
}


def block_for(anchor: str, evidence: Mapping[str, Any]) -> Block:
    """One figure's block; a note instead when its section is not in the evidence."""
    section, build = BUILDERS[anchor]
    data = evidence.get(section)
    return unavailable(anchor) if data is None else build(data, evidence)


def edition_parts(evidence: Mapping[str, Any]) -> list[Part]:
    """The report's parts for one edition, in reading order, from its stored evidence."""
    titles = {
        "people": _("Who took part"),
        "process": _("From plan to project"),
        "stuck": _("Where people got stuck"),
        "outcome": _("The outcome"),
        "delivery": _("Carrying out"),
        "surveys": _("What participants said"),
        "costs": _("What it took"),
    }
    return [
        Part(key, titles[key], [block_for(a, evidence) for a in anchors]) for key, anchors in PARTS.items()
    ]
