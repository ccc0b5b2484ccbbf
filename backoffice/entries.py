"""Whether a phase already has entries, so that its dates change only with a reason (backoffice.services).

What counts as an entry is what the phase's actions leave behind, and what a changed date would
make valid or invalid after the fact: a submitted plan, a like, a verdict, a shortlist choice, a
ballot (online, paper or a panel's), a count. Comments and panel sign-ups run through several
phases and do not lock a phase by themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from deliberation.models import PanelBallot, PanelDecision
from editions.models import Edition, Phase
from editions.phases import PHASES, Action, step_key
from outcomes.models import Count
from proposals.models import Like, Plan
from review.models import Review, ShortlistEntry
from voting.models import VoteClosure
from voting.services.rules import ballot_rules_locked


def _plans_submitted(edition: Edition) -> bool:
    return Plan.objects.filter(edition=edition, submitted_at__isnull=False).exists()


def _likes(edition: Edition) -> bool:
    return Like.objects.filter(plan__edition=edition).exists()


def _verdicts(edition: Edition) -> bool:
    return Review.objects.filter(plan__edition=edition).exclude(verdict="").exists()


def _shortlist(edition: Edition) -> bool:
    return ShortlistEntry.objects.filter(edition=edition).exists()


def _panel_ballots(edition: Edition) -> bool:
    return (
        PanelBallot.objects.filter(vote__edition=edition).exists()
        or PanelDecision.objects.filter(edition=edition).exists()
    )


def _counts(edition: Edition) -> bool:
    return Count.objects.filter(edition=edition).exists()


def _decided(edition: Edition) -> bool:
    # Ballots are destroyed once the result is out; the closure and the count stay.
    return (
        ballot_rules_locked(edition)
        or VoteClosure.objects.filter(edition=edition).exists()
        or _panel_ballots(edition)
        or _counts(edition)
    )


# What each action leaves behind; a phase has entries when an action it opens (under the edition's
# decision model, as the phase declarations say) has left some.
ENTRIES: dict[Action, Callable[[Edition], bool]] = {
    Action.SUBMIT_PLAN: _plans_submitted,
    Action.SUPPORT_PLAN: _likes,
    Action.REVIEW_PLAN: _verdicts,
    Action.SHORTLIST_PLAN: _shortlist,
    Action.VOTE: _decided,
    Action.RECORD_PANEL_DECISION: _decided,
    Action.RUN_COUNT: _counts,
}


def phase_has_entries(phase: Phase) -> bool:
    """Whether what happened in the phase depends on its dates (see the module's docstring)."""
    edition = phase.edition
    opens = PHASES[phase.kind].opens_for(step_key(edition.decision_model, edition.hybrid_order))
    return any(check(edition) for action, check in ENTRIES.items() if action in opens)
