"""Many sign-ups at once: residents who signed up elsewhere (on paper, at a stand, earlier), as rows.

Each row is what ``register_interest`` stores for one resident: their value of every feature, their
contact details, their answer on availability, the moment they signed up (and gave consent) and,
when they answered a letter, its response code. All or nothing: every row is checked before
anything is stored, and the first bad one refuses the batch. The facilitator records it (``by``,
who may recruit at ``at``, default now), and it is audited as one pool import, like a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from common import codes
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ...errors import PanelError
from ...models import Feature, Invitation, Respondent
from ..errors import RecruitmentError
from ..features import NEIGHBOURHOOD, feature_name
from .invitations import response_code_hash
from .pool_import import PoolImport, lock_pool, store_pool


@dataclass(frozen=True)
class PoolRow:
    """One resident's sign-up: ``features`` maps every feature key to a value key."""

    features: Mapping[str, str]
    name: str
    email: str
    available: bool
    registered_at: datetime
    phone: str = ""
    code: str | None = None


def _checked_features(
    features: Sequence[tuple[Feature, set[str]]], chosen: Mapping[str, str]
) -> dict[str, str]:
    stored: dict[str, str] = {}
    for feature, allowed in features:
        if chosen.get(feature.key) not in allowed:
            raise RecruitmentError("missing_feature", feature=feature_name(feature))
        stored[feature.key] = chosen[feature.key]
    return stored


def _code_hashes(rows: Sequence[PoolRow]) -> dict[int, str]:
    """The response code hash of each row (by index) that answered a letter; a code used twice is refused."""
    hashes: dict[int, str] = {}
    for index, row in enumerate(rows):
        if row.code:
            try:
                hashes[index] = response_code_hash(codes.normalise(row.code))
            except codes.MalformedCode:
                raise RecruitmentError("unknown_code") from None
    if len(set(hashes.values())) != len(hashes):
        raise RecruitmentError("code_used")
    return hashes


def _emails(rows: Sequence[PoolRow]) -> list[str]:
    emails = [row.email.strip().lower() for row in rows]
    for email in emails:
        try:
            validate_email(email)
        except ValidationError:
            raise RecruitmentError("bad_email", email=email) from None
    if len(set(emails)) != len(emails):
        raise RecruitmentError("already_signed_up")
    return emails


def _invitations(edition: Edition, hashes: Mapping[int, str]) -> dict[str, Invitation]:
    """The unused invitations answered (locked), by code hash; an unknown or used code is refused."""
    found = {
        invitation.code_hash: invitation
        for invitation in Invitation.objects.select_for_update(of=("self",))
        .select_related("address__neighbourhood")
        .filter(edition=edition, code_hash__in=list(hashes.values()))
    }
    for code_hash in hashes.values():
        if code_hash not in found:
            raise RecruitmentError("unknown_code")
        if found[code_hash].responded_at is not None:
            raise RecruitmentError("code_used")
    return found


def register_respondents(
    *, edition: Edition, rows: Sequence[PoolRow], by: User, at: datetime | None = None
) -> PoolImport:
    """Add every row to the pool with fresh pool ids in row order, or nothing (see the module docstring)."""
    if not can(by, Action.RECRUIT_PANEL, edition, at=at):
        raise PanelError("not_allowed")
    features = [
        (feature, {value.key for value in feature.values.all()})
        for feature in Feature.objects.filter(edition=edition).prefetch_related("values")
    ]
    if not features:
        raise PanelError("no_features")
    if not rows:
        raise RecruitmentError("count_positive")
    hashes = _code_hashes(rows)
    emails = _emails(rows)
    with transaction.atomic():
        highest = lock_pool(edition)
        invitations = _invitations(edition, hashes)
        if Respondent.objects.filter(edition=edition, email__in=emails).exists():
            raise RecruitmentError("already_signed_up")
        respondents, answered = [], []
        for index, (row, email) in enumerate(zip(rows, emails, strict=True)):
            chosen = dict(row.features)
            invitation = invitations[hashes[index]] if index in hashes else None
            if invitation is not None and invitation.address is not None:
                chosen[NEIGHBOURHOOD] = invitation.address.neighbourhood.slug
            if invitation is not None:
                invitation.responded_at = row.registered_at
                answered.append(invitation)
            respondents.append(
                Respondent(
                    edition=edition,
                    invitation=invitation,
                    pool_id=f"P{highest + index + 1:03d}",
                    features=_checked_features(features, chosen),
                    available=row.available,
                    consent_at=row.registered_at,
                    name=" ".join(row.name.split())[:120],
                    email=email,
                    phone=row.phone.strip()[:30],
                    registered_at=row.registered_at,
                )
            )
        created = store_pool(
            edition=edition, respondents=respondents, by=by, at=at or timezone.now(), after={}
        )
        Invitation.objects.bulk_update(answered, ["responded_at"], batch_size=500)
    return PoolImport(added=len(created), first_pool_id=created[0].pool_id, last_pool_id=created[-1].pool_id)
