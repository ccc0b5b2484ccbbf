"""The results page's money part, built from the page's own ``Result`` (and, when nobody voted, the
district's population figures: one query)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editions.models import Edition, UnspentMoney
from places.models import Neighbourhood
from ui.charts import Point, ScatterChart
from ui.templatetags.money import format_money

from ..selectors.result import PlanResult, Result, SectionResult


@dataclass(frozen=True)
class SectionMoney:
    """One section's budget, what its funded plans cost, and (for a vote) its plans' votes against cost."""

    key: str
    label: str
    budget_cents: int
    funded_cents: int
    chart: ScatterChart | None
    summary: str  # the chart in words: how many plans, how many funded, the one most people chose

    @property
    def unspent_cents(self) -> int:
        return max(0, self.budget_cents - self.funded_cents)


@dataclass(frozen=True)
class NeighbourhoodMoney:
    """Funded plans in a neighbourhood (or for the whole district) against the residents who could vote."""

    name: str
    plans: int
    cents: int
    eligible: int
    whole_district: bool = False

    @property
    def cents_per_resident(self) -> int | None:
        return round(self.cents / self.eligible) if self.eligible else None


@dataclass(frozen=True)
class ThemeMoney:
    name: str
    plans: int
    cents: int


@dataclass(frozen=True)
class Money:
    budget_cents: int
    funded_cents: int
    destination: str  # UnspentMoney's value
    destination_text: str  # where the unspent money goes, in a sentence
    sections: list[SectionMoney]
    neighbourhoods: list[NeighbourhoodMoney]
    themes: list[ThemeMoney]
    # Whom the money per neighbourhood is divided by: the residents who could vote (the turnout table's
    # figures) after a public vote, else the neighbourhoods' population; their number in the district.
    residents_basis: str  # "eligible" or "population"
    residents: int

    @property
    def unspent_cents(self) -> int:
        return max(0, self.budget_cents - self.funded_cents)

    @property
    def charts(self) -> list[ScatterChart]:
        return [s.chart for s in self.sections if s.chart is not None]


def destination_text(edition: Edition) -> str:
    """Where the money the chosen plans leave unspent goes, in plain words."""
    if edition.unspent_money == UnspentMoney.EDITION_POT:
        return _(
            "The money that is left goes back into the pot of this edition. "
            "It stays there for the plans of this edition."
        )
    if edition.unspent_money == UnspentMoney.NEXT_EDITION:
        return _(
            "The money that is left goes to the next edition. It is added to the budget of the next edition."
        )
    return _(
        "The money that is left goes back to the district's general budget. "
        "It is not used for plans of this edition."
    )


def money_of(result: Result, edition: Edition) -> Money:
    """The money part of ``result`` (the results page's ``Result`` of ``edition``), in the active language."""
    funded = [p for s in result.sections for p in s.funded]
    residents = _residents(result, edition)
    return Money(
        budget_cents=result.budget_cents,
        funded_cents=result.funded_cents,
        destination=edition.unspent_money,
        destination_text=destination_text(edition),
        sections=[_section(s, result) for s in result.sections],
        neighbourhoods=_neighbourhoods(residents, funded),
        themes=_themes(funded),
        residents_basis="eligible" if result.public_voted else "population",
        residents=sum(residents.values()),
    )


def _residents(result: Result, edition: Edition) -> dict[str, int]:
    """Residents per neighbourhood name: who could vote after a public vote; else (a panel decided, and
    the address list, if any, is the panel's invitation letters) the neighbourhood's population."""
    if result.public_voted:
        return {row.name: row.eligible for row in result.turnout if row.eligible}
    known = Neighbourhood.objects.filter(district_id=edition.district_id, population__gt=0)
    return {name: int(population or 0) for name, population in known.values_list("name", "population")}


def _section(section: SectionResult, result: Result) -> SectionMoney:
    voted = not result.is_consensus and bool(section.plans)
    return SectionMoney(
        key=section.section.key,
        label=section.section.label,
        budget_cents=section.section.budget_cents,
        funded_cents=section.funded_cents,
        chart=votes_against_cost(section, result) if voted else None,
        summary=chart_summary(section) if voted else "",
    )


def chart_summary(section: SectionResult) -> str:
    """The votes-against-cost chart in words: the plans, the funded ones, and the plan most people chose."""
    plans = section.plans
    top = max(plans, key=lambda p: (p.supporters, -p.cost_cents))
    counted = ngettext(
        "%(plans)d plan, %(funded)d funded.", "%(plans)d plans, %(funded)d funded.", len(plans)
    ) % {"plans": len(plans), "funded": len(section.funded)}
    most = (
        _("The plan most people chose is %(title)s: %(people)d people, %(cost)s, funded.")
        if top.funded
        else _("The plan most people chose is %(title)s: %(people)d people, %(cost)s, not funded.")
    ) % {"title": top.title, "people": top.supporters, "cost": format_money(top.cost_cents)}
    return f"{counted} {most}"


def votes_against_cost(section: SectionResult, result: Result) -> ScatterChart:
    """Each plan of ``section`` as a point: its cost across, its supporters up; funded plans marked."""
    panel = result.panel is not None
    label = section.section.label
    return ScatterChart(
        key=f"votes-cost-{section.section.key}",
        title=_("Votes and cost of the plans in %(label)s") % {"label": label},
        points=[Point(p.title, p.cost_cents, p.supporters, marked=p.funded) for p in section.plans],
        x_label=_("Cost"),
        y_label=_("Panel members who chose it") if panel else _("Voters who chose it"),
        marked_label=_("Funded"),
        unmarked_label=_("Not funded"),
        x_unit="euro",
        description=_(
            "Each plan is a mark. The further to the right, the more it costs. The higher, the more "
            "people chose it. Funded plans are filled squares, plans not funded are open circles."
        ),
    )


def _neighbourhoods(eligible: dict[str, int], funded: list[PlanResult]) -> list[NeighbourhoodMoney]:
    """Every neighbourhood with residents or funded plans, and the plans for the whole district last."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    whole = [0, 0]
    for plan in funded:
        entry = totals[plan.neighbourhood] if plan.neighbourhood else whole
        entry[0] += 1
        entry[1] += plan.cost_cents
    names = sorted(set(eligible) | set(totals))
    rows = [
        NeighbourhoodMoney(
            name, totals.get(name, [0, 0])[0], totals.get(name, [0, 0])[1], eligible.get(name, 0)
        )
        for name in names
    ]
    if whole[0]:
        rows.append(
            NeighbourhoodMoney(
                _("Whole district"), whole[0], whole[1], sum(eligible.values()), whole_district=True
            )
        )
    return rows


def _themes(funded: list[PlanResult]) -> list[ThemeMoney]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for plan in funded:
        entry = totals[plan.theme or _("No theme")]
        entry[0] += 1
        entry[1] += plan.cost_cents
    return [ThemeMoney(name, n, cents) for name, (n, cents) in sorted(totals.items())]
