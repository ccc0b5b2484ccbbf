"""The declared chain of phases and what each phase opens (STYLE.md rule 5).

Permission checks never test a phase by name: they ask whether the edition's current phase
opens an action (``editions.permissions.can``). Adding an action to a phase is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
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
    REPORT_PROGRESS = "report_progress"
    FOLLOW_EXECUTION = "follow_execution"
    MODERATE = "moderate"
    MANAGE_EDITION = "manage_edition"


@dataclass(frozen=True)
class PhaseSpec:
    """One phase of the chain: whether an edition must have it, and the actions it opens."""

    kind: PhaseKind
    required: bool
    opens: frozenset[Action]
    resident_text: Promise


PHASE_CHAIN: tuple[PhaseSpec, ...] = (
    PhaseSpec(
        PhaseKind.INFORMATION,
        required=False,
        opens=frozenset({Action.COMMENT, Action.SIGN_UP_FOR_PANEL, Action.RECRUIT_PANEL}),
        resident_text=_("Read about the themes and rules, and come to an information evening."),
    ),
    PhaseSpec(
        PhaseKind.PLANS,
        required=True,
        opens=frozenset(
            {
                Action.SUBMIT_PLAN,
                Action.EDIT_OWN_PLAN,
                Action.COMMENT,
                Action.SIGN_UP_FOR_PANEL,
                Action.RECRUIT_PANEL,
            }
        ),
        resident_text=_("Submit a plan for your neighbourhood, or join someone else's."),
    ),
    PhaseSpec(
        PhaseKind.SUPPORT,
        required=False,
        opens=frozenset(
            {
                Action.SUPPORT_PLAN,
                Action.EDIT_OWN_PLAN,
                Action.COMMENT,
                Action.SIGN_UP_FOR_PANEL,
                Action.RECRUIT_PANEL,
            }
        ),
        resident_text=_("Support the plans you want the district to check."),
    ),
    PhaseSpec(
        PhaseKind.REVIEW,
        required=True,
        opens=frozenset({Action.REVIEW_PLAN, Action.COMMENT, Action.DRAW_PANEL, Action.FACILITATE_PANEL}),
        resident_text=_("The district checks every plan; the verdicts and reasons are published here."),
    ),
    PhaseSpec(
        PhaseKind.SHORTLIST,
        required=False,
        opens=frozenset(
            {
                Action.SHORTLIST_PLAN,
                Action.PUBLISH_SHORTLIST,
                Action.COMMENT,
                Action.DRAW_PANEL,
                Action.FACILITATE_PANEL,
            }
        ),
        resident_text=_("The committee picks the plans that go on to the decision."),
    ),
    PhaseSpec(
        PhaseKind.DECISION,
        required=True,
        opens=frozenset({Action.VOTE, Action.ENTER_PAPER_BALLOT, Action.FACILITATE_PANEL, Action.COMMENT}),
        resident_text=_("Choose the plans you want to see carried out."),
    ),
    PhaseSpec(
        PhaseKind.PANEL,
        required=False,
        # Only in a hybrid edition where the public votes first: the vote is counted as advice,
        # then the panel decides (editions.models.HybridOrder.VOTE_THEN_PANEL).
        opens=frozenset({Action.FACILITATE_PANEL, Action.RUN_COUNT, Action.COMMENT}),
        resident_text=_("The citizens' panel decides, with the outcome of the vote as advice."),
    ),
    PhaseSpec(
        PhaseKind.RESULT,
        required=True,
        opens=frozenset({Action.RUN_COUNT, Action.COMMENT}),
        resident_text=_("See which plans were chosen, and why."),
    ),
    PhaseSpec(
        PhaseKind.EXECUTION,
        required=False,
        opens=frozenset({Action.REPORT_PROGRESS, Action.FOLLOW_EXECUTION, Action.COMMENT}),
        resident_text=_("Follow how the chosen plans are carried out."),
    ),
    PhaseSpec(
        PhaseKind.EVALUATION,
        required=False,
        opens=frozenset({Action.FOLLOW_EXECUTION, Action.COMMENT}),
        resident_text=_("Read what this edition achieved and what the next one will do differently."),
    ),
)

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


def phase_label(kind: str, step: str = "") -> str:
    texts = STEP_TEXTS.get((step, kind))
    return str(texts[0] if texts else PhaseKind(kind).label)


def phase_text(kind: str, step: str = "") -> str:
    texts = STEP_TEXTS.get((step, kind))
    return str(texts[1] if texts else PHASES[kind].resident_text)
