"""Supporting an idea: once per person, never one's own, taken back; two clicks at once make one."""

from __future__ import annotations

import pytest

from accounts.models import User
from development.ideas.services.support import support_idea, withdraw_support
from development.models import Idea, IdeaSupport
from editions.models import Edition
from tests import factories
from tests.concurrency import run_at_once
from tests.refusals import refused

from .helpers import make_idea


def _supports(idea: Idea) -> int:
    return IdeaSupport.objects.filter(idea=idea).count()


def test_a_resident_supports_an_idea_once(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition)
    support_idea(idea=idea, user=resident)
    refused(
        lambda: support_idea(idea=idea, user=resident), "already_supported", unchanged=lambda: _supports(idea)
    )
    assert _supports(idea) == 1


def test_nobody_supports_their_own_idea(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition, initiator=resident)
    refused(
        lambda: support_idea(idea=idea, user=resident),
        "cannot_support_own_idea",
        unchanged=lambda: _supports(idea),
    )


def test_support_is_taken_back(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition)
    support_idea(idea=idea, user=resident)
    withdraw_support(idea=idea, user=resident)
    assert _supports(idea) == 0
    refused(lambda: withdraw_support(idea=idea, user=resident), "not_supported")


def test_support_closes_with_the_phase(edition: Edition, resident: User) -> None:
    idea = make_idea(edition=edition)
    support_phase = factories.phase_of(edition, "support")
    refused(
        lambda: support_idea(idea=idea, user=resident, at=support_phase.starts_at),
        "ideas_closed",
        unchanged=lambda: _supports(idea),
    )


@pytest.mark.django_db(transaction=True)
def test_two_supports_at_once_by_one_person_make_one() -> None:
    edition = factories.make_edition()
    idea = make_idea(edition=edition)
    fan = factories.make_user()

    def click() -> None:
        support_idea(idea=Idea.objects.select_related("edition").get(pk=idea.pk), user=fan)

    outcomes = run_at_once([click, click])
    assert sorted(outcomes) == ["already_supported", "ok"]
    assert _supports(idea) == 1
