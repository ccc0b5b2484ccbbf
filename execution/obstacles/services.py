"""Recording what is in a project's way and how it was solved, and asking the district for help.

Blockers are recorded by either side (an owner or an official of the district) and resolved by
either, with how; a help request goes from an owner to the project's contact person (or, without
one, the district's officials) and is answered by an official. The dates are the learning
programme's raw material: how long a blocker stayed open, how long a question waited.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from notifications.models import NotificationKind
from notifications.services import notify

from ..access import check_district, check_open, check_owner, check_side, district_people
from ..models import AuthorSide, Blocker, BlockerCategory, HelpRequest, Project
from ..progress.services import excerpt
from .errors import ObstacleError

MAX_TEXT_LENGTH = 2000


def _text(value: str, empty_code: str) -> str:
    value = value.strip()
    if not value:
        raise ObstacleError(empty_code)
    if len(value) > MAX_TEXT_LENGTH:
        raise ObstacleError("text_too_long", limit=MAX_TEXT_LENGTH)
    return value


def record_blocker(
    *, project: Project, by: User, category: str, description: str, at: datetime | None = None
) -> Blocker:
    """Record an obstacle ``at`` (default now) for the initiators or the district; audited for staff."""
    side = check_side(by, project, at=at)
    check_open(project)
    if category not in BlockerCategory.values:
        raise ObstacleError("unknown_category")
    description = _text(description, "empty_description")
    with transaction.atomic():
        blocker = Blocker.objects.create(
            project=project,
            category=category,
            description=description,
            side=side,
            opened_by=by,
            opened_at=at or timezone.now(),
        )
        if side == AuthorSide.DISTRICT:
            record(
                actor=by,
                action="execution.blocker_recorded",
                target=blocker,
                edition=project.edition,
                after={"category": category},
                at=at,
            )
    return blocker


def resolve_blocker(*, blocker: Blocker, by: User, resolution: str, at: datetime | None = None) -> Blocker:
    """Mark an obstacle solved ``at`` (default now), saying how; the resolved blocker is public."""
    project = blocker.project
    side = check_side(by, project, at=at)
    resolution = _text(resolution, "empty_resolution")
    moment = at or timezone.now()
    if moment < blocker.opened_at:
        raise ObstacleError("resolved_before_opened")
    with transaction.atomic():
        # Conditional: of two people resolving at once, one wins and the other is told.
        solved = Blocker.objects.filter(pk=blocker.pk, resolved_at__isnull=True).update(
            resolved_at=moment, resolved_by=by, resolution=resolution
        )
        if solved != 1:
            raise ObstacleError("already_resolved")
        if side == AuthorSide.DISTRICT:
            record(
                actor=by,
                action="execution.blocker_resolved",
                target=blocker,
                edition=project.edition,
                after={"resolution": resolution},
                at=at,
            )
    blocker.refresh_from_db()
    return blocker


def ask_for_help(*, project: Project, by: User, question: str, at: datetime | None = None) -> HelpRequest:
    """An owner asks the district for help ``at`` (default now); the contact person is told."""
    check_owner(by, project, at=at)
    check_open(project)
    question = _text(question, "empty_question")
    with transaction.atomic():
        asked = HelpRequest.objects.create(
            project=project, question=question, asked_by=by, asked_at=at or timezone.now()
        )
        notify(
            recipients=district_people(project),
            kind=NotificationKind.HELP_ASKED,
            params={"plan": project.plan.title, "author": by.display_name, "excerpt": excerpt(question)},
            url=f"{project.get_absolute_url()}#hulp-{asked.pk}",
            exclude=by,
            at=at,
        )
    return asked


def answer_help_request(
    *, request: HelpRequest, by: User, answer: str, at: datetime | None = None
) -> HelpRequest:
    """An official of the district answers ``at`` (default now); the asker is told; audited."""
    project = request.project
    check_district(by, project, at=at)
    answer = _text(answer, "empty_answer")
    moment = at or timezone.now()
    if moment < request.asked_at:
        raise ObstacleError("answered_before_asked")
    with transaction.atomic():
        answered = HelpRequest.objects.filter(pk=request.pk, answered_at__isnull=True).update(
            answer=answer, answered_by=by, answered_at=moment
        )
        if answered != 1:
            raise ObstacleError("already_answered")
        request.refresh_from_db()
        record(
            actor=by,
            action="execution.help_answered",
            target=request,
            edition=project.edition,
            after={"response_seconds": int((moment - request.asked_at).total_seconds())},
            at=at,
        )
        notify(
            recipients=[request.asked_by],
            kind=NotificationKind.HELP_ANSWERED,
            params={"plan": project.plan.title, "excerpt": excerpt(answer)},
            url=f"{project.get_absolute_url()}#hulp-{request.pk}",
            exclude=by,
            at=at,
        )
    return request
