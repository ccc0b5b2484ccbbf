"""The e-mail way in for register voters: a one-time code mailed to their address opens their ballot.

Asking for a code answers the same whether or not the address is on the register (and whether or
not a limit was hit), so the form cannot be used to test addresses. Only the code's keyed hash is
stored; a code works once, for ``VOTING_ONE_TIME_CODE_MINUTES``, and allows
``VOTING_ONE_TIME_CODE_ATTEMPTS`` tries. Wrong tries also count towards the code-entry limits
(``common.code_guard``), which refuse only wrong codes: the right one still opens the ballot.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from common import code_guard, codes
from common.mail import queue_mail
from common.ratelimit import Limit, hit, hit_client
from editions.models import Edition

from ..errors import EligibilityError
from ..models import EmailChallenge, Voter, VoterKind
from .casting import Credential, credential_for_register_voter, refuse_unless_open

CODES_PER_ADDRESS_PER_HOUR = 5
CODES_PER_CLIENT_PER_HOUR = 30
CODES_PER_ADDRESS = Limit("one-time-codes-address", CODES_PER_ADDRESS_PER_HOUR, 3600)
CODES_PER_CLIENT = Limit("one-time-codes-client", CODES_PER_CLIENT_PER_HOUR, 3600)


def offers_email_check(edition: Edition) -> bool:
    """Whether any voter of the edition can come in by e-mail (the register was imported)."""
    return Voter.objects.filter(edition=edition, kind=VoterKind.REGISTER).exists()


def _register_voter(edition: Edition, email: str) -> Voter | None:
    return (
        Voter.objects.filter(
            edition=edition,
            kind=VoterKind.REGISTER,
            email_hash=codes.email_hash(email),
            revoked_at__isnull=True,
        )
        .only("pk", "kind", "credential_hash")
        .first()
    )


def request_one_time_code(*, edition: Edition, email: str, client_ip: str) -> None:
    """Mail a fresh one-time code if ``email`` belongs to a register voter; silent otherwise."""
    refuse_unless_open(edition)
    address = email.strip().casefold()
    within_limits = hit_client(CODES_PER_CLIENT, client_ip) and hit(
        CODES_PER_ADDRESS, f"{edition.pk}:{codes.email_hash(address)}"
    )
    if not within_limits:
        return
    voter = _register_voter(edition, address)
    if voter is None:
        return
    code = f"{secrets.randbelow(10**6):06d}"
    minutes = settings.VOTING_ONE_TIME_CODE_MINUTES
    now = timezone.now()
    with transaction.atomic():
        # Only the newest code works: asking again ends the earlier ones.
        EmailChallenge.objects.filter(voter=voter, used_at__isnull=True, expires_at__gt=now).update(
            expires_at=now
        )
        EmailChallenge.objects.create(
            voter=voter, code_hash=codes.one_time_code_hash(code), expires_at=now + timedelta(minutes=minutes)
        )
    # Rendered now, in the language of the request; sent once the challenge is committed.
    subject = _("Your code to vote in %(edition)s") % {"edition": edition.name}
    body = render_to_string(
        "voting/email/one_time_code.txt", {"edition": edition, "code": code, "minutes": minutes}
    )
    # Sealed in the queue (the code votes); dropped if it could not be delivered while it is valid.
    queue_mail(subject=subject, body=body, to=email.strip(), valid_for=timedelta(minutes=minutes))


def verify_one_time_code(*, edition: Edition, email: str, code: str, client_ip: str) -> Credential:
    """The register voter's credential if ``code`` is their newest, unexpired, unused one-time code."""
    refuse_unless_open(edition)
    voter = _register_voter(edition, email)
    challenge = (
        EmailChallenge.objects.filter(voter=voter).order_by("-expires_at", "-pk").first()
        if voter is not None
        else None
    )
    if voter is None or challenge is None:
        code_guard.refuse_wrong_code(client_ip, EligibilityError("wrong_one_time_code"))
    now = timezone.now()
    # Each try is counted before the code is compared, in one conditional update, so parallel
    # guesses cannot exceed the limit.
    counted = EmailChallenge.objects.filter(
        pk=challenge.pk,
        used_at__isnull=True,
        expires_at__gt=now,
        attempts__lt=settings.VOTING_ONE_TIME_CODE_ATTEMPTS,
    ).update(attempts=F("attempts") + 1)
    entered = "".join(code.split())
    matches = hmac.compare_digest(challenge.code_hash, codes.one_time_code_hash(entered))
    if not counted or not matches:
        code_guard.refuse_wrong_code(client_ip, EligibilityError("wrong_one_time_code"))
    spent = EmailChallenge.objects.filter(pk=challenge.pk, used_at__isnull=True).update(used_at=now)
    if not spent:  # a parallel request used it first
        raise EligibilityError("wrong_one_time_code")
    return credential_for_register_voter(voter, email=email)
