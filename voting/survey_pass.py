"""The survey pass: what the vote's receipt hands to the voter survey, and nothing that finds the ballot.

Signed and timestamped, it holds the edition, a keyed hash of the voter's credential hash (so one
voter answers once, under a purpose of its own: it equals neither the credential hash nor the ballot's
slot) and the voter's neighbourhood if known. It travels only in a POST field, never in a URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.utils.crypto import salted_hmac

from editions.models import Edition

from .models import Voter
from .services.casting import Credential

SALT = "voting.survey_pass"
PURPOSE = "voting.survey_pass.holder"
MAX_AGE_SECONDS = 24 * 60 * 60


class SurveyPassError(Exception):
    """The pass is tampered with, too old, or for another edition."""


@dataclass(frozen=True)
class SurveyPass:
    edition_id: int
    holder: str
    neighbourhood_id: int | None


def make_survey_pass(*, edition: Edition, credential: Credential) -> str:
    """The signed pass of the voter with ``credential`` in ``edition``."""
    holder = salted_hmac(
        PURPOSE, f"{edition.pk}:{credential.credential_hash}", algorithm="sha256"
    ).hexdigest()
    neighbourhood_id = (
        Voter.objects.filter(edition=edition, credential_hash=credential.credential_hash)
        .values_list("neighbourhood_id", flat=True)
        .first()
    )
    return signing.dumps([edition.pk, holder, neighbourhood_id], salt=SALT, compress=True)


def read_survey_pass(token: str, *, edition: Edition) -> SurveyPass:
    """The pass in ``token``, or SurveyPassError if it was tampered with, is old or is another edition's."""
    try:
        edition_pk, holder, neighbourhood_id = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        raise SurveyPassError from None
    if edition_pk != edition.pk or not isinstance(holder, str):
        raise SurveyPassError
    if neighbourhood_id is not None and not isinstance(neighbourhood_id, int):
        raise SurveyPassError
    return SurveyPass(edition_id=edition_pk, holder=holder, neighbourhood_id=neighbourhood_id)
