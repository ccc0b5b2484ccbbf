"""The shapes of the demo data: frozen specs that ``demo.services`` turns into rows."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from accounts.models import Role
from editions.models import AggregationRule, BallotFormat, DecisionModel, Satisfaction, UnspentMoney
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
    # The day (counted from today, like the phases) the review verdicts are published, at noon;
    # None: when the review phase ends.
    verdicts_publish_day: int | None = None
    shortlist_size: int | None = None
    hybrid_order: str = ""
    rule_satisfaction: Satisfaction = Satisfaction.COST
    # The day the counted result becomes public, at noon; None: as soon as it is counted.
    results_publish_day: int | None = None
    unspent_money: UnspentMoney = UnspentMoney.DISTRICT


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
    for_whom: str = ""
    address: str = ""
    point: tuple[str, str] | None = None  # (latitude, longitude) as decimal strings

    @property
    def cost_cents(self) -> int:
        return sum(amount for _, amount in self.cost_lines)


# ---------------------------------------------------------------------------------------------
# What happened to the plans: support, discussion, edits, review and the shortlist.
#
# Moments are fractions (0–1) of a span that the loader derives from the edition's phases and the
# moment of loading, so the activity always falls inside the phase where it could have happened.


@dataclass(frozen=True)
class CommentSpec:
    """A comment, or a reply to one; ``at`` is a fraction of the time from the plan's submission
    (for a reply: from its parent) until now."""

    author_email: str
    body: str
    at: float
    replies: tuple[CommentSpec, ...] = ()
    reports: tuple[tuple[str, str], ...] = ()  # (reporter e-mail, reason), not yet handled
    hidden_reason: str = ""  # hidden by the district official with this public reason


@dataclass(frozen=True)
class EditSpec:
    """An edit after submission: the old values of what changed (None: unchanged), and the note.

    The plan's spec holds the content after the edit; revision 1 is rebuilt from these old values.
    """

    note: str
    at: float  # fraction of the edit's span: from submission to the end of the phase that allows it
    summary: str | None = None
    description: str | None = None
    for_whom: str | None = None
    cost_lines: tuple[tuple[str, int], ...] | None = None


@dataclass(frozen=True)
class PlanActivitySpec:
    """Support and discussion of one plan (by title)."""

    plan_title: str
    likes: int = 0
    co_initiators: tuple[str, ...] = ()  # e-mail addresses; all accepted
    comments: tuple[CommentSpec, ...] = ()
    edit: EditSpec | None = None


@dataclass(frozen=True)
class ChangeRequestSpec:
    """The reviewer returned the plan; with ``answered``, the initiator revised and resubmitted it."""

    message: str
    at: float  # fraction of the review phase so far
    deadline_days: int
    answered: EditSpec | None = None


@dataclass(frozen=True)
class ReviewSpec:
    """The review of one plan (by title); checks are (criterion key, outcome, public note)."""

    plan_title: str
    reviewer_email: str
    started: float  # fraction of the review phase (up to now)
    checks: tuple[tuple[str, str, str], ...] = ()
    internal_remarks: str = ""
    verdict: str = ""  # a review.models.Verdict value; "" while the review is open
    recorded: float = 0.9  # fraction of the review phase (up to now) when the verdict was recorded
    public_explanation: str = ""
    adjusted_cost_cents: int | None = None
    cost_change_reason: str = ""
    change_request: ChangeRequestSpec | None = None


@dataclass(frozen=True)
class ShortlistChoiceSpec:
    plan_title: str
    reason: str
    at: float  # fraction of the shortlist phase (up to now)


@dataclass(frozen=True)
class ShortlistSpec:
    chosen_by_email: str
    choices: tuple[ShortlistChoiceSpec, ...]
    published: bool  # True: published at the end of the shortlist phase


# ---------------------------------------------------------------------------------------------
# The online votes: address lists, voters, ballots and paper entries (see demo.services.voting).


@dataclass(frozen=True)
class VoterAreaSpec:
    """One neighbourhood's part of the address list, and how many of its residents voted.

    Addresses are made on ``streets`` with postcodes ``<one of postcode_digits> XX``; each address
    has 1–4 eligible residents. ``turnout`` is the share of them who voted (so far).
    """

    neighbourhood_slug: str
    postcode_digits: tuple[int, ...]
    streets: tuple[str, ...]
    addresses: int
    turnout: float
    high_rise: bool = False  # Bijlmer flats: one building name, four-digit numbers, no floor suffix


@dataclass(frozen=True)
class RegisterVoterSpec:
    """A resident on the imported register, who votes after an e-mail check."""

    name: str
    birth_date: str  # ISO
    postcode: str
    email: str
    neighbourhood_slug: str
    voted: bool = False


@dataclass(frozen=True)
class VoteSpec:
    """How an edition's vote went: who could vote, how popular each plan was, paper and the count.

    ``appeal`` (by plan title, 0–1) is the chance that a resident who votes in the plan's section
    picks it; residents of the plan's own neighbourhood pick it more often, others less.
    """

    edition_slug: str
    areas: tuple[VoterAreaSpec, ...]
    appeal: tuple[tuple[str, float], ...]
    officials: tuple[str, str]  # the two officials who enter paper ballots
    paper_share: float = 0.0  # of the voters, on paper (entered twice, confirmed)
    changed_mind_share: float = 0.05  # of the online voters, cast a second ballot that replaced the first
    register: tuple[RegisterVoterSpec, ...] = ()
    # Paper entries still waiting: one for a second entry, one whose two entries differ.
    open_paper_entries: bool = False
    counted_by: str | None = None  # the official who ran the count, once the vote closed
    printed_codes: int = 0  # unused codes that load_demo prints, to try the vote
