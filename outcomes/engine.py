"""The seam with the outcome engine: the one module of ``outcomes`` that talks to ``pbrules``.

Everything the app asks of pbrules goes through here: an edition's ballots become one pabulib
election per ballot section, are written out and counted from the text with the edition's rule
(``counting_rule``), and the outcome is kept in pbrules' own JSON shape (``pbrules.outcome_dict``,
the shape ``python -m pbrules --json`` prints, with exact amounts). The services (``services/``)
decide when to count and what to store; they never call pbrules themselves.

The count never runs on the database rows directly: each section's ballots become a pabulib ``.pb``
text (written by ``pbrules.write_election``), and that text is parsed back and counted. The file
we publish is therefore, by construction, the input that produced the result, and anyone can
re-count it with ``python -m pbrules``.

Conventions of the file: project ids are plan ids; costs and the budget are whole euro cents
(stated in META ``description`` and ``unit_of_amounts``); voters are numbered 1..n in a random
order (a cryptographic shuffle) with no other column, so the file says nothing about who voted
when. Knapsack ballots are approval ballots (META ``ballot_format`` says knapsack), ranking
ballots are ordinal (best first), cumulative ballots carry their points.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils import timezone

from ballots.sections import Section
from editions.models import AggregationRule, BallotFormat, Edition
from editions.permissions import phases_opening
from editions.phases import Action
from pbrules import (
    Ballot,
    Election,
    Instance,
    Metrics,
    Outcome,
    PabulibError,
    Project,
    Step,
    outcome_dict,
    parse_election,
    parse_instance,
    run_rule,
    selection_metrics,
    to_instance,
)
from pbrules import __version__ as pbrules_version
from pbrules.cli import with_budget
from pbrules.pabulib import election_to_text, format_amount
from pbrules.report import JsonAmount, json_amount
from pbrules.satisfaction import project_totals, support_counts
from pbrules.tiebreak import DEFAULT_TIE_BREAKING
from pbrules.why import VoterPart, greedy_turns, replay_shares, voter_payments

from .errors import OutcomeError

VOTE_TYPES = {
    BallotFormat.APPROVAL: "approval",
    BallotFormat.KNAPSACK: "approval",
    BallotFormat.RANKING: "ordinal",
    BallotFormat.CUMULATIVE: "cumulative",
}
# What the engine raises on input it cannot count (a malformed file, an impossible option).
ENGINE_ERRORS = (PabulibError, ValueError)
# A ballot's choice in one section, ready for the file: project ids as text, points for cumulative.
Choice = tuple[tuple[str, ...], tuple[Fraction, ...] | None]


@dataclass(frozen=True)
class SectionFile:
    """The .pb text of one section, its hash and how many voters it holds."""

    section: Section
    text: str
    sha256: str
    voters: int


@dataclass(frozen=True)
class Counted:
    """A section counted from its file text: the numeric instance the rule ran on and its outcome."""

    instance: Instance
    outcome: Outcome


def read_choices(
    edition: Edition,
    sections: Sequence[Section],
    *,
    contents: Iterable[Mapping[str, Any]],
) -> dict[str, list[Choice]]:
    """Every ballot's choice per section key; identical choices share one tuple.

    ``contents`` are the ballots to read (canonical contents, as ``ballots.rules`` makes them): the
    public vote's as opened from the sealed ballot box, or the panel's. A ballot naming a section or
    plan that is not on the ballot any more stops the count: counting it silently without that
    choice would change what the voter said.
    """
    plan_ids = {s.key: {str(pk) for pk in s.plan_ids} for s in sections}
    choices: dict[str, list[Choice]] = {s.key: [] for s in sections}
    cumulative = edition.ballot_format == BallotFormat.CUMULATIVE
    seen: dict[tuple[str, Any], Choice] = {}
    for content in contents:
        for key, raw in content.items():
            if not raw:
                continue
            memo = (key, tuple(map(tuple, raw)) if cumulative else tuple(raw))
            choice = seen.get(memo)
            if choice is None:
                choice = seen[memo] = _choice(key, raw, cumulative, plan_ids)
            choices[key].append(choice)
    return choices


def _choice(key: str, raw: list[Any], cumulative: bool, plan_ids: dict[str, set[str]]) -> Choice:
    known = plan_ids.get(key)
    if known is None:
        raise OutcomeError("unknown_section", section=key)
    if cumulative:
        ids = tuple(str(pid) for pid, _ in raw)
        points: tuple[Fraction, ...] | None = tuple(Fraction(int(x)) for _, x in raw)
    else:
        ids, points = tuple(str(pid) for pid in raw), None
    unknown = [pid for pid in ids if pid not in known]
    if unknown:
        raise OutcomeError("unknown_plan", plan=unknown[0], section=key)
    return ids, points


def shuffled(choices: list[Choice]) -> list[Choice]:
    """The choices in a random order from the operating system's cryptographic generator."""
    out = list(choices)
    secrets.SystemRandom().shuffle(out)
    return out


