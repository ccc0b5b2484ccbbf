"""Writing, submitting, editing, revising, withdrawing and deleting plans: the services and their refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from accounts.models import User
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from places.models import District
from proposals.errors import PlanError
from proposals.models import CostLine, Plan, PlanRevision, PlanStatus
from proposals.services.submission import (
    CostLineInput,
    delete_draft,
    edit_submitted_plan,
    resubmit_plan,
    save_draft,
    start_draft,
    submit_plan,
    withdraw_plan,
)
from tests import factories
from tests.refusals import refused

pytestmark = pytest.mark.django_db

Freeze = Callable[[datetime], None]
# The conftest edition is in its plans phase now: information before it, support after it.
BEFORE_PLANS = timedelta(days=-8)
IN_SUPPORT = timedelta(days=8)
IN_REVIEW = timedelta(days=18)
IN_DECISION = timedelta(days=38)


def lines(*amounts: int | None) -> list[CostLineInput]:
    return [CostLineInput(description=f"Post {i + 1}", amount_cents=a) for i, a in enumerate(amounts)]


def draft_of(resident: User, edition: Edition, **fields: object) -> Plan:
    plan = start_draft(
        edition=edition,
        initiator=resident,
        title="Bankjes in het park",
        theme=edition.themes.first(),  # type: ignore[arg-type]
        summary="Drie bankjes bij de vijver.",
        description="Er is nergens een plek om te zitten.",
    )
    if fields:
        save_draft(plan=plan, by=resident, fields=fields)
    return plan


def complete_draft(resident: User, edition: Edition) -> Plan:
    plan = draft_of(resident, edition)
    save_draft(plan=plan, by=resident, cost_lines=lines(150_000, 25_000, 9_950))
    return plan


# --- Starting and saving a draft -----------------------------------------------------------


def test_a_new_draft_is_private_and_shows_the_residents_own_name(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    assert plan.status == PlanStatus.DRAFT
    assert plan.submitted_at is None
    assert plan.public_name == resident.display_name
    assert plan.initiator == resident


@pytest.mark.parametrize("shift", [BEFORE_PLANS, IN_SUPPORT, IN_REVIEW])
def test_a_draft_can_only_be_started_in_the_plans_phase(
    resident: User, edition: Edition, freeze_time: Freeze, shift: timedelta
) -> None:
    freeze_time(timezone.now() + shift)
    refused(lambda: draft_of(resident, edition), "not_allowed", error=PlanError)
    assert not Plan.objects.exists()


def test_an_inactive_account_cannot_start_a_plan(edition: Edition) -> None:
    inactive = factories.make_user(is_active=False)
    refused(lambda: draft_of(inactive, edition), "not_allowed", error=PlanError)


def test_a_theme_of_another_edition_is_refused(resident: User, edition: Edition, district: District) -> None:
    other = factories.make_theme(edition=factories.make_edition(district=district))
    refused(
        lambda: start_draft(edition=edition, initiator=resident, title="Plan", theme=other),
        "theme_not_in_edition",
        error=PlanError,
    )
    assert not Plan.objects.filter(edition=edition).exists()


def test_a_draft_needs_a_title(resident: User, edition: Edition) -> None:
    refused(
        lambda: start_draft(edition=edition, initiator=resident, title="  ", theme=edition.themes.first()),  # type: ignore[arg-type]
        "title_required",
        error=PlanError,
    )


def test_a_neighbourhood_outside_the_district_is_refused_by_name(
    resident: User, edition: Edition, other_district: District
) -> None:
    plan = draft_of(resident, edition)
    elsewhere = factories.make_neighbourhood(district=other_district, name="Bijlmer")
    error = refused(
        lambda: save_draft(plan=plan, by=resident, fields={"neighbourhood": elsewhere, "address": "Hier"}),
        "neighbourhood_outside_area",
        error=PlanError,
    )
    assert "Bijlmer" in error.message and "Nieuw-West" in error.message
    plan.refresh_from_db()
    assert plan.neighbourhood is None and plan.address == ""


def test_a_neighbourhood_in_the_district_and_a_point_are_saved(
    resident: User, edition: Edition, district: District
) -> None:
    osdorp = factories.make_neighbourhood(district=district, name="Osdorp")
    plan = draft_of(resident, edition)
    save_draft(
        plan=plan,
        by=resident,
        fields={"neighbourhood": osdorp, "latitude": Decimal("52.3581234567"), "longitude": Decimal("4.8")},
    )
    plan.refresh_from_db()
    assert plan.neighbourhood == osdorp
    assert plan.latitude == Decimal("52.358123") and plan.longitude == Decimal("4.800000")


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (Decimal("52.35"), None, "point_incomplete"),
        (None, Decimal("4.8"), "point_incomplete"),
        (Decimal("4.8"), Decimal("52.35"), "point_outside_area"),
        (Decimal("-52.35"), Decimal("4.8"), "point_outside_area"),
    ],
)
def test_a_bad_map_point_is_refused(
    resident: User, edition: Edition, latitude: Decimal | None, longitude: Decimal | None, code: str
) -> None:
    plan = draft_of(resident, edition)
    refused(
        lambda: save_draft(plan=plan, by=resident, fields={"latitude": latitude, "longitude": longitude}),
        code,
        error=PlanError,
    )
    plan.refresh_from_db()
    assert plan.latitude is None and plan.longitude is None


def test_cost_lines_replace_the_earlier_ones_in_order(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    save_draft(plan=plan, by=resident, cost_lines=lines(100_000, 2_500))
    save_draft(plan=plan, by=resident, cost_lines=lines(5_000, 6_000, 7_000))
    assert list(plan.cost_lines.values_list("description", "amount_cents")) == [
        ("Post 1", 5_000),
        ("Post 2", 6_000),
        ("Post 3", 7_000),
    ]


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (CostLineInput(description="", amount_cents=1_000), "empty_cost_line"),
        (CostLineInput(description="   ", amount_cents=1_000), "empty_cost_line"),
        (CostLineInput(description="Verf", amount_cents=None), "empty_cost_line"),
        (CostLineInput(description="Verf", amount_cents=0), "non_positive_amount"),
        (CostLineInput(description="Verf", amount_cents=-500), "non_positive_amount"),
    ],
)
def test_a_bad_cost_line_is_refused_and_changes_nothing(
    resident: User, edition: Edition, bad: CostLineInput, code: str
) -> None:
    plan = complete_draft(resident, edition)
    refused(
        lambda: save_draft(plan=plan, by=resident, cost_lines=[*lines(1_000), bad]), code, error=PlanError
    )
    assert list(plan.cost_lines.values_list("amount_cents", flat=True)) == [150_000, 25_000, 9_950]


def test_a_plan_over_the_editions_maximum_is_refused_with_both_amounts(
    resident: User, edition: Edition
) -> None:
    plan = complete_draft(resident, edition)
    limit = edition.max_plan_cost_cents
    error = refused(
        lambda: save_draft(plan=plan, by=resident, cost_lines=lines(limit, 1)),
        "over_max_cost",
        error=PlanError,
    )
    assert error.params["limit"] and error.params["cost"]
    assert CostLine.objects.filter(plan=plan).count() == 3


def test_exactly_the_maximum_is_allowed(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    save_draft(plan=plan, by=resident, cost_lines=lines(edition.max_plan_cost_cents - 1, 1))
    assert plan.cost_lines.count() == 2


def test_someone_else_cannot_change_a_draft(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    stranger = factories.make_user()
    refused(
        lambda: save_draft(plan=plan, by=stranger, fields={"title": "Van mij"}), "not_yours", error=PlanError
    )
    invited = factories.make_co_initiator(plan=plan, email="nog@example.org", status="invited")
    assert invited.user is None
    plan.refresh_from_db()
    assert plan.title == "Bankjes in het park"


def test_an_accepted_co_initiator_can_change_a_draft(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    co = factories.make_co_initiator(plan=plan)
    save_draft(plan=plan, by=co.user, fields={"title": "Samen"})
    plan.refresh_from_db()
    assert plan.title == "Samen"


def test_a_declined_co_initiator_cannot_change_a_draft(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    co = factories.make_co_initiator(plan=plan, status="declined")
    refused(
        lambda: save_draft(plan=plan, by=co.user, fields={"title": "Samen"}), "not_yours", error=PlanError
    )


# --- Submitting ------------------------------------------------------------------------------


def test_submitting_makes_the_plan_public_and_keeps_revision_one(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    submitted = submit_plan(plan=plan, by=resident, age_confirmed=True)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED == submitted.status
    assert plan.submitted_at is not None
    revision = PlanRevision.objects.get(plan=plan)
    assert revision.number == 1 and revision.changed_fields == []
    assert revision.snapshot["title"] == "Bankjes in het park"
    assert [line["amount_cents"] for line in revision.snapshot["cost_lines"]] == [150_000, 25_000, 9_950]


def test_submitting_tells_the_co_initiators_but_not_the_submitter(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    co = factories.make_co_initiator(plan=plan)
    submit_plan(plan=plan, by=resident, age_confirmed=True)
    notified = Notification.objects.filter(kind=NotificationKind.STATUS_CHANGED)
    assert [n.recipient for n in notified] == [co.user]


def test_submitting_needs_the_age_confirmation(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    error = refused(
        lambda: submit_plan(plan=plan, by=resident, age_confirmed=False), "too_young", error=PlanError
    )
    assert str(edition.min_age) in error.message
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_an_incomplete_plan_is_refused_naming_what_is_missing(resident: User, edition: Edition) -> None:
    plan = start_draft(
        edition=edition, initiator=resident, title="Alleen een titel", theme=edition.themes.get(name="Groen")
    )
    save_draft(plan=plan, by=resident, cost_lines=lines(1_000))
    with translation.override("en"):
        error = refused(
            lambda: submit_plan(plan=plan, by=resident, age_confirmed=True), "incomplete", error=PlanError
        )
        assert "summary" in error.message and "description" in error.message
    assert not PlanRevision.objects.exists()


def test_a_plan_without_cost_lines_is_refused(resident: User, edition: Edition) -> None:
    plan = draft_of(resident, edition)
    refused(lambda: submit_plan(plan=plan, by=resident, age_confirmed=True), "no_cost_lines", error=PlanError)


def test_a_plan_over_the_maximum_cannot_be_submitted(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    Edition.objects.filter(pk=edition.pk).update(max_plan_cost_cents=100_000)
    refused(lambda: submit_plan(plan=plan, by=resident, age_confirmed=True), "over_max_cost", error=PlanError)


def test_a_plan_whose_theme_left_the_edition_cannot_be_submitted(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    other = factories.make_theme(edition=factories.make_edition())
    Plan.objects.filter(pk=plan.pk).update(theme=other)
    refused(
        lambda: submit_plan(plan=plan, by=resident, age_confirmed=True),
        "theme_not_in_edition",
        error=PlanError,
    )


@pytest.mark.parametrize("shift", [BEFORE_PLANS, IN_SUPPORT, IN_REVIEW])
def test_a_plan_can_only_be_submitted_in_the_plans_phase(
    resident: User, edition: Edition, freeze_time: Freeze, shift: timedelta
) -> None:
    plan = complete_draft(resident, edition)
    freeze_time(timezone.now() + shift)
    refused(lambda: submit_plan(plan=plan, by=resident, age_confirmed=True), "not_allowed", error=PlanError)


def test_submitting_twice_is_refused(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    submit_plan(plan=plan, by=resident, age_confirmed=True)
    refused(
        lambda: submit_plan(plan=plan, by=resident, age_confirmed=True), "already_submitted", error=PlanError
    )
    assert PlanRevision.objects.filter(plan=plan).count() == 1


def test_two_submissions_from_stale_copies_make_one_submission(resident: User, edition: Edition) -> None:
    """Two browser tabs submit the same draft: the second sees the first's result, not its own old copy."""
    plan = complete_draft(resident, edition)
    first_tab, second_tab = Plan.objects.get(pk=plan.pk), Plan.objects.get(pk=plan.pk)
    submit_plan(plan=first_tab, by=resident, age_confirmed=True)
    assert second_tab.status == PlanStatus.DRAFT
    refused(
        lambda: submit_plan(plan=second_tab, by=resident, age_confirmed=True),
        "already_submitted",
        error=PlanError,
    )
    assert PlanRevision.objects.filter(plan=plan).count() == 1
    assert Notification.objects.count() == 0


