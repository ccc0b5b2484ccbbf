"""The ballot token: a signed, timestamped credential carried in a hidden field between form and cast.

It holds the edition, the voter's credential hash and the ballot slot — never the plain code — and
lives only in the page (not in the session), so nothing on the server joins a browser to a ballot.
The receipt token carries the receipt the page shows, so the language switch can show it again in
another language; it too lives only in the page.
"""

from __future__ import annotations

from datetime import datetime

from django.core import signing

from editions.models import Edition

from ..errors import EligibilityError
from ..services.casting import Credential, Receipt

SALT = "voting.ballot"
RECEIPT_SALT = "voting.receipt"
MAX_AGE_SECONDS = 2 * 60 * 60


def sign_credential(*, edition: Edition, credential: Credential) -> str:
    return signing.dumps([edition.pk, credential.credential_hash, credential.slot], salt=SALT)


def shown_within(token: str, *, seconds: int) -> bool:
    """Whether ``token`` was made at most ``seconds`` ago (a bad token is credential_from_token's
    to refuse: this says True for it)."""
    try:
        signing.loads(token, salt=SALT, max_age=seconds)
    except signing.SignatureExpired:
        return False
    except (signing.BadSignature, ValueError, TypeError):
        return True
    return True


def credential_from_token(token: str, *, edition: Edition) -> Credential:
    """The credential in ``token``, or EligibilityError("session_expired") if tampered, old or foreign."""
    try:
        edition_pk, credential_hash, slot = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        raise EligibilityError("session_expired") from None
    if edition_pk != edition.pk or not isinstance(credential_hash, str) or not isinstance(slot, str):
        raise EligibilityError("session_expired")
    return Credential(credential_hash=credential_hash, slot=slot)


def sign_receipt(*, edition: Edition, receipt: Receipt) -> str:
    fields = [edition.pk, receipt.receipt, receipt.replaced, receipt.cast_at.isoformat(), receipt.content]
    return signing.dumps(fields, salt=RECEIPT_SALT)


def receipt_from_token(token: str, *, edition: Edition) -> Receipt:
    """The receipt in ``token``, or EligibilityError("session_expired") if tampered, old or foreign."""
    try:
        edition_pk, number, replaced, cast_at, content = signing.loads(
            token, salt=RECEIPT_SALT, max_age=MAX_AGE_SECONDS
        )
        if edition_pk != edition.pk:
            raise ValueError(edition_pk)
        return Receipt(
            receipt=number, replaced=bool(replaced), cast_at=datetime.fromisoformat(cast_at), content=content
        )
    except (signing.BadSignature, ValueError, TypeError):
        raise EligibilityError("session_expired") from None
