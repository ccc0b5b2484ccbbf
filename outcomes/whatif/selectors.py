"""A what-if against the official result: the published files counted again, cached by hash and options.

The re-count is pbrules' (``outcomes.engine.recount``) on the very files the results page publishes;
the official result is read from the count and never changed. Outcomes are kept in Django's cache
under the files' SHA-256s, the options and the pbrules version, so a repeated what-if costs a lookup.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import engine
from ..models import Count, CountSection
from .options import BUDGET_OPTIONS, RULE_OPTIONS, Options

CACHE_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class PlanChange:
    """A plan of the ballot and whether the official result and the what-if choose it."""

    id: str
    title: str
    cost_cents: int
    part: str
    official: bool
    what_if: bool


@dataclass(frozen=True)
class Figures:
    """Figures of one selection over every ballot: money awarded, voters with a chosen plan, plans each."""

    awarded_cents: int
    budget_cents: int
    voters: int
    share_with_chosen_plan: float
    chosen_plans_per_voter: float


@dataclass(frozen=True)
class PartWhatIf:
    """One part of the what-if (a section, or all of them pooled): its changes and how to re-count it."""

    key: str
    label: str
    budget_cents: int
    official_cents: int
    what_if_cents: int
    gained: list[PlanChange]
    lost: list[PlanChange]
    kept: list[PlanChange]
    file_name: str
    file_url: str
    command: str


@dataclass(frozen=True)
class WhatIf:
    options: Options
    parts: list[PartWhatIf]
    official: Figures
    what_if: Figures

    @property
    def changed(self) -> bool:
        return any(p.gained or p.lost for p in self.parts)


def counted_sections(count: Count) -> list[CountSection]:
    """The sections of ``count`` that have a ballot file (a panel's consensus has none).

    The file texts (megabytes on a big edition) and the stored outcomes stay in the database until
    a re-count needs a text: a cached what-if reads neither.
    """
    return list(
        CountSection.objects.filter(count=count)
        .exclude(pb_file="")
        .select_related("count__edition")
        .defer("pb_file", "outcome", "comparison")
        .order_by("position")
    )


def what_if(count: Count, sections: list[CountSection], options: Options) -> WhatIf:
    """Count the published ballots again with ``options`` and set the outcome beside the official one."""
    rule, satisfaction = options.rule_option.rule, _satisfaction(count, options)
    data = _cached_outcome(count, sections, options, satisfaction)
    plans = {str(row["id"]): (row, s.label) for s in sections for row in s.plans}
    official = {str(pid) for s in sections for pid in s.selected}
    slug = count.edition.slug
    parts = []
    for part in data["parts"]:
        chosen = set(part["selected"])
        rows = [
            PlanChange(
                id=pid,
                title=plans[pid][0]["title"],
                cost_cents=int(plans[pid][0]["cost_cents"]),
                part=plans[pid][1],
                official=pid in official,
                what_if=pid in chosen,
            )
            for pid in part["plan_ids"]
        ]
        section = next((s for s in sections if s.key == part["key"]), None)
        file_name = section.file_name if section else pooled_file_name(count)
        parts.append(
            PartWhatIf(
                key=part["key"],
                label=section.label if section else _("All parts together"),
                budget_cents=part["budget_cents"],
                official_cents=sum(r.cost_cents for r in rows if r.official),
                what_if_cents=sum(r.cost_cents for r in rows if r.what_if),
                gained=[r for r in rows if r.what_if and not r.official],
                lost=[r for r in rows if r.official and not r.what_if],
                kept=[r for r in rows if r.official and r.what_if],
                file_name=file_name,
                file_url=reverse("outcomes:ballots", kwargs={"slug": slug, "key": section.key})
                if section
                else reverse("outcomes:what_if_pooled", kwargs={"slug": slug}),
                command=command(
                    file_name, rule, satisfaction, options, part["budget_cents"], part["file_budget"]
                ),
            )
        )
    return WhatIf(
        options=options,
        parts=parts,
        official=_figures(data["parts"], "official"),
        what_if=_figures(data["parts"], "what_if"),
    )


def _satisfaction(count: Count, options: Options) -> str:
    # The official rule keeps its own satisfaction measure (so 100 %, split, gives the official
    # result back); any other rule is counted with cost satisfaction ("most votes first" for greedy).
    return count.satisfaction if count.rule == options.rule_option.rule and count.satisfaction else "cost"


def command(
    file_name: str, rule: str, satisfaction: str, options: Options, budget_cents: int, file_budget: int
) -> str:
    """The exact ``python -m pbrules`` command that gives this what-if from the published file."""
    parts = ["python -m pbrules", file_name, "--rule", rule]
    if rule != "phragmen":
        parts += ["--satisfaction", satisfaction]
    if options.rule_option.completion:
        parts += ["--completion", options.rule_option.completion]
    parts += ["--tie-breaking", "id"]
    if budget_cents != file_budget:
        parts += ["--budget", str(budget_cents)]
    return " ".join([*parts, "--json"])


def pooled_file_name(count: Count) -> str:
    return f"{count.edition.slug}-samen.pb"


def pooled_file(count: Count, sections: list[CountSection]) -> tuple[str, str]:
    """The pooled .pb text of ``count``'s parts (total budget, each part's ballot a voter) and its hash."""
    text = engine.pooled_text(
        [s.pb_file for s in sections],
        [s.sha256 for s in sections],
        name=f"{count.edition.slug}-pooled",
        description=(
            f"{' '.join(count.edition.name.split())}: all parts together, with the total budget. "
            "Each part's ballot is a voter of its own (the part files do not link a voter's choices). "
            "Costs and budget are in euro cents."
        ),
    )
    return text, engine.sha256_of(text)


def _cache_key(sections: list[CountSection], options: Options, satisfaction: str) -> str:
    files = hashlib.sha256(",".join(s.sha256 for s in sections).encode()).hexdigest()
    return f"outcomes:whatif:{engine.PBRULES_VERSION}:{files}:{options.key}:{satisfaction}"


def _cached_outcome(
    count: Count, sections: list[CountSection], options: Options, satisfaction: str
) -> dict[str, Any]:
    key = _cache_key(sections, options, satisfaction)
    data: dict[str, Any] | None = cache.get(key)
    if data is None:
        data = _outcome(count, sections, options, satisfaction)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _outcome(
    count: Count, sections: list[CountSection], options: Options, satisfaction: str
) -> dict[str, Any]:
    """The re-count as plain data (what the cache keeps): per part the choice and both selections' figures."""
    if options.split:
        files = [(s.key, s.pb_file, s.sha256, [str(pid) for pid in s.selected]) for s in sections]
    else:
        text, sha = pooled_file(count, sections)
        files = [("pooled", text, sha, [str(pid) for s in sections for pid in s.selected])]
    parts = []
    for key, text, sha, official in files:
        instance = engine.cached_instance(text, sha)
        file_budget = instance.budget // instance.scale
        budget = options.budget_of(file_budget)
        outcome = engine.recount(
            instance,
            rule=options.rule_option.rule,
            satisfaction=satisfaction,
            completion=options.rule_option.completion or "exhaustion",
            budget_cents=budget,
        )
        parts.append(
            {
                "key": key,
                "plan_ids": list(instance.project_ids),
                "selected": list(outcome.selected),
                "budget_cents": budget,
                "file_budget": file_budget,
                "official": _metrics(instance, official),
                "what_if": _metrics(instance, outcome.selected),
            }
        )
    return {"parts": parts}


