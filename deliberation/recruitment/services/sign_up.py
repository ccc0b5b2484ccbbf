"""Signing up for the citizens' panel: a resident puts themself in the pool, with or without a response code.

A respondent's birth year is used only to check the minimum age and to choose the age band; it is
not stored. Pool ids ("P001", …) are handed out under a lock on the edition's row, so two sign-ups
at the same moment never get the same id.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from common import code_guard, codes
from editions.models import Edition
from editions.permissions import is_open
from editions.phases import Action

from ...models import Feature, Invitation, PanelSetup, Respondent
from ..errors import RecruitmentError
from ..features import AGE, NEIGHBOURHOOD, OLDEST_AGE, age_band_of, feature_name
from .invitations import response_code_hash


def _next_pool_id(edition: Edition) -> str:
    ids = Respondent.objects.filter(edition=edition).values_list("pool_id", flat=True)
    highest = max((int(pid[1:]) for pid in ids if pid[1:].isdigit()), default=0)
    return f"P{highest + 1:03d}"


def _invitation_for(edition: Edition, code: str | None, client_ip: str) -> Invitation | None:
    """The unused invitation with this response code (locked), or None for an open sign-up; a wrong
    code counts against ``client_ip``."""
    if not code:
        setup = PanelSetup.objects.filter(edition=edition).first()
        if setup is not None and not setup.open_sign_up:
            raise RecruitmentError("invitation_only")
        return None
    try:
        normalised = codes.normalise(code)
    except codes.MalformedCode:
        code_guard.refuse_wrong_code(client_ip, RecruitmentError("unknown_code"))
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("address__neighbourhood")
        .filter(edition=edition, code_hash=response_code_hash(normalised))
        .first()
    )
    if invitation is None:
        code_guard.refuse_wrong_code(client_ip, RecruitmentError("unknown_code"))
    if invitation.responded_at is not None:
        raise RecruitmentError("code_used")
    return invitation


def _stored_features(
    edition: Edition, chosen: dict[str, str], *, birth_year: int, moment: datetime
) -> dict[str, str]:
    """The respondent's value of every feature: checked against the area and the minimum age, with the
    age band chosen from ``birth_year``."""
    feature_rows = list(Feature.objects.filter(edition=edition).prefetch_related("values"))
    by_key = {f.key: f for f in feature_rows}
    if NEIGHBOURHOOD in by_key:
        in_area = {v.key for v in by_key[NEIGHBOURHOOD].values.all()}
        if not chosen.get(NEIGHBOURHOOD):
            raise RecruitmentError("missing_feature", feature=feature_name(by_key[NEIGHBOURHOOD]))
        if chosen[NEIGHBOURHOOD] not in in_area:
            raise RecruitmentError("outside_area", district=edition.district.name)
    if not (1900 <= birth_year <= moment.year):
        raise RecruitmentError("birth_year")
    age = moment.year - birth_year  # the age reached this year: only the birth year is asked
    if age < edition.min_age:
        raise RecruitmentError("too_young", age=edition.min_age)
    if AGE in by_key:
        chosen[AGE] = age_band_of(edition, min(age, OLDEST_AGE)) or ""
    stored: dict[str, str] = {}
    for feature in feature_rows:
        allowed = {v.key for v in feature.values.all()}
        if chosen.get(feature.key) not in allowed:
            raise RecruitmentError("missing_feature", feature=feature_name(feature))
        stored[feature.key] = chosen[feature.key]
    return stored


def register_interest(
    *,
    edition: Edition,
    code: str | None = None,
    name: str,
    email: str,
    phone: str = "",
    birth_year: int,
    features: Mapping[str, str],
    available: bool,
    consent: bool,
    now: datetime | None = None,
    client_ip: str = "",
) -> Respondent:
    """Put a resident in the panel's pool: checks, then one respondent with a fresh pool id.

    ``features`` maps a feature key to a value key; the age band is chosen from ``birth_year``
    (whatever ``features`` says about it), and with a response code the invited address's
    neighbourhood is used. Every refusal is a ``RecruitmentError`` and stores nothing. A wrong
    response code counts against ``client_ip``'s guessing limits (``common.code_guard``); a right one
    is never refused by them.
    """
    moment = now or timezone.now()
    if not is_open(edition, Action.SIGN_UP_FOR_PANEL, at=moment):
        raise RecruitmentError("sign_up_closed")
    if not consent:
        raise RecruitmentError("no_consent")
    chosen = {key: value for key, value in features.items() if value}
    try:
        with transaction.atomic():
            # One sign-up at a time per edition: the pool id and the code's use are decided under it.
            Edition.objects.select_for_update().filter(pk=edition.pk).first()
            invitation = _invitation_for(edition, code, client_ip)
            if invitation is not None and invitation.address is not None:
                chosen[NEIGHBOURHOOD] = invitation.address.neighbourhood.slug
            stored = _stored_features(edition, chosen, birth_year=birth_year, moment=moment)
            email = email.strip().lower()
            if Respondent.objects.filter(edition=edition, email=email).exists():
                raise RecruitmentError("already_signed_up")
            respondent = Respondent.objects.create(
                edition=edition,
                invitation=invitation,
                pool_id=_next_pool_id(edition),
                features=stored,
                available=available,
                consent_at=moment,
                name=" ".join(name.split()),
                email=email,
                phone=phone.strip(),
                registered_at=moment,
            )
            if invitation is not None:
                Invitation.objects.filter(pk=invitation.pk).update(responded_at=moment)
    except IntegrityError as error:
        # The e-mail's unique constraint: a sign-up with the same address won the race.
        if "email" in str(error).lower() or Respondent.objects.filter(edition=edition, email=email).exists():
            raise RecruitmentError("already_signed_up") from error
        raise
    return respondent
