"""The panel's work sessions: plan them, record who came and the minutes, invite presenters, ask and answer.

The facilitator (gespreksleider) does everything but answering, while the phase opens
``Action.FACILITATE_PANEL``; an official or reviewer of the district answers the panel's questions.
Once the panel's decision is published (``steps.published_decision``) the record is public and
closed: every service refuses with ``record_closed``. Each service is one transaction and writes an
audit entry; a refusal (``SessionError``) changes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from audit.services import record
from ballots.sections import ballot_sections
from common.translated import clean_translations
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import moment_param
from proposals.models import Plan
from proposals.status import initiators_of

from ..draw.selectors import published_draw
from ..models import Attendance, MemberStatus, PanelMember, PanelQuestion, Presentation, WorkSession
from ..steps import published_decision
from .errors import SessionError

if TYPE_CHECKING:
    from accounts.models import User


def _lock(edition: Edition) -> None:
    Edition.objects.select_for_update().filter(pk=edition.pk).values_list("pk", flat=True).get()


def _require_facilitator(by: User, edition: Edition, at: datetime | None = None) -> None:
    if not edition.has_panel:
        raise SessionError("no_panel")
    if not can(by, Action.FACILITATE_PANEL, edition, at=at):
        raise SessionError("not_allowed")


def _require_open_record(edition: Edition) -> None:
    if published_decision(edition) is not None:
        raise SessionError("record_closed")


def may_answer(user: User, edition: Edition, *, at: datetime | None = None) -> bool:
    """Whether ``user`` may answer the panel's questions: an official or reviewer of the district."""
    return can(user, Action.ANSWER_PANEL_QUESTIONS, edition, at=at)


def ballot_plan_ids(edition: Edition) -> frozenset[int]:
    """The plans the panel decides on: every plan on the edition's ballot."""
    return frozenset(pk for section in ballot_sections(edition) for pk in section.plan_ids)


def _clean_details(
    *, title: str, starts_at: datetime, ends_at: datetime, place: str, agenda: str
) -> tuple[str, str, str]:
    title, place = title.strip(), place.strip()
    agenda = "\n".join(line.strip() for line in agenda.strip().splitlines() if line.strip())
    if not title:
        raise SessionError("title_required")
    if not place:
        raise SessionError("place_required")
    if not agenda:
        raise SessionError("agenda_required")
    if ends_at <= starts_at:
        raise SessionError("ends_before_start")
    return title, place, agenda


def _clean_translations(translations: Mapping[str, Mapping[str, str]] | None) -> dict[str, dict[str, str]]:
    """The title and agenda in other languages, each agenda one item a line like the Dutch one."""
    cleaned = clean_translations(WorkSession, translations)
    for texts in cleaned.values():
        if "agenda" in texts:
            texts["agenda"] = "\n".join(line.strip() for line in texts["agenda"].splitlines() if line.strip())
    return cleaned


def _details(session: WorkSession) -> dict[str, Any]:
    return {
        "title": session.title,
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "place": session.place,
        "agenda": session.agenda,
        "translations": session.translations,
    }


@transaction.atomic
def plan_session(
    *,
    edition: Edition,
    by: User,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    agenda: str,
    translations: Mapping[str, Mapping[str, str]] | None = None,
    at: datetime | None = None,
) -> WorkSession:
    """Plan the panel's next session; it gets the next number of the edition (``at``: default now).

    ``translations``: the title and agenda in other languages (``{"en": {"agenda": "…"}}``)."""
    _require_facilitator(by, edition, at)
    title, place, agenda = _clean_details(
        title=title, starts_at=starts_at, ends_at=ends_at, place=place, agenda=agenda
    )
    translated = _clean_translations(translations)
    _lock(edition)
    _require_open_record(edition)
    last = WorkSession.objects.filter(edition=edition).aggregate(last=Max("number"))["last"] or 0
    session = WorkSession.objects.create(
        edition=edition,
        number=last + 1,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        agenda=agenda,
        translations=translated,
        created_by=by,
        **({} if at is None else {"created_at": at}),
    )
    record(
        actor=by,
        action="panel.session.plan",
        target=session,
        edition=edition,
        after={"number": session.number, **_details(session)},
        at=at,
    )
    return session


@transaction.atomic
def update_session(
    *,
    session: WorkSession,
    by: User,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    agenda: str,
    translations: Mapping[str, Mapping[str, str]] | None = None,
) -> WorkSession:
    """Change a session's title, time, place or agenda (``translations``: None keeps them as they are)."""
    edition = session.edition
    _require_facilitator(by, edition)
    title, place, agenda = _clean_details(
        title=title, starts_at=starts_at, ends_at=ends_at, place=place, agenda=agenda
    )
    translated = None if translations is None else _clean_translations(translations)
    _lock(edition)
    _require_open_record(edition)
    session.refresh_from_db()
    before = _details(session)
    session.title, session.starts_at, session.ends_at = title, starts_at, ends_at
    session.place, session.agenda = place, agenda
    if translated is not None:
        session.translations = translated
    session.save(update_fields=["title", "starts_at", "ends_at", "place", "agenda", "translations"])
    record(
        actor=by,
        action="panel.session.update",
        target=session,
        edition=edition,
        before=before,
        after=_details(session),
    )
    return session


def _require_started(session: WorkSession, at: datetime | None = None) -> None:
    if session.starts_at > (at or timezone.now()):
        raise SessionError("not_started")


