"""What a resident can do now in an edition: one big action, read from the phase declaration.

The current phase's opened actions (``editions.phases``) decide the step, in the order below: the
first resident action the phase opens wins. No phase is compared by name, so an edition under any
decision model (or a phase added later) gets the step its declaration implies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from editions.models import Edition
from editions.phases import Action
from editions.timeline import Timeline


@dataclass(frozen=True)
class NextStep:
    edition: Edition
    label: str
    url: str
    explanation: str  # what the current phase is about, for residents


def _slug_url(name: str) -> Callable[[Edition], str]:
    return lambda edition: reverse(name, kwargs={"slug": edition.slug})


def _plans_of(edition: Edition) -> str:
    return f"{reverse('proposals:list')}?edition={edition.slug}"


# The resident's step per action, most important first: where a phase opens several (the decision
# phase opens the vote and following the edition), the first one is the step.
STEPS: tuple[tuple[Action, Promise, Callable[[Edition], str]], ...] = (
    (Action.VOTE, _("Vote now"), _slug_url("voting:start")),
    (Action.SUBMIT_PLAN, _("Submit a plan"), _slug_url("proposals:start")),
    (Action.POST_IDEA, _("Share an idea"), _slug_url("development:ideas")),
    (Action.SUPPORT_PLAN, _("Support plans"), _plans_of),
    (Action.SIGN_UP_FOR_PANEL, _("Sign up for the citizens' panel"), _slug_url("deliberation:sign_up")),
    (Action.RECORD_PANEL_DECISION, _("Follow the citizens' panel"), _slug_url("deliberation:panel")),
    (Action.RUN_COUNT, _("See the result"), _slug_url("outcomes:result")),
    (Action.REPORT_PROGRESS, _("Follow the work"), _slug_url("execution:overview")),
)
# A phase that opens none of them (the review, the shortlist): the edition page says what happens.
READ_ALONG = _("See what happens now")


def next_step(edition: Edition, timeline: Timeline) -> NextStep | None:
    """The one thing a resident can do now in ``edition``; None when no phase is running."""
    current = timeline.current
    if current is None:
        return None
    opened = current.opens
    for action, label, url in STEPS:
        if action in opened:
            return NextStep(edition=edition, label=str(label), url=url(edition), explanation=current.text)
    return NextStep(
        edition=edition, label=str(READ_ALONG), url=edition.get_absolute_url(), explanation=current.text
    )
