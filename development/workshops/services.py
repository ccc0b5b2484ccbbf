"""Plan workshops: the district announces, edits and cancels them and records who came; residents sign up.

The places are counted in ``Workshop.seats_taken`` by conditional updates in the same transaction as
the sign-up row (``seats_taken < capacity``), so two residents signing up for the last place at once
cannot both get it; the database's check (``seats_taken <= capacity``) holds the line besides.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from accounts.models import User
from audit.services import record
from common.mail import queue_mail
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..models import Workshop, WorkshopSignUp
from .errors import WorkshopError

logger = logging.getLogger(__name__)

MAX_TITLE = 120
MAX_PLACE = 200
MAX_DESCRIPTION = 2000
MAX_CAPACITY = 500


@dataclass(frozen=True)
class WorkshopDetails:
    """What an official writes about a workshop (times aware; ``language`` a code of settings.LANGUAGES)."""

    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    place: str
    language: str
    capacity: int


def _checked(details: WorkshopDetails) -> WorkshopDetails:
    """The details with texts trimmed, or a refusal naming the first thing wrong."""
    title, place, description = details.title.strip(), details.place.strip(), details.description.strip()
    if not title:
        raise WorkshopError("title_required")
    if not place:
        raise WorkshopError("place_required")
    for text, limit in ((title, MAX_TITLE), (place, MAX_PLACE), (description, MAX_DESCRIPTION)):
        if len(text) > limit:
            raise WorkshopError("text_too_long", limit=limit)
    if details.ends_at <= details.starts_at:
        raise WorkshopError("ends_before_start")
    if details.language not in dict(settings.LANGUAGES):
        raise WorkshopError("unknown_language")
    if details.capacity < 1:
        raise WorkshopError("capacity_too_small")
    if details.capacity > MAX_CAPACITY:
        raise WorkshopError("capacity_too_large", limit=MAX_CAPACITY)
    return WorkshopDetails(
        title=title,
        description=description,
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        place=place,
        language=details.language,
        capacity=details.capacity,
    )


def _check_manager(by: User, edition: Edition, at: datetime | None) -> None:
    if not can(by, Action.MANAGE_DEVELOPMENT, edition, at=at):
        raise WorkshopError("not_allowed")


def _audited(details: WorkshopDetails) -> dict[str, object]:
    return {
        **asdict(details),
        "starts_at": details.starts_at.isoformat(),
        "ends_at": details.ends_at.isoformat(),
    }


def announce_workshop(
    *, edition: Edition, by: User, details: WorkshopDetails, at: datetime | None = None
) -> Workshop:
    """An official of the district announces a workshop ``at`` (default now); audited."""
    _check_manager(by, edition, at)
    details = _checked(details)
    moment = at or timezone.now()
    if details.starts_at <= moment:
        raise WorkshopError("starts_in_the_past")
    with transaction.atomic():
        workshop = Workshop.objects.create(
            edition=edition, announced_by=by, announced_at=moment, **asdict(details)
        )
        record(
            actor=by,
            action="development.workshop_announced",
            target=workshop,
            edition=edition,
            after=_audited(details),
            at=at,
        )
    return workshop


def update_workshop(
    *, workshop: Workshop, by: User, details: WorkshopDetails, at: datetime | None = None
) -> Workshop:
    """Change a workshop's details; its capacity never below the places taken (checked in the update)."""
    _check_manager(by, workshop.edition, at)
    details = _checked(details)
    if workshop.cancelled_at is not None:
        raise WorkshopError("cancelled")
    before = WorkshopDetails(
        title=workshop.title,
        description=workshop.description,
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        place=workshop.place,
        language=workshop.language,
        capacity=workshop.capacity,
    )
    with transaction.atomic():
        # Conditional: a sign-up that takes a place meanwhile cannot leave more places taken than there are.
        changed = Workshop.objects.filter(
            pk=workshop.pk, cancelled_at__isnull=True, seats_taken__lte=details.capacity
        ).update(**asdict(details))
        if changed != 1:
            workshop.refresh_from_db()
            if workshop.cancelled_at is not None:
                raise WorkshopError("cancelled")
            raise WorkshopError("capacity_below_taken", taken=workshop.seats_taken)
        record(
            actor=by,
            action="development.workshop_changed",
            target=workshop,
            edition=workshop.edition,
            before=_audited(before),
            after=_audited(details),
            at=at,
        )
    workshop.refresh_from_db()
    return workshop


def cancel_workshop(*, workshop: Workshop, by: User, at: datetime | None = None) -> Workshop:
    """Cancel a workshop that has not started; everyone signed up is e-mailed after commit; audited."""
    _check_manager(by, workshop.edition, at)
    moment = at or timezone.now()
    if workshop.starts_at <= moment:
        raise WorkshopError("already_over")
    with transaction.atomic():
        cancelled = Workshop.objects.filter(pk=workshop.pk, cancelled_at__isnull=True).update(
            cancelled_at=moment
        )
        if cancelled != 1:
            raise WorkshopError("cancelled")
        people = [s.user for s in workshop.sign_ups.filter(cancelled_at__isnull=True).select_related("user")]
        record(
            actor=by,
            action="development.workshop_cancelled",
            target=workshop,
            edition=workshop.edition,
            after={"signed_up": len(people)},
            at=at,
        )
        if at is None:  # a replayed history (the demo) mails nobody now
            ids = [p.pk for p in people if p.is_active]
            transaction.on_commit(
                lambda: mail_cancellation(workshop_id=workshop.pk, user_ids=ids), robust=True
            )
    workshop.refresh_from_db()
    return workshop


