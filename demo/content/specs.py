"""The shapes of the demo data: frozen specs that ``demo.services`` turns into rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from accounts.models import Role
from editions.models import AggregationRule, BallotFormat, DecisionModel
from editions.phases import PhaseKind
from proposals.models import PlanStatus


def eur(euros: int) -> int:
    """Whole euros as the integer cents every amount is stored in."""
    return euros * 100


def slug_of(name: str) -> str:
    """A slug that keeps the parts of "Amstel III/Bullewijk" apart ("amstel-iii-bullewijk")."""
    return slugify(name.replace("/", " "))


@dataclass(frozen=True)
class NeighbourhoodSpec:
    name: str
    population: int

    @property
    def slug(self) -> str:
        return slug_of(self.name)


@dataclass(frozen=True)
class DistrictSpec:
    slug: str
    name: str
    description: str
    neighbourhoods: tuple[NeighbourhoodSpec, ...]


@dataclass(frozen=True)
class ThemeSpec:
    name: str
    description: str

    @property
    def slug(self) -> str:
        return slug_of(self.name)


@dataclass(frozen=True)
class SubBudgetSpec:
    """A sub-budget for exactly one of a neighbourhood or a theme (by slug)."""

    amount_cents: int
    neighbourhood_slug: str | None = None
    theme_slug: str | None = None


@dataclass(frozen=True)
class PhaseSpan:
    """A phase from the start of ``first_day`` to the end of ``last_day``, days counted from today.

    Days are calendar days in Europe/Amsterdam; 0 is today, -7 a week ago.
    """

    kind: PhaseKind
    first_day: int
    last_day: int


@dataclass(frozen=True)
class EditionSpec:
    slug: str
    district_slug: str
    name: str
    year: int
    introduction: str
    total_budget_cents: int
    max_plan_cost_cents: int
    min_age: int
    decision_model: DecisionModel
    ballot_format: BallotFormat
    ballot_max_choices: int | None
    aggregation_rule: AggregationRule
    support_threshold: int
    themes: tuple[ThemeSpec, ...]
    phases: tuple[PhaseSpan, ...]
    current_phase: PhaseKind
    sub_budgets: tuple[SubBudgetSpec, ...] = ()


@dataclass(frozen=True)
class AccountSpec:
    """A demo account; staff accounts hold ``role`` in the district ``district_slug``."""

    email: str
    display_name: str
    role: Role | None = None
    district_slug: str | None = None
    is_superuser: bool = False

    @property
    def uses_admin(self) -> bool:
        """Officials and administrators set up editions in the Django admin; other roles work on the site."""
        return self.is_superuser or self.role in {Role.OFFICIAL, Role.ADMINISTRATOR}


@dataclass(frozen=True)
class PlanSpec:
    title: str
    summary: str
    description: str
    theme_slug: str
    neighbourhood_slug: str | None  # None: the whole district
    initiator_email: str
    public_name: str
    status: PlanStatus
    cost_lines: tuple[tuple[str, int], ...]  # (description, amount in cents)

    @property
    def cost_cents(self) -> int:
        return sum(amount for _, amount in self.cost_lines)