def test_a_stranger_cannot_submit_someone_elses_draft(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    refused(
        lambda: submit_plan(plan=plan, by=factories.make_user(), age_confirmed=True),
        "not_yours",
        error=PlanError,
    )


def test_save_draft_refuses_a_submitted_plan(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    submit_plan(plan=plan, by=resident, age_confirmed=True)
    refused(
        lambda: save_draft(plan=plan, by=resident, fields={"title": "Stiekem"}),
        "already_submitted",
        error=PlanError,
    )


# --- Editing after submission: revisions ----------------------------------------------------


def submitted(resident: User, edition: Edition) -> Plan:
    plan = complete_draft(resident, edition)
    return submit_plan(plan=plan, by=resident, age_confirmed=True)


def test_an_edit_after_submission_is_kept_as_the_next_revision(resident: User, edition: Edition) -> None:
    plan = submitted(resident, edition)
    revision = edit_submitted_plan(
        plan=plan,
        by=resident,
        fields={"title": "Vijf bankjes", "summary": "Vijf bankjes bij de vijver."},
        cost_lines=lines(150_000, 25_000),
        note="Meer bankjes, geen afvalbak.",
    )
    assert revision is not None
    assert revision.number == 2
    assert revision.changed_fields == ["title", "summary", "cost_lines"]
    assert revision.note == "Meer bankjes, geen afvalbak."
    assert revision.snapshot["title"] == "Vijf bankjes"
    plan.refresh_from_db()
    assert plan.title == "Vijf bankjes"


def test_an_edit_that_changes_nothing_keeps_no_revision(resident: User, edition: Edition) -> None:
    plan = submitted(resident, edition)
    assert edit_submitted_plan(plan=plan, by=resident, fields={"title": "Bankjes in het park "}) is None
    assert PlanRevision.objects.filter(plan=plan).count() == 1


def test_a_bad_edit_changes_nothing_and_keeps_no_revision(resident: User, edition: Edition) -> None:
    plan = submitted(resident, edition)
    refused(
        lambda: edit_submitted_plan(
            plan=plan,
            by=resident,
            fields={"title": "Duur"},
            cost_lines=lines(edition.max_plan_cost_cents + 1),
        ),
        "over_max_cost",
        error=PlanError,
    )
    refused(
        lambda: edit_submitted_plan(plan=plan, by=resident, fields={"summary": ""}),
        "incomplete",
        error=PlanError,
    )
    plan.refresh_from_db()
    assert plan.title == "Bankjes in het park" and plan.summary
    assert PlanRevision.objects.filter(plan=plan).count() == 1


def test_a_submitted_plan_can_be_edited_in_the_support_phase(
    resident: User, edition: Edition, freeze_time: Freeze
) -> None:
    plan = submitted(resident, edition)
    freeze_time(timezone.now() + IN_SUPPORT)
    assert edit_submitted_plan(plan=plan, by=resident, fields={"title": "Later"}) is not None


@pytest.mark.parametrize("shift", [IN_REVIEW, IN_DECISION])
def test_a_submitted_plan_cannot_be_edited_once_review_starts(
    resident: User, edition: Edition, freeze_time: Freeze, shift: timedelta
) -> None:
    plan = submitted(resident, edition)
    freeze_time(timezone.now() + shift)
    refused(
        lambda: edit_submitted_plan(plan=plan, by=resident, fields={"title": "Te laat"}),
        "not_editable",
        error=PlanError,
    )


@pytest.mark.parametrize("status", [PlanStatus.IN_REVIEW, PlanStatus.FEASIBLE, PlanStatus.WITHDRAWN])
def test_a_plan_in_review_or_decided_cannot_be_edited(resident: User, edition: Edition, status: str) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=status)
    refused(
        lambda: edit_submitted_plan(plan=plan, by=resident, fields={"title": "Nee"}),
        "not_editable",
        error=PlanError,
    )


def test_an_accepted_co_initiator_can_edit_a_submitted_plan(resident: User, edition: Edition) -> None:
    plan = submitted(resident, edition)
    co = factories.make_co_initiator(plan=plan)
    revision = edit_submitted_plan(plan=plan, by=co.user, fields={"description": "Nieuwe tekst."})
    assert revision is not None and revision.author == co.user


# --- Changes requested: revise and resubmit -------------------------------------------------


def returned_for_changes(resident: User, edition: Edition, *, due: datetime | None) -> Plan:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.CHANGES_REQUESTED)
    Plan.objects.filter(pk=plan.pk).update(changes_due_at=due)
    PlanRevision.objects.create(plan=plan, number=1, author=resident, snapshot={})
    plan.refresh_from_db()
    return plan


