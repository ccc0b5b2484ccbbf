"""A phase with entries keeps its dates in the admin's forms; only the phase-date service moves them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from backoffice.entries import phase_has_entries
from editions.models import Edition, Phase
from places.models import District
from proposals.models import PlanStatus
from voting.services.casting import cast_ballot, credential_for_code

from .. import factories
from .forms import form_data


def _url(name: str, *args: object) -> str:
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


def _cast(edition: Edition, plan_pk: int) -> None:
    _, code = factories.make_voter(edition=edition)
    credential = credential_for_code(edition=edition, code=code, client_ip="192.0.2.1")
    cast_ballot(edition=edition, credential=credential, ballot={"main": [plan_pk]})


def test_a_plans_phase_has_entries_once_a_plan_is_submitted(district: District) -> None:
    edition = factories.make_edition_in_phase("plans", district=district)
    factories.make_plan(edition=edition, status=PlanStatus.DRAFT)
    assert not phase_has_entries(factories.phase_of(edition, "plans"))
    factories.make_plan(edition=edition)
    assert phase_has_entries(factories.phase_of(edition, "plans"))


def test_support_review_and_decision_phases_have_entries_once_liked_judged_and_voted(
    district: District,
) -> None:
    edition, plans = factories.make_vote(district=district)
    for kind in ("support", "review", "decision", "result"):
        assert not phase_has_entries(factories.phase_of(edition, kind)), kind
    factories.make_likes(plan=plans[0], count=1)
    factories.make_review(plan=factories.make_plan(edition=edition), verdict="feasible")
    _cast(edition, plans[0].pk)
    for kind in ("support", "review", "decision"):
        assert phase_has_entries(factories.phase_of(edition, kind)), kind
    assert not phase_has_entries(factories.phase_of(edition, "information"))


@pytest.fixture
def official(district: District) -> User:
    return factories.make_staff(role=Role.OFFICIAL, district=district, is_staff=True)


@pytest.fixture
def vote_with_a_ballot(district: District) -> Edition:
    edition, plans = factories.make_vote(district=district)
    _cast(edition, plans[0].pk)
    return edition


def _prefix(data: dict[str, list[str]], phase: Phase) -> str:
    """The form prefix of ``phase``'s row in the edition's phase formset."""
    return next(
        key[: -len("-id")] for key, value in data.items() if key.endswith("-id") and value == [str(phase.pk)]
    )


def test_moving_the_end_of_a_decision_phase_with_ballots_in_the_edition_form_changes_nothing(
    client: Client, official: User, vote_with_a_ballot: Edition
) -> None:
    """The attack in the issue: a vote closed by moving its phase's end in the admin."""
    decision = factories.phase_of(vote_with_a_ballot, "decision")
    client.force_login(official)
    url = _url("editions_edition_change", vote_with_a_ballot.pk)
    page = client.get(url).content.decode()
    data = form_data(page)
    prefix = _prefix(data, decision)
    assert f"{prefix}-ends_at_0" not in data, "the frozen phase's dates are not editable fields"
    yesterday = timezone.localtime() - timedelta(days=1)
    data[f"{prefix}-ends_at_0"] = [yesterday.strftime("%Y-%m-%d")]
    data[f"{prefix}-ends_at_1"] = [yesterday.strftime("%H:%M:%S")]
    data["_save"] = ["Save"]

    client.post(url, data)

    assert Phase.objects.get(pk=decision.pk).ends_at == decision.ends_at
    assert "Extend or close a phase early" in page


def test_a_phase_with_entries_cannot_be_removed_in_the_edition_form(
    client: Client, official: User, vote_with_a_ballot: Edition
) -> None:
    decision = factories.phase_of(vote_with_a_ballot, "decision")
    client.force_login(official)
    url = _url("editions_edition_change", vote_with_a_ballot.pk)
    data = form_data(client.get(url).content.decode())
    prefix = _prefix(data, decision)
    data[f"{prefix}-DELETE"] = ["on"]
    data["_save"] = ["Save"]

    response = client.post(url, data)

    assert response.status_code == 200
    assert "already has entries, so it cannot be removed here" in response.content.decode()
    assert Phase.objects.filter(pk=decision.pk).exists()


def test_a_phase_without_entries_still_moves_in_the_edition_form(
    client: Client, official: User, vote_with_a_ballot: Edition
) -> None:
    evaluation = factories.phase_of(vote_with_a_ballot, "evaluation")
    client.force_login(official)
    url = _url("editions_edition_change", vote_with_a_ballot.pk)
    data = form_data(client.get(url).content.decode())
    prefix = _prefix(data, evaluation)
    later = timezone.localtime(evaluation.ends_at) + timedelta(days=2)
    data[f"{prefix}-ends_at_0"] = [later.strftime("%Y-%m-%d")]
    data[f"{prefix}-ends_at_1"] = [later.strftime("%H:%M:%S")]
    data["_save"] = ["Save"]

    assert client.post(url, data).status_code == 302
    assert Phase.objects.get(pk=evaluation.pk).ends_at.replace(microsecond=0) == later.replace(microsecond=0)


def test_another_districts_official_posting_the_edition_form_with_a_moved_decision_end_changes_nothing(
    client: Client, vote_with_a_ballot: Edition, other_district: District
) -> None:
    """The issue's attack as it was done: Noord's official moves the end of Zuidoost's running vote."""
    decision = factories.phase_of(vote_with_a_ballot, "decision")
    url = _url("editions_edition_change", vote_with_a_ballot.pk)
    client.force_login(factories.make_user(is_staff=True, is_superuser=True))
    data = form_data(client.get(url).content.decode())  # the whole form, as the attacker would forge it
    prefix = _prefix(data, decision)
    yesterday = timezone.localtime() - timedelta(days=1)
    data[f"{prefix}-ends_at_0"] = [yesterday.strftime("%Y-%m-%d")]
    data[f"{prefix}-ends_at_1"] = [yesterday.strftime("%H:%M:%S")]
    data["_save"] = ["Save"]
    client.force_login(factories.make_staff(role=Role.OFFICIAL, district=other_district, is_staff=True))
    entries_before = AuditEntry.objects.filter(edition=vote_with_a_ballot).count()

    response = client.post(url, data)

    assert response.status_code == 302 and response["Location"].rstrip("/").endswith("/beheer")
    assert Phase.objects.get(pk=decision.pk).ends_at == decision.ends_at
    assert AuditEntry.objects.filter(edition=vote_with_a_ballot).count() == entries_before
