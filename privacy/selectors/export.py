"""Everything stored about one resident, as one JSON-ready mapping: the download of "your data"."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import StaffRole, User

from .activity import follows_of, notifications_of, panel_of, projects_of, surveys_answered_by
from .development import idea_activity_of, ideas_of
from .plans import co_initiatorships_of, comments_of, likes_of, plans_of, reports_of
from .values import when


def account_of(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "email": user.email,
        "public_name": user.display_name,
        "language": user.language,
        "email_notifications": user.email_notifications,
        "joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "email_confirmed_at": when(user.email_verified_at),
        "staff_roles": [
            {"role": role.role, "district": role.district.name}
            for role in StaffRole.objects.filter(user=user).select_related("district")
        ],
    }


def personal_data(user: User) -> dict[str, Any]:
    """The resident's own rows from every app; never another person's data, never a ballot."""
    return {
        "made_at": when(timezone.now()),
        "about": _(
            "All data Buurtbudget keeps about your account. Your ballots are not in it: they are never "
            "linked to you. Your survey answers are not in it either: they are stored without any link "
            "to you, so nobody can find them, not even we. You only see which surveys you answered."
        ),
        "account": account_of(user),
        "plans": plans_of(user),
        "co_initiator_of": co_initiatorships_of(user),
        "likes": likes_of(user),
        "comments": comments_of(user),
        "comment_reports": reports_of(user),
        "ideas": ideas_of(user),
        "on_ideas": idea_activity_of(user),
        "follows": follows_of(user),
        "notifications": notifications_of(user),
        "projects": projects_of(user),
        "panel": panel_of(user),
        "surveys_answered": surveys_answered_by(user),
    }
