"""What the review services share: permission checks, row locks, and values for the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.functional import Promise, lazy

from editions.models import Edition, Phase
from editions.permissions import can, phases_opening
from editions.phases import Action
from proposals.models import Plan, PlanStatus
from ui.templatetags.money import format_money

from ..errors import ReviewError

if TYPE_CHECKING:
    from accounts.models import User


def require(user: User, action: Action, edition: Edition, *, at: datetime | None = None) -> None:
    if not can(user, action, edition, at=at):
        raise ReviewError("not_allowed")


def lock_plan(plan: Plan) -> Plan:
    """Lock the plan's row for this transaction and refresh its status; returns the same object."""
    plan.status = Plan.objects.select_for_update().values_list("status", flat=True).get(pk=plan.pk)
    return plan


def lock_edition(edition: Edition) -> Edition:
    """Lock the edition's row: serialises the shortlist and the publications of one edition."""
    Edition.objects.select_for_update().filter(pk=edition.pk).values_list("pk", flat=True).get()
    return edition


def status_label(status: str) -> Promise:
    """The status's label, lazy: the error message is rendered in the reader's language."""
    return PlanStatus(status).label


def lines_cost(plan: Plan) -> int:
    total = plan.cost_lines.aggregate(total=Sum("amount_cents"))["total"]
    return int(total or 0)


def review_phase(edition: Edition) -> Phase | None:
    """The phase in which plans are reviewed: its dates set deadlines and the default publication date."""
    kinds = phases_opening(edition, Action.REVIEW_PLAN)
    return Phase.objects.filter(edition=edition, kind__in=kinds).order_by("starts_at").first()


def format_moment(moment: datetime) -> str:
    """A date and time for a message, in the active language and the site's time zone."""
    return formats.date_format(timezone.localtime(moment), "j F Y H:i")


# An amount or a moment for an error message, formatted when the message is shown, in the reader's language.
money_text = lazy(format_money, str)
moment_text = lazy(format_moment, str)
