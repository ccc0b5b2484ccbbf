"""The what-if's side of the seam: the published files counted again with other options."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from pbrules import (
    Ballot,
    Election,
    Instance,
    Metrics,
    Outcome,
    parse_election,
    parse_instance,
    run_rule,
    selection_metrics,
)
from pbrules import __version__ as pbrules_version
from pbrules.cli import with_budget
from pbrules.pabulib import election_to_text, format_amount

from .core import sha256_of

# --- What if (outcomes.whatif): the published files counted again with other options ------------
# Parsed instances are kept per process by their file's SHA-256 (a small LRU: a what-if page asks
# for the same few files again and again); outcomes are cached by the caller (Django's cache).

PBRULES_VERSION = pbrules_version
INSTANCE_CACHE_SIZE = 8
_instances: OrderedDict[str, Instance] = OrderedDict()
_pooled: OrderedDict[str, str] = OrderedDict()


def _remember(store: OrderedDict[str, Any], key: str, value: Any) -> None:
    store[key] = value
    store.move_to_end(key)
    while len(store) > INSTANCE_CACHE_SIZE:
        store.popitem(last=False)


def cached_instance(text: str, sha256: str) -> Instance:
    """The numeric instance of a published file as ``python -m pbrules`` reads it, kept by its hash."""
    instance = _instances.get(sha256)
    if instance is None:
        instance = parse_instance(text)
        _remember(_instances, sha256, instance)
    else:
        _instances.move_to_end(sha256)
    return instance


def pooled_text(texts: Sequence[str], sha256s: Sequence[str], *, name: str, description: str) -> str:
    """One pabulib file of several sections' files: every plan, the sum of the budgets, every ballot.

    The files do not link one voter's choices across sections, so each section's ballot is a voter
    of its own (numbered 1..n in file order). Kept per process by the sections' hashes.
    """
    key = sha256_of(",".join(sha256s))
    text = _pooled.get(key)
    if text is None:
        text = election_to_text(_pooled_election([parse_election(t) for t in texts], name, description))
        _remember(_pooled, key, text)
    return text


def _pooled_election(elections: Sequence[Election], name: str, description: str) -> Election:
    first = elections[0]
    ballots = tuple(
        Ballot(str(number), b.project_ids, b.points)
        for number, b in enumerate((b for e in elections for b in e.ballots), start=1)
    )
    projects = tuple(p for e in elections for p in e.projects)
    budget = sum((e.budget for e in elections), Fraction(0))
    replaced = {
        "description": description,
        "subunit": "",
        "instance": name,
        "num_projects": str(len(projects)),
        "num_votes": str(len(ballots)),
        "budget": format_amount(budget),
    }
    if first.meta_value("max_sum_cost"):
        replaced["max_sum_cost"] = format_amount(max(e.budget for e in elections))
    meta = tuple((k, replaced.get(k, v)) for k, v in first.meta if replaced.get(k, v))
    return Election(
        meta=meta,
        projects=projects,
        ballots=ballots,
        vote_type=first.vote_type,
        budget=budget,
        project_columns=first.project_columns,
    )


def recount(
    instance: Instance, *, rule: str, satisfaction: str, completion: str, budget_cents: int | None = None
) -> Outcome:
    """The rule on ``instance`` (with another budget if given), without the costly explanations."""
    if budget_cents is not None:
        instance = with_budget(instance, budget_cents)
    return run_rule(
        instance,
        rule,
        satisfaction=satisfaction,
        completion=completion or "exhaustion",
        tie_breaking=None,
        explain=False,
    )


def figures(instance: Instance, selected: Iterable[str]) -> Metrics:
    """The figures (money, voters with a chosen plan, chosen plans per voter) of any selection."""
    return selection_metrics(instance, selected)
