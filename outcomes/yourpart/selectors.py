"""One voter's part in a result: which of the plans they chose were funded, and for Equal Shares how their
equal share was spent (replayed from the published payments, ``outcomes.engine.your_part``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editions.models import BallotFormat

from .. import engine
from ..explanation import explain_section, section_facts_of
from ..models import Count, CountSource
from ..selectors.counts import CONSENSUS, count_sections

# Ballots where a voter ticks plans: their payments follow from the trace (every supporter pays the price).
TICKED_FORMATS = (BallotFormat.APPROVAL, BallotFormat.KNAPSACK)


@dataclass(frozen=True)
class ChosenPlan:
    id: int
    title: str
    funded: bool
    paid_cents: int | None  # Equal Shares: what this voter paid for it from their share
    from_rest: bool  # funded from the money left after the main rounds: paid from no one's share
    explanation: str


@dataclass(frozen=True)
class SectionPart:
    key: str
    label: str
    plans: tuple[ChosenPlan, ...]
    share_cents: int | None = None  # Equal Shares only: the voter's share, what they paid, what was left
    raised: bool = False
    paid_cents: int | None = None
    left_cents: int | None = None
    why_left: str = ""

    @property
    def funded(self) -> tuple[ChosenPlan, ...]:
        return tuple(p for p in self.plans if p.funded)


@dataclass(frozen=True)
class YourPart:
    sections: tuple[SectionPart, ...]

    @property
    def chosen_count(self) -> int:
        return sum(len(s.plans) for s in self.sections)

    @property
    def funded_count(self) -> int:
        return sum(len(s.funded) for s in self.sections)


def part_available(count: Count) -> bool:
    """Whether a voter can follow their part: everyone's vote decided (not the citizens' panel), and
    the voters ticked plans (they did not rank them or spread points)."""
    return (
        count.source == CountSource.VOTE
        and count.rule != CONSENSUS
        and count.edition.ballot_format in TICKED_FORMATS
    )


def plan_choices(count: Count) -> list[tuple[int, str]]:
    """Every plan of the count (id, title), the choices of the form."""
    return [(int(row["id"]), str(row["title"])) for s in count_sections(count) for row in s.plans]


def _cents(amount: Fraction) -> int:
    return round(amount)


def _why_left(left: Fraction, lost: Sequence[ChosenPlan]) -> str:
    if left <= 0:
        return _("You spent your whole share.")
    if lost:
        return ngettext(
            "The rest of your share was not spent: it could only pay for plans you chose. The voters of "
            "%(plans)s together did not have enough left to pay for it.",
            "The rest of your share was not spent: it could only pay for plans you chose. The voters of "
            "%(plans)s together did not have enough left to pay for them.",
            len(lost),
        ) % {"plans": ", ".join(p.title for p in lost)}
    return _(
        "The rest of your share was not spent: it could only pay for plans you chose, and they were all "
        "paid for."
    )


def your_part(count: Count, chosen: Collection[int]) -> YourPart:
    """The part of a voter who ticked ``chosen`` (plan ids), per section where they ticked a plan."""
    sections = []
    for section in count_sections(count):
        rows = [row for row in section.plans if int(row["id"]) in chosen]
        if not rows:
            continue
        explanations = explain_section(section.outcome, section.plans, section_facts_of(section))
        selected = {str(pid) for pid in section.outcome.get("selected", [])}
        part = engine.your_part(section.outcome, [str(row["id"]) for row in rows])
        paid = dict(part.paid) if part is not None else {}
        rest = set(part.funded_from_rest) if part is not None else set()
        order = {pid: i for i, pid in enumerate(s["project_id"] for s in section.outcome.get("trace", []))}
        plans = sorted(
            (
                ChosenPlan(
                    id=int(row["id"]),
                    title=str(row["title"]),
                    funded=str(row["id"]) in selected,
                    paid_cents=_cents(paid[str(row["id"])]) if str(row["id"]) in paid else None,
                    from_rest=str(row["id"]) in rest,
                    explanation=explanations[int(row["id"])].text,
                )
                for row in rows
            ),
            key=lambda p: (not p.funded, order.get(str(p.id), 0), p.title),
        )
        if part is None:
            sections.append(SectionPart(section.key, section.label, tuple(plans)))
            continue
        lost = [p for p in plans if not p.funded]
        increases = int(section.outcome.get("params", {}).get("budget_increases", "0") or 0)
        sections.append(
            SectionPart(
                section.key,
                section.label,
                tuple(plans),
                share_cents=_cents(part.share),
                raised=increases > 0,
                paid_cents=_cents(part.share - part.left),
                left_cents=_cents(part.left),
                why_left=_why_left(part.left, lost),
            )
        )
    return YourPart(tuple(sections))
