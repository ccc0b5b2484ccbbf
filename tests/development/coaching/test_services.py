"""Coaching's services: partners, one active coach, the shared log, the coach's steps, the audit."""

from __future__ import annotations

from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone, translation

from accounts.models import Role
from audit.models import AuditEntry
from development.coaching import services
from development.coaching.errors import CoachingError
from development.coaching.selectors import coaching_for
from development.models import Coaching, CoachingNote, CoachingStep, Partner, PartnerCoach
from notifications.models import Notification, NotificationKind
from proposals.models import PlanStatus
from tests import factories
from tests.refusals import refused

from .world import LOG_TEXT, make_idea, make_world

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        Partner.objects.count(),
        PartnerCoach.objects.count(),
        Coaching.objects.filter(ended_at__isnull=True).count(),
        CoachingNote.objects.count(),
        CoachingStep.objects.count(),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


# Partners ------------------------------------------------------------------------------------------


def test_an_official_names_a_partner_and_adds_a_coach_by_e_mail_audited() -> None:
    world = make_world()
    partner = services.name_partner(
        district=world.district, by=world.official, name="  Buurtcentrum  De Brug ", description="Helpt"
    )
    assert partner.name == "Buurtcentrum De Brug"
    person = factories.make_user(email="hulp@debrug.nl")
    services.add_partner_coach(partner=partner, by=world.official, email="HULP@debrug.nl ")
    assert list(partner.coaches.values_list("user_id", flat=True)) == [person.pk]
    actions = set(AuditEntry.objects.filter(actor=world.official).values_list("action", flat=True))
    assert {"development.partner_named", "development.partner_coach_added"} <= actions


def test_an_unknown_e_mail_is_refused_with_a_clear_message() -> None:
    world = make_world()
    error: CoachingError = refused(
        lambda: services.add_partner_coach(partner=world.partner, by=world.official, email="niemand@x.nl"),
        "unknown_email",
        error=CoachingError,
        unchanged=_counts,
    )
    with translation.override("en"):
        assert "no account" in error.message


def test_partners_are_named_only_by_an_official_of_their_district() -> None:
    world = make_world()
    for person in (world.reviewer, world.other_official, world.partner_coach, world.resident):
        refused(
            partial(services.name_partner, district=world.district, by=person, name="Nieuw"),
            "not_district",
            unchanged=_counts,
        )
    refused(
        lambda: services.name_partner(district=world.district, by=world.official, name="buurthuis het anker"),
        "partner_name_taken",
        unchanged=_counts,
    )
    refused(
        lambda: services.add_partner_coach(
            partner=world.partner, by=world.official, email=world.partner_coach.email
        ),
        "already_a_coach",
        unchanged=_counts,
    )


def test_ending_a_partner_ends_the_coachings_of_its_coaches() -> None:
    world = make_world()
    services.end_partner(partner=world.partner, by=world.official)
    world.coaching.refresh_from_db()
    assert world.coaching.ended_at is not None
    assert coaching_for(idea=world.idea) is None
    refused(lambda: services.end_partner(partner=world.partner, by=world.official), "already_ended")
    person = factories.make_user()
    refused(
        lambda: services.add_partner_coach(partner=world.partner, by=world.official, email=person.email),
        "partner_ended",
        unchanged=_counts,
    )


# Assigning -----------------------------------------------------------------------------------------


def test_a_second_assignment_ends_the_first_in_the_same_change() -> None:
    world = make_world()
    second = services.assign_coach(idea=world.idea, coach=world.reviewer, by=world.official)
    world.coaching.refresh_from_db()
    assert world.coaching.ended_at == second.assigned_at
    assert list(Coaching.objects.filter(idea=world.idea, ended_at__isnull=True)) == [second]
    assert second.partner is None  # district staff coach for no partner
    assert coaching_for(idea=world.idea) == second
    entry = AuditEntry.objects.filter(action="development.coach_assigned").latest("pk")
    assert entry.after["replaces"] == [world.coaching.pk]


def test_the_database_keeps_one_active_coaching_per_idea() -> None:
    from django.db import IntegrityError, transaction

    world = make_world()
    with pytest.raises(IntegrityError), transaction.atomic():
        Coaching.objects.create(idea=world.idea, coach=world.reviewer, assigned_by=world.official)


def test_an_ideas_coaching_follows_it_into_its_plan() -> None:
    world = make_world()
    plan = factories.make_plan(edition=world.edition, initiator=world.initiator, status=PlanStatus.DRAFT)
    world.idea.plan, world.idea.drafted_at = plan, timezone.now()
    world.idea.save()
    assert coaching_for(plan=plan) == world.coaching
    replaced = services.assign_coach(plan=plan, coach=world.reviewer, by=world.official)
    assert (replaced.idea, replaced.plan) == (world.idea, plan)
    assert Coaching.objects.filter(ended_at__isnull=True, idea=world.idea).count() == 1
    assert coaching_for(idea=world.idea) == coaching_for(plan=plan) == replaced


