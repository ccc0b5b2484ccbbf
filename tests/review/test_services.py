"""Reviewing a plan: starting, the checklist, verdicts, change requests; every refusal changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from proposals.models import Plan, PlanRevision, PlanStatus
from proposals.selectors.revisions import snapshot_of
from review import services
from review.errors import ReviewError
from review.models import ChangeRequest, Review, ReviewCheck, Verdict, VerdictPublication
from review.selectors import public_review, review_page
from review.services import CheckAnswer
from tests import factories
from tests.conftest import People
from tests.refusals import refused

pytestmark = pytest.mark.django_db

ALL_OK = {
    key: CheckAnswer("ok") for key in ("legal", "financial", "spatial", "maintenance", "public_benefit")
}


def reviewed(plan: Plan, reviewer: User) -> Plan:
    services.start_review(plan=plan, by=reviewer)
    services.record_checks(plan=plan, by=reviewer, checks=ALL_OK)
    return plan


# ---------------------------------------------------------------- starting


def test_starting_a_review_puts_the_plan_in_review_and_audits_it(plan: Plan, reviewer: User) -> None:
    review = services.start_review(plan=plan, by=reviewer)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW
    assert list(review.reviewers.all()) == [reviewer]
    entry = AuditEntry.objects.get(action="review.start")
    assert (entry.actor, entry.object_id, entry.edition_id) == (reviewer, str(plan.pk), plan.edition_id)
    assert entry.before == {"status": "submitted"}
    assert entry.after == {"status": "in_review", "likes": 0}


def test_a_plan_with_too_few_likes_is_refused_with_its_count_and_the_threshold(
    review_edition: Edition, plan: Plan, reviewer: User
) -> None:
    review_edition.support_threshold = 50
    review_edition.save()
    factories.make_likes(plan=plan, count=48)
    error = refused(lambda: services.start_review(plan=plan, by=reviewer), "too_few_likes", error=ReviewError)
    with translation.override("en"):
        assert error.message == "This plan has 48 likes; it needs 50 to go into review."
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert not Review.objects.exists() and not AuditEntry.objects.exists()


def test_a_plan_reaching_the_threshold_exactly_goes_into_review(
    review_edition: Edition, plan: Plan, reviewer: User
) -> None:
    review_edition.support_threshold = 3
    review_edition.save()
    factories.make_likes(plan=plan, count=3)
    services.start_review(plan=plan, by=reviewer)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW


def test_only_a_submitted_plan_can_go_into_review(review_edition: Edition, reviewer: User) -> None:
    draft = factories.make_plan(edition=review_edition, status=PlanStatus.DRAFT)
    refused(lambda: services.start_review(plan=draft, by=reviewer), "not_submitted", error=ReviewError)


def test_starting_the_reviews_of_an_edition_skips_plans_below_the_threshold(
    review_edition: Edition, reviewer: User
) -> None:
    review_edition.support_threshold = 2
    review_edition.save()
    popular, unpopular = (
        factories.make_plan(edition=review_edition),
        factories.make_plan(edition=review_edition),
    )
    factories.make_likes(plan=popular, count=2)
    factories.make_likes(plan=unpopular, count=1)
    reviews = services.start_reviews_for_edition(edition=review_edition, by=reviewer)
    assert [r.plan_id for r in reviews] == [popular.pk]
    assert Plan.objects.get(pk=unpopular.pk).status == PlanStatus.SUBMITTED


def test_the_first_review_gives_the_edition_the_default_checklist(plan: Plan, reviewer: User) -> None:
    services.start_review(plan=plan, by=reviewer)
    keys = list(plan.edition.review_criteria.values_list("key", flat=True))
    assert keys == ["legal", "financial", "spatial", "maintenance", "public_benefit"]


# ---------------------------------------------------------------- the checklist


def test_checks_are_saved_as_the_reviewer_goes_and_audited_with_before_and_after(
    plan: Plan, reviewer: User
) -> None:
    services.start_review(plan=plan, by=reviewer)
    services.record_checks(
        plan=plan, by=reviewer, checks={"legal": CheckAnswer("ok")}, internal_remarks="Bel Ilse"
    )
    services.record_checks(
        plan=plan, by=reviewer, checks={"legal": CheckAnswer("concern", "Vergunning nodig")}
    )
    check = ReviewCheck.objects.get()
    assert (check.criterion.key, check.outcome, check.note) == ("legal", "concern", "Vergunning nodig")
    assert Review.objects.get().internal_remarks == "Bel Ilse"
    last = AuditEntry.objects.filter(action="review.checks").first()
    assert last is not None
    assert last.before == {"legal": {"outcome": "ok", "note": ""}}
    assert last.after == {"legal": {"outcome": "concern", "note": "Vergunning nodig"}}


def test_a_criterion_not_on_the_checklist_is_refused(plan: Plan, reviewer: User) -> None:
    services.start_review(plan=plan, by=reviewer)
    refused(
        lambda: services.record_checks(plan=plan, by=reviewer, checks={"weather": CheckAnswer("ok")}),
        "unknown_criterion",
        error=ReviewError,
    )
    assert not ReviewCheck.objects.exists()


# ---------------------------------------------------------------- verdicts


def test_a_verdict_needs_the_whole_checklist(plan: Plan, reviewer: User) -> None:
    services.start_review(plan=plan, by=reviewer)
    services.record_checks(plan=plan, by=reviewer, checks={"legal": CheckAnswer("ok")})
    error = refused(
        lambda: services.record_verdict(plan=plan, by=reviewer, verdict=Verdict.FEASIBLE),
        "checklist_incomplete",
        error=ReviewError,
    )
    with translation.override("en"):
        assert "Financial" in error.message and "Legal" not in error.message


def test_a_recorded_verdict_stays_internal_and_leaves_the_status_alone(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    review = services.record_verdict(plan=plan, by=reviewer, verdict=Verdict.FEASIBLE)
    assert review.verdict == Verdict.FEASIBLE and review.recorded_by == reviewer
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW
    assert public_review(plan=plan) is None
    entry = AuditEntry.objects.get(action="review.verdict")
    assert entry.before["verdict"] == "" and entry.after["verdict"] == "feasible"


@pytest.mark.parametrize("verdict", [Verdict.NOT_FEASIBLE, Verdict.FEASIBLE_AFTER_CHANGES])
def test_a_verdict_without_the_required_public_explanation_is_refused(
    plan: Plan, reviewer: User, verdict: Verdict
) -> None:
    reviewed(plan, reviewer)
    error = refused(
        lambda: services.record_verdict(plan=plan, by=reviewer, verdict=verdict, public_explanation="   "),
        "verdict_needs_explanation",
        error=ReviewError,
    )
    with translation.override("en"):
        assert error.message.startswith(f"Explain to the public why the plan is “{verdict.label}”")
    review = Review.objects.get()
    assert review.verdict == "" and review.recorded_at is None
    assert not AuditEntry.objects.filter(action="review.verdict").exists()


def test_a_cost_change_without_a_reason_is_refused_with_both_amounts(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    error = refused(
        lambda: services.record_verdict(
            plan=plan, by=reviewer, verdict=Verdict.FEASIBLE, adjusted_cost_cents=1_500_000
        ),
        "cost_change_needs_reason",
        error=ReviewError,
    )
    with translation.override("en"):
        assert (
            error.message == "You changed the cost from €12,500 to €15,000: give the reason, for the public."
        )
    assert Review.objects.get().adjusted_cost_cents is None


def test_a_cost_equal_to_the_plans_own_is_no_change(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    review = services.record_verdict(
        plan=plan, by=reviewer, verdict=Verdict.FEASIBLE, adjusted_cost_cents=1_250_000
    )
    assert review.adjusted_cost_cents is None and review.cost_change_reason == ""


def test_a_cost_change_with_a_reason_is_recorded(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    review = services.record_verdict(
        plan=plan,
        by=reviewer,
        verdict=Verdict.FEASIBLE,
        adjusted_cost_cents=1_500_000,
        cost_change_reason="Grondwerk is duurder.",
    )
    assert (review.adjusted_cost_cents, review.cost_change_reason) == (1_500_000, "Grondwerk is duurder.")


def test_a_verdict_can_be_corrected_until_publication(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    services.record_verdict(plan=plan, by=reviewer, verdict=Verdict.FEASIBLE)
    services.record_verdict(
        plan=plan, by=reviewer, verdict=Verdict.NOT_FEASIBLE, public_explanation="Geen plek."
    )
    assert Review.objects.get().verdict == Verdict.NOT_FEASIBLE
    assert AuditEntry.objects.filter(action="review.verdict").count() == 2


def test_no_verdict_for_a_plan_that_is_not_in_review(plan: Plan, reviewer: User) -> None:
    refused(
        lambda: services.record_verdict(plan=plan, by=reviewer, verdict=Verdict.FEASIBLE),
        "not_in_review",
        error=ReviewError,
    )


# ---------------------------------------------------------------- change requests


def test_asking_for_changes_returns_the_plan_with_a_deadline_and_tells_the_initiator(
    plan: Plan, reviewer: User, initiator: User
) -> None:
    services.start_review(plan=plan, by=reviewer)
    deadline = timezone.now() + timedelta(days=2)
    change = services.request_changes(
        plan=plan, by=reviewer, message="Voeg een tekening toe.", deadline=deadline
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED
    assert plan.changes_due_at == deadline
    assert (change.message, change.requested_by) == ("Voeg een tekening toe.", reviewer)
    notification = Notification.objects.get(kind=NotificationKind.CHANGES_REQUESTED)
    assert notification.recipient == initiator
    assert notification.params["message"] == "Voeg een tekening toe."
    assert AuditEntry.objects.get(action="review.request_changes").after["status"] == "changes_requested"


@pytest.mark.parametrize(
    ("code", "message", "offset"),
    [
        ("message_required", "  ", timedelta(days=1)),
        ("deadline_in_past", "Graag aanpassen.", timedelta(hours=-1)),
        ("deadline_after_review", "Graag aanpassen.", timedelta(days=30)),
    ],
)
def test_a_bad_change_request_is_refused_and_changes_nothing(
    plan: Plan, reviewer: User, code: str, message: str, offset: timedelta
) -> None:
    services.start_review(plan=plan, by=reviewer)
    refused(
        lambda: services.request_changes(
            plan=plan, by=reviewer, message=message, deadline=timezone.now() + offset
        ),
        code,
        error=ReviewError,
    )
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW
    assert not ChangeRequest.objects.exists()
    assert not Notification.objects.filter(kind=NotificationKind.CHANGES_REQUESTED).exists()


def test_while_the_initiators_revise_no_verdict_can_be_recorded(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    services.request_changes(
        plan=plan, by=reviewer, message="Tekening?", deadline=timezone.now() + timedelta(days=1)
    )
    refused(
        lambda: services.record_verdict(plan=plan, by=reviewer, verdict=Verdict.FEASIBLE),
        "not_in_review",
        error=ReviewError,
    )


def test_a_resubmitted_plan_shows_the_reviewer_what_changed_since_the_request(
    plan: Plan, reviewer: User, initiator: User
) -> None:
    PlanRevision.objects.create(plan=plan, number=1, author=initiator, snapshot=snapshot_of(plan))
    services.start_review(plan=plan, by=reviewer)
    services.request_changes(
        plan=plan, by=reviewer, message="Korter.", deadline=timezone.now() + timedelta(days=1)
    )
    plan.summary = "Een kortere samenvatting."
    plan.save()
    PlanRevision.objects.create(
        plan=plan, number=2, author=initiator, snapshot=snapshot_of(plan), changed_fields=["summary"]
    )
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.IN_REVIEW)  # the initiator resubmits
    plan.refresh_from_db()
    page = review_page(plan=plan)
    assert page.diff_from is not None and page.diff_to is not None
    assert (page.diff_from.number, page.diff_to.number) == (1, 2)
    assert [change.field for change in page.diff] == ["summary"]
    assert page.diff[0].new == "Een kortere samenvatting."
    # The reviewer's next step closes the answered request.
    services.record_checks(plan=plan, by=reviewer, checks=ALL_OK)
    assert ChangeRequest.objects.get().resolved_at is not None


# ---------------------------------------------------------------- permissions


def _in_review_plan(edition: Edition) -> Plan:
    return factories.make_plan(edition=edition, status=PlanStatus.IN_REVIEW)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("reviewer", True),
        ("administrator", True),
        ("superuser", True),
        ("resident", False),
        ("inactive", False),
        ("committee", False),
        ("official", False),
        ("reviewer_elsewhere", False),
        ("administrator_elsewhere", False),
    ],
)
def test_who_may_review_during_the_review_phase(
    review_edition: Edition, people: People, who: str, allowed: bool
) -> None:
    user = {
        "reviewer": people.staff[Role.REVIEWER],
        "administrator": people.administrator,
        "superuser": people.superuser,
        "resident": people.resident,
        "inactive": people.inactive,
        "committee": people.staff[Role.COMMITTEE],
        "official": people.staff[Role.OFFICIAL],
        "reviewer_elsewhere": people.staff_elsewhere[Role.REVIEWER],
        "administrator_elsewhere": people.administrator_elsewhere,
    }[who]
    plan = _in_review_plan(review_edition)
    if allowed:
        services.record_checks(plan=plan, by=user, checks=ALL_OK)
        assert ReviewCheck.objects.count() == 5
    else:
        refused(
            lambda: services.record_checks(plan=plan, by=user, checks=ALL_OK),
            "not_allowed",
            error=ReviewError,
        )
        assert not ReviewCheck.objects.exists()


@pytest.mark.parametrize(("moment", "allowed"), [("before", False), ("during", True), ("after", False)])
def test_a_reviewer_may_review_only_during_the_review_phase(
    review_edition: Edition,
    reviewer: User,
    freeze_time: Callable[[datetime], None],
    moment: str,
    allowed: bool,
) -> None:
    plan = factories.make_plan(edition=review_edition)
    phase = factories.phase_of(review_edition, "review")
    at = {
        "before": phase.starts_at - timedelta(minutes=1),
        "during": phase.starts_at + timedelta(minutes=1),
        "after": phase.ends_at,
    }[moment]
    freeze_time(at)
    if allowed:
        services.start_review(plan=plan, by=reviewer)
        assert Plan.objects.get(pk=plan.pk).status == PlanStatus.IN_REVIEW
    else:
        refused(lambda: services.start_review(plan=plan, by=reviewer), "not_allowed", error=ReviewError)
        assert Plan.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED


# ---------------------------------------------------------------- what the database guarantees


def _raw_review(plan: Plan, **fields: object) -> None:
    with transaction.atomic():
        Review.objects.create(plan=plan, **fields)


def test_the_database_refuses_a_not_feasible_verdict_without_explanation(plan: Plan) -> None:
    with pytest.raises(IntegrityError):
        _raw_review(plan, verdict=Verdict.NOT_FEASIBLE, recorded_at=timezone.now())


def test_the_database_refuses_a_cost_change_without_reason(plan: Plan) -> None:
    with pytest.raises(IntegrityError):
        _raw_review(plan, adjusted_cost_cents=100)


def test_the_database_keeps_one_review_per_plan(plan: Plan) -> None:
    _raw_review(plan)
    with pytest.raises(IntegrityError):
        _raw_review(plan)


def test_the_database_keeps_one_verdict_publication_per_edition(
    review_edition: Edition, reviewer: User
) -> None:
    VerdictPublication.objects.create(edition=review_edition, published_by=reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        VerdictPublication.objects.create(edition=review_edition, published_by=reviewer)


def test_asking_for_changes_withdraws_a_verdict_recorded_earlier(plan: Plan, reviewer: User) -> None:
    reviewed(plan, reviewer)
    services.record_verdict(
        plan=plan, by=reviewer, verdict=Verdict.NOT_FEASIBLE, public_explanation="Te duur."
    )
    services.request_changes(
        plan=plan, by=reviewer, message="Goedkoper?", deadline=timezone.now() + timedelta(days=1)
    )
    review = Review.objects.get()
    assert (review.verdict, review.recorded_at) == ("", None)
    entry = AuditEntry.objects.get(action="review.request_changes")
    assert entry.before["verdict"]["verdict"] == "not_feasible"
