"""What every page of the plan wizard shares: its steps, its URLs, saving a step, showing a refusal.

The services say no with a ``PlanError``; its message is shown next to the field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from proposals.errors import PlanError
from proposals.models import Plan, PlanStatus
from proposals.services import submission


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise


STEPS: tuple[Step, ...] = (
    Step("wat", gettext_lazy("What and why")),
    Step("waar", gettext_lazy("Where and for whom")),
    Step("kosten", gettext_lazy("Costs")),
    Step("afbeeldingen", gettext_lazy("Images")),
    Step("mensen", gettext_lazy("People")),
    Step("controleren", gettext_lazy("Preview and submit")),
)
STEP_SLUGS = [step.slug for step in STEPS]
PREVIEW = "controleren"

# The form field a service refusal is about; other refusals are shown above the form.
FIELD_OF_ERROR = {
    "title_required": "title",
    "theme_not_in_edition": "theme",
    "neighbourhood_outside_area": "neighbourhood",
    "point_incomplete": "latitude",
    "point_outside_area": "latitude",
    "too_young": "age_confirmed",
    "image_needs_description": "alt_text",
    "image_too_large": "image",
    "not_an_image": "image",
    "already_invited": "email",
    "cannot_invite_self": "email",
}


def show_error(form: forms.Form, error: PlanError) -> None:
    field = FIELD_OF_ERROR.get(error.code)
    form.add_error(field if field in form.fields else None, error.message)


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def step_url(plan: Plan, slug: str) -> str:
    return reverse("proposals:edit", kwargs={"pk": plan.pk, "step": slug})


def next_step(slug: str) -> str:
    return STEP_SLUGS[min(STEP_SLUGS.index(slug) + 1, len(STEP_SLUGS) - 1)]


def next_step_url(plan: Plan, slug: str) -> str:
    return step_url(plan, next_step(slug))


def step_context(index: int) -> dict[str, Any]:
    """Where the wizard is: the steps, this one, its number of how many."""
    return {"steps": STEPS, "step": STEPS[index], "step_number": index + 1, "step_count": len(STEPS)}


def render_step(request: HttpRequest, plan: Plan, step: str, template: str, **context: Any) -> HttpResponse:
    index = STEP_SLUGS.index(step)
    return render(
        request,
        template,
        {
            "plan": plan,
            "edition": plan.edition,
            **step_context(index),
            "previous_url": step_url(plan, STEP_SLUGS[index - 1]) if index else "",
            "revising": plan.status != PlanStatus.DRAFT,
            **context,
        },
    )


def save_step(request: HttpRequest, plan: Plan, form: forms.Form, **changes: Any) -> bool:
    """Save a step through the right service; False (and the error on the form) when refused."""
    user = user_of(request)
    try:
        if plan.status == PlanStatus.DRAFT:
            submission.save_draft(plan=plan, by=user, **changes)
            messages.success(request, _("Your draft has been saved."))
        else:
            revision = submission.edit_submitted_plan(
                plan=plan, by=user, note=str(form.cleaned_data.get("note") or ""), **changes
            )
            if revision is not None:
                messages.success(request, _("Your change has been saved and is shown on the plan's page."))
    except PlanError as error:
        show_error(form, error)
        return False
    return True


def may_edit(plan: Plan, user: User) -> bool:
    """Whether ``user`` may still change ``plan`` (the preview shows its edit links only then)."""
    try:
        submission.check_may_edit(plan=plan, user=user)
    except PlanError:
        return False
    return True