def test_a_returned_plan_is_revised_and_resubmitted_during_the_review_phase(
    resident: User, edition: Edition, freeze_time: Freeze
) -> None:
    now = timezone.now()
    plan = returned_for_changes(resident, edition, due=now + IN_REVIEW + timedelta(days=3))
    freeze_time(now + IN_REVIEW)
    revision = edit_submitted_plan(plan=plan, by=resident, fields={"summary": "Beter uitgelegd."})
    assert revision is not None and revision.number == 2
    resubmit_plan(plan=plan, by=resident)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW


def test_after_the_deadline_a_returned_plan_can_neither_be_revised_nor_resubmitted(
    resident: User, edition: Edition, freeze_time: Freeze
) -> None:
    now = timezone.now()
    plan = returned_for_changes(resident, edition, due=now + timedelta(days=1))
    freeze_time(now + timedelta(days=1))
    refused(
        lambda: edit_submitted_plan(plan=plan, by=resident, fields={"title": "Te laat"}),
        "deadline_passed",
        error=PlanError,
    )
    refused(lambda: resubmit_plan(plan=plan, by=resident), "deadline_passed", error=PlanError)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CHANGES_REQUESTED


def test_only_a_plan_returned_for_changes_can_be_resubmitted(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.IN_REVIEW)
    refused(lambda: resubmit_plan(plan=plan, by=resident), "no_changes_requested", error=PlanError)