@transaction.atomic
def record_attendance(
    *, session: WorkSession, by: User, present: Collection[int], at: datetime | None = None
) -> list[Attendance]:
    """Record, for every active member of the published panel, whether they came (``present``: member pks).

    Recording again replaces the rows of the members who are active now; rows of members who have
    dropped out since stay, since they were on the panel at the time.
    """
    edition = session.edition
    _require_facilitator(by, edition, at)
    _require_started(session, at)
    draw = published_draw(edition)
    if draw is None:
        raise SessionError("panel_not_published")
    _lock(edition)
    _require_open_record(edition)
    members = list(PanelMember.objects.filter(draw=draw, status=MemberStatus.ACTIVE).order_by("pool_id"))
    member_ids = {m.pk for m in members}
    chosen = set(present)
    if not chosen <= member_ids:
        raise SessionError("not_on_panel")
    previous = dict(
        Attendance.objects.filter(session=session, member__in=members).values_list(
            "member__pool_id", "present"
        )
    )
    Attendance.objects.filter(session=session, member__in=members).delete()
    now = at or timezone.now()
    rows = Attendance.objects.bulk_create(
        Attendance(session=session, member=m, present=m.pk in chosen, recorded_by=by, recorded_at=now)
        for m in members
    )
    record(
        actor=by,
        action="panel.session.attendance",
        target=session,
        edition=edition,
        before={"present": sorted(k for k, v in previous.items() if v)} if previous else {},
        after={
            "present": sorted(m.pool_id for m in members if m.pk in chosen),
            "absent": sorted(m.pool_id for m in members if m.pk not in chosen),
        },
        at=at,
    )
    return rows


@transaction.atomic
def record_minutes(
    *, session: WorkSession, by: User, minutes: str, at: datetime | None = None
) -> WorkSession:
    """Write (or correct) the session's minutes; possible once the session has started."""
    edition = session.edition
    _require_facilitator(by, edition, at)
    minutes = minutes.strip()
    if not minutes:
        raise SessionError("minutes_required")
    _require_started(session, at)
    _lock(edition)
    _require_open_record(edition)
    session.refresh_from_db()
    before = session.minutes
    session.minutes = minutes
    session.minutes_recorded_at = at or timezone.now()
    session.save(update_fields=["minutes", "minutes_recorded_at"])
    record(
        actor=by,
        action="panel.session.minutes",
        target=session,
        edition=edition,
        before={"minutes": before} if before else {},
        after={"minutes": minutes},
        at=at,
    )
    return session


def public_sessions_url(edition: Edition) -> str:
    return reverse("deliberation:meetings", kwargs={"slug": edition.slug})


@transaction.atomic
def invite_presenter(
    *,
    session: WorkSession,
    by: User,
    plan: Plan,
    at: datetime | None = None,
    notify_initiators: bool = True,
) -> Presentation:
    """Invite a plan's initiators to present it in the session; they are notified (unless not to:
    the demo makes its notices itself)."""
    edition = session.edition
    _require_facilitator(by, edition, at)
    if plan.edition_id != edition.pk or plan.pk not in ballot_plan_ids(edition):
        raise SessionError("plan_not_on_ballot", plan=plan.title)
    _lock(edition)
    _require_open_record(edition)
    if Presentation.objects.filter(session=session, plan=plan).exists():
        raise SessionError("already_invited", plan=plan.title)
    presentation = Presentation.objects.create(
        session=session, plan=plan, invited_by=by, **({} if at is None else {"invited_at": at})
    )
    initiators = initiators_of(plan) if notify_initiators else []
    notify(
        recipients=initiators,
        kind=NotificationKind.PANEL_PRESENTATION,
        params={
            "plan": plan.title,
            "session": session.title,
            "starts_at": moment_param(session.starts_at),
            "place": session.place,
        },
        url=public_sessions_url(edition),
    )
    record(
        actor=by,
        action="panel.session.invite",
        target=presentation,
        edition=edition,
        after={"session": session.number, "plan": plan.pk, "notified": sorted(u.pk for u in initiators)},
        at=at,
    )
    return presentation


@transaction.atomic
def ask_question(
    *,
    edition: Edition,
    by: User,
    question: str,
    session: WorkSession | None = None,
    plan: Plan | None = None,
    at: datetime | None = None,
) -> PanelQuestion:
    """Record a question of the panel to the district's officials, about a session or plan if given."""
    _require_facilitator(by, edition, at)
    question = question.strip()
    if not question:
        raise SessionError("question_required")
    if session is not None and session.edition_id != edition.pk:
        raise SessionError("wrong_session")
    if plan is not None and (plan.edition_id != edition.pk or plan.pk not in ballot_plan_ids(edition)):
        raise SessionError("plan_not_on_ballot", plan=plan.title)
    _lock(edition)
    _require_open_record(edition)
    asked = PanelQuestion.objects.create(
        edition=edition,
        session=session,
        plan=plan,
        question=question,
        recorded_by=by,
        **({} if at is None else {"asked_at": at}),
    )
    record(
        actor=by,
        action="panel.question.ask",
        target=asked,
        edition=edition,
        after={
            "question": question,
            "session": session.number if session else None,
            "plan": plan.pk if plan else None,
        },
        at=at,
    )
    return asked


@transaction.atomic
def answer_question(
    *, question: PanelQuestion, by: User, answer: str, at: datetime | None = None
) -> PanelQuestion:
    """An official or reviewer answers the question, or corrects the answer (audited with the old text)."""
    edition = question.edition
    if not may_answer(by, edition, at=at):
        raise SessionError("not_allowed")
    answer = answer.strip()
    if not answer:
        raise SessionError("answer_required")
    _lock(edition)
    _require_open_record(edition)
    question.refresh_from_db()
    before = question.answer
    if before == answer:
        raise SessionError("answer_unchanged")
    question.answer = answer
    question.answered_by = by
    question.answered_at = at or timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    record(
        actor=by,
        action="panel.question.correct" if before else "panel.question.answer",
        target=question,
        edition=edition,
        before={"answer": before} if before else {},
        after={"answer": answer},
        at=at,
    )
    return question
