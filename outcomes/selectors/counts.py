"""Which count is which: an edition's current, deciding, advising and public count; the panel's rounds."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count as DbCount
from django.db.models import Prefetch
from django.utils import timezone

from deliberation.models import MemberStatus, PanelDecision, PanelMember, PanelReason, PanelStep, PanelVote
from editions.models import Edition

from ..models import Count, CountSection, CountSource, CountStatus

# The rule of a count that records the panel's consensus: chosen plans, no ballots.
CONSENSUS = "consensus"


def current_count(edition: Edition, *, source: str = CountSource.VOTE) -> Count | None:
    """The edition's current count (done) of the public vote, or of the panel, published or not."""
    return (
        Count.objects.filter(edition=edition, source=source, is_current=True, status=CountStatus.DONE)
        .select_related("edition", "started_by")
        .first()
    )


def deciding_source(edition: Edition) -> str:
    """Whose count is the edition's result: the panel's when the panel decides, else the vote's."""
    return CountSource.PANEL if edition.panel_decides else CountSource.VOTE


def result_count(edition: Edition) -> Count | None:
    """The edition's current result (done), published or not: the deciding count."""
    return current_count(edition, source=deciding_source(edition))


def advice_count(edition: Edition) -> Count | None:
    """In a hybrid edition where everyone votes first: the vote's count, the panel's advice."""
    return current_count(edition) if edition.public_votes and edition.panel_decides else None


def panel_decision(edition: Edition) -> PanelDecision | None:
    """The citizens' panel's recorded decision (not its shortlist), published or not."""
    return (
        PanelDecision.objects.filter(edition=edition, step=PanelStep.DECISION)
        .select_related("vote__session")
        .prefetch_related(Prefetch("reasons", queryset=PanelReason.objects.select_related("plan")))
        .first()
    )


def published_count(edition: Edition, *, at: datetime | None = None) -> Count | None:
    """The current result, if the public may see it: counted, and its publication time has come.

    The panel's count is its result only once the facilitator recorded the decision with its
    reasons: counting a ballot round alone does not make it public.
    """
    moment = at or timezone.now()
    if edition.results_publish_at is not None and moment < edition.results_publish_at:
        return None
    count = result_count(edition)
    if count is not None and count.source == CountSource.PANEL and panel_decision(edition) is None:
        return None
    return count


# The audit action of counting a panel round (the round itself is ``Count.panel_vote``).
COUNTED_ROUND_ACTION = "outcomes.panel_vote_counted"


def counted_round(count: Count) -> int | None:
    """The id of the panel's ballot round ``count`` counted (None for a public vote or a consensus)."""
    return count.panel_vote_id


def closed_rounds(edition: Edition) -> list[PanelVote]:
    """The panel's closed ballot rounds, newest first, each with ``ballot_count``."""
    return list(
        PanelVote.objects.filter(edition=edition, closed_at__isnull=False)
        .select_related("session")
        .annotate(ballot_count=DbCount("ballots"))
        .order_by("-closed_at", "-pk")
    )


def panel_members(edition: Edition) -> int:
    """The active members of the edition's current panel."""
    return PanelMember.objects.filter(
        draw__edition=edition, draw__is_current=True, status=MemberStatus.ACTIVE
    ).count()


def latest_count(edition: Edition) -> Count | None:
    """The most recent count of any status, for the staff page."""
    return Count.objects.filter(edition=edition).select_related("started_by").first()


def count_sections(count: Count) -> list[CountSection]:
    return list(count.sections.select_related("count__edition").order_by("position"))
