"""The demo vote's residents and their ballots: an address list, a code per resident, who voted and what.

Generated from the edition's ``VoteSpec`` with the random generator the caller seeds with the
edition's slug, so every load generates the same residents and the same choices; nothing here
touches the database but reading the plans on the ballot. ``demo.services.voting`` loads them
through the voting services.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from collections.abc import Sequence
from dataclasses import dataclass

from ballots.rules import BallotRules, Content, validate_ballot
from ballots.sections import MAIN, Section
from common import codes
from editions.models import BallotFormat, Edition
from proposals.models import Plan
from voting.models import Channel

from ..content.specs import VoterAreaSpec, VoteSpec

# The demo's codes are derived from this key and a number; see ``demo_code``.
DEMO_CODE_KEY = b"buurtbudget-demo-codes"
# How many residents live at an address: 1, 2, 3 or 4, with these weights.
HOUSEHOLD_WEIGHTS = (0.32, 0.38, 0.18, 0.12)
# Letters of Dutch postcodes used here (F, I, O, Q, U and Y are left out, as PostNL mostly does).
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
UNUSED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
FLOORS = ("H", "1", "2", "3")
# Preferences: a resident who votes in a section fills it with this chance (their own
# neighbourhood's section, another neighbourhood's, the main or a theme section) ...
FILLS_OWN_SECTION = 0.92
FILLS_OTHER_NEIGHBOURHOOD_SECTION = 0.03
FILLS_SHARED_SECTION = 0.85
# ... and picks a plan there with the plan's appeal times this factor (never above MOST_LIKELY).
HOME_PLAN = 2.6
OTHER_NEIGHBOURHOOD_PLAN = 0.6
MOST_LIKELY = 0.9


def demo_code(edition_slug: str, number: int) -> str:
    """The normalised voting code of the demo's resident ``number`` of an edition.

    Real codes are random (``common.codes.new_code``) and exist only on the printed letters. The
    demo derives its codes from a fixed key instead, so that every load finds the same voters and
    ``load_demo`` can print codes that work: 80 bits of HMAC-SHA256 in the code alphabet, plus the
    check symbol.
    """
    digest = hmac.new(DEMO_CODE_KEY, f"{edition_slug}:{number}".encode(), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:10], "big")
    body = "".join(codes.ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(codes.BODY_LENGTH)))
    return body + codes.check_symbol(body)


@dataclass(frozen=True)
class HomeAddress:
    street: str
    postcode: str
    area: VoterAreaSpec
    eligible: int


@dataclass(frozen=True)
class Resident:
    number: int
    address: HomeAddress
    code: str  # normalised


@dataclass(frozen=True)
class ResidentVote:
    """One resident's participation: how, how often, and the canonical content of their ballot."""

    resident: Resident
    channel: str
    ballots_cast: int
    content: Content


@dataclass(frozen=True)
class BallotPlan:
    pk: int
    cost_cents: int
    neighbourhood_slug: str | None
    appeal: float


# --- The address list and the residents --------------------------------------------------------


def address_list(spec: VoteSpec, rng: random.Random) -> list[HomeAddress]:
    """Each area's addresses: streets in turn, house numbers going up, a postcode per block."""
    addresses: list[HomeAddress] = []
    for area in spec.areas:
        postcodes: dict[tuple[str, int], str] = {}
        for index in range(area.addresses):
            street = area.streets[index % len(area.streets)]
            position = index // len(area.streets)
            if area.high_rise:  # a Bijlmer flat: one name, numbers in the hundreds and thousands
                house = f"{100 + position * 7 + rng.randrange(3)}"
                block = position // 20
            else:  # a gallery or porch flat: number and floor, as Amsterdam writes it ("12-2")
                house = f"{1 + (position // len(FLOORS)) * 2}-{FLOORS[position % len(FLOORS)]}"
                block = position // 24
            if (street, block) not in postcodes:
                postcodes[(street, block)] = _postcode(rng.choice(area.postcode_digits), rng)
            eligible = rng.choices((1, 2, 3, 4), weights=HOUSEHOLD_WEIGHTS)[0]
            addresses.append(HomeAddress(f"{street} {house}", postcodes[(street, block)], area, eligible))
    return addresses


def _postcode(digits: int, rng: random.Random) -> str:
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in UNUSED_POSTCODE_LETTERS:
            return f"{digits} {letters}"


def residents_of(edition_slug: str, addresses: Sequence[HomeAddress]) -> list[Resident]:
    """One resident per eligible person, numbered in address-list order; each has their code."""
    residents: list[Resident] = []
    for address in addresses:
        for _ in range(address.eligible):
            number = len(residents) + 1
            residents.append(Resident(number, address, demo_code(edition_slug, number)))
    return residents


# --- Who voted, and what -----------------------------------------------------------------------