def _metrics(instance: Any, selected: Any) -> dict[str, Any]:
    m = engine.figures(instance, selected)
    return {
        "awarded_cents": int(m.total_cost),
        "voters": instance.num_voters,
        "share": m.share_with_funded_project,
        "per_voter": m.avg_cardinality_satisfaction,
    }


def _figures(parts: list[dict[str, Any]], which: str) -> Figures:
    voters = sum(p[which]["voters"] for p in parts)
    return Figures(
        awarded_cents=sum(p[which]["awarded_cents"] for p in parts),
        budget_cents=sum(p["budget_cents"] if which == "what_if" else p["file_budget"] for p in parts),
        voters=voters,
        share_with_chosen_plan=sum(p[which]["share"] * p[which]["voters"] for p in parts) / voters
        if voters
        else 0.0,
        chosen_plans_per_voter=sum(p[which]["per_voter"] * p[which]["voters"] for p in parts) / voters
        if voters
        else 0.0,
    )


def all_options(sections: list[CountSection]) -> list[Options]:
    """Every what-if the form offers for these sections (without the split only when there are several)."""
    splits = (True, False) if len(sections) > 1 else (True,)
    return [
        Options(rule=rule.value, budget_percent=percent, split=split)
        for rule in RULE_OPTIONS
        for percent, _label in BUDGET_OPTIONS
        for split in splits
    ]


def warm_what_ifs(count: Count) -> int:
    """Count every what-if of ``count`` into the cache (after publication); returns how many."""
    sections = counted_sections(count)
    options = all_options(sections)
    for option in options:
        what_if(count, sections, option)
    return len(options)
