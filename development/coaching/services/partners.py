"""The district's partner organisations and their coaches, named by its officials (audited)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from audit.services import record
from places.models import District

from ...models import Coaching, Partner, PartnerCoach
from ..access import check_manager
from ..errors import CoachingError

NAME_LENGTH = 120
DESCRIPTION_LENGTH = 300


def name_partner(
    *, district: District, by: User, name: str, description: str = "", at: datetime | None = None
) -> Partner:
    """An official names an organisation that may coach initiators in ``district``."""
    check_manager(by, district)
    name = " ".join(name.split())
    description = description.strip()
    if not name:
        raise CoachingError("empty_partner_name")
    if len(name) > NAME_LENGTH:
        raise CoachingError("text_too_long", limit=NAME_LENGTH)
    if len(description) > DESCRIPTION_LENGTH:
        raise CoachingError("text_too_long", limit=DESCRIPTION_LENGTH)
    if Partner.objects.filter(district=district, name__iexact=name).exists():
        raise CoachingError("partner_name_taken")
    try:
        with transaction.atomic():
            partner = Partner.objects.create(
                district=district,
                name=name,
                description=description,
                named_by=by,
                named_at=at or timezone.now(),
            )
            record(
                actor=by,
                action="development.partner_named",
                target=partner,
                edition=None,
                after={"district": district.pk, "name": name},
                at=at,
            )
    except IntegrityError:  # named at the same moment by someone else
        raise CoachingError("partner_name_taken") from None
    return partner


def add_partner_coach(*, partner: Partner, by: User, email: str, at: datetime | None = None) -> PartnerCoach:
    """An official adds the existing account with ``email`` as a coach of ``partner``."""
    check_manager(by, partner.district)
    if partner.ended_at is not None:
        raise CoachingError("partner_ended")
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise CoachingError("unknown_email")
    if PartnerCoach.objects.filter(partner=partner, user=user).exists():
        raise CoachingError("already_a_coach")
    try:
        with transaction.atomic():
            coach = PartnerCoach.objects.create(
                partner=partner, user=user, added_by=by, added_at=at or timezone.now()
            )
            record(
                actor=by,
                action="development.partner_coach_added",
                target=partner,
                edition=None,
                after={"coach": user.audit_label},
                at=at,
            )
    except IntegrityError:
        raise CoachingError("already_a_coach") from None
    return coach


def end_partner(*, partner: Partner, by: User, at: datetime | None = None) -> Partner:
    """An official ends a partnership; the coachings its coaches hold for it end with it."""
    check_manager(by, partner.district)
    moment = at or timezone.now()
    with transaction.atomic():
        ended = Partner.objects.filter(pk=partner.pk, ended_at__isnull=True).update(ended_at=moment)
        if ended != 1:
            raise CoachingError("already_ended")
        stopped = list(
            Coaching.objects.filter(partner=partner, ended_at__isnull=True).values_list("pk", flat=True)
        )
        Coaching.objects.filter(pk__in=stopped).update(ended_at=moment)
        record(
            actor=by,
            action="development.partner_ended",
            target=partner,
            edition=None,
            after={"coachings_ended": stopped},
            at=at,
        )
    partner.refresh_from_db()
    return partner
