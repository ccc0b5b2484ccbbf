"""The plan wizard: starting a plan in an edition, its six steps, and removing an image.

Each view parses the input, calls one service and renders; a refusal is shown next to the field it
is about (``steps.show_error``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from editions.decorators import Gate, edition_action
from editions.models import Edition
from editions.permissions import can
from editions.phases import Action
from proposals.costs.rows import cost_rows
from proposals.errors import PlanError
from proposals.forms.submission import (
    BaseCostLineFormSet,
    CostNoteForm,
    ImageForm,
    InviteForm,
    PeopleForm,
    SubmitForm,
    WhatForm,
    WhereForm,
    cost_line_formset,
    cost_line_initial,
    cost_lines_plus_one,
    typed_total,
)
from proposals.models import Plan, PlanImage, PlanStatus
from proposals.selectors import accepted_co_initiators
from proposals.selectors.own_plans import co_initiators_of, own_plan
from proposals.services import co_initiators, images, submission

from .steps import (
    PREVIEW,
    STEP_SLUGS,
    may_edit,
    next_step,
    next_step_url,
    render_step,
    save_step,
    show_error,
    step_context,
    step_url,
    user_of,
)


@login_required
@require_http_methods(["GET", "POST"])
@edition_action(Action.SUBMIT_PLAN, gate=Gate.OFFERED)
def start(request: HttpRequest, edition: Edition) -> HttpResponse:
    """Step one of a new plan; outside the plans phase, a page that says when plans can be submitted."""
    if not can(request.user, Action.SUBMIT_PLAN, edition):
        return render(request, "proposals/submission_closed.html", {"edition": edition}, status=403)
    form = WhatForm(request.POST or None, edition=edition)
    if request.method == "POST" and form.is_valid():
        try:
            plan = submission.start_draft(edition=edition, initiator=user_of(request), **form.plan_fields())
        except PlanError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Your draft has been saved. You can come back to it at any time."))
            return redirect(next_step_url(plan, "wat"))
    context = {"edition": edition, "form": form, **step_context(0)}
    return render(request, "proposals/submission_what.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in STEP_SLUGS:
        raise Http404
    plan = own_plan(pk=pk, user=user_of(request))
    if plan is None:
        raise Http404
    if step != PREVIEW:
        try:
            submission.check_may_edit(plan=plan, user=user_of(request))
        except PlanError as error:
            messages.error(request, error.message)
            return redirect("proposals:my_plans")
    return STEP_VIEWS[step](request, plan)


def _plan_step(
    request: HttpRequest, plan: Plan, form_class: type[WhatForm] | type[WhereForm], step: str, template: str
) -> HttpResponse:
    """A step whose form edits the plan's own fields, shown with their current values."""
    initial = {name: getattr(plan, name) for name in form_class.base_fields}
    initial["translations"] = plan.translations  # the other languages of a translated text, if any
    revising = plan.status != PlanStatus.DRAFT
    form = form_class(request.POST or None, initial=initial, edition=plan.edition, revising=revising)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_step(request, plan, form, fields=form.plan_fields())
    ):
        return redirect(next_step_url(plan, step))
    return render_step(request, plan, step, template, form=form)