def test_the_coach_rule_refuses_residents_other_districts_and_ended_partners() -> None:
    world = make_world()
    cases = [
        (world.resident, "not_a_coach"),
        (world.other_official, "coach_other_district"),
        (world.other_partner_coach, "coach_other_district"),
        (world.initiator, "not_a_coach"),
    ]
    for coach, code in cases:
        refused(
            partial(services.assign_coach, plan=world.draft, coach=coach, by=world.official),
            code,
            unchanged=_counts,
        )
    staff_initiator = factories.make_staff(role=Role.REVIEWER, district=world.district)
    own = make_idea(edition=world.edition, initiator=staff_initiator)
    refused(
        lambda: services.assign_coach(idea=own, coach=staff_initiator, by=world.official),
        "coach_is_initiator",
        unchanged=_counts,
    )


def test_only_an_official_of_the_district_assigns_and_only_to_a_draft() -> None:
    world = make_world()
    for person in (world.reviewer, world.other_official, world.partner_coach):
        refused(
            partial(services.assign_coach, plan=world.draft, coach=world.reviewer, by=person),
            "not_district",
            unchanged=_counts,
        )
    submitted = factories.make_plan(edition=world.edition, status=PlanStatus.SUBMITTED)
    refused(
        lambda: services.assign_coach(plan=submitted, coach=world.reviewer, by=world.official),
        "plan_not_draft",
        unchanged=_counts,
    )
    refused(
        lambda: services.assign_coach(
            plan=world.draft, coach=world.reviewer, by=world.official, edition=world.other_edition
        ),
        "other_edition",
        unchanged=_counts,
    )
    refused(lambda: services.assign_coach(coach=world.reviewer, by=world.official), "choose_idea_or_plan")


def test_the_initiators_hear_of_their_coach() -> None:
    world = make_world()
    told = Notification.objects.get(recipient=world.initiator, kind=NotificationKind.COACH_ASSIGNED)
    assert told.params == {"title": world.idea.title, "coach": world.partner_coach.display_name}
    assert told.url == f"/ontwikkelen/begeleiding/{world.coaching.pk}/"


def test_ending_a_coaching_is_audited_and_keeps_the_log() -> None:
    world = make_world()
    services.end_coaching(coaching=world.coaching, by=world.official)
    assert world.coaching.ended_at is not None
    assert world.coaching.notes.get().body == LOG_TEXT
    assert AuditEntry.objects.filter(action="development.coaching_ended", actor=world.official).exists()
    refused(lambda: services.end_coaching(coaching=world.coaching, by=world.official), "already_ended")
    refused(
        lambda: services.write_note(coaching=world.coaching, by=world.initiator, kind="note", body="Hoi"),
        "coaching_ended",
        unchanged=_counts,
    )


# The log -------------------------------------------------------------------------------------------


def test_the_coach_writes_and_the_initiator_is_told_and_the_other_way_round() -> None:
    world = make_world()
    to_initiator = Notification.objects.get(recipient=world.initiator, kind=NotificationKind.COACHING_NOTE)
    assert to_initiator.params["author"] == world.partner_coach.display_name
    note = services.write_note(coaching=world.coaching, by=world.initiator, kind="note", body="Dank je!")
    to_coach = Notification.objects.get(recipient=world.partner_coach, kind=NotificationKind.COACHING_NOTE)
    assert to_coach.url.endswith(f"#log-{note.pk}")
    assert not Notification.objects.filter(recipient=world.official, kind=NotificationKind.COACHING_NOTE)


def test_an_appointment_needs_its_date_and_time() -> None:
    world = make_world()
    refused(
        lambda: services.write_note(
            coaching=world.coaching, by=world.partner_coach, kind="appointment", body="Koffie"
        ),
        "appointment_needs_time",
        unchanged=_counts,
    )
    moment = timezone.now() + timedelta(days=3)
    note = services.write_note(
        coaching=world.coaching, by=world.partner_coach, kind="appointment", body="Koffie", happens_at=moment
    )
    assert note.happens_at == moment
    advice = services.write_note(
        coaching=world.coaching, by=world.partner_coach, kind="advice", body="Tip", happens_at=moment
    )
    assert advice.happens_at is None


