"""Publishing verdicts: together, from the edition's date, with statuses, costs, notifications and audit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from proposals.models import Plan, PlanStatus
from review import services
from review.errors import ReviewError
from review.models import Review, Verdict, VerdictPublication
from review.selectors import public_review
from tests import factories
from tests.conftest import People
from tests.helpers import page_text
from tests.refusals import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def verdicts(review_edition: Edition, plan: Plan, reviewer: User) -> tuple[Plan, Plan]:
    """Two plans with recorded verdicts: ``plan`` feasible at a higher cost, another not feasible."""
    factories.make_review(
        plan=plan,
        verdict=Verdict.FEASIBLE,
        adjusted_cost_cents=1_500_000,
        cost_change_reason="Grondwerk is duurder dan gedacht.",
        reviewer=reviewer,
    )
    Review.objects.filter(plan=plan).update(internal_remarks="Geheim: wethouder vindt dit leuk.")
    rejected = factories.make_plan(edition=review_edition, title="Skatebaan op het dak")
    factories.make_review(
        plan=rejected,
        verdict=Verdict.NOT_FEASIBLE,
        public_explanation="Het dak draagt een skatebaan niet.",
        outcome="not_ok",
        reviewer=reviewer,
    )
    return plan, rejected


def test_verdicts_cannot_be_published_before_the_date_and_nothing_changes(
    review_edition: Edition, verdicts: tuple[Plan, Plan], reviewer: User
) -> None:
    error = refused(
        lambda: services.publish_verdicts(edition=review_edition, by=reviewer),
        "before_publication_date",
        error=ReviewError,
    )
    end = factories.phase_of(review_edition, "review").ends_at
    with translation.override("en"):
        assert str(end.astimezone().year) in error.message and "too early" in error.message
    assert not VerdictPublication.objects.exists()
    assert set(Plan.objects.values_list("status", flat=True)) == {PlanStatus.IN_REVIEW}
    assert not Notification.objects.filter(kind=NotificationKind.VERDICT).exists()


def test_the_editions_own_date_can_come_before_the_end_of_the_review_phase(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    freeze_time: Callable[[datetime], None],
) -> None:
    phase = factories.phase_of(review_edition, "review")
    review_edition.verdicts_publish_at = phase.ends_at - timedelta(days=2)
    review_edition.save()
    freeze_time(review_edition.verdicts_publish_at - timedelta(seconds=1))
    refused(
        lambda: services.publish_verdicts(edition=review_edition, by=reviewer),
        "before_publication_date",
        error=ReviewError,
    )
    freeze_time(review_edition.verdicts_publish_at)
    assert services.publish_verdicts(edition=review_edition, by=reviewer).created


def test_publishing_applies_every_verdict_at_once(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    initiator: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    feasible, rejected = verdicts
    freeze_time(after_review)
    result = services.publish_verdicts(edition=review_edition, by=reviewer)
    assert result.created and result.publication.verdict_count == 2
    feasible.refresh_from_db()
    rejected.refresh_from_db()
    assert (feasible.status, feasible.reviewed_cost_cents) == (PlanStatus.FEASIBLE, 1_500_000)
    assert (rejected.status, rejected.reviewed_cost_cents) == (PlanStatus.NOT_FEASIBLE, None)
    notification = Notification.objects.get(kind=NotificationKind.VERDICT, recipient=initiator)
    assert notification.params["verdict"] == "Feasible"
    assert "Grondwerk" in notification.params["explanation"]
    # The verdict replaces the plain status-change notice.
    assert not Notification.objects.filter(kind=NotificationKind.STATUS_CHANGED, recipient=initiator).exists()
    assert AuditEntry.objects.filter(action="review.publish").count() == 2
    entry = AuditEntry.objects.get(action="review.publish", object_id=str(feasible.pk))
    assert entry.before == {"status": "in_review", "reviewed_cost_cents": None}
    assert entry.after["status"] == "feasible" and entry.after["reviewed_cost_cents"] == 1_500_000
    assert AuditEntry.objects.filter(action="review.publish_verdicts").count() == 1


def test_publishing_twice_changes_nothing_the_second_time(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    freeze_time(after_review)
    first = services.publish_verdicts(edition=review_edition, by=reviewer)
    second = services.publish_verdicts(edition=review_edition, by=reviewer)
    assert not second.created and second.publication == first.publication
    assert Notification.objects.filter(kind=NotificationKind.VERDICT).count() == 2
    assert AuditEntry.objects.filter(action="review.publish_verdicts").count() == 1


def test_a_plan_in_review_without_a_verdict_holds_the_publication_back_and_is_named(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    factories.make_plan(edition=review_edition, title="Bankje bij de bieb", status=PlanStatus.IN_REVIEW)
    freeze_time(after_review)
    error = refused(
        lambda: services.publish_verdicts(edition=review_edition, by=reviewer),
        "verdicts_missing",
        error=ReviewError,
    )
    assert "“Bankje bij de bieb”" in error.message
    assert not VerdictPublication.objects.exists()
    assert Plan.objects.filter(status=PlanStatus.IN_REVIEW).count() == 3


def test_a_plan_whose_initiators_let_the_deadline_pass_gets_its_verdict_published(
    review_edition: Edition,
    plan: Plan,
    reviewer: User,
    freeze_time: Callable[[datetime], None],
    after_review: datetime,
) -> None:
    factories.make_review(plan=plan)
    services.request_changes(
        plan=plan, by=reviewer, message="Tekening?", deadline=after_review - timedelta(days=2)
    )
    freeze_time(after_review - timedelta(days=1))
    services.record_verdict(
        plan=plan, by=reviewer, verdict=Verdict.NOT_FEASIBLE, public_explanation="Geen reactie."
    )
    freeze_time(after_review)
    services.publish_verdicts(edition=review_edition, by=reviewer)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.NOT_FEASIBLE


def test_there_must_be_something_to_publish(
    review_edition: Edition, reviewer: User, after_review: datetime, freeze_time: Callable[[datetime], None]
) -> None:
    freeze_time(after_review)
    refused(
        lambda: services.publish_verdicts(edition=review_edition, by=reviewer),
        "nothing_to_publish",
        error=ReviewError,
    )


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("reviewer", True),
        ("official", True),
        ("administrator", True),
        ("superuser", True),
        ("committee", False),
        ("resident", False),
        ("reviewer_elsewhere", False),
    ],
)
def test_who_may_publish_verdicts_after_the_review_phase(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    people: People,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
    who: str,
    allowed: bool,
) -> None:
    user = {
        "reviewer": people.staff[Role.REVIEWER],
        "official": people.staff[Role.OFFICIAL],
        "administrator": people.administrator,
        "superuser": people.superuser,
        "committee": people.staff[Role.COMMITTEE],
        "resident": people.resident,
        "reviewer_elsewhere": people.staff_elsewhere[Role.REVIEWER],
    }[who]
    freeze_time(after_review + timedelta(days=15))  # well into a later phase: publishing ignores phases
    if allowed:
        assert services.publish_verdicts(edition=review_edition, by=user).created
    else:
        refused(
            lambda: services.publish_verdicts(edition=review_edition, by=user),
            "not_allowed",
            error=ReviewError,
        )
        assert not VerdictPublication.objects.exists()


def test_the_public_sees_the_verdict_explanation_cost_and_checklist_but_no_internal_remarks(
    client: Client,
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    feasible, rejected = verdicts
    with translation.override("en"):
        feasible_url, rejected_url = feasible.get_absolute_url(), rejected.get_absolute_url()
    assert public_review(plan=feasible) is None
    assert "Grondwerk" not in page_text(client.get(feasible_url))
    freeze_time(after_review)
    services.publish_verdicts(edition=review_edition, by=reviewer)
    body = page_text(client.get(feasible_url))
    assert "Feasibility review: " in body and "Feasible" in body
    assert "€15,000" in body and "Grondwerk is duurder dan gedacht." in body
    assert "Public benefit" in body
    assert "Geheim" not in body and reviewer.email not in body and reviewer.display_name not in body
    body = page_text(client.get(rejected_url))
    assert "Not feasible" in body and "Het dak draagt een skatebaan niet." in body
    review = public_review(plan=rejected)
    assert review is not None and [c.outcome for c in review.checks] == ["not_ok"] * 5


def test_the_command_publishes_every_edition_that_is_due(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    later = factories.make_edition_in_phase("plans", district=review_edition.district)
    factories.make_review(plan=factories.make_plan(edition=later), verdict=Verdict.FEASIBLE)
    out = StringIO()
    freeze_time(after_review)
    call_command("publish_due_verdicts", "--by", reviewer.email, stdout=out)
    assert f"{review_edition.slug}: published 2 verdicts" in out.getvalue()
    assert list(VerdictPublication.objects.values_list("edition", flat=True)) == [review_edition.pk]
    out = StringIO()
    call_command("publish_due_verdicts", "--by", reviewer.email, stdout=out)
    assert "No verdicts are due." in out.getvalue()


def test_the_command_reports_an_edition_it_cannot_publish(
    review_edition: Edition,
    verdicts: tuple[Plan, Plan],
    reviewer: User,
    after_review: datetime,
    freeze_time: Callable[[datetime], None],
) -> None:
    factories.make_plan(edition=review_edition, title="Zonder oordeel", status=PlanStatus.IN_REVIEW)
    freeze_time(after_review)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("publish_due_verdicts", "--by", reviewer.email, stderr=err)
    assert "Zonder oordeel" in err.getvalue()
    assert not VerdictPublication.objects.exists()
