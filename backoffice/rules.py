"""Who may list, view, add, change and delete which rows in the admin (/beheer/), by district.

Every model the admin shows — registered or as an inline — has one ``AdminRule`` here: how a row
reaches its district, and which staff roles each operation asks. The roles come from the same
declaration ``can()`` reads (``editions.permissions.ACTION_RULES``), so "an official manages an
edition" means the same thing on the site and in the admin. A role counts only in its own district
(an administrator holds every role there); superusers may do everything a rule does not forbid to
all. A model without a rule is closed to everyone but superusers, and the admin test suite fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any, Literal

from django.db import models
from django.db.models import Q

from accounts.models import Role, User
from accounts.roles import roles_of
from editions.permissions import ACTION_RULES
from editions.phases import Action

from .entries import phase_has_entries

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

_ROW_CACHE = "_backoffice_row_districts"
Operation = Literal["view", "add", "change", "delete"]
OPERATIONS: tuple[Operation, ...] = ("view", "add", "change", "delete")

# An operation's requirement: the staff roles that allow it in a row's district, SUPERUSERS (no role
# suffices) or NOBODY (not even a superuser: the row is a record, e.g. the audit log).
SUPERUSERS: frozenset[Role] = frozenset()
NOBODY = None
Requirement = frozenset[Role] | None


def roles_of_action(*actions: Action) -> frozenset[Role]:
    """The staff roles ``can()`` asks for any of ``actions`` (its panel variant included)."""
    roles: set[Role] = set()
    for action in actions:
        rule = ACTION_RULES[action]
        if rule.roles is None:
            raise ValueError(f"{action} is a resident action; the admin is for staff")
        roles |= rule.roles | (rule.panel_roles or frozenset())
    return frozenset(roles)


MANAGERS = roles_of_action(Action.MANAGE_EDITION)
PANEL_STAFF = roles_of_action(Action.MANAGE_EDITION, Action.DRAW_PANEL)
EXECUTION_STAFF = roles_of_action(Action.MANAGE_EXECUTION)
EVALUATORS = roles_of_action(Action.EVALUATE)
DEVELOPMENT_STAFF = roles_of_action(Action.MANAGE_DEVELOPMENT)
# No action in the declaration reads the log: a district's administrator does (they hold every role).
AUDIT_READERS = frozenset({Role.ADMINISTRATOR})


@dataclass(frozen=True)
class AdminRule:
    """One model's rows in the admin.

    ``districts``: paths from a row to its district (``"pk"`` when the row is a district; several
    paths: the row belongs to each district any of them reaches; none: the row belongs to no
    district, so only superusers may touch it). ``edition``: the path to the row's edition, for the
    audit log. ``frozen``: fields no form may change on a row for which ``frozen_when`` holds, and
    such a row cannot be deleted here either (a service with a reason changes it).
    """

    districts: tuple[str, ...]
    view: Requirement
    add: Requirement
    change: Requirement
    delete: Requirement
    edition: str | None = None
    frozen: tuple[str, ...] = ()
    frozen_when: Callable[[Any], bool] | None = None

    def requirement(self, operation: Operation) -> Requirement:
        return getattr(self, operation)  # type: ignore[no-any-return]

    def is_frozen(self, row: models.Model) -> bool:
        return self.frozen_when is not None and row.pk is not None and self.frozen_when(row)


def _superusers_only(*, view: Requirement = SUPERUSERS, write: Requirement = SUPERUSERS) -> AdminRule:
    return AdminRule(districts=(), view=view, add=write, change=write, delete=write)


def _record(edition: str, *, view: Requirement) -> AdminRule:
    """A record of an edition that only its services write: the admin shows it to ``view``, nothing more."""
    return AdminRule(
        districts=(f"{edition}__district",),
        edition=edition,
        view=view,
        add=NOBODY,
        change=NOBODY,
        delete=NOBODY,
    )


def _edition_part(path: str, *, roles: frozenset[Role] = MANAGERS, **extra: Any) -> AdminRule:
    """A part of an edition (its themes, phases, …) that the edition's managers edit with it."""
    return AdminRule(
        districts=(f"{path}__district",),
        edition=path,
        view=roles,
        add=roles,
        change=roles,
        delete=roles,
        **extra,
    )


