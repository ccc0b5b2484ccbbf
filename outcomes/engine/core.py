"""The count's side of the seam: ballots to pabulib files, counted with the edition's rule."""

from __future__ import annotations

import hashlib
import secrets
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
    Outcome,
    PabulibError,
    Project,
    outcome_dict,
    parse_election,
    run_rule,
    to_instance,
)
from pbrules import __version__ as pbrules_version
from pbrules.pabulib import election_to_text
from pbrules.report import JsonAmount, json_amount
from pbrules.satisfaction import project_totals, support_counts
from pbrules.tiebreak import DEFAULT_TIE_BREAKING

from ..errors import OutcomeError

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