def test_a_stranger_cannot_resubmit(resident: User, edition: Edition) -> None:
    plan = returned_for_changes(resident, edition, due=None)
    refused(lambda: resubmit_plan(plan=plan, by=factories.make_user()), "not_yours", error=PlanError)


# --- Withdrawing and deleting ---------------------------------------------------------------


@pytest.mark.parametrize(
    "status",
    [
        PlanStatus.SUBMITTED,
        PlanStatus.IN_REVIEW,
        PlanStatus.CHANGES_REQUESTED,
        PlanStatus.FEASIBLE,
        PlanStatus.SHORTLISTED,
    ],
)
def test_the_initiator_can_withdraw_a_plan_until_the_decision(
    resident: User, edition: Edition, status: str
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=status)
    withdraw_plan(plan=plan, by=resident)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.WITHDRAWN


@pytest.mark.parametrize(
    "status", [PlanStatus.DRAFT, PlanStatus.NOT_FEASIBLE, PlanStatus.SELECTED, PlanStatus.WITHDRAWN]
)
def test_a_plan_in_other_statuses_cannot_be_withdrawn(resident: User, edition: Edition, status: str) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=status)
    refused(lambda: withdraw_plan(plan=plan, by=resident), "illegal_transition", error=PlanError)


@pytest.mark.parametrize(
    ("shift", "allowed"), [(IN_REVIEW, True), (IN_DECISION, False), (timedelta(days=60), False)]
)
def test_withdrawal_ends_when_the_decision_starts(
    resident: User, edition: Edition, freeze_time: Freeze, shift: timedelta, allowed: bool
) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident, status=PlanStatus.FEASIBLE)
    freeze_time(timezone.now() + shift)
    if allowed:
        withdraw_plan(plan=plan, by=resident)
    else:
        refused(lambda: withdraw_plan(plan=plan, by=resident), "withdraw_too_late", error=PlanError)