ADMIN_RULES: dict[str, AdminRule] = {
    # Django's and django-tasks' own models: the platform's operators only.
    "auth.group": _superusers_only(),
    "django_tasks_database.dbtaskresult": _superusers_only(write=NOBODY),
    # The processes' own records (operations): the scheduler's runs and the heartbeats.
    "operations.jobrun": _superusers_only(write=NOBODY),
    "operations.heartbeat": _superusers_only(write=NOBODY),
    # People: an official sees the staff of their district and the residents whose plans are in its
    # editions (the e-mail addresses they work with); only superusers create accounts or grant roles.
    "accounts.user": AdminRule(
        districts=(
            "staff_roles__district",
            "plans__edition__district",
            "co_initiated_plans__plan__edition__district",
        ),
        view=MANAGERS,
        add=SUPERUSERS,
        change=SUPERUSERS,
        delete=SUPERUSERS,
    ),
    "accounts.staffrole": AdminRule(
        districts=("district",), view=MANAGERS, add=SUPERUSERS, change=SUPERUSERS, delete=SUPERUSERS
    ),
    # Places: read by their district's staff, set up by superusers.
    "places.municipality": AdminRule(
        districts=("districts",), view=MANAGERS, add=SUPERUSERS, change=SUPERUSERS, delete=SUPERUSERS
    ),
    "places.district": AdminRule(
        districts=("pk",), view=MANAGERS, add=SUPERUSERS, change=SUPERUSERS, delete=SUPERUSERS
    ),
    "places.neighbourhood": AdminRule(
        districts=("district",), view=MANAGERS, add=SUPERUSERS, change=SUPERUSERS, delete=SUPERUSERS
    ),
    # Help at hand: each district's officials keep their own helpdesk and help locations.
    "places.helpdesk": AdminRule(
        districts=("district",), view=MANAGERS, add=MANAGERS, change=MANAGERS, delete=MANAGERS
    ),
    "places.helplocation": AdminRule(
        districts=("district",), view=MANAGERS, add=MANAGERS, change=MANAGERS, delete=MANAGERS
    ),
    # The postcode table: replaced as a whole by the officials' import (audited), only read here.
    "places.postcodearea": AdminRule(
        districts=("district",), view=MANAGERS, add=SUPERUSERS, change=SUPERUSERS, delete=SUPERUSERS
    ),
    # Editions and their parts: the district's officials; deleting an edition takes a superuser.
    "editions.edition": AdminRule(
        districts=("district",), edition="pk", view=MANAGERS, add=MANAGERS, change=MANAGERS, delete=SUPERUSERS
    ),
    "editions.theme": _edition_part("edition"),
    "editions.subbudget": _edition_part("edition"),
    "editions.phase": _edition_part(
        "edition", frozen=("kind", "starts_at", "ends_at"), frozen_when=phase_has_entries
    ),
    "review.reviewcriterion": _edition_part("edition"),
    "proposals.plan": AdminRule(
        districts=("edition__district",),
        edition="edition",
        view=MANAGERS,
        add=MANAGERS,
        change=MANAGERS,
        delete=SUPERUSERS,
    ),
    "proposals.costline": _edition_part("plan__edition"),
    # Records: read by those who work with them, written only by their services.
    "audit.auditentry": _record("edition", view=AUDIT_READERS),
    "deliberation.draw": _record("edition", view=PANEL_STAFF),
    "deliberation.panelmember": _record("draw__edition", view=PANEL_STAFF),
    # Carrying out: records of the projects' services (the ledger's invariants, notifications, the
    # audit), read by the officials who manage the execution; nobody edits them here.
    "execution.project": _record("edition", view=EXECUTION_STAFF),
    "execution.projectowner": _record("project__edition", view=EXECUTION_STAFF),
    "execution.projectline": _record("project__edition", view=EXECUTION_STAFF),
    "execution.agreement": _record("project__edition", view=EXECUTION_STAFF),
    "execution.milestone": _record("project__edition", view=EXECUTION_STAFF),
    "execution.scheduledpayment": _record("project__edition", view=EXECUTION_STAFF),
    "execution.payment": _record("project__edition", view=EXECUTION_STAFF),
    "execution.expense": _record("project__edition", view=EXECUTION_STAFF),
    "execution.ledgerdecision": _record("project__edition", view=EXECUTION_STAFF),
    "execution.update": _record("project__edition", view=EXECUTION_STAFF),
    "execution.updatephoto": _record("update__project__edition", view=EXECUTION_STAFF),
    "execution.statuschange": _record("project__edition", view=EXECUTION_STAFF),
    "execution.blocker": _record("project__edition", view=EXECUTION_STAFF),
    "execution.helprequest": _record("project__edition", view=EXECUTION_STAFF),
    "execution.reminder": _record("project__edition", view=EXECUTION_STAFF),
    "execution.finalreport": _record("project__edition", view=EXECUTION_STAFF),
    "execution.finalreportphoto": _record("report__project__edition", view=EXECUTION_STAFF),
    # Ideas and plan workshops (development.ideas, .workshops), and the district's pre-checks of drafts
    # (review.prechecks): written by their services (phase, capacity, one open pre-check; audited),
    # read here by the officials of the district.
    "development.idea": _record("edition", view=DEVELOPMENT_STAFF),
    "development.workshop": _record("edition", view=DEVELOPMENT_STAFF),
    "development.workshopsignup": _record("workshop__edition", view=DEVELOPMENT_STAFF),
    "review.precheck": _record("plan__edition", view=DEVELOPMENT_STAFF),
    "review.prechecknote": _record("precheck__plan__edition", view=DEVELOPMENT_STAFF),
    # Coaching (development.coaching): written by its services (one active coach, audited), read here
    # by the officials of the district; the log itself is not in the admin.
    "development.partner": AdminRule(
        districts=("district",), view=DEVELOPMENT_STAFF, add=NOBODY, change=NOBODY, delete=NOBODY
    ),
    "development.partnercoach": AdminRule(
        districts=("partner__district",), view=DEVELOPMENT_STAFF, add=NOBODY, change=NOBODY, delete=NOBODY
    ),
    "development.coaching": AdminRule(
        districts=("idea__edition__district", "plan__edition__district"),
        view=DEVELOPMENT_STAFF,
        add=NOBODY,
        change=NOBODY,
        delete=NOBODY,
    ),
    "development.coachingstep": AdminRule(
        districts=("coaching__idea__edition__district", "coaching__plan__edition__district"),
        view=DEVELOPMENT_STAFF,
        add=NOBODY,
        change=NOBODY,
        delete=NOBODY,
    ),
    # The learning programme: lessons, running costs and the precomputed figures, written by their
    # services (audited), read by the officials who evaluate the edition.
    "evaluation.lesson": _record("edition", view=EVALUATORS),
    "evaluation.processcost": _record("edition", view=EVALUATORS),
    "evaluation.editionevidence": _record("edition", view=EVALUATORS),
}


