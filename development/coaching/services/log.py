"""The shared log of a coaching and the coach's steps.

The coach and the initiators write entries (an appointment with its date and time, advice, a note);
the other side is told. Only the coach marks steps done, the permit step with its answer, and may
undo one. A coach who is district staff acts for the district: their entries and steps are audited
(by kind, never by text: the log is private to its readers).
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.services import record
from notifications.models import NotificationKind
from notifications.services import notify

from ...models import Coaching, CoachingNote, CoachingStep, CoachStep, PermitNeed
from ..access import check_the_coach, check_writer, edition_of, initiators
from ..errors import CoachingError
from .assignment import title_of

NOTE_LENGTH = 3000
STEP_NOTE_LENGTH = 300
EXCERPT_LENGTH = 140


def excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _url(coaching: Coaching, anchor: str = "") -> str:
    return reverse("development:coaching", args=[coaching.pk]) + anchor


def write_note(
    *,
    coaching: Coaching,
    by: User,
    kind: str,
    body: str,
    happens_at: datetime | None = None,
    at: datetime | None = None,
) -> CoachingNote:
    """The coach or an initiator writes an entry ``at`` (default now); the other side is told."""
    as_coach = check_writer(by, coaching, at=at)
    if kind not in CoachingNote.Kind.values:
        raise CoachingError("unknown_kind")
    body = body.strip()
    if not body:
        raise CoachingError("empty_note")
    if len(body) > NOTE_LENGTH:
        raise CoachingError("text_too_long", limit=NOTE_LENGTH)
    if kind == CoachingNote.Kind.APPOINTMENT:
        if happens_at is None:
            raise CoachingError("appointment_needs_time")
    else:
        happens_at = None
    with transaction.atomic():
        note = CoachingNote.objects.create(
            coaching=coaching,
            author=by,
            kind=kind,
            body=body,
            happens_at=happens_at,
            created_at=at or timezone.now(),
        )
        params = {"title": title_of(coaching), "author": by.display_name, "excerpt": excerpt(body)}
        if as_coach:
            recipients = initiators(coaching)
            record(
                actor=by,
                action="development.coaching_note_written",
                target=coaching,
                edition=edition_of(coaching),
                after={"kind": kind},
                at=at,
            )
        else:
            recipients = [coaching.coach]
        notify(
            recipients=recipients,
            kind=NotificationKind.COACHING_NOTE,
            params=params,
            url=_url(coaching, f"#log-{note.pk}"),
            exclude=by,
            at=at,
        )
    return note


def mark_step(
    *,
    coaching: Coaching,
    by: User,
    step: str,
    permit: str = "",
    note: str = "",
    at: datetime | None = None,
) -> CoachingStep:
    """The coach marks ``step`` done ``at`` (default now); the permit step says whether one is needed."""
    check_the_coach(by, coaching, at=at)
    if step not in CoachStep.values:
        raise CoachingError("unknown_step")
    if step == CoachStep.PERMIT:
        if permit not in PermitNeed.values:
            raise CoachingError("permit_answer_required")
    elif permit:
        raise CoachingError("permit_only_on_permit_step")
    note = note.strip()
    if len(note) > STEP_NOTE_LENGTH:
        raise CoachingError("text_too_long", limit=STEP_NOTE_LENGTH)
    if CoachingStep.objects.filter(coaching=coaching, step=step).exists():
        raise CoachingError("step_already_done")
    try:
        with transaction.atomic():
            done = CoachingStep.objects.create(
                coaching=coaching,
                step=step,
                permit=permit,
                note=note,
                done_by=by,
                done_at=at or timezone.now(),
            )
            record(
                actor=by,
                action="development.coaching_step_done",
                target=coaching,
                edition=edition_of(coaching),
                after={"step": step, "permit": permit},
                at=at,
            )
    except IntegrityError:  # marked at the same moment in another tab
        raise CoachingError("step_already_done") from None
    return done


def undo_step(*, coaching: Coaching, by: User, step: str, at: datetime | None = None) -> None:
    """The coach takes back a step marked done by mistake."""
    check_the_coach(by, coaching, at=at)
    with transaction.atomic():
        found = CoachingStep.objects.select_for_update().filter(coaching=coaching, step=step).first()
        if found is None:
            raise CoachingError("step_not_done")
        before = {"step": step, "permit": found.permit, "done_at": found.done_at.isoformat()}
        found.delete()
        record(
            actor=by,
            action="development.coaching_step_undone",
            target=coaching,
            edition=edition_of(coaching),
            before=before,
            at=at,
        )
