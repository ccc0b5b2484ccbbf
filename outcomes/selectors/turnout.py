"""Turnout on the results page: voters per neighbourhood and channel, against the eligible residents."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count as DbCount
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from editions.models import Edition
from outreach.models import Address
from voting.models import Channel, Voter


@dataclass(frozen=True)
class TurnoutRow:
    name: str
    online: int
    paper: int
    eligible: int

    @property
    def voted(self) -> int:
        return self.online + self.paper

    @property
    def percent(self) -> float | None:
        return 100 * self.voted / self.eligible if self.eligible else None


def turnout(edition: Edition) -> tuple[list[TurnoutRow], TurnoutRow]:
    """Voters per neighbourhood and channel, against the eligible residents there.

    The denominator is the eligible residents of the imported addresses when the edition has an
    address list, else the voter rows (every eligible resident on the register has one).
    """
    nobody = _("No neighbourhood known")
    voted = (
        Voter.objects.filter(edition=edition)
        .values("neighbourhood__name")
        .annotate(
            online=DbCount("pk", filter=Q(channel=Channel.ONLINE)),
            paper=DbCount("pk", filter=Q(channel=Channel.PAPER)),
            rows=DbCount("pk", filter=Q(revoked_at__isnull=True)),
        )
    )
    addresses = {
        row["neighbourhood__name"]: int(row["eligible"])
        for row in Address.objects.filter(edition=edition)
        .values("neighbourhood__name")
        .annotate(eligible=Sum("eligible_count"))
    }
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: {"online": 0, "paper": 0, "rows": 0})
    for row in voted:
        entry = by_name[row["neighbourhood__name"] or nobody]
        for key in ("online", "paper", "rows"):
            entry[key] += int(row[key])
    for name in addresses:
        by_name[name or nobody]
    rows = [
        TurnoutRow(
            name=name,
            online=entry["online"],
            paper=entry["paper"],
            eligible=addresses.get(name, 0) if addresses else entry["rows"],
        )
        for name, entry in sorted(by_name.items())
    ]
    total = TurnoutRow(
        name=_("Total"),
        online=sum(r.online for r in rows),
        paper=sum(r.paper for r in rows),
        eligible=sum(r.eligible for r in rows),
    )
    return rows, total
