"""What the review pages share: the user, where a refusal is shown, the pages' addresses."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

from accounts.models import User
from common.errors import ServiceError
from editions.models import Edition
from proposals.models import Plan

# Which form field a refusal is about, so the message appears next to it.
ERROR_FIELDS: dict[str, str] = {
    "verdict_needs_explanation": "public_explanation",
    "cost_change_needs_reason": "cost_change_reason",
    "adjusted_cost_not_positive": "adjusted_cost_cents",
    "message_required": "message",
    "deadline_in_past": "deadline",
    "deadline_after_review": "deadline",
    "reason_required": "reason",
}


def user_of(request: HttpRequest) -> User:
    """The logged-in user (every view here requires a login)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def add_error(form: forms.Form, error: ServiceError) -> None:
    field = ERROR_FIELDS.get(error.code)
    form.add_error(field if field in form.fields else None, error.message)


def attempt(request: HttpRequest, form: forms.Form | None, call: Callable[[], object], success: str) -> bool:
    """Call one service: True (and ``success`` shown) when done; else the refusal on ``form`` or on top."""
    try:
        call()
    except ServiceError as error:
        if form is None:
            messages.error(request, error.message)
        else:
            add_error(form, error)
        return False
    messages.success(request, success)
    return True


def queue_url(edition: Edition) -> str:
    return reverse("review:queue", kwargs={"slug": edition.slug})


def plan_url(edition: Edition, plan: Plan) -> str:
    return reverse("review:plan", kwargs={"slug": edition.slug, "pk": plan.pk})
