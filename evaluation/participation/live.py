"""Live turnout for officials while residents vote: voters per neighbourhood and channel against the eligible.

Cheap enough to watch during a vote without slowing casting: one aggregate query on the indexed
``voting_voter (edition, channel)`` (only rows that voted), kept 30 seconds per edition in the Django
cache, so however many officials watch, the voter table is read at most twice a minute per edition.
It reads who voted and how (online, paper), never a ballot.

The eligible residents are the population figures for the edition's minimum age where the district has
them; else the eligible residents of the edition's imported addresses (as the results page counts);
else the voters on the register. A neighbourhood *lags* when its turnout is below ``LAG_SHARE`` (three
quarters) of the overall turnout of the neighbourhoods with a known number of eligible residents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from editions.models import Edition
from outreach.models import Address
from places.models import Neighbourhood
from ui.charts import BarChart, Series
from voting.models import Channel, Voter

from ..population.selectors import eligible_residents

CACHE_SECONDS = 30
LAG_SHARE = 0.75
POPULATION, ADDRESSES, REGISTER = "population", "addresses", "register"


@dataclass(frozen=True)
class TurnoutRow:
    name: str | None  # None: voters without a known neighbourhood (and the total); the page names them
    online: int
    paper: int
    eligible: int | None
    lags: bool = False

    @property
    def voted(self) -> int:
        return self.online + self.paper

    @property
    def percent(self) -> float | None:
        return 100 * self.voted / self.eligible if self.eligible else None


@dataclass(frozen=True)
class LiveTurnout:
    rows: list[TurnoutRow]  # the district's neighbourhoods by name, then voters without a known one
    total: TurnoutRow
    overall_percent: float | None  # over the neighbourhoods with a known number of eligible residents
    eligible_from: str  # POPULATION, ADDRESSES or REGISTER
    computed_at: datetime


def cache_key(edition: Edition) -> str:
    return f"evaluation:live-turnout:{edition.pk}"


def live_turnout(edition: Edition) -> LiveTurnout:
    """The edition's turnout now, at most ``CACHE_SECONDS`` old."""
    found: LiveTurnout | None = cache.get(cache_key(edition))
    if found is None:
        found = compute_turnout(edition)
        cache.set(cache_key(edition), found, CACHE_SECONDS)
    return found


def _eligible(edition: Edition) -> tuple[dict[int | None, int | None], str]:
    population = eligible_residents(edition)
    if any(count is not None for count in population.values()):
        return {pk: count for pk, count in population.items()}, POPULATION
    addresses = {
        row["neighbourhood"]: int(row["n"])
        for row in Address.objects.filter(edition=edition)
        .values("neighbourhood")
        .annotate(n=Sum("eligible_count"))
    }
    if addresses:
        return dict(addresses), ADDRESSES
    register = (
        Voter.objects.filter(edition=edition, revoked_at__isnull=True)
        .values("neighbourhood")
        .annotate(n=Count("pk"))
    )
    return {row["neighbourhood"]: int(row["n"]) for row in register}, REGISTER


def compute_turnout(edition: Edition) -> LiveTurnout:
    """Voters per neighbourhood and channel now (one query on the voter table's (edition, channel) index)."""
    voted: dict[int | None, dict[str, int]] = {}
    for row in (
        Voter.objects.filter(edition=edition, channel__in=[Channel.ONLINE, Channel.PAPER])
        .values("neighbourhood", "channel")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        voted.setdefault(row["neighbourhood"], {})[row["channel"]] = int(row["n"])
    eligible, source = _eligible(edition)
    names = list(
        Neighbourhood.objects.filter(district_id=edition.district_id)
        .order_by("name")
        .values_list("pk", "name")
    )
    known = {pk for pk, _name in names}

    def row_of(pk: int | None, name: str | None, count: int | None) -> TurnoutRow:
        channels = voted.get(pk, {})
        return TurnoutRow(name, channels.get(Channel.ONLINE, 0), channels.get(Channel.PAPER, 0), count)

    rows = [row_of(pk, name, eligible.get(pk)) for pk, name in names]
    measured = [row for row in rows if row.eligible]
    overall = (
        100 * sum(r.voted for r in measured) / sum(r.eligible or 0 for r in measured) if measured else None
    )
    if overall:
        rows = [
            TurnoutRow(
                r.name,
                r.online,
                r.paper,
                r.eligible,
                r.percent is not None and r.percent < LAG_SHARE * overall,
            )
            for r in rows
        ]
    elsewhere = [pk for pk in voted if pk not in known]
    if elsewhere:
        rows.append(
            TurnoutRow(
                None,
                sum(voted[pk].get(Channel.ONLINE, 0) for pk in elsewhere),
                sum(voted[pk].get(Channel.PAPER, 0) for pk in elsewhere),
                None,
            )
        )
    counts = [r.eligible for r in rows if r.eligible is not None]
    total = TurnoutRow(
        None, sum(r.online for r in rows), sum(r.paper for r in rows), sum(counts) if counts else None
    )
    return LiveTurnout(rows, total, overall, source, timezone.now())


def turnout_chart(live: LiveTurnout) -> BarChart:
    """Turnout per neighbourhood as a bar chart (percent), lagging neighbourhoods named in the notes."""
    rows = [row for row in live.rows if row.eligible is not None and row.name is not None]
    lagging = [str(row.name) for row in rows if row.lags]
    return BarChart(
        key="live-turnout",
        title=_("Turnout per neighbourhood"),
        categories=[str(row.name) for row in rows],
        series=[Series(_("Turnout"), [row.percent for row in rows])],
        unit="percent",
        scale_max=100,
        description=_(
            "Voters (online and on paper) as a share of the eligible residents of each neighbourhood."
        ),
        notes=[_("Lagging: %(names)s.") % {"names": ", ".join(lagging)}] if lagging else [],
    )
