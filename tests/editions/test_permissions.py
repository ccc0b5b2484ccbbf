"""``can()`` before, during and after every phase that opens an action, for everyone the rules tell apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role, User
from editions.models import DecisionModel, Edition, HybridOrder
from editions.permissions import ACTION_RULES, can, holds_action_roles, is_open, phases_opening
from editions.phases import PHASE_CHAIN, PHASES, Action, PhaseKind, Step, step_key
from places.models import District
from tests import factories
from tests.conftest import People

Moment = Literal["before", "during", "after"]

PHASE_STARTS = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
PHASE_ENDS = PHASE_STARTS + factories.PHASE_LENGTH
MOMENTS: dict[Moment, datetime] = {
    "before": PHASE_STARTS - timedelta(seconds=1),
    "during": PHASE_STARTS + factories.PHASE_LENGTH / 2,
    "after": PHASE_ENDS,  # a phase ends at ends_at: that instant is already after it
}

# Cases come from the declarations (PHASE_CHAIN per step, ACTION_RULES): a new action, a phase that
# opens one more action, or a decision model that opens it elsewhere is covered without touching
# this file.
PHASE_BOUND = [
    pytest.param(step, action, spec.kind, id=f"{step.value}-{action.value}-in-{spec.kind.value}")
    for step in Step
    for spec in PHASE_CHAIN
    for action in sorted(spec.opens_for(step))
    if not ACTION_RULES[action].any_phase
]
ANY_PHASE = [action for action, rule in ACTION_RULES.items() if rule.any_phase]


def model_fields(step: Step) -> dict[str, Any]:
    """The edition fields of a step: its decision model, and its order if it is a hybrid."""
    if step in (Step.PANEL_THEN_VOTE, Step.VOTE_THEN_PANEL):
        return {"decision_model": DecisionModel.HYBRID, "hybrid_order": step.value}
    return {"decision_model": step.value}


def chain_of(step: Step) -> tuple[str, ...]:
    """Every phase an edition of this step can have (the panel phase only where the public votes first)."""
    return factories.VOTE_THEN_PANEL_KINDS if step == Step.VOTE_THEN_PANEL else factories.ALL_PHASE_KINDS


def _role_for(action: Action, edition: Edition | None = None) -> Role:
    """A role the action asks for; for resident actions any staff role (staff are residents too)."""
    rule = ACTION_RULES[action]
    roles = rule.roles_for(edition) if edition is not None else rule.roles
    return sorted(roles)[0] if roles else Role.OFFICIAL


def _expected_when_open(
    action: Action, people: People, edition: Edition | None = None
) -> dict[str, tuple[User | AnonymousUser, bool]]:
    """Who may act while the action is open: label → (person, allowed)."""
    role = _role_for(action, edition)
    for_residents = ACTION_RULES[action].roles is None
    return {
        "resident": (people.resident, for_residents),
        "anonymous": (AnonymousUser(), False),
        "inactive administrator of the district": (people.inactive, False),
        "staff with the role in the district": (people.staff[role], True),
        "staff with the role in another district": (people.staff_elsewhere[role], for_residents),
        "administrator of the district": (people.administrator, True),
        "administrator of another district": (people.administrator_elsewhere, for_residents),
        "superuser": (people.superuser, True),
    }


def _mismatches(
    expected: dict[str, tuple[User | AnonymousUser, bool]],
    action: Action,
    edition: Edition,
    at: datetime | None,
) -> list[str]:
    """Who ``can`` treats otherwise than expected, at ``at`` (None: at the frozen current time)."""
    return [
        f"{label}: expected {allowed}"
        for label, (person, allowed) in expected.items()
        if can(person, action, edition, at=at) is not allowed
    ]


def test_every_action_has_a_rule() -> None:
    assert set(ACTION_RULES) == set(Action)


def test_every_phase_bound_action_is_opened_by_some_phase() -> None:
    opened = {action for step in Step for spec in PHASE_CHAIN for action in spec.opens_for(step)}
    assert {action for action, rule in ACTION_RULES.items() if not rule.any_phase} <= opened


def test_the_steps_are_the_decision_models_and_hybrid_orders() -> None:
    steps = {step_key(model, "") for model in DecisionModel if model != DecisionModel.HYBRID}
    steps |= {step_key(DecisionModel.HYBRID, order) for order in HybridOrder}
    assert steps == set(Step)


@pytest.mark.django_db
@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("step", "action", "kind"), PHASE_BOUND)
def test_action_is_allowed_only_during_a_phase_that_opens_it(
    step: Step,
    action: Action,
    kind: PhaseKind,
    moment: Moment,
    people: People,
    district: District,
    freeze_time: Callable[[datetime], None],
) -> None:
    edition = factories.make_edition(
        district=district, phases=[(kind.value, PHASE_STARTS, PHASE_ENDS)], **model_fields(step)
    )
    expected = _expected_when_open(action, people, edition)
    if moment != "during":
        expected = {label: (person, False) for label, (person, _) in expected.items()}
    assert is_open(edition, action, at=MOMENTS[moment]) is (moment == "during")
    assert _mismatches(expected, action, edition, MOMENTS[moment]) == []
    freeze_time(MOMENTS[moment])
    assert _mismatches(expected, action, edition, None) == [], "with time frozen instead of at="


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("step", "action", "kind"),
    [
        pytest.param(step, action, PhaseKind(kind), id=f"{step.value}-{action.value}-not-in-{kind}")
        for step in Step
        for kind in chain_of(step)
        for action in sorted(set(ACTION_RULES) - PHASES[kind].opens_for(step))
        if not ACTION_RULES[action].any_phase
    ],
)
def test_action_is_refused_to_everyone_in_a_phase_that_does_not_open_it(
    step: Step, action: Action, kind: PhaseKind, people: People, district: District
) -> None:
    edition = factories.make_edition(
        district=district, start=PHASE_STARTS, kinds=chain_of(step), **model_fields(step)
    )
    during_kind = next(p.starts_at for p in edition.phases.all() if p.kind == kind.value) + timedelta(hours=1)
    expected = {
        label: (person, False) for label, (person, _) in _expected_when_open(action, people, edition).items()
    }
    assert _mismatches(expected, action, edition, during_kind) == []


@pytest.mark.django_db
@pytest.mark.parametrize("step", list(Step), ids=str)
def test_each_phase_of_an_edition_opens_what_its_decision_model_declares(
    step: Step, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    edition = factories.make_edition(
        district=district, start=PHASE_STARTS, kinds=chain_of(step), **model_fields(step)
    )
    for phase in edition.phases.all():
        freeze_time(phase.starts_at + (phase.ends_at - phase.starts_at) / 2)
        opened = {action for action in Action if is_open(edition, action)} - set(ANY_PHASE)
        assert opened == PHASES[phase.kind].opens_for(step), phase.kind
    for kind in chain_of(step):
        assert kind not in phases_opening(edition, Action.VOTE) or kind == PhaseKind.DECISION


# What the declaration must say per decision model, written out by hand (not generated from it).
VOTE_PHASES = {
    Step.ONLINE_VOTE: (PhaseKind.DECISION,),
    Step.PANEL: (),
    Step.PANEL_THEN_VOTE: (PhaseKind.DECISION,),
    Step.VOTE_THEN_PANEL: (PhaseKind.DECISION,),
}
PANEL_DECISION_PHASES = {
    Step.ONLINE_VOTE: (),
    Step.PANEL: (PhaseKind.DECISION,),
    Step.PANEL_THEN_VOTE: (),
    Step.VOTE_THEN_PANEL: (PhaseKind.PANEL,),
}


@pytest.mark.parametrize("step", list(Step), ids=str)
def test_residents_vote_in_the_decision_phase_unless_the_panel_alone_decides(step: Step) -> None:
    edition = Edition(**model_fields(step))
    assert phases_opening(edition, Action.VOTE) == VOTE_PHASES[step]
    assert phases_opening(edition, Action.ENTER_PAPER_BALLOT) == VOTE_PHASES[step]


@pytest.mark.parametrize("step", list(Step), ids=str)
def test_the_panel_decides_in_the_decision_phase_alone_or_after_the_vote(step: Step) -> None:
    assert (
        phases_opening(Edition(**model_fields(step)), Action.RECORD_PANEL_DECISION)
        == (PANEL_DECISION_PHASES[step])
    )


def test_residents_sign_up_for_a_panel_only_where_a_panel_takes_part() -> None:
    assert phases_opening(Edition(**model_fields(Step.ONLINE_VOTE)), Action.SIGN_UP_FOR_PANEL) == ()
    for step in (Step.PANEL, Step.PANEL_THEN_VOTE, Step.VOTE_THEN_PANEL):
        assert PhaseKind.PLANS in phases_opening(Edition(**model_fields(step)), Action.SIGN_UP_FOR_PANEL)


@pytest.mark.django_db
def test_a_panel_editions_decision_phase_does_not_open_the_vote(
    people: People, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    panel = factories.make_edition(
        district=district, decision_model="panel", phases=[("decision", PHASE_STARTS, PHASE_ENDS)]
    )
    freeze_time(MOMENTS["during"])
    assert not is_open(panel, Action.VOTE)
    assert not can(people.resident, Action.VOTE, panel)
    assert not can(people.staff[Role.OFFICIAL], Action.ENTER_PAPER_BALLOT, panel)
    assert can(people.staff[Role.FACILITATOR], Action.RECORD_PANEL_DECISION, panel)


@pytest.mark.django_db
def test_holds_action_roles_ignores_the_phase_but_not_the_district(
    people: People, district: District
) -> None:
    edition = factories.make_edition(district=district, start=PHASE_STARTS + 100 * factories.PHASE_LENGTH)
    assert holds_action_roles(people.staff[Role.OFFICIAL], Action.RUN_COUNT, edition)
    assert not can(people.staff[Role.OFFICIAL], Action.RUN_COUNT, edition)
    assert not holds_action_roles(people.staff_elsewhere[Role.OFFICIAL], Action.RUN_COUNT, edition)
    assert not holds_action_roles(people.inactive, Action.RUN_COUNT, edition)


@pytest.mark.django_db
@pytest.mark.parametrize("moment", ["before the first phase", "during a phase", "after the last phase"])
@pytest.mark.parametrize("action", ANY_PHASE, ids=str)
def test_phase_independent_action_follows_only_the_role(
    action: Action, moment: str, people: People, district: District
) -> None:
    edition = factories.make_edition(district=district, start=PHASE_STARTS)
    at = {
        "before the first phase": PHASE_STARTS - timedelta(days=1),
        "during a phase": PHASE_STARTS + timedelta(days=1),
        "after the last phase": PHASE_STARTS + 100 * factories.PHASE_LENGTH,
    }[moment]
    assert _mismatches(_expected_when_open(action, people), action, edition, at) == []


@pytest.mark.django_db
def test_can_uses_the_current_time_when_no_moment_is_given(
    people: People, district: District, freeze_time: Callable[[datetime], None]
) -> None:
    edition = factories.make_edition(district=district, phases=[("decision", PHASE_STARTS, PHASE_ENDS)])
    freeze_time(MOMENTS["during"])
    assert can(people.resident, Action.VOTE, edition)
    freeze_time(MOMENTS["after"])
    assert not can(people.resident, Action.VOTE, edition)


@pytest.mark.django_db
@pytest.mark.parametrize("action", [Action.SHORTLIST_PLAN, Action.PUBLISH_SHORTLIST], ids=str)
def test_when_the_panel_shortlists_the_facilitator_holds_the_shortlist_instead_of_the_committee(
    action: Action, people: People, district: District
) -> None:
    panel_first = factories.make_edition_in_phase(
        "shortlist", district=district, decision_model="hybrid", hybrid_order="panel_then_vote"
    )
    vote_first = factories.make_edition_in_phase(
        "shortlist", district=district, decision_model="hybrid", hybrid_order="vote_then_panel"
    )
    assert can(people.staff[Role.FACILITATOR], action, panel_first)
    assert not can(people.staff[Role.COMMITTEE], action, panel_first)
    assert can(people.staff[Role.COMMITTEE], action, vote_first)
    assert not can(people.staff[Role.FACILITATOR], action, vote_first)
    assert not can(people.staff_elsewhere[Role.FACILITATOR], action, panel_first)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "phase"),
    [(Action.SUBMIT_PLAN, "plans"), (Action.SUPPORT_PLAN, "support"), (Action.COMMENT, "plans")],
    ids=str,
)
def test_an_unconfirmed_address_may_not_submit_support_or_comment_until_confirmed(
    district: District, action: Action, phase: str
) -> None:
    edition = factories.make_edition(district=district, phases=[(phase, PHASE_STARTS, PHASE_ENDS)])
    unconfirmed = factories.make_user(email_verified_at=None)
    during = MOMENTS["during"]
    assert not can(unconfirmed, action, edition, at=during)
    unconfirmed.email_verified_at = PHASE_STARTS
    assert can(unconfirmed, action, edition, at=during)


@pytest.mark.django_db
def test_an_unconfirmed_address_may_still_do_what_needs_no_confirmation(district: District) -> None:
    edition = factories.make_edition(district=district, phases=[("decision", PHASE_STARTS, PHASE_ENDS)])
    assert can(factories.make_user(email_verified_at=None), Action.VOTE, edition, at=MOMENTS["during"])