def rule_for(model: type[models.Model]) -> AdminRule | None:
    return ADMIN_RULES.get(model._meta.label_lower)


def is_active_staff(user: User | AnonymousUser) -> bool:
    return isinstance(user, User) and user.is_authenticated and user.is_active and user.is_staff


def districts_for(user: User | AnonymousUser, roles: Requirement) -> frozenset[int]:
    """The districts in which ``user`` holds one of ``roles`` (an administrator holds them all)."""
    if not roles or not is_active_staff(user):
        return frozenset()
    assert isinstance(user, User)
    return frozenset(
        district for district, role in roles_of(user) if role == Role.ADMINISTRATOR or role in roles
    )


def allows(
    user: User | AnonymousUser,
    model: type[models.Model],
    operation: Operation,
    row: models.Model | None = None,
) -> bool:
    """Whether ``user`` may perform ``operation`` on ``row`` (None: on some row) of ``model``."""
    rule = rule_for(model)
    if not is_active_staff(user):
        return False
    if rule is None:
        return bool(user.is_superuser)
    requirement = rule.requirement(operation)
    if requirement is NOBODY:
        return False
    if user.is_superuser:
        return True
    districts = districts_for(user, requirement)
    if not districts or not rule.districts:
        return False
    if row is None or row.pk is None:
        return True
    assert isinstance(user, User)
    return bool(districts & districts_of(user, model, rule, row.pk))


def districts_of(user: User, model: type[models.Model], rule: AdminRule, pk: Any) -> frozenset[int]:
    """The districts a stored row belongs to; kept on the user object for the request, like its roles."""
    cache: dict[tuple[str, str], frozenset[int]] = user.__dict__.setdefault(_ROW_CACHE, {})
    key = (model._meta.label_lower, str(pk))
    if key not in cache:
        rows = model._default_manager.filter(pk=pk)
        found = {value for path in rule.districts for value in rows.values_list(path, flat=True)}
        cache[key] = frozenset(found - {None})
    return cache[key]


def in_districts(
    queryset: models.QuerySet[Any], rule: AdminRule, districts: Iterable[int]
) -> models.QuerySet[Any]:
    """The rows of ``queryset`` that belong to one of ``districts`` (one row once, whatever its paths)."""
    ids = list(districts)
    if not rule.districts or not ids:
        return queryset.none()
    reach = reduce(or_, (Q(**{f"{path}__in": ids}) for path in rule.districts))
    # A subquery, so that paths through reverse relations (a user's plans) do not repeat rows.
    return queryset.filter(pk__in=queryset.model._default_manager.filter(reach).values("pk"))


def visible_rows(
    user: User | AnonymousUser, queryset: models.QuerySet[Any], operation: Operation = "view"
) -> models.QuerySet[Any]:
    """The rows of ``queryset`` on which ``user`` may perform ``operation``."""
    if not is_active_staff(user):
        return queryset.none()
    rule = rule_for(queryset.model)
    if user.is_superuser:
        return queryset if rule is None or rule.requirement(operation) is not NOBODY else queryset.none()
    if rule is None or rule.requirement(operation) is NOBODY:
        return queryset.none()
    return in_districts(queryset, rule, districts_for(user, rule.requirement(operation)))


def edition_of(row: models.Model) -> Any:
    """The row's edition by its rule's path (None when it has none), for the audit log."""
    rule = rule_for(type(row))
    if rule is None or rule.edition is None:
        return None
    if rule.edition == "pk":
        return row
    target: Any = row
    for part in rule.edition.split("__"):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target
