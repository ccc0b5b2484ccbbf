"""Reads for the work-session pages: sessions and attendance, materials, questions, and the public view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q, Sum

from ballots.sections import ballot_sections
from editions.models import Edition
from proposals.models import CostLine, Plan
from review.models import Review, Verdict

from ..draw.selectors import published_draw
from ..models import Attendance, MemberStatus, PanelMember, PanelQuestion, Presentation, WorkSession
from ..steps import published_decision


@dataclass(frozen=True)
class SessionRow:
    """A session with how many members came (``None``: attendance not recorded) and who presents."""

    session: WorkSession
    present: int | None
    recorded: int
    presentations: list[Presentation]


@dataclass(frozen=True)
class MemberRow:
    """A panel member on the attendance form: pool id, name (for the facilitator only), present?"""

    pk: int
    pool_id: str
    name: str
    present: bool


@dataclass(frozen=True)
class MaterialPlan:
    pk: int
    title: str
    summary: str
    cost_cents: int
    original_cost_cents: int
    neighbourhood: str
    theme: str
    verdict: str
    verdict_label: str
    explanation: str
    cost_change_reason: str

    @property
    def cost_adjusted(self) -> bool:
        return self.cost_cents != self.original_cost_cents


@dataclass(frozen=True)
class MaterialSection:
    key: str
    label: str
    budget_cents: int
    plans: list[MaterialPlan]

    @property
    def total_cents(self) -> int:
        return sum(p.cost_cents for p in self.plans)


@dataclass(frozen=True)
class PublicSession:
    """What the public sees of a session; minutes, attendance and questions only after the decision."""

    number: int
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str
    agenda_items: list[str]
    presenting: list[Plan]
    record: WorkSession  # for the title and agenda in the reader's language (``translated`` tags)
    minutes: str
    present: int | None
    recorded: int
    questions: list[PanelQuestion]


@dataclass(frozen=True)
class PublicSessions:
    published: bool  # the panel's decision is published: the whole record is public
    sessions: list[PublicSession]
    other_questions: list[PanelQuestion]  # questions not asked in a particular session


def _sessions(edition: Edition) -> list[WorkSession]:
    return list(
        WorkSession.objects.filter(edition=edition)
        .annotate(
            present_count=Count("attendance", filter=Q(attendance__present=True)),
            recorded_count=Count("attendance"),
        )
        .prefetch_related(
            Prefetch(
                "presentations", queryset=Presentation.objects.select_related("plan").order_by("plan__title")
            )
        )
        .order_by("starts_at", "number")
    )


def session_rows(edition: Edition) -> list[SessionRow]:
    """The edition's sessions in date order, with attendance counts and presentations."""
    rows = []
    for session in _sessions(edition):
        recorded: int = getattr(session, "recorded_count", 0)
        rows.append(
            SessionRow(
                session=session,
                present=getattr(session, "present_count", 0) if recorded else None,
                recorded=recorded,
                presentations=list(session.presentations.all()),
            )
        )
    return rows


def session_of(edition: Edition, number: int) -> WorkSession | None:
    return WorkSession.objects.select_related("edition").filter(edition=edition, number=number).first()


def attendance_rows(session: WorkSession) -> list[MemberRow]:
    """The active members of the published panel with whether they were recorded present."""
    draw = published_draw(session.edition)
    if draw is None:
        return []
    present = set(
        Attendance.objects.filter(session=session, present=True).values_list("member_id", flat=True)
    )
    members = (
        PanelMember.objects.filter(draw=draw, status=MemberStatus.ACTIVE)
        .select_related("respondent")
        .order_by("pool_id")
    )
    return [
        MemberRow(
            pk=m.pk,
            pool_id=m.pool_id,
            name=m.respondent.name if m.respondent else "",
            present=m.pk in present,
        )
        for m in members
    ]


def session_materials(edition: Edition) -> list[MaterialSection]:
    """The plans on the ballot per section, with cost, place, theme and their published review."""
    sections = ballot_sections(edition)
    ids = [p.pk for s in sections for p in s.plans]
    reviews = {r.plan_id: r for r in Review.objects.filter(plan_id__in=ids, published_at__isnull=False)}
    originals = dict(
        CostLine.objects.filter(plan_id__in=ids)
        .values("plan_id")
        .annotate(total=Sum("amount_cents"))
        .values_list("plan_id", "total")
    )
    result = []
    for section in sections:
        plans = []
        for plan in section.plans:
            review = reviews.get(plan.pk)
            plans.append(
                MaterialPlan(
                    pk=plan.pk,
                    title=plan.title,
                    summary=plan.summary,
                    cost_cents=plan.cost_cents,
                    original_cost_cents=int(originals.get(plan.pk) or 0),
                    neighbourhood=plan.neighbourhood,
                    theme=plan.theme,
                    verdict=review.verdict if review else "",
                    verdict_label=str(Verdict(review.verdict).label) if review and review.verdict else "",
                    explanation=review.public_explanation if review else "",
                    cost_change_reason=review.cost_change_reason
                    if review and review.adjusted_cost_cents
                    else "",
                )
            )
        result.append(MaterialSection(section.key, section.label, section.budget_cents, plans))
    return result


def questions_of(edition: Edition, *, session: WorkSession | None = None) -> list[PanelQuestion]:
    """The panel's questions, oldest first (of one session if given), with their session and plan."""
    questions = PanelQuestion.objects.filter(edition=edition).select_related("session", "plan", "answered_by")
    if session is not None:
        questions = questions.filter(session=session)
    return list(questions.order_by("asked_at", "pk"))


def sessions_public(edition: Edition) -> PublicSessions:
    """What anyone may see: date, place, agenda and presenters always; the rest once the decision is out."""
    published = published_decision(edition) is not None
    questions = questions_of(edition) if published else []
    by_session: dict[int, list[PanelQuestion]] = {}
    for question in questions:
        if question.session_id is not None:
            by_session.setdefault(question.session_id, []).append(question)
    sessions = []
    for row in session_rows(edition):
        session = row.session
        sessions.append(
            PublicSession(
                number=session.number,
                title=session.title,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                place=session.place,
                agenda_items=session.agenda_items,
                presenting=[p.plan for p in row.presentations],
                minutes=session.minutes if published else "",
                present=row.present if published else None,
                recorded=row.recorded if published else 0,
                questions=by_session.get(session.pk, []),
                record=session,
            )
        )
    return PublicSessions(
        published=published,
        sessions=sessions,
        other_questions=[q for q in questions if q.session_id is None],
    )
