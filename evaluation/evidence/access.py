"""Who may work on an edition's evaluation (lessons, running costs, recomputing): its district's officials."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editions.models import Edition
from editions.permissions import can
from editions.phases import Action

from ..errors import EvaluationError

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User


def may_evaluate(user: User | AnonymousUser, edition: Edition) -> bool:
    return can(user, Action.EVALUATE, edition)


def check_evaluator(user: User, edition: Edition) -> None:
    """Refuse unless ``user`` is an official of the edition's district (EVALUATE holds in any phase)."""
    if not may_evaluate(user, edition):
        raise EvaluationError("not_district")
