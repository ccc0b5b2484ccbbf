"""Asking for a pre-check of a draft and answering it: who, when, once, and nothing half-saved."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from accounts.models import Role, User
from audit.models import AuditEntry
from editions.models import Edition
from editions.permissions import phases_opening
from editions.phases import Action
from notifications.models import Notification, NotificationKind
from notifications.texts import body_for
from places.models import District
from proposals.models import Plan, PlanStatus
from review.models import CheckOutcome, PreCheck, PreCheckNote, Review, ReviewCriterion
from review.prechecks.errors import PrecheckError
from review.prechecks.services import NoteAnswer, answer_precheck, ask_precheck
from tests import factories
from tests.concurrency import run_at_once
from tests.refusals import refused

from .conftest import full_answer


def _state(plan: Plan) -> tuple[object, ...]:
    """What a refused call must leave alone."""
    return (
        list(PreCheck.objects.filter(plan=plan).values_list("pk", "answered_at", "summary")),
        PreCheckNote.objects.count(),
        AuditEntry.objects.count(),
        Notification.objects.count(),
        Plan.objects.get(pk=plan.pk).status,
    )


def _middle(edition: Edition, kind: str) -> datetime:
    phase = edition.phases.get(kind=kind)
    return phase.starts_at + (phase.ends_at - phase.starts_at) / 2


# ---------------------------------------------------------------- asking


def test_an_initiator_asks_and_the_answer_is_due_after_the_editions_precheck_days(
    edition: Edition, draft: Plan, initiator: User
) -> None:
    Edition.objects.filter(pk=edition.pk).update(precheck_days=7)
    draft.edition.refresh_from_db()
    asked_at = timezone.now() - timedelta(hours=1)
    precheck = ask_precheck(
        plan=draft, by=initiator, question="  Mag de moestuin op het plein?  ", at=asked_at
    )
    assert precheck.asked_at == asked_at
    assert precheck.due_at == asked_at + timedelta(days=7)
    assert precheck.question == "Mag de moestuin op het plein?"
    assert precheck.answered_at is None
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT


def test_an_accepted_co_initiator_may_ask_but_an_invited_one_may_not(draft: Plan) -> None:
    invited = factories.make_co_initiator(plan=draft, status="invited")
    invitee = factories.make_user(email=invited.email)
    refused(lambda: ask_precheck(plan=draft, by=invitee), "not_initiator", unchanged=lambda: _state(draft))
    co = factories.make_co_initiator(plan=draft)
    assert ask_precheck(plan=draft, by=co.user).asked_by == co.user


def test_someone_who_is_not_an_initiator_is_refused(draft: Plan, reviewer: User) -> None:
    stranger = factories.make_user()
    for person in (stranger, reviewer):
        refused(
            partial(ask_precheck, plan=draft, by=person), "not_initiator", unchanged=lambda: _state(draft)
        )


def test_a_submitted_plan_is_refused_the_review_will_look_at_it(edition: Edition, initiator: User) -> None:
    plan = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.SUBMITTED)
    error = refused(
        lambda: ask_precheck(plan=plan, by=initiator),
        "already_submitted",
        error=PrecheckError,
        unchanged=lambda: _state(plan),
    )
    with translation.override("en"):
        assert "the review will look at it" in error.message


def test_a_second_pre_check_while_one_is_open_is_refused(
    draft: Plan, initiator: User, reviewer: User
) -> None:
    first = ask_precheck(plan=draft, by=initiator)
    refused(lambda: ask_precheck(plan=draft, by=initiator), "already_open", unchanged=lambda: _state(draft))
    answer_precheck(
        precheck=first, by=reviewer, notes=full_answer(draft.edition), summary="Ziet er goed uit."
    )
    second = ask_precheck(plan=draft, by=initiator, question="En nu?")
    assert second.pk != first.pk


def test_the_database_refuses_a_second_open_pre_check_of_a_plan(draft: Plan, initiator: User) -> None:
    ask_precheck(plan=draft, by=initiator)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        PreCheck.objects.create(plan=draft, asked_by=initiator, asked_at=now, due_at=now + timedelta(days=1))


@pytest.mark.django_db(transaction=True)
def test_two_initiators_asking_at_once_open_one_pre_check(district: District) -> None:
    edition = factories.make_edition(district=district)
    initiator = factories.make_user()
    plan = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
    co = factories.make_co_initiator(plan=plan)
    outcomes = run_at_once(
        [lambda: ask_precheck(plan=plan, by=initiator), lambda: ask_precheck(plan=plan, by=co.user)]
    )
    assert sorted(outcomes) == ["already_open", "ok"]
    assert PreCheck.objects.filter(plan=plan).count() == 1


def test_the_declaration_opens_the_pre_check_in_the_plans_phase_only(
    edition: Edition, initiator: User
) -> None:
    assert phases_opening(edition, Action.ASK_PRECHECK) == ("plans",)
    for phase in edition.phases.order_by("starts_at"):
        plan = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
        moment = _middle(edition, phase.kind)
        if phase.kind == "plans":
            assert ask_precheck(plan=plan, by=initiator, at=moment).asked_at == moment
        else:
            refused(partial(ask_precheck, plan=plan, by=initiator, at=moment), "not_open")
    first = edition.phases.order_by("starts_at").first()
    assert first is not None
    before = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
    refused(
        lambda: ask_precheck(plan=before, by=initiator, at=first.starts_at - timedelta(days=1)), "not_open"
    )


@pytest.mark.parametrize("kind", ["support", "review"])
def test_the_support_and_review_phases_refuse_a_pre_check(district: District, kind: str) -> None:
    edition = factories.make_edition_in_phase(kind, district=district)
    initiator = factories.make_user()
    plan = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
    refused(lambda: ask_precheck(plan=plan, by=initiator), "not_open", unchanged=lambda: _state(plan))


def test_an_edition_with_an_ideas_phase_opens_the_pre_check_after_it(district: District) -> None:
    edition = factories.make_edition(district=district, kinds=factories.IDEAS_PHASE_KINDS)
    initiator = factories.make_user()
    plan = factories.make_plan(edition=edition, initiator=initiator, status=PlanStatus.DRAFT)
    in_ideas = _middle(edition, "ideas")
    refused(
        lambda: ask_precheck(plan=plan, by=initiator, at=in_ideas), "not_open", unchanged=lambda: _state(plan)
    )
    in_plans = _middle(edition, "plans")
    assert ask_precheck(plan=plan, by=initiator, at=in_plans).asked_at == in_plans


def test_a_question_longer_than_allowed_is_refused(draft: Plan, initiator: User) -> None:
    error = refused(
        lambda: ask_precheck(plan=draft, by=initiator, question="x" * 2001),
        "text_too_long",
        error=PrecheckError,
        unchanged=lambda: _state(draft),
    )
    assert "2000" in error.message


def test_the_districts_reviewers_are_told_with_the_deadline(
    draft: Plan, initiator: User, reviewer: User, official: User, reviewer_elsewhere: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    [notification] = Notification.objects.filter(kind=NotificationKind.PRECHECK_ASKED)
    assert notification.recipient == reviewer
    assert notification.params["person"] == initiator.display_name
    assert notification.params["plan"] == draft.title
    assert notification.params["deadline"] == precheck.due_at.isoformat()
    assert notification.url.endswith(f"/eerste-check/{precheck.pk}/")
    assert str(timezone.localtime(precheck.due_at).year) in body_for(notification.kind, notification.params)


def test_without_reviewers_the_districts_officials_are_told(
    draft: Plan, initiator: User, official: User
) -> None:
    ask_precheck(plan=draft, by=initiator)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [official.pk]


# ---------------------------------------------------------------- answering


def test_a_reviewer_answers_every_criterion_without_a_verdict_audited_and_the_initiators_told(
    draft: Plan, initiator: User, reviewer: User
) -> None:
    co = factories.make_co_initiator(plan=draft)
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = full_answer(draft.edition)
    notes["financial"] = NoteAnswer(outcome=CheckOutcome.CONCERN, note="  De bakken zijn duur.  ")
    answered = answer_precheck(
        precheck=precheck, by=reviewer, notes=notes, summary="Goed plan, let op de kosten."
    )
    assert answered.answered_by == reviewer and answered.answered_at is not None
    stored = {n.criterion.key: (n.outcome, n.note) for n in answered.notes.select_related("criterion")}
    assert set(stored) == {c.key for c in ReviewCriterion.objects.filter(edition=draft.edition)}
    assert stored["financial"] == (CheckOutcome.CONCERN, "De bakken zijn duur.")
    assert Plan.objects.get(pk=draft.pk).status == PlanStatus.DRAFT
    assert not Review.objects.filter(plan=draft).exists()
    [entry] = AuditEntry.objects.filter(action="review.precheck_answered")
    assert entry.actor == reviewer and entry.after["summary"] == "Goed plan, let op de kosten."
    told = Notification.objects.filter(kind=NotificationKind.PRECHECK_ANSWERED)
    assert {n.recipient_id for n in told} == {initiator.pk, co.user.pk}
    assert all(n.params == {"plan": draft.title, "excerpt": "Goed plan, let op de kosten."} for n in told)


def test_an_edition_without_a_checklist_is_answered_on_the_default_one(
    draft: Plan, initiator: User, official: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    assert not ReviewCriterion.objects.filter(edition=draft.edition).exists()
    keys = ["legal", "financial", "spatial", "maintenance", "public_benefit"]
    notes = {key: NoteAnswer(outcome=CheckOutcome.OK) for key in keys}
    answer_precheck(precheck=precheck, by=official, notes=notes, summary="Prima.")
    assert list(PreCheckNote.objects.values_list("criterion__key", flat=True)) == keys


def test_every_criterion_is_needed_and_a_refused_answer_saves_nothing(
    draft: Plan, initiator: User, reviewer: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = full_answer(draft.edition)
    del notes["maintenance"]
    error = refused(
        lambda: answer_precheck(precheck=precheck, by=reviewer, notes=notes, summary="Goed."),
        "checklist_incomplete",
        error=PrecheckError,
        unchanged=lambda: _state(draft),
    )
    with translation.override("en"):
        assert error.message == "Complete the checklist first; still open: Maintenance."
    without_outcome = {**full_answer(draft.edition), "legal": NoteAnswer(outcome="")}
    refused(
        lambda: answer_precheck(precheck=precheck, by=reviewer, notes=without_outcome, summary="Goed."),
        "checklist_incomplete",
        unchanged=lambda: _state(draft),
    )


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"legal": NoteAnswer(outcome="maybe")}, "unknown_outcome"),
        ({"colour": NoteAnswer(outcome=CheckOutcome.OK)}, "unknown_criterion"),
        ({"legal": NoteAnswer(outcome=CheckOutcome.OK, note="x" * 2001)}, "text_too_long"),
    ],
)
def test_a_bad_note_is_refused_and_saves_nothing(
    draft: Plan, initiator: User, reviewer: User, change: dict[str, NoteAnswer], code: str
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = {**full_answer(draft.edition), **change}
    refused(
        lambda: answer_precheck(precheck=precheck, by=reviewer, notes=notes, summary="Goed."),
        code,
        unchanged=lambda: _state(draft),
    )


def test_an_answer_without_advice_in_short_is_refused(draft: Plan, initiator: User, reviewer: User) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = full_answer(draft.edition)
    refused(
        lambda: answer_precheck(precheck=precheck, by=reviewer, notes=notes, summary="   "),
        "summary_required",
        unchanged=lambda: _state(draft),
    )


@pytest.mark.parametrize("who", ["initiator", "resident", "reviewer_elsewhere", "official_elsewhere"])
def test_only_the_districts_reviewers_and_officials_answer(
    draft: Plan, initiator: User, reviewer_elsewhere: User, other_district: District, who: str
) -> None:
    person = {
        "initiator": initiator,
        "resident": factories.make_user(),
        "reviewer_elsewhere": reviewer_elsewhere,
        "official_elsewhere": factories.make_staff(role=Role.OFFICIAL, district=other_district),
    }[who]
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = full_answer(draft.edition)
    refused(
        lambda: answer_precheck(precheck=precheck, by=person, notes=notes, summary="Goed."),
        "not_district",
        unchanged=lambda: _state(draft),
    )


def test_a_pre_check_is_answered_once(draft: Plan, initiator: User, reviewer: User, official: User) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    notes = full_answer(draft.edition)
    answer_precheck(precheck=precheck, by=reviewer, notes=notes, summary="Eerste antwoord.")
    stale = PreCheck.objects.get(pk=precheck.pk)
    refused(
        lambda: answer_precheck(precheck=stale, by=official, notes=notes, summary="Tweede antwoord."),
        "already_answered",
        error=PrecheckError,
        unchanged=lambda: _state(draft),
    )
    assert PreCheck.objects.get(pk=precheck.pk).summary == "Eerste antwoord."


def test_a_pre_check_asked_in_time_is_answered_in_a_later_phase(
    edition: Edition, draft: Plan, initiator: User, reviewer: User
) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    in_review = _middle(edition, "review")
    answer_precheck(precheck=precheck, by=reviewer, notes=full_answer(edition), summary="Laat.", at=in_review)
    assert PreCheck.objects.get(pk=precheck.pk).answered_at == in_review


def test_an_answer_before_the_question_is_refused(draft: Plan, initiator: User, reviewer: User) -> None:
    precheck = ask_precheck(plan=draft, by=initiator)
    earlier = precheck.asked_at - timedelta(minutes=1)
    refused(
        lambda: answer_precheck(
            precheck=precheck, by=reviewer, notes=full_answer(draft.edition), summary="Goed.", at=earlier
        ),
        "answered_before_asked",
        unchanged=lambda: _state(draft),
    )
