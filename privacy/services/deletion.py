"""Deleting a resident's account: what is removed, what is anonymised, and what blocks it.

The rule (docs/privacy.md): likes, follows, notifications, comment reports, co-initiatorships, survey
tickets and draft plans are deleted; so are support for ideas, joining them, workshop places, and
ideas that did not become a submitted plan; comments (on plans and ideas) and one's own entries in a
coaching log are deleted (replies by others stay, as comments of their own); submitted plans (and the
ideas they came from) stay public under the public name or anonymised, as the resident chooses;
a ballot is never touched (nothing links it to an account). A project the resident carries out that
is not finished blocks the deletion. The account row itself is deleted when no record points at it;
otherwise (a public plan, a finished project, the audit log) it is emptied: no e-mail address, no
password, and as its name only the public name kept with the plans (or "a resident").
"""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

from accounts.models import StaffRole, User
from common.ratelimit import Limit, hit
from development.models import (
    CoachingNote,
    Idea,
    IdeaComment,
    IdeaMember,
    IdeaSupport,
    Workshop,
    WorkshopSignUp,
)
from evaluation.models import Survey, SurveyTicket
from evaluation.surveys.holders import holder_hash, user_holder
from execution.models import Follow, ProjectOwner, ProjectStatus
from notifications.models import Notification
from proposals.models import CoInitiator, Comment, CommentReport, Like, Plan, PlanStatus

from ..errors import PrivacyError

UNFINISHED = (ProjectStatus.PREPARING, ProjectStatus.RUNNING, ProjectStatus.DELAYED)
# Confirming with the password must not become a way to guess it in a session left open.
CONFIRMATIONS = Limit("account-deletion-confirmations", 5, 3600)


class PlanNames(models.TextChoices):
    KEEP = "keep", pgettext_lazy("plans after deletion", "Keep my public name with my plans")
    ANONYMISE = "anonymise", pgettext_lazy("plans after deletion", "Show my plans without a name")


def anonymous_resident() -> str:
    """The name an emptied account and an anonymised plan show, stored in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return pgettext("anonymous initiator", "A resident")


def refusal_for(user: User) -> PrivacyError | None:
    """Why this account cannot be deleted now (None: it can)."""
    if user.is_staff or user.is_superuser or StaffRole.objects.filter(user=user).exists():
        return PrivacyError("staff_account")
    open_project = (
        ProjectOwner.objects.filter(user=user, project__status__in=UNFINISHED)
        .select_related("project__plan")
        .first()
    )
    if open_project is not None:
        return PrivacyError("open_project", title=open_project.project.plan.title)
    return None


@transaction.atomic
def delete_account(*, user: User, confirmation: str, plans: str) -> None:
    """Delete ``user``'s account, confirmed with its password (or its e-mail address when it has none)."""
    refusal = refusal_for(user)
    if refusal is not None:
        raise refusal
    if not hit(CONFIRMATIONS, str(user.pk)):
        raise PrivacyError("too_many_attempts")
    if user.has_usable_password():
        if not user.check_password(confirmation):
            raise PrivacyError("wrong_password")
    elif confirmation.strip().lower() != user.email.lower():
        raise PrivacyError("wrong_email")
    if plans not in PlanNames.values:
        raise PrivacyError("bad_choice")
    remove_activity(user)
    anonymous = anonymous_resident()
    public_name = anonymous if plans == PlanNames.ANONYMISE else user.display_name
    settle_plans(user, public_name=public_name if plans == PlanNames.ANONYMISE else None)
    remove_account(user, public_name=public_name)


def remove_activity(user: User) -> None:
    # Of the development track: support, joining, workshop places and comments on ideas go, and so do
    # the resident's own entries in coaching logs (the rest of a log stays with the idea or plan).
    rows: tuple[tuple[type[models.Model], str], ...] = (
        (Like, "user"),
        (Follow, "user"),
        (Notification, "recipient"),
        (CommentReport, "reporter"),
        (CoInitiator, "user"),
        (IdeaSupport, "user"),
        (IdeaMember, "user"),
        (WorkshopSignUp, "user"),
        (IdeaComment, "author"),
        (CoachingNote, "author"),
    )
    # A place the resident holds in a workshop is given back before the sign-up goes.
    held = WorkshopSignUp.objects.filter(user=user, cancelled_at__isnull=True).values("workshop_id")
    Workshop.objects.filter(pk__in=held).update(seats_taken=F("seats_taken") - 1)
    for model, field in rows:
        model._default_manager.filter(**{field: user}).delete()
    # Replies of others to the resident's comments stay, as comments of their own.
    Comment.objects.filter(parent__author=user).exclude(author=user).update(parent=None)
    Comment.objects.filter(author=user).delete()
    projects = [row.project for row in ProjectOwner.objects.filter(user=user).select_related("project")]
    holders = [user_holder(user)] + [user_holder(user, project) for project in projects]
    hashes = [holder_hash(survey, holder) for survey in Survey.objects.all() for holder in holders]
    SurveyTicket.objects.filter(holder_hash__in=hashes).delete()


def settle_plans(user: User, *, public_name: str | None) -> None:
    """Drafts go, and ideas with them unless they became a plan that stays; submitted plans (and the
    ideas they came from) stay, under ``public_name`` when the resident chose to anonymise."""
    Idea.objects.filter(initiator=user).filter(
        Q(plan__isnull=True) | Q(plan__status=PlanStatus.DRAFT)
    ).delete()
    for draft in Plan.objects.filter(initiator=user, status=PlanStatus.DRAFT):
        draft.delete()
    if public_name is not None:
        Plan.objects.filter(initiator=user).update(public_name=public_name)
        Idea.objects.filter(initiator=user).update(public_name=public_name)


def remove_account(user: User, *, public_name: str) -> None:
    """Delete the row if nothing points at it; else empty it: what points at it (a finished project's
    updates) shows only the public name the resident kept, or "a resident"."""
    pk = user.pk
    try:
        with transaction.atomic():
            User.objects.filter(pk=pk).delete()
            return
    except (models.ProtectedError, models.RestrictedError, IntegrityError):
        pass
    user.email = f"deleted-{pk}@deleted.invalid"
    user.display_name = public_name
    user.set_unusable_password()
    user.is_active = False
    user.email_notifications = False
    user.email_verified_at = None
    user.last_login = None
    user.language = settings.LANGUAGE_CODE
    user.save()
