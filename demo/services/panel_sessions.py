"""The demo panel's work sessions: dates, agendas, attendance, presenters, minutes, questions and answers.

Written as the session services would write them (``deliberation.services.sessions``), at moments
in the decision phase, because those services refuse outside the phase by the real clock. Made
once: a second load finds the sessions and adds nothing.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from accounts.models import User
from deliberation.models import (
    Attendance,
    Draw,
    MemberStatus,
    PanelQuestion,
    Presentation,
    WorkSession,
)
from editions.models import Edition
from editions.phases import PhaseKind
from proposals.models import Plan

from ..content.panel_noord import SessionSpec
from ._common import AMSTERDAM, audit_once, phase_of

SATURDAY = 5


def _saturday(phase_start: datetime, ordinal: int, hour: int) -> datetime:
    """The ``ordinal``-th Saturday from the phase's start (Amsterdam time), at ``hour``."""
    first = phase_start.astimezone(AMSTERDAM).date()
    first += timedelta(days=(SATURDAY - first.weekday()) % 7)
    return datetime.combine(first + timedelta(weeks=ordinal - 1), time(hour, 0), tzinfo=AMSTERDAM)


def load_sessions(
    *, edition: Edition, specs: tuple[SessionSpec, ...], facilitator: User, official: User
) -> list[WorkSession]:
    """The sessions of ``specs`` with attendance and questions, unless the edition has sessions."""
    existing = list(WorkSession.objects.filter(edition=edition).order_by("number"))
    if existing or not specs:
        return existing
    draw = Draw.objects.filter(edition=edition, is_current=True, published_at__isnull=False).first()
    if draw is None:
        return []
    decision = phase_of(edition, PhaseKind.DECISION)
    members = list(draw.members.filter(status=MemberStatus.ACTIVE).order_by("pool_id"))
    plans = {p.title: p for p in Plan.objects.filter(edition=edition)}
    rng = random.Random(f"sessions:{edition.slug}")
    sessions = []
    for number, spec in enumerate(specs, start=1):
        starts_at = _saturday(decision.starts_at, spec.saturday, 10)
        ends_at = starts_at + timedelta(hours=6)
        session = WorkSession.objects.create(
            edition=edition,
            number=number,
            title=spec.title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=spec.place,
            agenda="\n".join(spec.agenda),
            minutes=spec.minutes,
            minutes_recorded_at=ends_at + timedelta(days=2),
            created_by=facilitator,
            created_at=decision.starts_at - timedelta(days=10),
        )
        audit_once(
            actor=facilitator,
            action="panel.session_planned",
            target=session,
            edition=edition,
            at=session.created_at,
            after={"number": number, "title": spec.title, "starts_at": starts_at.isoformat()},
        )
        absent = set(rng.sample([m.pk for m in members], spec.absent))
        Attendance.objects.bulk_create(
            Attendance(
                session=session,
                member=m,
                present=m.pk not in absent,
                recorded_by=facilitator,
                recorded_at=ends_at,
            )
            for m in members
        )
        Presentation.objects.bulk_create(
            Presentation(
                session=session,
                plan=plans[title],
                invited_by=facilitator,
                invited_at=starts_at - timedelta(days=8),
            )
            for title in spec.presenting
        )
        for position, question in enumerate(spec.questions):
            asked_at = starts_at + timedelta(hours=4, minutes=10 * position)
            PanelQuestion.objects.create(
                edition=edition,
                session=session,
                plan=plans.get(question.plan_title),
                question=question.question,
                asked_at=asked_at,
                recorded_by=facilitator,
                answer=question.answer,
                answered_by=official,
                answered_at=asked_at + timedelta(days=6),
            )
        audit_once(
            actor=facilitator,
            action="panel.minutes_recorded",
            target=session,
            edition=edition,
            at=ends_at + timedelta(days=2),
            after={"number": number},
        )
        sessions.append(session)
    return sessions
