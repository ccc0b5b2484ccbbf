"""Asking for a pre-check of a draft, and answering it on the review's checklist without a verdict.

The initiators ask while the edition's phase opens ``ASK_PRECHECK`` (the plans phase); a reviewer or
official of the edition's district answers, in any phase, once. Neither changes the plan's status.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from audit.services import record
from editions.permissions import can
from editions.phases import Action
from notifications.models import NotificationKind
from notifications.services import notify
from notifications.texts import moment_param
from proposals.models import Plan, PlanStatus
from proposals.status import initiators_of

from ..models import CheckOutcome, PreCheck, PreCheckNote, ReviewCriterion
from ..services import ensure_criteria
from ..services._common import lock_plan
from ..services.reviewing import _names_in_reader_language
from .errors import PrecheckError
from .selectors import is_initiator

MAX_QUESTION_LENGTH = 2000
MAX_NOTE_LENGTH = 2000
MAX_SUMMARY_LENGTH = 3000
EXCERPT_LENGTH = 140


@dataclass(frozen=True)
class NoteAnswer:
    """The answer on one criterion: a first impression (a ``CheckOutcome`` value) and advice."""

    outcome: str
    note: str = ""


def district_reviewers(plan: Plan) -> QuerySet[User]:
    """Who is told of a new pre-check: the district's reviewers, or its officials when it has none."""
    district_id = plan.edition.district_id
    for role in (Role.REVIEWER, Role.OFFICIAL):
        people = User.objects.filter(
            staff_roles__district_id=district_id, staff_roles__role=role, is_active=True
        ).distinct()
        if people.exists():
            return people.order_by("display_name", "pk")
    return User.objects.none()


def precheck_url(precheck: PreCheck) -> str:
    return reverse("review:precheck", kwargs={"pk": precheck.pk})


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _text(value: str, limit: int) -> str:
    value = value.strip()
    if len(value) > limit:
        raise PrecheckError("text_too_long", limit=limit)
    return value


@transaction.atomic
def ask_precheck(*, plan: Plan, by: User, question: str = "", at: datetime | None = None) -> PreCheck:
    """An initiator asks the district to look at their draft ``at`` (default now); the reviewers are told."""
    if not is_initiator(by, plan):
        raise PrecheckError("not_initiator")
    lock_plan(plan)
    if plan.status != PlanStatus.DRAFT:
        raise PrecheckError("already_submitted")
    if not can(by, Action.ASK_PRECHECK, plan.edition, at=at):
        raise PrecheckError("not_open")
    question = _text(question, MAX_QUESTION_LENGTH)
    if PreCheck.objects.filter(plan=plan, answered_at__isnull=True).exists():
        raise PrecheckError("already_open")
    asked_at = at or timezone.now()
    due_at = asked_at + timedelta(days=max(plan.edition.precheck_days, 1))
    try:
        with transaction.atomic():  # the database's one-open-per-plan rule decides a race
            precheck = PreCheck.objects.create(
                plan=plan, question=question, asked_by=by, asked_at=asked_at, due_at=due_at
            )
    except IntegrityError:
        raise PrecheckError("already_open") from None
    notify(
        recipients=district_reviewers(plan),
        kind=NotificationKind.PRECHECK_ASKED,
        params={"person": by.display_name, "plan": plan.title, "deadline": moment_param(due_at)},
        url=precheck_url(precheck),
        exclude=by,
        at=at,
    )
    return precheck


def _checked_notes(
    criteria: list[ReviewCriterion], notes: Mapping[str, NoteAnswer]
) -> list[tuple[ReviewCriterion, CheckOutcome, str]]:
    """Every criterion with its answer, validated; refuses an unknown, missing or incomplete answer."""
    by_key = {c.key: c for c in criteria}
    for key in notes:
        if key not in by_key:
            raise PrecheckError("unknown_criterion", criterion=key)
    missing = [c.name for c in criteria if c.key not in notes or not notes[c.key].outcome]
    if missing:
        raise PrecheckError("checklist_incomplete", criteria=_names_in_reader_language(missing))
    checked = []
    for criterion in criteria:
        answer = notes[criterion.key]
        if answer.outcome not in CheckOutcome.values:
            raise PrecheckError("unknown_outcome", criterion=criterion.label)
        checked.append((criterion, CheckOutcome(answer.outcome), _text(answer.note, MAX_NOTE_LENGTH)))
    return checked


@transaction.atomic
def answer_precheck(
    *,
    precheck: PreCheck,
    by: User,
    notes: Mapping[str, NoteAnswer],
    summary: str,
    at: datetime | None = None,
) -> PreCheck:
    """Answer a pre-check ``at`` (default now) on every criterion of the edition's checklist, once.

    No verdict and no change to the plan's status; audited; the initiators are told."""
    plan = precheck.plan
    edition = plan.edition
    if not can(by, Action.ANSWER_PRECHECK, edition, at=at):
        raise PrecheckError("not_district")
    checked = _checked_notes(ensure_criteria(edition=edition), notes)
    summary = _text(summary, MAX_SUMMARY_LENGTH)
    if not summary:
        raise PrecheckError("summary_required")
    moment = at or timezone.now()
    if moment < precheck.asked_at:
        raise PrecheckError("answered_before_asked")
    # Conditional: of two reviewers answering at once, one wins and the other is told.
    answered = PreCheck.objects.filter(pk=precheck.pk, answered_at__isnull=True).update(
        answered_at=moment, answered_by=by, summary=summary
    )
    if answered != 1:
        raise PrecheckError("already_answered")
    PreCheckNote.objects.bulk_create(
        PreCheckNote(precheck=precheck, criterion=criterion, outcome=outcome, note=note)
        for criterion, outcome, note in checked
    )
    precheck.refresh_from_db()
    record(
        actor=by,
        action="review.precheck_answered",
        target=precheck,
        edition=edition,
        after={
            "notes": {c.key: {"outcome": o.value, "note": n} for c, o, n in checked},
            "summary": summary,
            "response_seconds": int((moment - precheck.asked_at).total_seconds()),
        },
        at=at,
    )
    notify(
        recipients=initiators_of(plan),
        kind=NotificationKind.PRECHECK_ANSWERED,
        params={"plan": plan.title, "excerpt": excerpt(summary)},
        url=precheck_url(precheck),
        exclude=by,
        at=at,
    )
    return precheck