def test_only_the_initiator_withdraws(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    co = factories.make_co_initiator(plan=plan)
    refused(lambda: withdraw_plan(plan=plan, by=co.user), "not_yours", error=PlanError)
    refused(lambda: withdraw_plan(plan=plan, by=factories.make_user()), "not_yours", error=PlanError)


def test_withdrawing_tells_the_co_initiators(resident: User, edition: Edition) -> None:
    plan = factories.make_plan(edition=edition, initiator=resident)
    co = factories.make_co_initiator(plan=plan)
    withdraw_plan(plan=plan, by=resident)
    assert Notification.objects.filter(recipient=co.user, kind=NotificationKind.STATUS_CHANGED).exists()


def test_a_draft_can_be_deleted_by_its_initiator_only(resident: User, edition: Edition) -> None:
    plan = complete_draft(resident, edition)
    refused(lambda: delete_draft(plan=plan, by=factories.make_user()), "not_yours", error=PlanError)
    delete_draft(plan=plan, by=resident)
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_a_submitted_plan_cannot_be_deleted(resident: User, edition: Edition) -> None:
    plan = submitted(resident, edition)
    refused(lambda: delete_draft(plan=plan, by=resident), "not_a_draft", error=PlanError)
    assert Plan.objects.filter(pk=plan.pk).exists()
