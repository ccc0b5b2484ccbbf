"""The committee's shortlist: feasible plans only, at most K even under concurrency, reasons published."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.db import OperationalError, close_old_connections, connection
from django.test import Client
from django.utils import translation

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from places.models import District
from proposals.models import Plan, PlanStatus
from review import services
from review.errors import ReviewError
from review.models import ShortlistEntry, ShortlistPublication
from review.selectors import public_shortlist
from tests import factories
from tests.conftest import People
from tests.helpers import page_text
from tests.refusals import refused


@pytest.fixture
def shortlist_edition(district: District) -> Edition:
    edition = factories.make_edition_in_phase("shortlist", district=district, shortlist_size=2)
    factories.make_theme(edition=edition, name="Groen")
    return edition


def feasible_plans(edition: Edition, count: int) -> list[Plan]:
    return [
        factories.make_plan(edition=edition, title=f"Plan {i + 1}", status=PlanStatus.FEASIBLE)
        for i in range(count)
    ]


@pytest.mark.django_db
def test_a_feasible_plan_goes_on_the_shortlist_with_its_reason_and_is_audited(
    shortlist_edition: Edition, committee_member: User
) -> None:
    (plan,) = feasible_plans(shortlist_edition, 1)
    entry = services.shortlist_plan(plan=plan, by=committee_member, reason="  Veel steun in de buurt.  ")
    assert (entry.reason, entry.chosen_by, entry.edition) == (
        "Veel steun in de buurt.",
        committee_member,
        shortlist_edition,
    )
    audit = AuditEntry.objects.get(action="shortlist.add")
    assert audit.after == {"shortlisted": True, "reason": "Veel steun in de buurt.", "count": 1, "limit": 2}
    # Choosing does not publish: the plan stays feasible until the shortlist is published.
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.FEASIBLE


@pytest.mark.django_db
def test_a_plan_without_a_reason_is_refused(shortlist_edition: Edition, committee_member: User) -> None:
    (plan,) = feasible_plans(shortlist_edition, 1)
    refused(
        lambda: services.shortlist_plan(plan=plan, by=committee_member, reason=" "),
        "reason_required",
        error=ReviewError,
    )
    assert not ShortlistEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PlanStatus.NOT_FEASIBLE, PlanStatus.IN_REVIEW, PlanStatus.WITHDRAWN])
def test_a_plan_that_is_not_feasible_is_refused_naming_its_status(
    shortlist_edition: Edition, committee_member: User, status: PlanStatus
) -> None:
    plan = factories.make_plan(edition=shortlist_edition, status=status)
    error = refused(
        lambda: services.shortlist_plan(plan=plan, by=committee_member, reason="Mooi."),
        "not_feasible",
        error=ReviewError,
    )
    with translation.override("en"):
        assert f"this one is “{status.label}”" in error.message
    assert not ShortlistEntry.objects.exists()


@pytest.mark.django_db
def test_more_than_k_plans_are_refused(shortlist_edition: Edition, committee_member: User) -> None:
    first, second, third = feasible_plans(shortlist_edition, 3)
    services.shortlist_plan(plan=first, by=committee_member, reason="Een.")
    services.shortlist_plan(plan=second, by=committee_member, reason="Twee.")
    error = refused(
        lambda: services.shortlist_plan(plan=third, by=committee_member, reason="Drie."),
        "shortlist_full",
        error=ReviewError,
    )
    with translation.override("en"):
        assert error.message == "The shortlist is full: it has 2 of at most 2 plans. Remove one first."
    assert ShortlistEntry.objects.count() == 2


@pytest.mark.django_db
def test_without_a_size_the_shortlist_has_no_limit(
    shortlist_edition: Edition, committee_member: User
) -> None:
    shortlist_edition.shortlist_size = None
    shortlist_edition.save()
    for plan in feasible_plans(shortlist_edition, 3):
        services.shortlist_plan(plan=plan, by=committee_member, reason="Goed.")
    assert ShortlistEntry.objects.count() == 3


@pytest.mark.django_db
def test_a_plan_goes_on_the_shortlist_once(shortlist_edition: Edition, committee_member: User) -> None:
    (plan,) = feasible_plans(shortlist_edition, 1)
    services.shortlist_plan(plan=plan, by=committee_member, reason="Goed.")
    refused(
        lambda: services.shortlist_plan(plan=plan, by=committee_member, reason="Nog eens."),
        "already_shortlisted",
        error=ReviewError,
    )


@pytest.mark.django_db
def test_taking_a_plan_off_frees_its_place(shortlist_edition: Edition, committee_member: User) -> None:
    first, second, third = feasible_plans(shortlist_edition, 3)
    services.shortlist_plan(plan=first, by=committee_member, reason="Een.")
    services.shortlist_plan(plan=second, by=committee_member, reason="Twee.")
    services.unshortlist_plan(plan=first, by=committee_member)
    services.shortlist_plan(plan=third, by=committee_member, reason="Drie.")
    assert set(ShortlistEntry.objects.values_list("plan", flat=True)) == {second.pk, third.pk}
    assert AuditEntry.objects.get(action="shortlist.remove").before == {"shortlisted": True, "reason": "Een."}
    refused(
        lambda: services.unshortlist_plan(plan=first, by=committee_member),
        "not_shortlisted",
        error=ReviewError,
    )


@pytest.mark.django_db
def test_publishing_shortlists_the_chosen_plans_and_tells_their_initiators(
    client: Client, shortlist_edition: Edition, committee_member: User
) -> None:
    chosen, other = feasible_plans(shortlist_edition, 2)
    services.shortlist_plan(plan=chosen, by=committee_member, reason="Verbindt de buurt.")
    assert public_shortlist(edition=shortlist_edition) is None
    services.publish_shortlist(edition=shortlist_edition, by=committee_member)
    assert Plan.objects.get(pk=chosen.pk).status == PlanStatus.SHORTLISTED
    assert Plan.objects.get(pk=other.pk).status == PlanStatus.FEASIBLE
    notification = Notification.objects.get(kind=NotificationKind.SHORTLISTED)
    assert (
        notification.recipient == chosen.initiator and notification.params["reason"] == "Verbindt de buurt."
    )
    assert AuditEntry.objects.filter(action="shortlist.publish").count() == 1
    with translation.override("en"):
        body = page_text(client.get(shortlist_edition.get_absolute_url()))
    assert "On " in body and "the committee chose this plan for the decision" in body
    assert "Verbindt de buurt." in body


@pytest.mark.django_db
def test_after_publication_the_shortlist_is_fixed(shortlist_edition: Edition, committee_member: User) -> None:
    first, second = feasible_plans(shortlist_edition, 2)
    services.shortlist_plan(plan=first, by=committee_member, reason="Een.")
    services.publish_shortlist(edition=shortlist_edition, by=committee_member)
    refused(
        lambda: services.shortlist_plan(plan=second, by=committee_member, reason="Twee."),
        "shortlist_published",
        error=ReviewError,
    )
    refused(
        lambda: services.unshortlist_plan(plan=first, by=committee_member),
        "shortlist_published",
        error=ReviewError,
    )
    refused(
        lambda: services.publish_shortlist(edition=shortlist_edition, by=committee_member),
        "shortlist_published",
        error=ReviewError,
    )
    assert ShortlistPublication.objects.count() == 1


@pytest.mark.django_db
def test_an_empty_shortlist_is_not_published(shortlist_edition: Edition, committee_member: User) -> None:
    refused(
        lambda: services.publish_shortlist(edition=shortlist_edition, by=committee_member),
        "shortlist_empty",
        error=ReviewError,
    )


@pytest.mark.django_db
def test_a_withdrawn_plan_on_the_shortlist_holds_back_publication(
    shortlist_edition: Edition, committee_member: User
) -> None:
    (plan,) = feasible_plans(shortlist_edition, 1)
    services.shortlist_plan(plan=plan, by=committee_member, reason="Een.")
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.WITHDRAWN)
    error = refused(
        lambda: services.publish_shortlist(edition=shortlist_edition, by=committee_member),
        "shortlist_plans_changed",
        error=ReviewError,
    )
    assert plan.title in error.message
    assert not ShortlistPublication.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("committee", True),
        ("administrator", True),
        ("superuser", True),
        ("reviewer", False),
        ("official", False),
        ("resident", False),
        ("committee_elsewhere", False),
    ],
)
def test_who_may_shortlist(shortlist_edition: Edition, people: People, who: str, allowed: bool) -> None:
    user = {
        "committee": people.staff[Role.COMMITTEE],
        "administrator": people.administrator,
        "superuser": people.superuser,
        "reviewer": people.staff[Role.REVIEWER],
        "official": people.staff[Role.OFFICIAL],
        "resident": people.resident,
        "committee_elsewhere": people.staff_elsewhere[Role.COMMITTEE],
    }[who]
    (plan,) = feasible_plans(shortlist_edition, 1)
    if allowed:
        services.shortlist_plan(plan=plan, by=user, reason="Goed.")
        services.publish_shortlist(edition=shortlist_edition, by=user)
        assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SHORTLISTED
    else:
        refused(
            lambda: services.shortlist_plan(plan=plan, by=user, reason="Goed."),
            "not_allowed",
            error=ReviewError,
        )
        refused(
            lambda: services.publish_shortlist(edition=shortlist_edition, by=user),
            "not_allowed",
            error=ReviewError,
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_the_committee_shortlists_only_during_the_shortlist_phase(
    shortlist_edition: Edition,
    committee_member: User,
    freeze_time: Callable[[datetime], None],
    moment: str,
    allowed: bool,
) -> None:
    (plan,) = feasible_plans(shortlist_edition, 1)
    phase = factories.phase_of(shortlist_edition, "shortlist")
    freeze_time(
        {
            "before": phase.starts_at - timedelta(seconds=1),
            "during": phase.starts_at,
            "after": phase.ends_at,
        }[moment]
    )
    if allowed:
        services.shortlist_plan(plan=plan, by=committee_member, reason="Goed.")
        services.publish_shortlist(edition=shortlist_edition, by=committee_member)
    else:
        refused(
            lambda: services.shortlist_plan(plan=plan, by=committee_member, reason="Goed."),
            "not_allowed",
            error=ReviewError,
        )
        refused(
            lambda: services.publish_shortlist(edition=shortlist_edition, by=committee_member),
            "not_allowed",
            error=ReviewError,
        )


@pytest.mark.django_db(transaction=True)
def test_two_members_taking_the_last_place_at_once_cannot_both_succeed(district: District) -> None:
    edition = factories.make_edition_in_phase("shortlist", district=district, shortlist_size=1)
    members = [factories.make_staff(role=Role.COMMITTEE, district=district) for _ in range(4)]
    plans = feasible_plans(edition, 4)
    barrier = threading.Barrier(len(plans))
    outcomes: list[str] = []

    def choose(plan: Plan, member: User) -> None:
        barrier.wait()
        try:
            for _attempt in range(200):
                try:
                    services.shortlist_plan(plan=plan, by=member, reason="Snel.")
                except OperationalError as error:
                    # The in-memory SQLite test database shares one cache between threads and
                    # answers "table is locked" at once where a database file would wait
                    # (busy_timeout): wait and retry, as the file database does by itself.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
                    continue
                except ReviewError as error:
                    outcomes.append(error.code)
                else:
                    outcomes.append("ok")
                return
        finally:
            connection.close()

    threads = [threading.Thread(target=choose, args=pair) for pair in zip(plans, members, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    assert sorted(outcomes) == ["ok", "shortlist_full", "shortlist_full", "shortlist_full"]
    assert ShortlistEntry.objects.count() == 1
