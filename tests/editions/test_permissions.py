"""``can()`` before, during and after every phase that opens an action, for everyone the rules tell apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role, User
from editions.models import Edition
from editions.permissions import ACTION_RULES, can, is_open
from editions.phases import PHASE_CHAIN, Action, PhaseKind
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

# Cases come from the declarations (PHASE_CHAIN, ACTION_RULES): a new action, or a phase that opens
# one more action, is covered without touching this file.
PHASE_BOUND = [
    pytest.param(action, spec.kind, id=f"{action.value}-in-{spec.kind.value}")
    for spec in PHASE_CHAIN
    for action in sorted(spec.opens)
    if not ACTION_RULES[action].any_phase
]
ANY_PHASE = [action for action, rule in ACTION_RULES.items() if rule.any_phase]


def _role_for(action: Action) -> Role:
    """A role the action asks for; for resident actions any staff role (staff are residents too)."""
    roles = ACTION_RULES[action].roles
    return sorted(roles)[0] if roles else Role.OFFICIAL


def _expected_when_open(action: Action, people: People) -> dict[str, tuple[User | AnonymousUser, bool]]:
    """Who may act while the action is open: label → (person, allowed)."""
    role = _role_for(action)
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
    opened = {action for spec in PHASE_CHAIN for action in spec.opens}
    assert {action for action, rule in ACTION_RULES.items() if not rule.any_phase} <= opened


@pytest.mark.django_db
@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize(("action", "kind"), PHASE_BOUND)
def test_action_is_allowed_only_during_a_phase_that_opens_it(
    action: Action,
    kind: PhaseKind,
    moment: Moment,
    people: People,
    district: District,
    freeze_time: Callable[[datetime], None],
) -> None:
    edition = factories.make_edition(district=district, phases=[(kind.value, PHASE_STARTS, PHASE_ENDS)])
    expected = _expected_when_open(action, people)
    if moment != "during":
        expected = {label: (person, False) for label, (person, _) in expected.items()}
    assert is_open(edition, action, at=MOMENTS[moment]) is (moment == "during")
    assert _mismatches(expected, action, edition, MOMENTS[moment]) == []
    freeze_time(MOMENTS[moment])
    assert _mismatches(expected, action, edition, None) == [], "with time frozen instead of at="


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "kind"),
    [
        pytest.param(action, spec.kind, id=f"{action.value}-not-in-{spec.kind.value}")
        for spec in PHASE_CHAIN
        for action in sorted(set(ACTION_RULES) - spec.opens)
        if not ACTION_RULES[action].any_phase
    ],
)
def test_action_is_refused_to_everyone_in_a_phase_that_does_not_open_it(
    action: Action, kind: PhaseKind, people: People, district: District
) -> None:
    edition = factories.make_edition(
        district=district, start=PHASE_STARTS, kinds=factories.VOTE_THEN_PANEL_KINDS
    )
    during_kind = next(p.starts_at for p in edition.phases.all() if p.kind == kind.value) + timedelta(hours=1)
    expected = {label: (person, False) for label, (person, _) in _expected_when_open(action, people).items()}
    assert _mismatches(expected, action, edition, during_kind) == []


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
