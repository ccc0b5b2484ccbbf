"""The demo panel's work sessions: dates, agendas, attendance, presenters, minutes, questions and answers.

Made through the session services (``deliberation.sessions.services``), told the demo's moments in
the decision phase. Made once: a second load finds the sessions and adds nothing. The presenters'
invitations tell nobody: the demo's notifications are made in one place.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from accounts.models import User
from deliberation.models import Draw, MemberStatus, WorkSession
from deliberation.sessions.services import (
    answer_question,
    ask_question,
    ballot_plan_ids,
    invite_presenter,
    plan_session,
    record_attendance,
    record_minutes,
)
from editions.models import Edition
from editions.phases import DECIDING_ACTIONS
from proposals.models import Plan

from ..content.panel_noord import SessionSpec
from ._common import AMSTERDAM, phase_of

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
    decision = phase_of(edition, *DECIDING_ACTIONS)
    members = list(draw.members.filter(status=MemberStatus.ACTIVE).order_by("pool_id"))
    plans = {p.title: p for p in Plan.objects.filter(edition=edition)}
    # A question may name a plan that is not on the ballot (why it is not); it is asked about none.
    on_ballot = {title: plan for title, plan in plans.items() if plan.pk in ballot_plan_ids(edition)}
    rng = random.Random(f"sessions:{edition.slug}")
    sessions = []
    for spec in specs:
        starts_at = _saturday(decision.starts_at, spec.saturday, 10)
        ends_at = starts_at + timedelta(hours=6)
        session = plan_session(
            edition=edition,
            by=facilitator,
            title=spec.title,
            starts_at=starts_at,
            ends_at=ends_at,
            place=spec.place,
            agenda="\n".join(spec.agenda),
            at=decision.starts_at - timedelta(days=10),
        )
        invited_at = max(starts_at - timedelta(days=8), decision.starts_at)
        for title in spec.presenting:
            invite_presenter(
                session=session, by=facilitator, plan=plans[title], at=invited_at, notify_initiators=False
            )
        absent = set(rng.sample([m.pk for m in members], spec.absent))
        present = [m.pk for m in members if m.pk not in absent]
        record_attendance(session=session, by=facilitator, present=present, at=ends_at)
        for position, question in enumerate(spec.questions):
            asked_at = starts_at + timedelta(hours=4, minutes=10 * position)
            asked = ask_question(
                edition=edition,
                by=facilitator,
                question=question.question,
                session=session,
                plan=on_ballot.get(question.plan_title or ""),
                at=asked_at,
            )
            answer_question(
                question=asked, by=official, answer=question.answer, at=asked_at + timedelta(days=6)
            )
        minutes_at = min(ends_at + timedelta(days=2), decision.ends_at - timedelta(minutes=1))
        record_minutes(session=session, by=facilitator, minutes=spec.minutes, at=minutes_at)
        sessions.append(session)
    return sessions
