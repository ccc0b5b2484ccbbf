"""Extending a phase or closing it early: a reason, an official of its district, the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from backoffice.errors import PhaseDateError
from backoffice.services import close_phase_early, extend_phase
from editions.models import Edition
from places.models import District
from voting.models import VoteClosure

from .. import factories
from ..concurrency import run_at_once
from ..helpers import dutch


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district)


@pytest.fixture
def in_plans(district: District) -> Edition:
    return factories.make_edition_in_phase("plans", district=district)


def test_extending_a_running_phase_moves_the_next_phases_start_and_is_audited(
    in_plans: Edition, official: User
) -> None:
    plans = factories.phase_of(in_plans, "plans")
    new_end = plans.ends_at + timedelta(days=3)

    extend_phase(edition=in_plans, kind="plans", ends_at=new_end, reason="Storing website", by=official)

    assert factories.phase_of(in_plans, "plans").ends_at == new_end
    assert factories.phase_of(in_plans, "support").starts_at == new_end
    entry = AuditEntry.objects.get(action="editions.phase_extended")
    assert entry.actor == official and entry.edition == in_plans
    assert entry.before["plans"] == plans.ends_at.isoformat()
    assert entry.after["plans"] == new_end.isoformat() and entry.after["reason"] == "Storing website"
    assert "support.starts_at" in entry.after


def test_a_reason_is_required(in_plans: Edition, official: User) -> None:
    end = factories.phase_of(in_plans, "plans").ends_at
    with pytest.raises(PhaseDateError) as refused:
        extend_phase(
            edition=in_plans, kind="plans", ends_at=end + timedelta(days=1), reason="  ", by=official
        )
    assert refused.value.code == "reason_required"
    assert factories.phase_of(in_plans, "plans").ends_at == end
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("who", ["official_elsewhere", "reviewer", "resident"])
def test_only_the_districts_officials_move_a_phase(
    in_plans: Edition, district: District, other_district: District, who: str
) -> None:
    by = {
        "official_elsewhere": factories.make_staff(role=Role.OFFICIAL, district=other_district),
        "reviewer": factories.make_staff(role=Role.REVIEWER, district=district),
        "resident": factories.make_user(),
    }[who]
    end = factories.phase_of(in_plans, "plans").ends_at
    with pytest.raises(PhaseDateError) as refused:
        extend_phase(edition=in_plans, kind="plans", ends_at=end + timedelta(days=1), reason="x", by=by)
    assert refused.value.code == "not_allowed"
    with pytest.raises(PhaseDateError) as refused:
        close_phase_early(edition=in_plans, kind="plans", reason="x", by=by)
    assert refused.value.code == "not_allowed"
    assert factories.phase_of(in_plans, "plans").ends_at == end


def test_an_extension_must_be_later_and_leave_the_next_phase_time(in_plans: Edition, official: User) -> None:
    plans, support = factories.phase_of(in_plans, "plans"), factories.phase_of(in_plans, "support")
    with pytest.raises(PhaseDateError) as earlier:
        extend_phase(edition=in_plans, kind="plans", ends_at=plans.ends_at, reason="x", by=official)
    assert earlier.value.code == "not_later"
    with pytest.raises(PhaseDateError) as squeezed:
        extend_phase(edition=in_plans, kind="plans", ends_at=support.ends_at, reason="x", by=official)
    assert squeezed.value.code == "following_phase"
    assert factories.phase_of(in_plans, "support").starts_at == support.starts_at


def test_an_ended_phase_is_not_extended_and_a_phase_to_come_is_not_closed(
    in_plans: Edition, official: User
) -> None:
    information = factories.phase_of(in_plans, "information")
    with pytest.raises(PhaseDateError) as ended:
        extend_phase(
            edition=in_plans,
            kind="information",
            ends_at=information.ends_at + timedelta(days=1),
            reason="x",
            by=official,
        )
    assert ended.value.code == "already_ended"
    with pytest.raises(PhaseDateError) as to_come:
        close_phase_early(edition=in_plans, kind="review", reason="x", by=official)
    assert to_come.value.code == "not_running"


def test_closing_a_phase_early_ends_it_now_and_is_audited(in_plans: Edition, official: User) -> None:
    close_phase_early(edition=in_plans, kind="plans", reason="Genoeg plannen", by=official)

    plans = factories.phase_of(in_plans, "plans")
    assert timezone.now() - plans.ends_at < timedelta(seconds=5)
    entry = AuditEntry.objects.get(action="editions.phase_closed_early")
    assert entry.after["reason"] == "Genoeg plannen" and entry.actor == official


def test_closing_the_decision_phase_of_an_open_vote_closes_the_vote_through_its_own_service(
    district: District, official: User
) -> None:
    edition, _ = factories.make_vote(district=district)

    close_phase_early(edition=edition, kind="decision", reason="Stembus vol", by=official)

    closure = VoteClosure.objects.get(edition=edition)
    assert closure.reason == "Stembus vol" and closure.closed_by == official
    assert factories.phase_of(edition, "decision").ends_at == closure.closed_at
    assert AuditEntry.objects.filter(action="voting.closed_early", edition=edition).exists()


@pytest.mark.parametrize("code", sorted(PhaseDateError.messages))
def test_every_refusal_has_a_dutch_message(code: str) -> None:
    with translation.override("en"):
        msgid = str(PhaseDateError.messages[code])
    assert dutch(msgid)


@pytest.mark.django_db(transaction=True)
def test_two_officials_extending_the_same_phase_at_once_extend_it_once() -> None:
    district = factories.make_district()
    edition = factories.make_edition_in_phase("plans", district=district)
    officials = [factories.make_staff(role=Role.OFFICIAL, district=district) for _ in range(2)]
    new_end = factories.phase_of(edition, "plans").ends_at + timedelta(days=2)

    def extend_as(by: User) -> Callable[[], object]:
        return lambda: extend_phase(edition=edition, kind="plans", ends_at=new_end, reason="Storing", by=by)

    outcomes = run_at_once([extend_as(by) for by in officials])

    assert sorted(outcomes) == ["not_later", "ok"]
    assert factories.phase_of(edition, "plans").ends_at == new_end
    assert AuditEntry.objects.filter(action="editions.phase_extended").count() == 1