def test_bad_entries_and_outsiders_are_refused() -> None:
    world = make_world()
    for kind, body, code in [("praatje", "x", "unknown_kind"), ("note", "   ", "empty_note")]:
        refused(
            partial(services.write_note, coaching=world.coaching, by=world.initiator, kind=kind, body=body),
            code,
            unchanged=_counts,
        )
    refused(
        lambda: services.write_note(
            coaching=world.coaching, by=world.initiator, kind="note", body="x" * 3001
        ),
        "text_too_long",
        unchanged=_counts,
    )
    for person in (world.official, world.resident, world.other_partner_coach):
        refused(
            partial(services.write_note, coaching=world.coaching, by=person, kind="note", body="Hoi"),
            "not_in_log",
            unchanged=_counts,
        )


def test_the_log_is_closed_for_writing_after_the_plans_phase() -> None:
    world = make_world()
    later = timezone.now() + timedelta(days=30)  # the review phase
    refused(
        lambda: services.write_note(
            coaching=world.coaching, by=world.initiator, kind="note", body="Hoi", at=later
        ),
        "not_allowed",
        unchanged=_counts,
    )
    refused(
        lambda: services.mark_step(
            coaching=world.coaching, by=world.partner_coach, step="cost_checked", at=later
        ),
        "not_allowed",
        unchanged=_counts,
    )


def test_the_log_is_open_in_the_ideas_phase() -> None:
    world = make_world(kinds=factories.IDEAS_PHASE_KINDS)  # now halfway through the ideas phase
    assert world.edition.phases.get(kind="ideas").starts_at < timezone.now()
    services.write_note(coaching=world.coaching, by=world.initiator, kind="note", body="Hoi")
    assert world.coaching.notes.count() == 2
    earlier = timezone.now() - timedelta(days=10)  # the information phase: not yet
    refused(
        lambda: services.write_note(
            coaching=world.coaching, by=world.initiator, kind="note", body="x", at=earlier
        ),
        "not_allowed",
        unchanged=_counts,
    )


# The steps -----------------------------------------------------------------------------------------


def test_only_the_coach_marks_steps_and_may_undo_one_audited() -> None:
    world = make_world()
    for person in (world.initiator, world.official, world.resident):
        refused(
            partial(services.mark_step, coaching=world.coaching, by=person, step="cost_checked"),
            "not_the_coach",
            unchanged=_counts,
        )
    step = services.mark_step(
        coaching=world.coaching, by=world.partner_coach, step="cost_checked", note="Klopt"
    )
    assert (step.step, step.note, step.done_by) == ("cost_checked", "Klopt", world.partner_coach)
    refused(
        lambda: services.mark_step(coaching=world.coaching, by=world.partner_coach, step="cost_checked"),
        "step_already_done",
        unchanged=_counts,
    )
    refused(
        lambda: services.undo_step(coaching=world.coaching, by=world.initiator, step="cost_checked"),
        "not_the_coach",
        unchanged=_counts,
    )
    services.undo_step(coaching=world.coaching, by=world.partner_coach, step="cost_checked")
    assert not world.coaching.steps.exists()
    refused(
        lambda: services.undo_step(coaching=world.coaching, by=world.partner_coach, step="cost_checked"),
        "step_not_done",
    )
    actions = list(
        AuditEntry.objects.filter(actor=world.partner_coach, action__startswith="development.coaching_step")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["development.coaching_step_done", "development.coaching_step_undone"]


def test_the_permit_step_needs_its_answer_and_only_it_has_one() -> None:
    world = make_world()
    coach = world.partner_coach
    refused(
        lambda: services.mark_step(coaching=world.coaching, by=coach, step="permit"),
        "permit_answer_required",
        unchanged=_counts,
    )
    refused(
        lambda: services.mark_step(coaching=world.coaching, by=coach, step="permit", permit="misschien"),
        "permit_answer_required",
        unchanged=_counts,
    )
    refused(
        lambda: services.mark_step(
            coaching=world.coaching, by=coach, step="location_checked", permit="needed"
        ),
        "permit_only_on_permit_step",
        unchanged=_counts,
    )
    refused(
        lambda: services.mark_step(coaching=world.coaching, by=coach, step="paint_it"),
        "unknown_step",
        unchanged=_counts,
    )
    done = services.mark_step(coaching=world.coaching, by=coach, step="permit", permit="not_needed")
    with translation.override("en"):
        assert (done.permit, done.get_permit_display()) == ("not_needed", "No permit is needed")


def test_a_coach_whose_partner_ended_cannot_mark_steps() -> None:
    world = make_world()
    Partner.objects.filter(pk=world.partner.pk).update(ended_at=timezone.now())
    with pytest.raises(CoachingError) as caught:
        services.mark_step(coaching=world.coaching, by=world.partner_coach, step="cost_checked")
    assert caught.value.code == "not_a_coach"
    assert not CoachingStep.objects.exists()