def mail_cancellation(*, workshop_id: int, user_ids: list[int]) -> int:
    """Tell each person signed up that the workshop is cancelled, in their own language.

    An e-mail rather than a notification: the notifications' kinds have none for a cancelled workshop.
    """
    workshop = Workshop.objects.select_related("edition").get(pk=workshop_id)
    sent = 0
    for user in User.objects.filter(pk__in=user_ids, is_active=True):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            starts = formats.date_format(timezone.localtime(workshop.starts_at), "j F Y H:i")
            subject = gettext("Cancelled: the plan workshop “%(workshop)s”") % {"workshop": workshop.title}
            body = gettext(
                "The plan workshop “%(workshop)s” on %(starts_at)s at %(place)s does not take place. "
                "We are sorry. See the other workshops of %(edition)s on the website."
            ) % {
                "workshop": workshop.title,
                "starts_at": starts,
                "place": workshop.place,
                "edition": workshop.edition.name,
            }
        queue_mail(subject=subject, body=body, to=user.email)
        sent += 1
    return sent


def _check_open_for_sign_up(workshop: Workshop, user: User, moment: datetime) -> None:
    if not user.is_active:
        raise WorkshopError("inactive_account")
    if workshop.cancelled_at is not None:
        raise WorkshopError("cancelled")
    if workshop.starts_at <= moment:
        raise WorkshopError("already_over")
    if not can(user, Action.SIGN_UP_FOR_WORKSHOP, workshop.edition, at=moment):
        raise WorkshopError("sign_up_closed")


def sign_up_for_workshop(*, workshop: Workshop, user: User, at: datetime | None = None) -> WorkshopSignUp:
    """Take a place ``at`` (default now): one conditional update of the places, one sign-up row."""
    moment = at or timezone.now()
    _check_open_for_sign_up(workshop, user, moment)
    with transaction.atomic():
        if WorkshopSignUp.objects.filter(workshop=workshop, user=user, cancelled_at__isnull=True).exists():
            raise WorkshopError("already_signed_up")
        taken = Workshop.objects.filter(
            pk=workshop.pk, cancelled_at__isnull=True, seats_taken__lt=F("capacity")
        ).update(seats_taken=F("seats_taken") + 1)
        if taken != 1:
            raise WorkshopError("full")
        try:
            with transaction.atomic():
                sign_up = WorkshopSignUp.objects.create(workshop=workshop, user=user, signed_up_at=moment)
        except IntegrityError:  # the same person at the same moment: the unique sign-up lets one in
            raise WorkshopError("already_signed_up") from None
    return sign_up


def cancel_sign_up(*, workshop: Workshop, user: User, at: datetime | None = None) -> WorkshopSignUp:
    """Give a place back before the workshop starts; the place is freed in the same transaction."""
    moment = at or timezone.now()
    if workshop.starts_at <= moment:
        raise WorkshopError("already_over")
    with transaction.atomic():
        sign_up = WorkshopSignUp.objects.filter(
            workshop=workshop, user=user, cancelled_at__isnull=True
        ).first()
        if sign_up is None:
            raise WorkshopError("not_signed_up")
        left = WorkshopSignUp.objects.filter(pk=sign_up.pk, cancelled_at__isnull=True).update(
            cancelled_at=moment
        )
        if left != 1:
            raise WorkshopError("not_signed_up")
        Workshop.objects.filter(pk=workshop.pk, seats_taken__gt=0).update(seats_taken=F("seats_taken") - 1)
    sign_up.refresh_from_db()
    return sign_up


def record_attendance(
    *, sign_up: WorkshopSignUp, by: User, attended: bool, at: datetime | None = None
) -> WorkshopSignUp:
    """An official records whether a person came (again to correct it) once the workshop started; audited."""
    workshop = sign_up.workshop
    _check_manager(by, workshop.edition, at)
    if sign_up.cancelled_at is not None:
        raise WorkshopError("sign_up_cancelled")
    if workshop.cancelled_at is not None:
        raise WorkshopError("cancelled")
    if workshop.starts_at > (at or timezone.now()):
        raise WorkshopError("not_started")
    with transaction.atomic():
        before = sign_up.attended
        WorkshopSignUp.objects.filter(pk=sign_up.pk).update(attended=attended, attendance_recorded_by=by)
        record(
            actor=by,
            action="development.workshop_attendance",
            target=sign_up,
            edition=workshop.edition,
            before={"attended": before},
            after={"attended": attended},
            at=at,
        )
    sign_up.refresh_from_db()
    return sign_up
