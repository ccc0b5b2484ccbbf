"""The staff workspace's tasks, read from the views that declare them (``@edition_action(task=...)``).

A staff page that is a step of an edition's cycle declares its task where it is guarded, so the
workspace offers exactly the pages that exist, to the people the action's rule names, in the
editions whose decision model has a phase that opens it. The one entry that is not a page of an
edition's slug, the edition's settings in the admin, is declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from editions.decorators import DeclaredTask, declared_tasks
from editions.models import Edition
from editions.permissions import ACTION_RULES, holds_action_roles
from editions.phases import Action
from editions.timeline import Timeline


@dataclass(frozen=True)
class Link:
    url: str
    label: str | Promise


@dataclass(frozen=True)
class WorkspaceTask:
    """A link in the staff workspace (see ``editions.decorators.Task``).

    It is offered in an edition to whoever holds ``action``'s roles there (in any phase), when the
    edition has a phase that opens ``offered_with`` (default: ``action``) under its decision model.
    """

    url_name: str
    label: Promise
    action: Action
    order: int
    offered_with: Action | None = None
    panel_label: Promise | None = None  # the label when the citizens' panel makes the shortlist
    url_arg: str = "slug"
    admin: bool = False  # a page of the Django admin: only for accounts with admin access

    @classmethod
    def declared(cls, declared: DeclaredTask) -> WorkspaceTask:
        task = declared.task
        return cls(
            url_name=declared.url_name,
            label=task.label,
            action=task.offered_to or declared.action,
            order=task.order,
            offered_with=task.offered_with,
            panel_label=task.panel_label,
        )

    def offered(self, user: User, edition: Edition, timeline: Timeline) -> bool:
        if self.admin and not user.is_staff:
            return False
        if not holds_action_roles(user, self.action, edition):
            return False
        opening = self.offered_with or self.action
        return ACTION_RULES[opening].any_phase or timeline.has_phase_opening(opening)

    def link(self, edition: Edition) -> Link:
        label = self.panel_label if self.panel_label and edition.panel_shortlists else self.label
        return Link(reverse(self.url_name, args=[getattr(edition, self.url_arg)]), label)


# The edition's settings: a page of the admin (by the edition's number), after the cycle's tasks.
EDITION_SETTINGS = WorkspaceTask(
    "admin:editions_edition_change",
    _("Edition settings"),
    Action.MANAGE_EDITION,
    order=1000,
    url_arg="pk",
    admin=True,
)


def workspace_tasks() -> list[WorkspaceTask]:
    """Every task the workspace can offer, in the order of an edition's cycle."""
    return [*(WorkspaceTask.declared(declared) for declared in declared_tasks()), EDITION_SETTINGS]


def tasks_for(user: User, edition: Edition, timeline: Timeline) -> list[Link]:
    """The links ``user`` gets in ``edition``'s entry of the workspace."""
    return [task.link(edition) for task in workspace_tasks() if task.offered(user, edition, timeline)]
