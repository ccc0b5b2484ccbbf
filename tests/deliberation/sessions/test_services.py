"""The work-session services: planning, attendance, minutes, presenters, questions and answers; refusals,
permissions per phase, notifications and audit entries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from accounts.models import Role, User
from audit.models import AuditEntry
from deliberation.models import (
    Attendance,
    Draw,
    MemberStatus,
    PanelMember,
    PanelQuestion,
    Presentation,
    WorkSession,
)
from deliberation.sessions.errors import SessionError
from deliberation.sessions.selectors import session_materials, session_rows, sessions_public
from deliberation.sessions.services import (
    answer_question,
    ask_question,
    invite_presenter,
    plan_session,
    record_attendance,
    record_minutes,
    update_session,
)
from editions.models import Edition
from notifications.models import Notification, NotificationKind
from notifications.texts import body_for, subject_for
from proposals.models import PlanStatus
from tests import factories
from tests.refusals import refused

from ..factories import (
    make_ballot_plan,
    make_facilitator,
    make_panel_edition,
    make_published_panel,
    make_session_edition,
    make_work_session,
    publish_decision,
)

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


# --- helpers shared with the view and browser tests ----------------------------------------------


def snapshot() -> tuple[Any, ...]:
    """Everything the session services can change, to check that a refusal changed nothing."""
    return (
        list(WorkSession.objects.values().order_by("pk")),
        list(Attendance.objects.values().order_by("pk")),
        list(Presentation.objects.values().order_by("pk")),
        list(PanelQuestion.objects.values().order_by("pk")),
        Notification.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def edition() -> Edition:
    return make_session_edition()


@pytest.fixture
def facilitator(edition: Edition) -> User:
    return make_facilitator(edition)


@pytest.fixture
def session(edition: Edition, facilitator: User) -> WorkSession:
    return make_work_session(edition, facilitator)


# --- planning ------------------------------------------------------------------------------------


def test_planning_sessions_numbers_them_in_order_and_audits(edition: Edition, facilitator: User) -> None:
    first = make_work_session(edition, facilitator)
    second = make_work_session(edition, facilitator, starts_at=timezone.now() + timedelta(days=7))
    assert (first.number, second.number) == (1, 2)
    assert first.agenda_items == ["Welkom", "De plannen", "Vragen"]
    entry = AuditEntry.objects.filter(action="panel.session.plan").order_by("pk").last()
    assert entry is not None and entry.actor == facilitator and entry.after["number"] == 2


def test_numbers_are_per_edition(facilitator: User, edition: Edition) -> None:
    make_work_session(edition, facilitator)
    other = make_session_edition()
    assert make_work_session(other, make_facilitator(other)).number == 1


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"title": "  "}, "title_required"),
        ({"place": ""}, "place_required"),
        ({"agenda": " \n \n"}, "agenda_required"),
        ({"ends_at": "start"}, "ends_before_start"),
        ({"ends_at": "before"}, "ends_before_start"),
    ],
)
def test_bad_session_details_are_refused_and_change_nothing(
    edition: Edition, facilitator: User, session: WorkSession, change: dict[str, str], code: str
) -> None:
    start = timezone.now() + timedelta(days=3)
    details: dict[str, Any] = {
        "title": "Tweede avond",
        "starts_at": start,
        "ends_at": start + HOUR,
        "place": "Buurthuis",
        "agenda": "Welkom",
    }
    for key, value in change.items():
        details[key] = {"start": start, "before": start - HOUR}.get(value, value)
    refused(
        lambda: plan_session(edition=edition, by=facilitator, **details),
        code,
        error=SessionError,
        unchanged=snapshot,
    )
    refused(
        lambda: update_session(session=session, by=facilitator, **details),
        code,
        error=SessionError,
        unchanged=snapshot,
    )


def test_updating_a_session_audits_before_and_after(session: WorkSession, facilitator: User) -> None:
    update_session(
        session=session,
        by=facilitator,
        title="Kennismaken en uitleg",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        place="Wijkcentrum",
        agenda=session.agenda,
    )
    session.refresh_from_db()
    assert session.place == "Wijkcentrum"
    entry = AuditEntry.objects.get(action="panel.session.update")
    assert entry.before["place"] == "Buurthuis De Horizon" and entry.after["place"] == "Wijkcentrum"


@pytest.mark.parametrize("phase", ["review", "shortlist", "decision"])
def test_the_facilitator_plans_sessions_while_the_panel_works(phase: str) -> None:
    edition = make_session_edition(phase=phase)
    assert make_work_session(edition, make_facilitator(edition)).number == 1


@pytest.mark.parametrize("phase", ["plans", "support", "result", "execution"])
def test_sessions_cannot_be_planned_before_or_after_the_panels_phases(phase: str) -> None:
    edition = make_session_edition(phase=phase)
    refused(lambda: make_work_session(edition, make_facilitator(edition)), "not_allowed", error=SessionError)
    assert not WorkSession.objects.exists()


def test_the_panel_phase_of_a_hybrid_edition_opens_the_sessions() -> None:
    edition = make_session_edition(phase="panel", decision_model="hybrid", hybrid_order="vote_then_panel")
    assert make_work_session(edition, make_facilitator(edition)).number == 1


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.REVIEWER, Role.COMMITTEE])
def test_other_staff_cannot_plan_sessions(edition: Edition, role: Role) -> None:
    refused(
        lambda: make_work_session(edition, factories.make_staff(role=role, district=edition.district)),
        "not_allowed",
        error=SessionError,
    )


def test_a_facilitator_of_another_district_cannot_plan_sessions(edition: Edition) -> None:
    elsewhere = factories.make_staff(role=Role.FACILITATOR, district=factories.make_district())
    refused(lambda: make_work_session(edition, elsewhere), error=SessionError)


def test_an_edition_without_a_panel_has_no_sessions() -> None:
    edition = make_panel_edition(phase="decision")  # online vote
    refused(lambda: make_work_session(edition, make_facilitator(edition)), "no_panel", error=SessionError)


# --- attendance ----------------------------------------------------------------------------------


def test_attendance_has_one_row_per_active_member(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=6)
    members = list(draw.members.order_by("pool_id"))
    rows = record_attendance(session=session, by=facilitator, present=[m.pk for m in members[:4]])
    assert len(rows) == 6
    assert Attendance.objects.filter(session=session, present=True).count() == 4
    entry = AuditEntry.objects.get(action="panel.session.attendance")
    assert entry.after["present"] == sorted(m.pool_id for m in members[:4])
    assert entry.after["absent"] == sorted(m.pool_id for m in members[4:])
    row = session_rows(edition)[0]
    assert (row.present, row.recorded) == (4, 6)


def test_recording_attendance_again_replaces_it(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    members = list(draw.members.order_by("pool_id"))
    record_attendance(session=session, by=facilitator, present=[m.pk for m in members])
    record_attendance(session=session, by=facilitator, present=[members[0].pk])
    assert Attendance.objects.filter(session=session).count() == 4
    assert list(
        Attendance.objects.filter(session=session, present=True).values_list("member", flat=True)
    ) == [members[0].pk]
    last = AuditEntry.objects.filter(action="panel.session.attendance").order_by("pk").last()
    assert last is not None and len(last.before["present"]) == 4


def test_a_member_who_dropped_out_keeps_the_attendance_of_earlier_sessions(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    members = list(draw.members.order_by("pool_id"))
    record_attendance(session=session, by=facilitator, present=[m.pk for m in members])
    PanelMember.objects.filter(pk=members[0].pk).update(status=MemberStatus.DROPPED_OUT)
    record_attendance(session=session, by=facilitator, present=[])
    assert Attendance.objects.get(session=session, member=members[0]).present is True
    assert Attendance.objects.filter(session=session, present=False).count() == 3


def test_attendance_naming_someone_not_on_the_panel_is_refused(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    members = list(draw.members.order_by("pool_id"))
    PanelMember.objects.filter(pk=members[0].pk).update(status=MemberStatus.DROPPED_OUT)
    other = make_published_panel(make_session_edition(), size=2).members.first()
    assert other is not None
    before = snapshot()
    for stranger in (members[0].pk, other.pk, 999_999):
        present = [members[1].pk, stranger]
        refused(
            lambda: record_attendance(session=session, by=facilitator, present=present),  # noqa: B023 (called at once)
            "not_on_panel",
            error=SessionError,
        )
    assert snapshot() == before


def test_attendance_needs_a_published_panel(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=3)
    Draw.objects.filter(pk=draw.pk).update(published_at=None)
    refused(
        lambda: record_attendance(session=session, by=facilitator, present=[]),
        "panel_not_published",
        error=SessionError,
        unchanged=snapshot,
    )


def test_attendance_and_minutes_wait_until_the_session_started(edition: Edition, facilitator: User) -> None:
    make_published_panel(edition, size=3)
    later = make_work_session(edition, facilitator, starts_at=timezone.now() + timedelta(days=2))
    refused(
        lambda: record_attendance(session=later, by=facilitator, present=[]),
        "not_started",
        error=SessionError,
        unchanged=snapshot,
    )
    refused(
        lambda: record_minutes(session=later, by=facilitator, minutes="We spraken over de plannen."),
        "not_started",
        error=SessionError,
        unchanged=snapshot,
    )


# --- minutes -------------------------------------------------------------------------------------


def test_minutes_are_recorded_and_corrections_audited(session: WorkSession, facilitator: User) -> None:
    record_minutes(session=session, by=facilitator, minutes="  Eerste versie.  ")
    record_minutes(session=session, by=facilitator, minutes="Tweede versie.")
    session.refresh_from_db()
    assert session.minutes == "Tweede versie." and session.minutes_recorded_at is not None
    entries = list(AuditEntry.objects.filter(action="panel.session.minutes").order_by("pk"))
    assert entries[0].after == {"minutes": "Eerste versie."} and entries[0].before == {}
    assert entries[1].before == {"minutes": "Eerste versie."}


def test_empty_minutes_are_refused(session: WorkSession, facilitator: User) -> None:
    refused(
        lambda: record_minutes(session=session, by=facilitator, minutes=" \n "),
        "minutes_required",
        error=SessionError,
        unchanged=snapshot,
    )


# --- presenters ----------------------------------------------------------------------------------


def test_inviting_a_presenter_notifies_the_plans_initiators(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    plan = make_ballot_plan(edition, title="Moestuin aan de Sloterplas")
    co = factories.make_co_initiator(plan=plan)
    invite_presenter(session=session, by=facilitator, plan=plan)
    assert Presentation.objects.filter(session=session, plan=plan).exists()
    notifications = Notification.objects.filter(kind=NotificationKind.PANEL_PRESENTATION)
    assert {n.recipient_id for n in notifications} == {plan.initiator_id, co.user.pk}
    notification = notifications.first()
    assert notification is not None
    assert notification.url == f"/panel/{edition.slug}/bijeenkomsten/"
    assert "Moestuin aan de Sloterplas" in subject_for(notification.kind, notification.params)
    body = body_for(notification.kind, notification.params)
    assert "Buurthuis De Horizon" in body and "Kennismaken" in body
    entry = AuditEntry.objects.get(action="panel.session.invite")
    assert entry.after["plan"] == plan.pk and entry.after["session"] == 1


@pytest.mark.parametrize("status", [PlanStatus.SUBMITTED, PlanStatus.NOT_FEASIBLE, PlanStatus.WITHDRAWN])
def test_only_plans_on_the_ballot_can_be_presented(
    edition: Edition, facilitator: User, session: WorkSession, status: str
) -> None:
    plan = factories.make_plan(edition=edition, status=status)
    refused(
        lambda: invite_presenter(session=session, by=facilitator, plan=plan),
        "plan_not_on_ballot",
        error=SessionError,
        unchanged=snapshot,
    )


def test_a_plan_of_another_edition_cannot_be_presented(facilitator: User, session: WorkSession) -> None:
    plan = make_ballot_plan(make_session_edition())
    refused(
        lambda: invite_presenter(session=session, by=facilitator, plan=plan),
        "plan_not_on_ballot",
        error=SessionError,
    )


def test_inviting_the_same_plan_twice_to_a_session_is_refused(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    plan = make_ballot_plan(edition)
    invite_presenter(session=session, by=facilitator, plan=plan)
    refused(
        lambda: invite_presenter(session=session, by=facilitator, plan=plan),
        "already_invited",
        error=SessionError,
        unchanged=snapshot,
    )


# --- questions and answers -----------------------------------------------------------------------


def test_the_facilitator_records_a_question_and_an_official_answers(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    plan = make_ballot_plan(edition)
    question = ask_question(
        edition=edition, by=facilitator, session=session, plan=plan, question="Mag dit op gemeentegrond?"
    )
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    answer_question(question=question, by=official, answer="Ja, met een vergunning.")
    question.refresh_from_db()
    assert question.answer == "Ja, met een vergunning." and question.answered_by == official
    assert AuditEntry.objects.get(action="panel.question.ask").after["plan"] == plan.pk
    assert AuditEntry.objects.get(action="panel.question.answer").after == {
        "answer": "Ja, met een vergunning."
    }


def test_a_reviewer_may_correct_an_answer_and_the_old_text_is_audited(
    edition: Edition, facilitator: User
) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Wie onderhoudt de bankjes?")
    reviewer = factories.make_staff(role=Role.REVIEWER, district=edition.district)
    answer_question(question=question, by=reviewer, answer="Het stadsdeel.")
    answer_question(question=question, by=reviewer, answer="Het stadsdeel, vijf jaar lang.")
    entry = AuditEntry.objects.get(action="panel.question.correct")
    assert entry.before == {"answer": "Het stadsdeel."}
    assert entry.after == {"answer": "Het stadsdeel, vijf jaar lang."}


def test_the_same_answer_again_is_refused(edition: Edition, facilitator: User) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Hoe lang duurt de aanleg?")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    answer_question(question=question, by=official, answer="Drie maanden.")
    refused(
        lambda: answer_question(question=question, by=official, answer=" Drie maanden. "),
        "answer_unchanged",
        error=SessionError,
        unchanged=snapshot,
    )


def test_empty_questions_and_answers_are_refused(edition: Edition, facilitator: User) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Vraag?")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    refused(
        lambda: ask_question(edition=edition, by=facilitator, question="   "),
        "question_required",
        error=SessionError,
        unchanged=snapshot,
    )
    refused(
        lambda: answer_question(question=question, by=official, answer="\n"),
        "answer_required",
        error=SessionError,
        unchanged=snapshot,
    )


def test_a_question_about_a_plan_off_the_ballot_or_another_editions_session_is_refused(
    edition: Edition, facilitator: User
) -> None:
    other = make_session_edition()
    foreign = make_work_session(other, make_facilitator(other))
    refused(
        lambda: ask_question(edition=edition, by=facilitator, session=foreign, question="Vraag?"),
        "wrong_session",
        error=SessionError,
        unchanged=snapshot,
    )
    plan = factories.make_plan(edition=edition)
    refused(
        lambda: ask_question(edition=edition, by=facilitator, plan=plan, question="Vraag?"),
        "plan_not_on_ballot",
        error=SessionError,
        unchanged=snapshot,
    )


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.COMMITTEE])
def test_only_officials_and_reviewers_answer(edition: Edition, facilitator: User, role: Role) -> None:
    question = ask_question(edition=edition, by=facilitator, question="Vraag?")
    staff = factories.make_staff(role=role, district=edition.district)
    elsewhere = factories.make_staff(role=Role.OFFICIAL, district=factories.make_district())
    refused(
        lambda: answer_question(question=question, by=staff, answer="Antwoord."),
        "not_allowed",
        error=SessionError,
        unchanged=snapshot,
    )
    refused(
        lambda: answer_question(question=question, by=elsewhere, answer="Antwoord."),
        error=SessionError,
        unchanged=snapshot,
    )


# --- after the decision ---------------------------------------------------------------------------


def test_the_record_is_closed_once_the_decision_is_published(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=3)
    plan = make_ballot_plan(edition)
    question = ask_question(edition=edition, by=facilitator, question="Vraag?")
    official = factories.make_staff(role=Role.OFFICIAL, district=edition.district)
    member_ids = list(draw.members.values_list("pk", flat=True))
    publish_decision(edition, facilitator)
    before = snapshot()
    calls: list[Callable[[], object]] = [
        lambda: make_work_session(edition, facilitator),
        lambda: record_attendance(session=session, by=facilitator, present=member_ids),
        lambda: record_minutes(session=session, by=facilitator, minutes="Laat verslag."),
        lambda: invite_presenter(session=session, by=facilitator, plan=plan),
        lambda: ask_question(edition=edition, by=facilitator, question="Nog een vraag?"),
        lambda: answer_question(question=question, by=official, answer="Te laat."),
    ]
    for call in calls:
        refused(call, "record_closed", error=SessionError)
    assert snapshot() == before


# --- selectors -----------------------------------------------------------------------------------


def test_the_materials_show_the_ballot_plans_with_their_published_review_and_cost(edition: Edition) -> None:
    neighbourhood = factories.make_neighbourhood(district=edition.district, name="Osdorp")
    plan = make_ballot_plan(
        edition, title="Speeltuin", neighbourhood=neighbourhood, costs=[200_000], adjusted_cost_cents=250_000
    )
    factories.make_plan(edition=edition, title="Nog in behandeling", status=PlanStatus.IN_REVIEW)
    sections = session_materials(edition)
    plans = [p for s in sections for p in s.plans]
    assert [p.title for p in plans] == ["Speeltuin"]
    material = plans[0]
    assert material.pk == plan.pk
    assert (material.cost_cents, material.original_cost_cents, material.cost_adjusted) == (
        250_000,
        200_000,
        True,
    )
    assert material.neighbourhood == "Osdorp" and material.verdict == "feasible"
    assert material.explanation == "Past goed in het groenplan."
    assert material.cost_change_reason == "Duurder beplanting."
    assert sections[0].budget_cents == edition.total_budget_cents


def test_the_public_sees_the_record_only_after_the_decision(
    edition: Edition, facilitator: User, session: WorkSession
) -> None:
    draw = make_published_panel(edition, size=4)
    plan = make_ballot_plan(edition, title="Bankjes")
    record_attendance(
        session=session, by=facilitator, present=list(draw.members.values_list("pk", flat=True))[:3]
    )
    record_minutes(session=session, by=facilitator, minutes="Geheim tot het besluit.")
    invite_presenter(session=session, by=facilitator, plan=plan)
    ask_question(edition=edition, by=facilitator, session=session, question="Vraag in de sessie?")
    ask_question(edition=edition, by=facilitator, question="Losse vraag?")

    before = sessions_public(edition)
    assert not before.published
    public = before.sessions[0]
    assert (public.title, public.place, public.presenting) == ("Kennismaken", "Buurthuis De Horizon", [plan])
    assert (public.minutes, public.present, public.questions, before.other_questions) == ("", None, [], [])

    publish_decision(edition, facilitator)
    after = sessions_public(edition)
    public = after.sessions[0]
    assert after.published
    assert (public.minutes, public.present, public.recorded) == ("Geheim tot het besluit.", 3, 4)
    assert [q.question for q in public.questions] == ["Vraag in de sessie?"]
    assert [q.question for q in after.other_questions] == ["Losse vraag?"]


def test_a_session_recorded_afterwards_keeps_its_moments_and_refuses_a_moment_outside_the_phase() -> None:
    edition = make_session_edition(phase="result")
    facilitator = make_facilitator(edition)
    draw = make_published_panel(edition)
    decision = factories.phase_of(edition, "decision")
    planned_at = decision.starts_at + HOUR
    starts_at = decision.starts_at + 24 * HOUR
    refused(
        lambda: plan_session(
            edition=edition,
            by=facilitator,
            title="Kennismaken",
            starts_at=starts_at,
            ends_at=starts_at + 3 * HOUR,
            place="Buurthuis",
            agenda="Welkom",
        ),
        "not_allowed",
        error=SessionError,
        unchanged=snapshot,
    )

    session = plan_session(
        edition=edition,
        by=facilitator,
        title="Kennismaken",
        starts_at=starts_at,
        ends_at=starts_at + 3 * HOUR,
        place="Buurthuis",
        agenda="Welkom",
        at=planned_at,
    )
    members = list(draw.members.filter(status=MemberStatus.ACTIVE))
    ended = starts_at + 3 * HOUR
    record_attendance(session=session, by=facilitator, present=[m.pk for m in members], at=ended)
    record_minutes(session=session, by=facilitator, minutes="Iedereen was er.", at=ended + HOUR)

    session.refresh_from_db()
    assert session.created_at == planned_at and session.minutes_recorded_at == ended + HOUR
    assert set(Attendance.objects.filter(session=session).values_list("recorded_at", flat=True)) == {ended}
    log = AuditEntry.objects.filter(edition=edition, action__startswith="panel.session")
    assert sorted(e.at for e in log) == [planned_at, ended, ended + HOUR]
