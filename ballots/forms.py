"""The ballot read from its fields, for the online ballot and the panel's ballot alike.

The ballot form is not a Django form: its fields follow the edition's sections and format, so it
reads the POST into the shape ``validate_ballot`` takes (the service does all the checking) and
gives the template, per section, what is chosen — from the input kept after a refusal, or from the
voter's earlier ballot when they change it. ``summarise`` is the receipt's summary of a cast ballot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from editions.models import BallotFormat

from .errors import BallotError
from .rules import BallotRules, Content
from .sections import BallotPlan, Section

# A printed code typed in: no autofill or spelling help, capitals on phones.
CODE_INPUT_ATTRS = {
    "dir": "ltr",  # a code reads left to right on an Arabic page too
    "autocomplete": "off",
    "inputmode": "text",
    "autocapitalize": "characters",
    "spellcheck": "false",
}


@dataclass(frozen=True)
class PlanField:
    """One plan on the ballot with its input: a checkbox (approval, knapsack) or points (cumulative)."""

    plan: BallotPlan
    input_id: str
    name: str
    checked: bool
    points: str


@dataclass(frozen=True)
class RankField:
    """One position of a ranking: a select whose chosen value is a plan id (or empty)."""

    position: int
    input_id: str
    name: str
    selected: str


@dataclass(frozen=True)
class SectionFields:
    section: Section
    fieldset_id: str
    plans: tuple[PlanField, ...]
    positions: tuple[RankField, ...]
    chosen_count: int
    chosen_cents: int
    given_points: int
    points_allowed: int
    error: str

    @property
    def over_budget_cents(self) -> int:
        return max(0, self.chosen_cents - self.section.budget_cents)

    @property
    def points_left(self) -> int:
        return max(0, self.points_allowed - self.given_points)

    @property
    def points_over(self) -> int:
        return max(0, self.given_points - self.points_allowed)


def rank_positions(section: Section, rules: BallotRules) -> int:
    """How many positions a ranking section offers: k, but never more than it has plans."""
    count = len(section.plans)
    return min(rules.max_choices, count) if rules.max_choices is not None else count


def _whole(text: str) -> int:
    text = text.strip()
    return int(text) if text.isdigit() else 0


class BallotForm:
    """The ballot's fields for ``sections`` under ``rules``, filled from ``data`` or ``content``."""

    def __init__(
        self,
        *,
        sections: Sequence[Section],
        rules: BallotRules,
        data: QueryDict | None = None,
        content: Content | Mapping[str, Any] | None = None,
    ) -> None:
        self.sections = tuple(sections)
        self.rules = rules
        self.data = data
        self.content = content or {}
        self.error: BallotError | None = None

    @property
    def format(self) -> str:
        return self.rules.format

    # --- Reading the POST ----------------------------------------------------------------------

    def ballot(self) -> dict[str, Any]:
        """The submitted ballot in the shape ``validate_ballot`` takes; it checks everything."""
        data = self.data if self.data is not None else QueryDict()
        raw: dict[str, Any] = {}
        for section in self.sections:
            key = section.key
            if self.format == BallotFormat.CUMULATIVE:
                given = {p.pk: data.get(f"p-{key}-{p.pk}", "").strip() for p in section.plans}
                raw[key] = {pk: value for pk, value in given.items() if value}
            elif self.format == BallotFormat.RANKING:
                ranked = [
                    data.get(f"r-{key}-{i}", "") for i in range(1, rank_positions(section, self.rules) + 1)
                ]
                raw[key] = [value for value in ranked if value]
            else:
                raw[key] = data.getlist(f"s-{key}")
        return raw

    # --- What the template shows ---------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        """What the ballot's partials render: this form, each section's fields, the rules, rank positions."""
        return {
            "form": self,
            "sections": self.fields(),
            "rules": self.rules,
            "positions": max((rank_positions(s, self.rules) for s in self.sections), default=0),
        }

    def _state(self, section: Section) -> tuple[set[str], dict[str, str], list[str]]:
        """(checked plan ids, points by plan id, ranked plan ids), all as strings."""
        if self.data is not None:
            raw = self.ballot()[section.key]
            if self.format == BallotFormat.CUMULATIVE:
                return set(), {str(k): str(v) for k, v in raw.items()}, []
            return {str(v) for v in raw}, {}, [str(v) for v in raw]
        stored: list[Any] = list(self.content.get(section.key, []))
        if self.format == BallotFormat.CUMULATIVE:
            return set(), {str(pk): str(points) for pk, points in stored}, []
        return {str(v) for v in stored}, {}, [str(v) for v in stored]

    def error_section_key(self) -> str:
        """The section the error is about (its label or its plan names it), else the first one."""
        if self.error is None or not self.sections:
            return ""
        label = self.error.params.get("section")
        plan = self.error.params.get("plan")
        for section in self.sections:
            if label is not None and section.label == label:
                return section.key
            if plan is not None and str(plan) in {str(p.pk) for p in section.plans}:
                return section.key
        return self.sections[0].key

    def fields(self) -> list[SectionFields]:
        error_key = self.error_section_key()
        result = []
        for section in self.sections:
            checked, points, ranked = self._state(section)
            plans = tuple(
                PlanField(
                    plan=plan,
                    input_id=f"p-{section.key}-{plan.pk}",
                    name=f"p-{section.key}-{plan.pk}"
                    if self.format == BallotFormat.CUMULATIVE
                    else f"s-{section.key}",
                    checked=str(plan.pk) in checked,
                    points=points.get(str(plan.pk), ""),
                )
                for plan in section.plans
            )
            positions: tuple[RankField, ...] = ()
            if self.format == BallotFormat.RANKING:
                positions = tuple(
                    RankField(
                        position=i,
                        input_id=f"r-{section.key}-{i}",
                        name=f"r-{section.key}-{i}",
                        selected=ranked[i - 1] if i <= len(ranked) else "",
                    )
                    for i in range(1, rank_positions(section, self.rules) + 1)
                )
            chosen = [p for p in plans if p.checked]
            result.append(
                SectionFields(
                    section=section,
                    fieldset_id=f"section-{section.key}",
                    plans=plans,
                    positions=positions,
                    chosen_count=len(chosen) if self.format != BallotFormat.RANKING else len(ranked),
                    chosen_cents=sum(p.plan.cost_cents for p in chosen),
                    given_points=sum(_whole(p.points) for p in plans),
                    points_allowed=self.rules.points,
                    error=self.error.message if self.error is not None and section.key == error_key else "",
                )
            )
        return result


@dataclass(frozen=True)
class ChosenPlan:
    title: str
    cost_cents: int
    points: int | None


@dataclass(frozen=True)
class ChosenSection:
    label: str
    plans: tuple[ChosenPlan, ...]


def summarise(content: Content, sections: Sequence[Section]) -> list[ChosenSection]:
    """The receipt's summary of a cast ballot: per section, the chosen plans (in ranked order)."""
    summary = []
    for section in sections:
        chosen = content.get(section.key, [])
        plans = {p.pk: p for p in section.plans}
        entries = []
        for item in chosen:
            pk, points = (item[0], item[1]) if isinstance(item, list) else (item, None)
            if pk in plans:
                entries.append(
                    ChosenPlan(title=plans[pk].title, cost_cents=plans[pk].cost_cents, points=points)
                )
        if entries:
            summary.append(ChosenSection(label=section.label, plans=tuple(entries)))
    return summary