def build_election(
    edition: Edition, section: Section, choices: Iterable[Choice], *, panel: bool = False
) -> Election:
    """The pabulib election of one section: its plans as projects, ``choices`` as voters 1..n.

    With ``panel`` the voters are the members of the citizens' panel voting in a session.
    """
    vote_type = VOTE_TYPES[BallotFormat(edition.ballot_format)]
    ballots = tuple(Ballot(str(number), ids, points) for number, (ids, points) in enumerate(choices, start=1))
    projects = tuple(
        Project(str(p.pk), Fraction(p.cost_cents), _clean(p.title), (_clean(p.theme).replace(",", " "),))
        for p in sorted(section.plans, key=lambda p: p.pk)
    )
    return Election(
        meta=_meta(edition, section, vote_type, len(projects), len(ballots), panel=panel),
        projects=projects,
        ballots=ballots,
        vote_type=vote_type,  # type: ignore[arg-type]
        budget=Fraction(section.budget_cents),
        project_columns=("project_id", "cost", "name", "category"),
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _meta(
    edition: Edition,
    section: Section,
    vote_type: str,
    num_projects: int,
    num_votes: int,
    *,
    panel: bool = False,
) -> tuple[tuple[str, str], ...]:
    # The dates of the phase the ballots were cast in: the panel's deciding phase (its own phase in
    # a hybrid edition where everyone votes first), or the public vote's.
    kinds = phases_opening(edition, Action.RECORD_PANEL_DECISION if panel else Action.VOTE)
    decision = next((p for p in edition.phases.all() if p.kind in kinds), None)
    whose = "The ballots of the citizens' panel (voting in a session). " if panel else ""
    meta: list[tuple[str, str]] = [
        (
            "description",
            f"{_clean(edition.name)}: {_clean(section.label)}. {whose}Costs and budget are in euro cents. "
            "Voters are numbered in a random order.",
        ),
        ("country", "Netherlands"),
        ("unit", _clean(edition.district.name)),
        ("subunit", _clean(section.label)),
        ("instance", f"{edition.slug}-{'panel-' if panel else ''}{section.key}"),
        ("num_projects", str(num_projects)),
        ("num_votes", str(num_votes)),
        ("budget", str(section.budget_cents)),
        ("vote_type", vote_type),
        ("rule", edition.aggregation_rule),
        ("satisfaction", edition.rule_satisfaction),
        ("ballot_format", edition.ballot_format),
        ("currency", "EUR"),
        ("unit_of_amounts", "cent"),
        ("language", "nl"),
        ("edition", str(edition.year)),
    ]
    if decision is not None:
        meta += [
            ("date_begin", timezone.localtime(decision.starts_at).strftime("%d.%m.%Y")),
            ("date_end", timezone.localtime(decision.ends_at).strftime("%d.%m.%Y")),
        ]
    if edition.ballot_max_choices and edition.ballot_format != BallotFormat.CUMULATIVE:
        meta.append(("max_length", str(edition.ballot_max_choices)))
    if edition.ballot_format == BallotFormat.KNAPSACK:
        meta.append(("max_sum_cost", str(section.budget_cents)))
    if edition.ballot_format == BallotFormat.CUMULATIVE:
        meta.append(("max_sum_points", str(edition.ballot_points)))
    meta.append(("software", f"Buurtbudget with pbrules {pbrules_version}"))
    return tuple(meta)


def section_file(
    edition: Edition, section: Section, choices: list[Choice], *, panel: bool = False
) -> SectionFile:
    """Shuffle, number and write one section's ballots; hash the exact UTF-8 bytes."""
    text = election_to_text(build_election(edition, section, shuffled(choices), panel=panel))
    return SectionFile(section, text, sha256_of(text), len(choices))


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_text(text: str) -> Instance:
    """The numeric instance of a .pb text, the way ``parse_election`` and ``to_instance`` read it."""
    return to_instance(parse_election(text))


def counting_rule(edition: Edition) -> dict[str, str]:
    """How a count of the edition is done, copied onto the count: rule, completion, engine, ties."""
    return {
        "rule": edition.aggregation_rule,
        "satisfaction": edition.rule_satisfaction,
        "completion": "exhaustion" if edition.aggregation_rule == AggregationRule.EQUAL_SHARES else "",
        "pbrules_version": pbrules_version,
        "tie_breaking": DEFAULT_TIE_BREAKING,
    }


def count_instance(instance: Instance, *, rule: str, satisfaction: str, completion: str) -> Outcome:
    """Run the rule with pbrules' default tie-breaking (the ``tie_order`` below)."""
    return run_rule(
        instance, rule, satisfaction=satisfaction, completion=completion or "exhaustion", tie_breaking=None
    )


def tie_order(instance: Instance) -> list[str]:
    """pbrules' default tie-breaking order: project ids compared as text, most preferred first."""
    return sorted(instance.project_ids)


def amount(value: Fraction | None) -> JsonAmount:
    """An exact amount for JSON: an integer when whole, else its exact text (a decimal or p/q)."""
    return json_amount(value, exact=True)


def outcome_data(instance: Instance, outcome: Outcome) -> dict[str, Any]:
    """The outcome in the shape of ``python -m pbrules --json`` (``pbrules.outcome_dict``), amounts exact."""
    return outcome_dict(instance, outcome, exact=True)


def steps_of(trace: Sequence[Mapping[str, Any]]) -> tuple[Step, ...]:
    """The trace of a stored outcome (``outcome_data``'s) back as pbrules steps, amounts exact."""

    def exact(value: Any) -> Fraction | None:
        return None if value is None else Fraction(str(value))

    return tuple(
        Step(
            int(s["round"]),
            str(s["project_id"]),
            exact(s["cost"]) or Fraction(0),
            str(s.get("phase", "main")),
            exact(s.get("score")),
            s.get("supporters"),
            exact(s.get("price_per_supporter")),
        )
        for s in trace
    )


FACTS_VERSION = 1


def section_facts(
    instance: Instance, *, rule: str, satisfaction: str, trace: Sequence[Step], params: Mapping[str, str]
) -> dict[str, Any]:
    """What the explanations need beyond the outcome (``pbrules.why``), amounts exact, ids as text.

    Equal Shares: the share each voter started with, what each winner was paid, and per plan its
    supporters' money at the start, what they paid for each winner and what they had left. Greedy: per
    plan its turn and the money left when it came. Other rules: nothing beyond the rule's name.
    """
    facts: dict[str, Any] = {"version": FACTS_VERSION, "rule": rule}
    main_cost = sum((s.cost for s in trace if s.phase == "main"), Fraction(0))
    facts["left_after_main"] = amount(Fraction(instance.budget, instance.scale) - main_cost)
    if rule == AggregationRule.EQUAL_SHARES and "budget_per_voter" in params:
        share = Fraction(params["budget_per_voter"])
        replayed = replay_shares(instance, trace, share)
        facts["budget_per_voter"] = amount(share)
        facts["equal_share"] = amount(
            Fraction(instance.budget, instance.scale * instance.num_voters) if instance.num_voters else None
        )
        facts["budget_increases"] = int(params.get("budget_increases", "0") or 0)
        # the replayed payments are float sums (for display): kept in whole cents
        facts["paid"] = {pid: round(paid) for pid, paid in replayed.paid_per_winner}
        facts["projects"] = {
            f.project_id: {
                "supporters": f.supporters,
                "start": amount(f.start),
                "paid": [[q, round(paid)] for q, paid in f.paid if round(paid)],
                "left": round(f.left),
            }
            for f in replayed.projects
        }
    elif rule == AggregationRule.GREEDY:
        turns = greedy_turns(instance, satisfaction)  # type: ignore[arg-type]
        facts["turns"] = {
            t.project_id: {"turn": t.turn, "left": amount(t.money_left), "funded": t.funded} for t in turns
        }
    return facts


def facts_of_file(text: str, outcome: Mapping[str, Any], *, rule: str, satisfaction: str) -> dict[str, Any]:
    """``section_facts`` of a stored section: its .pb text and its stored outcome (counts made before
    the facts were stored)."""
    return section_facts(
        parse_text(text),
        rule=rule,
        satisfaction=satisfaction,
        trace=steps_of(outcome.get("trace", [])),
        params={str(k): str(v) for k, v in outcome.get("params", {}).items()},
    )


def your_part(outcome: Mapping[str, Any], chosen: Iterable[str]) -> VoterPart | None:
    """What an approval voter who chose ``chosen`` paid per funded plan (Equal Shares), else None."""
    share = outcome.get("params", {}).get("budget_per_voter")
    if outcome.get("rule") != AggregationRule.EQUAL_SHARES or share is None:
        return None
    return voter_payments(steps_of(outcome.get("trace", [])), Fraction(str(share)), chosen)


def plan_rows(edition: Edition, section: Section, instance: Instance) -> list[dict[str, Any]]:
    """Each plan of the section as it stood on the ballot, with its supporters (and points)."""
    position = {pid: i for i, pid in enumerate(instance.project_ids)}
    supporters = support_counts(instance)
    points = (
        project_totals(instance, "cardinality") if edition.ballot_format == BallotFormat.CUMULATIVE else None
    )
    return [
        {
            "id": p.pk,
            "title": p.title,
            "cost_cents": p.cost_cents,
            "neighbourhood": p.neighbourhood,
            "theme": p.theme,
            "supporters": supporters[position[str(p.pk)]],
            "points": None if points is None else points[position[str(p.pk)]],
        }
        for p in section.plans
    ]


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
