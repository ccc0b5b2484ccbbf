"""The purges of what hangs on an account rather than an edition: unused accounts, unanswered
invitations, messages, sessions, the task queue and the admin's history."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import pgettext
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import StaffRole, User
from notifications.models import Notification
from proposals.models import (
    CoInitiator,
    CoInitiatorStatus,
)

from ...services.deletion import UNFINISHED, anonymous_resident, remove_account, remove_activity, settle_plans
from ..batches import delete_rows
from .shared import (
    DELETED_DOMAIN,
    PURGE_ACCOUNT_EMAIL,
    Rows,
    period_days,
)


def purge_accounts(*, at: datetime, dry_run: bool = False) -> Rows:
    """Accounts not used for the period (counted from the last login, or from joining): a resident's
    account goes as if they deleted it (their plans keep the public name); a staff account is emptied
    and its records stay. A resident who carries out an unfinished project keeps the account."""
    cutoff = at - timedelta(days=period_days("account"))
    due = (
        User.objects.annotate(used=Coalesce("last_login", "date_joined"))
        .filter(used__lt=cutoff)
        .exclude(email__endswith=DELETED_DOMAIN)
        .exclude(email=PURGE_ACCOUNT_EMAIL)
        .exclude(owned_projects__project__status__in=UNFINISHED)
    )
    if dry_run:
        return {"accounts.user": due.count()}
    emptied = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            user = User.objects.select_for_update().filter(pk=pk).first()
            if user is None:
                continue
            if user.is_staff or user.is_superuser or StaffRole.objects.filter(user=user).exists():
                _empty_staff_account(user)
            else:
                remove_activity(user)
                settle_plans(user, public_name=None)
                remove_account(user, public_name=anonymous_resident())
            emptied += 1
    return {"accounts.user": emptied}


def _anonymous_staff() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return pgettext("anonymous staff member", "A staff member")


def _empty_staff_account(user: User) -> None:
    user.email = f"deleted-{user.pk}{DELETED_DOMAIN}"
    user.display_name = _anonymous_staff()
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.email_notifications = False
    user.last_login = None
    user.save()


def purge_co_initiators(*, at: datetime, dry_run: bool = False) -> Rows:
    """Invitations to help with a plan that nobody answered within the period."""
    cutoff = at - timedelta(days=period_days("co_initiators"))
    unanswered = CoInitiator.objects.filter(status=CoInitiatorStatus.INVITED, invited_at__lt=cutoff)
    return {"proposals.coinitiator": delete_rows(unanswered, dry_run=dry_run)}


def purge_notifications(*, at: datetime, dry_run: bool = False) -> Rows:
    """Messages older than the period (on the site; their e-mails are in ``purge_mail_queue``).
    What someone follows stays until they stop following it, or their account goes."""
    cutoff = at - timedelta(days=period_days("notifications"))
    return {
        "notifications.notification": delete_rows(
            Notification.objects.filter(created_at__lt=cutoff), dry_run=dry_run
        )
    }


def purge_sessions(*, at: datetime, dry_run: bool = False) -> Rows:
    """Expired sessions (what ``manage.py clearsessions`` does, in batches, at ``at``)."""
    return {"sessions.session": delete_rows(Session.objects.filter(expire_date__lt=at), dry_run=dry_run)}


def purge_mail_queue(*, at: datetime, dry_run: bool = False) -> Rows:
    """Finished rows of the task queue (sent e-mails, done counts and letters) older than the period.
    Rows waiting or running stay: they are still to be sent."""
    cutoff = at - timedelta(days=period_days("mail_queue"))
    finished = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED], finished_at__lt=cutoff
    )
    return {"django_tasks_database.dbtaskresult": delete_rows(finished, dry_run=dry_run)}


def purge_admin_history(*, at: datetime, dry_run: bool = False) -> Rows:
    """The admin's own list of changes (it names what was changed) after a year."""
    cutoff = at - timedelta(days=period_days("admin_history"))
    return {"admin.logentry": delete_rows(LogEntry.objects.filter(action_time__lt=cutoff), dry_run=dry_run)}


def purge_nothing(*, at: datetime, dry_run: bool = False) -> Rows:
    """Kinds whose rows hold no personal column of their own: the audit log (account numbers only)
    and the staff's records name accounts, which ``purge_accounts`` empties; the rows stay."""
    return {}
