"""The rule picture's data: per funded plan, in the order the count chose them, what it cost and what its
supporters' equal shares were worth together; at the end the money spent and not spent.

Built from the stored trace of the largest section (most voters). Lengths are in the picture's own units
(``WIDTH`` is the whole budget); amounts stay in euro cents for the text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..selectors.result import SectionResult

WIDTH = 300  # the bar for the whole budget, in the SVG's units
ROW = 34  # height of one row: the plan's name above its bar
BAR = 14  # height of a bar inside its row
LABEL = 12  # the bar starts below its label
SHORT = 42  # characters of a plan's name that fit above its bar


def _fraction(value: Any) -> Fraction | None:
    if value is None or value == "":
        return None
    return Fraction(str(value)) if isinstance(value, str) else Fraction(value)


def _length(cents: int | Fraction, budget_cents: int) -> float:
    """A length on the picture's scale, at least one unit for anything above zero so it stays visible."""
    if budget_cents <= 0 or cents <= 0:
        return 0.0
    length = float(min(Fraction(cents), Fraction(budget_cents)) * WIDTH / budget_cents)
    return round(max(length, 1.0), 1)


@dataclass(frozen=True)
class PictureRow:
    number: int  # 1, 2, … in the order the count chose the plans
    title: str
    cost_cents: int
    supporters: int
    paid_each_cents: int | None  # Equal Shares: the most one supporter paid for it (rounded up)
    shares_cents: int | None  # Equal Shares: its supporters' shares at the start, together (whole euros)
    from_leftover: bool  # chosen with the money left after the main rounds
    y: int
    cost_length: float
    shares_length: float

    @property
    def bar_y(self) -> int:
        return self.y + LABEL

    @property
    def text_y(self) -> int:
        return self.y + LABEL - 3

    @property
    def label(self) -> str:
        """'3. Title' shortened to what fits above the bar (the full name is in the list below it)."""
        name = self.title if len(self.title) <= SHORT else self.title[: SHORT - 1].rstrip() + "…"
        return f"{self.number}. {name}"


@dataclass(frozen=True)
class RulePicture:
    section_label: str
    budget_cents: int
    voters: int
    share_cents: int | None  # Equal Shares: one voter's share in the count that decided (rounded down)
    first_share_cents: int | None  # Equal Shares: the budget divided by the voters (rounded down)
    rows: list[PictureRow]
    spent_cents: int
    is_equal_shares: bool

    @property
    def unspent_cents(self) -> int:
        return self.budget_cents - self.spent_cents

    @property
    def share_was_raised(self) -> bool:
        """Whether the count was repeated with bigger shares to use money that was left (exhaustion)."""
        return (self.share_cents or 0) > (self.first_share_cents or 0)

    @property
    def total_y(self) -> int:
        return len(self.rows) * ROW + 4

    @property
    def height(self) -> int:
        return self.total_y + LABEL + BAR + 2

    @property
    def spent_length(self) -> float:
        return _length(self.spent_cents, self.budget_cents)

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def bar(self) -> int:
        return BAR

    @property
    def bar_y(self) -> int:
        return self.total_y + LABEL

    @property
    def text_y(self) -> int:
        return self.total_y + LABEL - 3


def _largest(sections: Sequence[SectionResult]) -> SectionResult | None:
    counted = [s for s in sections if s.section.outcome.get("trace")]
    if not counted:
        return None
    return max(counted, key=lambda s: (s.section.voters, s.section.budget_cents))


def rule_picture(sections: Sequence[SectionResult]) -> RulePicture | None:
    """The picture for the section with most voters; None when no section has a trace (a consensus)."""
    largest = _largest(sections)
    if largest is None:
        return None
    section = largest.section
    outcome = section.outcome
    budget = int(section.budget_cents)
    share = _fraction(outcome.get("params", {}).get("budget_per_voter"))
    equal_shares = outcome.get("rule") == "mes" and share is not None
    plans = {p.id: p for p in largest.plans}
    rows: list[PictureRow] = []
    for number, step in enumerate(outcome["trace"], start=1):
        cost = int(step["cost"])
        plan = plans.get(int(step["project_id"]))
        # All who chose it: the trace counts only the supporters who still had money to pay with.
        supporters = plan.supporters if plan is not None else int(step.get("supporters") or 0)
        price = _fraction(step.get("price_per_supporter"))
        main = step.get("phase", "main") == "main"
        shares = share * supporters if equal_shares and share is not None and main else None
        rows.append(
            PictureRow(
                number=number,
                title=plan.title if plan is not None else str(step["project_id"]),
                cost_cents=cost,
                supporters=supporters,
                paid_each_cents=math.ceil(price) if equal_shares and main and price else None,
                shares_cents=math.floor(shares / 100) * 100 if shares is not None else None,
                from_leftover=not main,
                y=(number - 1) * ROW,
                cost_length=_length(cost, budget),
                shares_length=_length(shares, budget) if shares is not None else 0.0,
            )
        )
    return RulePicture(
        section_label=section.label,
        budget_cents=budget,
        voters=int(section.voters),
        share_cents=math.floor(share) if equal_shares and share is not None else None,
        first_share_cents=budget // int(section.voters) if equal_shares and section.voters else None,
        rows=rows,
        spent_cents=sum(r.cost_cents for r in rows),
        is_equal_shares=equal_shares,
    )