def votes_of(
    edition: Edition,
    spec: VoteSpec,
    residents: Sequence[Resident],
    sections: Sequence[Section],
    rng: random.Random,
) -> list[ResidentVote]:
    plans = ballot_plans(edition, spec, sections)
    rules = BallotRules.of(edition)
    votes = []
    for resident in residents:
        area = resident.address.area
        if rng.random() >= area.turnout:
            continue
        raw = choose(rng, area.neighbourhood_slug, sections, plans, rules)
        content = validate_ballot(raw, sections=sections, rules=rules)
        if rng.random() < spec.paper_share:
            votes.append(ResidentVote(resident, Channel.PAPER, 0, content))
        else:
            casts = 2 if rng.random() < spec.changed_mind_share else 1
            votes.append(ResidentVote(resident, Channel.ONLINE, casts, content))
    return votes


def ballot_plans(edition: Edition, spec: VoteSpec, sections: Sequence[Section]) -> dict[int, BallotPlan]:
    appeal = dict(spec.appeal)
    on_ballot = {plan.pk: plan for section in sections for plan in section.plans}
    where = dict(Plan.objects.filter(pk__in=on_ballot).values_list("pk", "neighbourhood__slug"))
    return {
        pk: BallotPlan(pk, plan.cost_cents, where.get(pk), appeal.get(plan.title, 0.2))
        for pk, plan in on_ballot.items()
    }


def choose(
    rng: random.Random,
    home: str,
    sections: Sequence[Section],
    plans: dict[int, BallotPlan],
    rules: BallotRules,
) -> dict[str, list[int]]:
    """A resident's ballot: their own neighbourhood's plans and the district's favourites first."""
    raw: dict[str, list[int]] = {}
    for section in sections:
        own = section.key == f"n-{home}"
        if section.key.startswith("n-"):
            fills = FILLS_OWN_SECTION if own else FILLS_OTHER_NEIGHBOURHOOD_SECTION
        else:
            fills = FILLS_SHARED_SECTION
        if rng.random() >= fills:
            continue
        weights = {
            p.pk: _weight(plans[p.pk], home, local_section=section.key.startswith("n-"))
            for p in section.plans
        }
        picked = [pk for pk, weight in weights.items() if rng.random() < weight]
        chosen = _fit(rng, section, picked, weights, rules)
        if chosen:
            raw[section.key] = chosen
    if not raw:  # everyone who voted chose something: their favourite that fits its section
        section = next((s for s in sections if s.key == f"n-{home}"), None) or next(
            (s for s in sections if s.key == MAIN or not s.key.startswith("n-")), sections[0]
        )
        weights = {p.pk: _weight(plans[p.pk], home, local_section=False) for p in section.plans}
        fitting = [pk for pk in weights if section.cost_of(pk) <= section.budget_cents]
        raw[section.key] = [max(fitting, key=lambda pk: weights[pk] * rng.random())]
    return raw


def _weight(plan: BallotPlan, home: str, *, local_section: bool) -> float:
    if local_section or plan.neighbourhood_slug is None:
        return min(MOST_LIKELY, plan.appeal)
    factor = HOME_PLAN if plan.neighbourhood_slug == home else OTHER_NEIGHBOURHOOD_PLAN
    return min(MOST_LIKELY, plan.appeal * factor)


def _fit(
    rng: random.Random, section: Section, picked: list[int], weights: dict[int, float], rules: BallotRules
) -> list[int]:
    """What of ``picked`` the ballot allows: the favourites first, up to k plans or the budget."""
    # A weighted random order (Efraimidis–Spirakis): likelier plans tend to come first.
    order = sorted(picked, key=lambda pk: rng.random() ** (1 / weights[pk]), reverse=True)
    if rules.format == BallotFormat.KNAPSACK:
        chosen, spent = [], 0
        for pk in order:
            cost = section.cost_of(pk)
            if spent + cost <= section.budget_cents:
                chosen.append(pk)
                spent += cost
        return chosen
    return order[: rules.max_choices] if rules.max_choices else order


def misread(content: Content, sections: Sequence[Section]) -> Content:
    """The second reading of a ballot whose entries differ: one plan read as its neighbour on the form."""
    key = next(iter(content))
    chosen = [int(pk) for pk in content[key]]  # type: ignore[arg-type]
    section = next(s for s in sections if s.key == key)
    others = sorted(section.plan_ids - set(chosen))
    if not others:
        return {**content, key: chosen[:-1]} if len(chosen) > 1 else content
    spent = sum(section.cost_of(pk) for pk in chosen[:-1])
    fitting = [pk for pk in others if spent + section.cost_of(pk) <= section.budget_cents] or others
    return {**content, key: sorted([*chosen[:-1], fitting[0]])}
