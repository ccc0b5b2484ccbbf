"""Check a submitted ballot against the edition's format and sections; return its canonical content.

Input comes from the web form or the JSON API in one shape: {section key: [plan ids]} for approval,
knapsack and ranking (ranked best first), {section key: {plan id: points}} for cumulative. Ids may
arrive as numbers or strings. The canonical content stores ids as integers: sorted for approval
and knapsack, in order for ranking, and as [[id, points], ...] sorted by id for cumulative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from editions.models import BallotFormat, Edition

from .errors import BallotError
from .sections import Section

Content = dict[str, list[int] | list[list[int]]]


@dataclass(frozen=True)
class BallotRules:
    """What the edition allows on one ballot; fixed before the vote, locked once a ballot exists."""

    format: str
    max_choices: int | None
    points: int

    @classmethod
    def of(cls, edition: Edition) -> BallotRules:
        return cls(edition.ballot_format, edition.ballot_max_choices, edition.ballot_points)


def _plan_id(value: Any) -> int:
    if isinstance(value, bool):
        raise BallotError("wrong_format")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise BallotError("wrong_format")


def _points(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise BallotError("points_not_whole")
    if isinstance(value, str):
        if not value.strip().lstrip("-").isdigit():
            raise BallotError("points_not_whole")
        value = int(value.strip())
    points = int(value)
    if points < 0:
        raise BallotError("points_negative")
    return points


def _check_known(ids: Sequence[int], section: Section) -> None:
    unknown = [i for i in ids if i not in section.plan_ids]
    if unknown:
        raise BallotError("unknown_plan", plan=unknown[0])
    if len(set(ids)) != len(ids):
        raise BallotError("duplicate_plan")


def _validate_section(raw: Any, section: Section, rules: BallotRules) -> list[int] | list[list[int]]:
    if rules.format == BallotFormat.CUMULATIVE:
        if not isinstance(raw, Mapping):
            raise BallotError("wrong_format")
        given = [(_plan_id(k), _points(v)) for k, v in raw.items()]
        _check_known([pid for pid, _ in given], section)
        total = sum(points for _, points in given)
        if total > rules.points:
            raise BallotError("too_many_points", given=total, allowed=rules.points, section=section.label)
        return sorted([pid, points] for pid, points in given if points > 0)
    if not isinstance(raw, list):
        raise BallotError("wrong_format")
    ids = [_plan_id(v) for v in raw]
    _check_known(ids, section)
    if rules.max_choices is not None and len(ids) > rules.max_choices:
        raise BallotError("too_many_plans", given=len(ids), allowed=rules.max_choices, section=section.label)
    if rules.format == BallotFormat.KNAPSACK:
        cost = sum(section.cost_of(i) for i in ids)
        if cost > section.budget_cents:
            raise BallotError(
                "over_budget",
                cost=_euro(cost),
                budget=_euro(section.budget_cents),
                section=section.label,
            )
    return ids if rules.format == BallotFormat.RANKING else sorted(ids)


def validate_ballot(raw: Any, *, sections: Sequence[Section], rules: BallotRules) -> Content:
    """The canonical content of ``raw``, or a BallotError naming the first problem."""
    if not isinstance(raw, Mapping):
        raise BallotError("wrong_format")
    by_key = {s.key: s for s in sections}
    unknown = [k for k in raw if k not in by_key]
    if unknown:
        raise BallotError("unknown_section", section=str(unknown[0])[:40])
    content: Content = {}
    for key, section in by_key.items():
        if key in raw:
            chosen = _validate_section(raw[key], section, rules)
            if chosen:
                content[key] = chosen
    if not content:
        raise BallotError("empty_ballot")
    return content


def _euro(cents: int) -> str:
    from ui.templatetags.money import format_money

    return format_money(cents)
