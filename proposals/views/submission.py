"""The plan wizard, "My plans", withdrawal, invitations and the public revision pages.

Each view parses the input, checks who may do it, calls one service and renders; the services say
no with a ``PlanError`` whose message is shown next to the field it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from proposals.errors import PlanError
from proposals.forms.submission import (
    BaseCostLineFormSet,
    CostLineFormSet,
    ImageForm,
    InviteForm,
    PeopleForm,
    SubmitForm,
    WhatForm,
    WhereForm,
    cost_line_formset,
    cost_line_initial,
)
from proposals.models import Plan, PlanImage, PlanStatus
from proposals.selectors import accepted_co_initiators, plan_for_detail
from proposals.selectors.own_plans import co_initiators_of, open_invitations, own_plan, plans_of
from proposals.selectors.revisions import revision_diff, revision_of, snapshot_fields
from proposals.services import co_initiators, images, submission


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


def _show_error(form: forms.Form, error: PlanError) -> None:
    field = FIELD_OF_ERROR.get(error.code)
    form.add_error(field if field in form.fields else None, error.message)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _step_url(plan: Plan, slug: str) -> str:
    return reverse("proposals:edit", kwargs={"pk": plan.pk, "step": slug})


def _next_step(slug: str) -> str:
    return STEP_SLUGS[min(STEP_SLUGS.index(slug) + 1, len(STEP_SLUGS) - 1)]


def _render_step(request: HttpRequest, plan: Plan, step: str, template: str, **context: Any) -> HttpResponse:
    index = STEP_SLUGS.index(step)
    return render(
        request,
        template,
        {
            "plan": plan,
            "edition": plan.edition,
            "steps": STEPS,
            "step": STEPS[index],
            "step_number": index + 1,
            "step_count": len(STEPS),
            "previous_url": _step_url(plan, STEP_SLUGS[index - 1]) if index else "",
            "revising": plan.status != PlanStatus.DRAFT,
            **context,
        },
    )


def _save(request: HttpRequest, plan: Plan, form: forms.Form, **changes: Any) -> bool:
    """Save a step through the right service; False (and the error on the form) when refused."""
    user = _user(request)
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
        _show_error(form, error)
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Starting and the wizard's steps


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = get_object_or_404(
        Edition.objects.select_related("district"), slug=edition_slug, is_published=True
    )
    if not can(request.user, Action.SUBMIT_PLAN, edition):
        return render(request, "proposals/submission_closed.html", {"edition": edition}, status=403)
    form = WhatForm(request.POST or None, edition=edition)
    if request.method == "POST" and form.is_valid():
        try:
            plan = submission.start_draft(edition=edition, initiator=_user(request), **form.plan_fields())
        except PlanError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your draft has been saved. You can come back to it at any time."))
            return redirect(_step_url(plan, _next_step("wat")))
    return render(
        request,
        "proposals/submission_what.html",
        {
            "edition": edition,
            "form": form,
            "steps": STEPS,
            "step": STEPS[0],
            "step_number": 1,
            "step_count": len(STEPS),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEP_SLUGS:
        raise Http404
    plan = own_plan(pk=pk, user=_user(request))
    if plan is None:
        raise Http404
    if step != PREVIEW:
        try:
            submission.check_may_edit(plan=plan, user=_user(request))
        except PlanError as error:
            messages.error(request, error.message)
            return redirect("proposals:my_plans")
    return STEP_VIEWS[step](request, plan)


def _what(request: HttpRequest, plan: Plan) -> HttpResponse:
    revising = plan.status != PlanStatus.DRAFT
    initial = {
        "title": plan.title,
        "summary": plan.summary,
        "description": plan.description,
        "theme": plan.theme,
    }
    form = WhatForm(request.POST or None, initial=initial, edition=plan.edition, revising=revising)
    if request.method == "POST" and form.is_valid() and _save(request, plan, form, fields=form.plan_fields()):
        return redirect(_step_url(plan, _next_step("wat")))
    return _render_step(request, plan, "wat", "proposals/submission_what.html", form=form)


def _where(request: HttpRequest, plan: Plan) -> HttpResponse:
    revising = plan.status != PlanStatus.DRAFT
    initial = {
        "neighbourhood": plan.neighbourhood,
        "address": plan.address,
        "latitude": plan.latitude,
        "longitude": plan.longitude,
        "for_whom": plan.for_whom,
    }
    form = WhereForm(request.POST or None, initial=initial, edition=plan.edition, revising=revising)
    if request.method == "POST" and form.is_valid() and _save(request, plan, form, fields=form.plan_fields()):
        return redirect(_step_url(plan, _next_step("waar")))
    return _render_step(request, plan, "waar", "proposals/submission_step.html", form=form)


def _costs(request: HttpRequest, plan: Plan) -> HttpResponse:
    revising = plan.status != PlanStatus.DRAFT
    note_form = forms.Form(request.POST or None)
    if revising:
        note_form.fields["note"] = forms.CharField(
            label=gettext_lazy("What did you change, and why?"), required=False, max_length=300
        )
    if request.method == "POST" and "add_line" in request.POST:
        # Without JavaScript: the same rows again, plus an empty one; nothing is saved yet.
        data = request.POST.copy()
        total = int(data.get("form-TOTAL_FORMS") or 0)
        data["form-TOTAL_FORMS"] = str(min(total + 1, CostLineFormSet.max_num))
        formset = cost_line_formset(data)
        formset.errors  # noqa: B018 -- validates now, so rows typed so far show their mistakes
        if note_form.fields:
            note_form.is_valid()
        return _render_step(
            request,
            plan,
            "kosten",
            "proposals/submission_costs.html",
            formset=formset,
            note_form=note_form,
            focus_row=total,
            total_cents=_typed_total(formset),
        )
    formset = cost_line_formset(
        request.POST or None, initial=None if request.POST else cost_line_initial(plan)
    )
    # A refusal (over the maximum, an empty line) lands on note_form, shown above the lines.
    if (
        request.method == "POST"
        and formset.is_valid()
        and note_form.is_valid()
        and _save(request, plan, note_form, cost_lines=formset.lines())
    ):
        return redirect(_step_url(plan, _next_step("kosten")))
    return _render_step(
        request,
        plan,
        "kosten",
        "proposals/submission_costs.html",
        formset=formset,
        note_form=note_form,
        focus_row=None,
        total_cents=_typed_total(formset) if formset.is_bound else plan.lines_cost_cents,  # type: ignore[attr-defined]
    )


def _typed_total(formset: BaseCostLineFormSet) -> int:
    """The sum of the amounts typed so far that could be read."""
    return sum(form.cleaned_data.get("amount") or 0 for form in formset.forms if form.is_valid())


def _images(request: HttpRequest, plan: Plan) -> HttpResponse:
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            images.add_plan_image(
                plan=plan,
                by=_user(request),
                upload=upload,
                size=upload.size,
                alt_text=form.cleaned_data["alt_text"],
            )
        except PlanError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The image has been added."))
            return redirect(_step_url(plan, "afbeeldingen"))
    return _render_step(
        request,
        plan,
        "afbeeldingen",
        "proposals/submission_images.html",
        form=form,
        images=list(plan.images.all()),
        max_images=settings.PLAN_IMAGES_PER_PLAN,
        next_step=_next_step("afbeeldingen"),
    )


def _people(request: HttpRequest, plan: Plan) -> HttpResponse:
    revising = plan.status != PlanStatus.DRAFT
    inviting = request.method == "POST" and request.POST.get("action") == "invite"
    form = PeopleForm(
        request.POST if request.method == "POST" and not inviting else None,
        initial={"public_name": plan.public_name},
        revising=revising,
    )
    invite_form = InviteForm(request.POST if inviting else None)
    if inviting and invite_form.is_valid():
        try:
            co_initiators.invite_co_initiator(
                plan=plan, by=_user(request), email=invite_form.cleaned_data["email"]
            )
        except PlanError as error:
            _show_error(invite_form, error)
        else:
            messages.success(
                request,
                _("We have sent an invitation to %(email)s.") % {"email": invite_form.cleaned_data["email"]},
            )
            return redirect(_step_url(plan, "mensen"))
    elif (
        request.method == "POST"
        and not inviting
        and form.is_valid()
        and _save(request, plan, form, fields={"public_name": form.cleaned_data["public_name"]})
    ):
        return redirect(_step_url(plan, _next_step("mensen")))
    return _render_step(
        request,
        plan,
        "mensen",
        "proposals/submission_people.html",
        form=form,
        invite_form=invite_form,
        invitations=co_initiators_of(plan=plan),
    )


def _preview(request: HttpRequest, plan: Plan) -> HttpResponse:
    user = _user(request)
    form = SubmitForm(
        request.POST or None, edition=plan.edition, resubmitting=plan.status != PlanStatus.DRAFT
    )
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "resubmit":
                submission.resubmit_plan(plan=plan, by=user)
                messages.success(request, _("Your plan has been sent back to the reviewers."))
            else:
                submission.submit_plan(plan=plan, by=user, age_confirmed=form.cleaned_data["age_confirmed"])
                messages.success(request, _("Thank you! Your plan has been submitted and is now public."))
        except PlanError as error:
            _show_error(form, error)
        else:
            return redirect(plan.get_absolute_url())
    editable = True
    try:
        submission.check_may_edit(plan=plan, user=user)
    except PlanError:
        editable = False
    return _render_step(
        request,
        plan,
        PREVIEW,
        "proposals/submission_preview.html",
        form=form,
        editable=editable,
        cost_lines=plan.cost_lines.all(),
        co_initiators=accepted_co_initiators(plan),
    )


STEP_VIEWS: dict[str, Callable[[HttpRequest, Plan], HttpResponse]] = {
    "wat": _what,
    "waar": _where,
    "kosten": _costs,
    "afbeeldingen": _images,
    "mensen": _people,
    PREVIEW: _preview,
}


@login_required
@require_POST
def remove_image(request: HttpRequest, pk: int, image_pk: int) -> HttpResponse:
    plan = own_plan(pk=pk, user=_user(request))
    image = get_object_or_404(PlanImage, pk=image_pk, plan_id=pk) if plan else None
    if plan is None or image is None:
        raise Http404
    try:
        images.remove_plan_image(image=image, by=_user(request))
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The image has been removed."))
    return redirect(_step_url(plan, "afbeeldingen"))


# ---------------------------------------------------------------------------------------------
# My plans, withdrawing, deleting


@login_required
def my_plans(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "proposals/my_plans.html",
        {
            "rows": plans_of(user=user),
            "invitations": open_invitations(user=user),
            "withdrawable": [str(status) for status in submission.WITHDRAWABLE_STATUSES],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    plan = own_plan(pk=pk, user=_user(request))
    if plan is None:
        raise Http404
    error = None
    try:
        submission.check_may_withdraw(plan=plan, user=_user(request))
        if request.method == "POST":
            submission.withdraw_plan(plan=plan, by=_user(request))
            messages.success(request, _("Your plan has been withdrawn."))
            return redirect("proposals:my_plans")
    except PlanError as refused:
        error = refused.message
    return render(
        request,
        "proposals/withdraw_confirm.html",
        {"plan": plan, "error": error},
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    plan = own_plan(pk=pk, user=_user(request))
    if plan is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            submission.delete_draft(plan=plan, by=_user(request))
        except PlanError as refused:
            error = refused.message
        else:
            messages.success(request, _("Your draft has been deleted."))
            return redirect("proposals:my_plans")
    return render(request, "proposals/delete_confirm.html", {"plan": plan, "error": error})


# ---------------------------------------------------------------------------------------------
# Invitations


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation and two buttons; POST answers it (mail scanners only GET)."""
    invited = co_initiators.invitation_for_token(token)
    if invited is None:
        return render(
            request,
            "proposals/invitation.html",
            {"error": PlanError("invalid_invitation").message},
            status=400,
        )
    if not request.user.is_authenticated:
        return render(request, "proposals/invitation.html", {"invitation": invited, "login_needed": True})
    error = None
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            co_initiators.answer_invitation(invitation=invited, user=_user(request), accept=accept)
        except PlanError as refused:
            error = refused.message
        else:
            if accept:
                messages.success(
                    request, _("You are now a co-initiator of “%(plan)s”.") % {"plan": invited.plan.title}
                )
            else:
                messages.success(request, _("You have declined the invitation."))
            return redirect("proposals:my_plans")
    elif _user(request).email.lower() != invited.email.lower():
        error = PlanError("invitation_not_for_you").message
    return render(
        request,
        "proposals/invitation.html",
        {"invitation": invited, "error": error},
        status=400 if error else 200,
    )


# ---------------------------------------------------------------------------------------------
# Public: one revision and what it changed


def revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    plan = plan_for_detail(pk)
    if plan is None:
        raise Http404
    current = revision_of(plan=plan, number=number)
    if current is None:
        raise Http404
    previous = revision_of(plan=plan, number=number - 1) if number > 1 else None
    return render(
        request,
        "proposals/revision_detail.html",
        {
            "plan": plan,
            "revision": current,
            "previous": previous,
            "changes": revision_diff(older=previous, newer=current) if previous else [],
            "fields": snapshot_fields(current) if previous is None else [],
        },
    )