def _what(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _plan_step(request, plan, WhatForm, "wat", "proposals/submission_what.html")


def _where(request: HttpRequest, plan: Plan) -> HttpResponse:
    return _plan_step(request, plan, WhereForm, "waar", "proposals/submission_step.html")


def _costs(request: HttpRequest, plan: Plan) -> HttpResponse:
    note_form = CostNoteForm(request.POST or None, revising=plan.status != PlanStatus.DRAFT)
    if request.method == "POST" and ("add_line" in request.POST or "suggest" in request.POST):
        return _costs_unsaved(request, plan, note_form)
    formset = cost_line_formset(
        request.POST or None, initial=None if request.POST else cost_line_initial(plan)
    )
    # A refusal (over the maximum, an empty line) lands on note_form, shown above the lines.
    if (
        request.method == "POST"
        and formset.is_valid()
        and note_form.is_valid()
        and save_step(request, plan, note_form, cost_lines=formset.lines())
    ):
        return redirect(next_step_url(plan, "kosten"))
    total = typed_total(formset) if formset.is_bound else plan.lines_cost_cents  # type: ignore[attr-defined]
    return _render_costs(request, plan, formset, note_form, focus_row=None, total=total)


def _costs_unsaved(request: HttpRequest, plan: Plan, note_form: CostNoteForm) -> HttpResponse:
    """Nothing is saved: the lines come back with a new empty one, or with their typical costs."""
    if "add_line" in request.POST:
        formset, focus_row = cost_lines_plus_one(request.POST)
    else:
        formset, focus_row = cost_line_formset(request.POST), None
        formset.errors  # noqa: B018 -- validates now, so the lines show their mistakes
    if note_form.fields:
        note_form.is_valid()
    return _render_costs(request, plan, formset, note_form, focus_row=focus_row, total=typed_total(formset))


def _render_costs(
    request: HttpRequest,
    plan: Plan,
    formset: BaseCostLineFormSet,
    note_form: CostNoteForm,
    *,
    focus_row: int | None,
    total: int,
) -> HttpResponse:
    return render_step(
        request,
        plan,
        "kosten",
        "proposals/submission_costs.html",
        formset=formset,
        cost_rows=cost_rows(formset.forms, edition=plan.edition),
        note_form=note_form,
        focus_row=focus_row,
        total_cents=total,
    )


def _images(request: HttpRequest, plan: Plan) -> HttpResponse:
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and _add_image(request, plan, form):
        return redirect(step_url(plan, "afbeeldingen"))
    return render_step(
        request,
        plan,
        "afbeeldingen",
        "proposals/submission_images.html",
        form=form,
        images=list(plan.images.all()),
        max_images=settings.PLAN_IMAGES_PER_PLAN,
        next_step=next_step("afbeeldingen"),
    )


def _add_image(request: HttpRequest, plan: Plan, form: ImageForm) -> bool:
    upload = form.cleaned_data["image"]
    try:
        images.add_plan_image(
            plan=plan,
            by=user_of(request),
            upload=upload,
            size=upload.size,
            alt_text=form.cleaned_data["alt_text"],
        )
    except PlanError as error:
        show_error(form, error)
        return False
    messages.success(request, _("The image has been added."))
    return True


def _people(request: HttpRequest, plan: Plan) -> HttpResponse:
    inviting = request.method == "POST" and request.POST.get("action") == "invite"
    saving = request.method == "POST" and not inviting
    form = PeopleForm(
        request.POST if saving else None,
        initial={"public_name": plan.public_name},
        revising=plan.status != PlanStatus.DRAFT,
    )
    invite_form = InviteForm(request.POST if inviting else None)
    if inviting and invite_form.is_valid():
        if _invite(request, plan, invite_form):
            return redirect(step_url(plan, "mensen"))
    elif saving and form.is_valid() and save_step(request, plan, form, fields=form.plan_fields()):
        return redirect(next_step_url(plan, "mensen"))
    return render_step(
        request,
        plan,
        "mensen",
        "proposals/submission_people.html",
        form=form,
        invite_form=invite_form,
        invitations=co_initiators_of(plan=plan),
    )


def _invite(request: HttpRequest, plan: Plan, form: InviteForm) -> bool:
    email = form.cleaned_data["email"]
    try:
        co_initiators.invite_co_initiator(plan=plan, by=user_of(request), email=email)
    except PlanError as error:
        show_error(form, error)
        return False
    messages.success(request, _("We have sent an invitation to %(email)s.") % {"email": email})
    return True


def _preview(request: HttpRequest, plan: Plan) -> HttpResponse:
    form = SubmitForm(
        request.POST or None, edition=plan.edition, resubmitting=plan.status != PlanStatus.DRAFT
    )
    if request.method == "POST" and form.is_valid() and _submit(request, plan, form):
        return redirect(plan.get_absolute_url())
    return render_step(
        request,
        plan,
        PREVIEW,
        "proposals/submission_preview.html",
        form=form,
        editable=may_edit(plan, user_of(request)),
        cost_lines=plan.cost_lines.all(),
        co_initiators=accepted_co_initiators(plan),
    )


def _submit(request: HttpRequest, plan: Plan, form: SubmitForm) -> bool:
    """Submit the plan, or send it back to the reviewers; False (and the error on the form) when refused."""
    user = user_of(request)
    try:
        if request.POST.get("action") == "resubmit":
            submission.resubmit_plan(plan=plan, by=user)
            messages.success(request, _("Your plan has been sent back to the reviewers."))
        else:
            submission.submit_plan(plan=plan, by=user, age_confirmed=form.cleaned_data["age_confirmed"])
            messages.success(request, _("Thank you! Your plan has been submitted and is now public."))
    except PlanError as error:
        show_error(form, error)
        return False
    return True


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
    plan = own_plan(pk=pk, user=user_of(request))
    image = get_object_or_404(PlanImage, pk=image_pk, plan_id=pk) if plan else None
    if plan is None or image is None:
        raise Http404
    try:
        images.remove_plan_image(image=image, by=user_of(request))
    except PlanError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The image has been removed."))
    return redirect(step_url(plan, "afbeeldingen"))
