"""The declared chain of phases and what each phase opens, per decision model (STYLE.md rule 5).

Permission checks never test a phase by name: they ask whether the edition's current phase
opens an action (``editions.permissions.can``), or in which phase an action opens for the edition
(``editions.permissions.phases_opening``). What a phase opens depends on the edition's decision
model and hybrid order (its ``Step``): the decision phase opens the vote only where residents vote.
Adding an action to a phase is one line here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    IDEAS = "ideas", _("Ideas")
    PLANS = "plans", _("Plans")
    SUPPORT = "support", _("Support")
    REVIEW = "review", _("Feasibility review")
    SHORTLIST = "shortlist", _("Shortlist")
    DECISION = "decision", _("Decision")
    PANEL = "panel", _("Panel's decision")
    RESULT = "result", _("Result")
    EXECUTION = "execution", _("Execution")
    EVALUATION = "evaluation", _("Evaluation")


class Action(StrEnum):
    """Everything a person can try to do in an edition that depends on who and when."""

    SUBMIT_PLAN = "submit_plan"
    EDIT_OWN_PLAN = "edit_own_plan"
    REVISE_PLAN = "revise_plan"  # after a reviewer asked for changes; the request's deadline decides
    WITHDRAW_PLAN = "withdraw_plan"  # the plan's status decides (see proposals.status)
    SUPPORT_PLAN = "support_plan"
    COMMENT = "comment"
    REPORT_COMMENT = "report_comment"
    REVIEW_PLAN = "review_plan"
    PUBLISH_VERDICTS = "publish_verdicts"  # the edition's publication date decides
    SHORTLIST_PLAN = "shortlist_plan"
    PUBLISH_SHORTLIST = "publish_shortlist"
    VOTE = "vote"
    SIGN_UP_FOR_PANEL = "sign_up_for_panel"
    RECRUIT_PANEL = "recruit_panel"  # invitation letters, features, population figures, quotas
    DRAW_PANEL = "draw_panel"
    FACILITATE_PANEL = "facilitate_panel"
    ENTER_PAPER_BALLOT = "enter_paper_ballot"
    RUN_COUNT = "run_count"
    REPORT_PROGRESS = "report_progress"  # a project's owners: updates, expenses, blockers, the final report
    FOLLOW_EXECUTION = "follow_execution"
    MANAGE_EXECUTION = "manage_execution"  # the district's side of a project: agreement, payments, acceptance
    RECORD_PANEL_DECISION = "record_panel_decision"  # the panel's ballot rounds and its recorded decision
    ANSWER_PANEL_QUESTIONS = "answer_panel_questions"
    COMMENT_AS_STAFF = "comment_as_staff"  # a comment is shown as the district's, not a resident's
    MODERATE = "moderate"
    MANAGE_EDITION = "manage_edition"
    EVALUATE = "evaluate"  # the learning programme: population figures, surveys, lessons, running costs
    WATCH_TURNOUT = "watch_turnout"  # the live turnout view, while residents vote
    # The development track (development/): ideas before plans, help for their initiators.
    POST_IDEA = "post_idea"  # also: edit one's own idea, support and join someone else's
    DRAFT_FROM_IDEA = "draft_from_idea"  # an idea becomes a draft plan, where plans may be written
    ASK_PRECHECK = "ask_precheck"  # an initiator asks the district to look at a draft before submitting
    ANSWER_PRECHECK = "answer_precheck"  # a reviewer answers on the review's checklist, without a verdict
    COACH = "coach"  # a coach's log and steps; who the coach is decides (development.coaching)
    SIGN_UP_FOR_WORKSHOP = "sign_up_for_workshop"
    MANAGE_DEVELOPMENT = "manage_development"  # partners, coaches, workshops and their attendance


class Step(StrEnum):
    """What decides a phase's role in an edition: the hybrid order in a hybrid edition, else the
    decision model (``editions.models.DecisionModel`` and ``HybridOrder`` values)."""

    ONLINE_VOTE = "online_vote"
    PANEL = "panel"
    PANEL_THEN_VOTE = "panel_then_vote"
    VOTE_THEN_PANEL = "vote_then_panel"


# Where residents vote (online or on paper), and where a citizens' panel takes part.
PUBLIC_VOTE_STEPS = frozenset({Step.ONLINE_VOTE, Step.PANEL_THEN_VOTE, Step.VOTE_THEN_PANEL})
PANEL_STEPS = frozenset({Step.PANEL, Step.PANEL_THEN_VOTE, Step.VOTE_THEN_PANEL})
# The development track: ideas are posted, supported and joined, coaches work and workshops take
# sign-ups until the plans are in; a pre-check is asked while plans are written.
_IDEAS_OPEN = {Action.POST_IDEA, Action.COACH, Action.SIGN_UP_FOR_WORKSHOP}

# The actions that make the decision: where the first of them opens, the decision has begun.
DECIDING_ACTIONS = frozenset({Action.VOTE, Action.RECORD_PANEL_DECISION})


def _opens(
    always: Iterable[Action] = (), *only: tuple[frozenset[Step], Iterable[Action]]
) -> Mapping[Step, frozenset[Action]]:
    """What a phase opens under each step: ``always`` under every one, plus each ``(steps, actions)``."""
    return {
        step: frozenset(always).union(*(actions for steps, actions in only if step in steps)) for step in Step
    }


@dataclass(frozen=True)
class PhaseSpec:
    """One phase of the chain: whether an edition must have it, and the actions it opens per step."""

    kind: PhaseKind
    required: bool
    opens: Mapping[Step, frozenset[Action]]
    resident_text: Promise

    def opens_for(self, step: str) -> frozenset[Action]:
        """The actions this phase opens in an edition with ``step`` (``step_key``)."""
        return self.opens[Step(step)]


# Residents sign up only where a panel takes part. The facilitator's work (recruiting, drawing,
# facilitating) is open under every model, as it always was: the panel pages say whether there is one.
_PANEL_SIGN_UP = (PANEL_STEPS, {Action.SIGN_UP_FOR_PANEL})
_PANEL_AT_WORK = {Action.DRAW_PANEL, Action.FACILITATE_PANEL}


PHASE_CHAIN: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        PhaseKind.INFORMATION,
        required=False,
        opens=_opens({Action.COMMENT, Action.RECRUIT_PANEL, Action.SIGN_UP_FOR_WORKSHOP}, _PANEL_SIGN_UP),
        resident_text=_("Read about the themes and rules, and come to an information evening."),
    ),
    PhaseSpec(
        PhaseKind.IDEAS,
        required=False,
        opens=_opens({*_IDEAS_OPEN, Action.COMMENT, Action.RECRUIT_PANEL}, _PANEL_SIGN_UP),
        resident_text=_("Share a rough idea, find neighbours to help, and get a coach from the district."),
    ),
    PhaseSpec(
        PhaseKind.PLANS,
        required=True,
        opens=_opens(
            {
                Action.SUBMIT_PLAN,
                Action.EDIT_OWN_PLAN,
                Action.COMMENT,
                Action.RECRUIT_PANEL,
                *_IDEAS_OPEN,
                Action.DRAFT_FROM_IDEA,
                Action.ASK_PRECHECK,
            },
            _PANEL_SIGN_UP,
        ),
        resident_text=_("Submit a plan for your neighbourhood, or join someone else's."),
    ),
    PhaseSpec(
        PhaseKind.SUPPORT,
        required=False,
        opens=_opens(
            {Action.SUPPORT_PLAN, Action.EDIT_OWN_PLAN, Action.COMMENT, Action.RECRUIT_PANEL},
            _PANEL_SIGN_UP,
        ),
        resident_text=_("Support the plans you want the district to check."),
    ),
    PhaseSpec(
        PhaseKind.REVIEW,
        required=True,
        opens=_opens({Action.REVIEW_PLAN, Action.COMMENT, *_PANEL_AT_WORK}),
        resident_text=_("The district checks every plan; the verdicts and reasons are published here."),
    ),
    PhaseSpec(
        PhaseKind.SHORTLIST,
        required=False,
        opens=_opens({Action.SHORTLIST_PLAN, Action.PUBLISH_SHORTLIST, Action.COMMENT, *_PANEL_AT_WORK}),
        resident_text=_("The committee picks the plans that go on to the decision."),
    ),
    PhaseSpec(
        PhaseKind.DECISION,
        required=True,
        # Residents vote here unless the panel alone decides; a panel-only edition's panel decides here.
        opens=_opens(
            {Action.COMMENT, Action.FACILITATE_PANEL, Action.FOLLOW_EXECUTION},
            (PUBLIC_VOTE_STEPS, {Action.VOTE, Action.ENTER_PAPER_BALLOT, Action.WATCH_TURNOUT}),
            (frozenset({Step.PANEL}), {Action.RECORD_PANEL_DECISION}),
        ),
        resident_text=_("Choose the plans you want to see carried out."),
    ),
    PhaseSpec(
        PhaseKind.PANEL,
        required=False,
        # Only in a hybrid edition where the public votes first: the vote is counted as advice,
        # then the panel decides (editions.models.HybridOrder.VOTE_THEN_PANEL).
        opens=_opens(
            (),
            (
                frozenset({Step.VOTE_THEN_PANEL}),
                {
                    Action.FACILITATE_PANEL,
                    Action.RECORD_PANEL_DECISION,
                    Action.RUN_COUNT,
                    Action.COMMENT,
                    Action.FOLLOW_EXECUTION,
                },
            ),
        ),
        resident_text=_("The citizens' panel decides, with the outcome of the vote as advice."),
    ),
    PhaseSpec(
        PhaseKind.RESULT,
        required=True,
        # Projects open when the result is published: the agreements are made from here on.
        opens=_opens(
            {
                Action.RUN_COUNT,
                Action.COMMENT,
                Action.FOLLOW_EXECUTION,
                Action.REPORT_PROGRESS,
                Action.MANAGE_EXECUTION,
            }
        ),
        resident_text=_("See which plans were chosen, and why."),
    ),
    PhaseSpec(
        PhaseKind.EXECUTION,
        required=False,
        opens=_opens(
            {Action.REPORT_PROGRESS, Action.FOLLOW_EXECUTION, Action.MANAGE_EXECUTION, Action.COMMENT}
        ),
        resident_text=_("Follow how the chosen plans are carried out."),
    ),
    PhaseSpec(
        PhaseKind.EVALUATION,
        required=False,
        # Late projects still finish while the edition is evaluated.
        opens=_opens(
            {Action.REPORT_PROGRESS, Action.FOLLOW_EXECUTION, Action.MANAGE_EXECUTION, Action.COMMENT}
        ),
        resident_text=_("Read what this edition achieved and what the next one will do differently."),
    ),
)

# The phase a hybrid step cannot do without, beyond the required ones (where its panel does its work),
# and why, for the chain's validation (editions.services).
STEP_NEEDS: dict[Step, tuple[PhaseKind, Promise]] = {
    Step.PANEL_THEN_VOTE: (
        PhaseKind.SHORTLIST,
        _("The panel makes the shortlist in this edition, so it needs the phase “%(phase)s”."),
    ),
    Step.VOTE_THEN_PANEL: (
        PhaseKind.PANEL,
        _("The panel decides after the vote in this edition, so it needs the phase “%(phase)s”."),
    ),
}

PHASES: dict[str, PhaseSpec] = {spec.kind.value: spec for spec in PHASE_CHAIN}
CHAIN_ORDER: dict[str, int] = {spec.kind.value: i for i, spec in enumerate(PHASE_CHAIN)}
REQUIRED_PHASES: frozenset[str] = frozenset(spec.kind.value for spec in PHASE_CHAIN if spec.required)

# A phase named and explained for what it is under the edition's decision model, where that differs
# from the chain's own name: keyed by (decision model or hybrid order, phase).
STEP_TEXTS: dict[tuple[str, str], tuple[Promise, Promise]] = {
    ("panel", "decision"): (
        _("Decision by the citizens' panel"),
        _("A citizens' panel drawn by lot meets in work sessions and decides which plans go ahead."),
    ),
    ("panel_then_vote", "shortlist"): (
        _("Shortlist by the citizens' panel"),
        _("A citizens' panel drawn by lot chooses the plans that everyone then votes on."),
    ),
    ("panel_then_vote", "decision"): (
        _("Vote on the panel's shortlist"),
        _("Choose from the plans the citizens' panel put on the shortlist."),
    ),
    ("vote_then_panel", "decision"): (
        _("Vote (advice to the panel)"),
        _("Choose the plans you want to see carried out; the outcome is the citizens' panel's advice."),
    ),
    ("vote_then_panel", "panel"): (
        _("Decision by the citizens' panel"),
        _("The citizens' panel decides, with the outcome of the vote as advice."),
    ),
}


def step_key(decision_model: str, hybrid_order: str) -> str:
    """What decides a phase's role: the hybrid order in a hybrid edition, else the decision model."""
    return hybrid_order or decision_model


@cache  # read on every cast (the casting SQL's phase condition)
def kinds_opening(action: Action, step: str) -> tuple[PhaseKind, ...]:
    """The phases that open ``action`` in an edition with ``step``, in the chain's order."""
    return tuple(spec.kind for spec in PHASE_CHAIN if action in spec.opens_for(step))


def phase_label(kind: str, step: str = "") -> str:
    texts = STEP_TEXTS.get((step, kind))
    return str(texts[0] if texts else PhaseKind(kind).label)


def phase_text(kind: str, step: str = "") -> str:
    texts = STEP_TEXTS.get((step, kind))
    return str(texts[1] if texts else PHASES[kind].resident_text)
