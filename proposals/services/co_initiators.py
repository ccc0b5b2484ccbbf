"""Inviting co-initiators by e-mail with a signed link, and answering such an invitation."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from accounts.models import User
from common.mail import queue_mail
from common.ratelimit import Limit, hit
from notifications.models import NotificationKind
from notifications.services import notify
from proposals.errors import PlanError
from proposals.models import CoInitiator, CoInitiatorStatus, Plan
from proposals.services.submission import check_may_edit

_SALT = "proposals.invitation"
INVITATION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60

# Stored as English and translated in the reader's language by notifications.texts ("answer").
ANSWER_WORDS: dict[bool, str] = {True: gettext_noop("accepted"), False: gettext_noop("declined")}


def invitation_token(invitation: CoInitiator) -> str:
    return signing.dumps({"i": invitation.pk, "e": invitation.email}, salt=_SALT, compress=True)


def invitation_for_token(token: str) -> CoInitiator | None:
    """The invitation the token names, or None when it is forged, expired or withdrawn."""
    try:
        payload = signing.loads(token, salt=_SALT, max_age=INVITATION_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return (
        CoInitiator.objects.filter(pk=payload.get("i"), email=payload.get("e"))
        .select_related("plan", "plan__initiator", "invited_by")
        .first()
    )


def invitation_path(invitation: CoInitiator, *, language: str) -> str:
    with translation.override(language):
        return reverse("proposals:invitation", kwargs={"token": invitation_token(invitation)})


def invitation_url(invitation: CoInitiator, *, language: str) -> str:
    return settings.BUURTBUDGET_SITE_URL.rstrip("/") + invitation_path(invitation, language=language)


def _invitations_per_inviter() -> Limit:
    return Limit("co-initiator-invitations", settings.CO_INITIATOR_INVITATIONS_PER_HOUR, 3600)


def invite_co_initiator(*, plan: Plan, by: User, email: str, at: datetime | None = None) -> CoInitiator:
    """Invite ``email`` to help carry the plan; they get a link to accept or decline.

    Each invitation mails an address the inviter chose, with the inviter's name and the plan's
    title in it, so a person may send only ``CO_INITIATOR_INVITATIONS_PER_HOUR`` of them an hour
    (over all their plans); a refused invitation does not count. An invitation dated ``at`` (history
    replayed) is not counted, and only goes to someone with an account: nobody is mailed now.
    """
    email = email.strip().lower()
    with transaction.atomic():
        current = Plan.objects.select_for_update().select_related("edition", "initiator").get(pk=plan.pk)
        check_may_edit(plan=current, user=by, at=at)
        if email == current.initiator.email.lower():
            raise PlanError("cannot_invite_self")
        if current.co_initiators.filter(email=email).exists():
            raise PlanError("already_invited", email=email)
        if at is None and not hit(_invitations_per_inviter(), str(by.pk)):
            raise PlanError("too_many_invitations", limit=settings.CO_INITIATOR_INVITATIONS_PER_HOUR)
        try:
            with transaction.atomic():
                invitation = CoInitiator.objects.create(
                    plan=current, email=email, invited_by=by, invited_at=at or timezone.now()
                )
        except IntegrityError:
            raise PlanError("already_invited", email=email) from None
        # An account whose address is not confirmed may belong to someone else than the address's
        # owner: the invitation (and its link) then goes by mail to the address, not to the account.
        invitee = User.objects.filter(
            email__iexact=email, is_active=True, email_verified_at__isnull=False
        ).first()
        if invitee is not None:
            # Someone with an account also sees it among their notifications; notify() mails them.
            notify(
                recipients=[invitee],
                kind=NotificationKind.CO_INITIATOR_INVITED,
                params={"inviter": by.display_name, "plan": current.title},
                url=invitation_path(invitation, language=invitee.language),
                at=at,
            )
        elif at is None:
            language = translation.get_language() or settings.LANGUAGE_CODE
            pk, inviter, title = invitation.pk, by.display_name, current.title
            transaction.on_commit(
                lambda: send_invitation_email(
                    invitation_id=pk, inviter=inviter, plan=title, language=language
                )
            )
        return invitation


def send_invitation_email(*, invitation_id: int, inviter: str, plan: str, language: str) -> None:
    """Mail the invitation link to an address that has no account yet."""
    invitation = CoInitiator.objects.filter(pk=invitation_id).first()
    if invitation is None:
        return
    with translation.override(language):
        context = {"inviter": inviter, "plan": plan, "url": invitation_url(invitation, language=language)}
        subject = render_to_string("proposals/email/invitation_subject.txt", context).strip()
        body = render_to_string("proposals/email/invitation_body.txt", context)
    queue_mail(subject=subject, body=body, to=invitation.email)


def answer_invitation(
    *, invitation: CoInitiator, user: User, accept: bool, at: datetime | None = None
) -> CoInitiator:
    """The invitee, logged in with the invited address, accepts or declines; the initiator is told."""
    with transaction.atomic():
        if user.email.lower() != invitation.email.lower():
            raise PlanError("invitation_not_for_you")
        plan = Plan.objects.select_for_update().select_related("initiator").get(pk=invitation.plan_id)
        if plan.initiator_id == user.pk:
            raise PlanError("cannot_invite_self")
        status = CoInitiatorStatus.ACCEPTED if accept else CoInitiatorStatus.DECLINED
        now = at or timezone.now()
        updated = CoInitiator.objects.filter(pk=invitation.pk, status=CoInitiatorStatus.INVITED).update(
            status=status, user=user, answered_at=now
        )
        if updated != 1:
            raise PlanError("invitation_answered")
        invitation.status, invitation.user, invitation.answered_at = status, user, now
        notify(
            recipients=[plan.initiator],
            kind=NotificationKind.CO_INITIATOR_ANSWERED,
            params={"person": user.display_name, "plan": plan.title, "answer": ANSWER_WORDS[accept]},
            url=reverse("proposals:my_plans"),
            exclude=user,
            at=at,
        )
        return invitation
