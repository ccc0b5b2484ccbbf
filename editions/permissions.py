"""The one place that decides who may do what in which phase of an edition.

An action is allowed when (1) the edition's current phase opens it under the edition's decision
model — read from the phase declarations in ``phases.py``, never from a phase name — unless the
action is declared phase-independent, and (2) the person holds what the action asks: an active
account for resident actions, a staff role in the edition's district for staff actions.

Code that needs a phase's dates asks which phase opens an action (``phases_opening``,
``Timeline.entry_opening``), and code that guards a page in any phase asks ``holds_action_roles``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from accounts.models import Role
from accounts.roles import holds_role

from .models import Edition
from .phases import Action, PhaseKind, kinds_opening, step_key
from .timeline import timeline_of

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


@dataclass(frozen=True)
class ActionRule:
    """Who may perform an action; ``any_phase`` actions ignore the phase chain."""

    roles: frozenset[Role] | None  # None: any resident with an active account
    any_phase: bool = False
    # Who holds the action instead when the edition's citizens' panel makes the shortlist
    # (a hybrid edition, panel first): the facilitator records the panel's choice.
    panel_roles: frozenset[Role] | None = None

    def roles_for(self, edition: Edition) -> frozenset[Role] | None:
        return self.panel_roles if self.panel_roles is not None and edition.panel_shortlists else self.roles


ACTION_RULES: dict[Action, ActionRule] = {
    Action.SUBMIT_PLAN: ActionRule(roles=None),
    Action.EDIT_OWN_PLAN: ActionRule(roles=None),
    Action.REVISE_PLAN: ActionRule(roles=None, any_phase=True),
    Action.WITHDRAW_PLAN: ActionRule(roles=None, any_phase=True),
    Action.REPORT_COMMENT: ActionRule(roles=None, any_phase=True),
    Action.SUPPORT_PLAN: ActionRule(roles=None),
    Action.COMMENT: ActionRule(roles=None),
    Action.VOTE: ActionRule(roles=None),
    Action.SIGN_UP_FOR_PANEL: ActionRule(roles=None),
    Action.REPORT_PROGRESS: ActionRule(roles=None),
    Action.FOLLOW_EXECUTION: ActionRule(roles=None),
    Action.REVIEW_PLAN: ActionRule(roles=frozenset({Role.REVIEWER})),
    Action.PUBLISH_VERDICTS: ActionRule(roles=frozenset({Role.REVIEWER, Role.OFFICIAL}), any_phase=True),
    Action.SHORTLIST_PLAN: ActionRule(
        roles=frozenset({Role.COMMITTEE}), panel_roles=frozenset({Role.FACILITATOR})
    ),
    Action.PUBLISH_SHORTLIST: ActionRule(
        roles=frozenset({Role.COMMITTEE}), panel_roles=frozenset({Role.FACILITATOR})
    ),
    Action.RECRUIT_PANEL: ActionRule(roles=frozenset({Role.FACILITATOR})),
    Action.DRAW_PANEL: ActionRule(roles=frozenset({Role.FACILITATOR})),
    Action.FACILITATE_PANEL: ActionRule(roles=frozenset({Role.FACILITATOR})),
    Action.ENTER_PAPER_BALLOT: ActionRule(roles=frozenset({Role.OFFICIAL})),
    Action.RUN_COUNT: ActionRule(roles=frozenset({Role.OFFICIAL})),
    Action.RECORD_PANEL_DECISION: ActionRule(roles=frozenset({Role.FACILITATOR})),
    Action.ANSWER_PANEL_QUESTIONS: ActionRule(
        roles=frozenset({Role.OFFICIAL, Role.REVIEWER}), any_phase=True
    ),
    Action.COMMENT_AS_STAFF: ActionRule(roles=frozenset(Role) - {Role.ADMINISTRATOR}, any_phase=True),
    Action.MODERATE: ActionRule(roles=frozenset({Role.OFFICIAL}), any_phase=True),
    Action.MANAGE_EDITION: ActionRule(roles=frozenset({Role.OFFICIAL}), any_phase=True),
    Action.MANAGE_EXECUTION: ActionRule(roles=frozenset({Role.OFFICIAL})),
    Action.EVALUATE: ActionRule(roles=frozenset({Role.OFFICIAL}), any_phase=True),
    Action.WATCH_TURNOUT: ActionRule(roles=frozenset({Role.OFFICIAL})),
    Action.POST_IDEA: ActionRule(roles=None),
    Action.DRAFT_FROM_IDEA: ActionRule(roles=None),
    Action.ASK_PRECHECK: ActionRule(roles=None),
    # A pre-check asked in time is answered whatever the phase is by then.
    Action.ANSWER_PRECHECK: ActionRule(roles=frozenset({Role.REVIEWER, Role.OFFICIAL}), any_phase=True),
    # Staff of the district and the people of its named partners; development.coaching checks which.
    Action.COACH: ActionRule(roles=None),
    Action.SIGN_UP_FOR_WORKSHOP: ActionRule(roles=None),
    Action.MANAGE_DEVELOPMENT: ActionRule(roles=frozenset({Role.OFFICIAL}), any_phase=True),
}


# Actions that publish something under an account or mail its people: the account's e-mail
# address must be confirmed first (issue 12 §3).
NEEDS_CONFIRMED_EMAIL = frozenset({Action.SUBMIT_PLAN, Action.SUPPORT_PLAN, Action.COMMENT})


def phases_opening(edition: Edition, action: Action) -> tuple[PhaseKind, ...]:
    """The kinds of phase that open ``action`` under the edition's decision model, in chain order
    (whether or not the edition has them): e.g. where residents cast a ballot, for the casting SQL."""
    return kinds_opening(action, step_key(edition.decision_model, edition.hybrid_order))


def is_open(edition: Edition, action: Action, *, at: datetime | None = None) -> bool:
    """Whether the edition's phase at ``at`` (default now) opens ``action`` for anyone."""
    return ACTION_RULES[action].any_phase or action in timeline_of(edition, at=at).opens


def can(user: User | AnonymousUser, action: Action, edition: Edition, *, at: datetime | None = None) -> bool:
    """Whether ``user`` may perform ``action`` in ``edition`` at ``at`` (default now)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if action in NEEDS_CONFIRMED_EMAIL and getattr(user, "email_verified_at", None) is None:
        return False
    roles = ACTION_RULES[action].roles_for(edition)
    if roles is not None and not holds_role(user, edition.district_id, roles):
        return False
    return is_open(edition, action, at=at)


def holds_action_roles(user: User | AnonymousUser, action: Action, edition: Edition) -> bool:
    """Whether ``user`` holds the roles ``action`` asks in ``edition``, whatever the phase."""
    if not user.is_authenticated or not user.is_active:
        return False
    roles = ACTION_RULES[action].roles_for(edition)
    return roles is None or holds_role(user, edition.district_id, roles)


def may_in_district(user: User | AnonymousUser, action: Action, district_id: int) -> bool:
    """Whether ``user`` holds the roles of a phase-independent staff ``action`` in a district
    (for pages that span a district's editions, such as the moderation queue)."""
    rule = ACTION_RULES[action]
    if not rule.any_phase or rule.roles is None or rule.panel_roles is not None:
        raise ValueError(f"{action} depends on an edition: ask can() or holds_action_roles()")
    if not user.is_authenticated or not user.is_active:
        return False
    return holds_role(user, district_id, rule.roles)
